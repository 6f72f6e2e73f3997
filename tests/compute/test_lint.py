"""The pledge lint: each warning from the Landskrona sample with one change, and --strict."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lofte_reports.cli import main
from lofte_reports.compute.lint import lint
from lofte_reports.model.followup import ActivityRecord, Assessment, FollowUp
from lofte_reports.model.pledge import Pledge
from tests.conftest import SAMPLE


def messages(pledge: Pledge, followup: FollowUp | None) -> list[str]:
    return [message for _, message in lint(pledge, followup)]


def added(followup: FollowUp, *records: ActivityRecord) -> FollowUp:
    return followup.model_copy(update={"activities": [*followup.activities, *records]})


def record(
    day: str, promise: str, place: str | None, count: int = 1, note: str | None = None
) -> ActivityRecord:
    return ActivityRecord(
        date=dt.date.fromisoformat(day), promise=promise, place=place, count=count, note=note
    )


def test_promise_without_plan_cannot_be_followed_up(sample: tuple[Pledge, FollowUp]) -> None:
    found = [loc for loc, m in lint(*sample) if "går inte att följa upp med siffror" in m]
    assert len(found) == 5 and ("promise_groups", 0, "promises", 0) in found


def test_goal_without_target_or_baseline(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    assert sum("inget målvärde" in m for m in messages(pledge, followup)) == 3
    fewer = followup.model_copy(update={"baselines": followup.baselines[1:]})
    assert [loc for loc, m in lint(pledge, fewer) if "inget utgångsvärde" in m] == [
        ("goals", 0, "indicator")
    ]


def test_placeholder_from_init(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    signatory = pledge.signatories[0].model_copy(update={"name": "[Namn]"})
    changed = pledge.model_copy(update={"signatories": [signatory, *pledge.signatories[1:]]})
    assert [loc for loc, m in lint(changed, followup) if "[Namn]" in m] == [
        ("signatories", 0, "name")
    ]


def test_place_not_in_plan(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    changed = added(followup, record("2018-11-30", "besok-forskolor", "Drömmen"))
    found = [(loc, m) for loc, m in lint(pledge, changed) if "inte en av planens platser" in m]
    assert len(found) == 1 and found[0][0][:2] == ("followup", "activities")
    assert changed.activities[found[0][0][2]].place == "Drömmen"  # type: ignore[index]


def test_several_occasions_on_one_day(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    changed = added(
        followup, record("2018-09-01", "besok-ungdomshuset", "Ungdomshuset Karlslund", 4)
    )
    assert any("4 tillfällen samma dag" in m for m in messages(pledge, changed))


def test_record_outside_the_school_terms(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    changed = added(followup, record("2018-07-10", "besok-ungdomshuset", "Ungdomshuset Karlslund"))
    assert any("utanför terminerna" in m for m in messages(pledge, changed))


def test_missing_assessment_for_promise_without_plan(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, sample_followup = sample
    assert not [m for m in messages(pledge, sample_followup) if m.startswith("bedömning saknas")]
    tertials_only = [a for a in sample_followup.assessments if a.period != "2018"]
    followup = sample_followup.model_copy(update={"assessments": tertials_only})
    found = [m for m in messages(pledge, followup) if m.startswith("bedömning saknas")]
    assert len(found) == 5 and all("2018:" in m for m in found)
    t2 = [
        a for a in followup.assessments if not (a.promise == "synlighet" and a.period == "2018-T2")
    ]
    gap = followup.model_copy(update={"assessments": t2})
    assert any("'synlighet' 2018-T2" in m and "saknas" in m for m in messages(pledge, gap))


def test_deviation_without_cause_or_action(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    assert any("'synlighet' 2018-T2 avviker" in m for m in messages(pledge, followup))
    fixed = [
        a.model_copy(update={"cause": "Semester.", "action": "Fler kvällspass."})
        if a.promise == "synlighet" and a.period == "2018-T2"
        else a
        for a in followup.assessments
    ]
    changed = followup.model_copy(update={"assessments": fixed})
    assert not any("'synlighet' 2018-T2 avviker" in m for m in messages(pledge, changed))


def test_personnummer_in_a_note(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    changed = added(
        followup, record("2018-03-01", "kontroller-insatser", None, note="Kontroll av 850101-1234")
    )
    assert any("personnummer" in m for m in messages(pledge, changed))
    long = added(followup, record("2018-03-01", "kontroller-insatser", None, note="19850101-1234"))
    assert any("personnummer" in m for m in messages(pledge, long))
    assert not any("personnummer" in m for m in messages(pledge, followup))


def test_on_track_is_no_year_end_verdict(sample: tuple[Pledge, FollowUp]) -> None:
    pledge, followup = sample
    extra = Assessment(promise="synlighet", period="2018", status="on-track")  # type: ignore[arg-type]
    others = [a for a in followup.assessments if (a.promise, a.period) != ("synlighet", "2018")]
    changed = followup.model_copy(update={"assessments": [*others, extra]})
    assert any("ingen slutbedömning" in m for m in messages(pledge, changed))


def test_validate_prints_warnings_with_file_line_and_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(SAMPLE)]) == 0
    err = capsys.readouterr().err
    assert "pledge.yaml:113: goals[0]: målet 'fortroende-polisen' har inget målvärde" in err
    assert "2018-T2.yaml:12: assessments[2]: löftet 'synlighet' 2018-T2 avviker" in err


def test_validate_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(SAMPLE)]) == 1
    assert "räknas som fel (--strict)" in capsys.readouterr().err


def test_csv_record_is_located_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    csv = folder / "followup" / "aktiviteter.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8") + "2018-11-30;besok-forskolor;1;Drömmen;\n",
        encoding="utf-8",
    )
    assert main(["validate", str(folder)]) == 0
    assert (
        "aktiviteter.csv:11: activities[9].place: 2018-11-30: platsen 'Drömmen'"
        in capsys.readouterr().err
    )
