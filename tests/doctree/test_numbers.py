"""One number formatting for templates and charts: separators by language, a true minus."""

from __future__ import annotations

import pytest

from lofte_reports.builders.environment import environment
from lofte_reports.doctree.numbers import format_number


@pytest.mark.parametrize(
    ("value", "language", "signed", "expected"),
    [
        (1.666, "sv-SE", False, "1,67"),
        (1.6, "sv-SE", False, "1,6"),
        (-0.001, "sv-SE", True, "0"),
        (0, "en-GB", True, "0"),
        (4, "sv-SE", True, "+4"),
        (-2, "en-GB", False, "\u22122"),
        (-1234.5, "en-GB", True, "\u22121,234.5"),
        (-1234.5, "sv-SE", True, "\u22121\u00a0234,5"),
    ],
)
def test_numbers_are_written_as_the_language_writes_them(
    value: float, language: str, signed: bool, expected: str
) -> None:
    assert format_number(value, language, signed) == expected


@pytest.mark.parametrize("language", ["sv", "en"])
def test_templates_and_charts_write_a_number_the_same_way(language: str) -> None:
    tag = {"sv": "sv-SE", "en": "en-GB"}[language]
    template = environment(language).from_string(
        "{{ -1234.5|number }} {{ 2.5|number(signed=true) }}"
    )
    assert template.render() == f"{format_number(-1234.5, tag)} {format_number(2.5, tag, True)}"
