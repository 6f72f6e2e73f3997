"""Bad and hostile input files: each ends in a located data error (exit 1) and writes nothing.

One case per finding of the hostile-input review that lives in reading files: values YAML
cannot construct, characters YAML refuses, spreadsheets with broken quotes or doubled
columns, files that are not regular files inside the pledge folder, duplicated records.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from lofte_reports.cli import main
from tests.conftest import SAMPLE

CSV = "aktiviteter.csv"


def _replace(relative: str, old: str, new: str) -> Callable[[Path], object]:
    def change(folder: Path) -> None:
        path = folder / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _append(relative: str, text: str) -> Callable[[Path], object]:
    def change(folder: Path) -> None:
        with (folder / relative).open("a", encoding="utf-8") as file:
            file.write(text)

    return change


def _copy(relative: str, name: str) -> Callable[[Path], object]:
    return lambda folder: shutil.copy(folder / relative, folder / "followup" / name)


def _link(target: str, name: str) -> Callable[[Path], object]:
    return lambda folder: os.symlink(target, folder / "followup" / name)


CASES: dict[str, tuple[Callable[[Path], object], str, str]] = {
    "impossible YAML date": (
        _replace("pledge.yaml", "start: 2018-01-01", "start: 2018-13-01"),
        "pledge.yaml:9:",
        "'2018-13-01' är inget datum som finns",
    ),
    "NUL byte in YAML": (
        _replace("pledge.yaml", "municipality: Landskrona kommun", "municipality: Lands\0krona"),
        "pledge.yaml:5:",
        "tecknet U+0000 får inte stå i en YAML-fil",
    ),
    "5,000-digit integer": (
        _replace("pledge.yaml", "count: 1", "count: " + "9" * 5000),
        "pledge.yaml:",
        "är för stort tal",
    ),
    "unterminated quote in CSV": (
        _append(f"followup/{CSV}", '2018-04-02;besok-forskolor;1;Drömmen;"Besök\n'),
        f"{CSV}:",
        "stängs aldrig",
    ),
    "stray quote opening a CSV cell": (
        _append(f"followup/{CSV}", '2018-04-02;besok-forskolor;1;Drömmen;"Besök" i april\n'),
        f"{CSV}:",
        "stängs inte rätt",
    ),
    "a quote that swallows rows": (
        _append(
            f"followup/{CSV}",
            '2018-04-02;besok-forskolor;1;Drömmen;"Besök\n2018-04-03;besok-forskolor;1;;slut"\n',
        ),
        f"{CSV}:",
        "så raderna emellan blir en enda cell",
    ),
    "a doubled CSV column": (
        _replace(f"followup/{CSV}", "plats;anteckning", "plats;datum"),
        f"{CSV}:1:",
        "är samma som kolumn 1",
    ),
    "superscript digit as count": (
        _append(f"followup/{CSV}", "2018-04-02;besok-forskolor;²;Drömmen;\n"),
        f"{CSV}:",
        "count: ska vara ett heltal",
    ),
    "link out of the folder": (
        _link("/etc/passwd", "x.yaml"),
        "x.yaml:",
        "en länk ut ur löftesmappen",
    ),
    "link to an endless device": (
        _link("/dev/zero", "z.csv"),
        "z.csv:",
        "en länk ut ur löftesmappen",
    ),
    "a link loop": (
        lambda folder: os.symlink(
            folder / "followup" / "loop.yaml", folder / "followup" / "loop.yaml"
        ),
        "loop.yaml:",
        "länkarna pekar på varandra i en ring",
    ),
    "a FIFO": (
        lambda folder: os.mkfifo(folder / "followup" / "fifo.yaml"),
        "fifo.yaml:",
        "är ingen vanlig fil",
    ),
    "a copy of the activity spreadsheet": (
        _copy(f"followup/{CSV}", "aktiviteter - Kopia.csv"),
        "aktiviteter - Kopia.csv:",
        "räknas två gånger",
    ),
    "a second assessment for the same promise and period": (
        _copy("followup/2018-T1.yaml", "2018-T1-extra.yaml"),
        "2018-T1",
        "här står en bedömning av samma löfte för samma period som i",
    ),
    "JSON with a key twice": (
        lambda folder: (folder / "followup" / "extra.json").write_text(
            '{"narratives": [],\n "narratives": []}', encoding="utf-8"
        ),
        "extra.json:2:",
        "nyckeln 'narratives' står två gånger",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_a_located_data_error_and_writes_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, where, says = CASES[case]
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    change(folder)
    out = tmp_path / "out"
    code = main(["all", str(folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert where in err and says in err, err
    assert "internt fel" not in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
    assert main(["validate", str(folder)]) == 1
