"""The HTML writer: one self-contained, accessible web page per document (standard library only)."""

from lofte_reports.writers._common import FunctionWriter
from lofte_reports.writers.html.writer import write_html

WRITER = FunctionWriter("html", "html", write_html)

__all__ = ["WRITER", "write_html"]
