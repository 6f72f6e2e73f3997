"""Which documents a pledge folder yields, what their files are called, and writing them.

A `Job` is one document to make: the pledge, a tertial follow-up or a summary of a year
(or of the whole period). `plan_all` decides which documents the data supports and says
why it leaves the others out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from lofte_reports.app.files import write_files
from lofte_reports.builders.followup import build_followup
from lofte_reports.builders.pledge import build_pledge
from lofte_reports.doctree import nodes
from lofte_reports.errors import DataError, Loc, Problem
from lofte_reports.input.followup import RecordPlace
from lofte_reports.languages import DEFAULT
from lofte_reports.model.calendar import DateRange, ReportingPeriod, tertials, whole, years
from lofte_reports.model.followup import FollowUp
from lofte_reports.model.pledge import Pledge
from lofte_reports.writers import Format, write

JobKind = Literal["pledge", "tertial", "annual"]

_PREFIX: dict[JobKind, str] = {
    "pledge": "medborgarlofte",
    "tertial": "uppfoljning",
    "annual": "arssammanfattning",
}


@dataclass(frozen=True, slots=True)
class Job:
    """One document to make from a pledge folder."""

    kind: JobKind
    period: ReportingPeriod | None
    stem: str

    def file_name(self, format: Format) -> str:
        """Return the document's file name, e.g. uppfoljning-landskrona-2018-T1.pdf."""
        return f"{self.stem}.{format}"


@dataclass(frozen=True, slots=True)
class PledgeFolder:
    """A pledge folder, loaded: the pledge, its follow-up data and its template overrides."""

    path: Path
    pledge: Pledge
    followup: FollowUp | None
    templates: Path | None
    warnings: tuple[Problem, ...] = ()
    style: nodes.DocumentStyle = field(default_factory=nodes.DocumentStyle)
    """The look of the documents: the pledge's theme with its files read and checked."""
    pledge_file: Path | None = None
    pledge_lines: dict[Loc, int] = field(default_factory=dict)
    """The line of every key and item of the pledge file, for warnings that point at it."""
    record_places: dict[tuple[str, str], RecordPlace] = field(default_factory=dict)
    """Where each follow-up record was read (see `input.followup.record_places`)."""


def job(pledge: Pledge, kind: JobKind, period: ReportingPeriod | None = None) -> Job:
    """Return the job of one document; its file name says what it is and sorts by period.

    A document in another language than Swedish ends in its language code, as
    medborgarlofte-landskrona-2018.en.pdf, so both languages can share a folder (an id
    holds no dot, so no Swedish name can look like that).
    """
    language = "" if pledge.language == DEFAULT else f".{pledge.language}"
    if kind == "pledge" or period is None:
        return Job("pledge", None, f"{_PREFIX['pledge']}-{pledge.id}{language}")
    if period.kind == "whole":
        return Job(kind, period, f"slutsammanfattning-{pledge.id}{language}")
    return Job(kind, period, f"{_PREFIX[kind]}-{_base_name(pledge)}-{period.key}{language}")


def _base_name(pledge: Pledge) -> str:
    """Return the pledge's id without a year it ends in, so names never repeat a year.

    The rule: a follow-up is named id + period key, and when the id's last part is a year
    within the pledge's period it is dropped, since the period key carries the year.
    landskrona-2018 + 2018-T1 gives uppfoljning-landskrona-2018-T1, and laxa-2018 (2018–2020)
    + 2019-T3 gives uppfoljning-laxa-2019-T3 (not laxa-2018-2019-T3). Any other ending is
    kept (norr-1999 for 2018 gives uppfoljning-norr-1999-2018-T1). The pledge and the
    whole-period summary keep the id as it is.
    """
    base, _, last = pledge.id.rpartition("-")
    years = range(pledge.period.start.year, pledge.period.end.year + 1)
    if base and last.isdigit() and int(last) in years:
        return base
    return pledge.id


def plan_all(folder: PledgeFolder) -> tuple[list[Job], list[tuple[str, str]]]:
    """Return every document the data supports, and (document, reason) for those left out."""
    pledge, followup = folder.pledge, folder.followup
    jobs = [job(pledge, "pledge")]
    skipped: list[tuple[str, str]] = []
    span = DateRange.of(pledge.period)
    if followup is None:
        reason = "mappen followup/ saknas, så det finns ingen uppföljningsdata"
        return jobs, [("uppföljningar och sammanfattningar", reason)]
    with_data = [t for t in tertials(span) if has_data(followup, t)]
    for tertial in tertials(span):
        if tertial in with_data:
            jobs.append(job(pledge, "tertial", tertial))
        else:
            skipped.append((f"uppföljning {tertial.key}", "ingen uppföljningsdata för perioden"))
    for year in years(span):
        last = [t for t in tertials(span) if year.range.contains(t.range.end)][-1]
        if last in with_data:
            jobs.append(job(pledge, "annual", year))
        else:
            reason = f"året är inte avslutat i uppföljningsdata (inget för {last.key})"
            skipped.append((f"årssammanfattning {year.key}", reason))
    if len(years(span)) > 1 and tertials(span)[-1] in with_data:
        jobs.append(job(pledge, "annual", whole(span)))
    return jobs, skipped


def has_data(followup: FollowUp, period: ReportingPeriod) -> bool:
    """Return whether any follow-up record, assessment, reading or narrative is about `period`."""
    key = period.key
    return (
        any(period.range.contains(a.date) for a in followup.activities)
        or any(period.range.contains(r.date) for r in followup.readings)
        or any(a.period == key for a in followup.assessments)
        or any(n.period == key for n in followup.narratives)
    )


def build(folder: PledgeFolder, job: Job) -> nodes.Document:
    """Return the document tree of a job."""
    if job.kind == "pledge" or job.period is None:
        return build_pledge(folder.pledge, folder.templates, folder.style)
    if folder.followup is None:
        message = "mappen saknar uppföljningsdata (followup/); se samples/landskrona-2018/followup"
        raise DataError([Problem(message, file=folder.path)])
    return build_followup(
        job.kind, folder.pledge, folder.followup, job.period, folder.templates, folder.style
    )


def write_jobs(
    folder: PledgeFolder,
    jobs: Iterable[Job],
    out: Path,
    formats: Iterable[Format],
    html_fragment: bool = False,
) -> list[Path]:
    """Render every job in every format, then write them all; a failure writes nothing.

    `html_fragment` writes the HTML files as their `<article>` alone (`as_html_fragment`).
    """
    formats = list(formats)
    files: dict[Path, bytes] = {}
    for one in jobs:
        document = build(folder, one)
        for format in formats:
            drawn = as_html_fragment(document) if html_fragment and format == "html" else document
            files[out / one.file_name(format)] = write(drawn, format)
    return write_files(files)


def as_html_fragment(document: nodes.Document) -> nodes.Document:
    """Return the document marked for the HTML writer to write its `<article>` alone."""
    extra = nodes.Extra(*nodes.HTML_FRAGMENT, b"")
    style = replace(document.style, extras=(*document.style.extras, extra))
    return replace(document, style=style)
