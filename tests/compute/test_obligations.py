"""Properties of obligations: for any records, units count once, a missed unit stays
missed, and nothing is kept while a due unit is unmet."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from lofte_reports.compute.obligations import tally
from lofte_reports.compute.verdicts import counted_verdict, unit_status
from lofte_reports.model.calendar import DateRange
from lofte_reports.model.followup import ActivityRecord
from lofte_reports.model.pledge import Frequency, Plan
from lofte_reports.model.status import Status, Verdict

YEAR = DateRange(dt.date(2018, 1, 1), dt.date(2018, 12, 31))
PLACES = ["A", "B", "C"]

plans = st.builds(
    Plan,
    count=st.integers(1, 3),
    per=st.sampled_from([Frequency.TERM, Frequency.MONTH, Frequency.TERTIAL, Frequency.WEEK]),
    places=st.sampled_from([[], ["A"], PLACES]),
    counts=st.sampled_from(["occasions", "times"]),
)
days = st.dates(dt.date(2017, 12, 1), dt.date(2019, 1, 31))
records = st.lists(
    st.builds(
        ActivityRecord,
        date=days,
        promise=st.just("p"),
        count=st.integers(1, 4),
        place=st.sampled_from([None, "A", "b ", "C", "D"]),
    ),
    max_size=40,
)


@given(plans, records, st.dates(YEAR.start, YEAR.end))
def test_every_record_is_counted_at_most_once(
    plan: Plan, done: list[ActivityRecord], as_of: dt.date
) -> None:
    result = tally(plan, done, YEAR, as_of)
    looked_at = [r for r in done if r.date <= as_of and YEAR.contains(r.date)]
    counted = sum(u.done for u in result.units)
    if plan.counts == "times":
        assert counted + sum(r.count for r in result.unmatched + result.outside) == sum(
            r.count for r in looked_at
        )
    else:
        assert counted <= len({(r.date, (r.place or "").strip().casefold()) for r in looked_at})
    covered = [u.covered for u in result.units]
    assert all(a.end < b.start for a, b in itertools.pairwise(covered))


@given(plans, records, st.dates(YEAR.start, YEAR.end), st.dates(YEAR.start, YEAR.end))
def test_a_missed_unit_stays_missed(
    plan: Plan, done: list[ActivityRecord], first: dt.date, second: dt.date
) -> None:
    early, late = sorted((first, second))
    before = tally(plan, done, YEAR, early)
    after = tally(plan, done, YEAR, late)
    for a, b in zip(before.units, after.units, strict=True):
        if a.missed:
            assert b.missed
        if a.met:
            assert b.met


@given(plans, records, st.dates(YEAR.start, YEAR.end))
def test_never_kept_while_a_due_unit_is_unmet(
    plan: Plan, done: list[ActivityRecord], as_of: dt.date
) -> None:
    result = tally(plan, done, YEAR, as_of)
    year_units = result.due_in(YEAR)
    status = unit_status(year_units, as_of == YEAR.end)
    if status is Status.COMPLETED:
        assert all(u.met for u in year_units)
    if any(u.missed for u in year_units):
        assert status in (Status.PARTLY, Status.NOT_DONE)
    if counted_verdict(year_units) is Verdict.KEPT:
        assert all(p.met for u in year_units for p in u.places)
