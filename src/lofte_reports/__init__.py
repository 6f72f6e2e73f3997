"""lofte_reports: medborgarlöften and their follow-ups as DOCX and PDF.

>>> from lofte_reports import load_pledge, render_pledge
>>> pledge = load_pledge("samples/landskrona-2018")
>>> pdf = render_pledge(pledge, "pdf")
"""

from lofte_reports.api import (
    FORMATS,
    Format,
    load_pledge,
    pledge_document,
    pledge_file_name,
    pledge_schema,
    render,
    render_pledge,
    write_pledge,
)
from lofte_reports.errors import DataError, LofteError, Problem
from lofte_reports.model import Pledge

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "DataError",
    "Format",
    "LofteError",
    "Pledge",
    "Problem",
    "__version__",
    "load_pledge",
    "pledge_document",
    "pledge_file_name",
    "pledge_schema",
    "render",
    "render_pledge",
    "write_pledge",
]
