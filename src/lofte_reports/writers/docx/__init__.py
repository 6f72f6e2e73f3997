"""The DOCX writer (python-docx)."""

from dataclasses import dataclass

from lofte_reports.doctree.nodes import Document
from lofte_reports.writers.docx.writer import write_docx


@dataclass(frozen=True, slots=True)
class _DOCXWriter:
    name: str = "docx"
    suffix: str = "docx"

    def write(self, document: Document) -> bytes:
        """Return the document as DOCX bytes."""
        return write_docx(document)


WRITER = _DOCXWriter()

__all__ = ["WRITER", "write_docx"]
