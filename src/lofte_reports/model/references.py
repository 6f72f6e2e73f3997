"""Cross-reference checks on typed models: the pledge's own ids, and follow-up data against it.

One home for each rule: the loader and the API call the same functions, so data built in
Python is held to exactly the rules files are. Problems are (location, message) pairs, the
location a pydantic-style path into the data, so that a loader can point at the file line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lofte_reports.errors import Loc
from lofte_reports.model.calendar import DateRange, parse_period_key

if TYPE_CHECKING:
    from lofte_reports.model.followup import FollowUpFile
    from lofte_reports.model.pledge import Pledge


def reference_problems(pledge: Pledge) -> list[tuple[Loc, str]]:
    """Return every dangling reference and duplicated id in the pledge, in document order."""
    parties = [p.id for p in pledge.parties]
    problems_ids = [p.id for p in pledge.situation.problems] if pledge.situation else []
    areas = [a.id for a in pledge.priority_areas]
    found: list[tuple[Loc, str]] = []
    found += _duplicates(("parties",), parties)
    found += _duplicates(("situation", "problems"), problems_ids)
    found += _duplicates(("priority_areas",), areas)
    promise_ids: list[tuple[Loc, str]] = [
        ((("promise_groups", g, "promises", n, "id")), promise.id)
        for g, group in enumerate(pledge.promise_groups)
        for n, promise in enumerate(group.promises)
    ]
    goal_ids: list[tuple[Loc, str]] = [
        (("goals", n, "id"), goal.id) for n, goal in enumerate(pledge.goals)
    ]
    found += _duplicate_ids(promise_ids + goal_ids, "löfte eller mål")

    if pledge.situation:
        for n, dialogue in enumerate(pledge.situation.dialogues):
            found += _unknown(
                ("situation", "dialogues", n, "held_by"), dialogue.held_by, parties, "part"
            )
    for g, group in enumerate(pledge.promise_groups):
        here: Loc = ("promise_groups", g)
        found += _unknown((*here, "by"), group.by, parties, "part")
        found += unknown_id(
            (*here, "priority_area"), group.priority_area, areas, "prioriterat område", "okänt"
        )
        for n, promise in enumerate(group.promises):
            at: Loc = (*here, "promises", n)
            found += _unknown((*at, "by"), promise.by, parties, "part")
            found += _unknown((*at, "problems"), promise.problems, problems_ids, "problem")
            found += unknown_id(
                (*at, "priority_area"), promise.priority_area, areas, "prioriterat område", "okänt"
            )
            if not promise.by and not group.by:
                found.append(((*at, "by"), "ange vilken part som lovar (by), här eller i gruppen"))
    for n, goal in enumerate(pledge.goals):
        found += _unknown(("goals", n, "problems"), goal.problems, problems_ids, "problem")
    if pledge.follow_up:
        for n, report in enumerate(pledge.follow_up.reports):
            found += unknown_id(("follow_up", "reports", n, "party"), report.party, parties, "part")
    for n, signatory in enumerate(pledge.signatories):
        found += unknown_id(("signatories", n, "party"), signatory.party, parties, "part")
    for n, logo in enumerate(pledge.theme.logos if pledge.theme else []):
        found += unknown_id(("theme", "logos", n, "party"), logo.party, parties, "part")
    return found


def _unknown(loc: Loc, used: list[str], known: list[str], what: str) -> Iterator[tuple[Loc, str]]:
    for n, value in enumerate(used):
        yield from unknown_id((*loc, n), value, known, what)


def unknown_id(
    loc: Loc, value: str | None, known: list[str], what: str, adjective: str = "okänd"
) -> Iterator[tuple[Loc, str]]:
    """Yield a problem if `value` is not one of the `known` ids, naming the known ones.

    `adjective` agrees with `what` in Swedish: "okänd part", "okänt löfte".
    """
    if value is not None and value not in known:
        choices = ", ".join(known) if known else "inga finns"
        yield loc, f"{adjective} {what} '{value}'; kända: {choices}"


def _duplicates(loc: Loc, ids: list[str]) -> list[tuple[Loc, str]]:
    return _duplicate_ids([((*loc, n, "id"), value) for n, value in enumerate(ids)], "id")


def _duplicate_ids(located: list[tuple[Loc, str]], what: str) -> list[tuple[Loc, str]]:
    seen: set[str] = set()
    found: list[tuple[Loc, str]] = []
    for loc, value in located:
        if value in seen:
            found.append(
                (loc, f"id '{value}' används redan för ett annat {what}; id måste vara unika")
            )
        seen.add(value)
    return found


def followup_problems(pledge: Pledge, followup: FollowUpFile) -> list[tuple[Loc, str]]:
    """Return every record of `followup` that does not fit the pledge, in record order.

    Unknown promise and indicator ids, dates outside the pledge period, period keys the
    pledge has no such period for, and overridden computed statuses without a reason.
    """
    span = DateRange(pledge.period.start, pledge.period.end)
    promises = [p.id for p in pledge.promises()]
    indicators = [g.indicator.id for g in pledge.goals]
    planned = {p.id for p in pledge.promises() if p.plan is not None}
    found: list[tuple[Loc, str]] = []
    for n, record in enumerate(followup.activities):
        found += unknown_id(
            ("activities", n, "promise"), record.promise, promises, "löfte", "okänt"
        )
        found += _outside(("activities", n, "date"), record.date, span)
    for n, assessment in enumerate(followup.assessments):
        at: Loc = ("assessments", n)
        found += unknown_id((*at, "promise"), assessment.promise, promises, "löfte", "okänt")
        found += _period_key((*at, "period"), assessment.period, span)
        if assessment.promise in planned and assessment.status and not assessment.reason:
            message = (
                "löftet har en plan, så statusen räknas fram ur aktiviteterna; "
                "ange också reason (skälet) om du vill ersätta den"
            )
            found.append(((*at, "status"), message))
    for kind, records in (("baselines", followup.baselines), ("readings", followup.readings)):
        for n, indicator in enumerate(record.indicator for record in records):
            found += unknown_id(
                (kind, n, "indicator"), indicator, indicators, "mått (indikator)", "okänt"
            )
    for n, reading in enumerate(followup.readings):
        found += _outside(("readings", n, "date"), reading.date, span)
    for n, narrative in enumerate(followup.narratives):
        found += _period_key(("narratives", n, "period"), narrative.period, span)
    return found


def _outside(loc: Loc, day: dt.date, span: DateRange) -> list[tuple[Loc, str]]:
    if span.contains(day):
        return []
    message = (
        f"datumet {day.isoformat()} ligger utanför medborgarlöftets period "
        f"{span.start.isoformat()}–{span.end.isoformat()}"
    )
    return [(loc, message)]


def _period_key(loc: Loc, key: str, span: DateRange) -> list[tuple[Loc, str]]:
    try:
        parse_period_key(key, span)
    except ValueError as error:
        return [(loc, str(error))]
    return []
