"""A pledge's own sections, headings and order come from the data, not from a template."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from lofte_reports import Pledge, pledge_document
from lofte_reports.doctree import nodes


def _changed(sample_pledge: Pledge, **changes: Any) -> Pledge:
    data = sample_pledge.model_dump(mode="json", exclude_none=True)
    data.update(changes)
    return Pledge.model_validate(data)


def _outline(pledge: Pledge) -> list[str]:
    """Return the document's headings and first words of other blocks, in order."""
    out: list[str] = []
    for block in pledge_document(pledge).blocks:
        match block:
            case nodes.Heading():
                out.append(f"{block.level}:{block.text}")
            case nodes.Paragraph():
                out.append("p:" + "".join(s.text for s in block.spans))
            case nodes.ItemList():
                kind = "ol" if block.ordered else "ul"
                out.append(
                    kind + ":" + "|".join("".join(s.text for s in i.spans) for i in block.items)
                )
            case nodes.SignatureBlock():
                out.append("signatures")
    return out


WHAT = {
    "heading": "Vad är ett medborgarlöfte?",
    "text": ["Ett medborgarlöfte är ett löfte till invånarna."],
    "items": ["första punkten", "andra punkten"],
    "numbered": True,
    "after_items": ["Efter listan."],
    "sections": [{"heading": "Bakgrund", "text": ["Underavsnittets text."]}],
}


def test_own_section_before_a_standard_one(sample_pledge: Pledge) -> None:
    outline = _outline(_changed(sample_pledge, sections=[{**WHAT, "before": "situation"}]))
    start = outline.index("1:Vad är ett medborgarlöfte?")
    assert outline[start : start + 7] == [
        "1:Vad är ett medborgarlöfte?",
        "p:Ett medborgarlöfte är ett löfte till invånarna.",
        "ol:första punkten|andra punkten",
        "p:Efter listan.",
        "2:Bakgrund",
        "p:Underavsnittets text.",
        "1:Situationen idag",
    ]


def test_own_section_after_and_by_default_before_the_signatures(sample_pledge: Pledge) -> None:
    pledge = _changed(
        sample_pledge,
        sections=[{"heading": "Efter löftena", "after": "promises"}, {"heading": "Sist"}],
    )
    outline = _outline(pledge)
    assert (
        outline.index("1:Efter löftena")
        == outline.index("1:Det här ska vi åstadkomma tillsammans") - 1
    )
    assert outline[outline.index("1:Sist") + 1] == "1:Underskrifter"


def test_order_moves_and_drops_sections(sample_pledge: Pledge) -> None:
    pledge = _changed(
        sample_pledge,
        sections=[{"id": "egen", "heading": "Eget"}],
        order=["follow_up", "egen", "promises", "signatures"],
    )
    headings = [line for line in _outline(pledge) if line.startswith("1:")]
    assert headings == [
        "1:Följ med i hur det går!",
        "1:Eget",
        "1:Det här ska vi göra",
        "1:Underskrifter",
    ]


def test_order_must_name_known_sections_and_every_own_one(sample_pledge: Pledge) -> None:
    with pytest.raises(ValidationError, match="varken ett standardavsnitt"):
        _changed(sample_pledge, order=["promises", "okand"])
    with pytest.raises(ValidationError, match="står inte i order"):
        _changed(sample_pledge, sections=[{"heading": "Eget"}], order=["promises"])


def test_standard_headings_renamed_or_removed(sample_pledge: Pledge) -> None:
    outline = _outline(_changed(sample_pledge, headings={"situation": "Lägesbild", "goals": "Mål"}))
    assert "1:Lägesbild" in outline and "1:Situationen idag" not in outline
    assert "1:Mål" in outline and "1:Det här ska vi åstadkomma tillsammans" not in outline
    assert any(line.startswith("p:Den upplevda tryggheten") for line in outline)


def test_no_signatories_no_signature_block(sample_pledge: Pledge) -> None:
    outline = _outline(_changed(sample_pledge, signatories=[]))
    assert "signatures" not in outline and "1:Underskrifter" not in outline


def test_priority_area_lead_in_is_data(sample_pledge: Pledge) -> None:
    areas = [{"id": "a", "name": "Trafik"}, {"id": "b", "name": "Unga"}]
    counted = _outline(_changed(sample_pledge, priority_areas=areas))
    assert "p:Medborgarlöftet utgår från två prioriterade områden:" in counted
    own = _changed(
        sample_pledge, priority_areas=areas, priority_areas_intro="Tre områden samt ett:"
    )
    assert "p:Tre områden samt ett:" in _outline(own)
