"""The DOCX carries its font: obfuscated faces in the font table, as ECMA-376 17.8.1 says."""

from __future__ import annotations

import dataclasses
import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from lofte_reports.doctree.nodes import (
    Document,
    DocumentStyle,
    FontFamily,
    Heading,
    Paragraph,
    Span,
    TitleBlock,
)
from lofte_reports.fonts.coverage import SHIPPED_FACES, embedding_refusal, shipped_face
from lofte_reports.writers.docx.fonts import font_key, obfuscate
from lofte_reports.writers.docx.writer import write_docx
from tests.office import convert_to_pdf
from tests.trees import every_block_document
from tests.writers.test_style import VERA


def _embedded(data: bytes) -> dict[str, dict[str, bytes]]:
    """Return each embedded family's faces (tag → unobfuscated bytes) of a DOCX."""
    word = docx.Document(io.BytesIO(data))
    table = word.part.part_related_by(RT.FONT_TABLE)
    found: dict[str, dict[str, bytes]] = {}
    for font in etree.fromstring(table.blob).iter(qn("w:font")):
        for embed in font:
            tag = etree.QName(embed).localname
            if tag.startswith("embed"):
                part = table.related_parts[embed.get(qn("r:id"))]
                assert part.content_type == (
                    "application/vnd.openxmlformats-officedocument.obfuscatedFont"
                )
                key = embed.get(qn("w:fontKey"))
                found.setdefault(font.get(qn("w:name")), {})[tag] = obfuscate(part.blob, key)
    return found


def _with_style(document: Document, style: DocumentStyle) -> Document:
    return dataclasses.replace(document, style=style)


def _plain(*more: Paragraph) -> Document:
    """Return a short document in upright Latin text (and bold), then the `more` paragraphs."""
    blocks = (TitleBlock("Medborgarlöfte", ("Polisen och kommunen",)), Heading(1, "Läget"))
    return dataclasses.replace(
        every_block_document(), blocks=(*blocks, Paragraph.of("Vanlig text."), *more)
    )


def test_obfuscation_changes_only_the_first_32_bytes_and_undoes_itself() -> None:
    face = shipped_face(SHIPPED_FACES[0])
    key = font_key(face)
    assert key == font_key(face) and len(key) == 38 and key[0] + key[-1] == "{}"
    hidden = obfuscate(face, key)
    assert hidden[:32] != face[:32] and hidden[32:] == face[32:]
    assert obfuscate(hidden, key) == face


def test_built_in_docx_carries_dejavu_sans_regular_and_bold() -> None:
    data = write_docx(_plain())
    faces = _embedded(data)
    assert set(faces) == {"DejaVu Sans"}
    assert faces["DejaVu Sans"]["embedRegular"] == shipped_face("DejaVuSans.ttf")
    assert faces["DejaVu Sans"]["embedBold"] == shipped_face("DejaVuSans-Bold.ttf")
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml")
    assert b"<w:embedTrueTypeFonts/>" in settings
    assert data == write_docx(_plain())  # the keys come from the faces, not chance


def test_italic_faces_go_only_where_text_is_italic() -> None:
    assert set(_embedded(write_docx(_plain()))["DejaVu Sans"]) == {"embedRegular", "embedBold"}
    italic = Paragraph((Span("lutande", emphasis=True),))
    faces = _embedded(write_docx(_plain(italic)))["DejaVu Sans"]
    assert faces["embedItalic"] == shipped_face("DejaVuSans-Oblique.ttf")
    assert faces["embedBoldItalic"] == shipped_face("DejaVuSans-BoldOblique.ttf")


def test_theme_font_travels_and_the_shipped_one_only_for_what_it_lacks() -> None:
    vera = FontFamily("Bitstream Vera Sans", VERA)
    faces = _embedded(write_docx(_with_style(_plain(), DocumentStyle(font=vera))))
    assert faces == {"Bitstream Vera Sans": {"embedRegular": VERA}}  # the faces it has
    # Vera lacks the Sami "ŋ"; with such text, DejaVu Sans goes along to draw it.
    sami = _with_style(_plain(Paragraph.of("Jåhkåmåhke suohkan: ŋ")), DocumentStyle(font=vera))
    assert set(_embedded(write_docx(sami))) == {"Bitstream Vera Sans", "DejaVu Sans"}


def test_restricted_fonts_are_refused_in_swedish() -> None:
    face = bytearray(VERA)
    tables = int.from_bytes(face[4:6], "big")
    for record in range(12, 12 + 16 * tables, 16):
        if face[record : record + 4] == b"OS/2":
            offset = int.from_bytes(face[record + 8 : record + 12], "big")
            face[offset + 8 : offset + 10] = (0x0002).to_bytes(2, "big")
    assert "inte bäddas in" in embedding_refusal(bytes(face))
    assert "0x0002" in embedding_refusal(bytes(face))
    assert embedding_refusal(VERA) == ""  # preview and print (0x0004) is allowed
    assert embedding_refusal(shipped_face("DejaVuSans.ttf")) == ""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_word_processor_without_the_font_draws_the_embedded_one(tmp_path: Path) -> None:
    """LibreOffice has no font called "Lofte Probe" but finds it in the DOCX and uses it."""
    fonttools = pytest.importorskip("fontTools.ttLib")
    font = fonttools.TTFont(io.BytesIO(shipped_face("DejaVuSans.ttf")))
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Lofte Probe"
        elif record.nameID == 6:
            record.string = "LofteProbe"
    renamed = io.BytesIO()
    font.save(renamed)
    probe = FontFamily("Lofte Probe", renamed.getvalue())
    document = _with_style(every_block_document(), DocumentStyle(font=probe))
    source = tmp_path / "probe.docx"
    source.write_bytes(write_docx(document))
    convert_to_pdf(source)
    import pikepdf

    with pikepdf.open(tmp_path / "probe.pdf") as pdf:
        names = {str(f.BaseFont) for page in pdf.pages for f in page.Resources.Font.values()}
    assert any(name.endswith("+LofteProbe") for name in names), names
