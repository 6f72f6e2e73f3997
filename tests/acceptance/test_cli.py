"""make-report as a user runs it: exit codes, messages on stderr, files written or not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from lofte_reports import __version__
from lofte_reports.cli import main
from tests.conftest import SAMPLE

SCREEN_LINES = 24
SAMPLE_TEXT = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def folder_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "lofte"
    folder.mkdir()
    (folder / "pledge.yaml").write_text(text, encoding="utf-8")
    return folder


def test_pledge_writes_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["pledge", str(SAMPLE), "--out", str(tmp_path / "out")], capsys)
    assert (code, err) == (0, "")
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == [f"medborgarlofte-landskrona-2018.{s}" for s in ("docx", "html", "pdf")]
    assert "medborgarlofte-landskrona-2018.pdf" in out


def test_format_pdf_writes_only_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["pledge", str(SAMPLE), "--format", "pdf", "--out", str(tmp_path)], capsys)
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["medborgarlofte-landskrona-2018.pdf"]


def test_validate_reports_success(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", str(SAMPLE)], capsys)
    assert code == 0
    assert "inga fel" in out and "7 löften" in out


@pytest.mark.parametrize(
    ("broken", "line", "field", "words"),
    [
        # A broken YAML file: an unclosed flow sequence.
        (
            SAMPLE_TEXT.replace("basis: [situation-picture,", "basis: [situation-picture: ["),
            23,
            None,
            "ogiltig YAML",
        ),
        # An unknown key.
        (
            SAMPLE_TEXT.replace(
                "    short_name: polisen\n", "    short_name: polisen\n    colour: blå\n"
            ),
            16,
            "parties[0].colour",
            "okänt fält",
        ),
        # A missing required field.
        (
            SAMPLE_TEXT.replace("municipality: Landskrona kommun\n", ""),
            None,
            "municipality",
            "saknas",
        ),
        # A wrong type.
        (
            SAMPLE_TEXT.replace("count: 2\n", "count: två\n"),
            80,
            "promise_groups[0].promises[2].plan.count",
            "heltal",
        ),
    ],
    ids=["broken-yaml", "unknown-key", "missing-field", "wrong-type"],
)
def test_bad_data_gives_one_screen_error_exit_1_and_no_file(
    broken: str,
    line: int | None,
    field: str | None,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert broken != SAMPLE_TEXT
    folder = folder_with(tmp_path, broken)
    out_dir = tmp_path / "out"
    code, out, err = run(["pledge", str(folder), "--out", str(out_dir)], capsys)
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    assert len(err.splitlines()) <= SCREEN_LINES
    assert f"{folder / 'pledge.yaml'}:" in err
    if line is not None:
        assert f"pledge.yaml:{line}:" in err
    if field is not None:
        assert f": {field}: " in err
    assert words in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_unknown_reference_names_the_known_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with(tmp_path, SAMPLE_TEXT.replace("  - by: [polisen]", "  - by: [polis]"))
    code, _, err = run(["validate", str(folder)], capsys)
    assert code == 1
    assert "promise_groups[0].by[0]: okänd part 'polis'; kända: polisen, landskrona-stad" in err
    assert "pledge.yaml:61:" in err


def test_several_errors_are_reported_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SAMPLE_TEXT.replace("kind: police", "kind: polis").replace("count: 1\n", "count: -1\n")
    code, _, err = run(["validate", str(folder_with(tmp_path, text))], capsys)
    assert code == 1
    assert "2 fel hittades" in err
    assert "parties[0].kind" in err and "plan.count" in err


def test_missing_folder_is_a_data_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["validate", str(tmp_path / "finns-inte")], capsys)
    assert code == 1
    assert "finns inte" in err


@pytest.mark.parametrize(
    "argv",
    [[], ["pledge"], ["pledge", "x", "--format", "odt"], ["nonsense"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "användning:" in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "make-report: fel: du måste ange KOMMANDO"),
        (["tertial", "x"], "make-report tertial: fel: du måste ange --period"),
        (["init"], "make-report init: fel: du måste ange MAPP, --municipality"),
        (["pledge", "x", "--format", "odt"], "--format: ogiltigt val 'odt'; välj ett av: 'docx'"),
        (["pledge", "x", "--out"], "--out: ange ett värde efter flaggan"),
        (["pledge", "x", "--bogus"], "okända argument: --bogus"),
    ],
)
def test_usage_errors_are_said_in_swedish(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert says in err
    for english in ("the following", "required", "invalid choice", "expected", "unrecognized"):
        assert english not in err


@pytest.mark.parametrize(
    "argv", [["--help"], ["pledge", "--help"], ["validate", "-h"], ["schema", "--help"]]
)
def test_help_is_in_swedish(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert "användning:" in out and "visa den här hjälpen" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert (code, out.strip()) == (0, f"make-report {__version__}")


def test_schema_validates_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    schema = json.loads(out)
    data = json.loads(json.dumps(yaml.safe_load(SAMPLE_TEXT), default=str))
    jsonschema.validate(data, schema)
    data["parties"][0]["colour"] = "blå"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_console_script_runs_as_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lofte_reports.cli", "validate", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ({"spring_end": "02-30"}, "spring_end = 02-30 är inget datum som finns varje år"),
        ({"spring_end": "02-29"}, "spring_end = 02-29 är inget datum som finns varje år"),
        ({"spring_end": "09-01"}, "terminsgränserna måste komma i ordningen"),
    ],
)
def test_school_terms_that_are_no_real_dates_are_located_data_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], terms: dict[str, str], expected: str
) -> None:
    text = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")
    extra = yaml.safe_dump({"school_terms": terms})
    folder = folder_with(tmp_path, text + extra)
    line = len(text.splitlines()) + 1
    code, _, err = run(["validate", str(folder)], capsys)
    assert code == 1
    assert f"pledge.yaml:{line}: school_terms: " in err
    assert expected in err
    assert "internt fel" not in err


def test_a_typo_in_the_followup_does_not_block_the_pledge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    csv = next((folder / "followup").glob("*.csv"))
    csv.write_text(
        csv.read_text(encoding="utf-8") + "2018-03-06;besok-forskolr;1;;\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    code, _, err = run(["pledge", str(folder), "--out", str(out)], capsys)
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "medborgarlofte-landskrona-2018.docx",
        "medborgarlofte-landskrona-2018.html",
        "medborgarlofte-landskrona-2018.pdf",
    ]
    assert "varning:" in err and f"{csv.name}:" in err and "okänt löfte 'besok-forskolr'" in err
    assert "löftet skrivs ändå" in err
    for argv in (
        ["all", str(folder), "--out", str(out)],
        ["tertial", str(folder), "--period", "2018-T1", "--out", str(out)],
        ["annual", str(folder), "--year", "2018", "--out", str(out)],
        ["validate", str(folder)],
    ):
        code, _, err = run(argv, capsys)
        assert code == 1, argv
        assert "okänt löfte 'besok-forskolr'" in err
