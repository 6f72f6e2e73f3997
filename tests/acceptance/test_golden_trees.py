"""Every document of every sample, in every language, lays out as its committed golden tree.

The golden files hold everything a writer is given: metadata, page decorations, the
style's looks and every block with its spans, widths and alternative texts. A change to
any document shows here as a readable diff; `UPDATE_GOLDEN=1 pytest` rewrites them after
a change that is meant.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from lofte_reports.api import open_folder
from lofte_reports.app.jobs import build, plan_all
from lofte_reports.doctree import nodes
from lofte_reports.languages import LANGUAGES, Language

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden"
SAMPLES = sorted(path.name for path in (ROOT / "samples").iterdir() if path.is_dir())


def full_dump(document: nodes.Document) -> str:
    """Return the tree as text with every detail a writer is given (bytes by their size)."""
    meta, page, style = document.metadata, document.page, document.style
    lines = [
        f"metadata {meta!r}",
        f"page {page!r}",
        f"style primary={style.primary} accent={style.accent} margins={style.margins!r}",
        f"  font={style.font.name if style.font else None} logo_height={style.logo_height}",
        f"  header={style.header!r} footer={style.footer!r}",
        *(f"  logo {logo.alt_text!r} {logo.image!r} {logo.fallback!r}" for logo in style.logos),
    ]
    lines += [_block(block) for block in document.blocks]
    return "\n".join(lines) + "\n"


def _spans(paragraph: nodes.Paragraph) -> str:
    return " + ".join(
        repr(span.text)
        + ("**" if span.strong else "")
        + ("_" if span.emphasis else "")
        + (f"[{span.tone}]" if span.tone else "")
        for span in paragraph.spans
    )


def _block(block: nodes.Block) -> str:
    match block:
        case nodes.Paragraph():
            return f"P[{block.role}] {_spans(block)}"
        case nodes.ItemList(items, ordered, start):
            return f"List ordered={ordered} start={start}" + "".join(
                f"\n  - {_spans(item)}" for item in items
            )
        case nodes.Table(header, rows, caption, widths):
            head = " | ".join(_spans(cell) for cell in header)
            body = "".join("\n  " + " | ".join(_spans(cell) for cell in row) for row in rows)
            return f"Table {caption!r} widths={widths}\n  {head}{body}"
        case _:
            return repr(block)


def _cases() -> list[tuple[str, Language]]:
    return [(sample, language) for sample in SAMPLES for language in LANGUAGES]


@pytest.mark.parametrize(("sample", "language"), _cases())
def test_every_document_matches_its_golden_tree(sample: str, language: Language) -> None:
    folder = open_folder(ROOT / "samples" / sample, language)
    jobs, _ = plan_all(folder)
    failures: list[str] = []
    for job in jobs:
        actual = full_dump(build(folder, job))
        stem = job.stem.removesuffix(f".{language}")  # the language is named first already
        golden = GOLDEN / f"{sample}.{language}.{stem}.txt"
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(actual, encoding="utf-8")
        expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), str(golden), "actual", lineterm=""
            )
            failures.append("\n".join(diff))
    assert not failures, "\n\n".join(failures)
    assert len(jobs) >= 1
