"""The DOCX writer (python-docx)."""

from lofte_reports.writers._common import FunctionWriter
from lofte_reports.writers.docx.writer import write_docx

WRITER = FunctionWriter("docx", "docx", write_docx)

__all__ = ["WRITER", "write_docx"]
