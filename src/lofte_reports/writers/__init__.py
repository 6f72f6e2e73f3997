"""Writers turn a `nodes.Document` into the bytes of one file format.

Each writer knows the document tree and one library, never the model. Writers are
imported when first used, so a DOCX-only run never loads reportlab and vice versa.
"""

from __future__ import annotations

from typing import Literal

from lofte_reports.doctree.nodes import Document

Format = Literal["docx", "pdf"]
FORMATS: tuple[Format, ...] = ("docx", "pdf")


def write(document: Document, format: Format) -> bytes:
    """Return a document tree as the bytes of a DOCX or PDF file."""
    if format == "pdf":
        from lofte_reports.writers.pdf import write_pdf

        return write_pdf(document)
    if format == "docx":
        from lofte_reports.writers.docx import write_docx

        return write_docx(document)
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
