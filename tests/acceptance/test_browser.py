"""Every sample page in a real browser: headless Chromium, checked by axe-core against WCAG 2.1 AA.

Skipped only where Chromium or its driver is not installed (`.ci/run` installs both, and
axe-core from npm); a missing axe-core is a failure that says how to get it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lofte_reports.api import open_folder
from lofte_reports.app.jobs import as_html_fragment, build, plan_all
from lofte_reports.writers import write
from tests.browser import AXE, axe_version, axe_violations, chromium, start
from tests.conftest import SAMPLE

pytestmark = pytest.mark.skipif(chromium() is None, reason="chromium/chromedriver not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert AXE.is_file(), (
        f"axe-core missing: run npm install --prefix .cache/axe axe-core@4 ({AXE})"
    )
    driver = start()
    try:
        yield driver
    finally:
        driver.quit()


def test_axe_is_version_4(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text('<!DOCTYPE html><html lang="sv"><title>t</title><p>x</p></html>')
    axe_violations(browser, page.as_uri())
    assert axe_version(browser).startswith("4.")


def test_every_sample_page_has_no_wcag_21_aa_violation(
    browser: Any, sample_pages: dict[str, bytes], tmp_path: Path
) -> None:
    found: dict[str, list[dict[str, Any]]] = {}
    for name, html in sample_pages.items():
        page = tmp_path / f"{name}.html"
        page.write_bytes(html)
        violations = axe_violations(browser, page.as_uri())
        if violations:
            found[name] = violations
    assert found == {}
    assert len(sample_pages) == 14


def test_every_sample_page_reflows_at_320_pixels_without_scrolling_sideways(
    browser: Any, sample_pages: dict[str, bytes], tmp_path: Path
) -> None:
    """WCAG 1.4.10 (Reflow), which axe does not check: a phone 320 CSS pixels wide."""
    metrics = {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        wide = {}
        for name, html in sample_pages.items():
            page = tmp_path / f"{name}.html"
            page.write_bytes(html)
            browser.get(page.as_uri())
            script = "return document.documentElement.scrollWidth"
            if (width := browser.execute_script(script)) > 320:
                wide[name] = width
        assert wide == {}
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_axe_finds_what_is_wrong_in_a_broken_page(
    browser: Any, sample_pages: dict[str, bytes], tmp_path: Path
) -> None:
    """The check can fail: a logo without its alternative text is a violation."""
    html = sample_pages["medborgarlofte-laxa-2018.sv"].replace('alt="Laxå kommun"'.encode(), b"")
    assert html != sample_pages["medborgarlofte-laxa-2018.sv"]
    page = tmp_path / "broken.html"
    page.write_bytes(html)
    assert [v["id"] for v in axe_violations(browser, page.as_uri())] == ["image-alt"]


def test_the_fragment_in_a_host_page_has_no_wcag_21_aa_violation(
    browser: Any, tmp_path: Path
) -> None:
    folder = open_folder(SAMPLE)
    jobs = plan_all(folder)[0]
    annual = next(one for one in jobs if one.kind == "annual")
    fragment = write(as_html_fragment(build(folder, annual)), "html").decode()
    host = (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Kommunens webbplats'
        f"</title></head><body><main>{fragment}</main></body></html>"
    )
    page = tmp_path / "host.html"
    page.write_text(host, encoding="utf-8")
    assert axe_violations(browser, page.as_uri()) == []
    headings = browser.execute_script("return document.querySelectorAll('article h1').length")
    assert headings == 1
