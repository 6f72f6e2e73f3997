"""Calendar value types of the domain: date ranges, school-term dates and reporting periods.

Reporting periods (tertials, years, the whole pledge) are clipped to the pledge period so
that they partition it: a pledge from 1 July 2018 to 30 June 2020 has 2018-T2 running
1 July to 31 August and 2020-T2 running 1 May to 30 June.

Validating a pledge's term dates means building a `TermDates`: one home for the rule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, Protocol


class _Span(Protocol):
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...


@dataclass(frozen=True, slots=True)
class DateRange:
    """A span of days with both ends included, as pledges and follow-ups are written."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"slutdatum {self.end} ligger före startdatum {self.start}")

    @classmethod
    def of(cls, period: _Span) -> DateRange:
        """Return the range of a model period (e.g. a pledge's `period`)."""
        return cls(period.start, period.end)

    @property
    def days(self) -> int:
        """Return the number of days in the range, both ends counted."""
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        """Return whether the day lies in the range."""
        return self.start <= day <= self.end

    def overlap(self, other: DateRange) -> DateRange | None:
        """Return the days the two ranges share, or None if they share none."""
        start = max(self.start, other.start)
        end = min(self.end, other.end)
        return DateRange(start, end) if start <= end else None

    def __str__(self) -> str:
        """Return the range as written in messages: both ISO dates joined by an en dash."""
        return f"{self.start.isoformat()}\u2013{self.end.isoformat()}"


MonthDay = tuple[int, int]


@dataclass(frozen=True, slots=True)
class TermDates:
    """School-term boundaries as (month, day), the same every year; both ends included.

    The defaults are the usual Swedish terms: vårtermin 15 January to 15 June and hösttermin
    15 August to 20 December. Municipalities differ, so they are configurable.
    """

    spring_start: MonthDay = (1, 15)
    spring_end: MonthDay = (6, 15)
    autumn_start: MonthDay = (8, 15)
    autumn_end: MonthDay = (12, 20)

    def __post_init__(self) -> None:
        names = ("spring_start", "spring_end", "autumn_start", "autumn_end")
        days: list[dt.date] = []
        for name in names:
            month_day = getattr(self, name)
            try:
                month, day = month_day
                # A boundary must exist every year: 29 February is refused.
                dt.date(2020, month, day)
                days.append(dt.date(2019, month, day))
            except (TypeError, ValueError):
                raise ValueError(
                    f"terminsgränsen {name} = {_month_day_text(month_day)} är inget datum som "
                    "finns varje år; ange månad och dag som MM-DD, t.ex. 01-15"
                ) from None
        spring_start, spring_end, autumn_start, autumn_end = days
        if not spring_start <= spring_end < autumn_start <= autumn_end:
            raise ValueError(
                "terminsgränserna måste komma i ordningen vårterminens start, vårterminens "
                "slut, höstterminens start, höstterminens slut inom samma år"
            )

    def spring(self, year: int) -> DateRange:
        """Return the spring term (vårtermin) of a year."""
        return DateRange(dt.date(year, *self.spring_start), dt.date(year, *self.spring_end))

    def autumn(self, year: int) -> DateRange:
        """Return the autumn term (hösttermin) of a year."""
        return DateRange(dt.date(year, *self.autumn_start), dt.date(year, *self.autumn_end))


def _month_day_text(value: object) -> str:
    """Return a (month, day) as MM-DD, as pledge files write it; anything else as it is."""
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return f"{value[0]:02d}-{value[1]:02d}"
    return repr(value)


DEFAULT_TERMS = TermDates()
"""The usual Swedish term dates; a frozen value, safe as a default argument."""


_ONE_DAY = dt.timedelta(days=1)
_TERTIAL_FIRST_MONTHS = (1, 5, 9)

PeriodKind = Literal["tertial", "year", "whole"]


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """A period a follow-up reports on: `range` is clipped to the pledge, `full` is not.

    `key` is "2018-T2" for a tertial, "2018" for a year and "all" for the whole pledge.
    """

    key: str
    kind: PeriodKind
    range: DateRange
    full: DateRange

    @property
    def year(self) -> int | None:
        """Return the calendar year of a tertial or year; None for the whole pledge."""
        return None if self.kind == "whole" else self.full.start.year

    @property
    def number(self) -> int | None:
        """Return a tertial's number 1-3 (for labels such as "tertial 2"); None otherwise."""
        if self.kind != "tertial":
            return None
        return _TERTIAL_FIRST_MONTHS.index(self.full.start.month) + 1

    @property
    def clipped(self) -> bool:
        """Return whether the pledge period cuts this period short."""
        return self.range != self.full


def _month_start(year: int, month: int) -> dt.date:
    """Return the first day of a month, where month may run past 12 into later years."""
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def months(year: int, month: int, count: int) -> DateRange:
    """Return `count` calendar months starting with the given one."""
    return DateRange(_month_start(year, month), _month_start(year, month + count) - _ONE_DAY)


def _tertial(year: int, number: int) -> DateRange:
    return months(year, _TERTIAL_FIRST_MONTHS[number - 1], 4)


def _year(year: int) -> DateRange:
    return DateRange(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _clip(key: str, kind: PeriodKind, full: DateRange, pledge: DateRange) -> ReportingPeriod:
    clipped = full.overlap(pledge)
    if clipped is None:  # callers only pass units that overlap
        raise ValueError(f"perioden {key} ligger utanför medborgarlöftets period {pledge}")
    return ReportingPeriod(key, kind, clipped, full)


def tertials(pledge: DateRange) -> list[ReportingPeriod]:
    """Return the calendar tertials overlapping the pledge, clipped to it, in order."""
    return [
        _clip(f"{year}-T{number}", "tertial", _tertial(year, number), pledge)
        for year in range(pledge.start.year, pledge.end.year + 1)
        for number in (1, 2, 3)
        if _tertial(year, number).overlap(pledge) is not None
    ]


def years(pledge: DateRange) -> list[ReportingPeriod]:
    """Return the calendar years overlapping the pledge, clipped to it, in order."""
    return [
        _clip(str(year), "year", _year(year), pledge)
        for year in range(pledge.start.year, pledge.end.year + 1)
    ]


def whole(pledge: DateRange) -> ReportingPeriod:
    """Return the whole pledge period as one reporting period, key "all"."""
    return ReportingPeriod("all", "whole", pledge, pledge)


def reporting_year(period: ReportingPeriod, pledge: DateRange) -> ReportingPeriod:
    """Return the reporting year a period belongs to: its calendar year clipped to the pledge.

    A year is its own reporting year; the whole pledge counts as one "year" of its own, so
    that a summary of the whole period is measured against the whole period's plan.
    """
    if period.kind != "tertial":
        return period
    year = period.full.start.year
    return _clip(str(year), "year", _year(year), pledge)


_KEY = re.compile(r"(?P<year>[0-9]{4})(?:-[Tt](?P<tertial>[1-3]))?")


def parse_period_key(key: str, pledge: DateRange) -> ReportingPeriod:
    """Return the reporting period named by "2018-T2" (or "2018-t2"), "2018" or "all".

    Raises ValueError in Swedish, listing the valid keys, when the key is malformed or the
    period lies outside the pledge, since the key usually comes from a user's command line.
    """
    text = key.strip()
    if text.lower() == "all":
        return whole(pledge)
    match = _KEY.fullmatch(text)
    if match is None:
        raise ValueError(
            f"okänd period {key!r}: ange ett år (t.ex. {pledge.start.year}), en tertial "
            f"(t.ex. {pledge.start.year}-T1) eller all för hela medborgarlöftets period"
        )
    if match["tertial"] is None:
        choices, canonical = years(pledge), match["year"]
    else:
        choices, canonical = tertials(pledge), f"{match['year']}-T{match['tertial']}"
    for period in choices:
        if period.key == canonical:
            return period
    raise ValueError(
        f"perioden {canonical} ligger utanför medborgarlöftets period {pledge}; "
        f"välj en av: {', '.join(period.key for period in choices)}"
    )
