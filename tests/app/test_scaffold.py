"""`make-report init`: a new pledge folder that validates and renders at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from lofte_reports import load_pledge
from lofte_reports.app.scaffold import slug
from lofte_reports.cli import main
from tests.conftest import pdf_text


def test_init_writes_a_folder_that_validates_and_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mitt-lofte"
    argv = [
        "init",
        str(folder),
        "--municipality",
        "Laxå kommun",
        "--police-area",
        "Lokalpolisområde Hallsberg",
        "--from",
        "2018-07-01",
        "--to",
        "2020-06-30",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Nästa steg" in out
    assert "make-report validate" in out
    pledge = load_pledge(folder)
    assert pledge.id == "laxa-2018"
    assert (pledge.period.start.isoformat(), pledge.period.end.isoformat()) == (
        "2018-07-01",
        "2020-06-30",
    )
    assert [p.name for p in pledge.parties] == ["Lokalpolisområde Hallsberg", "Laxå kommun"]
    assert main(["validate", str(folder)]) == 0
    assert main(["all", str(folder), "--out", str(tmp_path / "out")]) == 0
    text = pdf_text((tmp_path / "out" / "medborgarlofte-laxa-2018.pdf").read_bytes())
    assert "Lokalpolisområde Hallsberg" in text
    assert "1 juli 2018 – 30 juni 2020" in text


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path), "--municipality", "Testkommun"]) == 0
    before = (tmp_path / "pledge.yaml").read_text(encoding="utf-8")
    assert main(["init", str(tmp_path), "--municipality", "Annan kommun"]) == 1
    assert "finns redan" in capsys.readouterr().err
    assert (tmp_path / "pledge.yaml").read_text(encoding="utf-8") == before


def test_names_with_quotes_stay_valid_yaml(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--municipality", 'Kommun "Test" & <Co>']) == 0
    assert load_pledge(tmp_path).municipality == 'Kommun "Test" & <Co>'


def test_a_bad_date_is_a_usage_error_in_swedish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["init", str(tmp_path), "--municipality", "X", "--from", "2018-13-01"])
    assert exit_.value.code == 2
    assert "fel: --from: ogiltigt datum" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Laxå kommun", "laxa"),
        ("Stockholms stad", "stockholms"),
        ("Östra Göinge kommun", "ostra-goinge"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_init_writes_the_activity_list_it_mentions(tmp_path: Path) -> None:
    folder = tmp_path / "lofte"
    assert main(["init", str(folder), "--municipality", "Laxå kommun"]) == 0
    sheet = folder / "followup" / "aktiviteter.csv"
    assert sheet.read_text(encoding="utf-8") == "datum;löfte;antal;plats;anteckning\n"
    pledge = load_pledge(folder)
    with sheet.open("a", encoding="utf-8") as rows:  # a coordinator adds a row
        rows.write(f"{pledge.period.start};{pledge.promises()[0].id};1;;Första träffen\n")
    assert main(["validate", str(folder)]) == 0
    key = f"{pledge.period.start.year}-T1"
    assert main(["tertial", str(folder), "--period", key, "--out", str(tmp_path / "ut")]) == 0
    (written,) = (tmp_path / "ut").glob("*.pdf")
    assert "Första träffen" in pdf_text(written.read_bytes())
