"""Builders of the follow-up documents: the tertial follow-up and the annual summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from lofte_reports.builders.base import build
from lofte_reports.builders.pledge import PledgeCalls, pledge_context
from lofte_reports.compute.results import period_report
from lofte_reports.doctree import nodes
from lofte_reports.model.calendar import ReportingPeriod
from lofte_reports.model.followup import FollowUp
from lofte_reports.model.pledge import Pledge

FollowUpKind = Literal["tertial", "annual"]
TEMPLATES: dict[FollowUpKind, str] = {"tertial": "tertial.j2", "annual": "annual.j2"}


def build_followup(
    kind: FollowUpKind,
    pledge: Pledge,
    followup: FollowUp,
    period: ReportingPeriod,
    user_templates: Path | None = None,
    style: nodes.DocumentStyle | None = None,
) -> nodes.Document:
    """Return the document tree of a tertial follow-up or an annual summary of `period`."""
    context: dict[str, Any] = {
        **pledge_context(pledge),
        "followup": followup,
        "report": period_report(pledge, followup, period),
    }
    calls = PledgeCalls(pledge, style, period)
    return build(TEMPLATES[kind], calls, context, pledge.language, user_templates)
