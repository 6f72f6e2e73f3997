"""The pledge builder lays out the sample as the golden tree in tests/data."""

from __future__ import annotations

import os
from pathlib import Path

from lofte_reports import Pledge, pledge_document
from lofte_reports.doctree.walk import dump

GOLDEN = Path(__file__).parent.parent / "data" / "landskrona-2018.tree.txt"


def test_sample_tree_matches_the_golden_file(sample_pledge: Pledge) -> None:
    actual = dump(pledge_document(sample_pledge))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")
