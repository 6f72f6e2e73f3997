"""A real browser for tests and the guide's pictures: Debian's headless Chromium via selenium.

`python -m tests.browser` writes a screenshot of each sample's pledge page to
`docs/html-<sample>.png`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core 4.x from npm: `npm install --prefix .cache/axe axe-core@4` (`.ci/run` does it)."""
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
SAMPLES = ("landskrona-2018", "laxa-2018", "stockholm-norrmalm-2019")


def chromium() -> tuple[str, str] | None:
    """Return the paths of Chromium and its driver, or None where either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def start(width: int = 1000, height: int = 1200) -> Any:
    """Start headless Chromium; `--no-sandbox` as CI runs as root, no GPU, no /dev/shm limit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = chromium()
    if found is None:
        raise RuntimeError(
            "chromium and chromedriver are needed (Debian: chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=found[1]))
    driver.set_script_timeout(120)
    return driver


def axe_violations(driver: Any, url: str) -> list[dict[str, Any]]:
    """Open `url` and return what axe-core reports against WCAG 2.0 and 2.1 A and AA."""
    driver.get(url)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    script = """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
          .then(r => done(r.violations.map(v => ({
              id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));
    """
    violations: list[dict[str, Any]] = driver.execute_async_script(script, list(WCAG_TAGS))
    return violations


def axe_version(driver: Any) -> str:
    """Return the version of the axe-core injected last."""
    version: str = driver.execute_script("return axe.version")
    return version


def screenshot(driver: Any, url: str, out: Path, width: int = 900) -> None:
    """Save the whole page at `url`, `width` pixels wide, as a PNG."""
    driver.set_window_size(width, 800)
    driver.get(url)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(int(height) + 140, 6000))
    driver.save_screenshot(str(out))


def main() -> None:
    """Write docs/html-<sample>.png: the pledge page of each sample, as a browser shows it."""
    import tempfile

    from lofte_reports import api

    driver = start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for sample in SAMPLES:
                (page,) = api.write_pledge(ROOT / "samples" / sample, folder, ["html"])
                screenshot(driver, page.resolve().as_uri(), ROOT / "docs" / f"html-{sample}.png")
                print(ROOT / "docs" / f"html-{sample}.png")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
