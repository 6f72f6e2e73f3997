"""The public API, end to end: properties of both documents, literal text, files written."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from pypdf import PdfReader

from lofte_reports import (
    DataError,
    Pledge,
    load_pledge,
    pledge_document,
    render_pledge,
    write_pledge,
)
from tests.conftest import ROOT, SAMPLE, docx_text, html_text, html_tree, pdf_text
from tests.pki import PASSWORD, make_pki, unsigned_pledge

HOSTILE_HTML = '<script>alert(1)</script> "><img src=x onerror=alert(2)> \'a\' & "b" </p></article>'
HOSTILE = "<b>fet</b> &amp; AT&T x<y>z {{ 7*7 }} {% if x %}ja{% endif %} * # _ [a](b) ŋ đ ŧ á č š ž Ŋ Đ Ŧ 😀 ☺"


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SAMPLE / "pledge.yaml").read_text(encoding="utf-8"))
    return data


def write_folder(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pledge.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def fonts_of(reader: PdfReader) -> list[Any]:
    fonts: list[Any] = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts += [font.get_object() for font in resources.get("/Font", {}).values()]
        for xobject in resources.get("/XObject", {}).values():
            inner = xobject.get_object().get("/Resources", {}).get("/Font", {})
            fonts += [font.get_object() for font in inner.values()]
    return fonts


def test_pdf_embeds_every_font_and_no_helvetica(sample_pdf: bytes) -> None:
    fonts = fonts_of(PdfReader(io.BytesIO(sample_pdf)))
    assert fonts
    for font in fonts:
        assert "Helvetica" not in str(font["/BaseFont"])
        descendants: Any = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_pdf_metadata_and_language(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE"
    info = reader.metadata
    assert info is not None
    assert info.title == "Medborgarlöfte i Landskrona kommun 2018"
    assert info.author == "Lokalpolisområde Landskrona och Landskrona stad"
    assert info.subject == "Medborgarlöfte för Karlslundsområdet 2018"


def test_docx_metadata_and_language(sample_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(sample_docx))
    props = document.core_properties
    assert props.title == "Medborgarlöfte i Landskrona kommun 2018"
    assert props.author == "Lokalpolisområde Landskrona och Landskrona stad"
    assert props.subject == "Medborgarlöfte för Karlslundsområdet 2018"
    assert props.language == "sv-SE"
    assert "python-docx" not in props.comments
    styles_xml = document.styles.element.xml
    assert re.search(r'<w:lang [^>]*w:val="sv-SE"', styles_xml)


def test_pages_are_numbered_sida_n_av_m(sample_pdf: bytes, sample_docx: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    count = len(reader.pages)
    assert count >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Sida {number} av {count}" in page.extract_text()
    footer = docx.Document(io.BytesIO(sample_docx)).sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Sida" in footer


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_signature_block_has_names_titles_organisations_place_and_date(
    kind: str, sample_pdf: bytes, sample_docx: bytes
) -> None:
    text = pdf_text(sample_pdf) if kind == "pdf" else docx_text(sample_docx)
    for expected in (
        "Anneli Manelli Lokalpolisområdeschef Lokalpolisområde Landskrona",
        "Torkild Strandberg Kommunstyrelsens ordförande Landskrona stad",
        "Ort",
        "Datum",
    ):
        assert expected in text


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_text_from_data_comes_out_literally(kind: str, tmp_path: Path) -> None:
    data = sample_data()
    data["background"] = [HOSTILE, "Rad ett\nRad två\tefter tabb", HOSTILE_HTML]
    data["promise_groups"][0]["promises"][0]["text"] = "Löfte med {{ pledge.id }} och </para>"
    data["parties"][1]["name"] = "Sámi & Co <Ŋ>"
    pledge = load_pledge(write_folder(tmp_path / "hostile", data))
    output = render_pledge(pledge, kind)  # type: ignore[arg-type]
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[kind](output)
    assert HOSTILE in text
    assert HOSTILE_HTML in text
    if kind == "html":  # nothing of it became an element or an attribute
        elements = {e.tag for e in html_tree(output).iter()}
        assert not elements & {"b", "script", "img", "para", "Ŋ"}
    assert "Rad ett Rad två" in text and "efter tabb" in text
    assert "Löfte med {{ pledge.id }} och </para>" in text
    assert "Sámi & Co <Ŋ>" in text
    assert "49" not in text.replace("2018", "")


def test_docx_keeps_newlines_and_tabs_as_breaks_and_tabs(tmp_path: Path) -> None:
    data = sample_data()
    data["background"] = ["Rad ett\nRad två\tefter tabb"]
    output = render_pledge(load_pledge(write_folder(tmp_path / "p", data)), "docx")
    paragraph = next(
        p for p in docx.Document(io.BytesIO(output)).paragraphs if p.text.startswith("Rad ett")
    )
    assert paragraph.text == "Rad ett\nRad två\tefter tabb"


def test_text_the_pdf_font_cannot_draw_is_refused_with_its_place(tmp_path: Path) -> None:
    data = sample_data()
    data["promise_groups"][0]["promises"][0]["text"] = "Krabba 🦀 och 漢字"
    with pytest.raises(DataError) as caught:
        load_pledge(write_folder(tmp_path / "emoji", data))
    message = str(caught.value)
    assert "promise_groups[0].promises[0].text" in message
    assert "U+1F980" in message and "U+6F22" in message
    assert "pledge.yaml:" in message


def test_a_pledge_built_in_python_is_checked_the_same_way(sample_pledge: Pledge) -> None:
    changed = sample_pledge.model_copy(update={"title": "Krabba 🦀"})
    with pytest.raises(DataError, match="title"):
        pledge_document(changed)


def test_write_pledge_writes_every_format_and_nothing_else(tmp_path: Path) -> None:
    written = write_pledge(SAMPLE, tmp_path / "out")
    names = sorted(path.name for path in written)
    assert names == [
        f"medborgarlofte-landskrona-2018.{suffix}" for suffix in ("docx", "html", "pdf")
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names
    assert (tmp_path / "out" / names[1]).read_bytes().startswith(b"<!DOCTYPE html>")
    assert (tmp_path / "out" / names[2]).read_bytes().startswith(b"%PDF-")


def test_pdf_is_the_same_bytes_for_the_same_input(sample_pledge: Pledge, sample_pdf: bytes) -> None:
    assert render_pledge(sample_pledge, "pdf") == sample_pdf


def test_readme_api_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert examples, "README has no Python example"
    monkeypatch.chdir(ROOT)
    pki = make_pki()
    namespace: dict[str, Any] = {
        "out_dir": tmp_path,  # and what the signing example is given:
        "pdf_bytes": unsigned_pledge(),
        "p12_bytes": next(iter(pki.p12.values())),
        "password": PASSWORD,
        "ca_pem": pki.root_pem,
    }
    for example in examples:
        exec(example.replace('"out/"', "out_dir"), namespace)


def test_a_followup_built_in_python_is_checked_as_a_file_would_be(tmp_path: Path) -> None:
    from lofte_reports import FollowUp, followup_document, load_followup, render_followup
    from lofte_reports.model.followup import ActivityRecord

    pledge = load_pledge(SAMPLE)
    followup = load_followup(SAMPLE, pledge)
    assert followup is not None
    stray = ActivityRecord.model_validate({"date": "2018-03-06", "promise": "okant-lofte"})
    late = ActivityRecord.model_validate({"date": "2019-02-01", "promise": "besok-forskolor"})
    built = FollowUp.model_validate(
        {**followup.model_dump(), "activities": [stray.model_dump(), late.model_dump()]}
    )
    with pytest.raises(DataError) as caught:
        followup_document(pledge, built, "tertial", "2018-T1")
    fields = [problem.field for problem in caught.value.problems]
    assert fields == ["activities[0].promise", "activities[1].date"]
    assert "okänt löfte 'okant-lofte'" in str(caught.value)
    assert "2019-02-01 ligger utanför medborgarlöftets period" in str(caught.value)

    # The same record in a file gives the same message, located by file and line.
    folder = tmp_path / "lofte"
    write_folder(folder, sample_data())
    (folder / "followup").mkdir()
    (folder / "followup" / "a.csv").write_text(
        "datum;löfte;antal;plats;anteckning\n2018-03-06;okant-lofte;1;;\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as from_file:
        load_followup(folder, load_pledge(folder))
    [problem] = from_file.value.problems
    assert problem.message == caught.value.problems[0].message
    assert (problem.file, problem.line) == (folder / "followup" / "a.csv", 2)
    with pytest.raises(DataError):
        render_followup(pledge, built, "annual", "2018", "pdf")


def test_render_draws_a_tree_as_a_web_page_or_its_fragment(sample_pledge: Pledge) -> None:
    from lofte_reports.api import render

    tree = pledge_document(sample_pledge)
    page = render(tree, "html")
    assert page.startswith(b'<!DOCTYPE html>\n<html lang="sv-SE">')
    assert render_pledge(sample_pledge, "html") == page  # and the same bytes every time
    fragment = render(tree, "html", html_fragment=True)
    assert fragment.startswith(b'<article class="lofte" lang="sv-SE">')
    assert html_text(fragment) in html_text(page)  # the page is the fragment and its frame
