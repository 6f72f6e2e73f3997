"""The follow-up data administrators keep during the year, as typed records.

Activity records (what was done, when and where), assessments where a number cannot tell,
indicator readings with their baselines, and a narrative per period. Records refer to the
pledge by promise, goal-indicator and period ids; `followup_problems` checks those.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, Strict, StringConstraints

from lofte_reports.model.base import Date, Id, Model, Paragraphs, Text
from lofte_reports.model.status import Status, Verdict

PeriodKey = Annotated[
    str,
    StringConstraints(pattern=r"^(\d{4}(-[Tt][1-3])?|all)$"),
    AfterValidator(lambda key: key.replace("-t", "-T")),  # as ReportingPeriod.key writes it
    Field(description="A tertial ('2018-T2'), a year ('2018') or the whole period ('all')"),
]


class ActivityRecord(Model):
    """Something done for a promise: when, how many times, where."""

    date: Date
    promise: Id
    count: Annotated[int, Field(ge=1)] = 1
    place: Text | None = None
    note: Text | None = None


class Assessment(Model):
    """A judgement of a promise for a period, where a number cannot tell or needs a word.

    Where the status can be computed, giving another status here overrides it and then
    needs a `reason`.
    """

    promise: Id
    period: PeriodKey
    status: Annotated[Status, Strict(False)] | None = None
    comment: Text | None = None
    reason: Text | None = None
    next_steps: Text | None = None
    verdict: Annotated[Verdict, Strict(False)] | None = Field(
        default=None,
        description=(
            "Slutbedömning för ett år eller hela perioden, för löften utan plan: kept (hållet), "
            "partly-kept (delvis hållet), not-kept (inte hållet) eller not-assessed (bedöms ej)"
        ),
    )
    cause: Text | None = Field(default=None, description="Avvikelse: orsaken till avvikelsen")
    consequence: Text | None = Field(
        default=None, description="Avvikelse: vad avvikelsen får för följder"
    )
    action: Text | None = Field(
        default=None, description="Avvikelse: vad som görs för att rätta till den"
    )


class Baseline(Model):
    """The value an indicator is measured against."""

    indicator: Id
    value: float
    measured: Text = Field(description="When it was measured, e.g. '2017' or 'hösten 2017'")
    period: PeriodKey | None = Field(
        default=None,
        description=(
            "Perioden värdet gäller, t.ex. '2017' för hela årets antal eller '2017-T1' för en "
            "tertial; utan period räknas värdet som ett värde per mätperiod (t.ex. per tertial)"
        ),
    )
    note: Text | None = None


class Reading(Model):
    """One reading of an indicator, dated by the day it was measured.

    In files a reading may give a `period` instead ("2018-T1" for crimes reported during
    a tertial); the loader then dates it on the period's last day.
    """

    indicator: Id
    date: Date
    period: PeriodKey | None = Field(
        default=None, description="The period the value covers, instead of a date"
    )
    value: float
    source: Text | None = None
    note: Text | None = None


class Narrative(Model):
    """What the administrators say about a period in their own words."""

    period: PeriodKey
    summary: Paragraphs = Field(default_factory=list)
    events: Paragraphs = Field(default_factory=list)
    extra_activities: list[Text] = Field(default_factory=list)
    next_steps: Paragraphs = Field(default_factory=list)
    worked: Paragraphs = Field(default_factory=list)
    did_not_work: Paragraphs = Field(default_factory=list)
    prepared_by: Text | None = None
    prepared_on: Date | None = None
    decision: Text | None = None


class FollowUpFile(Model):
    """One follow-up YAML file; a pledge folder may split its follow-up over several."""

    example_data: bool = Field(
        default=False, description="True for invented data: every page then says so"
    )
    prepared_by: Text | None = None
    prepared_on: Date | None = None
    activities: list[ActivityRecord] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    baselines: list[Baseline] = Field(default_factory=list)
    readings: list[Reading] = Field(default_factory=list)
    narratives: list[Narrative] = Field(default_factory=list)


class FollowUp(FollowUpFile):
    """All follow-up data of a pledge, merged from its files (the same shape as one file)."""

    @classmethod
    def merged(cls, files: list[FollowUpFile], activities: list[ActivityRecord]) -> FollowUp:
        """Return the follow-up of several files plus activity records from spreadsheets."""
        return cls(
            example_data=any(f.example_data for f in files),
            prepared_by=next((f.prepared_by for f in files if f.prepared_by), None),
            prepared_on=max((f.prepared_on for f in files if f.prepared_on), default=None),
            activities=sorted(
                [a for f in files for a in f.activities] + activities, key=lambda a: a.date
            ),
            assessments=[a for f in files for a in f.assessments],
            baselines=[b for f in files for b in f.baselines],
            readings=sorted([r for f in files for r in f.readings], key=lambda r: r.date),
            narratives=[n for f in files for n in f.narratives],
        )
