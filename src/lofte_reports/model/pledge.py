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
from typing import Annotated, Literal, get_args

from pydantic import (
    Field,
    PrivateAttr,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lofte_reports.errors import Loc, format_loc
from lofte_reports.languages import Language
from lofte_reports.model.base import Date, Id, Model, Name, Paragraphs, Text, about
from lofte_reports.model.calendar import TermDates
from lofte_reports.model.references import reference_problems
from lofte_reports.model.theme import Theme

MAX_SIGNATORIES = 6
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

    model_config = about(
        "Part",
        "En organisation som ger löften och skriver under, t.ex. ett lokalpolisområde eller en kommun.",
    )

    id: Id = Field(
        description="Partens id, som resten av filen använder för att peka ut parten (i `by`, `held_by` och `party`), t.ex. `polisen`."
    )
    name: Text = Field(
        description="Organisationens fullständiga namn, t.ex. `Lokalpolisområde Landskrona`. Det står på första sidan och vid underskrifterna."
    )
    short_name: Text | None = Field(
        default=None,
        description="Ett kortare namn för löpande text, t.ex. `polisen` (som ger rubriken ”Polisen lovar”). Utelämnas det används `name`.",
    )
    kind: Annotated[PartyKind, Strict(False)] = Field(
        description="Vilken sorts organisation parten är."
    )

    @property
    def text_name(self) -> str:
        """Return the name used in running text."""
        return self.short_name or self.name


class Period(Model):
    """A span of days, both ends included."""

    model_config = about(
        "Tidsperiod", "En tidsperiod med första och sista dag, där båda dagarna räknas med."
    )

    start: Date = Field(description="Första dagen, t.ex. `2016-05-15`.")
    end: Date = Field(description="Sista dagen, t.ex. `2016-06-15`. Får inte ligga före `start`.")

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

    model_config = about(
        "Löftets period",
        "Den tid medborgarlöftet gäller: från en enda dag upp till fyra år, med början vilken dag som helst.",
    )

    start: Date = Field(description="Första dagen som löftet gäller, t.ex. `2018-01-01`.")
    end: Date = Field(
        description="Sista dagen som löftet gäller (dagen räknas med), t.ex. `2018-12-31`. Får inte ligga före `start`."
    )

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

    model_config = about("Område", "Det område i kommunen som löftet gäller.")

    name: Name = Field(
        description="Områdets namn, t.ex. `Karlslundsområdet`. Det står på dokumentets första sida."
    )
    description: Text | None = Field(
        default=None,
        description="En kort beskrivning av området, t.ex. vilka stadsdelar eller gator det omfattar.",
    )


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

    model_config = about(
        "Dialog",
        "Dialoger som hölls inför löftet: vilken sort, när, hur många gånger, vem som höll dem och vilka som deltog.",
    )

    kind: Annotated[DialogueKind, Strict(False)] = Field(
        default=DialogueKind.CITIZEN, description="Vilka dialogen fördes med."
    )
    held: Period = Field(
        description="När dialogerna hölls, som första och sista dag, t.ex. `{start: 2016-05-15, end: 2016-06-15}`."
    )
    occasions: Annotated[int, Field(ge=1)] = Field(
        default=1, description="Hur många tillfällen det var, t.ex. `5`."
    )
    held_by: list[Id] = Field(
        default_factory=list,
        description="Id för de parter som höll dialogerna, t.ex. `[polisen, landskrona-stad]`.",
    )
    participants: list[Text] = Field(
        default_factory=list,
        description="Vilka som deltog, med egna ord, t.ex. `[boende, föreningsaktiva, personer som arbetar i Karlslundsområdet]`.",
    )


class Problem(Model):
    """A problem raised in the situation picture, which goals can be traced to."""

    model_config = about(
        "Problem",
        "Ett problem som kom fram i lägesbilden eller i dialogerna, och som löften och mål kan kopplas till.",
    )

    id: Id = Field(
        description="Problemets id, som löften och mål hänvisar till i sina `problems`, t.ex. `grov-brottslighet`."
    )
    text: Text = Field(
        description="Problemet i ord, t.ex. `grov brottslighet som skottlossning och narkotikahandel`."
    )


class Situation(Model):
    """The situation today: published text, and the dialogues and problems behind it."""

    model_config = about(
        "Situationen idag",
        "Avsnittet ”Situationen idag”: texten om läget i området, och de dialoger och problem som ligger bakom den.",
    )

    text: Paragraphs = Field(
        description="Texten under rubriken ”Situationen idag”. I Landskrona beskriver den medborgardialogerna 2016 och vad som kom fram i dem."
    )
    dialogues: list[Dialogue] = Field(
        default_factory=list,
        description="De dialoger som hölls inför löftet, t.ex. fem medborgardialoger i maj–juni 2016.",
    )
    problems: list[Problem] = Field(
        default_factory=list,
        description="De problem som kom fram, vart och ett med ett id så att löften och mål kan visa vilket problem de svarar mot.",
    )


class PriorityArea(Model):
    """A priority area that promises can be grouped under."""

    model_config = about(
        "Prioriterat område",
        "Ett prioriterat område som grupper av löften och enskilda löften kan höra till.",
    )

    id: Id = Field(
        description="Områdets id, som `priority_area` i en grupp eller ett löfte hänvisar till, t.ex. `trafik`."
    )
    name: Text = Field(
        description="Områdets namn som det ska stå i dokumentet, t.ex. `Trafiksäkerhet kring skolor`."
    )


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

    model_config = about(
        "Plan",
        "En plan som går att räkna: `count` gånger per `per`, på var och en av platserna i `places` när platser anges; ”en gång per termin på var och en av tre förskolor” är `count: 1`, `per: term` och tre platser.",
    )

    count: Annotated[int, Field(ge=1)] = Field(
        description="Hur många gånger per tidsenhet, t.ex. `2` för ”vid två tillfällen per termin”. När platser anges gäller antalet för varje plats."
    )
    per: Annotated[Frequency, Strict(False)] = Field(
        description="Tidsenheten som antalet gäller. En tidsenhet som bara delvis ligger inom löftets period räknas i proportion till den del som ligger inom den."
    )
    places: list[Name] = Field(
        default_factory=list,
        description="Platser där planen gäller var för sig, t.ex. `[Tusenskönans förskola, Pilängsgårdens förskola, Drömmens förskola]`; då ska det göras `count` gånger på varje plats.",
    )
    unit: Text | None = Field(default=None, description="Vad som räknas, t.ex. `besök`.")
    counts: Literal["occasions", "times"] = Field(
        default="occasions",
        description="Hur utförda aktiviteter räknas mot planen. Utelämna nyckeln för tillfällen.",
    )


class Activity(Model):
    """A concrete activity behind a promise, kept in a separate activity plan."""

    model_config = about(
        "Aktivitet i handlingsplan",
        "En konkret aktivitet bakom ett löfte, hämtad ur en separat handlingsplan.",
    )

    id: Id = Field(description="Aktivitetens id, t.ex. `kvallspatrull`.")
    text: Text = Field(
        description="Aktiviteten i ord, t.ex. ”Fotpatrullering i området två kvällar i veckan”."
    )
    plan: Plan | None = Field(
        default=None, description="Hur ofta aktiviteten ska göras, skrivet som ett löftes `plan`."
    )


class Promise(Model):
    """One promise: its published wording and, where it has one, its plan."""

    model_config = about(
        "Löfte",
        "Ett löfte: texten som publiceras och, när löftet går att räkna, en plan för hur ofta något ska göras.",
    )

    id: Id = Field(
        description="Löftets id, t.ex. `besok-forskolor`. Uppföljningen hänvisar till löftet med det (`promise`), så ändra det inte när uppföljningen har börjat. Ett löfte och ett mål får inte ha samma id."
    )
    text: Text = Field(
        description="Löftet ordagrant som det ska publiceras, t.ex. ”Polisen ska vid två tillfällen per termin besöka Ungdomshuset Karlslund.”"
    )
    title: Text | None = Field(
        default=None,
        description="En kort rubrik som står i fetstil före löftets text och i uppföljningens tabeller. Utelämnas den visar uppföljningen löftets text i stället.",
    )
    by: list[Id] = Field(
        default_factory=list,
        description="Id för de parter som ger just det här löftet, om det inte är samma som gruppens `by`, t.ex. `[polisen, landskrona-stad]` för ett gemensamt löfte.",
    )
    plan: Plan | None = Field(
        default=None,
        description="Hur ofta löftet ska genomföras, i en form som går att räkna, så att uppföljningen kan jämföra planerat och utfört. Utelämna den för löften som inte går att räkna, t.ex. ”Den polisiära synligheten i området ska vara fortsatt hög”; dem följer ni upp med bedömningar.",
    )
    priority_area: Id | None = Field(
        default=None,
        description="Id för det prioriterade område som löftet hör till, om inte gruppen redan anger det.",
    )
    problems: list[Id] = Field(
        default_factory=list,
        description="Id för de problem (under `situation`) som löftet svarar mot, t.ex. `[lagt-fortroende, aktiviteter-unga]`.",
    )
    activity_plan: Text | None = Field(
        default=None,
        description="Namnet på den separata handlingsplan där löftets aktiviteter står, om det finns en, t.ex. `Handlingsplan för trygghet i Karlslund 2018`.",
    )
    activities: list[Activity] = Field(
        default_factory=list,
        description="De konkreta aktiviteterna bakom löftet, när de finns i en separat handlingsplan (`activity_plan`).",
    )


class PromiseGroup(Model):
    """Promises shown together: by party, by priority area, or mixed."""

    model_config = about(
        "Grupp av löften",
        "En grupp löften som visas tillsammans under en egen rubrik, t.ex. allt som polisen lovar.",
    )

    heading: Text | None = Field(
        default=None,
        description="Gruppens rubrik, t.ex. `Landskrona stads satsningar i området`. Utelämnas den blir rubriken ”‹part› lovar” efter parterna i `by`, t.ex. ”Polisen lovar”.",
    )
    by: list[Id] = Field(
        default_factory=list,
        description="Id för de parter som ger löftena i gruppen, t.ex. `[polisen]`. Varje löfte måste få minst en part, här eller i löftets eget `by`.",
    )
    priority_area: Id | None = Field(
        default=None,
        description="Id för det prioriterade område som gruppen hör till, om löftena är ordnade efter prioriterade områden.",
    )
    intro: Paragraphs = Field(
        default_factory=list, description="Text som står efter rubriken och före löftena."
    )
    style: Literal["bullets", "numbered", "paragraphs"] = Field(
        default="bullets", description="Hur löftena i gruppen visas."
    )
    promises: Annotated[list[Promise], Field(min_length=1)] = Field(
        description="Löftena i gruppen, i den ordning de ska stå."
    )


class IndicatorSource(StrEnum):
    """Where indicator readings come from."""

    SAFETY_SURVEY = "safety-survey"
    REPORTED_CRIME = "reported-crime"
    OTHER = "other"


class Indicator(Model):
    """What is measured to follow a goal up."""

    model_config = about(
        "Mått",
        "Det som mäts för att följa upp ett mål, t.ex. andelen boende som känner sig trygga.",
    )

    id: Id = Field(
        description="Måttets id, som uppföljningen hänvisar till (`indicator` i utgångsvärden och mätvärden), t.ex. `andel-trygga`."
    )
    name: Text = Field(
        description="Måttets namn i uppföljningens tabeller, t.ex. `Andel boende som känner sig trygga i området`."
    )
    source: Annotated[IndicatorSource, Strict(False)] = Field(
        description="Var mätvärdena kommer ifrån."
    )
    source_text: Text = Field(
        description="Källan som den ska stå i meningen ”Uppföljning kommer att ske via …”, t.ex. `polisens trygghetsmätning`."
    )
    direction: Literal["increase", "decrease"] = Field(
        description="Åt vilket håll måttet ska gå för att målet ska nås."
    )
    unit: Text | None = Field(
        default=None, description="Enheten för värdena, t.ex. `procent` eller `antal`."
    )
    kind: Literal["share", "count", "index", "other"] | None = Field(
        default=None,
        description="Vad värdet är. Utelämna nyckeln för andel när enheten är `%` eller `procent`, antal för anmälda brott och annars annat.",
    )
    margin: Annotated[float, Field(ge=0)] | None = Field(
        default=None,
        description="Felmarginalen: en ändring som inte är större än så räknas som oförändrad, t.ex. `3` (procentenheter) för en trygghetsmätning i ett litet område. Utan felmarginal säger uppföljningen bara hur mycket värdet har ändrats.",
    )
    per_period: bool | None = Field(
        default=None,
        description="`true` när varje mätvärde är ett antal under en period, t.ex. anmälda brott per tertial; då jämförs årets summa. Utelämna nyckeln för `true` vid anmälda brott och annars `false`.",
    )
    schedule: Text | None = Field(
        default=None,
        description="När måttet mäts, med egna ord, t.ex. `en gång per år, på hösten`. En tertialuppföljning utan nytt mätvärde säger då när nästa mätning kommer.",
    )


class Target(Model):
    """The value a goal's indicator is to reach, and by when."""

    model_config = about("Målvärde", "Det värde som måttet ska nå, och senast när.")

    value: float = Field(description="Målvärdet utan enhet, t.ex. `55`.")
    date: Date = Field(description="Senast den dagen ska målvärdet vara nått, t.ex. `2018-12-31`.")


class Goal(Model):
    """A joint goal, with the indicator it is followed up by."""

    model_config = about("Mål", "Ett gemensamt mål, med det mått som visar om målet nås.")

    id: Id = Field(
        description="Målets id, t.ex. `upplevd-trygghet`. Ett mål och ett löfte får inte ha samma id."
    )
    text: Text = Field(
        description="Målet som det ska publiceras, t.ex. ”Den upplevda tryggheten i området ska öka.”"
    )
    indicator: Indicator = Field(description="Måttet som målet följs upp med.")
    target: Target | None = Field(
        default=None,
        description="Målvärdet och dagen då det ska vara nått, t.ex. `{value: 55, date: 2018-12-31}`. Utan målvärde kan uppföljningen bara säga åt vilket håll måttet har gått.",
    )
    problems: list[Id] = Field(
        default_factory=list,
        description="Id för de problem (under `situation`) som målet svarar mot, t.ex. `[grov-brottslighet]`.",
    )


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

    model_config = about("Rapportering", "Hur ofta en part rapporterar om sina löften.")

    party: Id = Field(description="Id för parten, t.ex. `polisen`.")
    frequency: Annotated[ReportFrequency, Strict(False)] = Field(
        description="Hur ofta parten rapporterar."
    )


class FollowUpPlan(Model):
    """The follow-up plan; its paragraph is generated from this unless `text` is given."""

    model_config = about(
        "Uppföljningsplan",
        "Hur löftena följs upp; avsnittet ”Följ med i hur det går!” skrivs utifrån detta om inte en egen `text` anges.",
    )

    reports: list[Report] = Field(
        default_factory=list,
        description="Hur ofta varje part rapporterar, t.ex. polisen tertialvis och Landskrona stad löpande.",
    )
    summary_at_end: bool = Field(
        default=True,
        description="Om en sammanfattning av insatserna och deras resultat ska göras när löftet löper ut (vid årsskiftet när löftet gäller hela kalenderår). Skriv `false` för att ta bort den meningen.",
    )
    text: Paragraphs = Field(
        default_factory=list,
        description="En egen text för avsnittet, i stället för den som skrivs utifrån `reports` och `summary_at_end`.",
    )


class Signatory(Model):
    """A person who signs for a party."""

    model_config = about("Undertecknare", "En person som skriver under för en part.")

    name: Name = Field(description="Personens namn, t.ex. `Anneli Manelli`.")
    title: Text = Field(description="Personens titel, t.ex. `Lokalpolisområdeschef`.")
    party: Id = Field(
        description="Id för den part som personen skriver under för, t.ex. `polisen`."
    )
    organisation: Text | None = Field(
        default=None,
        description="Organisationen som den ska stå under personens namn. Utelämnas den används partens `name`.",
    )


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

    model_config = about(
        "Terminer",
        "Terminernas första och sista dagar, skrivna som månad och dag; standardvärdena är de vanliga svenska terminerna.",
    )

    spring_start: MonthDay = Field(
        default="01-15", description="Vårterminens första dag, t.ex. `01-15` för den 15 januari."
    )
    spring_end: MonthDay = Field(
        default="06-15", description="Vårterminens sista dag, t.ex. `06-15` för den 15 juni."
    )
    autumn_start: MonthDay = Field(
        default="08-15", description="Höstterminens första dag, t.ex. `08-15` för den 15 augusti."
    )
    autumn_end: MonthDay = Field(
        default="12-20", description="Höstterminens sista dag, t.ex. `12-20` för den 20 december."
    )

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

    model_config = about(
        "Undertecknande", "Var och när löftet skrivs under, om det är känt när dokumentet skapas."
    )

    place: Name | None = Field(
        default=None,
        description="Orten, t.ex. `Landskrona`. Utelämnas den blir raden tom, att fylla i för hand.",
    )
    date: Date | None = Field(
        default=None,
        description="Datumet, t.ex. `2018-02-15`. Utelämnas det blir raden tom, att fylla i för hand.",
    )


StandardSection = Literal[
    "background", "situation", "priority_areas", "promises", "goals", "follow_up", "signatures"
]
"""The pledge document's standard sections, in their usual order."""

STANDARD_SECTIONS: tuple[str, ...] = get_args(StandardSection)


class Section(Model):
    """A section in the pledge's own words: heading, paragraphs, a list and sub-sections."""

    model_config = about(
        "Eget avsnitt",
        "Ett avsnitt med egna ord: en rubrik, stycken, en lista och underavsnitt, t.ex. ”Vad är ett medborgarlöfte?” eller ”Bakgrund”.",
    )

    heading: Text = Field(description="Avsnittets rubrik, t.ex. `Vad är ett medborgarlöfte?`.")
    text: Paragraphs = Field(
        default_factory=list, description="Styckena under rubriken, ordagrant."
    )
    items: list[Text] = Field(
        default_factory=list,
        description="En punktlista efter styckena, en text per punkt.",
    )
    numbered: bool = Field(
        default=False, description="Skriv `true` för att numrera punkterna i `items`."
    )
    after_items: Paragraphs = Field(
        default_factory=list, description="Stycken som står efter listan."
    )
    sections: list[Section] = Field(
        default_factory=list,
        description="Underavsnitt med mindre rubriker, skrivna på samma sätt.",
    )


class PledgeSection(Section):
    """A section of the pledge's own, and where it goes among the standard sections."""

    model_config = about(
        "Eget avsnitt i löftet",
        "Ett eget avsnitt i medborgarlöftet, och var det står bland standardavsnitten. Utan `before`, `after` och `order` står det före underskrifterna.",
    )

    id: Id | None = Field(
        default=None,
        description="Avsnittets id, som behövs när `order` i löftet anger ordningen, t.ex. `vad-ar`.",
    )
    before: StandardSection | None = Field(
        default=None,
        description="Standardavsnittet som avsnittet ska stå före, t.ex. `situation`.",
    )
    after: StandardSection | None = Field(
        default=None,
        description="Standardavsnittet som avsnittet ska stå efter, t.ex. `promises`.",
    )

    @model_validator(mode="after")
    def _one_place(self) -> PledgeSection:
        if self.before is not None and self.after is not None:
            raise PydanticCustomError(
                "section_place", "ange antingen before eller after, inte båda"
            )
        return self


class Headings(Model):
    """Other words for the standard sections' headings."""

    model_config = about(
        "Rubriker",
        "Egna rubriker för standardavsnitten, i stället för de vanliga.",
    )

    situation: Text | None = Field(
        default=None, description="I stället för ”Situationen idag”, t.ex. `Lägesbild`."
    )
    promises: Text | None = Field(default=None, description="I stället för ”Det här ska vi göra”.")
    goals: Text | None = Field(
        default=None, description="I stället för ”Det här ska vi åstadkomma tillsammans”."
    )
    follow_up: Text | None = Field(
        default=None, description="I stället för ”Följ med i hur det går!”."
    )
    signatures: Text | None = Field(default=None, description="I stället för ”Underskrifter”.")


class Pledge(Model):
    """A medborgarlöfte."""

    model_config = about(
        "Medborgarlöftet",
        "Hela filen `pledge.yaml`: ett medborgarlöfte från polisen och kommunen (och ibland fler parter), med nycklarna nedan längst till vänster i filen, utan indrag.",
    )

    _folder: Path | None = PrivateAttr(default=None)
    _written_language: Language | None = PrivateAttr(default=None)

    id: Id = Field(
        description="Löftets id. Det används i namnen på de filer som skapas, t.ex. `landskrona-2018` som ger `medborgarlofte-landskrona-2018.pdf`."
    )
    title: Text | None = Field(
        default=None,
        description="Dokumentets rubrik. Utelämna nyckeln för att få rubriken ”Medborgarlöfte i ‹kommun› ‹period›”, t.ex. ”Medborgarlöfte i Landskrona kommun 2018”.",
    )
    language: Language = Field(
        default="sv",
        description="Språket i dokumenten: svenska (sv) eller engelska (en). Kan också väljas med `--lang` när dokumenten skrivs. En text kan ges på flera språk: `{sv: …, en: …}`.",
    )
    municipality: Name = Field(
        description="Kommunens namn som det ska stå i dokumentet och i rubriken, t.ex. `Landskrona kommun`."
    )
    area: Area | None = Field(
        default=None,
        description="Det område i kommunen som löftet gäller, t.ex. Karlslundsområdet. Utelämna nyckeln om löftet gäller hela kommunen.",
    )
    period: PledgePeriod = Field(
        description="Den tid löftet gäller, med första och sista dag, t.ex. 2018-01-01 till 2018-12-31."
    )
    parties: Annotated[list[Party], Field(min_length=1)] = Field(
        description="De organisationer som ger löftet och skriver under, t.ex. Lokalpolisområde Landskrona och Landskrona stad."
    )
    basis: list[Annotated[Basis, Strict(False)]] = Field(
        default_factory=list,
        description="Vad löftet har arbetats fram utifrån. I Landskrona: `[situation-picture, safety-surveys, citizen-dialogues, staff-dialogues]`.",
    )
    background: Paragraphs = Field(
        default_factory=list,
        description="Inledningen som står först i dokumentet: varför löftet finns och hur det har tagits fram.",
    )
    situation: Situation | None = Field(
        default=None,
        description="Avsnittet ”Situationen idag”: lägesbilden, de dialoger som hölls och de problem som kom fram. Utelämna nyckeln om dokumentet inte ska ha avsnittet.",
    )
    priority_areas: list[PriorityArea] = Field(
        default_factory=list,
        description="Prioriterade områden som löftena kan ordnas under, t.ex. trafik eller ungdomar. Dokumentet räknar upp dem före löftena. Landskrona har inga.",
    )
    overall_promise: Paragraphs = Field(
        default_factory=list,
        description="Det gemensamma löftet som inleder avsnittet ”Det här ska vi göra”, t.ex. ”Lokalpolisområde Landskrona och Landskrona stad lovar att under 2018 tillsammans arbeta för att minska brottsligheten …”.",
    )
    promise_groups: Annotated[list[PromiseGroup], Field(min_length=1)] = Field(
        description="Löftena, i grupper som visas var för sig under egna rubriker, oftast en grupp per part (i Landskrona ”Polisen lovar” och ”Landskrona stads satsningar i området”)."
    )
    goals: list[Goal] = Field(
        default_factory=list,
        description="De gemensamma målen under rubriken ”Det här ska vi åstadkomma tillsammans”, vart och ett med det mått som visar om målet nås.",
    )
    follow_up: FollowUpPlan | None = Field(
        default=None,
        description="Hur löftena följs upp; utifrån detta skrivs avsnittet ”Följ med i hur det går!”. Utelämna nyckeln om dokumentet inte ska ha avsnittet.",
    )
    signatories: Annotated[list[Signatory], Field(max_length=MAX_SIGNATORIES)] = Field(
        default_factory=list,
        description="De personer som skriver under (högst sex), i den ordning de ska stå i underskriftsblocket. Utan undertecknare får dokumentet inget underskriftsblock, och `validate` varnar.",
    )
    sections: list[PledgeSection] = Field(
        default_factory=list,
        description="Egna avsnitt med rubrik, stycken, listor och underavsnitt, och var de ska stå (`before` eller `after` ett standardavsnitt, eller i `order`).",
    )
    order: list[Id] | None = Field(
        default=None,
        description="Ordningen mellan avsnitten efter rubriken: standardavsnittens namn (`background`, `situation`, `priority_areas`, `promises`, `goals`, `follow_up`, `signatures`) och de egna avsnittens `id`. Ett standardavsnitt som inte står med blir inte med. Utelämna nyckeln för den vanliga ordningen.",
    )
    headings: Headings = Field(
        default_factory=Headings,
        description="Egna rubriker för standardavsnitten, t.ex. `{situation: Lägesbild}`.",
    )
    priority_areas_intro: Text | None = Field(
        default=None,
        description="Meningen före listan med prioriterade områden, ordagrant, t.ex. `Medborgarlöftet utgår från tre områden samt ett område som kan förändras:`. Utelämnas den räknas områdena (”Medborgarlöftet utgår från tre prioriterade områden:”).",
    )
    signing: Signing = Field(
        default_factory=Signing,
        description="Ort och datum för underskrifterna, om de är kända när dokumentet skapas.",
    )
    school_terms: SchoolTerms = Field(
        default_factory=SchoolTerms,
        description="När terminerna börjar och slutar, för planer som räknas per termin (`per: term`). Terminerna följer inte tertialerna. Utelämna nyckeln för de vanliga svenska terminerna.",
    )
    theme: Theme | None = Field(
        default=None,
        description="Hur dokumenten ser ut: logotyper, färger, typsnitt, marginaler, sidhuvud och sidfot, och en Word-mall. Utelämnas nyckeln ser dokumenten ut som vanligt.",
    )

    @model_validator(mode="after")
    def _references(self) -> Pledge:
        problems = reference_problems(self) + self._section_problems()
        if problems:
            raise PydanticCustomError(
                "references",
                "; ".join(f"{format_loc(loc)}: {message}" for loc, message in problems),
                {"problems": problems},
            )
        return self

    def _section_problems(self) -> list[tuple[Loc, str]]:
        ids = [section.id for section in self.sections if section.id is not None]
        problems: list[tuple[Loc, str]] = [
            (("sections",), f"två egna avsnitt har samma id {dup!r}")
            for dup in sorted({i for i in ids if ids.count(i) > 1})
        ]
        if self.order is not None:
            for n, name in enumerate(self.order):
                if name not in STANDARD_SECTIONS and name not in ids:
                    problems.append(
                        (
                            ("order", n),
                            f"{name!r} är varken ett standardavsnitt eller ett eget avsnitts id",
                        )
                    )
            for n, section in enumerate(self.sections):
                if section.id not in self.order:
                    problems.append(
                        (
                            ("sections", n),
                            "avsnittet står inte i order; ge det ett id och skriv in det där",
                        )
                    )
        return problems

    def section_order(self) -> list[str | PledgeSection]:
        """Return the sections after the title in document order: standard names and own sections."""
        if self.order is not None:
            own = {section.id: section for section in self.sections}
            return [own.get(name, name) for name in self.order]
        placed: list[str | PledgeSection] = []
        for name in STANDARD_SECTIONS:
            placed += [s for s in self.sections if s.before == name]
            if name == "signatures":
                placed += [s for s in self.sections if s.before is None and s.after is None]
            placed.append(name)
            placed += [s for s in self.sections if s.after == name]
        return placed

    @property
    def written_language(self) -> Language:
        """Return the language the data's plain texts are in: the file's own `language`.

        Loading with another language (`--lang en`) changes `language`, not this.
        """
        return self._written_language or self.language

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


VALUE_GLOSSES: dict[str, str] = {
    "Pledge.language.sv": "svenska",
    "Pledge.language.en": "engelska",
    "PartyKind.police": "polisen",
    "PartyKind.municipality": "kommun",
    "PartyKind.district-administration": "stadsdelsförvaltning",
    "PartyKind.housing-company": "bostadsbolag",
    "PartyKind.association": "förening",
    "PartyKind.other": "annan organisation",
    "Basis.situation-picture": "lokal lägesbild",
    "Basis.safety-surveys": "trygghetsmätningar",
    "Basis.citizen-dialogues": "medborgardialoger",
    "Basis.staff-dialogues": "medarbetardialoger",
    "Basis.other": "annat underlag",
    "DialogueKind.citizen-dialogue": "medborgardialog",
    "DialogueKind.staff-dialogue": "medarbetardialog",
    "PromiseGroup.style.bullets": "punktlista",
    "PromiseGroup.style.numbered": "numrerad lista",
    "PromiseGroup.style.paragraphs": "ett stycke per löfte",
    "Plan.counts.occasions": "tillfällen: allt på samma plats samma dag är ett tillfälle",
    "Plan.counts.times": "gånger: varje gång räknas med sitt antal, även flera samma dag",
    "Frequency.week": "vecka",
    "Frequency.month": "månad",
    "Frequency.term": "termin, se `school_terms`",
    "Frequency.tertial": "tertial: januari–april, maj–augusti, september–december",
    "Frequency.year": "kalenderår",
    "Frequency.period": "hela löftets period",
    "IndicatorSource.safety-survey": "trygghetsmätning",
    "IndicatorSource.reported-crime": "anmälda brott",
    "IndicatorSource.other": "annan källa",
    "Indicator.direction.increase": "ska öka",
    "Indicator.direction.decrease": "ska minska",
    "Indicator.kind.share": "andel i procent; ändringar räknas i procentenheter",
    "Indicator.kind.count": "antal",
    "Indicator.kind.index": "index, t.ex. polisregion Syds trygghetsindex",
    "Indicator.kind.other": "annat värde",
    "ReportFrequency.tertial": "tertialvis",
    "ReportFrequency.quarter": "kvartalsvis",
    "ReportFrequency.month": "månadsvis",
    "ReportFrequency.half-year": "halvårsvis",
    "ReportFrequency.year": "årsvis",
    "ReportFrequency.continuous": "löpande under året",
}
"""What each value of an enum or a choice means, in Swedish, for the data-format reference
and the JSON Schema; keyed "Enum.value" or "Model.field.value"."""

SECTION_GLOSSES: dict[str, str] = {
    "background": "inledningen först i dokumentet",
    "situation": "”Situationen idag”",
    "priority_areas": "listan med prioriterade områden",
    "promises": "”Det här ska vi göra”, med löftena",
    "goals": "”Det här ska vi åstadkomma tillsammans”, med målen",
    "follow_up": "”Följ med i hur det går!”",
    "signatures": "underskrifterna",
}
"""What each standard section is, for the glosses of `before` and `after`."""

VALUE_GLOSSES.update(
    {
        f"PledgeSection.{where}.{name}": gloss
        for where in ("before", "after")
        for name, gloss in SECTION_GLOSSES.items()
    }
)
