"""lofte_reports: medborgarlöften and their follow-ups as DOCX and PDF.

>>> from lofte_reports import load_pledge, render_pledge
>>> pledge = load_pledge("samples/landskrona-2018")
>>> pdf = render_pledge(pledge, "pdf")
"""

from lofte_reports.api import (
    followup_document,
    load_followup,
    load_pledge,
    open_folder,
    pledge_document,
    pledge_file_name,
    pledge_schema,
    render,
    render_followup,
    render_pledge,
    write_all,
    write_followup,
    write_pledge,
)
from lofte_reports.errors import DataError, LofteError, Problem
from lofte_reports.model.followup import FollowUp
from lofte_reports.model.pledge import Pledge
from lofte_reports.writers import FORMATS, Format

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "DataError",
    "FollowUp",
    "Format",
    "LofteError",
    "Pledge",
    "Problem",
    "__version__",
    "followup_document",
    "load_followup",
    "load_pledge",
    "open_folder",
    "pledge_document",
    "pledge_file_name",
    "pledge_schema",
    "render",
    "render_followup",
    "render_pledge",
    "write_all",
    "write_followup",
    "write_pledge",
]
