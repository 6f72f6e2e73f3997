"""The typed model of a medborgarlöfte: parties, promises, goals, follow-up plan, signatories.

Validation is strict (no silent type coercion) and unknown keys are errors. Published
wording is kept as written; where a promise has a countable plan it is also kept in
machine-readable form, and ids tie promises and goals to follow-up data.
Cross-references (party, problem and priority-area ids) are checked by `Pledge` itself,
so a pledge built in Python is held to the same rules as one read from a file.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    PrivateAttr,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lofte_reports.errors import format_loc
from lofte_reports.languages import Language
from lofte_reports.model.base import Date, Id, Model, Paragraphs, Text
from lofte_reports.model.calendar import TermDates
from lofte_reports.model.references import reference_problems
from lofte_reports.model.theme import Theme

MAX_SIGNATORIES = 4
MAX_PERIOD_YEARS = 4


class PartyKind(StrEnum):
    """What kind of organisation a party is."""

    POLICE = "police"
    MUNICIPALITY = "municipality"
    DISTRICT_ADMINISTRATION = "district-administration"
    HOUSING_COMPANY = "housing-company"
    ASSOCIATION = "association"
    OTHER = "other"


class Party(Model):
    """An organisation that makes promises and signs, e.g. a local police area or a municipality."""

    id: Id
    name: Text = Field(description="Full name, e.g. 'Lokalpolisområde Landskrona'")
    short_name: Text | None = Field(
        default=None,
        description="Name used in running text, e.g. 'polisen'; defaults to name",
    )
    kind: Annotated[PartyKind, Strict(False)]

    @property
    def text_name(self) -> str:
        """Return the name used in running text."""
        return self.short_name or self.name


class Period(Model):
    """A span of days, both ends included."""

    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise PydanticCustomError(
                "period_order", "slutdatum (end) ligger före startdatum (start)"
            )
        return self

    @property
    def is_calendar_years(self) -> bool:
        """Return whether the period is one or more whole calendar years."""
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)


class PledgePeriod(Period):
    """The period a pledge runs: one day up to four years."""

    @model_validator(mode="after")
    def _not_too_long(self) -> PledgePeriod:
        if self.end >= _add_years(self.start, MAX_PERIOD_YEARS):
            raise PydanticCustomError(
                "period_length",
                "ett medborgarlöfte kan gälla högst {years} år",
                {"years": MAX_PERIOD_YEARS},
            )
        return self


def _add_years(day: dt.date, years: int) -> dt.date:
    """Return the same day `years` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Area(Model):
    """The area the pledge concerns, e.g. Karlslundsområdet."""

    name: Text
    description: Text | None = None


class Basis(StrEnum):
    """What the pledge was worked out from."""

    SITUATION_PICTURE = "situation-picture"
    SAFETY_SURVEYS = "safety-surveys"
    CITIZEN_DIALOGUES = "citizen-dialogues"
    STAFF_DIALOGUES = "staff-dialogues"
    OTHER = "other"


class DialogueKind(StrEnum):
    """Who a dialogue was held with."""

    CITIZEN = "citizen-dialogue"
    STAFF = "staff-dialogue"


class Dialogue(Model):
    """Dialogues held before the pledge: when, how many times, by whom and with whom."""

    kind: Annotated[DialogueKind, Strict(False)] = DialogueKind.CITIZEN
    held: Period
    occasions: Annotated[int, Field(ge=1)] = 1
    held_by: list[Id] = Field(default_factory=list, description="Party ids")
    participants: list[Text] = Field(default_factory=list)


class Problem(Model):
    """A problem raised in the situation picture, which goals can be traced to."""

    id: Id
    text: Text


class Situation(Model):
    """The situation today: published text, and the dialogues and problems behind it."""

    text: Paragraphs
    dialogues: list[Dialogue] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)


class PriorityArea(Model):
    """A priority area that promises can be grouped under."""

    id: Id
    name: Text


class Frequency(StrEnum):
    """How often a planned activity falls due."""

    WEEK = "week"
    MONTH = "month"
    TERM = "term"
    TERTIAL = "tertial"
    YEAR = "year"
    PERIOD = "period"


class Plan(Model):
    """A countable plan: `count` times per `per`, at each of `places` when places are given.

    "En gång per termin vid var och en av tre förskolor" is count 1, per term, three places.
    """

    count: Annotated[int, Field(ge=1)]
    per: Annotated[Frequency, Strict(False)]
    places: list[Text] = Field(default_factory=list)
    unit: Text | None = Field(default=None, description="What is counted, e.g. 'besök'")
    counts: Literal["occasions", "times"] = Field(
        default="occasions",
        description=(
            "occasions (standard): allt på samma plats samma dag är ett tillfälle; "
            "times: varje gång räknas, även flera samma dag (t.ex. kontroller)"
        ),
    )


class Activity(Model):
    """A concrete activity behind a promise, kept in a separate activity plan."""

    id: Id
    text: Text
    plan: Plan | None = None


class Promise(Model):
    """One promise: its published wording and, where it has one, its plan."""

    id: Id
    text: Text
    title: Text | None = None
    by: list[Id] = Field(default_factory=list, description="Party ids; defaults to the group's")
    plan: Plan | None = None
    priority_area: Id | None = None
    problems: list[Id] = Field(default_factory=list)
    activity_plan: Text | None = Field(
        default=None, description="Name of the separate activity plan, if any"
    )
    activities: list[Activity] = Field(default_factory=list)


class PromiseGroup(Model):
    """Promises shown together: by party, by priority area, or mixed."""

    heading: Text | None = Field(
        default=None, description="Defaults to '<party> lovar' from the template"
    )
    by: list[Id] = Field(default_factory=list, description="Party ids making these promises")
    priority_area: Id | None = None
    intro: Paragraphs = Field(default_factory=list)
    style: Literal["bullets", "numbered", "paragraphs"] = "bullets"
    promises: Annotated[list[Promise], Field(min_length=1)]


class IndicatorSource(StrEnum):
    """Where indicator readings come from."""

    SAFETY_SURVEY = "safety-survey"
    REPORTED_CRIME = "reported-crime"
    OTHER = "other"


class Indicator(Model):
    """What is measured to follow a goal up."""

    id: Id
    name: Text
    source: Annotated[IndicatorSource, Strict(False)]
    source_text: Text = Field(
        description="Source in running text, e.g. 'polisens trygghetsmätning'"
    )
    direction: Literal["increase", "decrease"]
    unit: Text | None = None
    kind: Literal["share", "count", "index", "other"] | None = Field(
        default=None,
        description=(
            "Vad värdet är: share (andel i procent; ändringar i procentenheter), count (antal), "
            "index eller other; standard: share om unit är % eller procent, count för "
            "anmälda brott, annars other"
        ),
    )
    margin: Annotated[float, Field(ge=0)] | None = Field(
        default=None,
        description=(
            "Felmarginal: en ändring som inte är större än så räknas som oförändrad, t.ex. 3 "
            "(procentenheter) för en trygghetsmätning"
        ),
    )
    per_period: bool | None = Field(
        default=None,
        description=(
            "true när varje mätvärde är ett antal under en period (t.ex. anmälda brott per "
            "tertial), så att året jämförs som summa; standard: true för anmälda brott"
        ),
    )


class Target(Model):
    """The value a goal's indicator is to reach, and by when."""

    value: float = Field(description="Målvärdet, t.ex. 55 (procent)")
    date: Date = Field(description="Senast när målvärdet ska vara nått, t.ex. 2018-12-31")


class Goal(Model):
    """A joint goal, with the indicator it is followed up by."""

    id: Id
    text: Text
    indicator: Indicator
    target: Target | None = Field(
        default=None, description="Målvärde och måldatum, t.ex. minst 55 procent till hösten 2018"
    )
    problems: list[Id] = Field(default_factory=list)


class ReportFrequency(StrEnum):
    """How often a party reports on its promises."""

    TERTIAL = "tertial"
    QUARTER = "quarter"
    MONTH = "month"
    HALF_YEAR = "half-year"
    YEAR = "year"
    CONTINUOUS = "continuous"


class Report(Model):
    """How one party follows its promises up."""

    party: Id
    frequency: Annotated[ReportFrequency, Strict(False)]


class FollowUpPlan(Model):
    """The follow-up plan; its paragraph is generated from this unless `text` is given."""

    reports: list[Report] = Field(default_factory=list)
    summary_at_end: bool = True
    text: Paragraphs = Field(default_factory=list)


class Signatory(Model):
    """A person who signs for a party."""

    name: Text
    title: Text
    party: Id
    organisation: Text | None = Field(default=None, description="Defaults to the party's name")


MonthDay = Annotated[
    str,
    StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"),
    Field(description="Month and day as MM-DD, e.g. 01-15"),
]


class SchoolTerms(Model):
    """School-term boundaries (MM-DD); the defaults are the usual Swedish terms.

    Checked by building the calendar's `TermDates`, the one home of the rule: each boundary
    must exist every year, and the four must come in order within the year.
    """

    spring_start: MonthDay = "01-15"
    spring_end: MonthDay = "06-15"
    autumn_start: MonthDay = "08-15"
    autumn_end: MonthDay = "12-20"

    @model_validator(mode="after")
    def _real_dates(self) -> SchoolTerms:
        try:
            self.term_dates()
        except ValueError as error:
            raise PydanticCustomError("school_terms", str(error)) from None
        return self

    def term_dates(self) -> TermDates:
        """Return the boundaries as calendar values; ValueError if they are not real dates."""

        def month_day(text: str) -> tuple[int, int]:
            month, day = text.split("-")
            return int(month), int(day)

        return TermDates(
            month_day(self.spring_start),
            month_day(self.spring_end),
            month_day(self.autumn_start),
            month_day(self.autumn_end),
        )


class Signing(Model):
    """Where and when the pledge is signed, when known."""

    place: Text | None = None
    date: Date | None = None


class Pledge(Model):
    """A medborgarlöfte."""

    _folder: Path | None = PrivateAttr(default=None)

    id: Id = Field(description="Used in file names, e.g. 'landskrona-2018'")
    title: Text | None = Field(default=None, description="Defaults to one made by the template")
    language: Language = Field(default="sv", description="The documents' language: sv or en")
    municipality: Text
    area: Area | None = None
    period: PledgePeriod
    parties: Annotated[list[Party], Field(min_length=1)]
    basis: list[Annotated[Basis, Strict(False)]] = Field(default_factory=list)
    background: Paragraphs = Field(default_factory=list)
    situation: Situation | None = None
    priority_areas: list[PriorityArea] = Field(default_factory=list)
    overall_promise: Paragraphs = Field(default_factory=list)
    promise_groups: Annotated[list[PromiseGroup], Field(min_length=1)]
    goals: list[Goal] = Field(default_factory=list)
    follow_up: FollowUpPlan | None = None
    signatories: Annotated[list[Signatory], Field(min_length=1, max_length=MAX_SIGNATORIES)]
    signing: Signing = Field(default_factory=Signing)
    school_terms: SchoolTerms = Field(
        default_factory=SchoolTerms,
        description="Term dates for plans 'per term'; terms do not line up with tertials",
    )
    theme: Theme | None = Field(
        default=None, description="How the documents look: logos, colours, font, margins …"
    )

    @model_validator(mode="after")
    def _references(self) -> Pledge:
        problems = reference_problems(self)
        if problems:
            raise PydanticCustomError(
                "references",
                "; ".join(f"{format_loc(loc)}: {message}" for loc, message in problems),
                {"problems": problems},
            )
        return self

    @property
    def folder(self) -> Path | None:
        """Return the pledge folder it was loaded from (its theme's files are there), if any."""
        return self._folder

    def terms(self) -> TermDates:
        """Return the school-term dates that 'per term' plans are counted in."""
        return self.school_terms.term_dates()

    def party(self, party_id: str) -> Party:
        """Return the party with this id."""
        return next(p for p in self.parties if p.id == party_id)

    def promises(self) -> list[Promise]:
        """Return every promise in document order."""
        return [promise for group in self.promise_groups for promise in group.promises]

    def promisers(self, group: PromiseGroup, promise: Promise) -> list[Party]:
        """Return the parties that make a promise (its own, else its group's)."""
        return [self.party(pid) for pid in (promise.by or group.by)]
