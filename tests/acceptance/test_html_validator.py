"""Every sample page, and a fragment inside a host page, passes the Nu Html Checker (vnu.jar).

The W3C's own validator, from the npm package `vnu-jar` (`.ci/run` installs it in
`.cache/vnu/`), run with Java. Skipped only where Java is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from lofte_reports.api import open_folder, render
from lofte_reports.app.jobs import build, plan_all
from tests.conftest import ROOT, SAMPLE

VNU = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="java not installed")


def _messages(files: list[Path]) -> list[dict[str, object]]:
    assert VNU.is_file(), f"vnu.jar missing: run npm install --prefix .cache/vnu vnu-jar@26 ({VNU})"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages: list[dict[str, object]] = json.loads(result.stderr)["messages"]
    return messages


def test_every_sample_page_is_valid_html_without_a_warning(
    sample_pages: dict[str, bytes], tmp_path: Path
) -> None:
    files = []
    for name, html in sample_pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(html)
    messages = _messages(files)
    # The samples' promises are Swedish only, so the checker's language guess finds the
    # English pages mostly Swedish (make-report warns about each such text): a note on the
    # data, not on the markup, and only there.
    guesses = [m for m in messages if str(m.get("message")).startswith("This document appears")]
    assert all(m["type"] == "info" and ".en.html" in str(m["url"]) for m in guesses)
    assert [m for m in messages if m not in guesses] == []


def test_the_fragment_is_valid_inside_a_host_page(tmp_path: Path) -> None:
    folder = open_folder(SAMPLE)
    tree = build(folder, plan_all(folder)[0][-1])
    fragment = render(tree, "html", html_fragment=True).decode()
    page = tmp_path / "host.html"
    page.write_text(
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Webbplatsen</title>'
        f"</head><body><main>{fragment}</main></body></html>",
        encoding="utf-8",
    )
    assert _messages([page]) == []


def test_the_checker_reports_an_error_it_should(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><head></head><body><p><div>x</div></body></html>")
    assert any(m.get("type") == "error" for m in _messages([page]))
