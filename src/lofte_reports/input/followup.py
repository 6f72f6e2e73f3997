"""Read a pledge folder's follow-up data: YAML files and activity spreadsheets (CSV).

Every file in `followup/` is read; YAML/JSON files hold any kind of record, CSV files hold
activity records as Excel writes them in Sweden (UTF-8 with or without BOM, comma or
semicolon, Swedish or English column names). Each problem names its file and line
(for CSV the spreadsheet row's line), and all problems are reported at once.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from lofte_reports.doctree.nodes import FontFamily
from lofte_reports.errors import DataError, Loc, Problem, format_loc
from lofte_reports.fonts.printable import unprintable
from lofte_reports.input.files import MAX_FILE_BYTES, line_of, read_data, validate
from lofte_reports.input.translations import choose_language
from lofte_reports.model.calendar import DateRange, parse_period_key
from lofte_reports.model.followup import ActivityRecord, FollowUp, FollowUpFile
from lofte_reports.model.pledge import Pledge
from lofte_reports.model.references import followup_problems

FOLLOWUP_FOLDER = "followup"
DATA_SUFFIXES = (".yaml", ".yml", ".json")

COLUMNS = {
    "date": "date",
    "datum": "date",
    "promise": "promise",
    "löfte": "promise",
    "lofte": "promise",
    "count": "count",
    "antal": "count",
    "place": "place",
    "plats": "place",
    "note": "note",
    "anteckning": "note",
    "kommentar": "note",
}
REQUIRED_COLUMNS = ("date", "promise")


def followup_folder(pledge_folder: Path) -> Path:
    """Return where a pledge folder keeps its follow-up data."""
    return pledge_folder / FOLLOWUP_FOLDER


def load_followup(
    pledge: Pledge,
    pledge_folder: Path,
    warnings: list[Problem] | None = None,
    font: FontFamily | None = None,
) -> FollowUp | None:
    """Return the pledge's follow-up data, checked against the pledge; None if it has none.

    Texts given in several languages are resolved to the pledge's language; missing
    translations are added to `warnings`. Texts are checked against `font` (a theme's
    font family) when given, else against the built-in font.
    """
    folder = followup_folder(pledge_folder)
    if not folder.is_dir():
        return None
    files: list[FollowUpFile] = []
    activities: list[ActivityRecord] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        try:
            if suffix in DATA_SUFFIXES:
                data, lines = read_data(path)
                data, missing = choose_language(data, pledge.language)
                data, dated = _date_readings(data, pledge)
                problems += [
                    Problem(message, path, line_of(lines, loc), format_loc(loc))
                    for loc, message in dated
                ]
                if warnings is not None:
                    warnings += [
                        Problem(message, path, line_of(lines, loc), format_loc(loc))
                        for loc, message in missing
                    ]
                followup_file = validate(FollowUpFile, data, path, lines)
                problems += _check(pledge, followup_file, path, lines)
                problems += _unprintable(data, path, lines, font)
                files.append(followup_file)
            elif suffix == ".csv":
                records, lines, row_problems = parse_activity_csv(path)
                problems += row_problems
                dumped = {"activities": [r.model_dump() for r in records]}
                problems += _check(pledge, FollowUpFile(activities=records), path, lines)
                problems += _unprintable(dumped, path, lines, font)
                activities += records
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return FollowUp.merged(files, activities)


def read_activity_csv(path: Path) -> tuple[list[ActivityRecord], dict[Loc, int]]:
    """Return the activity records of a spreadsheet, and the line of each record."""
    records, lines, problems = parse_activity_csv(path)
    if problems:
        raise DataError(problems)
    return records, lines


def parse_activity_csv(
    path: Path,
) -> tuple[list[ActivityRecord], dict[Loc, int], list[Problem]]:
    """Return the good records of a spreadsheet, their lines, and the problems of the others."""
    text = _read_text(path)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise DataError([Problem("filen är tom; första raden ska vara rubrikerna", path, 1)])
    columns = _columns(header, path)
    records: list[ActivityRecord] = []
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    line = reader.line_num + 1
    for row in reader:
        if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
            problems.append(
                Problem(
                    f"raden har {len(row)} celler men rubrikraden {len(columns)}; "
                    "kontrollera avgränsare och citattecken",
                    path,
                    line,
                )
            )
        elif any(cell.strip() for cell in row):
            fields = _row_fields(columns, row)
            lines[("activities", len(records))] = line
            try:
                records.append(validate(ActivityRecord, fields, path, {(): line}))
            except DataError as error:
                problems += error.problems
        line = reader.line_num + 1
    return records, lines, problems


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DataError([Problem(f"filen är för stor (högst {MAX_FILE_BYTES} byte)", path)])
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        message = "filen är inte UTF-8; spara den i Excel som 'CSV UTF-8 (kommaavgränsad)'"
        raise DataError([Problem(message, path)]) from None
    except OSError as error:
        raise DataError([Problem(f"kan inte läsas: {error.strerror}", path)]) from None


def _columns(header: list[str], path: Path) -> list[str]:
    columns = [COLUMNS.get(name.strip().lower(), "") for name in header]
    problems = [
        Problem(
            f"okänd kolumn '{name.strip()}'; tillåtna: date, promise, count, place, note "
            "(eller datum, löfte, antal, plats, anteckning)",
            path,
            1,
        )
        for name, column in zip(header, columns, strict=True)
        if not column
    ]
    problems += [
        Problem(f"kolumnen '{required}' saknas i rubrikraden", path, 1)
        for required in REQUIRED_COLUMNS
        if required not in columns
    ]
    if problems:
        raise DataError(problems)
    return columns


def _row_fields(columns: list[str], row: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for column, cell in zip(columns, row, strict=False):
        value = cell.strip()
        if not value:
            continue
        if column == "count":
            fields[column] = int(value) if value.lstrip("-").isdigit() else value
        else:
            fields[column] = value
    return fields


def _date_readings(data: Any, pledge: Pledge) -> tuple[Any, list[tuple[Loc, str]]]:
    """Return the data with readings given by period dated on the period's last day."""
    readings = data.get("readings") if isinstance(data, dict) else None
    if not isinstance(readings, list):
        return data, []
    span = DateRange(pledge.period.start, pledge.period.end)
    problems: list[tuple[Loc, str]] = []
    dated: list[Any] = []
    for n, reading in enumerate(readings):
        key = reading.get("period") if isinstance(reading, dict) else None
        if isinstance(key, str) and "date" not in reading:
            try:
                reading = {**reading, "date": parse_period_key(key, span).range.end}
            except ValueError as error:
                problems.append((("readings", n, "period"), str(error)))
        dated.append(reading)
    return {**data, "readings": dated}, problems


def _unprintable(
    data: Any, path: Path, lines: dict[Loc, int], font: FontFamily | None = None
) -> list[Problem]:
    return [
        Problem(message, path, line_of(lines, loc), format_loc(loc))
        for loc, message in unprintable(data, font=font)
    ]


def _check(
    pledge: Pledge, followup_file: FollowUpFile, path: Path, lines: dict[Loc, int]
) -> list[Problem]:
    """Return the problems of one file's records checked against the pledge."""
    return [
        Problem(message, path, line_of(lines, loc), format_loc(loc))
        for loc, message in followup_problems(pledge, followup_file)
    ]
