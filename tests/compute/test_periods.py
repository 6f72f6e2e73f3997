"""Reporting periods partition the pledge; frequency units are whole calendar units."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lofte_reports.compute.periods import units
from lofte_reports.model.calendar import (
    DateRange,
    ReportingPeriod,
    TermDates,
    parse_period_key,
    reporting_year,
    tertials,
    whole,
    years,
)
from lofte_reports.model.pledge import Frequency, Period

D = dt.date
YEAR_2018 = DateRange(D(2018, 1, 1), D(2018, 12, 31))
JULY_TO_JUNE = DateRange(D(2018, 7, 1), D(2020, 6, 30))
APRIL_TO_MARCH = DateRange(D(2021, 4, 1), D(2022, 3, 31))


@st.composite
def pledges(draw: st.DrawFn) -> DateRange:
    """Return a pledge period starting 2015-2030 and lasting one day up to four years."""
    start = draw(st.dates(D(2015, 1, 1), D(2030, 12, 31)))
    length = draw(st.integers(0, 4 * 365))
    return DateRange(start, start + dt.timedelta(days=length))


def ranges(periods: list[ReportingPeriod]) -> list[tuple[D, D]]:
    return [(p.range.start, p.range.end) for p in periods]


def assert_partition(parts: list[DateRange], whole_range: DateRange) -> None:
    assert parts[0].start == whole_range.start
    assert parts[-1].end == whole_range.end
    for before, after in pairwise(parts):
        assert after.start == before.end + dt.timedelta(days=1)


# DateRange


def test_a_date_range_counts_both_ends() -> None:
    assert DateRange(D(2018, 1, 1), D(2018, 1, 1)).days == 1
    assert YEAR_2018.days == 365
    assert DateRange(D(2020, 1, 1), D(2020, 12, 31)).days == 366


def test_a_date_range_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="slutdatum 2018-01-01 ligger före startdatum"):
        DateRange(D(2018, 1, 2), D(2018, 1, 1))


def test_contains_includes_both_ends() -> None:
    assert YEAR_2018.contains(D(2018, 1, 1))
    assert YEAR_2018.contains(D(2018, 12, 31))
    assert not YEAR_2018.contains(D(2019, 1, 1))


def test_overlap_is_the_shared_days_or_none() -> None:
    may = DateRange(D(2018, 5, 1), D(2018, 5, 31))
    assert JULY_TO_JUNE.overlap(YEAR_2018) == DateRange(D(2018, 7, 1), D(2018, 12, 31))
    assert YEAR_2018.overlap(may) == may
    assert may.overlap(DateRange(D(2018, 5, 31), D(2018, 6, 2))) == DateRange(
        D(2018, 5, 31), D(2018, 5, 31)
    )
    assert may.overlap(DateRange(D(2018, 6, 1), D(2018, 6, 2))) is None


def test_a_date_range_from_a_model_period_and_as_text() -> None:
    period = Period(start=D(2018, 1, 1), end=D(2018, 12, 31))
    assert DateRange.of(period) == YEAR_2018
    assert str(YEAR_2018) == "2018-01-01\u20132018-12-31"


@given(pledges(), pledges())
def test_overlap_is_symmetric_and_inside_both(a: DateRange, b: DateRange) -> None:
    shared = a.overlap(b)
    assert shared == b.overlap(a)
    if shared is None:
        assert a.end < b.start or b.end < a.start
    else:
        assert a.contains(shared.start) and a.contains(shared.end)
        assert b.contains(shared.start) and b.contains(shared.end)


# Reporting periods


def test_the_tertials_of_a_calendar_year() -> None:
    periods = tertials(YEAR_2018)
    assert [p.key for p in periods] == ["2018-T1", "2018-T2", "2018-T3"]
    assert ranges(periods) == [
        (D(2018, 1, 1), D(2018, 4, 30)),
        (D(2018, 5, 1), D(2018, 8, 31)),
        (D(2018, 9, 1), D(2018, 12, 31)),
    ]
    assert all(p.range == p.full and not p.clipped for p in periods)
    assert [(p.kind, p.year, p.number) for p in periods] == [
        ("tertial", 2018, 1),
        ("tertial", 2018, 2),
        ("tertial", 2018, 3),
    ]


def test_the_tertials_of_a_july_to_june_pledge_are_clipped_at_both_ends() -> None:
    periods = tertials(JULY_TO_JUNE)
    assert [p.key for p in periods] == [
        "2018-T2",
        "2018-T3",
        "2019-T1",
        "2019-T2",
        "2019-T3",
        "2020-T1",
        "2020-T2",
    ]
    assert ranges(periods)[0] == (D(2018, 7, 1), D(2018, 8, 31))
    assert periods[0].full == DateRange(D(2018, 5, 1), D(2018, 8, 31))
    assert periods[0].clipped
    assert ranges(periods)[-1] == (D(2020, 5, 1), D(2020, 6, 30))
    assert periods[-1].full == DateRange(D(2020, 5, 1), D(2020, 8, 31))
    assert [p.clipped for p in periods[1:-1]] == [False] * 5


def test_the_years_of_an_april_to_march_pledge() -> None:
    periods = years(APRIL_TO_MARCH)
    assert [p.key for p in periods] == ["2021", "2022"]
    assert ranges(periods) == [
        (D(2021, 4, 1), D(2021, 12, 31)),
        (D(2022, 1, 1), D(2022, 3, 31)),
    ]
    assert periods[1].full == DateRange(D(2022, 1, 1), D(2022, 12, 31))
    assert [(p.kind, p.year, p.number) for p in periods] == [
        ("year", 2021, None),
        ("year", 2022, None),
    ]


def test_the_whole_pledge_is_one_period() -> None:
    period = whole(JULY_TO_JUNE)
    assert (period.key, period.kind, period.range, period.full) == (
        "all",
        "whole",
        JULY_TO_JUNE,
        JULY_TO_JUNE,
    )
    assert period.year is None
    assert period.number is None


def test_a_one_day_pledge_has_one_tertial_and_one_year() -> None:
    day = DateRange(D(2019, 5, 1), D(2019, 5, 1))
    assert ranges(tertials(day)) == [(day.start, day.end)]
    assert ranges(years(day)) == [(day.start, day.end)]


def test_the_reporting_year_of_a_tertial_is_its_clipped_calendar_year() -> None:
    first = tertials(JULY_TO_JUNE)[0]
    year = reporting_year(first, JULY_TO_JUNE)
    assert (year.key, year.range) == ("2018", DateRange(D(2018, 7, 1), D(2018, 12, 31)))
    a_year = years(JULY_TO_JUNE)[1]
    assert reporting_year(a_year, JULY_TO_JUNE) is a_year
    everything = whole(JULY_TO_JUNE)
    assert reporting_year(everything, JULY_TO_JUNE) is everything


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("2018-T2", "2018-T2"),
        ("2018-t2", "2018-T2"),
        (" 2018-T3 ", "2018-T3"),
        ("2018", "2018"),
        ("all", "all"),
        ("ALL", "all"),
    ],
)
def test_parse_period_key_accepts_tertials_years_and_all(key: str, expected: str) -> None:
    assert parse_period_key(key, YEAR_2018).key == expected


def test_parse_period_key_returns_the_clipped_period() -> None:
    assert parse_period_key("2020-T2", JULY_TO_JUNE) == tertials(JULY_TO_JUNE)[-1]
    assert parse_period_key("2021", APRIL_TO_MARCH) == years(APRIL_TO_MARCH)[0]


def test_parse_period_key_names_the_choices_when_outside_the_pledge() -> None:
    with pytest.raises(ValueError, match="^perioden 2019-T1 ligger utanför") as caught:
        parse_period_key("2019-t1", YEAR_2018)
    assert str(caught.value) == (
        "perioden 2019-T1 ligger utanför medborgarlöftets period 2018-01-01\u20132018-12-31; "
        "välj en av: 2018-T1, 2018-T2, 2018-T3"
    )
    with pytest.raises(ValueError, match="välj en av: 2018, 2019, 2020$"):
        parse_period_key("2017", JULY_TO_JUNE)
    with pytest.raises(ValueError, match="välj en av: 2018-T2, 2018-T3, 2019-T1"):
        parse_period_key("2018-T1", JULY_TO_JUNE)


@pytest.mark.parametrize("key", ["", "2018-T4", "2018-T0", "18-T1", "2018T1", "T1", "alla", "å"])
def test_parse_period_key_refuses_malformed_keys(key: str) -> None:
    with pytest.raises(ValueError, match=r"^okänd period .*ange ett år \(t\.ex\. 2018\)"):
        parse_period_key(key, YEAR_2018)


@given(pledges())
def test_tertials_and_years_partition_the_pledge(pledge: DateRange) -> None:
    for periods in (tertials(pledge), years(pledge)):
        assert_partition([p.range for p in periods], pledge)
        for period in periods:
            assert period.full.overlap(pledge) == period.range
            assert parse_period_key(period.key, pledge) == period


@given(pledges())
def test_every_tertial_lies_in_its_reporting_year(pledge: DateRange) -> None:
    for tertial in tertials(pledge):
        year = reporting_year(tertial, pledge)
        assert year.kind == "year"
        assert year.range.overlap(tertial.range) == tertial.range


# Term dates


def test_the_terms_of_2018_with_default_dates() -> None:
    assert units(Frequency.TERM, YEAR_2018) == [
        DateRange(D(2018, 1, 15), D(2018, 6, 15)),
        DateRange(D(2018, 8, 15), D(2018, 12, 20)),
    ]


def test_term_dates_are_configurable() -> None:
    terms = TermDates(spring_start=(1, 8), spring_end=(6, 10), autumn_start=(8, 20))
    assert units(Frequency.TERM, YEAR_2018, terms) == [
        DateRange(D(2018, 1, 8), D(2018, 6, 10)),
        DateRange(D(2018, 8, 20), D(2018, 12, 20)),
    ]


def test_terms_only_where_they_overlap_the_span() -> None:
    summer = DateRange(D(2018, 6, 16), D(2018, 8, 14))
    assert units(Frequency.TERM, summer) == []
    christmas = DateRange(D(2018, 12, 21), D(2019, 1, 15))
    assert units(Frequency.TERM, christmas) == [DateRange(D(2019, 1, 15), D(2019, 6, 15))]


@pytest.mark.parametrize(
    "changes",
    [
        {"spring_start": (2, 29)},
        {"spring_start": (13, 1)},
        {"autumn_end": (12, 32)},
        {"spring_end": (8, 20)},
        {"spring_start": (6, 16)},
        {"autumn_start": (12, 21)},
    ],
)
def test_term_dates_are_validated(changes: dict[str, tuple[int, int]]) -> None:
    with pytest.raises(ValueError, match="terminsgräns"):
        TermDates(**changes)


# Frequency units


def test_iso_weeks_run_monday_to_sunday() -> None:
    weeks = units(Frequency.WEEK, YEAR_2018)
    assert len(weeks) == 53
    assert weeks[0] == DateRange(D(2018, 1, 1), D(2018, 1, 7))
    assert weeks[-1] == DateRange(D(2018, 12, 31), D(2019, 1, 6))
    assert units(Frequency.WEEK, DateRange(D(2020, 1, 1), D(2020, 1, 1))) == [
        DateRange(D(2019, 12, 30), D(2020, 1, 5))
    ]


def test_months_tertials_and_years_are_whole_calendar_units() -> None:
    span = DateRange(D(2018, 7, 15), D(2019, 2, 3))
    months = units(Frequency.MONTH, span)
    assert (months[0], months[-1], len(months)) == (
        DateRange(D(2018, 7, 1), D(2018, 7, 31)),
        DateRange(D(2019, 2, 1), D(2019, 2, 28)),
        8,
    )
    assert units(Frequency.TERTIAL, span) == [
        DateRange(D(2018, 5, 1), D(2018, 8, 31)),
        DateRange(D(2018, 9, 1), D(2018, 12, 31)),
        DateRange(D(2019, 1, 1), D(2019, 4, 30)),
    ]
    assert units(Frequency.YEAR, span) == [
        DateRange(D(2018, 1, 1), D(2018, 12, 31)),
        DateRange(D(2019, 1, 1), D(2019, 12, 31)),
    ]
    assert units(Frequency.PERIOD, span) == [span]


@given(pledges(), st.sampled_from(Frequency))
def test_units_are_ordered_disjoint_and_overlap_the_span(span: DateRange, per: Frequency) -> None:
    found = units(per, span)
    assert all(unit.overlap(span) is not None for unit in found)
    for before, after in pairwise(found):
        assert before.end < after.start
    if per is not Frequency.TERM:
        # Contiguous units cover the span exactly once.
        assert found[0].contains(span.start) and found[-1].contains(span.end)
        assert_partition(found, DateRange(found[0].start, found[-1].end))


@given(pledges())
def test_unit_shapes(span: DateRange) -> None:
    for week in units(Frequency.WEEK, span):
        assert (week.start.weekday(), week.days) == (0, 7)
    for month in units(Frequency.MONTH, span):
        assert month.start.day == 1 and 28 <= month.days <= 31
        assert month.end.month == month.start.month
    for tertial in units(Frequency.TERTIAL, span):
        assert (tertial.start.month, tertial.start.day) in {(1, 1), (5, 1), (9, 1)}
        assert 120 <= tertial.days <= 123
    for year in units(Frequency.YEAR, span):
        assert year == DateRange(D(year.start.year, 1, 1), D(year.start.year, 12, 31))
