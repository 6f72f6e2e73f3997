"""The calendar units plans count in: weeks, months, terms, tertials, years.

Pure calendar arithmetic on inclusive date ranges; the reporting periods themselves are
values of the domain (`model.calendar`).
"""

from __future__ import annotations

import datetime as dt

from lofte_reports.model.calendar import DEFAULT_TERMS, DateRange, TermDates, months
from lofte_reports.model.pledge import Frequency


def _weeks(span: DateRange) -> list[DateRange]:
    monday = span.start - dt.timedelta(days=span.start.weekday())
    result: list[DateRange] = []
    while monday <= span.end:
        result.append(DateRange(monday, monday + dt.timedelta(days=6)))
        monday += dt.timedelta(days=7)
    return result


def _month_runs(span: DateRange, length: int) -> list[DateRange]:
    """Return runs of `length` months aligned to January that overlap the span."""
    month = (span.start.month - 1) // length * length + 1
    result = [months(span.start.year, month, length)]
    while result[-1].end < span.end:
        month += length
        result.append(months(span.start.year, month, length))
    return result


def units(per: Frequency, span: DateRange, terms: TermDates = DEFAULT_TERMS) -> list[DateRange]:
    """Return the whole calendar units of a frequency that overlap the span, in order.

    Units are not clipped: a plan's due count for a unit cut by the pledge is prorated from
    how much of the unit the pledge covers. Weeks are ISO weeks, Monday to Sunday; terms may
    leave gaps (summer, Christmas) in which no unit lies. Frequency.PERIOD gives the span.
    """
    if per is Frequency.WEEK:
        return _weeks(span)
    if per is Frequency.MONTH:
        return _month_runs(span, 1)
    if per is Frequency.TERTIAL:
        return _month_runs(span, 4)
    if per is Frequency.YEAR:
        return _month_runs(span, 12)
    if per is Frequency.TERM:
        return [
            term
            for year in range(span.start.year, span.end.year + 1)
            for term in (terms.spring(year), terms.autumn(year))
            if term.overlap(span) is not None
        ]
    if per is Frequency.PERIOD:
        return [span]
    raise ValueError(f"okänd frekvens: {per!r}")
