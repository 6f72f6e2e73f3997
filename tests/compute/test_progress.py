"""Planned counts add up over any partition of the pledge; statuses follow plan against done."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lofte_reports.compute.progress import (
    DoneRecord,
    Progress,
    compute_status,
    next_due,
    planned,
    planned_total,
    progress,
    schedule,
)
from lofte_reports.model.calendar import (
    DateRange,
    ReportingPeriod,
    TermDates,
    parse_period_key,
    tertials,
    whole,
    years,
)
from lofte_reports.model.pledge import Frequency, Plan, Pledge
from lofte_reports.model.status import Status

D = dt.date
YEAR_2018 = DateRange(D(2018, 1, 1), D(2018, 12, 31))
JULY_TO_JUNE = DateRange(D(2018, 7, 1), D(2020, 6, 30))
APRIL_TO_MARCH = DateRange(D(2021, 4, 1), D(2022, 3, 31))
PRESCHOOLS = ["Tusenskönans förskola", "Pilängsgårdens förskola", "Drömmens förskola"]
# Once per term at each of three preschools, as in the Landskrona 2018 pledge.
PRESCHOOL_VISITS = Plan(count=1, per=Frequency.TERM, places=PRESCHOOLS)
YOUTH_CENTRE_VISITS = Plan(count=2, per=Frequency.TERM, places=["Ungdomshuset Karlslund"])

# Worst to best: more done must never move a status to the left.
ORDER = [
    Status.NOT_DONE,
    Status.DELAYED,
    Status.PARTLY,
    Status.NOT_STARTED,
    Status.ON_TRACK,
    Status.COMPLETED,
]


@st.composite
def pledges(draw: st.DrawFn) -> DateRange:
    """Return a pledge period starting 2015-2030 and lasting one day up to four years."""
    start = draw(st.dates(D(2015, 1, 1), D(2030, 12, 31)))
    length = draw(st.integers(0, 4 * 365))
    return DateRange(start, start + dt.timedelta(days=length))


@st.composite
def plans(draw: st.DrawFn, per: st.SearchStrategy[Frequency] | None = None) -> Plan:
    """Return a plan of 1-10 times per unit at 0-4 places."""
    places = draw(st.integers(0, 4))
    return Plan(
        count=draw(st.integers(1, 10)),
        per=draw(per if per is not None else st.sampled_from(Frequency)),
        places=[f"plats {n}" for n in range(places)],
    )


def per_tertial(plan: Plan, pledge: DateRange) -> list[int]:
    return [planned(plan, pledge, period.range) for period in tertials(pledge)]


# Examples


def test_the_landskrona_preschool_visits_fall_due_at_the_end_of_each_term() -> None:
    assert per_tertial(PRESCHOOL_VISITS, YEAR_2018) == [0, 3, 3]
    assert planned_total(PRESCHOOL_VISITS, YEAR_2018) == 6
    assert [(due.on, due.count) for due in schedule(PRESCHOOL_VISITS, YEAR_2018)] == [
        (D(2018, 6, 15), 3),
        (D(2018, 12, 20), 3),
    ]


def test_the_landskrona_sample_plan_is_read_as_written(sample_pledge: Pledge) -> None:
    pledge = DateRange.of(sample_pledge.period)
    plans_by_id = {p.id: p.plan for p in sample_pledge.promises() if p.plan is not None}
    assert per_tertial(plans_by_id["besok-forskolor"], pledge) == [0, 3, 3]
    assert per_tertial(plans_by_id["besok-ungdomshuset"], pledge) == [0, 2, 2]


def test_twice_per_term_at_one_place() -> None:
    assert per_tertial(YOUTH_CENTRE_VISITS, YEAR_2018) == [0, 2, 2]
    assert planned(YOUTH_CENTRE_VISITS, YEAR_2018, YEAR_2018) == 4


def test_no_places_counts_as_one_place() -> None:
    plan = Plan(count=2, per=Frequency.TERM)
    assert per_tertial(plan, YEAR_2018) == [0, 2, 2]


def test_weekly_in_2018_drops_the_week_that_mostly_lies_in_2019() -> None:
    # 2018-01-01 is a Monday, so 52 whole weeks end on 30 December; the ISO week holding
    # 31 December runs to 6 January 2019 and only 1/7 of it lies in the pledge: due 0.
    plan = Plan(count=1, per=Frequency.WEEK)
    dues = schedule(plan, YEAR_2018)
    assert planned_total(plan, YEAR_2018) == 52
    assert dues[-1].on == D(2018, 12, 30)
    assert per_tertial(plan, YEAR_2018) == [17, 17, 18]


def test_weekly_at_three_places_counts_the_last_partial_week() -> None:
    # 3 * 1/7 = 0.43 still rounds to 0; 4 places give 4/7 = 0.57, rounded to 1.
    assert planned_total(Plan(count=1, per=Frequency.WEEK, places=PRESCHOOLS), YEAR_2018) == 156
    four = Plan(count=1, per=Frequency.WEEK, places=[*PRESCHOOLS, "skola"])
    assert planned_total(four, YEAR_2018) == 52 * 4 + 1
    assert schedule(four, YEAR_2018)[-1].on == D(2018, 12, 31)


def test_terms_cut_by_an_april_to_march_pledge_are_prorated_half_up() -> None:
    # Spring 2021 and spring 2022 are each exactly half inside: 76 of 152 days.
    plan = Plan(count=1, per=Frequency.TERM)
    assert [(due.on, due.count) for due in schedule(plan, APRIL_TO_MARCH)] == [
        (D(2021, 6, 15), 1),
        (D(2021, 12, 20), 1),
        (D(2022, 3, 31), 1),
    ]
    assert [planned(plan, APRIL_TO_MARCH, y.range) for y in years(APRIL_TO_MARCH)] == [2, 1]


def test_a_late_start_prorates_the_first_month() -> None:
    pledge = DateRange(D(2018, 1, 20), D(2018, 12, 31))
    assert planned_total(Plan(count=1, per=Frequency.MONTH), pledge) == 11  # 12/31 -> 0
    assert planned_total(Plan(count=4, per=Frequency.MONTH), pledge) == 46  # 48/31 -> 2


def test_yearly_over_a_july_to_june_pledge() -> None:
    plan = Plan(count=2, per=Frequency.YEAR)
    # 2 * 184/365 -> 1 at the end of 2018; 2 in 2019; 2 * 182/366 -> 1 at the pledge's end.
    assert [planned(plan, JULY_TO_JUNE, y.range) for y in years(JULY_TO_JUNE)] == [1, 2, 1]


def test_once_per_pledge_period_falls_due_at_its_end() -> None:
    plan = Plan(count=5, per=Frequency.PERIOD)
    assert per_tertial(plan, JULY_TO_JUNE) == [0, 0, 0, 0, 0, 0, 5]
    assert next_due(plan, JULY_TO_JUNE, D(2018, 7, 1)) == D(2020, 6, 30)


def test_configured_term_dates_move_the_due_dates() -> None:
    terms = TermDates(spring_end=(5, 31))
    assert [planned(PRESCHOOL_VISITS, YEAR_2018, p.range, terms) for p in tertials(YEAR_2018)] == [
        0,
        3,
        3,
    ]
    late_autumn = TermDates(spring_end=(4, 30))
    assert [
        planned(PRESCHOOL_VISITS, YEAR_2018, p.range, late_autumn) for p in tertials(YEAR_2018)
    ] == [3, 0, 3]
    assert next_due(PRESCHOOL_VISITS, YEAR_2018, D(2018, 1, 1), late_autumn) == D(2018, 4, 30)


def test_next_due_is_strictly_after_the_day() -> None:
    assert next_due(PRESCHOOL_VISITS, YEAR_2018, D(2017, 12, 31)) == D(2018, 6, 15)
    assert next_due(PRESCHOOL_VISITS, YEAR_2018, D(2018, 6, 15)) == D(2018, 12, 20)
    assert next_due(PRESCHOOL_VISITS, YEAR_2018, D(2018, 12, 20)) is None


# Statuses


@pytest.mark.parametrize(
    ("planned_to_date", "done_to_date", "planned_in_year", "year_over", "expected"),
    [
        (3, 6, 6, False, Status.COMPLETED),
        (6, 7, 6, True, Status.COMPLETED),
        (3, 3, 6, False, Status.ON_TRACK),
        (3, 4, 6, False, Status.ON_TRACK),
        (0, 1, 6, False, Status.ON_TRACK),
        (0, 0, 6, False, Status.NOT_STARTED),
        (3, 2, 6, False, Status.PARTLY),
        (3, 0, 6, False, Status.DELAYED),
        (6, 2, 6, True, Status.PARTLY),
        (6, 0, 6, True, Status.NOT_DONE),
        # Nothing planned this year: nothing is missing, so never "not done".
        (0, 0, 0, False, Status.NOT_STARTED),
        (0, 0, 0, True, Status.ON_TRACK),
        (0, 2, 0, True, Status.ON_TRACK),
    ],
)
def test_compute_status(
    planned_to_date: int,
    done_to_date: int,
    planned_in_year: int,
    year_over: bool,
    expected: Status,
) -> None:
    assert compute_status(planned_to_date, done_to_date, planned_in_year, year_over) is expected


def test_compute_status_refuses_negative_counts() -> None:
    with pytest.raises(ValueError, match="negativa"):
        compute_status(1, -1, 1, False)


def test_statuses_are_their_published_values() -> None:
    assert [str(s) for s in Status] == [
        "completed",
        "on-track",
        "partly",
        "delayed",
        "not-started",
        "not-done",
        "not-assessed",
    ]


# Progress


def landskrona_progress(key: str, done: list[DoneRecord]) -> Progress:
    return progress(PRESCHOOL_VISITS, YEAR_2018, parse_period_key(key, YEAR_2018), done)


def test_progress_before_anything_is_due() -> None:
    assert landskrona_progress("2018-T1", []) == Progress(0, 0, 0, 0, 6, Status.NOT_STARTED)


def test_progress_counts_to_date_from_the_start_of_the_year() -> None:
    done = [(D(2018, 3, 10), 1), (D(2018, 5, 20), 1)]
    assert landskrona_progress("2018-T2", done) == Progress(3, 1, 3, 2, 6, Status.PARTLY)


def test_progress_at_the_end_of_the_year() -> None:
    assert landskrona_progress("2018-T3", []).status is Status.NOT_DONE
    all_done = [(D(2018, 4, 1), 3), (D(2018, 10, 1), 3)]
    assert landskrona_progress("2018-T3", all_done) == Progress(3, 3, 6, 6, 6, Status.COMPLETED)
    assert landskrona_progress("2018", all_done) == Progress(6, 6, 6, 6, 6, Status.COMPLETED)


def test_progress_ignores_records_outside_the_pledge() -> None:
    done = [(D(2017, 12, 31), 5), (D(2019, 1, 1), 5), (D(2018, 6, 1), 3)]
    assert landskrona_progress("2018", done) == Progress(6, 3, 6, 3, 6, Status.PARTLY)


def test_progress_refuses_negative_counts() -> None:
    with pytest.raises(ValueError, match="negativt"):
        landskrona_progress("2018", [(D(2018, 6, 1), -1)])


def test_progress_in_a_year_with_nothing_planned() -> None:
    plan = Plan(count=1, per=Frequency.PERIOD)
    period = parse_period_key("2018-T3", JULY_TO_JUNE)
    assert progress(plan, JULY_TO_JUNE, period, []) == Progress(0, 0, 0, 0, 0, Status.ON_TRACK)
    first = parse_period_key("2018-T2", JULY_TO_JUNE)
    assert progress(plan, JULY_TO_JUNE, first, []).status is Status.NOT_STARTED


def test_progress_over_the_whole_pledge() -> None:
    plan = Plan(count=1, per=Frequency.TERM)
    done = [(D(2019, 3, 1), 2)]
    result = progress(plan, JULY_TO_JUNE, whole(JULY_TO_JUNE), done)
    assert result == Progress(4, 2, 4, 2, 4, Status.PARTLY)


# Properties


@given(plans(), pledges())
def test_tertials_and_years_add_up_to_the_total(plan: Plan, pledge: DateRange) -> None:
    total = planned_total(plan, pledge)
    assert total == planned(plan, pledge, pledge)
    assert sum(per_tertial(plan, pledge)) == total
    assert sum(planned(plan, pledge, y.range) for y in years(pledge)) == total


@given(plans(), pledges(), st.data())
def test_any_split_of_the_pledge_adds_up(
    plan: Plan, pledge: DateRange, data: st.DataObject
) -> None:
    first_days = data.draw(st.integers(1, pledge.days), label="days in the first part")
    cut = pledge.start + dt.timedelta(days=first_days - 1)
    parts = [DateRange(pledge.start, cut)]
    if cut < pledge.end:
        parts.append(DateRange(cut + dt.timedelta(days=1), pledge.end))
    assert sum(planned(plan, pledge, part) for part in parts) == planned_total(plan, pledge)


@given(plans(), pledges())
def test_dues_are_in_order_inside_the_pledge_and_at_most_one_unit(
    plan: Plan, pledge: DateRange
) -> None:
    dues = schedule(plan, pledge)
    most = plan.count * max(1, len(plan.places))
    assert all(pledge.contains(due.on) and 0 < due.count <= most for due in dues)
    assert [due.on for due in dues] == sorted({due.on for due in dues})
    for due in dues:
        assert due.on == min(due.unit.end, pledge.end)
        before = due.on - dt.timedelta(days=1)
        assert next_due(plan, pledge, before) == due.on


@given(
    plans(st.sampled_from([Frequency.TERTIAL, Frequency.MONTH, Frequency.YEAR, Frequency.TERM])),
    st.integers(2015, 2030),
)
def test_a_calendar_year_plans_whole_units(plan: Plan, year: int) -> None:
    pledge = DateRange(D(year, 1, 1), D(year, 12, 31))
    per_year = {Frequency.TERTIAL: 3, Frequency.MONTH: 12, Frequency.YEAR: 1, Frequency.TERM: 2}
    expected = plan.count * max(1, len(plan.places)) * per_year[plan.per]
    assert planned_total(plan, pledge) == expected


@given(plans(), pledges(), st.data())
def test_progress_is_consistent_with_planned(
    plan: Plan, pledge: DateRange, data: st.DataObject
) -> None:
    periods = [*tertials(pledge), *years(pledge), whole(pledge)]
    period: ReportingPeriod = data.draw(st.sampled_from(periods), label="period")
    done: list[DoneRecord] = data.draw(
        st.lists(st.tuples(st.dates(D(2014, 1, 1), D(2036, 1, 1)), st.integers(0, 5))),
        label="done",
    )
    result = progress(plan, pledge, period, done)
    assert result.planned_in_period == planned(plan, pledge, period.range)
    assert result.planned_in_period <= result.planned_to_date <= result.planned_in_year
    assert result.done_in_period <= result.done_to_date
    assert result.done_to_date <= sum(count for _, count in done)
    if period.kind == "year":
        assert result.planned_in_period == result.planned_to_date == result.planned_in_year


@given(st.integers(0, 50), st.integers(0, 50), st.integers(1, 50), st.booleans())
def test_meeting_the_years_plan_is_completed(
    planned_to_date: int, extra: int, planned_in_year: int, year_over: bool
) -> None:
    done = planned_in_year + extra
    assert compute_status(planned_to_date, done, planned_in_year, year_over) is Status.COMPLETED


@given(
    st.integers(0, 50), st.integers(0, 50), st.integers(0, 50), st.integers(0, 50), st.booleans()
)
def test_more_done_never_gives_a_worse_status(
    planned_to_date: int, done: int, more: int, planned_in_year: int, year_over: bool
) -> None:
    before = compute_status(planned_to_date, done, planned_in_year, year_over)
    after = compute_status(planned_to_date, done + more, planned_in_year, year_over)
    assert ORDER.index(after) >= ORDER.index(before)
    assert Status.NOT_ASSESSED not in (before, after)
