"""Writers turn a document tree (`lofte_reports.doctree`) into the bytes of one file format.

Each writer knows the tree and one library, never the model (as in docutils and mistune).
A writer is a module with a `WRITER` that follows the `Writer` protocol; the registry
names the module and imports it when first used, so a DOCX-only run never loads reportlab
and vice versa. A new format is one package and one line in `_REGISTRY`.
"""

from __future__ import annotations

import importlib
from typing import Literal, Protocol, get_args

from lofte_reports.doctree.nodes import Document

Format = Literal["docx", "pdf", "html"]
FORMATS: tuple[Format, ...] = get_args(Format)


class Writer(Protocol):
    """What the registry needs of a writer."""

    @property
    def name(self) -> str:
        """The format's name, as given on the command line (`pdf`)."""
        ...

    @property
    def suffix(self) -> str:
        """The file suffix of its files, without the dot (`pdf`)."""
        ...

    def write(self, document: Document) -> bytes:
        """Return the document as the bytes of one file."""
        ...


_REGISTRY: dict[Format, str] = {
    "docx": "lofte_reports.writers.docx",
    "pdf": "lofte_reports.writers.pdf",
    "html": "lofte_reports.writers.html",
}
"""Each format and the module whose `WRITER` draws it."""


def writer(format: str) -> Writer:
    """Return the writer of a format; ValueError naming the known ones if there is none."""
    module = _REGISTRY.get(format)  # type: ignore[call-overload]
    if module is None:
        raise ValueError(f"okänt format {format!r}; välj ett av: {', '.join(FORMATS)}")
    found: Writer = importlib.import_module(module).WRITER
    return found


def write(document: Document, format: Format) -> bytes:
    """Return a document tree as the bytes of a file in `format`."""
    return writer(format).write(document)
