"""The builder of the pledge itself, the document that is signed and published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from lofte_reports.builders.base import DocumentCalls, build, text_argument
from lofte_reports.doctree import nodes
from lofte_reports.model.calendar import ReportingPeriod
from lofte_reports.model.pledge import Pledge, PromiseGroup, Section

TEMPLATE = "pledge.j2"
MAX_HEADING_LEVEL = 3


def document_date(pledge: Pledge, period: ReportingPeriod | None = None) -> dt.date:
    """Return the day a document is dated: the files' creation date, the same on every run.

    The pledge: its signing date, or the first day of its period when it has none. A
    follow-up: the last day of the period it reports on (within the pledge).
    """
    if period is not None:
        return period.range.end
    return pledge.signing.date or pledge.period.start


class PledgeCalls(DocumentCalls):
    """Template calls that know the pledge's promises and signatories."""

    def __init__(
        self,
        pledge: Pledge,
        style: nodes.DocumentStyle | None = None,
        period: ReportingPeriod | None = None,
    ) -> None:
        super().__init__(pledge.language, style, document_date(pledge, period))
        self._pledge = pledge

    def promise_group(self, group: PromiseGroup) -> str:
        """Add a group's introduction and its promises as a list or as paragraphs."""
        self.paragraphs(group.intro)
        promises = tuple(_promise_paragraph(p.title, p.text) for p in group.promises)
        if group.style == "paragraphs":
            for paragraph in promises:
                self._add(paragraph)
        else:
            self._add(nodes.ItemList(promises, ordered=group.style == "numbered"))
        return ""

    def section(self, section: Section, level: int = 1) -> str:
        """Add a section in the pledge's own words, its sub-sections one heading level down."""
        self.heading(level, section.heading)
        self.paragraphs(section.text)
        self.items(section.items, ordered=section.numbered)
        self.paragraphs(section.after_items)
        for sub in section.sections:
            self.section(sub, min(level + 1, MAX_HEADING_LEVEL))
        return ""

    def signatures(
        self,
        place_label: str,
        date_label: str,
        place: str | None = None,
        date: str | None = None,
        dateline: str | None = None,
    ) -> str:
        """Add the signature block; place and date, when given, are printed, else left blank.

        `dateline` ("Laxå den 26 oktober 2018") replaces the place and date rows.
        """
        people = tuple(
            nodes.Signatory(s.name, s.title, s.organisation or self._pledge.party(s.party).name)
            for s in self._pledge.signatories
        )
        block = nodes.SignatureBlock(
            people,
            text_argument(place_label),
            text_argument(date_label),
            None if place is None else text_argument(place),
            None if date is None else text_argument(date),
            None if dateline is None else text_argument(dateline),
        )
        return self._add(block)


def _promise_paragraph(title: str | None, text: str) -> nodes.Paragraph:
    if title is None:
        return nodes.Paragraph.of(text)
    return nodes.Paragraph((nodes.Span(title, strong=True), nodes.Span("\n" + text)))


def pledge_context(pledge: Pledge) -> dict[str, Any]:
    """Return what every template of a pledge's documents can use."""
    parties = {party.id: party for party in pledge.parties}
    return {
        "pledge": pledge,
        "parties": parties,
        "text_names": lambda ids: [parties[party_id].text_name for party_id in ids],
    }


def build_pledge(
    pledge: Pledge, user_templates: Path | None = None, style: nodes.DocumentStyle | None = None
) -> nodes.Document:
    """Return the document tree of the pledge, in `style` (a theme's look) when given."""
    context = pledge_context(pledge)
    calls = PledgeCalls(pledge, style)
    return build(TEMPLATE, calls, context, pledge.language, user_templates)
