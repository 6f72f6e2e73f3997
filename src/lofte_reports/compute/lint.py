"""A pledge lint: warnings where a promise cannot be followed up honestly, before it is signed.

`lint` returns (location, message) pairs like `model.references`: a location into the
pledge ("promise_groups", 0, "promises", 1), or, starting with "followup", into the merged
follow-up data ("followup", "activities", 3, "place"); the API turns them into file, line
and field. Nothing here refuses data: these are warnings (errors only with `--strict`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from lofte_reports.compute.obligations import normalise_place, tally
from lofte_reports.compute.results import period_report
from lofte_reports.errors import Loc
from lofte_reports.model.calendar import DateRange, ReportingPeriod, tertials, years
from lofte_reports.model.followup import ActivityRecord, FollowUp
from lofte_reports.model.pledge import Frequency, Pledge
from lofte_reports.model.status import Status

Warning_ = tuple[Loc, str]

PLACEHOLDER = re.compile(r"\[[A-ZÅÄÖ][^\[\]\n]*\]")
"""Text in square brackets starting with a capital, as `init` writes: "[Namn]"."""

PERSONNUMMER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+]\d{4}(?!\d)")
"""A Swedish personal identity number, YYMMDD-XXXX or YYYYMMDD-XXXX."""

DEVIATING = (Status.PARTLY, Status.DELAYED, Status.NOT_DONE)


def lint(pledge: Pledge, followup: FollowUp | None) -> list[Warning_]:
    """Return every lint warning of a pledge and its follow-up data, pledge first."""
    found = list(_pledge_warnings(pledge, followup))
    found += _placeholders((), pledge.model_dump(mode="json", exclude={"theme"}))
    if followup is not None:
        found += _record_warnings(pledge, followup)
        found += _period_warnings(pledge, followup)
        found += _personal_data(followup)
    return found


def _pledge_warnings(pledge: Pledge, followup: FollowUp | None) -> Iterator[Warning_]:
    if not pledge.signatories:
        yield (
            ("signatories",),
            "löftet har inga undertecknare, så dokumentet får inget underskriftsblock; "
            "lägg till dem under signatories om löftet ska skrivas under",
        )
    for g, group in enumerate(pledge.promise_groups):
        for n, promise in enumerate(group.promises):
            if promise.plan is None and not any(a.plan for a in promise.activities):
                yield (
                    ("promise_groups", g, "promises", n),
                    f"löftet {promise.id!r} har ingen plan med antal och inget mått, så det "
                    "går inte att följa upp med siffror; lägg till en plan (t.ex. "
                    "{count: 1, per: term}) eller ett mål med mått",
                )
    baselines = {b.indicator for b in followup.baselines} if followup is not None else set()
    for n, goal in enumerate(pledge.goals):
        if followup is not None and goal.indicator.id not in baselines:
            yield (
                ("goals", n, "indicator"),
                f"målet {goal.id!r} har inget utgångsvärde; lägg till ett under baselines i "
                "uppföljningen, annars går det inte att säga om något har ändrats",
            )
        if goal.target is None:
            yield (
                ("goals", n),
                f"målet {goal.id!r} har inget målvärde och inget måldatum (target), så "
                "uppföljningen kan bara säga åt vilket håll måttet har gått",
            )


def _placeholders(loc: Loc, data: Any) -> Iterator[Warning_]:
    if isinstance(data, str):
        if match := PLACEHOLDER.search(data):
            yield loc, f"texten innehåller platshållaren {match[0]} från mallen; fyll i den"
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholders((*loc, key), value)
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _placeholders((*loc, n), value)


def _record_warnings(pledge: Pledge, followup: FollowUp) -> Iterator[Warning_]:
    span = DateRange.of(pledge.period)
    index = {id(record): n for n, record in enumerate(followup.activities)}
    for promise in pledge.promises():
        plan = promise.plan
        if plan is None:
            continue
        mine = [r for r in followup.activities if r.promise == promise.id]
        counted = tally(plan, mine, span, span.end, pledge.terms())
        places = ", ".join(plan.places)
        for record in counted.unmatched:
            where = "saknar plats" if record.place is None else f"platsen {record.place!r}"
            yield (
                ("followup", "activities", index[id(record)], "place"),
                f"{record.date}: {where} är inte en av planens platser för {promise.id!r} "
                f"({places}), så aktiviteten räknas inte",
            )
        if plan.per is Frequency.TERM:
            for record in counted.outside:
                yield (
                    ("followup", "activities", index[id(record)], "date"),
                    f"{record.date} ligger utanför terminerna, så aktiviteten för "
                    f"{promise.id!r} räknas inte mot någon termin; stämmer datumet, eller "
                    "behöver school_terms ändras?",
                )
        if plan.counts == "occasions":
            yield from _several_on_one_day(promise.id, mine, index)


def _several_on_one_day(
    promise: str, records: list[ActivityRecord], index: dict[int, int]
) -> Iterator[Warning_]:
    seen: set[tuple[dt.date, str]] = set()
    for record in records:
        key = (record.date, normalise_place(record.place or ""))
        loc: Loc = ("followup", "activities", index[id(record)], "count")
        if record.count > 1:
            yield (
                loc,
                f"{record.date}: {record.count} tillfällen samma dag för {promise!r} räknas "
                "som ett tillfälle; var det flera besök, ange counts: times i planen",
            )
        elif key in seen:
            yield (
                loc,
                f"{record.date}: flera rader samma dag och plats för {promise!r} räknas "
                "som ett tillfälle",
            )
        seen.add(key)


def _reported(pledge: Pledge, followup: FollowUp) -> list[ReportingPeriod]:
    """Return the tertials and years the follow-up data reports on (has a text or word for)."""
    span = DateRange.of(pledge.period)
    keys = {a.period for a in followup.assessments} | {n.period for n in followup.narratives}
    return [p for p in [*tertials(span), *years(span)] if p.key in keys]


def _period_warnings(pledge: Pledge, followup: FollowUp) -> Iterator[Warning_]:
    index = {id(a): n for n, a in enumerate(followup.assessments)}
    for period in _reported(pledge, followup):
        report = period_report(pledge, followup, period)
        for result in report.promises:
            exact = result.period_assessment
            name = f"{result.promise.id!r} {period.key}"
            if not result.has_plan and exact is None:
                yield (
                    ("followup", "assessments"),
                    f"bedömning saknas för löftet {name}: löftet har ingen plan, så bara en "
                    "bedömning kan säga hur det gick",
                )
            elif (
                not result.has_plan
                and exact is not None
                and period.kind != "tertial"
                and exact.verdict is None
                and exact.status is Status.ON_TRACK
            ):
                yield (
                    ("followup", "assessments", index[id(exact)], "status"),
                    f"”enligt plan” är ingen slutbedömning för {name}; ange verdict "
                    "(kept, partly-kept, not-kept eller not-assessed)",
                )
            deviating = period.kind == "tertial" and (
                result.deviates
                or (exact is not None and exact.status in DEVIATING and not result.has_plan)
            )
            if deviating and (exact is None or exact.cause is None or exact.action is None):
                loc: Loc = ("followup", "assessments")
                if exact is not None:
                    loc = ("followup", "assessments", index[id(exact)])
                yield (
                    loc,
                    f"löftet {name} avviker men orsak (cause) eller åtgärd (action) saknas",
                )


def _personal_data(followup: FollowUp) -> Iterator[Warning_]:
    data = followup.model_dump(mode="json")
    for section in ("activities", "assessments", "narratives", "readings", "baselines"):
        for loc, text in _strings(("followup", section), data[section]):
            if PERSONNUMMER.search(text):
                yield (
                    loc,
                    "texten ser ut att innehålla ett personnummer; uppföljningen publiceras "
                    "och får inte innehålla personuppgifter",
                )


def _strings(loc: Loc, data: Any) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings((*loc, key), value)
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _strings((*loc, n), value)
