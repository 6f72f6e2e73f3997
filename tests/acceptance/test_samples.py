"""The three sample pledges render in both formats, and every promise reads back out."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, cast

import pytest

from lofte_reports import load_pledge, render_pledge
from lofte_reports.api import open_folder, pledge_document
from lofte_reports.doctree.walk import dump
from lofte_reports.languages import Language
from lofte_reports.writers import Format, write
from tests.conftest import ROOT, docx_text, html_text, normalise, pdf_text

SAMPLES = ["landskrona-2018", "laxa-2018", "stockholm-norrmalm-2019"]
SEEDS = Path(__file__).parent.parent / "data"


def seed_promises(name: str) -> list[str]:
    """Return the promise lines of a published seed: its bullets and numbered items."""
    text = (SEEDS / f"medborgarlofte-{name}.txt").read_text(encoding="utf-8")
    text = text.replace("besök respektive", "besöka respektive").replace(
        "Landkrona Stad", "Landskrona stad"
    )
    items = re.findall(r"^\s*(?:•|\d+\.)\s*(.+)$", text, re.M)
    return [normalise(item) for item in items]


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_promise_of_each_sample_reads_back(name: str, fmt: str, language: str) -> None:
    folder = open_folder(ROOT / "samples" / name, cast(Language, language))
    document = pledge_document(folder.pledge, folder.templates)
    output = write(document, cast(Format, fmt))
    text = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt](output)
    for promise in folder.pledge.promises():
        assert normalise(promise.text) in text, promise.id
    for line in seed_promises(name):
        assert line in text
    assert document.metadata.language == {"sv": "sv-SE", "en": "en-GB"}[language]


def test_the_seeds_bullets_are_the_samples_promises_and_priority_areas() -> None:
    assert len(seed_promises("laxa-2018")) == 4
    assert len(seed_promises("stockholm-norrmalm-2019")) == 10  # six areas, four promises


def test_each_sample_has_its_own_template_override() -> None:
    for name in ("laxa-2018", "stockholm-norrmalm-2019"):
        folder = open_folder(ROOT / "samples" / name)
        assert folder.templates is not None
        own = dump(pledge_document(folder.pledge, folder.templates))
        builtin = dump(pledge_document(folder.pledge))
        assert own != builtin


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_laxa_is_signed_as_published_with_place_and_date_said_once(fmt: str) -> None:
    folder = open_folder(ROOT / "samples" / "laxa-2018")
    output = render_pledge(folder.pledge, cast(Format, fmt), folder.templates)
    text = pdf_text(output) if fmt == "pdf" else docx_text(output)
    assert text.count("Laxå den 26 oktober 2018") == 1
    assert "Ort:" not in text and "Datum:" not in text
    assert text.count("26 oktober 2018") == 1
    assert "Harry Lundin" in text and "Kommunchef" in text


def test_norrmalm_counts_its_priority_areas_in_words() -> None:
    text = pdf_text(render_pledge(load_pledge(ROOT / "samples" / "stockholm-norrmalm-2019"), "pdf"))
    assert "Medborgarlöftet utgår från sex prioriterade områden:" in text


LAXA_FOLLOWUP = """\
example_data: true
assessments:
  - promise: narvaro
    period: 2018-T3
    status: on-track
    comment: Närvaro i centrum varje vecka.
  - promise: informationskampanjer
    period: 2018-T3
    status: delayed
    comment: Kampanjen om inbrott flyttades.
    cause: Sjukdom.
    action: Ny tid i januari.
activities:
  - date: 2018-10-02
    promise: trygghetsvandringar
    count: 1
"""


def _font_chars(pdf: bytes) -> dict[str, str]:
    """Return each embedded font's name and the characters its ToUnicode map draws."""
    from pypdf import PdfReader

    found: dict[str, str] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            codes = re.findall(r"<[0-9A-F]{2}> <([0-9A-F]{4})>", cmap)
            name = str(font["/BaseFont"]).split("+")[-1]
            found[name] = found.get(name, "") + "".join(chr(int(code, 16)) for code in codes)
    return found


def test_laxas_serif_theme_draws_the_status_symbols_it_lacks_in_the_shipped_font(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import zipfile

    from lofte_reports.cli import main

    folder = tmp_path / "laxa"
    shutil.copytree(ROOT / "samples" / "laxa-2018", folder)
    (folder / "followup").mkdir()
    (folder / "followup" / "2018-T3.yaml").write_text(LAXA_FOLLOWUP, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["validate", str(folder)]) == 0
    assert main(["tertial", str(folder), "--period", "2018-T3", "--out", str(out)]) == 0
    assert main(["all", str(folder), "--out", str(out)]) == 0
    assert "typsnitt" not in capsys.readouterr().err

    pdf = (out / "uppfoljning-laxa-2018-T3.pdf").read_bytes()
    fonts = _font_chars(pdf)
    assert "DejaVuSerif" in fonts and "DejaVuSans" in fonts, fonts
    for symbol in "✔⚠✖":
        assert symbol in fonts["DejaVuSans"] and symbol not in fonts["DejaVuSerif"]
    text = pdf_text(pdf)
    assert "✔ Genomförd" in text and "⚠ Försenad" in text and "✖ Inte genomförd" in text
    assert "Närvaro i centrum varje vecka." in text

    data = (out / "uppfoljning-laxa-2018-T3.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    fallback = r'<w:r><w:rPr><w:rFonts w:ascii="DejaVu Sans"[^>]*/>(?:<[^>]*/>)*</w:rPr>'
    assert re.search(fallback + "<w:t>✔</w:t></w:r>", xml)
    assert "DejaVu Serif" in zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert "✔ Genomförd" in docx_text(data)
