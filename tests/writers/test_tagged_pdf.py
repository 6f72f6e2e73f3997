"""Every sample PDF is tagged PDF/UA-1 and declares PDF/A-2a: read back, node for node.

The structure tree is walked and compared with the document tree; every content stream is
scanned for painting outside marked content; and the two accessibility checkers from
PyPI, outloud and pdfua, must find nothing at all: no error and no warning.
"""

from __future__ import annotations

import functools
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from outloud import check

from lofte_reports.api import open_folder
from lofte_reports.app.jobs import build, plan_all
from lofte_reports.doctree.nodes import (
    Chart,
    Document,
    Heading,
    Metadata,
    PageSetup,
    Paragraph,
    Table,
    TitleBlock,
)
from lofte_reports.languages import Language
from lofte_reports.writers import write
from tests.conftest import ROOT
from tests.pdf_structure import expected_structure, structure, unmarked_painting, xmp

SAMPLES = ["landskrona-2018", "laxa-2018", "stockholm-norrmalm-2019"]


@functools.cache
def sample_documents() -> list[tuple[str, Document, bytes]]:
    """Return (name, tree, PDF) for every document of every sample, in both languages."""
    made = []
    for sample in SAMPLES:
        languages: tuple[Language, ...] = ("sv", "en")
        for language in languages:
            folder = open_folder(ROOT / "samples" / sample, language)
            for job in plan_all(folder)[0]:
                document = build(folder, job)
                made.append((job.stem, document, write(document, "pdf")))
    return made


def ids() -> list[str]:
    return [name for name, _, _ in sample_documents()]


@pytest.fixture(params=range(len(ids())), ids=ids())
def made(request: pytest.FixtureRequest) -> tuple[str, Document, bytes]:
    index: int = request.param
    return sample_documents()[index]


def test_the_samples_make_tertials_and_summaries_too() -> None:
    names = ids()
    assert len(names) >= 14
    assert any("uppfoljning" in n for n in names) and any("arssammanfattning" in n for n in names)


def test_the_structure_tree_is_the_document_tree(made: tuple[str, Document, bytes]) -> None:
    _, document, pdf = made
    assert structure(pdf).shape() == expected_structure(document)


def test_nothing_is_painted_outside_marked_content(made: tuple[str, Document, bytes]) -> None:
    assert unmarked_painting(made[2]) == []


def test_outloud_finds_no_error_and_no_warning(
    made: tuple[str, Document, bytes], tmp_path: Path
) -> None:
    name, _, pdf = made
    file = tmp_path / f"{name}.pdf"
    file.write_bytes(pdf)
    result = check(str(file))
    findings = [(f.rule_id, f.message) for f in result.findings if f.severity != "info"]
    assert (result.errors, result.warnings, findings) == (0, 0, [])
    assert result.stats["tagged"]


def test_pdfua_finds_nothing(tmp_path: Path) -> None:
    files = []
    for name, _, pdf in sample_documents():
        files.append(tmp_path / f"{name}.pdf")
        files[-1].write_bytes(pdf)
    run = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "-f", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    reports = [json.loads(line) for line in _json_documents(run.stdout)]
    assert len(reports) == len(files)
    for report in reports:
        assert report["summary"]["findings"] == 0, report["findings"]
    assert run.returncode == 0


def _json_documents(text: str) -> list[str]:
    """Split pdfua's output (one JSON document per file, or one array) into documents."""
    decoder = json.JSONDecoder()
    documents, at = [], 0
    text = text.strip()
    while at < len(text):
        value, end = decoder.raw_decode(text, at)
        items = value if isinstance(value, list) else [value]
        documents += [json.dumps(item) for item in items]
        at = end
        while at < len(text) and text[at].isspace():
            at += 1
    return documents


def test_catalog_and_xmp_declare_pdf_ua_1_and_pdf_a_2a(made: tuple[str, Document, bytes]) -> None:
    _, document, pdf = made
    properties = xmp(pdf)
    assert properties["pdfuaid:part"] == "1"
    assert (properties["pdfaid:part"], properties["pdfaid:conformance"]) == ("2", "A")
    assert properties["dc:title"] == document.metadata.title
    date = document.metadata.date
    assert date is not None  # the builders date every document from its data
    assert properties["xmp:CreateDate"] == f"{date.isoformat()}T00:00:00Z"
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        info = opened.docinfo
        assert str(info.CreationDate) == str(info.ModDate) == f"D:{date:%Y%m%d}000000Z"
        root = opened.Root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == document.metadata.language
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        intent = root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1" and int(intent.DestOutputProfile.N) == 3
        assert intent.DestOutputProfile.read_bytes()[12:20] == b"mntrRGB "  # a display profile
        info = opened.docinfo
        assert "/Trapped" not in info
        assert str(info.Title) == properties["dc:title"]
        assert str(info.Creator) == properties["xmp:CreatorTool"]
        assert str(info.Producer) == properties["pdf:Producer"]
        assert "/Encrypt" not in opened.trailer
        metadata = root.Metadata
        assert "/Filter" not in metadata  # PDF/A: the XMP stays readable without a filter


def test_every_font_is_embedded_with_a_unicode_map(made: tuple[str, Document, bytes]) -> None:
    with pikepdf.open(io.BytesIO(made[2])) as pdf:
        fonts: dict[tuple[str, Any], Any] = {}
        empty = pikepdf.Dictionary()
        for page in pdf.pages:
            for name, font in page.Resources.get("/Font", empty).items():
                fonts[(name, font.objgen)] = font
            for xobject in page.Resources.get("/XObject", empty).values():
                resources = xobject.get("/Resources", empty)
                for name, font in resources.get("/Font", empty).items():
                    fonts[(name, font.objgen)] = font
        assert fonts
        for font in fonts.values():
            assert "/ToUnicode" in font, font.BaseFont
            assert "/FontFile2" in font.FontDescriptor, font.BaseFont


def test_bookmarks_follow_the_headings(made: tuple[str, Document, bytes]) -> None:
    _, document, pdf = made
    headings = [" ".join(b.text.split()) for b in document.blocks if isinstance(b, Heading)]
    with pikepdf.open(io.BytesIO(pdf)) as opened, opened.open_outline() as outline:
        titles: list[str] = []

        def walk(items: list[pikepdf.OutlineItem]) -> None:
            for item in items:
                titles.append(item.title)
                walk(item.children)

        walk(outline.root)
    assert titles == headings


def test_charts_are_figures_with_their_alternative_text(
    made: tuple[str, Document, bytes],
) -> None:
    _, document, pdf = made
    wanted = [b.alt_text for b in document.blocks if isinstance(b, Chart)]
    figures = [n.alt for n in structure(pdf).walk() if n.role == "Figure"]
    assert figures == wanted


def test_header_cells_have_column_scope(made: tuple[str, Document, bytes]) -> None:
    cells = [n for n in structure(made[2]).walk() if n.role == "TH"]
    assert all(cell.scope == "Column" for cell in cells)


def _long_document() -> Document:
    long_text = " ".join(f"Mening nummer {n} om trygghet i Landskrona." for n in range(260))
    rows = tuple((Paragraph.of(f"rad {n}"), Paragraph.of(f"värde {n}")) for n in range(90))
    return Document(
        Metadata("Lång", "Test"),
        PageSetup("Sida {page} av {pages}", notice="Exempeldata"),
        (
            TitleBlock("Lång"),
            Paragraph.of(long_text),
            Table((Paragraph.of("Rubrik A"), Paragraph.of("Rubrik B")), rows),
        ),
    )


def test_a_paragraph_over_page_breaks_is_one_element_on_each_page() -> None:
    document = _long_document()
    tree = structure(write(document, "pdf"))
    paragraph = tree.kids[2]  # the notice, the title, then the paragraph
    assert paragraph.role == "P" and len(set(paragraph.pages)) >= 2
    assert tree.shape() == expected_structure(document)


def test_a_repeated_header_row_is_an_artifact_and_the_notice_is_read_once() -> None:
    pdf = write(_long_document(), "pdf")
    tree = structure(pdf)
    header_cells = [n for n in tree.walk() if n.role == "TH"]
    assert [cell.pages for cell in header_cells] == [[header_cells[0].pages[0]]] * 2
    assert tree.kids[0].pages == [1]  # the notice, as content on the first page only
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert len(opened.pages) >= 3
        last = pikepdf.unparse_content_stream(pikepdf.parse_content_stream(opened.pages[-1]))
    assert b"/Artifact" in last and b"/TH" not in last
    assert unmarked_painting(pdf) == []


def test_archive_output_stays_byte_identical() -> None:
    document = _long_document()
    assert write(document, "pdf") == write(document, "pdf")


def test_each_signatory_has_an_empty_tagged_signature_field_above_the_line() -> None:
    folder = open_folder(ROOT / "samples" / "landskrona-2018")
    document = build(folder, plan_all(folder)[0][0])
    pdf = write(document, "pdf")
    people = folder.pledge.signatories
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        fields = list(opened.Root.AcroForm.Fields)
        assert [str(f.T) for f in fields] == [f"signatory-{n}" for n in (1, 2)]
        assert [str(f.FT) for f in fields] == ["/Sig", "/Sig"]
        assert "/V" not in fields[0]  # empty: nobody has signed yet
        assert str(fields[0].TU).startswith(people[0].name)
        assert int(fields[0].F) == 4 and "/N" in fields[0].AP
        last = opened.pages[-1]
        assert [a.objgen for a in last.Annots] == [f.objgen for f in fields]
        nums = list(opened.Root.StructTreeRoot.ParentTree.Nums)
        by_key = {int(k): v for k, v in zip(nums[::2], nums[1::2], strict=True)}
        for field in fields:
            form = by_key[int(field.StructParent)]
            assert form.S == "/Form" and form.K.Obj.objgen == field.objgen
    forms = [n for n in structure(pdf).walk() if n.role == "Form"]
    assert len(forms) == len(people) == 2
