"""What a follow-up reports for one period: per promise plan against done and status, per
goal its indicator against the baseline. Pure functions of pledge, follow-up data and period.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from lofte_reports.compute.progress import Progress, progress
from lofte_reports.model.calendar import DateRange, ReportingPeriod, reporting_year, tertials
from lofte_reports.model.followup import (
    ActivityRecord,
    Assessment,
    Baseline,
    FollowUp,
    Narrative,
    Reading,
)
from lofte_reports.model.pledge import Goal, Party, Pledge, Promise
from lofte_reports.model.status import Status

StatusSource = Literal["computed", "assessed", "overridden", "none"]
Verdict = Literal["improved", "worsened", "unchanged", "no-data"]

DEVIATIONS = (Status.PARTLY, Status.DELAYED, Status.NOT_DONE)


@dataclass(frozen=True, slots=True)
class PromiseResult:
    """One promise in one period."""

    number: int
    promise: Promise
    parties: tuple[Party, ...]
    progress: Progress | None
    records: tuple[ActivityRecord, ...]
    assessment: Assessment | None
    status: Status
    status_source: StatusSource

    @property
    def deviates(self) -> bool:
        """Return whether the promise is behind or was not kept."""
        return self.status in DEVIATIONS


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """A goal's indicator up to the end of a period, against its baseline."""

    goal: Goal
    baseline: Baseline | None
    readings: tuple[Reading, ...]
    new_readings: tuple[Reading, ...]
    change: float | None
    verdict: Verdict

    @property
    def latest(self) -> Reading | None:
        """Return the most recent reading up to the end of the period."""
        return self.readings[-1] if self.readings else None


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """Everything a follow-up document of one period shows."""

    period: ReportingPeriod
    year: ReportingPeriod
    promises: tuple[PromiseResult, ...]
    indicators: tuple[IndicatorResult, ...]
    narrative: Narrative | None
    has_records: bool

    def count(self, *statuses: str) -> int:
        """Return how many promises have one of these statuses."""
        wanted = {Status(s) for s in statuses}
        return sum(1 for result in self.promises if result.status in wanted)

    @property
    def status_counts(self) -> dict[Status, int]:
        """Return how many promises have each status, in the order of `Status`."""
        counts = Counter(result.status for result in self.promises)
        return {status: counts[status] for status in Status if counts[status]}


def period_report(pledge: Pledge, followup: FollowUp, period: ReportingPeriod) -> PeriodReport:
    """Return the follow-up of `period` (a tertial, a year or the whole pledge)."""
    pledge_range = DateRange.of(pledge.period)
    year = reporting_year(period, pledge_range)
    promises = tuple(
        _promise_result(n, pledge, followup, group_promise, period, pledge_range)
        for n, group_promise in enumerate(_promises_with_parties(pledge), start=1)
    )
    indicators = tuple(_indicator_result(goal, followup, period) for goal in pledge.goals)
    narrative = next((n for n in followup.narratives if n.period == period.key), None)
    has_records = any(result.records for result in promises) or any(
        a.period == period.key for a in followup.assessments
    )
    return PeriodReport(period, year, promises, indicators, narrative, has_records)


def _promises_with_parties(pledge: Pledge) -> list[tuple[Promise, tuple[Party, ...]]]:
    return [
        (promise, tuple(pledge.promisers(group, promise)))
        for group in pledge.promise_groups
        for promise in group.promises
    ]


def _promise_result(
    number: int,
    pledge: Pledge,
    followup: FollowUp,
    promise_and_parties: tuple[Promise, tuple[Party, ...]],
    period: ReportingPeriod,
    pledge_range: DateRange,
) -> PromiseResult:
    promise, parties = promise_and_parties
    mine = [r for r in followup.activities if r.promise == promise.id]
    records = tuple(r for r in mine if period.range.contains(r.date))
    assessment = _assessment(followup, promise, period, pledge_range)
    result_progress = None
    status: Status = Status.NOT_ASSESSED
    source: StatusSource = "none"
    if promise.plan is not None:
        done = [(r.date, r.count) for r in mine]
        result_progress = progress(promise.plan, pledge_range, period, done, pledge.terms())
        status, source = result_progress.status, "computed"
    if assessment is not None and assessment.status is not None:
        if source == "computed" and assessment.status != status:
            status, source = assessment.status, "overridden"
        elif source == "none":
            status, source = assessment.status, "assessed"
    return PromiseResult(
        number, promise, parties, result_progress, records, assessment, status, source
    )


def _assessment(
    followup: FollowUp, promise: Promise, period: ReportingPeriod, pledge_range: DateRange
) -> Assessment | None:
    """Return the promise's assessment for the period; for a year, else its last tertial's."""
    mine = [a for a in followup.assessments if a.promise == promise.id]
    exact = next((a for a in mine if a.period == period.key), None)
    if exact is not None or period.kind == "tertial":
        return exact
    inside = [t for t in tertials(pledge_range) if period.range.contains(t.range.end)]
    for tertial in reversed(inside):
        found = next((a for a in mine if a.period == tertial.key), None)
        if found is not None:
            return found
    return None


def _indicator_result(goal: Goal, followup: FollowUp, period: ReportingPeriod) -> IndicatorResult:
    indicator = goal.indicator
    baseline = next((b for b in followup.baselines if b.indicator == indicator.id), None)
    readings = tuple(
        r for r in followup.readings if r.indicator == indicator.id and r.date <= period.range.end
    )
    new = tuple(r for r in readings if period.range.contains(r.date))
    change: float | None = None
    verdict: Verdict = "no-data"
    if baseline is not None and readings:
        change = readings[-1].value - baseline.value
        better = change if indicator.direction == "increase" else -change
        verdict = "improved" if better > 0 else "worsened" if better < 0 else "unchanged"
    return IndicatorResult(goal, baseline, readings, new, change, verdict)
