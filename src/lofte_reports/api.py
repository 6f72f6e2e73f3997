"""The public Python API: load a pledge, build its documents, get bytes or write files.

The command line is a thin layer over these functions; other municipal tools call them
with data they already hold.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from lofte_reports import nodes
from lofte_reports.builders.pledge import build_pledge
from lofte_reports.errors import DataError, Problem
from lofte_reports.fieldpaths import format_loc
from lofte_reports.loading import find_pledge_file, line_of, read_data, validate
from lofte_reports.model import Pledge
from lofte_reports.output import write_files
from lofte_reports.printable import unprintable

Format = Literal["docx", "pdf"]
FORMATS: tuple[Format, ...] = ("docx", "pdf")
TEMPLATE_FOLDER = "templates"

PathLike = str | os.PathLike[str]


def load_pledge(path: PathLike) -> Pledge:
    """Return the pledge in a pledge folder (or a pledge file), validated.

    Raises DataError listing every problem with its file, line and field.
    """
    file = find_pledge_file(Path(path))
    data, lines = read_data(file)
    pledge = validate(Pledge, data, file, lines)
    problems = [
        Problem(message, file, line_of(lines, loc), format_loc(loc))
        for loc, message in unprintable(data)
    ]
    if problems:
        raise DataError(problems)
    return pledge


def pledge_schema() -> dict[str, object]:
    """Return the JSON Schema of a pledge file."""
    schema = Pledge.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Medborgarlöfte (lofte_reports)",
    }


def pledge_document(pledge: Pledge, templates: PathLike | None = None) -> nodes.Document:
    """Return the pledge's format-neutral document tree (templates: an override folder)."""
    problems = [
        Problem(message, field=format_loc(loc))
        for loc, message in unprintable(pledge.model_dump(mode="json"))
    ]
    if problems:
        raise DataError(problems)
    return build_pledge(pledge, Path(templates) if templates else None)


def render(document: nodes.Document, format: Format) -> bytes:
    """Return a document tree as the bytes of a DOCX or PDF file."""
    if format == "pdf":
        from lofte_reports.writers.pdf import write_pdf

        return write_pdf(document)
    if format == "docx":
        from lofte_reports.writers.docx import write_docx

        return write_docx(document)
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def render_pledge(pledge: Pledge, format: Format, templates: PathLike | None = None) -> bytes:
    """Return the pledge as DOCX or PDF bytes, without touching the disk."""
    return render(pledge_document(pledge, templates), format)


def pledge_file_name(pledge: Pledge, format: Format) -> str:
    """Return the file name of the pledge document, e.g. medborgarlofte-landskrona-2018.pdf."""
    return f"medborgarlofte-{pledge.id}.{format}"


def write_pledge(
    folder: PathLike, out: PathLike, formats: Iterable[Format] = FORMATS
) -> list[Path]:
    """Write the pledge of a pledge folder into `out`; return the files written.

    Every format is rendered before any file is written, so a failure writes nothing.
    """
    folder = Path(folder)
    pledge = load_pledge(folder)
    templates = _template_folder(folder)
    document = pledge_document(pledge, templates)
    files = {Path(out) / pledge_file_name(pledge, fmt): render(document, fmt) for fmt in formats}
    return write_files(files)


def _template_folder(folder: Path) -> Path | None:
    candidate = (folder if folder.is_dir() else folder.parent) / TEMPLATE_FOLDER
    return candidate if candidate.is_dir() else None
