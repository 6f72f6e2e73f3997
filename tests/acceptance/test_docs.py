"""The municipality guide stays true to the templates and commands it describes."""

from __future__ import annotations

import re

import pytest

from lofte_reports.builders.environment import BUILTIN
from tests.conftest import ROOT

GUIDE = (ROOT / "docs" / "kommunguide.md").read_text(encoding="utf-8")


def documented_blocks() -> dict[str, set[str]]:
    rows = re.findall(r"^\| `(\w+\.j2)`[^|]*\| (`.+`) \|$", GUIDE, re.M)
    return {name: set(re.findall(r"`(\w+)`", blocks)) for name, blocks in rows}


def test_the_guide_lists_each_templates_blocks() -> None:
    documented = documented_blocks()
    assert set(documented) == {"pledge.j2", "tertial.j2", "annual.j2"}
    for name, blocks in documented.items():
        source = (BUILTIN / name).read_text(encoding="utf-8")
        actual = set(re.findall(r"{%-?\s*block (\w+)", source))
        assert actual == blocks, name


@pytest.mark.parametrize("image", re.findall(r"\]\(((?:images/|html-)[^)]+\.png)\)", GUIDE))
def test_the_guides_pictures_exist(image: str) -> None:
    assert (ROOT / "docs" / image).is_file()
