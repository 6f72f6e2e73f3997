"""One value scale for every format: bar charts start at zero with round steps."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from lofte_reports.doctree.nodes import Chart, Series
from lofte_reports.writers import write
from lofte_reports.writers._chart import value_scale
from tests.trees import every_block_document

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


def test_a_share_near_sixty_is_drawn_from_zero() -> None:
    scale = value_scale([63.0, 61.0])
    assert (scale.low, scale.high, scale.step) == (0, 80, 20)
    assert scale.ticks == [0, 20, 40, 60, 80]


def test_counts_get_whole_steps_and_negatives_room_below() -> None:
    assert value_scale([1.0, 2.0]).step == 1
    negative = value_scale([-2.0, 3.0])
    assert negative.low < -2 and negative.high >= 3


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=20))
def test_every_value_fits_and_zero_is_on_the_axis(values: list[float]) -> None:
    scale = value_scale(values)
    assert scale.low <= min([0.0, *values]) and scale.high >= max([0.0, *values])
    assert scale.low <= 0 <= scale.high and scale.step > 0


@pytest.fixture
def share_chart() -> Chart:
    return Chart(
        "Andel trygga",
        ("2017", "2018"),
        (Series("Andel", (63.0, 61.0)),),
        alt_text="Stapeldiagram: 2017 63; 2018 61.",
        value_axis_label="procent",
    )


def test_the_docx_chart_has_the_pdf_scale(share_chart: Chart) -> None:
    document = replace(every_block_document(), blocks=(share_chart,))
    with zipfile.ZipFile(io.BytesIO(write(document, "docx"))) as archive:
        name = next(n for n in archive.namelist() if n.startswith("word/charts/chart"))
        xml = archive.read(name).decode()
    axis = ET.fromstring(xml).find("c:chart/c:plotArea/c:valAx", NS)
    assert axis is not None
    found = [axis.find(path, NS) for path in ("c:scaling/c:min", "c:scaling/c:max", "c:majorUnit")]
    assert [float(e.get("val", "")) for e in found if e is not None] == [0, 80, 20]
    pdf = write(document, "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    ticks = re.findall(r"(?m)^(0|20|40|60|80)$", text)
    assert ticks == ["80", "60", "40", "20", "0"] or sorted(set(ticks)) == [
        "0",
        "20",
        "40",
        "60",
        "80",
    ]
