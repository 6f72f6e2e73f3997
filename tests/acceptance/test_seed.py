"""The published Landskrona pledge, read back out of both documents the sample renders to."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import docx_text, html_text, html_tree, normalise, pdf_text

SEED = Path(__file__).parent.parent / "data" / "medborgarlofte-landskrona-2018.txt"

WEB_PAGE_LINES = (
    "Javascript är inte påslaget",
    "Sök på polisen.se",
    "Dokument",
    "Till toppen",
)
MENDED_TYPOS = {
    "besök respektive": "besöka respektive",
    "Landkrona Stad": "Landskrona stad",
    "polisen trygghetsmätning": "polisens trygghetsmätning",
}
TITLE = "Medborgarlöfte i Landskrona kommun 2018"
HEADINGS = [
    "Situationen idag",
    "Det här ska vi göra",
    "Polisen lovar",
    "Landskrona stads satsningar i området",
    "Det här ska vi åstadkomma tillsammans",
    "Följ med i hur det går!",
]


def seed_paragraphs() -> list[str]:
    """Return the seed's paragraphs without the web page around them, typos mended."""
    text = SEED.read_text(encoding="utf-8")
    for typo, mended in MENDED_TYPOS.items():
        text = text.replace(typo, mended)
    lines = [normalise(line.replace("•", "")) for line in text.splitlines()]
    return [line for line in lines if line and not any(line.startswith(w) for w in WEB_PAGE_LINES)]


def seed_sentences() -> list[str]:
    """Return every sentence, heading and name of the seed, in order."""
    return [
        sentence
        for paragraph in seed_paragraphs()
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph)
    ]


def test_the_seed_has_what_the_test_relies_on() -> None:
    sentences = seed_sentences()
    assert len(sentences) > 30
    assert TITLE in sentences and "Anneli Manelli" in sentences
    assert all(heading in sentences for heading in HEADINGS)


def _text(kind: str, pdf: bytes, docx: bytes, html: bytes) -> str:
    return {
        "pdf": lambda: pdf_text(pdf),
        "docx": lambda: docx_text(docx),
        "html": lambda: html_text(html),
    }[kind]()


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_every_sentence_of_the_seed_is_in_the_document_in_order(
    kind: str, sample_pdf: bytes, sample_docx: bytes, sample_html: bytes
) -> None:
    text = _text(kind, sample_pdf, sample_docx, sample_html)
    position = 0
    for sentence in seed_sentences():
        found = text.find(sentence, position)
        if found < 0:
            assert sentence in text, f"missing from the {kind}: {sentence!r}"
            pytest.fail(f"out of order in the {kind}: {sentence!r}")
        position = found


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_nothing_of_the_web_page_is_in_the_document(
    kind: str, sample_pdf: bytes, sample_docx: bytes, sample_html: bytes
) -> None:
    text = _text(kind, sample_pdf, sample_docx, sample_html)
    for chrome in ("Javascript", "Sök på polisen.se", "Till toppen", "Dokument "):
        assert chrome not in text + " "


def test_docx_headings_are_word_headings_in_the_seed_order(sample_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(sample_docx))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style is not None]
    assert ("Title", TITLE) in styled
    headings = [text for style, text in styled if style.startswith("Heading")]
    assert [h for h in headings if h in HEADINGS] == HEADINGS
    levels = {text: style for style, text in styled if style.startswith("Heading")}
    assert levels["Situationen idag"] == "Heading 1"
    assert levels["Polisen lovar"] == "Heading 2"


def test_html_headings_are_one_h1_and_the_seed_headings_in_order(sample_html: bytes) -> None:
    root = html_tree(sample_html)
    headings = [
        (e.tag, "".join(e.itertext())) for e in root.iter() if e.tag in ("h1", "h2", "h3", "h4")
    ]
    assert [text for tag, text in headings if tag == "h1"] == [TITLE]
    assert [text for _, text in headings if text in HEADINGS] == HEADINGS
    levels = {text: tag for tag, text in headings}
    assert levels["Situationen idag"] == "h2"
    assert levels["Polisen lovar"] == "h3"


def test_pdf_outline_follows_the_headings(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))

    def flatten(entries: list[Any]) -> list[str]:
        titles: list[str] = []
        for entry in entries:
            if isinstance(entry, list):
                titles += flatten(entry)
            else:
                titles.append(str(entry.title))
        return titles

    titles = flatten(reader.outline)
    assert [t for t in titles if t in HEADINGS] == HEADINGS
    # "Polisen lovar" is nested under "Det här ska vi göra".
    top = [str(e.title) for e in reader.outline if not isinstance(e, list)]
    assert "Det här ska vi göra" in top and "Polisen lovar" not in top
