"""Make a saved DOCX byte-identical from run to run: fixed dates, entry order and attributes.

python-docx stamps every zip entry with the clock and its core properties with the time
of the run. Here the core properties carry the document's time (`_common.document_time`)
and the zip is rewritten with that time on every entry, in a fixed order, with fixed
attributes, so the same document gives the same bytes on every run and machine.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document as DocxDocument

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can hold: "no time", for a document without a date."""
_ZIP_LAST = (2107, 12, 31, 23, 59, 58)
"""The latest time a zip entry can hold."""

_FIRST = ("[Content_Types].xml", "_rels/.rels")
"""The package parts readers look for first (OPC puts the content types first)."""


def set_dates(word: DocxDocument, when: dt.datetime | None) -> None:
    """Date the core properties `when`; without a time, leave out created and modified.

    The revision is 1: each file is written afresh, never edited.
    """
    props = word.core_properties
    props.revision = 1
    if when is not None:
        props.created = props.modified = when
        return
    element = props._element
    for name in ("created", "modified"):
        for child in element.findall(f"{{http://purl.org/dc/terms/}}{name}"):
            element.remove(child)


def reproducible(data: bytes, when: dt.datetime | None) -> bytes:
    """Return the DOCX `data` with every entry dated `when` (UTC), sorted, with fixed attributes."""
    stamp = _ZIP_EPOCH if when is None else _zip_time(when)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = sorted(source.namelist(), key=lambda name: (_rank(name), name))
        for name in names:
            entry = zipfile.ZipInfo(name, stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever the machine
            entry.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            target.writestr(entry, source.read(name), compresslevel=6)
    return out.getvalue()


def _rank(name: str) -> int:
    return _FIRST.index(name) if name in _FIRST else len(_FIRST)


def _zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """Return `when` in UTC as a zip entry time (which has no zone and starts in 1980)."""
    utc = when.astimezone(dt.UTC)
    stamp = (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
    return min(max(stamp, _ZIP_EPOCH), _ZIP_LAST)
