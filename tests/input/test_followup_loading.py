"""Follow-up data: YAML files and spreadsheets, read with errors that point at file and row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lofte_reports import DataError, Pledge, load_followup
from lofte_reports.input.followup import read_activity_csv
from tests.conftest import SAMPLE

HEADER_SV = "datum;löfte;antal;plats;anteckning\n"


def folder_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "lofte"
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE / "pledge.yaml", folder / "pledge.yaml")
    (folder / "followup").mkdir()
    for name, content in files.items():
        path = folder / "followup" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def problems(folder: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_followup(folder)
    return str(caught.value)


def test_the_sample_follow_up_is_merged_from_its_files(sample_pledge: Pledge) -> None:
    followup = load_followup(SAMPLE, sample_pledge)
    assert followup is not None
    assert followup.example_data
    assert len(followup.activities) == 9
    assert [a.date.isoformat() for a in followup.activities][:2] == ["2018-02-08", "2018-03-06"]
    assert followup.activities[4].note == 'Samtal om "trygghet" och skola'
    assert {b.indicator for b in followup.baselines} == {
        "andel-fortroende",
        "andel-trygga",
        "anmalda-narkotika-vapenbrott",
    }


def test_a_folder_without_follow_up_has_none(tmp_path: Path) -> None:
    folder = tmp_path / "lofte"
    folder.mkdir()
    shutil.copy(SAMPLE / "pledge.yaml", folder / "pledge.yaml")
    assert load_followup(folder) is None


@pytest.mark.parametrize(
    "content",
    [
        "date,promise,count,place,note\n2018-03-06,besok-forskolor,2,Tusenskönans förskola,Bra\n",
        HEADER_SV + "2018-03-06;besok-forskolor;2;Tusenskönans förskola;Bra\n",
        ("\ufeff" + HEADER_SV + "2018-03-06;besok-forskolor;2;Tusenskönans förskola;Bra\r\n"),
    ],
    ids=["comma-english", "semicolon-swedish", "bom-crlf"],
)
def test_spreadsheets_as_excel_writes_them(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(content.encode("utf-8"))
    records, _ = read_activity_csv(path)
    assert len(records) == 1
    record = records[0]
    assert (record.promise, record.count, record.place, record.note) == (
        "besok-forskolor",
        2,
        "Tusenskönans förskola",
        "Bra",
    )


def test_count_defaults_to_one_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(HEADER_SV + "2018-03-06;besok-forskolor;;;\n;;;;\n", encoding="utf-8")
    records, _ = read_activity_csv(path)
    assert [r.count for r in records] == [1]


def test_unknown_promise_names_the_known_ones_and_the_row(tmp_path: Path) -> None:
    csv = HEADER_SV + "2018-03-06;besok-forskolor;1;;\n2018-03-07;besok-skolor;1;;\n"
    message = problems(folder_with(tmp_path, {"a.csv": csv}))
    assert "a.csv:3: activities[1].promise: okänt löfte 'besok-skolor'" in message
    assert "kända: kontaktpoliser, besok-forskolor" in message


def test_date_outside_the_pledge_negative_count_and_bad_date(tmp_path: Path) -> None:
    csv = (
        HEADER_SV
        + "2019-01-10;besok-forskolor;1;;\n2018-03-06;besok-forskolor;-2;;\n2018-13-01;besok-forskolor;1;;\n"
    )
    message = problems(folder_with(tmp_path, {"a.csv": csv}))
    assert "a.csv:2: activities[0].date: datumet 2019-01-10 ligger utanför" in message
    assert "a.csv:3: count: måste vara minst 1" in message
    assert "a.csv:4: date: ska vara ett datum" in message
    assert "3 fel hittades" in message


def test_unknown_indicator_and_period_in_yaml(tmp_path: Path) -> None:
    yaml_text = (
        "readings:\n"
        "  - indicator: andel-glada\n"
        "    date: 2018-05-01\n"
        "    value: 3\n"
        "assessments:\n"
        "  - promise: synlighet\n"
        "    period: 2019-T1\n"
        "    status: on-track\n"
    )
    message = problems(folder_with(tmp_path, {"x.yaml": yaml_text}))
    assert "x.yaml:2: readings[0].indicator: okänt mått (indikator) 'andel-glada'" in message
    assert "x.yaml:7: assessments[0].period: perioden 2019-T1 ligger utanför" in message


def test_bad_status_word_lists_the_allowed(tmp_path: Path) -> None:
    yaml_text = "assessments:\n  - promise: synlighet\n    period: 2018-T1\n    status: klar\n"
    message = problems(folder_with(tmp_path, {"x.yaml": yaml_text}))
    assert "x.yaml:4: assessments[0].status: ska vara ett av: 'completed'" in message


def test_a_column_that_does_not_exist_is_named(tmp_path: Path) -> None:
    message = problems(folder_with(tmp_path, {"a.csv": "datum;löfte;färg\n"}))
    assert "okänd kolumn 'färg'" in message


def test_a_row_with_too_many_cells_is_refused(tmp_path: Path) -> None:
    csv = HEADER_SV + "2018-03-06;besok-forskolor;1;Plats;Not;extra\n"
    assert "a.csv:2: raden har 6 celler" in problems(folder_with(tmp_path, {"a.csv": csv}))


def test_a_spreadsheet_not_in_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    content = (HEADER_SV + "2018-03-06;besok-forskolor;1;Förskola;\n").encode("cp1252")
    assert "CSV UTF-8" in problems(folder_with(tmp_path, {"a.csv": content}))


def test_overriding_a_computed_status_needs_a_reason(tmp_path: Path) -> None:
    yaml_text = (
        "assessments:\n  - promise: besok-forskolor\n    period: 2018-T3\n    status: completed\n"
    )
    message = problems(folder_with(tmp_path, {"x.yaml": yaml_text}))
    assert "x.yaml:4: assessments[0].status: löftet har en plan" in message
    with_reason = (
        yaml_text + "    reason: Besöket gjordes av en annan enhet och registrerades inte.\n"
    )
    followup = load_followup(folder_with(tmp_path / "ok", {"x.yaml": with_reason}))
    assert followup is not None
    assert followup.assessments[0].reason is not None


def test_a_reading_may_give_its_period_instead_of_a_date(tmp_path: Path) -> None:
    good = "readings:\n  - indicator: andel-trygga\n    period: 2018-T2\n    value: 60\n"
    followup = load_followup(folder_with(tmp_path / "ok", {"x.yaml": good}))
    assert followup is not None
    assert followup.readings[0].date.isoformat() == "2018-08-31"
    bad = "readings:\n  - indicator: andel-trygga\n    period: 2019-T2\n    value: 60\n"
    message = problems(folder_with(tmp_path / "bad", {"x.yaml": bad}))
    assert "x.yaml:3: readings[0].period: perioden 2019-T2 ligger utanför" in message
