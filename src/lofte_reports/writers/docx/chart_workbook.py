"""A chart's data as the workbook Word opens for "Edit data": an .xlsx made by XlsxWriter.

The layout is python-pptx's, whose chart XML refers to it: categories in column A from row
2, each series in the next column with its name in row 1, all on `SHEET`. Every text is
written as a string (never a formula, link or number, whatever it looks like), and the
file's dates are the one passed in, so the same chart gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from lofte_reports.doctree.nodes import Chart, Series

SHEET = "Sheet1"
"""The sheet python-pptx's chart XML writer refers to."""
_CELL_LIMIT = 32767  # characters a workbook cell holds


def chart_workbook(
    series: tuple[Series, ...], categories: tuple[str, ...], created: datetime
) -> bytes:
    """Return an .xlsx holding `categories` and `series` where the chart XML refers to them."""
    from xlsxwriter import Workbook  # only when a chart is drawn: start-up time

    out = io.BytesIO()
    options = {
        "in_memory": True,  # fixed zip entry times
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    workbook = Workbook(out, options)
    workbook.set_properties({"created": _utc(created)})
    sheet = workbook.add_worksheet(SHEET)
    sheet.set_column(0, 0, max([10, *(min(len(c), 60) for c in categories)]))
    for row, category in enumerate(categories, start=1):
        sheet.write_string(row, 0, _fits(category))
    for column, one in enumerate(series, start=1):
        sheet.set_column(column, column, max(10, min(len(one.name), 40)))
        sheet.write_string(0, column, _fits(one.name))
        for row, value in enumerate(one.values, start=1):
            if value is not None:
                sheet.write_number(row, column, value)
    workbook.close()
    return out.getvalue()


def drawn(chart: Chart) -> tuple[Series, ...]:
    """Return the series a chart draws: none without categories (nothing to draw them over)."""
    return chart.series if chart.categories else ()


def _utc(moment: datetime) -> datetime:
    """Return `moment` as a naive UTC time, which XlsxWriter writes with a Z."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _fits(text: str) -> str:
    """Return `text`, or raise ValueError if a workbook cell cannot hold all of it."""
    if len(text) > _CELL_LIMIT:
        raise ValueError(
            f"chart text longer than a workbook cell holds ({_CELL_LIMIT}): {text[:40]!r}…"
        )
    return text
