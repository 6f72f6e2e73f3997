"""Which documents a pledge folder yields and what their files are called."""

from __future__ import annotations

from typing import Any

from lofte_reports import Pledge
from lofte_reports.app.jobs import job
from lofte_reports.model.calendar import DateRange, tertials, whole, years


def pledge_over(start: str, end: str, pledge_id: str) -> Pledge:
    data: dict[str, Any] = {
        "id": pledge_id,
        "municipality": "Laxå kommun",
        "period": {"start": start, "end": end},
        "parties": [{"id": "polisen", "name": "Lokalpolisområde Hallsberg", "kind": "police"}],
        "promise_groups": [{"by": ["polisen"], "promises": [{"id": "a", "text": "Vi lovar."}]}],
        "signatories": [{"name": "Mats Scherp", "title": "Chef", "party": "polisen"}],
    }
    return Pledge.model_validate(data)


def test_names_for_a_calendar_year_do_not_repeat_the_year() -> None:
    pledge = pledge_over("2018-01-01", "2018-12-31", "landskrona-2018")
    span = DateRange.of(pledge.period)
    names = [job(pledge, "tertial", t).file_name("pdf") for t in tertials(span)]
    assert names == [f"uppfoljning-landskrona-2018-T{n}.pdf" for n in (1, 2, 3)]
    assert job(pledge, "annual", years(span)[0]).stem == "arssammanfattning-landskrona-2018"
    assert job(pledge, "pledge").stem == "medborgarlofte-landskrona-2018"


def test_an_id_without_a_year_gets_the_period_key_after_it() -> None:
    pledge = pledge_over("2018-07-01", "2020-06-30", "laxa")
    span = DateRange.of(pledge.period)
    assert job(pledge, "tertial", tertials(span)[0]).stem == "uppfoljning-laxa-2018-T2"
    pledge = pledge_over("2018-01-01", "2018-12-31", "norr-1999")
    span = DateRange.of(pledge.period)
    assert job(pledge, "tertial", tertials(span)[0]).stem == "uppfoljning-norr-1999-2018-T1"


def test_names_over_several_years_sort_in_time_order() -> None:
    pledge = pledge_over("2018-07-01", "2020-06-30", "laxa-2018")
    span = DateRange.of(pledge.period)
    names = [job(pledge, "tertial", t).stem for t in tertials(span)]
    assert names[0] == "uppfoljning-laxa-2018-T2"
    assert names[-1] == "uppfoljning-laxa-2020-T2"
    assert names == sorted(names)
    assert "uppfoljning-laxa-2018-T3" in names and "uppfoljning-laxa-2019-T3" in names
    assert not any("2018-2018" in name or "2018-2019" in name for name in names)
    assert job(pledge, "annual", years(span)[0]).stem == "arssammanfattning-laxa-2018"
    assert job(pledge, "annual", years(span)[1]).stem == "arssammanfattning-laxa-2019"
    assert len(names) == 7  # 2018-T2 (July–August) to 2020-T2 (May–June)
    assert job(pledge, "annual", whole(span)).stem == "slutsammanfattning-laxa-2018"
