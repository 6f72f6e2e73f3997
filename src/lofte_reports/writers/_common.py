"""The writer wrapper every format uses (the shared look is in `_look`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lofte_reports.doctree.nodes import Document


@dataclass(frozen=True, slots=True)
class FunctionWriter:
    """A writer made of a format's name and suffix and the function that draws it."""

    name: str
    suffix: str
    draw: Callable[[Document], bytes]

    def write(self, document: Document) -> bytes:
        """Return the document as the bytes of one file."""
        return self.draw(document)
