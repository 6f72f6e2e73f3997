"""The model holds other municipalities' pledges without code changes, and refuses bad ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from lofte_reports import Pledge, render_pledge
from lofte_reports.model.pledge import Frequency, PartyKind
from tests.conftest import docx_text, pdf_text


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "test-2019",
        "municipality": "Testkommun",
        "period": {"start": "2019-01-01", "end": "2019-12-31"},
        "parties": [{"id": "polisen", "name": "Lokalpolisområde Test", "kind": "police"}],
        "promise_groups": [{"by": ["polisen"], "promises": [{"id": "a", "text": "Vi lovar."}]}],
        "signatories": [{"name": "Per Persson", "title": "Chef", "party": "polisen"}],
    }
    data.update(changes)
    return data


def errors_of(data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        Pledge.model_validate(data)
    return str(caught.value)


def test_a_police_only_pledge_with_one_signatory() -> None:
    pledge = Pledge.model_validate(minimal())
    assert pledge.parties[0].kind is PartyKind.POLICE
    assert [p.id for p in pledge.promises()] == ["a"]


def test_laxa_shape_two_years_off_the_calendar_joint_promises_place_and_date() -> None:
    data = minimal(
        id="laxa-2018",
        municipality="Laxå kommun",
        period={"start": "2018-07-01", "end": "2020-06-30"},
        parties=[
            {
                "id": "polisen",
                "name": "Lokalpolisområde Hallsberg",
                "short_name": "polisen",
                "kind": "police",
            },
            {"id": "laxa", "name": "Laxå kommun", "kind": "municipality"},
        ],
        promise_groups=[
            {
                "promises": [
                    {
                        "id": "narvaro",
                        "by": ["polisen"],
                        "text": "Polisen lovar att prioritera närvaro.",
                    },
                    {"id": "vandringar", "by": ["laxa", "polisen"], "text": "Trygghetsvandringar."},
                ]
            }
        ],
        signatories=[
            {"name": "Harry Lundin", "title": "Kommunchef", "party": "laxa"},
            {"name": "Mats Scherp", "title": "Lokalpolisområdeschef", "party": "polisen"},
        ],
        signing={"place": "Laxå", "date": "2018-10-26"},
    )
    pledge = Pledge.model_validate(data)
    assert not pledge.period.is_calendar_years
    assert pledge.signing.date == dt.date(2018, 10, 26)
    group = pledge.promise_groups[0]
    assert [p.id for p in pledge.promisers(group, group.promises[1])] == ["laxa", "polisen"]
    text = pdf_text(render_pledge(pledge, "pdf"))
    assert "Laxå kommun" in text and "1 juli 2018 – 30 juni 2020" in text
    assert "26 oktober 2018" in text and "Laxå" in text


def test_numbered_priority_areas_titles_activities_and_four_parties() -> None:
    parties = [
        {"id": "polisen", "name": "Lokalpolisområde Norrmalm", "kind": "police"},
        {"id": "sdf", "name": "Norrmalms stadsdelsförvaltning", "kind": "district-administration"},
        {"id": "bostad", "name": "Stadens bostadsbolag", "kind": "housing-company"},
        {"id": "fast", "name": "Fastighetsägarna City", "kind": "association"},
    ]
    data = minimal(
        parties=parties,
        priority_areas=[{"id": "natverk", "name": "Kriminella nätverk"}],
        situation={
            "text": "Läget.",
            "problems": [{"id": "vald", "text": "Våld i offentlig miljö"}],
        },
        promise_groups=[
            {
                "by": ["polisen"],
                "style": "numbered",
                "priority_area": "natverk",
                "promises": [
                    {
                        "id": "insatser",
                        "title": "Riktade insatser",
                        "text": "Polisen ska genomföra minst fyra riktade insatser.",
                        "plan": {"count": 4, "per": "period", "unit": "insatser"},
                        "problems": ["vald"],
                        "activity_plan": "Aktivitetsplan Norrmalm 2019",
                        "activities": [{"id": "insats-1", "text": "Insats i Klaraområdet"}],
                    }
                ],
            }
        ],
        signatories=[{"name": p["name"], "title": "Chef", "party": p["id"]} for p in parties],
    )
    pledge = Pledge.model_validate(data)
    promise = pledge.promises()[0]
    assert promise.plan is not None and promise.plan.per is Frequency.PERIOD
    text = docx_text(render_pledge(pledge, "docx"))
    assert "Riktade insatser" in text and "Kriminella nätverk" in text
    assert all(p["name"] in text for p in parties)


def test_seven_signatories_are_too_many_and_none_is_allowed() -> None:
    signatory = {"name": "A", "title": "B", "party": "polisen"}
    with pytest.raises(ValidationError) as caught:
        Pledge.model_validate(minimal(signatories=[signatory] * 7))
    [error] = caught.value.errors()
    assert error["loc"] == ("signatories",)
    assert error["type"] == "too_long"
    assert error["ctx"]["max_length"] == 6
    Pledge.model_validate(minimal(signatories=[signatory] * 6))
    assert Pledge.model_validate(minimal(signatories=[])).signatories == []


@pytest.mark.parametrize(
    ("period", "ok"),
    [
        ({"start": "2021-04-01", "end": "2022-03-31"}, True),
        ({"start": "2018-01-01", "end": "2021-12-31"}, True),
        ({"start": "2018-01-01", "end": "2022-01-01"}, False),
        ({"start": "2019-01-01", "end": "2018-12-31"}, False),
    ],
)
def test_periods_of_up_to_four_years(period: dict[str, str], ok: bool) -> None:
    if ok:
        assert Pledge.model_validate(minimal(period=period))
    else:
        errors_of(minimal(period=period))


def test_references_to_unknown_ids_are_errors_that_name_the_known_ones() -> None:
    data = minimal()
    data["promise_groups"][0]["by"] = ["polis"]
    message = errors_of(data)
    assert "promise_groups.0.by.0" not in message  # located by path, not pydantic's dots
    assert "promise_groups[0].by[0]: okänd part 'polis'; kända: polisen" in message


def test_duplicate_promise_ids_are_errors() -> None:
    data = minimal()
    data["promise_groups"][0]["promises"] *= 2
    assert "används redan" in errors_of(data)


def test_a_promise_must_say_who_makes_it() -> None:
    data = minimal()
    del data["promise_groups"][0]["by"]
    assert "ange vilken part" in errors_of(data)


def test_strict_types_no_silent_coercion() -> None:
    data = minimal()
    data["promise_groups"][0]["promises"][0]["plan"] = {"count": "4", "per": "term"}
    assert "count" in errors_of(data)


def test_text_is_normalised_to_nfc_and_otherwise_kept() -> None:
    data = minimal(municipality="La\u0301xa\u030a  kommun\t")
    assert Pledge.model_validate(data).municipality == "Láxå  kommun\t"


def test_a_contrast_ratio_is_printed_rounded_down() -> None:
    from lofte_reports.model.theme import contrast, low_contrast, ratio_text

    assert ratio_text(contrast("#4F81BD", "#FFFFFF")) == "4,0"
    assert ratio_text(4.49) == "4,4"  # never "4,5" for a colour that fails 4.5:1
    assert low_contrast("#4F81BD", "#FFFFFF") is not None
    assert low_contrast("#365F91", "#FFFFFF") is None
