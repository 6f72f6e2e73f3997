"""A template cannot change the data: what it does to its values stays in its own document."""

from __future__ import annotations

import shutil
from pathlib import Path

from lofte_reports import api, load_pledge, render_pledge
from lofte_reports.cli import main
from tests.conftest import SAMPLE, docx_text, normalise

PROMISE = "Två kontaktpoliser ska vara kopplade till Pilängskolan."

POPPING = (
    '{% extends "!pledge.j2" %}\n{% block situation %}'
    "{% set ignored = pledge.promise_groups[0].promises.pop(0) %}"
    "{% set ignored = pledge.parties.clear() %}{{ super() }}{% endblock %}\n"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "pledge.j2").write_text(POPPING, encoding="utf-8")
    return folder


def test_later_renders_of_the_same_pledge_are_unchanged(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    pledge = load_pledge(folder)
    before = pledge.model_dump()
    first = docx_text(render_pledge(pledge, "docx", folder / "templates"))
    second = docx_text(render_pledge(pledge, "docx", folder / "templates"))
    assert pledge.model_dump() == before
    assert first == second
    # the template's own copy lost the promise, so its document does not show it, once
    assert normalise(PROMISE) not in normalise(first)
    assert PROMISE in docx_text(render_pledge(pledge, "docx"))


def test_the_runs_later_documents_are_unchanged(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    assert main(["all", str(folder), "--out", str(out), "--format", "docx"]) == 0
    tertial = docx_text((out / "uppfoljning-landskrona-2018-T1.docx").read_bytes())
    assert normalise(PROMISE) in normalise(tertial)
    loaded = api.open_folder(folder)
    assert len(loaded.pledge.promise_groups[0].promises) == len(
        load_pledge(SAMPLE).promise_groups[0].promises
    )
