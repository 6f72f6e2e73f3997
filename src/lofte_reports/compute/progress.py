"""Planned counts per period, and the status of a promise, from its plan and what was done.

The due-date rule makes totals add up. Every unit of the plan's frequency (week, month,
term, ...) that overlaps the pledge period carries

    due = round_half_up(count * places * overlap_days / unit_days)

so a unit wholly inside the pledge carries count * places and a unit cut by the pledge's
start or end is prorated. A unit falls due on its end clipped to the pledge,
`min(unit.end, pledge.end)`, which always lies inside the pledge. The planned count of a date
range is the sum of the dues falling due in it; since tertials and years partition the
pledge, the tertials of a year add up to the year and nothing is counted twice or lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from lofte_reports.compute.periods import units
from lofte_reports.model.calendar import (
    DEFAULT_TERMS,
    DateRange,
    ReportingPeriod,
    TermDates,
    reporting_year,
)
from lofte_reports.model.pledge import Plan
from lofte_reports.model.status import Status

DoneRecord = tuple[dt.date, int]
"""One follow-up record: the day something was done and how many times."""


@dataclass(frozen=True, slots=True)
class Due:
    """What one unit of a plan asks for: `count` times, due on `on`, for the (unclipped) unit."""

    unit: DateRange
    on: dt.date
    count: int


def _round_half_up(numerator: int, denominator: int) -> int:
    """Return numerator / denominator rounded half up, exactly (no floats)."""
    return (2 * numerator + denominator) // (2 * denominator)


def schedule(plan: Plan, pledge: DateRange, terms: TermDates = DEFAULT_TERMS) -> list[Due]:
    """Return the plan's dues over the pledge period, in date order; units due 0 are left out.

    Due dates are strictly increasing, since the units of a frequency do not overlap.
    """
    per_unit = plan.count * max(1, len(plan.places))
    result: list[Due] = []
    for unit in units(plan.per, pledge, terms):
        covered = unit.overlap(pledge)
        if covered is None:
            continue
        count = _round_half_up(per_unit * covered.days, unit.days)
        if count > 0:
            result.append(Due(unit, covered.end, count))
    return result


def planned(
    plan: Plan, pledge: DateRange, within: DateRange, terms: TermDates = DEFAULT_TERMS
) -> int:
    """Return how many times the plan falls due within a date range of the pledge period."""
    return sum(due.count for due in schedule(plan, pledge, terms) if within.contains(due.on))


def planned_total(plan: Plan, pledge: DateRange, terms: TermDates = DEFAULT_TERMS) -> int:
    """Return how many times the plan falls due over the whole pledge period."""
    return sum(due.count for due in schedule(plan, pledge, terms))


def next_due(
    plan: Plan, pledge: DateRange, after: dt.date, terms: TermDates = DEFAULT_TERMS
) -> dt.date | None:
    """Return the first due date strictly after `after` (for "next step" text), or None."""
    return next((due.on for due in schedule(plan, pledge, terms) if due.on > after), None)


def compute_status(
    planned_to_date: int, done_to_date: int, planned_in_year: int, year_over: bool
) -> Status:
    """Return the status from counts since the start of the reporting year.

    - the year's plan is met (and there was one): COMPLETED;
    - behind plan: PARTLY if something was done, else NOT_DONE once the year is over and
      DELAYED before that;
    - up to plan with nothing due and nothing done yet, before the year is over: NOT_STARTED;
    - otherwise up to plan: ON_TRACK. This includes a year in which nothing was planned
      (planned_in_year == 0, e.g. a once-per-pledge plan due in a later year): nothing was
      due, so nothing is missing, and "Ej genomförd" would be wrong.
    """
    if min(planned_to_date, done_to_date, planned_in_year) < 0:
        raise ValueError("antal kan inte vara negativa")
    if planned_in_year > 0 and done_to_date >= planned_in_year:
        return Status.COMPLETED
    if done_to_date >= planned_to_date:
        if planned_to_date == 0 and done_to_date == 0 and not year_over:
            return Status.NOT_STARTED
        return Status.ON_TRACK
    if done_to_date > 0:
        return Status.PARTLY
    return Status.NOT_DONE if year_over else Status.DELAYED


@dataclass(frozen=True, slots=True)
class Progress:
    """Plan against done for one promise and one reporting period.

    "Year" is the reporting year the period belongs to (its calendar year clipped to the
    pledge; for the whole pledge, the whole pledge), and "to date" runs from the start of that
    year through the end of the period.
    """

    planned_in_period: int
    done_in_period: int
    planned_to_date: int
    done_to_date: int
    planned_in_year: int
    status: Status


def _done(records: Iterable[DoneRecord], within: DateRange) -> int:
    return sum(count for day, count in records if within.contains(day))


def progress(
    plan: Plan,
    pledge: DateRange,
    period: ReportingPeriod,
    done: Iterable[DoneRecord],
    terms: TermDates = DEFAULT_TERMS,
) -> Progress:
    """Return plan against done for a reporting period of the pledge.

    `done` holds (day, count) records; records outside the pledge period are not counted.
    """
    records = list(done)
    if any(count < 0 for _, count in records):
        raise ValueError("antal genomförda kan inte vara negativt")
    year = reporting_year(period, pledge).range
    to_date = DateRange(year.start, period.range.end)
    dues = schedule(plan, pledge, terms)

    def due_in(within: DateRange) -> int:
        return sum(due.count for due in dues if within.contains(due.on))

    planned_to_date = due_in(to_date)
    done_to_date = _done(records, to_date)
    planned_in_year = due_in(year)
    return Progress(
        planned_in_period=due_in(period.range),
        done_in_period=_done(records, period.range),
        planned_to_date=planned_to_date,
        done_to_date=done_to_date,
        planned_in_year=planned_in_year,
        status=compute_status(
            planned_to_date, done_to_date, planned_in_year, period.range.end == year.end
        ),
    )
