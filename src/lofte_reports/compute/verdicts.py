"""In-year statuses and year-end verdicts of promises, from obligations or from assessments.

In a tertial a promise has an in-year `Status`; at the end of a year or of the whole pledge
it gets a `Verdict` instead (kept / partly kept / not kept / assessment missing / not
assessed). A promise with a plan is judged by its units; a promise without one only by an
assessment of that very period: an earlier tertial's word is four months old and is never
used in silence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from lofte_reports.compute.obligations import UnitTally
from lofte_reports.model.followup import Assessment
from lofte_reports.model.status import Status, Verdict

VerdictSource = Literal["counted", "assessed", "missing"]
"""counted: from the plan's units; assessed: from an assessment of the period; missing: none."""


def unit_status(year_units: Sequence[UnitTally], year_over: bool) -> Status:
    """Return the in-year status of a plan from the units falling due in its reporting year.

    - a unit ended unmet (missed for good; a later surplus does not repay it): PARTLY if
      anything was credited in the year, else NOT_DONE;
    - every unit of the year met: COMPLETED (so a term plan is never completed in spring,
      while its autumn term is still to come);
    - otherwise nothing is missing: NOT_STARTED if nothing is done and the year is not over,
      else ON_TRACK. A year in which nothing falls due is ON_TRACK: nothing is missing.
    """
    credited = sum(unit.credited for unit in year_units)
    if any(unit.missed for unit in year_units):
        return Status.PARTLY if credited > 0 else Status.NOT_DONE
    if year_units and all(unit.met for unit in year_units):
        return Status.COMPLETED
    if credited == 0 and not year_over:
        return Status.NOT_STARTED
    return Status.ON_TRACK


def counted_verdict(period_units: Sequence[UnitTally]) -> Verdict:
    """Return the year-end verdict of a plan from the units falling due in the period.

    Kept when every (unit, place) is met; not kept when none is met and nothing was credited;
    partly kept otherwise. A period in which nothing falls due was kept: nothing was asked.
    """
    places = [place for unit in period_units for place in unit.places]
    if all(place.met for place in places):
        return Verdict.KEPT
    if not any(place.credited for place in places):
        return Verdict.NOT_KEPT
    return Verdict.PARTLY_KEPT


_FROM_STATUS = {
    Status.COMPLETED: Verdict.KEPT,
    Status.PARTLY: Verdict.PARTLY_KEPT,
    Status.NOT_DONE: Verdict.NOT_KEPT,
    Status.DELAYED: Verdict.NOT_KEPT,
    Status.NOT_STARTED: Verdict.NOT_KEPT,
    Status.NOT_ASSESSED: Verdict.NOT_ASSESSED,
}
"""An assessment of a year that gives only an in-year status. "Försenad" or "Ej påbörjad" on
31 December means it was not done that year. "Enligt plan" says nothing about whether the
promise was kept, so it maps to nothing and the verdict is missing (and `lint` says so)."""


def assessed_verdict(assessment: Assessment | None) -> Verdict:
    """Return the verdict an assessment of the period gives: its `verdict`, else its status."""
    if assessment is None:
        return Verdict.MISSING
    if assessment.verdict is not None:
        return assessment.verdict
    if assessment.status is None:
        return Verdict.MISSING
    return _FROM_STATUS.get(assessment.status, Verdict.MISSING)
