"""What the writers share: tone colours, so DOCX and PDF look alike, and the writer wrapper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lofte_reports.doctree.nodes import Document, Tone

TONE_RGB: dict[Tone, str] = {
    "positive": "1B6E20",
    "caution": "8A5300",
    "negative": "A50E0E",
    "neutral": "4A4A4A",
}
"""Text colours for tones, each dark enough for 4.5:1 contrast on white."""


@dataclass(frozen=True, slots=True)
class FunctionWriter:
    """A writer made of a format's name and suffix and the function that draws it."""

    name: str
    suffix: str
    draw: Callable[[Document], bytes]

    def write(self, document: Document) -> bytes:
        """Return the document as the bytes of one file."""
        return self.draw(document)
