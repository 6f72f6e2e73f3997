"""The public Python API: load a pledge and its follow-up, build documents, get bytes or files.

The command line is a thin layer over these functions; other municipal tools call them
with data they already hold (a `Pledge` and a `FollowUp` built in Python are validated
the same way as files).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from gettext import NullTranslations
from pathlib import Path
from typing import Literal

from lofte_reports.app import signing
from lofte_reports.app.jobs import (
    Job,
    PledgeFolder,
    as_html_fragment,
    build,
    job,
    plan_all,
    write_jobs,
)
from lofte_reports.app.scaffold import NEXT_STEPS, init_folder
from lofte_reports.app.signing import SignatureReport as SignatureReport
from lofte_reports.app.signing import SignedFile as SignedFile
from lofte_reports.app.signing import SignedPdf as SignedPdf
from lofte_reports.builders.followup import FollowUpKind, build_followup
from lofte_reports.builders.pledge import build_pledge
from lofte_reports.compute.lint import lint
from lofte_reports.doctree import nodes
from lofte_reports.errors import DataError, Loc, Problem, format_loc
from lofte_reports.fonts.printable import unprintable
from lofte_reports.input.files import find_pledge_file, line_of, read_data, validate
from lofte_reports.input.followup import RecordPlace, followup_folder
from lofte_reports.input.followup import load_followup as _load_followup
from lofte_reports.input.theme import document_style
from lofte_reports.input.translations import choose_language, translated_locations, untranslated
from lofte_reports.languages import DEFAULT as DEFAULT_LANGUAGE
from lofte_reports.languages import Language, known
from lofte_reports.model.calendar import DateRange, ReportingPeriod, parse_period_key
from lofte_reports.model.followup import FollowUp
from lofte_reports.model.pledge import Pledge
from lofte_reports.model.references import followup_problems
from lofte_reports.writers import FORMATS, Format, write
from lofte_reports.writers._common import source_date_epoch

TEMPLATE_FOLDER = "templates"

__all__ = ["FORMATS", "NEXT_STEPS", "FollowUpKind", "Format", "PledgeFolder", "init_folder"]

Documents = Literal["pledge", "tertial", "annual", "all"]
"""Which documents to write: the pledge, one follow-up or summary, or all the data supports."""

PathLike = str | os.PathLike[str]


def load_pledge(
    path: PathLike, language: Language | None = None, warnings: list[Problem] | None = None
) -> Pledge:
    """Return the pledge in a pledge folder (or a pledge file), validated.

    Texts given in several languages are resolved to `language` (default: the pledge's own);
    a missing translation is added to `warnings`. Raises DataError listing every problem
    with its file, line and field. A theme's files are checked too.
    """
    return _load_pledge(path, language, warnings)[0]


def _load_pledge(
    path: PathLike, language: Language | None = None, warnings: list[Problem] | None = None
) -> tuple[Pledge, nodes.DocumentStyle, Path, dict[Loc, int]]:
    """Return the pledge, the look of its documents, and the file and lines it was read from."""
    file = find_pledge_file(Path(path))
    data, lines = read_data(file)
    own = data.get("language") if isinstance(data, dict) else None
    written = known(own) or DEFAULT_LANGUAGE  # the language of the file's plain texts
    if language is not None and isinstance(data, dict):
        data = {**data, "language": language}
    chosen = known(data.get("language")) if isinstance(data, dict) else None
    translated = translated_locations(data)
    data, missing = choose_language(data, chosen or DEFAULT_LANGUAGE)
    pledge = validate(Pledge, data, file, lines)
    pledge._folder = file.parent
    pledge._written_language = written
    if warnings is not None:
        missing += untranslated(pledge, written, pledge.language, translated)
        warnings += sorted(
            (Problem(m, file, line_of(lines, loc), format_loc(loc)) for loc, m in missing),
            key=lambda problem: problem.line or 0,
        )
    style = document_style(pledge, file.parent, file, lines)
    problems = [
        Problem(message, file, line_of(lines, loc), format_loc(loc))
        for loc, message in unprintable(data, font=style.font)
    ]
    if problems:
        raise DataError(problems)
    return pledge, style, file, lines


def load_followup(
    path: PathLike, pledge: Pledge | None = None, warnings: list[Problem] | None = None
) -> FollowUp | None:
    """Return the follow-up data of a pledge folder (its `followup/`), or None if it has none.

    Texts given in several languages are resolved to the pledge's language.
    """
    folder = _folder_of(Path(path))
    return _load_followup(pledge or load_pledge(folder), folder, warnings)


def open_folder(
    path: PathLike, language: Language | None = None, followup_needed: bool = True
) -> PledgeFolder:
    """Return a pledge folder loaded and checked: pledge, follow-up data and templates.

    `language` overrides the pledge's own; missing translations are in `.warnings`.
    With `followup_needed=False` (the pledge alone is wanted), problems in the follow-up
    data become warnings and the folder has no follow-up, instead of failing the pledge.
    """
    folder = _folder_of(Path(path))
    warnings: list[Problem] = []
    pledge, style, pledge_file, pledge_lines = _load_pledge(path, language, warnings)
    templates = folder / TEMPLATE_FOLDER
    places: dict[tuple[str, str], RecordPlace] = {}
    try:
        followup = _load_followup(pledge, folder, warnings, style.font, places)
    except DataError as error:
        if followup_needed:
            raise
        followup = None
        warnings += [_unused_followup(problem) for problem in error.problems]
    return PledgeFolder(
        folder,
        pledge,
        followup,
        templates if templates.is_dir() else None,
        tuple(warnings),
        style,
        pledge_file,
        pledge_lines,
        places,
    )


def lint_warnings(folder: PledgeFolder) -> list[Problem]:
    """Return the pledge lint's warnings for a loaded folder, each with file, line and field.

    Where a promise cannot be followed up with numbers, a goal lacks a baseline or target,
    a placeholder from `init` is left, a record does not fit its plan (place, day, term),
    an assessment is missing or a deviation lacks cause and action, or a text looks like a
    personnummer. Warnings, not errors: `make-report validate --strict` makes them errors.
    """
    pledge_file, pledge_lines = folder.pledge_file, folder.pledge_lines
    places = folder.record_places
    problems: list[Problem] = []
    for loc, message in lint(folder.pledge, folder.followup):
        if loc[:1] != ("followup",):
            line = line_of(pledge_lines, loc)
            problems.append(Problem(message, pledge_file, line, format_loc(loc) or None))
            continue
        section, rest = str(loc[1]), loc[2:]
        records = getattr(folder.followup, section, [])
        found = None
        if rest and isinstance(rest[0], int) and rest[0] < len(records):
            found = places.get((section, records[rest[0]].model_dump_json()))
        if found is None:
            where = followup_folder(folder.path)
            problems.append(Problem(message, where, None, format_loc((section,))))
            continue
        path, lines, index = found
        inner = (section, index, *rest[1:])
        problems.append(Problem(message, path, line_of(lines, inner), format_loc(inner)))
    return problems


def _unused_followup(problem: Problem) -> Problem:
    """Return a follow-up problem as a warning that the pledge is made without that data."""
    message = f"{problem.message} (löftet skrivs ändå; uppföljningarna kräver att felet rättas)"
    return Problem(message, problem.file, problem.line, problem.field)


def pledge_schema() -> dict[str, object]:
    """Return the JSON Schema of a pledge file."""
    schema = Pledge.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "Medborgarlöfte (lofte_reports)",
    }


def period(pledge: Pledge, key: str) -> ReportingPeriod:
    """Return the reporting period "2018-T2", "2018" or "all" of a pledge; DataError if none."""
    try:
        return parse_period_key(key, DateRange.of(pledge.period))
    except ValueError as error:
        raise DataError([Problem(str(error), field="period")]) from None


def pledge_document(
    pledge: Pledge, templates: PathLike | None = None, assets_folder: PathLike | None = None
) -> nodes.Document:
    """Return the pledge's format-neutral document tree (templates: an override folder).

    `assets_folder` is where the files of the pledge's theme are (its pledge folder).
    """
    style = _style(pledge, assets_folder)
    _check_printable(pledge, font=style.font)
    return build_pledge(pledge, Path(templates) if templates else None, style)


def followup_document(
    pledge: Pledge,
    followup: FollowUp,
    kind: FollowUpKind,
    period_key: str,
    templates: PathLike | None = None,
    assets_folder: PathLike | None = None,
) -> nodes.Document:
    """Return the tree of a tertial follow-up ("tertial") or a summary ("annual") of a period.

    `assets_folder` is where the files of the pledge's theme are (its pledge folder).
    """
    style = _style(pledge, assets_folder)
    _check_followup(pledge, followup)
    _check_printable(pledge, followup, style.font)
    chosen = followup_period(pledge, kind, period_key)
    user_templates = Path(templates) if templates else None
    return build_followup(kind, pledge, followup, chosen, user_templates, style)


def followup_period(pledge: Pledge, kind: FollowUpKind, key: str) -> ReportingPeriod:
    """Return the period a follow-up of this kind reports on: a tertial, or a year or all."""
    chosen = period(pledge, key)
    year = pledge.period.start.year
    if kind == "tertial" and chosen.kind != "tertial":
        message = f"{key} är ingen tertial; ange t.ex. {year}-T1"
        raise DataError([Problem(message, field="period")])
    if kind == "annual" and chosen.kind == "tertial":
        message = f"{key} är en tertial; en sammanfattning gäller ett år (t.ex. {year}) eller all"
        raise DataError([Problem(message, field="period")])
    return chosen


def render(document: nodes.Document, format: Format, html_fragment: bool = False) -> bytes:
    """Return a document tree as the bytes of a DOCX, PDF or HTML file.

    `html_fragment` makes the HTML only its `<article>`, with its own CSS, for a site's editor.
    """
    return write(as_html_fragment(document) if html_fragment else document, format)


def render_pledge(
    pledge: Pledge,
    format: Format,
    templates: PathLike | None = None,
    assets_folder: PathLike | None = None,
) -> bytes:
    """Return the pledge as DOCX or PDF bytes, without writing to disk.

    `assets_folder` is where the files of the pledge's theme are (its pledge folder).
    """
    return render(pledge_document(pledge, templates, assets_folder), format)


def render_followup(
    pledge: Pledge,
    followup: FollowUp,
    kind: FollowUpKind,
    period_key: str,
    format: Format,
    templates: PathLike | None = None,
    assets_folder: PathLike | None = None,
) -> bytes:
    """Return a tertial follow-up or a summary as DOCX or PDF bytes, without writing to disk."""
    document = followup_document(pledge, followup, kind, period_key, templates, assets_folder)
    return render(document, format)


def pledge_file_name(pledge: Pledge, format: Format) -> str:
    """Return the file name of the pledge document, e.g. medborgarlofte-landskrona-2018.pdf."""
    return job(pledge, "pledge").file_name(format)


def write_pledge(
    folder: PathLike,
    out: PathLike,
    formats: Iterable[Format] = FORMATS,
    language: Language | None = None,
) -> list[Path]:
    """Write the pledge of a pledge folder into `out`; return the files written.

    Every format is rendered before any file is written, so a failure writes nothing.
    """
    loaded = open_folder(folder, language, followup_needed=False)
    return write_documents(loaded, "pledge", out, formats)[0]


def write_followup(
    folder: PathLike,
    out: PathLike,
    kind: FollowUpKind,
    period_key: str,
    formats: Iterable[Format] = FORMATS,
    language: Language | None = None,
) -> list[Path]:
    """Write one tertial follow-up or summary of a pledge folder; return the files written."""
    return write_documents(open_folder(folder, language), kind, out, formats, period_key)[0]


def write_all(
    folder: PathLike,
    out: PathLike,
    formats: Iterable[Format] = FORMATS,
    language: Language | None = None,
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Write every document the data supports; return the files and (document, why) skipped."""
    return write_documents(open_folder(folder, language), "all", out, formats)


def check_folder(folder: PledgeFolder) -> None:
    """Lay out every document the folder yields, so template errors show before any writing."""
    _check_environment()
    for one in plan_all(folder)[0]:
        build(folder, one)


def write_documents(
    folder: PledgeFolder,
    documents: Documents,
    out: PathLike,
    formats: Iterable[Format] = FORMATS,
    period_key: str | None = None,
    html_fragment: bool = False,
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Write documents of a loaded folder; return the files and (document, why) left out.

    `period_key` names the period of a "tertial" or "annual" document ("2018-T2", "2018");
    `html_fragment` writes each HTML file as its `<article>` alone (see `render`).
    """
    _check_environment()
    jobs: list[Job]
    skipped: list[tuple[str, str]] = []
    if documents == "pledge":
        jobs = [job(folder.pledge, "pledge")]
    elif documents == "all":
        jobs, skipped = plan_all(folder)
    else:
        if period_key is None:
            raise DataError([Problem("ange vilken period dokumentet gäller", field="period")])
        chosen = followup_period(folder.pledge, documents, period_key)
        jobs = [job(folder.pledge, documents, chosen)]
    return write_jobs(folder, jobs, Path(out), formats, html_fragment), skipped


def _check_environment() -> None:
    """Refuse, as bad input, an environment the writers cannot work with (before any writing)."""
    try:
        source_date_epoch()
    except ValueError as error:
        raise DataError([Problem(str(error))]) from None


# Signing (app/signing.py): pyHanko is loaded by these calls only, never to make documents.


def sign_pdf(
    pdf: bytes,
    p12: bytes,
    password: bytes | str | None = None,
    field: str | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> SignedPdf:
    """Return a PDF with a PAdES B-B signature added as an incremental update.

    The key and certificate come from PKCS#12 bytes (`.p12`/`.pfx`) and their password.
    `field` names the signature field (the pledge has `signatory-1`, `signatory-2` …);
    without it the first empty one is signed, and a document with no empty field gets a
    new invisible one (`.new_field`). The output starts with the input's bytes, so
    PDF/A markers, tags and earlier signatures stay. DataError, in `language`, for a
    wrong password, a file that is no PDF or PKCS#12, an unknown or signed field.
    """
    return signing.sign_pdf(pdf, p12, password, field, language)


def sign_file(
    pdf: PathLike,
    certificate: PathLike,
    password: bytes | str | None = None,
    field: str | None = None,
    out: PathLike | None = None,
    language: Language = DEFAULT_LANGUAGE,
) -> SignedFile:
    """Sign a PDF file (see `sign_pdf`) and write it to `out`; return where and how.

    By default `out` is the input's name with -signerad (lofte.pdf → lofte-signerad.pdf).
    An existing output is refused unless it is the input itself (the signature is then
    appended to it); the file is written whole or not at all.
    """
    target = Path(out) if out is not None else None
    return signing.sign_file(Path(pdf), Path(certificate), password, field, target, language)


def verify_pdf(
    pdf: bytes, trust: Sequence[bytes] = (), language: Language = DEFAULT_LANGUAGE
) -> list[SignatureReport]:
    """Return a report of every signature in a PDF: signer, time, field, intact, coverage, trust.

    `trust` holds root certificates (PEM or DER); without them trust is not judged
    (`trusted` is None). Offline: revocation is not checked. DataError when the PDF has
    no signature or cannot be read.
    """
    return signing.verify_pdf(pdf, trust, language)


def verify_file(
    pdf: PathLike, trust: Iterable[PathLike] = (), language: Language = DEFAULT_LANGUAGE
) -> list[SignatureReport]:
    """Return the report of every signature of a PDF file (see `verify_pdf`)."""
    return signing.verify_file(Path(pdf), [Path(root) for root in trust], language)


def describe_signature(report: SignatureReport, language: Language = DEFAULT_LANGUAGE) -> list[str]:
    """Return a signature's report as lines for a reader, in `language`."""
    return signing.describe(report, language)


def interface_translations(language: Language = DEFAULT_LANGUAGE) -> NullTranslations:
    """Return the translations of the command line's own (Swedish) texts into `language`."""
    return signing.interface_translations(language)


def _folder_of(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def _style(pledge: Pledge, assets_folder: PathLike | None) -> nodes.DocumentStyle:
    """Return the look of the pledge's documents, its theme's files read from `assets_folder`.

    A pledge loaded from a folder finds its theme's files there unless told otherwise.
    """
    folder = pledge.folder if assets_folder is None else Path(assets_folder)
    return document_style(pledge, folder)


def _check_followup(pledge: Pledge, followup: FollowUp) -> None:
    """Refuse follow-up records that do not fit the pledge, as the loader does for files."""
    problems = [
        Problem(message, field=format_loc(loc))
        for loc, message in followup_problems(pledge, followup)
    ]
    if problems:
        raise DataError(problems)


def _check_printable(
    pledge: Pledge, followup: FollowUp | None = None, font: nodes.FontFamily | None = None
) -> None:
    """Refuse text the PDF font cannot draw in data built in Python (files are checked on load)."""
    data = {"pledge": pledge.model_dump(mode="json")}
    if followup is not None:
        data["followup"] = followup.model_dump(mode="json")
    problems = [
        Problem(message, field=format_loc(loc[1:])) for loc, message in unprintable(data, font=font)
    ]
    if problems:
        raise DataError(problems)
