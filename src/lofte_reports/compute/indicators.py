"""An indicator against its baseline, judged honestly: like with like, within a margin.

- **Kind.** A share (`kind: share`, or unit `%`/`procent`) changes in procentenheter, a count
  in its unit, an index in index points. Values keep the precision the data gives: 1,66 →
  1,63 is a change of −0,03 (`decimals` says how many to print), and a change that rounds
  to nothing is 0, never −0.
- **Like with like.** An indicator counted per period (`per_period`, by default reported
  crimes) is never judged on one tertial in a year-end report. A baseline that covers a
  year (`Baseline.period: "2017"`) is compared with the sum of the year's readings, and
  only when every tertial of the year has one. A baseline without a period, or covering a
  tertial, is a value per reading period (as "genomsnitt per tertial 2017"): a year is
  compared by the mean of its readings, a tertial by its own reading. Other indicators
  (surveys) compare their latest reading up to the period's end.
- **Margin.** With `Indicator.margin`, a change no larger than it is "unchanged", a larger one
  "improved" or "worsened" by the goal's direction. Without a margin there is no verdict
  word ("changed"): the documents say "har ökat med 4 procentenheter" and leave judging to
  the reader. No default margin is right for both a 1 999-respondent survey of a whole
  police area and a dozen crimes a tertial, and a wrong one prints "Försämrat" for noise;
  only the data owner knows the uncertainty. A change of exactly zero is "unchanged".
- **Target.** A goal's `target` is reached when the compared value is at or beyond it in
  the goal's direction.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from lofte_reports.model.calendar import DateRange, ReportingPeriod, tertials
from lofte_reports.model.followup import Baseline, Reading
from lofte_reports.model.pledge import Goal, IndicatorSource, Target

IndicatorKind = Literal["share", "count", "index", "other"]
Basis = Literal["latest", "period", "year-sum", "year-mean"]
"""What was compared with the baseline: the latest reading; the period's own reading (a
count per tertial); the sum of the year's readings; their mean per reading period."""
Judgement = Literal["improved", "worsened", "unchanged", "changed", "no-data", "not-comparable"]
"""changed: it moved, but without a margin there is no verdict word; not-comparable: no
like-with-like value (e.g. a year's baseline before the year's last tertial)."""
Movement = Literal["increased", "decreased", "same"]

SHARE_UNITS = frozenset({"%", "procent", "percent"})
SHARE_CHANGE_UNIT = "procentenheter"


@dataclass(frozen=True, slots=True)
class IndicatorOutcome:
    """A goal's indicator in one report: the value compared, the change, and the judgement."""

    kind: IndicatorKind
    per_period: bool
    change_unit: str | None
    """The unit of `change`: 'procentenheter' for a share, else the indicator's unit."""
    decimals: int
    """How many decimals the data gives: print values and change with this many."""
    basis: Basis | None
    compared: float | None
    baseline: float | None
    change: float | None
    movement: Movement | None
    judgement: Judgement
    new_reading: bool
    """Whether any reading falls in the period ("Ingen ny mätning under perioden" if not)."""
    readings_in_period: int
    complete: bool
    """For a year-end report of a per-period indicator: every tertial has a reading."""
    target: Target | None
    target_reached: bool | None
    """None when the goal has no target or nothing to compare."""
    target_due: bool
    """Whether the target's date has passed by the end of the period."""


def indicator_kind(goal: Goal) -> IndicatorKind:
    """Return what the indicator's values are: given, or a share for %, a count for crimes."""
    indicator = goal.indicator
    if indicator.kind is not None:
        return indicator.kind
    if indicator.unit is not None and indicator.unit.strip().casefold() in SHARE_UNITS:
        return "share"
    if indicator.source is IndicatorSource.REPORTED_CRIME:
        return "count"
    return "other"


def is_per_period(goal: Goal, readings: tuple[Reading, ...]) -> bool:
    """Return whether each reading is a count over a period: given, else crimes or `period`."""
    indicator = goal.indicator
    if indicator.per_period is not None:
        return indicator.per_period
    return indicator.source is IndicatorSource.REPORTED_CRIME or any(
        r.period is not None for r in readings
    )


def decimals_of(value: float) -> int:
    """Return how many decimals a value from the data has: 1.66 has 2, 52.0 has 0."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _rounded(value: float, decimals: int) -> float:
    """Return the value rounded to `decimals`, with -0.0 made 0.0."""
    return round(value, decimals) + 0.0


def _baseline_kind(baseline: Baseline) -> Literal["year", "per-period"]:
    key = baseline.period
    return "year" if key is not None and "-T" not in key and key != "all" else "per-period"


def indicator_outcome(
    goal: Goal,
    baseline: Baseline | None,
    readings: tuple[Reading, ...],
    period: ReportingPeriod,
    pledge: DateRange,
) -> IndicatorOutcome:
    """Return the indicator in a report of `period`; `readings` are all up to its end."""
    kind = indicator_kind(goal)
    per_period = is_per_period(goal, readings)
    in_period = tuple(r for r in readings if period.range.contains(r.date))
    values = [r.value for r in readings] + ([baseline.value] if baseline else [])
    decimals = max((decimals_of(v) for v in values), default=0)
    spans = [t.range for t in tertials(pledge) if period.range.overlap(t.range) is not None]
    complete = all(any(span.contains(r.date) for r in in_period) for span in spans)
    basis: Basis | None = None
    compared: float | None = None
    comparable = True
    if not per_period:
        if readings:
            basis, compared = "latest", readings[-1].value
    elif period.kind == "tertial":
        if in_period:
            basis, compared = "period", sum(r.value for r in in_period)
            comparable = baseline is None or _baseline_kind(baseline) == "per-period"
    elif in_period:
        if baseline is not None and _baseline_kind(baseline) == "year":
            basis, compared = "year-sum", sum(r.value for r in in_period)
            comparable = complete and period.range.start.year == period.range.end.year
        else:
            basis = "year-mean"
            compared = sum(r.value for r in in_period) / len(in_period)
            decimals += 0 if compared == round(compared, decimals) else 1
    if compared is not None:
        compared = _rounded(compared, decimals)
    change: float | None = None
    movement: Movement | None = None
    judgement: Judgement = "no-data"
    if baseline is not None and compared is not None:
        if not comparable:
            judgement = "not-comparable"
        else:
            change = _rounded(compared - baseline.value, decimals)
            movement = "increased" if change > 0 else "decreased" if change < 0 else "same"
            judgement = _judge(goal, change)
    target = goal.target
    reached: bool | None = None
    if target is not None and compared is not None and comparable:
        if goal.indicator.direction == "increase":
            reached = compared >= target.value
        else:
            reached = compared <= target.value
    return IndicatorOutcome(
        kind=kind,
        per_period=per_period,
        change_unit=SHARE_CHANGE_UNIT if kind == "share" else goal.indicator.unit,
        decimals=decimals,
        basis=basis,
        compared=compared,
        baseline=baseline.value if baseline is not None else None,
        change=change,
        movement=movement,
        judgement=judgement,
        new_reading=bool(in_period),
        readings_in_period=len(in_period),
        complete=complete,
        target=target,
        target_reached=reached,
        target_due=target is not None and target.date <= period.range.end,
    )


def _judge(goal: Goal, change: float) -> Judgement:
    if change == 0:
        return "unchanged"
    margin = goal.indicator.margin
    if margin is None:
        return "changed"
    if abs(change) <= margin + 1e-9:  # the change is rounded to the data's decimals
        return "unchanged"
    better = change if goal.indicator.direction == "increase" else -change
    return "improved" if better > 0 else "worsened"
