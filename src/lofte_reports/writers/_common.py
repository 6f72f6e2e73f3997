"""The writer wrapper every format uses, and the time written into files (the look is in `_look`)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass

from lofte_reports.doctree.nodes import Document, Metadata


@dataclass(frozen=True, slots=True)
class FunctionWriter:
    """A writer made of a format's name and suffix and the function that draws it."""

    name: str
    suffix: str
    draw: Callable[[Document], bytes]

    def write(self, document: Document) -> bytes:
        """Return the document as the bytes of one file."""
        return self.draw(document)


def document_time(metadata: Metadata) -> dt.datetime | None:
    """Return the time every writer puts in a file's properties, never the clock.

    `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) wins when
    set; otherwise the document's own date (`Metadata.date`) at midnight UTC; None when
    neither is known, and then no date is written. So the same input gives the same bytes.
    """
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    if metadata.date is None:
        return None
    return dt.datetime.combine(metadata.date, dt.time(), dt.UTC)


def source_date_epoch() -> dt.datetime | None:
    """Return the time `SOURCE_DATE_EPOCH` gives, None if unset; ValueError if it is no time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"miljövariabeln SOURCE_DATE_EPOCH ska vara ett antal sekunder sedan 1970 "
            f"(till exempel 1540512000), inte {epoch!r}; ändra den eller ta bort den"
        ) from None
