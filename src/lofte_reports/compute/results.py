"""What a follow-up reports for one period: per promise plan against done and status, per
goal its indicator against the baseline. Pure functions of pledge, follow-up data and period.

A promise with a plan gets its status from its obligations per (unit, place)
(`compute.obligations`, `compute.verdicts`): `Progress.done_in_period` counts occasions at
the plan's places, `done_to_date` what was credited unit by unit (a surplus at one place or
in one term never stands in for another). Years and the whole pledge also get a `verdict`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from lofte_reports.compute.indicators import IndicatorOutcome, indicator_outcome
from lofte_reports.compute.obligations import (
    Obligations,
    PlaceTally,
    UnitTally,
    place_totals,
    tally,
)
from lofte_reports.compute.progress import Progress, progress
from lofte_reports.compute.verdicts import (
    VerdictSource,
    assessed_verdict,
    counted_verdict,
    unit_status,
)
from lofte_reports.model.calendar import (
    DateRange,
    ReportingPeriod,
    parse_period_key,
    reporting_year,
    tertials,
)
from lofte_reports.model.followup import (
    ActivityRecord,
    Assessment,
    Baseline,
    FollowUp,
    Narrative,
    Reading,
)
from lofte_reports.model.pledge import Goal, Party, Pledge, Problem, Promise
from lofte_reports.model.status import Status
from lofte_reports.model.status import Verdict as PromiseVerdict

StatusSource = Literal["computed", "assessed", "overridden", "none"]
ShownStatus = Status | Literal["missing"]
"""A status as a document shows it: "missing" is a promise nobody assessed (Bedömning
saknas), which is not the decision not to assess (`Status.NOT_ASSESSED`, Bedöms ej)."""
ShownVerdict = PromiseVerdict

SHORT_TITLE_WORDS = 8
"""A promise without a `title` is named in tables by its first words, at most this many."""

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
    obligations: Obligations | None = None
    """The plan's units over the pledge as of the period's end; None without a plan."""
    units: tuple[UnitTally, ...] = ()
    """The plan's units with days in the period ("Vårterminen: 2 av 3 besök", in T1 too)."""
    year_units: tuple[UnitTally, ...] = ()
    """The plan's units falling due in the reporting year, as of the period's end."""
    places: tuple[PlaceTally, ...] = ()
    """Per place over `year_units`: due, and credited unit by unit ("Drömmen 0 av 2")."""
    logged_in_period: int = 0
    """The sum of the counts of the promise's records in the period, plan or no plan."""
    logged_to_date: int = 0
    """The same from the start of the reporting year through the period's end."""
    verdict: PromiseVerdict | None = None
    """The year-end verdict; only for a year or the whole pledge, None in a tertial."""
    verdict_source: VerdictSource | None = None
    period_assessment: Assessment | None = None
    """The assessment of exactly this period (never an earlier tertial's), if any."""

    @property
    def has_plan(self) -> bool:
        """Return whether the promise has a countable plan."""
        return self.promise.plan is not None

    @property
    def shown_status(self) -> ShownStatus:
        """Return the status as documents show it: "missing" where nobody gave one."""
        if self.status is Status.NOT_ASSESSED and self.status_source == "none":
            return "missing"
        return self.status

    @property
    def short_title(self) -> str:
        """Return the promise's `title`, else its first words, for tables and headings."""
        if self.promise.title:
            return self.promise.title
        words = self.promise.text.split()
        if len(words) <= SHORT_TITLE_WORDS:
            return " ".join(words)
        return " ".join(words[:SHORT_TITLE_WORDS]).rstrip(",.;:") + " …"

    @property
    def done_in_period(self) -> int:
        """Return what was done in the period: counted against the plan, else as logged."""
        return self.progress.done_in_period if self.progress else self.logged_in_period

    @property
    def year_due(self) -> int:
        """Return how many the plan asks for in the reporting year (units falling due in it)."""
        return sum(unit.due for unit in self.year_units)

    @property
    def year_credited(self) -> int:
        """Return how many of the year's due are done, unit by unit and place by place."""
        return sum(unit.credited for unit in self.year_units)

    @property
    def not_counted(self) -> tuple[ActivityRecord, ...]:
        """Return the period's records that count towards no obligation of the plan."""
        kept = set(map(id, self.records))
        return tuple(r for r in (*self.unmatched_records, *self.outside_records) if id(r) in kept)

    @property
    def unit_word(self) -> str | None:
        """Return what the plan counts, e.g. 'besök', for every sentence with a number."""
        return self.promise.plan.unit if self.promise.plan is not None else None

    @property
    def deviates(self) -> bool:
        """Return whether the promise is behind its plan: only a promise with a plan can be."""
        return self.has_plan and self.status in DEVIATIONS

    @property
    def missed_units(self) -> tuple[UnitTally, ...]:
        """Return the units of the reporting year that ended unmet, missed for good."""
        return tuple(unit for unit in self.year_units if unit.missed)

    @property
    def unmatched_records(self) -> tuple[ActivityRecord, ...]:
        """Return records whose place is not one of the plan's places (not counted)."""
        return self.obligations.unmatched if self.obligations is not None else ()

    @property
    def outside_records(self) -> tuple[ActivityRecord, ...]:
        """Return records in no unit of the plan, e.g. visits between terms (not counted)."""
        return self.obligations.outside if self.obligations is not None else ()

    @property
    def cause(self) -> str | None:
        """Return the cause of a deviation, as the period's assessment gives it."""
        return self.period_assessment.cause if self.period_assessment else None

    @property
    def consequence(self) -> str | None:
        """Return the consequence of a deviation, as the period's assessment gives it."""
        return self.period_assessment.consequence if self.period_assessment else None

    @property
    def action(self) -> str | None:
        """Return the corrective action for a deviation, as the period's assessment gives it."""
        return self.period_assessment.action if self.period_assessment else None


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    """A goal's indicator up to the end of a period, against its baseline."""

    goal: Goal
    baseline: Baseline | None
    readings: tuple[Reading, ...]
    new_readings: tuple[Reading, ...]
    outcome: IndicatorOutcome
    """The honest comparison (`compute.indicators`): like with like, within a margin."""
    covers: tuple[DateRange | None, ...] = ()
    """Per reading, the period its value covers ("januari–april 2018"), or None for a day."""

    def covered(self, reading: Reading) -> DateRange | None:
        """Return the period a reading covers, or None when it was taken on its day."""
        return next(
            (c for r, c in zip(self.readings, self.covers, strict=True) if r is reading), None
        )

    @property
    def no_new_reading(self) -> bool:
        """Return whether the period brought no new reading ("Ingen ny mätning")."""
        return not self.new_readings

    @property
    def latest(self) -> Reading | None:
        """Return the most recent reading up to the end of the period."""
        return self.readings[-1] if self.readings else None


@dataclass(frozen=True, slots=True)
class ProblemResult:
    """A problem of the situation picture, revisited: what answered it and how that went."""

    problem: Problem
    promises: tuple[PromiseResult, ...]
    indicators: tuple[IndicatorResult, ...]


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """Everything a follow-up document of one period shows."""

    period: ReportingPeriod
    year: ReportingPeriod
    promises: tuple[PromiseResult, ...]
    indicators: tuple[IndicatorResult, ...]
    narrative: Narrative | None
    has_records: bool
    tertial_narratives: tuple[tuple[ReportingPeriod, Narrative], ...] = ()
    """In a year-end report: each tertial's own narrative, so its events are not lost."""
    tertial_reports: tuple[PeriodReport, ...] = ()
    """In a year-end report: the report of each tertial in it, so a summer dip shows."""
    problems: tuple[ProblemResult, ...] = ()
    """The situation picture's problems, each with the promises and goals that answer it."""

    @property
    def is_year_end(self) -> bool:
        """Return whether the period is a year or the whole pledge: verdicts, not statuses."""
        return self.period.kind != "tertial"

    @property
    def verdict_counts(self) -> dict[PromiseVerdict, int]:
        """Return how many promises have each year-end verdict, in the order of `Verdict`."""
        counts = Counter(r.verdict for r in self.promises if r.verdict is not None)
        return {verdict: counts[verdict] for verdict in PromiseVerdict if counts[verdict]}

    @property
    def by_status(self) -> dict[ShownStatus, tuple[int, ...]]:
        """Return the numbers of the promises with each shown status, statuses in order."""
        order: list[ShownStatus] = [*Status, "missing"]
        found = {
            key: tuple(r.number for r in self.promises if r.shown_status == key) for key in order
        }
        return {key: numbers for key, numbers in found.items() if numbers}

    @property
    def by_verdict(self) -> dict[PromiseVerdict, tuple[int, ...]]:
        """Return the numbers of the promises with each year-end verdict, verdicts in order."""
        found = {
            v: tuple(r.number for r in self.promises if r.verdict is v) for v in PromiseVerdict
        }
        return {verdict: numbers for verdict, numbers in found.items() if numbers}

    @property
    def next_steps(self) -> tuple[tuple[int | None, str], ...]:
        """Return the period's next steps: the narrative's, then each promise's with its number."""
        steps: list[tuple[int | None, str]] = [
            (None, text) for text in (self.narrative.next_steps if self.narrative else [])
        ]
        steps += [
            (r.number, r.period_assessment.next_steps)
            for r in self.promises
            if r.period_assessment is not None and r.period_assessment.next_steps
        ]
        return tuple(steps)

    def verdicts_from(self, source: VerdictSource) -> int:
        """Return how many verdicts rest on counts ("counted"), assessments, or are missing."""
        return sum(1 for result in self.promises if result.verdict_source == source)

    @property
    def counted_verdicts(self) -> int:
        """Return how many year-end verdicts rest on counts against a plan."""
        return self.verdicts_from("counted")

    @property
    def assessed_verdicts(self) -> int:
        """Return how many year-end verdicts rest on an assessment of the period."""
        return self.verdicts_from("assessed")

    @property
    def missing_verdicts(self) -> int:
        """Return how many promises have no verdict: no plan and no assessment of the period."""
        return self.verdicts_from("missing")


def period_report(pledge: Pledge, followup: FollowUp, period: ReportingPeriod) -> PeriodReport:
    """Return the follow-up of `period` (a tertial, a year or the whole pledge)."""
    pledge_range = DateRange.of(pledge.period)
    year = reporting_year(period, pledge_range)
    promises = tuple(
        _promise_result(n, pledge, followup, group_promise, period, pledge_range)
        for n, group_promise in enumerate(_promises_with_parties(pledge), start=1)
    )
    indicators = tuple(
        _indicator_result(goal, followup, period, pledge_range) for goal in pledge.goals
    )
    narrative = next((n for n in followup.narratives if n.period == period.key), None)
    has_records = any(result.records for result in promises) or any(
        a.period == period.key for a in followup.assessments
    )
    inside = [] if period.kind == "tertial" else tertials(pledge_range)
    tertial_narratives = tuple(
        (tertial, found)
        for tertial in inside
        if period.range.contains(tertial.range.end)
        for found in followup.narratives
        if found.period == tertial.key
    )
    tertial_reports = tuple(
        period_report(pledge, followup, tertial)
        for tertial in inside
        if period.range.contains(tertial.range.end)
    )
    problems = tuple(
        ProblemResult(
            problem,
            tuple(r for r in promises if problem.id in r.promise.problems),
            tuple(i for i in indicators if problem.id in i.goal.problems),
        )
        for problem in (pledge.situation.problems if pledge.situation else [])
    )
    return PeriodReport(
        period,
        year,
        promises,
        indicators,
        narrative,
        has_records,
        tertial_narratives,
        tertial_reports,
        problems,
    )


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
    exact = next(
        (a for a in followup.assessments if a.promise == promise.id and a.period == period.key),
        None,
    )
    year = reporting_year(period, pledge_range).range
    to_date = DateRange(year.start, period.range.end)
    logged_to_date = sum(r.count for r in mine if to_date.contains(r.date))
    result_progress = None
    status: Status = Status.NOT_ASSESSED
    source: StatusSource = "none"
    obligations = None
    units: tuple[UnitTally, ...] = ()
    year_units: tuple[UnitTally, ...] = ()
    verdict: PromiseVerdict | None = None
    verdict_source: VerdictSource | None = None
    if promise.plan is not None:
        plan, terms, end = promise.plan, pledge.terms(), period.range.end
        obligations = tally(plan, mine, pledge_range, end, terms)
        units = obligations.overlapping(period.range)
        year_units = obligations.due_in(year)
        in_period = tally(plan, records, pledge_range, end, terms)
        done = [(r.date, r.count) for r in mine]
        result_progress = replace(
            progress(plan, pledge_range, period, done, terms),
            done_in_period=sum(unit.done for unit in in_period.units),
            done_to_date=sum(unit.credited for unit in year_units),
            status=unit_status(year_units, period.range.end == year.end),
        )
        status, source = result_progress.status, "computed"
        if period.kind != "tertial":
            verdict, verdict_source = counted_verdict(obligations.due_in(period.range)), "counted"
    elif period.kind != "tertial":
        verdict = assessed_verdict(exact)
        verdict_source = "missing" if verdict is PromiseVerdict.MISSING else "assessed"
    if assessment is not None and assessment.status is not None:
        if source == "computed" and assessment.status != status:
            status, source = assessment.status, "overridden"
        elif source == "none":
            status, source = assessment.status, "assessed"
    return PromiseResult(
        number,
        promise,
        parties,
        result_progress,
        records,
        assessment,
        status,
        source,
        obligations=obligations,
        units=units,
        year_units=year_units,
        places=place_totals(year_units),
        logged_in_period=sum(r.count for r in records),
        logged_to_date=logged_to_date,
        verdict=verdict,
        verdict_source=verdict_source,
        period_assessment=exact,
    )


def _assessment(
    followup: FollowUp, promise: Promise, period: ReportingPeriod, pledge_range: DateRange
) -> Assessment | None:
    """Return the promise's assessment for the period; for a year, else its last tertial's.

    Kept for the in-year `status` the current templates print. The year-end `verdict` never
    falls back: it uses `period_assessment`, the assessment of exactly that period.
    """
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


def _indicator_result(
    goal: Goal, followup: FollowUp, period: ReportingPeriod, pledge_range: DateRange
) -> IndicatorResult:
    indicator = goal.indicator
    baseline = next((b for b in followup.baselines if b.indicator == indicator.id), None)
    readings = tuple(
        r for r in followup.readings if r.indicator == indicator.id and r.date <= period.range.end
    )
    new = tuple(r for r in readings if period.range.contains(r.date))
    outcome = indicator_outcome(goal, baseline, readings, period, pledge_range)
    covers = tuple(
        None if r.period is None else parse_period_key(r.period, pledge_range).range
        for r in readings
    )
    return IndicatorResult(goal, baseline, readings, new, outcome, covers)
