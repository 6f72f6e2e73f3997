"""Long tables in the PDF: split between rows, header repeated once at the top of each page."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from lofte_reports.doctree.nodes import Paragraph, Table
from lofte_reports.writers.pdf import write_pdf
from tests.conftest import normalise, unhyphenated
from tests.trees import every_block_document


@pytest.mark.parametrize("text_before", [0, 100, 200])
def test_a_long_table_repeats_its_header_once_per_page_and_loses_no_row(text_before: int) -> None:
    # Every third row is tall: reportlab splitting inside rows as a rule would end a page's
    # part early and print the repeated header row halfway down the same page.
    rows = tuple(
        (
            Paragraph.of(f"Rad {n} " + "ord " * (240 if n % 3 == 0 else 5)),
            Paragraph.of("Polisen"),
            Paragraph.of(str(n)),
        )
        for n in range(1, 15)
    )
    table = Table(
        (Paragraph.of("Kolumnlöfte"), Paragraph.of("Ansvar"), Paragraph.of("Antal")),
        rows,
        caption="Lång tabell",
        widths=(5, 2, 1),
    )
    blocks = (Paragraph.of("Text före. " * text_before), table)
    reader = PdfReader(io.BytesIO(write_pdf(replace(every_block_document(), blocks=blocks))))
    pages = [normalise(page.extract_text()) for page in reader.pages]
    assert len(pages) >= 2
    for text in pages:
        assert text.count("Kolumnlöfte") <= 1
    everything = " ".join(pages)
    for n in range(1, 15):
        assert f"Rad {n} ord" in everything


def test_a_row_taller_than_a_page_is_split_not_lost() -> None:
    huge = Paragraph.of("Början " + "mycket lång kommentar " * 700 + "Slutet")
    table = Table((Paragraph.of("Kolumn"),), ((huge,),))
    output = write_pdf(replace(every_block_document(), blocks=(table,)))
    pages = PdfReader(io.BytesIO(output)).pages
    text = normalise(unhyphenated(" ".join(p.extract_text() for p in pages)))
    assert "Början" in text
    assert "Slutet" in text


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (2.5, "sv-SE", "2,5"),
        (1234, "sv-SE", "1\u00a0234"),
        (-2, "sv-SE", "\u22122"),
        (2.5, "en-GB", "2.5"),
        (1234, "en-GB", "1,234"),
        (None, "en-GB", ""),
    ],
)
def test_chart_numbers_are_written_as_the_document_language_writes_them(
    value: float | None, language: str, expected: str
) -> None:
    from lofte_reports.doctree.numbers import format_number

    assert format_number(value, language) == expected


def test_narrow_cells_hyphenate_swedish_at_syllables_and_running_text_does_not() -> None:
    words = "kontaktpoliserna underrättelsestyrda trygghetsmätningen"
    table = Table(
        (Paragraph.of("A"), Paragraph.of("B")),
        ((Paragraph.of(words), Paragraph.of("x")),),
        widths=(1.6, 8.4),
    )
    blocks = (Paragraph.of(" ".join([words] * 30)), table)
    output = write_pdf(replace(every_block_document(), blocks=blocks))
    raw = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(output)).pages)
    broken = re.findall(r"(\w+)-\n(\w+)", raw)
    assert broken, "a long compound in a narrow column is hyphenated"
    for head, tail in broken:  # each break is inside one of the words, at a syllable
        assert any(word.startswith(head) or head + tail in word for word in words.split())
    assert normalise(raw).count(words) == 30  # running text is never hyphenated
    assert normalise(unhyphenated(raw)).count(words) == 31  # and the cell lost nothing
