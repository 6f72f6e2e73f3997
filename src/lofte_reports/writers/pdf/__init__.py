"""The PDF writer (reportlab)."""

from lofte_reports.writers.pdf.writer import write_pdf

__all__ = ["write_pdf"]
