"""The DOCX writer (python-docx)."""

from lofte_reports.writers.docx.writer import write_docx

__all__ = ["write_docx"]
