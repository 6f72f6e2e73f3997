"""A `nodes.Chart` as inline SVG: a picture with a name (`role="img"`, `<title>`, `<desc>`).

The value axis is that of the PDF and the DOCX (`writers/_chart.py`): it starts at zero,
with round steps. Bars are greys far enough apart for black-and-white print, each with a
black outline, as in the PDF. The SVG is only a picture: its numbers are read from the
table after it (the builders' "figures in the chart", or one the writer adds).
"""

from __future__ import annotations

import functools
import textwrap

from lofte_reports.doctree.nodes import Block, Chart, Table
from lofte_reports.doctree.numbers import format_number
from lofte_reports.writers._chart import chart_values, value_scale
from lofte_reports.writers.html.markup import Markup, element

FILLS = ("#404040", "#C8C8C8", "#FFFFFF", "#858585")
WIDTH = 600.0
PLOT_HEIGHT = 220.0
TOP = 22.0  # room for value labels above the tallest bar
FONT = 12.0
CHAR = 0.6 * FONT  # a generous average glyph width, to wrap labels without measuring
LEGEND_ROW = 20.0
SWATCH = 12.0


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _svg(tag: str, *children: Markup | str | None, **attributes: str | None) -> Markup:
    return element(
        tag, *children, attributes={k.replace("_", "-"): v for k, v in attributes.items()}
    )


def chart_svg(chart: Chart, language: str, id_prefix: str) -> Markup:
    """Return the chart as an `<svg>` named by its title and described by its alternative text."""
    number = functools.partial(format_number, language=language)
    scale = value_scale(chart_values(chart))
    ticks = scale.ticks
    left = max(len(number(t)) for t in ticks) * CHAR + 10 + (22 if chart.value_axis_label else 0)
    plot_width = WIDTH - left - 8
    groups = max(1, len(chart.categories))
    group_width = plot_width / groups
    per_line = max(4, int((group_width - 6) / CHAR))
    labels = [textwrap.wrap(c, per_line) or [""] for c in chart.categories]
    label_lines = max([1, *(len(lines) for lines in labels)])
    legend, legend_height = _legend(chart, left)
    plot_top = TOP
    plot_bottom = plot_top + PLOT_HEIGHT
    height = plot_bottom + 8 + label_lines * FONT * 1.25 + 10 + legend_height

    def y_of(value: float) -> float:
        return plot_bottom - (value - scale.low) / (scale.high - scale.low) * PLOT_HEIGHT

    parts: list[Markup] = [
        _svg("title", chart.title, id=f"{id_prefix}-title"),
        _svg("desc", chart.alt_text, id=f"{id_prefix}-desc"),
    ]
    for tick in ticks:
        y = _n(y_of(tick))
        grid = "#000000" if tick == 0 else "#D0D0D0"
        parts.append(_svg("line", x1=_n(left), x2=_n(left + plot_width), y1=y, y2=y, stroke=grid))
        parts.append(
            _svg(
                "text", number(tick), x=_n(left - 5), y=_n(y_of(tick) + FONT / 3), text_anchor="end"
            )
        )
    parts.append(
        _svg(
            "line", x1=_n(left), x2=_n(left), y1=_n(plot_top), y2=_n(plot_bottom), stroke="#000000"
        )
    )
    spacing = max(4.0, group_width * 0.2)
    slot = (group_width - spacing) / max(1, len(chart.series))
    zero = y_of(0.0)
    for index, category in enumerate(labels):
        x0 = left + index * group_width + spacing / 2
        for number_in_group, series in enumerate(chart.series):
            value = series.values[index]
            if value is None:
                continue
            x = x0 + number_in_group * slot
            top, bottom = sorted((y_of(value), zero))
            parts.append(
                _svg(
                    "rect",
                    x=_n(x),
                    y=_n(top),
                    width=_n(max(1.0, slot - 2)),
                    height=_n(max(0.5, bottom - top)),
                    fill=FILLS[number_in_group % len(FILLS)],
                    stroke="#000000",
                    stroke_width="0.8",
                )
            )
            label_y = top - 4 if value >= 0 else bottom + FONT
            if len(number(value)) * CHAR <= slot + 2:
                parts.append(
                    _svg(
                        "text",
                        number(value),
                        x=_n(x + slot / 2 - 1),
                        y=_n(label_y),
                        text_anchor="middle",
                    )
                )
        centre = _n(left + (index + 0.5) * group_width)
        lines = [
            _svg("tspan", line, x=centre, y=_n(plot_bottom + 8 + (n + 0.8) * FONT * 1.25))
            for n, line in enumerate(category)
        ]
        parts.append(_svg("text", *lines, text_anchor="middle"))
    if chart.value_axis_label:
        middle = _n(plot_top + PLOT_HEIGHT / 2)
        parts.append(
            _svg(
                "text",
                " ".join(chart.value_axis_label.split()),
                x="0",
                y="0",
                transform=f"translate({_n(FONT)} {middle}) rotate(-90)",
                text_anchor="middle",
            )
        )
    legend_top = height - legend_height
    parts += [_svg("g", *legend, transform=f"translate(0 {_n(legend_top)})")] if legend else []
    return element(
        "svg",
        *parts,
        attributes={
            "xmlns": "http://www.w3.org/2000/svg",
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title",
            "aria-describedby": f"{id_prefix}-desc",
            "viewBox": f"0 0 {_n(WIDTH)} {_n(height)}",
            "width": _n(WIDTH),
            "height": _n(height),
            "font-size": _n(FONT),
            "fill": "#000000",
        },
        block=True,
    )


def _legend(chart: Chart, left: float) -> tuple[list[Markup], float]:
    """Return the legend's swatches and names, in rows as wide as the chart, and its height."""
    items: list[Markup] = []
    x, row = left, 0
    for index, series in enumerate(chart.series):
        name = " ".join(series.name.split())
        width = SWATCH + 6 + len(name) * CHAR
        if x > left and x + width > WIDTH:
            x, row = left, row + 1
        y = row * LEGEND_ROW
        fill = FILLS[index % len(FILLS)]
        items.append(
            _svg(
                "rect",
                x=_n(x),
                y=_n(y + 2),
                width=_n(SWATCH),
                height=_n(SWATCH),
                fill=fill,
                stroke="#000000",
                stroke_width="0.8",
            )
        )
        items.append(_svg("text", name, x=_n(x + SWATCH + 6), y=_n(y + 2 + SWATCH - 1)))
        x += width + 18
    return items, (row + 1) * LEGEND_ROW if chart.series else 0.0


def has_figures_table(chart: Chart, after: Block | None) -> bool:
    """Return whether the block after the chart is already a table of its figures.

    The built-in templates follow every chart with one ("Siffrorna i diagrammet"), in every
    format; the writer adds its own only where a tree has none, so none is read twice.
    """
    if not isinstance(after, Table):
        return False
    first_column = tuple(row[0].text for row in after.rows)
    return first_column == chart.categories


def figures_table(chart: Chart, language: str) -> Table:
    """Return the chart's numbers as a table: a row per category, a column per series."""
    from lofte_reports.doctree.nodes import Paragraph

    header = (Paragraph.of(""), *(Paragraph.of(s.name) for s in chart.series))
    rows = tuple(
        (
            Paragraph.of(category),
            *(Paragraph.of(format_number(s.values[i], language)) for s in chart.series),
        )
        for i, category in enumerate(chart.categories)
    )
    return Table(header, rows, caption=chart.title)
