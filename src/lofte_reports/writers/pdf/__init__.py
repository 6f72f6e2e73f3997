"""The PDF writer (reportlab)."""

from lofte_reports.writers._common import FunctionWriter
from lofte_reports.writers.pdf.writer import write_pdf

WRITER = FunctionWriter("pdf", "pdf", write_pdf)

__all__ = ["WRITER", "write_pdf"]
