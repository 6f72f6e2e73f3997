"""A `nodes.Chart` as a vector bar chart: readable in print, in black and white, at any zoom."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from reportlab.graphics import renderPDF, shapes
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from lofte_reports.doctree.nodes import Chart, FontFamily
from lofte_reports.doctree.numbers import format_number
from lofte_reports.writers._chart import chart_values, value_scale
from lofte_reports.writers.pdf.fonts import FONT_NAME, register_fonts
from lofte_reports.writers.pdf.styles import check_drawable
from lofte_reports.writers.pdf.tagging import Tagged

# Greys far enough apart to tell in black and white print; every bar has a black outline.
FILLS = tuple(colors.HexColor(c) for c in ("#404040", "#C8C8C8", "#FFFFFF", "#858585"))
FONT_SIZE = 8.5
MIN_FONT_SIZE = 6.0
PLOT_HEIGHT = 150.0
TOP = 16.0  # room for value labels above the tallest bar
LEGEND_ROW = 14.0
SWATCH = 9.0


@functools.cache
def use_chart_fonts() -> None:
    """Make the graphics library's default font ours, once: charts select it for every string."""
    register_fonts()
    shapes.STATE_DEFAULTS["fontName"] = FONT_NAME


class ChartFlowable(Tagged, Flowable):  # type: ignore[misc]
    """Wraps the drawing, so the chart draws in one place: the content of one Figure."""

    def __init__(self, drawing: Any, alt_text: str, font_name: str = FONT_NAME) -> None:
        super().__init__()
        self.drawing = drawing
        self.alt_text = alt_text
        self.font_name = font_name
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_in_font(self.drawing, self.canv, 0, 0, self.font_name)


def draw_in_font(drawing: Any, canv: Any, x: float, y: float, font_name: str) -> None:
    """Draw a reportlab Drawing with `font_name` as the font it starts with.

    The renderer selects the graphics library's default font first; left at reportlab's,
    that would be an unembedded Helvetica.
    """
    use_chart_fonts()
    default = shapes.STATE_DEFAULTS["fontName"]
    shapes.STATE_DEFAULTS["fontName"] = font_name
    try:
        renderPDF.draw(drawing, canv, x, y)
    finally:
        shapes.STATE_DEFAULTS["fontName"] = default


def chart_flowable(
    chart: Chart,
    width: float,
    font_name: str = FONT_NAME,
    font: FontFamily | None = None,
    language: str = "sv-SE",
) -> ChartFlowable:
    """Return the chart as a flowable `width` wide: bars, value labels, axes and a legend.

    `font_name` is the registered font its text is drawn in, `font` that font's family
    (a theme's; None for the built-in one); numbers are written as `language` writes them.
    """
    number = functools.partial(format_number, language=language)
    use_chart_fonts()
    for text in (chart.value_axis_label, *chart.categories, *(s.name for s in chart.series)):
        check_drawable(text, font)
    values = chart_values(chart)
    scale = value_scale(values)
    low, high, step = scale.low, scale.high, scale.step
    ticks = [number(tick) for tick in scale.ticks]
    left = max(_width(tick, font_name) for tick in ticks) + 8
    left += 16 if chart.value_axis_label else 0
    plot_width = width - left - 6
    group_width = plot_width / max(1, len(chart.categories))
    labels, size = _category_labels(chart.categories, group_width - 4, font_name)
    label_lines = max([1, *(label.count("\n") + 1 for label in labels)])
    legend, legend_height = _legend(chart, left, width, font_name)
    bottom = legend_height + 10 + label_lines * size * 1.25 + 6
    drawing = Drawing(width, bottom + PLOT_HEIGHT + TOP)

    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = left, bottom, plot_width, PLOT_HEIGHT
    bars.data = [list(s.values) for s in chart.series] or [[None] * len(chart.categories)]
    bars.groupSpacing, bars.barSpacing = max(4.0, group_width * 0.2), 2
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = FILLS[index % len(FILLS)]
        bars.bars[index].strokeColor = colors.black
        bars.bars[index].strokeWidth = 0.6
    slot = (group_width - bars.groupSpacing) / max(1, len(chart.series))
    _value_labels(bars, values, slot, font_name, number)
    axis = bars.valueAxis
    axis.valueMin, axis.valueMax, axis.valueStep = low, high, step
    axis.labels.fontName, axis.labels.fontSize = font_name, FONT_SIZE
    axis.labelTextFormat = number
    axis.visibleGrid, axis.gridStrokeWidth = 1, 0.4
    axis.gridStrokeColor = colors.HexColor("#D0D0D0")
    categories = bars.categoryAxis
    categories.categoryNames = labels
    categories.labels.fontName, categories.labels.fontSize = font_name, size
    categories.labels.boxAnchor, categories.labels.dy = "n", -4
    categories.joinAxisMode = "bottom"  # labels stay below the plot when values go negative
    categories.labels.leading = size * 1.25
    drawing.add(bars)

    if chart.value_axis_label:
        name = " ".join(chart.value_axis_label.split())
        label = String(0, 0, name, fontName=font_name, fontSize=FONT_SIZE, textAnchor="middle")
        drawing.add(Group(label, transform=(0, 1, -1, 0, 10, bottom + PLOT_HEIGHT / 2)))
    drawing.add(legend)
    return ChartFlowable(drawing, chart.alt_text, font_name)


def _width(text: str, font_name: str = FONT_NAME, size: float = FONT_SIZE) -> float:
    width: float = stringWidth(text, font_name, size)
    return width


def _value_labels(
    bars: Any,
    values: list[float],
    slot: float,
    font_name: str,
    number: Callable[[float | None], str],
) -> None:
    """Print each value above its bar, smaller if need be; none if they would run together."""
    widest = max((_width(number(v), font_name) for v in values), default=0.0)
    size = FONT_SIZE if widest <= slot - 1 else FONT_SIZE * (slot - 1) / widest
    if size < MIN_FONT_SIZE:
        return  # the numbers are still in the alternative text and, usually, a table
    bars.barLabelFormat = number
    bars.barLabels.fontName, bars.barLabels.fontSize = font_name, size
    bars.barLabels.nudge = 7


def _category_labels(
    categories: tuple[str, ...], width: float, font_name: str
) -> tuple[list[str], float]:
    """Return the labels wrapped to `width`, and a font size at which their longest word fits."""
    words = [word for category in categories for word in category.split()]
    widest = max((_width(word, font_name) for word in words), default=0.0)
    size = max(MIN_FONT_SIZE, min(FONT_SIZE, FONT_SIZE * width / widest)) if widest else FONT_SIZE
    labels = ["\n".join(simpleSplit(c, font_name, size, width)) for c in categories]
    return labels, size


def _legend(chart: Chart, left: float, width: float, font_name: str) -> tuple[Any, float]:
    """Return the legend and its height: swatches with an outline, then names, rows as needed.

    Drawn by hand because reportlab's Legend places itself in ways that are hard to predict.
    """
    rows: list[list[tuple[float, int, str]]] = [[]]
    x = left
    for index, series in enumerate(chart.series):
        name = " ".join(series.name.split())
        item = SWATCH + 5 + _width(name, font_name)
        if rows[-1] and x + item > width:
            rows.append([])
            x = left
        rows[-1].append((x, index, name))
        x += item + 16
    legend = Group()
    height = len(rows) * LEGEND_ROW if chart.series else 0.0
    for number, row in enumerate(rows):
        y = height - (number + 1) * LEGEND_ROW + 2
        for x, index, name in row:
            fill = FILLS[index % len(FILLS)]
            swatch = Rect(x, y, SWATCH, SWATCH, fillColor=fill, strokeColor=colors.black)
            swatch.strokeWidth = 0.6
            legend.add(swatch)
            label = String(x + SWATCH + 5, y + 1, name, fontName=font_name, fontSize=FONT_SIZE)
            legend.add(label)
    return legend, height
