"""Read a pledge folder's follow-up data: YAML files and activity spreadsheets (CSV).

Every file in `followup/` is read; YAML/JSON files hold any kind of record, CSV files hold
activity records as Excel writes them in Sweden (UTF-8 with or without BOM, comma or
semicolon, Swedish or English column names). Each problem names its file and line
(for CSV the spreadsheet row's line), and all problems are reported at once.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

from lofte_reports.doctree.nodes import FontFamily
from lofte_reports.errors import DataError, Loc, Problem, format_loc
from lofte_reports.fonts.printable import unprintable
from lofte_reports.input.files import line_of, read_data, read_file, validate
from lofte_reports.input.translations import choose_language, translated_locations, untranslated
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
    places: dict[tuple[str, str], RecordPlace] | None = None,
) -> FollowUp | None:
    """Return the pledge's follow-up data, checked against the pledge; None if it has none.

    Texts given in several languages are resolved to the pledge's language; missing
    translations are added to `warnings`. Texts are checked against `font` (a theme's
    font family) when given, else against the built-in font. `places`, when given, is
    filled with where each record was read, for warnings that point at its line.
    """
    folder = followup_folder(pledge_folder)
    if not folder.is_dir():
        return None
    written = pledge.written_language
    files: list[FollowUpFile] = []
    activities: list[ActivityRecord] = []
    problems: list[Problem] = []
    read: list[tuple[Path, FollowUpFile, dict[Loc, int]]] = []
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        try:
            if suffix in DATA_SUFFIXES:
                data, lines = read_data(path, root=pledge_folder)
                translated = translated_locations(data)
                data, missing = choose_language(data, pledge.language)
                data, dated = _date_readings(data, pledge)
                problems += [
                    Problem(message, path, line_of(lines, loc), format_loc(loc))
                    for loc, message in dated
                ]
                followup_file = validate(FollowUpFile, data, path, lines)
                if warnings is not None:
                    missing += untranslated(followup_file, written, pledge.language, translated)
                    warnings += _located(missing, path, lines)
                problems += _check(pledge, followup_file, path, lines)
                problems += _unprintable(data, path, lines, font)
                files.append(followup_file)
                read.append((path, followup_file, lines))
            elif suffix == ".csv":
                records, lines, row_problems = parse_activity_csv(path, root=pledge_folder)
                problems += row_problems
                dumped = {"activities": [r.model_dump() for r in records]}
                problems += _check(pledge, FollowUpFile(activities=records), path, lines)
                if warnings is not None:
                    spreadsheet = untranslated(
                        FollowUpFile(activities=records), written, pledge.language, set()
                    )
                    suffix = " (i ett kalkylblad går det inte: skriv aktiviteten i YAML)"
                    warnings += _located([(at, m + suffix) for at, m in spreadsheet], path, lines)
                problems += _unprintable(dumped, path, lines, font)
                activities += records
                read.append((path, FollowUpFile(activities=records), lines))
        except DataError as error:
            problems += error.problems
        if warnings is not None and _COPY_NAME.search(path.stem):
            message = (
                "filnamnet ser ut som en kopia; om filen är en kopia av en annan räknas allt "
                "i den två gånger: ta bort den eller flytta den ur mappen followup/"
            )
            warnings.append(Problem(message, path))
    problems += _duplicates(read)
    if problems:
        raise DataError(problems)
    if places is not None:
        places.update(record_places(read))
    return FollowUp.merged(files, activities)


_COPY_NAME = re.compile(r"(kopia|copy|\(\d+\)$)", re.IGNORECASE)

_SAME = {
    "assessments": ("promise", "period"),
    "narratives": ("period",),
    "baselines": ("indicator",),
    "readings": ("indicator", "date"),
}
"""Records of which a follow-up may hold only one for each key: a second would hide the first."""

_WHAT = {
    "assessments": "en bedömning av samma löfte för samma period",
    "narratives": "en berättelse för samma period",
    "baselines": "ett utgångsvärde för samma mått",
    "readings": "ett mätvärde för samma mått och dag",
}


def _duplicates(read: list[tuple[Path, FollowUpFile, dict[Loc, int]]]) -> list[Problem]:
    """Refuse records that would hide one another, and files that repeat another's records.

    The rule: one assessment per promise and period, one narrative per period, one baseline
    per indicator, one reading per indicator and day, wherever they are written. Both places
    are named, so the user can decide which to keep. A file whose activity records are all in
    another file is refused as a copy (every activity would count twice).
    """
    problems: list[Problem] = []
    for kind, keys in _SAME.items():
        seen: dict[tuple[object, ...], str] = {}
        for path, followup_file, lines in read:
            for n, record in enumerate(getattr(followup_file, kind)):
                key = tuple(getattr(record, name) for name in keys)
                line = line_of(lines, (kind, n))
                here = f"{path.name}:{line}" if line else path.name
                if key in seen:
                    message = (
                        f"här står {_WHAT[kind]} som i {seen[key]} "
                        f"({', '.join(f'{name} {value}' for name, value in zip(keys, key, strict=True))}); "
                        "behåll en av dem"
                    )
                    problems.append(Problem(message, path, line, f"{kind}[{n}]"))
                else:
                    seen[key] = here
    with_activities = [(path, f) for path, f, _ in read if f.activities]
    for n, (path, followup_file) in enumerate(with_activities):
        for other_path, other in with_activities[:n]:
            mine, theirs = Counter(followup_file.activities), Counter(other.activities)
            if mine <= theirs:
                copy, original = path, other_path
                if mine == theirs and _COPY_NAME.search(other_path.stem):
                    copy, original = other_path, path  # blame the one named like a copy
                message = (
                    f"varje aktivitet i filen står redan i {original.name}, så alla skulle "
                    "räknas två gånger; ta bort kopian"
                )
                problems.append(Problem(message, copy))
                break
    return problems


def read_activity_csv(path: Path) -> tuple[list[ActivityRecord], dict[Loc, int]]:
    """Return the activity records of a spreadsheet, and the line of each record."""
    records, lines, problems = parse_activity_csv(path)
    if problems:
        raise DataError(problems)
    return records, lines


def parse_activity_csv(
    path: Path, root: Path | None = None
) -> tuple[list[ActivityRecord], dict[Loc, int], list[Problem]]:
    """Return the good records of a spreadsheet, their lines, and the problems of the others."""
    text = _read_text(path, root)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # strict: a stray or unterminated quote is an error, never a silent merge of rows
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise DataError([_quote_problem(error, path, 1, reader.line_num)]) from None
    if header is None:
        raise DataError([Problem("filen är tom; första raden ska vara rubrikerna", path, 1)])
    columns = _columns(header, path)
    records: list[ActivityRecord] = []
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader, None)
        except csv.Error as error:
            problems.append(_quote_problem(error, path, line, reader.line_num))
            break
        if row is None:
            break
        if spanning := next((cell for cell in row if "\n" in cell and delimiter in cell), None):
            problems.append(
                Problem(
                    f"ett citattecken öppnas på rad {line} och stängs först på rad "
                    f"{reader.line_num}, så raderna emellan blir en enda cell "
                    f"({spanning[:40]!r} …); ta bort citattecknet eller stäng det på samma rad",
                    path,
                    line,
                )
            )
        elif len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
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


def _quote_problem(error: csv.Error, path: Path, start: int, at: int) -> Problem:
    """Return a CSV quoting error located at the row it starts on, in Swedish."""
    if "unexpected end of data" in str(error):
        message = (
            f"ett citattecken på rad {start} stängs aldrig, så resten av filen blir en enda "
            "cell; stäng citattecknet eller ta bort det"
        )
    else:
        message = (
            f"citattecknet som öppnar en cell på rad {start} stängs inte rätt (rad {at}); "
            "ta bort det, eller skriv hela cellen inom citattecken med dubblerade "
            'citattecken inuti, t.ex. "Besök i ""Huset"""'
        )
    return Problem(message, path, start)


def _read_text(path: Path, root: Path | None) -> str:
    try:
        return read_file(path, root=root).decode("utf-8-sig")
    except UnicodeDecodeError:
        message = "filen är inte UTF-8; spara den i Excel som 'CSV UTF-8 (kommaavgränsad)'"
        raise DataError([Problem(message, path)]) from None


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
    for n, column in enumerate(columns):
        if column and column in columns[:n]:
            first = columns.index(column) + 1
            message = (
                f"kolumnen '{header[n].strip()}' (kolumn {n + 1}) är samma som kolumn {first} "
                f"('{header[first - 1].strip()}'); ta bort den ena"
            )
            problems.append(Problem(message, path, 1))
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
            digits = value.removeprefix("-")
            whole = digits.isascii() and digits.isdigit() and len(digits) <= 9
            fields[column] = int(value) if whole else value  # else: "ska vara ett heltal"
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


def _located(found: list[tuple[Loc, str]], path: Path, lines: dict[Loc, int]) -> list[Problem]:
    """Return (location, message) pairs of one file as problems, in the file's order."""
    problems = [
        Problem(message, path, line_of(lines, loc), format_loc(loc)) for loc, message in found
    ]
    return sorted(problems, key=lambda problem: problem.line or 0)


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


RecordPlace = tuple[Path, dict[Loc, int], int]
"""Where a follow-up record was read: its file, the file's lines, its index in the file."""


def record_places(
    read: list[tuple[Path, FollowUpFile, dict[Loc, int]]],
) -> dict[tuple[str, str], RecordPlace]:
    """Return where each follow-up record was read, keyed by (section, record as JSON).

    For warnings about records of the merged follow-up (`compute.lint`): the merge sorts
    records, so a record is found by its value. Equal records map to the first file that
    has one.
    """
    found: dict[tuple[str, str], RecordPlace] = {}
    for path, one, lines in read:
        for section in _SECTIONS:
            for n, record in enumerate(getattr(one, section)):
                found.setdefault((section, record.model_dump_json()), (path, lines, n))
    return found


_SECTIONS = ("activities", "assessments", "baselines", "readings", "narratives")
