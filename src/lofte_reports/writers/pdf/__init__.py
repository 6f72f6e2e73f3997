"""The PDF writer (reportlab)."""

from dataclasses import dataclass

from lofte_reports.doctree.nodes import Document
from lofte_reports.writers.pdf.writer import write_pdf


@dataclass(frozen=True, slots=True)
class _PDFWriter:
    name: str = "pdf"
    suffix: str = "pdf"

    def write(self, document: Document) -> bytes:
        """Return the document as PDF bytes."""
        return write_pdf(document)


WRITER = _PDFWriter()

__all__ = ["WRITER", "write_pdf"]
