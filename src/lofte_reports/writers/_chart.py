"""The value scale every format draws a chart with: one rule, so PDF and DOCX charts agree.

A bar chart of counts or shares must start at zero: Word and LibreOffice otherwise start
the axis near the data, and 61 looks like a third of 63. Steps are round (1, 2, 2.5, 5 × a
power of ten) and whole for counts, so no axis says "2,5 besök".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lofte_reports.doctree.nodes import Chart


@dataclass(frozen=True, slots=True)
class Scale:
    """A value axis: its lowest and highest value and the step between ticks."""

    low: float
    high: float
    step: float

    @property
    def ticks(self) -> list[float]:
        """Return every tick value from low to high."""
        return [
            self.low + n * self.step for n in range(round((self.high - self.low) / self.step) + 1)
        ]


def chart_values(chart: Chart) -> list[float]:
    """Return the chart's values; raise ValueError naming the chart for one that is not finite."""
    values = [v for s in chart.series for v in s.values if v is not None]
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"chart {chart.title!r} has a value that is not a finite number")
    return values


def value_scale(values: list[float]) -> Scale:
    """Return a scale with round steps that includes zero; whole steps for whole values."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if high - low < 1e-9:  # nothing to show apart (or too little for a logarithm): one unit
        high = low + 1
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if all(float(v).is_integer() for v in values):
        step = max(1.0, math.ceil(step))
    bottom = math.floor(low / step) * step
    if low < 0 and low - bottom < 0.4 * step:
        bottom -= step  # room for the value label under the lowest bar
    if bottom > low:  # a value too small for the division (5e-324 / 2 is 0)
        bottom -= step
    top = math.ceil(high / step) * step
    if top < high:
        top += step
    return Scale(bottom, top, step)
