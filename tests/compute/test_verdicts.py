"""Verdicts a coordinator would give, each from the Landskrona sample with one change."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from lofte_reports import api
from lofte_reports.compute.results import PeriodReport, PromiseResult, period_report
from lofte_reports.model.followup import ActivityRecord, Assessment, Baseline, FollowUp, Reading
from lofte_reports.model.pledge import Pledge, Target
from lofte_reports.model.status import Status, Verdict


def report(pledge: Pledge, followup: FollowUp, key: str) -> PeriodReport:
    return period_report(pledge, followup, api.period(pledge, key))


def promise(result: PeriodReport, promise_id: str) -> PromiseResult:
    return next(p for p in result.promises if p.promise.id == promise_id)


def with_records(followup: FollowUp, promise_id: str, *records: ActivityRecord) -> FollowUp:
    """Return the follow-up with the promise's records replaced."""
    kept = [r for r in followup.activities if r.promise != promise_id]
    return followup.model_copy(
        update={"activities": sorted([*kept, *records], key=lambda r: r.date)}
    )


def visit(day: str, promise_id: str, place: str | None, count: int = 1) -> ActivityRecord:
    return ActivityRecord(
        date=dt.date.fromisoformat(day), promise=promise_id, place=place, count=count
    )


def with_goal(pledge: Pledge, goal_id: str, **indicator: Any) -> Pledge:
    goals = []
    for goal in pledge.goals:
        if goal.id == goal_id:
            target = indicator.pop("target", goal.target)
            changed = goal.indicator.model_copy(update=indicator)
            goal = goal.model_copy(update={"indicator": changed, "target": target})
        goals.append(goal)
    return pledge.model_copy(update={"goals": goals})


# --- places, units, occasions ------------------------------------------------------------

TUSEN, PILANG, DROM = "Tusenskönans förskola", "Pilängsgårdens förskola", "Drömmens förskola"
HUS = "Ungdomshuset Karlslund"


def test_three_preschools_each_count(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    days = ["2018-02-01", "2018-02-08", "2018-02-15", "2018-09-05", "2018-09-12", "2018-09-19"]
    changed = with_records(
        followup, "besok-forskolor", *(visit(d, "besok-forskolor", TUSEN) for d in days)
    )
    t1 = promise(report(pledge, changed, "2018-T1"), "besok-forskolor")
    assert t1.status is not Status.COMPLETED  # six visits to one preschool are not all three
    year = promise(report(pledge, changed, "2018"), "besok-forskolor")
    assert [(p.place, p.credited, p.due) for p in year.places] == [
        (TUSEN, 2, 2),
        (PILANG, 0, 2),
        (DROM, 0, 2),
    ]
    assert year.status is Status.PARTLY
    assert year.verdict is Verdict.PARTLY_KEPT
    assert year.verdict_source == "counted"


def test_missed_spring_term_stays_missed(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    autumn = ["2018-09-01", "2018-09-08", "2018-10-01", "2018-11-01"]
    changed = with_records(
        followup, "besok-ungdomshuset", *(visit(d, "besok-ungdomshuset", HUS) for d in autumn)
    )
    t2 = promise(report(pledge, changed, "2018-T2"), "besok-ungdomshuset")
    assert t2.status is Status.NOT_DONE
    assert [u.term for u in t2.missed_units] == ["spring"]
    t3 = promise(report(pledge, changed, "2018-T3"), "besok-ungdomshuset")
    assert t3.status is Status.PARTLY  # the autumn surplus does not repay the spring
    year = promise(report(pledge, changed, "2018"), "besok-ungdomshuset")
    assert year.verdict is Verdict.PARTLY_KEPT


def test_occasions_on_one_day_are_one(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    spring = [
        r for r in followup.activities if r.promise == "besok-ungdomshuset" and r.date.month < 7
    ]
    changed = with_records(
        followup, "besok-ungdomshuset", *spring, visit("2018-09-01", "besok-ungdomshuset", HUS, 4)
    )
    t3 = promise(report(pledge, changed, "2018-T3"), "besok-ungdomshuset")
    autumn = next(u for u in t3.units if u.term == "autumn")
    assert (autumn.credited, autumn.due, autumn.state) == (1, 2, "missed")
    assert t3.status is Status.PARTLY


def test_a_place_not_in_the_plan_is_not_counted(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    changed = followup.model_copy(
        update={
            "activities": [*followup.activities, visit("2018-11-30", "besok-forskolor", "Drömmen")]
        }
    )
    t3 = promise(report(pledge, changed, "2018-T3"), "besok-forskolor")
    assert [r.place for r in t3.unmatched_records] == ["Drömmen"]
    assert t3.status is Status.PARTLY


def test_place_names_match_after_case_and_whitespace(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    changed = followup.model_copy(
        update={
            "activities": [
                *followup.activities,
                visit("2018-11-30", "besok-forskolor", " drömmens   FÖRSKOLA "),
            ]
        }
    )
    year = promise(report(pledge, changed, "2018"), "besok-forskolor")
    assert year.verdict is Verdict.KEPT and not year.unmatched_records


def test_term_plans_read_per_term(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    t1 = promise(report(pledge, followup, "2018-T1"), "besok-forskolor")
    (spring,) = t1.units
    assert (spring.term, spring.credited, spring.due, spring.due_on) == (
        "spring",
        2,
        3,
        dt.date(2018, 6, 15),
    )
    assert t1.unit_word == "besök"
    assert t1.status is Status.ON_TRACK


def test_promises_without_a_number_show_what_was_logged(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    records = [
        visit("2018-02-10", "kontroller-insatser", None, 6),
        visit("2018-06-10", "kontroller-insatser", "Karlslund", 8),
        visit("2018-10-10", "kontroller-insatser", None, 7),
    ]
    changed = with_records(followup, "kontroller-insatser", *records)
    year = promise(report(pledge, changed, "2018"), "kontroller-insatser")
    assert year.logged_to_date == 21 and year.logged_in_period == 21
    t2 = promise(report(pledge, changed, "2018-T2"), "kontroller-insatser")
    assert (t2.logged_in_period, t2.logged_to_date) == (8, 14)


# --- year-end verdicts ---------------------------------------------------------------------


def test_missing_year_end_assessment_is_missing_not_a_tertial_word(
    sample: tuple[Pledge, FollowUp],
) -> None:
    pledge, sample_followup = sample
    assert report(pledge, sample_followup, "2018").assessed_verdicts == 5
    tertials_only = [a for a in sample_followup.assessments if a.period != "2018"]
    followup = sample_followup.model_copy(update={"assessments": tertials_only})
    year = report(pledge, followup, "2018")
    assert promise(year, "kontaktpoliser").verdict is Verdict.MISSING  # T3 said completed
    assert (year.counted_verdicts, year.assessed_verdicts, year.missing_verdicts) == (2, 0, 5)
    assessments = [
        *tertials_only,
        Assessment(promise="kontaktpoliser", period="2018", verdict=Verdict.KEPT),
        Assessment(promise="synlighet", period="2018", status=Status.NOT_ASSESSED),
        Assessment(promise="kontroller-insatser", period="2018", status=Status.ON_TRACK),
    ]
    year = report(pledge, followup.model_copy(update={"assessments": assessments}), "2018")
    assert promise(year, "kontaktpoliser").verdict is Verdict.KEPT
    assert promise(year, "synlighet").verdict is Verdict.NOT_ASSESSED
    assert promise(year, "kontroller-insatser").verdict is Verdict.MISSING
    assert (year.counted_verdicts, year.assessed_verdicts, year.missing_verdicts) == (2, 2, 3)


def test_tertials_have_no_verdict_and_deviation_needs_a_plan(
    sample: tuple[Pledge, FollowUp],
) -> None:
    pledge, followup = sample
    t2 = report(pledge, followup, "2018-T2")
    assert all(p.verdict is None for p in t2.promises)
    synlighet = promise(t2, "synlighet")
    assert synlighet.status is Status.PARTLY and not synlighet.deviates


# --- indicators ----------------------------------------------------------------------------


def test_margin_makes_a_small_change_unchanged(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample  # the sample gives the survey a margin of 3 procentenheter
    judged = next(
        i for i in report(pledge, followup, "2018").indicators if i.goal.id == "upplevd-trygghet"
    )
    assert judged.outcome is not None
    assert (judged.outcome.change, judged.outcome.change_unit) == (-2.0, "procentenheter")
    assert (judged.outcome.movement, judged.outcome.judgement) == ("decreased", "unchanged")
    plain = next(
        i
        for i in report(
            with_goal(pledge, "upplevd-trygghet", margin=None), followup, "2018"
        ).indicators
        if i.goal.id == "upplevd-trygghet"
    )
    assert plain.outcome is not None and plain.outcome.judgement == "changed"
    tight = with_goal(pledge, "upplevd-trygghet", margin=1)
    worse = next(
        i for i in report(tight, followup, "2018").indicators if i.goal.id == "upplevd-trygghet"
    )
    assert worse.outcome is not None and worse.outcome.judgement == "worsened"


def test_counts_per_tertial_are_summed_over_the_year(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    readings = [r for r in followup.readings if r.date != dt.date(2018, 12, 31)]
    readings.append(
        Reading(indicator="anmalda-narkotika-vapenbrott", date=dt.date(2018, 12, 31), value=11)
    )
    baselines = [b for b in followup.baselines if b.indicator != "anmalda-narkotika-vapenbrott"]
    baselines.append(
        Baseline(indicator="anmalda-narkotika-vapenbrott", value=36, measured="2017", period="2017")
    )
    changed = followup.model_copy(update={"readings": readings, "baselines": baselines})
    year = next(
        i for i in report(pledge, changed, "2018").indicators if i.goal.id == "narkotika-vapenbrott"
    )
    # judged on the last tertial alone (11 against 12) it would read as worse
    assert (year.outcome.basis, year.outcome.compared, year.outcome.change) == (
        "year-sum",
        44.0,
        8.0,
    )
    assert year.outcome.movement == "increased" and year.outcome.complete
    t3 = next(
        i
        for i in report(pledge, changed, "2018-T3").indicators
        if i.goal.id == "narkotika-vapenbrott"
    )
    assert t3.outcome is not None and t3.outcome.judgement == "not-comparable"


def test_index_keeps_its_precision_and_never_says_minus_zero(
    sample: tuple[Pledge, FollowUp],
) -> None:
    pledge, followup = sample
    index = with_goal(pledge, "upplevd-trygghet", kind="index", unit=None, direction="decrease")
    baselines = [b for b in followup.baselines if b.indicator != "andel-trygga"]
    baselines.append(Baseline(indicator="andel-trygga", value=1.66, measured="2017"))
    readings = [r for r in followup.readings if r.indicator != "andel-trygga"]
    readings.append(Reading(indicator="andel-trygga", date=dt.date(2018, 10, 15), value=1.63))
    changed = followup.model_copy(update={"baselines": baselines, "readings": readings})
    result = next(
        i for i in report(index, changed, "2018").indicators if i.goal.id == "upplevd-trygghet"
    )
    assert result.outcome is not None
    assert (result.outcome.decimals, result.outcome.change, result.outcome.change_unit) == (
        2,
        -0.03,
        None,
    )
    same = [
        *readings[:-1],
        Reading(indicator="andel-trygga", date=dt.date(2018, 10, 15), value=1.66000000001),
    ]
    flat = next(
        i
        for i in report(index, changed.model_copy(update={"readings": same}), "2018").indicators
        if i.goal.id == "upplevd-trygghet"
    )
    assert flat.outcome is not None and flat.outcome.change is not None
    assert math.copysign(1, flat.outcome.change) == 1 and flat.outcome.judgement in (
        "unchanged",
        "changed",
    )


def test_target_reached_and_no_new_reading(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    target = with_goal(
        pledge, "fortroende-polisen", target=Target(value=55, date=dt.date(2018, 12, 31))
    )
    year = next(
        i for i in report(target, followup, "2018").indicators if i.goal.id == "fortroende-polisen"
    )
    assert (
        year.outcome is not None
        and year.outcome.target_reached is False
        and year.outcome.target_due
    )
    reached = with_goal(
        pledge, "fortroende-polisen", target=Target(value=50, date=dt.date(2018, 12, 31))
    )
    year = next(
        i for i in report(reached, followup, "2018").indicators if i.goal.id == "fortroende-polisen"
    )
    assert year.outcome is not None and year.outcome.target_reached is True
    t1 = next(
        i
        for i in report(pledge, followup, "2018-T1").indicators
        if i.goal.id == "fortroende-polisen"
    )
    assert t1.no_new_reading and t1.outcome is not None and not t1.outcome.new_reading
