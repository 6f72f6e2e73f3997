"""A template's doc.* call that the document tree refuses is a located template error (exit 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lofte_reports.cli import main
from tests.conftest import SAMPLE


@pytest.mark.parametrize(
    ("call", "says"),
    [
        ('doc.heading(99, "Rubrik")', "heading level must be 1-3"),
        ('doc.table(["a", "b"], [], widths=[1, 0])', "table widths must be positive"),
        ('doc.table(["a", "b"], [["bara en"]])', "table row has 1 cells, header has 2"),
        ('doc.chart("t", ["T1"], [["s", [1, 2]]], "alt")', "has 2 values for 1 categories"),
    ],
)
def test_a_refused_call_names_the_template_and_line(
    call: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "pledge.j2").write_text(
        '{% extends "!pledge.j2" %}\n{% block situation %}\n{{ ' + call + " }}\n{% endblock %}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["pledge", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "mallen pledge.j2, rad 3: ett anrop kan inte göras så" in err and says in err
    assert not out.exists()


@pytest.mark.parametrize(
    "body",
    [
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        '{% include "pledge.j2" %}',
        '{% extends "pledge.j2" %}',
    ],
)
def test_a_template_that_never_ends_is_a_template_error(
    body: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "pledge.j2").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["pledge", str(folder), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "mallen pledge.j2" in err and "sig själv utan slut" in err, err
    assert not out.exists()
