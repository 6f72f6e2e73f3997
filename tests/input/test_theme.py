"""A municipality's theme in pledge.yaml: its look in both formats, and hostile files refused."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import reportlab
import yaml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt, RGBColor
from PIL import Image
from pypdf import PdfReader

from lofte_reports import api
from lofte_reports.app.jobs import build, job, plan_all
from lofte_reports.doctree import nodes
from lofte_reports.errors import DataError, Problem
from lofte_reports.input.theme import check_reference_docx
from lofte_reports.model.pledge import Pledge
from lofte_reports.writers import write
from tests.conftest import SAMPLE, docx_text, pdf_text

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # lacks ŋ ŧ Ŋ Ŧ
PRIMARY = "#7A1F2B"
ACCENT = "#F3E3C3"
HEADER = "Landskrona stad – Trygghetsenheten"
FOOTER = "www.landskrona.se · Trygg i Landskrona"


def _png(path: Path, size: tuple[int, int] = (120, 60), colour: str = "#003366") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG")


def _folder(
    tmp_path: Path, theme: dict[str, Any], *, followup: bool = False, background: str = ""
) -> Path:
    """Return a copy of the sample pledge folder with `theme` added to its pledge.yaml."""
    folder = tmp_path / "lofte"
    folder.mkdir(exist_ok=True)
    text = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")
    if background:
        text = text.replace("\nbackground:\n", f"\nbackground:\n  - {background}\n", 1)
    text += "\n" + yaml.safe_dump({"theme": theme}, allow_unicode=True, sort_keys=False)
    (folder / "pledge.yaml").write_text(text, encoding="utf-8")
    if followup:
        shutil.copytree(SAMPLE / "followup", folder / "followup")
    return folder


def _line_of(folder: Path, text: str) -> int:
    lines = (folder / "pledge.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def _problems(folder: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        api.open_folder(folder)
    return caught.value.problems


def _pledge_bytes(folder: Path) -> tuple[bytes, bytes]:
    loaded = api.open_folder(folder)
    document = build(loaded, job(loaded.pledge, "pledge"))
    return write(document, "pdf"), write(document, "docx")


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    tmp_path = tmp_path_factory.mktemp("themed")
    folder = _folder(
        tmp_path,
        {
            "logos": [
                {"party": "polisen", "file": "tema/polisen.png"},
                {"party": "landskrona-stad", "file": "tema/kommun.png"},
            ],
            "colours": {"primary": PRIMARY, "accent": ACCENT},
            "font": {"regular": "tema/Vera.ttf"},
            "margins": {"left": 30, "right": 20, "top": 30, "bottom": 25},
            "header": HEADER,
            "footer": FOOTER,
        },
    )
    _png(folder / "tema" / "polisen.png")
    _png(folder / "tema" / "kommun.png", (80, 80), "#C81E28")
    shutil.copy(VERA, folder / "tema" / "Vera.ttf")
    pdf, word = _pledge_bytes(folder)
    return folder, pdf, word


def _xobjects(resources: Any, found: list[Any]) -> None:
    resources = resources.get_object() if resources is not None else {}
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        found.append(xobject)
        if xobject.get("/Subtype") == "/Form":
            _xobjects(xobject.get("/Resources"), found)


def _fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects: list[Any] = []
        _xobjects(page.get("/Resources"), xobjects)
        for resources in [page.get("/Resources"), *(x.get("/Resources") for x in xobjects)]:
            fonts = (resources.get_object() if resources is not None else {}).get("/Font") or {}
            names |= {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    return names


# --- the look, in both formats ------------------------------------------------------------


def test_pdf_shows_header_footer_logos_and_the_theme_font(
    themed: tuple[Path, bytes, bytes],
) -> None:
    _, pdf, _ = themed
    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0]
    text = pdf_text(pdf)
    assert HEADER in text and FOOTER in text
    assert "Sida 1 av" in text
    images: list[Any] = []
    _xobjects(first.get("/Resources"), images)
    assert sum(1 for x in images if x.get("/Subtype") == "/Image") == 2
    fonts = _fonts(pdf)
    assert fonts and all("BitstreamVeraSans" in name for name in fonts), fonts
    assert [round(float(v)) for v in first.mediabox] == [0, 0, 595, 842]  # still A4


def test_pdf_uses_the_theme_margins_and_colours(themed: tuple[Path, bytes, bytes]) -> None:
    _, pdf, _ = themed
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    xs: list[float] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    assert min(xs) == pytest.approx(30 * 72 / 25.4, abs=0.5)
    content = page.get_contents()
    assert content is not None
    stream = content.get_data().decode("latin-1")
    assert ".478431 .121569 .168627 rg" in stream  # the primary colour, #7A1F2B


def test_docx_header_has_the_logos_with_party_names_as_alt_text(
    themed: tuple[Path, bytes, bytes],
) -> None:
    _, _, data = themed
    word = docx.Document(io.BytesIO(data))
    header = word.sections[0].header._element
    described = [pr.get("descr") for pr in header.iter(qn("wp:docPr"))]
    assert described == ["Lokalpolisområde Landskrona", "Landskrona stad"]
    assert HEADER in "".join(t.text or "" for t in header.iter(qn("w:t")))


def test_docx_footer_styles_margins_and_font_follow_the_theme(
    themed: tuple[Path, bytes, bytes],
) -> None:
    _, _, data = themed
    word = docx.Document(io.BytesIO(data))
    section = word.sections[0]
    footer = section.footer._element
    assert FOOTER in "".join(t.text or "" for t in footer.iter(qn("w:t")))
    assert "PAGE" in "".join(t.text or "" for t in footer.iter(qn("w:instrText")))
    assert word.styles["Heading 1"].font.color.rgb == RGBColor.from_string(PRIMARY[1:])
    assert word.styles["Title"].font.color.rgb == RGBColor.from_string(PRIMARY[1:])
    assert section.left_margin is not None and abs(section.left_margin - Mm(30)) < Mm(0.1)
    assert section.right_margin is not None and abs(section.right_margin - Mm(20)) < Mm(0.1)
    defaults = word.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == "Bitstream Vera Sans"
    heading_fonts = word.styles["Heading 1"].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert heading_fonts.get(qn("w:ascii")) == "Bitstream Vera Sans"
    assert heading_fonts.get(qn("w:asciiTheme")) is None


def test_both_formats_keep_the_whole_content(themed: tuple[Path, bytes, bytes]) -> None:
    _, pdf, data = themed
    for text in (pdf_text(pdf), docx_text(data)):
        assert "Situationen idag" in text
        assert "Anneli Manelli" in text


def test_themed_pdf_is_byte_identical_on_a_second_run(themed: tuple[Path, bytes, bytes]) -> None:
    folder, pdf, _ = themed
    assert _pledge_bytes(folder)[0] == pdf


def test_without_a_theme_nothing_changes(sample_pdf: bytes) -> None:
    loaded = api.open_folder(SAMPLE)
    assert loaded.style == nodes.DocumentStyle()
    document = build(loaded, job(loaded.pledge, "pledge"))
    assert document.style == nodes.DocumentStyle()
    assert write(document, "pdf") == sample_pdf


def test_colours_margins_and_texts_need_no_folder(sample_pledge: Any) -> None:
    theme = {"colours": {"primary": PRIMARY}, "header": HEADER, "margins": {"top": 40}}
    pledge = type(sample_pledge).model_validate(
        {**sample_pledge.model_dump(mode="json"), "theme": theme}
    )
    document = api.pledge_document(pledge)
    assert document.style.primary == PRIMARY and document.style.margins.top == 40
    assert HEADER in pdf_text(api.render(document, "pdf"))


def test_a_loaded_pledge_finds_its_files_and_a_built_one_is_told_where(
    themed: tuple[Path, bytes, bytes],
) -> None:
    folder, _, _ = themed
    loaded = api.load_pledge(folder)
    assert loaded.folder == folder
    assert len(api.pledge_document(loaded).style.logos) == 2
    built = Pledge.model_validate(loaded.model_dump())
    with pytest.raises(DataError, match="assets_folder") as caught:
        api.pledge_document(built)
    assert caught.value.problems[0].field == "theme.logos[0].file"
    document = api.pledge_document(built, assets_folder=folder)
    assert len(document.style.logos) == 2
    assert api.render_pledge(built, "pdf", assets_folder=folder).startswith(b"%PDF")


# --- the reference Word file ---------------------------------------------------------------


def _reference(path: Path, *, footer: str = "", readable: bool = True) -> None:
    """Write a small reference .docx: green serif Heading 1, its own header, 35 mm margins.

    python-docx's default template colours Subtitle, Caption and Heading 2 and 3 in 4F81BD
    (4.0:1 on white); `readable` darkens them, as a municipality's reference must.
    """
    word = docx.Document()
    for name in ("Subtitle", "Caption", "Heading 2", "Heading 3") if readable else ():
        word.styles[name].font.color.rgb = RGBColor(0x1B, 0x36, 0x5D)
    heading = word.styles["Heading 1"]
    heading.font.color.rgb = RGBColor(0x00, 0x66, 0x33)
    heading.font.size = Pt(20)
    fonts = heading.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    heading.font.name = "Liberation Serif"
    section = word.sections[0]
    section.left_margin = section.right_margin = Mm(35)
    section.header.paragraphs[0].text = "KOMMUNENS EGEN MALL"
    if footer:
        section.footer.paragraphs[0].text = footer
    word.add_paragraph("Detta innehåll ska tas bort.")
    path.parent.mkdir(parents=True, exist_ok=True)
    word.save(str(path))


def _styles_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/styles.xml").decode("utf-8")


def test_docx_takes_the_reference_documents_styles_page_and_header(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {"reference_docx": "tema/mall.docx", "colours": {"primary": PRIMARY}, "footer": FOOTER},
    )
    _reference(folder / "tema" / "mall.docx")
    pdf, data = _pledge_bytes(folder)
    styles = _styles_xml(data)
    assert 'w:color w:val="006633"' in styles
    assert 'w:ascii="Liberation Serif"' in styles
    assert PRIMARY[1:] not in styles  # the reference decides colours for Word
    word = docx.Document(io.BytesIO(data))
    assert word.styles["Heading 1"].font.color.rgb == RGBColor(0x00, 0x66, 0x33)
    section = word.sections[0]
    assert section.left_margin is not None and abs(section.left_margin - Mm(35)) < Mm(0.1)
    assert "KOMMUNENS EGEN MALL" in section.header.paragraphs[0].text
    text = docx_text(data)
    assert "Detta innehåll ska tas bort" not in text
    assert "Situationen idag" in text
    footer = section.footer._element
    assert FOOTER in "".join(t.text or "" for t in footer.iter(qn("w:t")))
    assert "PAGE" in "".join(t.text or "" for t in footer.iter(qn("w:instrText")))
    assert FOOTER in pdf_text(pdf)


def test_a_reference_whose_styles_are_too_light_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"reference_docx": "tema/mall.docx"})
    _reference(folder / "tema" / "mall.docx", readable=False)
    (problem,) = _problems(folder)
    assert problem.field == "theme.reference_docx"
    assert problem.line == _line_of(folder, "reference_docx:")
    message = problem.message
    assert message.startswith("'tema/mall.docx': formatmallen Subtitle (Underrubrik i svensk Word)")
    assert (
        "har textfärgen #4F81BD, som ger för låg kontrast på vit botten (4,0:1; minst 4,5:1)"
        in message
    )
    for style in ("Caption (Beskrivning", "Heading 2 (Rubrik 2", "Heading 3 (Rubrik 3"):
        assert style in message
    assert "Heading 1" not in message and "Title" not in message  # dark enough
    assert "ge formatmallarna en mörkare teckenfärg i Word" in message


def test_a_style_takes_its_colour_from_the_style_it_is_based_on(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"reference_docx": "mall.docx"})
    _reference(folder / "mall.docx")
    word = docx.Document(str(folder / "mall.docx"))
    word.styles["Normal"].font.color.rgb = RGBColor(0x99, 0x99, 0x99)  # 2.8:1
    lead = word.styles.add_style("Lead", 1)
    lead.base_style = word.styles["Normal"]
    shaded = word.styles["Heading 1"]  # white on dark green is readable
    shaded.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    fill = '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="clear" w:color="auto" w:fill="0B4F3C"/>'
    shaded.element.get_or_add_pPr().append(parse_xml(fill))
    word.save(str(folder / "mall.docx"))
    (problem,) = _problems(folder)
    assert "formatmallen Normal har textfärgen #999999" in problem.message
    assert "formatmallen Lead har textfärgen #999999" in problem.message
    assert "Heading 1" not in problem.message


def test_the_sample_reference_is_readable() -> None:
    sample = SAMPLE.parent / "stockholm-norrmalm-2019"
    data = (sample / "tema" / "referens.docx").read_bytes()
    assert check_reference_docx(data, "tema/referens.docx") == data


def test_a_reference_footer_is_kept_instead_of_ours(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"reference_docx": "mall.docx"})
    _reference(folder / "mall.docx", footer="Mallens egen sidfot")
    _, data = _pledge_bytes(folder)
    footer = docx.Document(io.BytesIO(data)).sections[0].footer._element
    assert "Mallens egen sidfot" in "".join(t.text or "" for t in footer.iter(qn("w:t")))
    assert not list(footer.iter(qn("w:instrText")))


def test_a_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"reference_docx": "mall.docx"})
    with zipfile.ZipFile(folder / "mall.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/media/zeros.bin", b"\0" * 30_000_000)
    (problem,) = _problems(folder)
    assert problem.field == "theme.reference_docx"
    assert "zip-bomb" in problem.message and "mall.docx" in problem.message
    assert problem.line == _line_of(folder, "reference_docx:")


def test_a_docx_with_a_doctype_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"reference_docx": "mall.docx"})
    _reference(tmp_path / "clean.docx")
    with (
        zipfile.ZipFile(tmp_path / "clean.docx") as source,
        zipfile.ZipFile(folder / "mall.docx", "w") as target,
    ):
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/styles.xml":
                data = data.replace(
                    b"?>",
                    b'?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                    1,
                )
            target.writestr(entry, data)
    (problem,) = _problems(folder)
    assert "DOCTYPE" in problem.message and "word/styles.xml" in problem.message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a zip at all", "inget Word-dokument"),
        (b"PK\x03\x04 broken", "inget Word-dokument"),
    ],
)
def test_a_file_that_is_no_docx_is_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    folder = _folder(tmp_path, {"reference_docx": "mall.docx"})
    (folder / "mall.docx").write_bytes(content)
    (problem,) = _problems(folder)
    assert expected in problem.message and problem.field == "theme.reference_docx"


# --- paths that leave the folder, and missing or broken files --------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("../utanfor.png", "'..'"),
        ("tema/../../utanfor.png", "'..'"),
        ("/etc/passwd", "absolut"),
        ("C:/bilder/logo.png", "absolut"),
        ("tema\\logo.png", "/ mellan mappar"),
        ("https://example.org/logo.png", "absolut"),
    ],
)
def test_a_path_out_of_the_folder_is_refused_with_field_and_line(
    tmp_path: Path, path: str, expected: str
) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": path}]})
    (problem,) = _problems(folder)
    assert problem.field == "theme.logos[0].file"
    assert expected in problem.message
    assert problem.file is not None and problem.file.name == "pledge.yaml"
    assert problem.line == _line_of(folder, "file:")


def test_a_symlink_pointing_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "hemlig.png"
    _png(outside)
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "tema/logo.png"}]})
    (folder / "tema").mkdir()
    os.symlink(outside, folder / "tema" / "logo.png")
    (problem,) = _problems(folder)
    assert problem.field == "theme.logos[0].file"
    assert "utanför löftesmappen" in problem.message and "symbolisk länk" in problem.message


def test_a_symlinked_folder_pointing_outside_is_refused(tmp_path: Path) -> None:
    _png(tmp_path / "annan" / "logo.png")
    folder = _folder(tmp_path, {"font": {"regular": "tema/logo.png"}})
    os.symlink(tmp_path / "annan", folder / "tema")
    (problem,) = _problems(folder)
    assert problem.field == "theme.font.regular" and "utanför löftesmappen" in problem.message


def test_a_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "logo.png"}]})
    _png(folder / "bilder" / "polisen.png")
    os.symlink(folder / "bilder" / "polisen.png", folder / "logo.png")
    assert len(api.open_folder(folder).style.logos) == 1


def test_missing_files_are_all_named_at_once(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "logos": [{"party": "polisen", "file": "saknas.png"}],
            "font": {"regular": "saknas.ttf"},
            "reference_docx": "saknas.docx",
        },
    )
    problems = _problems(folder)
    assert [p.field for p in problems] == [
        "theme.logos[0].file",
        "theme.font.regular",
        "theme.reference_docx",
    ]
    assert all("finns inte" in p.message for p in problems)
    assert "'saknas.png'" in problems[0].message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\nthis is not a picture", "ingen giltig PNG"),
        (b"GIF89a...", "ingen PNG-, JPEG- eller SVG-bild"),
        (b"", "är tom"),
    ],
)
def test_a_broken_image_is_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "logo.png"}]})
    (folder / "logo.png").write_bytes(content)
    (problem,) = _problems(folder)
    assert expected in problem.message and problem.field == "theme.logos[0].file"
    assert "'logo.png'" in problem.message


def test_a_truncated_png_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "logo.png"}]})
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 50).save(buffer, "PNG")
    (folder / "logo.png").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    (problem,) = _problems(folder)
    assert "ingen giltig PNG" in problem.message


def test_a_decompression_bomb_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "bomb.png"}]})
    Image.new("1", (9000, 9000)).save(folder / "bomb.png", "PNG")
    assert (folder / "bomb.png").stat().st_size < 100_000
    (problem,) = _problems(folder)
    assert "för många bildpunkter" in problem.message


def test_a_too_big_file_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "stor.png"}]})
    (folder / "stor.png").write_bytes(b"\x89PNG" + b"\0" * 5_000_000)
    (problem,) = _problems(folder)
    assert "för stor" in problem.message


def test_a_logo_of_an_unknown_party_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "brandkaren", "file": "logo.png"}]})
    (problem,) = _problems(folder)
    assert problem.field == "theme.logos[0].party" and "okänd part 'brandkaren'" in problem.message


@pytest.mark.parametrize(
    ("colours", "expected"),
    [
        ({"primary": "#12345"}, "#RRGGBB"),
        ({"primary": "red"}, "#RRGGBB"),
        ({"primary": "#FFD700"}, "för låg kontrast på vit botten"),
        ({"accent": "#1B365D"}, "för låg kontrast bakom svart text"),
    ],
)
def test_unreadable_or_malformed_colours_are_refused(
    tmp_path: Path, colours: dict[str, str], expected: str
) -> None:
    folder = _folder(tmp_path, {"colours": colours})
    (problem,) = _problems(folder)
    assert expected in problem.message and problem.field is not None
    assert problem.field.startswith("theme.colours")


def test_unknown_theme_keys_are_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"colors": {"primary": PRIMARY}})
    (problem,) = _problems(folder)
    assert problem.field == "theme.colors" and "colours" in problem.message


# --- fonts ---------------------------------------------------------------------------------


def test_data_the_theme_font_lacks_is_drawn_in_the_shipped_font(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"font": {"regular": "Vera.ttf"}}, background="Sámi giella ŋ ŧ")
    shutil.copy(VERA, folder / "Vera.ttf")
    pdf, data = _pledge_bytes(folder)
    fonts = _fonts(pdf)
    assert any("BitstreamVera" in name for name in fonts)
    assert any("DejaVuSans" in name for name in fonts)  # for ŋ and ŧ, which Vera lacks
    assert "Sámi giella ŋ ŧ" in pdf_text(pdf)
    assert "Sámi giella ŋ ŧ" in docx_text(data)


def test_data_no_shipped_font_can_draw_is_refused_where_it_was_written(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"font": {"regular": "Vera.ttf"}}, background="Sámi ŋ 中")
    shutil.copy(VERA, folder / "Vera.ttf")
    (problem,) = _problems(folder)
    assert problem.file is not None and problem.file.name == "pledge.yaml"
    assert problem.line is not None and problem.field == "background[0]"
    assert "'中' (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D)" in problem.message
    assert "varken temats typsnitt Bitstream Vera Sans eller DejaVu Sans" in problem.message
    assert "ŋ" not in problem.message


def test_template_text_no_font_can_draw_is_refused_naming_the_document(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"font": {"regular": "Vera.ttf"}}, followup=True)
    shutil.copy(VERA, folder / "Vera.ttf")
    (folder / "templates").mkdir()
    (folder / "templates" / "tertial.j2").write_text(
        '{% extends "!tertial.j2" %}{% block events %}{{ doc.paragraph("Händelser 中") }}'
        "{% endblock %}",
        encoding="utf-8",
    )
    loaded = api.open_folder(folder)
    jobs, _ = plan_all(loaded)
    tertial = next(one for one in jobs if one.kind == "tertial")
    with pytest.raises(DataError) as caught:
        build(loaded, tertial)
    (problem,) = caught.value.problems
    assert "mallarna för dokumentet ”Uppföljning tertial 1 2018" in problem.message
    assert "'中' (U+4E2D" in problem.message and "✔" not in problem.message


def test_a_file_that_is_no_truetype_font_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"font": {"regular": "typsnitt.ttf", "bold": "Vera.ttf"}})
    _png(folder / "typsnitt.ttf")
    shutil.copy(VERA, folder / "Vera.ttf")
    (problem,) = _problems(folder)
    assert problem.field == "theme.font.regular"
    assert "'typsnitt.ttf'" in problem.message and "TrueType" in problem.message


# --- SVG -------------------------------------------------------------------------------------

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="80" viewBox="0 0 160 80">'
    '<rect width="160" height="80" fill="#C81E28"/><circle cx="40" cy="40" r="25" fill="#fff"/>'
    "</svg>"
)


def test_an_svg_logo_is_vector_in_the_pdf_and_has_its_fallback_in_word(tmp_path: Path) -> None:
    theme = {"logos": [{"party": "polisen", "file": "logo.svg", "fallback": "logo.png"}]}
    folder = _folder(tmp_path, theme)
    (folder / "logo.svg").write_text(SVG, encoding="utf-8")
    _png(folder / "logo.png", (160, 80), "#C81E28")
    pdf, data = _pledge_bytes(folder)
    images: list[Any] = []
    _xobjects(PdfReader(io.BytesIO(pdf)).pages[0].get("/Resources"), images)
    assert not [x for x in images if x.get("/Subtype") == "/Image"]  # drawn, not pasted
    assert all("Helvetica" not in name for name in _fonts(pdf))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        header = next(n for n in names if n.startswith("word/header"))
        xml = archive.read(header).decode("utf-8")
    assert any(name.endswith(".svg") for name in names)
    assert any(name.endswith(".png") for name in names)
    assert "svgBlip" in xml and 'descr="Lokalpolisområde Landskrona"' in xml


def test_an_svg_logo_without_a_fallback_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"logos": [{"party": "polisen", "file": "logo.svg"}]})
    (folder / "logo.svg").write_text(SVG, encoding="utf-8")
    (problem,) = _problems(folder)
    assert problem.field == "theme.logos[0].fallback"
    assert "PNG- eller JPEG-version" in problem.message


@pytest.mark.parametrize(
    ("svg", "expected"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>&xxe;</title>'
            "</svg>",
            "ENTITY",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'width="10" height="10"><image xlink:href="/etc/hemlig.png" width="10" height="10"/>'
            "</svg>",
            "hänvisar till en annan fil",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            '<rect width="10" height="10" style="fill: url(https://example.org/x.svg#p)"/></svg>',
            "hänvisar till en annan fil",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20">'
            "<text x='0' y='15'>Polisen</text></svg>",
            "konturer",
        ),
        ("<svg><rect/></svg>", "ingen SVG-bild"),
        ("<svg xmlns='http://www.w3.org/2000/svg'><rect", "ingen giltig SVG-fil"),
    ],
)
def test_a_hostile_or_broken_svg_is_refused(tmp_path: Path, svg: str, expected: str) -> None:
    theme = {"logos": [{"party": "polisen", "file": "logo.svg", "fallback": "logo.png"}]}
    folder = _folder(tmp_path, theme)
    (folder / "logo.svg").write_text(svg, encoding="utf-8")
    _png(folder / "logo.png")
    (problem,) = _problems(folder)
    assert problem.field == "theme.logos[0].file"
    assert expected in problem.message


def test_the_fallback_must_be_a_raster_image(tmp_path: Path) -> None:
    theme = {"logos": [{"party": "polisen", "file": "logo.svg", "fallback": "logo2.svg"}]}
    folder = _folder(tmp_path, theme)
    (folder / "logo.svg").write_text(SVG, encoding="utf-8")
    (folder / "logo2.svg").write_text(SVG, encoding="utf-8")
    (problem,) = _problems(folder)
    assert problem.field == "theme.logos[0].fallback" and "PNG eller JPEG" in problem.message


def test_a_docx_that_links_to_an_outside_picture_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"reference_docx": "mall.docx"})
    _reference(tmp_path / "clean.docx")
    linked = (
        '<Relationship Id="rIdX" TargetMode="External" Target="https://example.org/pixel.png" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
    )
    with (
        zipfile.ZipFile(tmp_path / "clean.docx") as source,
        zipfile.ZipFile(folder / "mall.docx", "w") as target,
    ):
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", linked.encode() + b"</Relationships>")
            target.writestr(entry, data)
    (problem,) = _problems(folder)
    assert "https://example.org/pixel.png" in problem.message and "utifrån" in problem.message


def test_follow_up_text_is_checked_against_the_theme_font(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"font": {"regular": "Vera.ttf"}}, followup=True)
    shutil.copy(VERA, folder / "Vera.ttf")
    (folder / "followup" / "extra.yaml").write_text(
        "activities:\n  - date: 2018-03-01\n    promise: kontaktpoliser\n    note: Möte om ŋ 中\n",
        encoding="utf-8",
    )
    (problem,) = _problems(folder)
    assert problem.file is not None and problem.file.name == "extra.yaml"
    assert problem.line == 4 and problem.field == "activities[0].note"
    assert "'中' (U+4E2D" in problem.message and "ŋ" not in problem.message
