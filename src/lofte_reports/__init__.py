"""lofte_reports: medborgarlöften and their follow-ups as DOCX and PDF."""

__version__ = "0.1.0"
