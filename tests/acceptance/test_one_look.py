"""One look in both formats, read from the files: the DOCX's styles against the PDF's drawing.

Every sample document in both formats: the same font families, the same colours of title
and headings, the same page size and margins, and the DOCX carries the font it names.
LibreOffice's layout of the DOCX against our PDF (pages, headings on pages) is checked in
`test_tagged_docx_export.py`, which already exports every sample.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pikepdf
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from lofte_reports.api import write_all
from lofte_reports.writers.docx.fonts import obfuscate
from tests.conftest import ROOT

SAMPLES = ["landskrona-2018", "laxa-2018", "stockholm-norrmalm-2019"]
_HEADING_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3")
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FACE = re.compile(r"-(Bold|Oblique|Italic|BoldOblique|BoldItalic)$")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Return (DOCX, PDF) of every sample document in our own look, by file stem.

    Norrmalm's theme gives a reference Word file, whose styles decide the DOCX's look (as
    the README says): its documents are left out.
    """
    out = tmp_path_factory.mktemp("look")
    for name in SAMPLES:
        if not list((ROOT / "samples" / name).rglob("*.docx")):
            write_all(ROOT / "samples" / name, out, ["docx", "pdf"])
    return {path.stem: (path, path.with_suffix(".pdf")) for path in sorted(out.glob("*.docx"))}


def _family(name: str) -> str:
    """Return a font name without spaces, subset tag or face: "DejaVuSans-Bold" → "DejaVuSans"."""
    return _FACE.sub("", _SUBSET.sub("", name.lstrip("/"))).replace(" ", "")


def _pdf_fonts(pdf: pikepdf.Pdf) -> set[str]:
    """Return the families of every font the PDF's pages and their forms draw with."""
    found: set[str] = set()

    def visit(resources: Any) -> None:
        for font in resources.get("/Font", {}).values():
            found.add(_family(str(font.BaseFont)))
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                visit(xobject.Resources)

    for page in pdf.pages:
        visit(page.Resources)
    return found


def _docx_fonts(word: docx.document.Document) -> set[str]:
    """Return the families the DOCX's text is in: its paragraph styles' and its runs' own."""
    names = {
        fonts.get(qn("w:ascii"))
        for style in word.styles
        if style.type == 1 and style.name in {p.style.name for p in word.paragraphs if p.style}
        for fonts in style.element.iter(qn("w:rFonts"))
    }
    names |= {fonts.get(qn("w:ascii")) for fonts in word.element.body.iter(qn("w:rFonts"))}
    return {_family(name) for name in names if name}


def _pdf_heading_colours(pdf: pikepdf.Pdf) -> set[str]:
    """Return the fill colours ("RRGGBB") text is drawn in inside H1–H6 marked content."""
    colours: set[str] = set()
    for page in pdf.pages:
        tags: list[str] = []
        fill = "000000"
        for instruction in pikepdf.parse_content_stream(page):
            if not isinstance(instruction, pikepdf.ContentStreamInstruction):
                continue  # an inline image
            operands, op = instruction.operands, str(instruction.operator)
            if op in ("BDC", "BMC"):
                tags.append(str(operands[0]))
            elif op == "EMC" and tags:
                tags.pop()
            elif op == "rg":
                fill = "".join(f"{round(float(v) * 255):02X}" for v in operands)
            elif op in ("Tj", "TJ", "'", '"') and tags and re.fullmatch(r"/H[1-6]", tags[-1]):
                colours.add(fill)
    return colours


def _docx_heading_colours(word: docx.document.Document) -> set[str]:
    """Return the colours of the title and heading styles the DOCX's paragraphs use."""
    used = {p.style.name for p in word.paragraphs if p.style and p.text.strip()}
    return {str(word.styles[name].font.color.rgb) for name in _HEADING_STYLES if name in used}


def test_every_sample_is_in_both_formats(documents: dict[str, tuple[Path, Path]]) -> None:
    assert len(documents) == 6  # Landskrona's five and Laxå's pledge
    assert all(pdf.exists() for _, pdf in documents.values())


@pytest.mark.parametrize("kind", ["fonts", "heading colours", "page"])
def test_docx_and_pdf_look_the_same(kind: str, documents: dict[str, tuple[Path, Path]]) -> None:
    for stem, (docx_path, pdf_path) in documents.items():
        word = docx.Document(str(docx_path))
        with pikepdf.open(pdf_path) as pdf:
            if kind == "fonts":
                assert _docx_fonts(word) == _pdf_fonts(pdf), stem
            elif kind == "heading colours":
                colours = _pdf_heading_colours(pdf)
                assert colours and _docx_heading_colours(word) == colours, stem
            else:
                section = word.sections[0]
                box = [float(v) for v in pdf.pages[0].MediaBox]
                size = (section.page_width.pt, section.page_height.pt)  # type: ignore[union-attr]
                assert size == pytest.approx((box[2] - box[0], box[3] - box[1]), abs=0.5), stem
                left = _leftmost_text(pdf_path)
                assert section.left_margin.pt == pytest.approx(left, abs=0.5), stem  # type: ignore[union-attr]


def _leftmost_text(pdf_path: Path) -> float:
    """Return the smallest x at which text starts on the first page (the left margin)."""
    from outloud.model import Document

    document = Document(str(pdf_path))
    try:
        return float(min(run.bbox[0] for run in document.content(0).runs))
    finally:
        document.close()


def test_docx_carries_the_fonts_it_names(documents: dict[str, tuple[Path, Path]]) -> None:
    """Each family the text is in is embedded, regular and bold, and unobfuscates to a font."""
    for stem, (docx_path, _) in documents.items():
        word = docx.Document(str(docx_path))
        table = word.part.part_related_by(RT.FONT_TABLE)
        embedded: dict[str, set[str]] = {}
        for font in etree.fromstring(table.blob).iter(qn("w:font")):
            for embed in font:
                tag = etree.QName(embed).localname
                if not tag.startswith("embed"):
                    continue
                part = table.related_parts[embed.get(qn("r:id"))]
                data = obfuscate(part.blob, embed.get(qn("w:fontKey")))
                assert data[:4] == b"\x00\x01\x00\x00", (stem, tag)  # TrueType again
                embedded.setdefault(_family(font.get(qn("w:name"))), set()).add(tag)
        for family in _docx_fonts(word):
            assert {"embedRegular", "embedBold"} <= embedded.get(family, set()), (stem, family)
        with zipfile.ZipFile(io.BytesIO(docx_path.read_bytes())) as archive:
            assert b"<w:embedTrueTypeFonts/>" in archive.read("word/settings.xml")
