"""The follow-up data administrators keep during the year, as typed records.

Activity records (what was done, when and where), assessments where a number cannot tell,
indicator readings with their baselines, and a narrative per period. Records refer to the
pledge by promise, goal-indicator and period ids; `followup_problems` checks those.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, Strict, StringConstraints

from lofte_reports.model.base import Date, Id, Model, Name, Paragraphs, Text, about
from lofte_reports.model.status import Status, Verdict

PeriodKey = Annotated[
    str,
    StringConstraints(pattern=r"^(\d{4}(-[Tt][1-3])?|all)$"),
    AfterValidator(lambda key: key.replace("-t", "-T")),  # as ReportingPeriod.key writes it
    Field(description="A tertial ('2018-T2'), a year ('2018') or the whole period ('all')"),
]


class ActivityRecord(Model):
    """Something done for a promise: when, how many times, where."""

    model_config = about(
        "Utförd aktivitet", "Något som har gjorts för ett löfte: när, hur många gånger och var."
    )

    date: Date = Field(
        description="Dagen då det gjordes, t.ex. `2018-03-06`. Den måste ligga inom löftets period."
    )
    promise: Id = Field(
        description="Id för löftet som aktiviteten hör till, t.ex. `besok-forskolor`."
    )
    count: Annotated[int, Field(ge=1)] = Field(
        default=1,
        description="Hur många gånger det gjordes den dagen. Antalet räknas mot löftets plan.",
    )
    place: Name | None = Field(
        default=None, description="Var det gjordes, t.ex. `Tusenskönans förskola`."
    )
    note: Text | None = Field(
        default=None, description="En kort anteckning, t.ex. `Besök med polisbil`."
    )


class Assessment(Model):
    """A judgement of a promise for a period, where a number cannot tell or needs a word.

    Where the status can be computed, giving another status here overrides it and then
    needs a `reason`.
    """

    model_config = about(
        "Bedömning",
        "En bedömning av hur det går med ett löfte under en period, när ett antal inte räcker för att säga det.",
    )

    promise: Id = Field(description="Id för löftet som bedöms, t.ex. `fritidsaktiviteter`.")
    period: PeriodKey = Field(description="Perioden som bedömningen gäller, t.ex. `2018-T1`.")
    status: Annotated[Status, Strict(False)] | None = Field(
        default=None,
        description="Löftets status. För löften med en plan räknas statusen fram ur de utförda aktiviteterna: utelämna då `status`, eller ange en egen status som ersätter den framräknade och skriv skälet i `reason`.",
    )
    comment: Text | None = Field(
        default=None,
        description="En kommentar som står vid löftet i uppföljningen, t.ex. `Sex underrättelsestyrda insatser med fokus på narkotika.`",
    )
    reason: Text | None = Field(
        default=None,
        description="Skälet till bedömningen. Måste anges när `status` anges för ett löfte som har en plan, eftersom statusen då ersätter den framräknade.",
    )
    next_steps: Text | None = Field(
        default=None,
        description="Vad som görs härnäst med löftet, t.ex. `Ny tidplan för Puls Arena tas fram i maj.` Det står under rubriken ”Nästa steg”.",
    )
    verdict: Annotated[Verdict, Strict(False)] | None = Field(
        default=None,
        description='Slutbedömningen av ett löfte utan plan för ett år eller hela perioden (`period: "2018"` eller `all`). För löften med plan räknas den fram.',
    )
    cause: Text | None = Field(
        default=None,
        description="Vid en avvikelse: orsaken, t.ex. `Besöket ställdes in på grund av sjukdom.`",
    )
    consequence: Text | None = Field(
        default=None, description="Vid en avvikelse: vad den får för följder."
    )
    action: Text | None = Field(
        default=None,
        description="Vid en avvikelse: vad som görs för att rätta till den, t.ex. `Besöket görs i januari 2019.`",
    )


class Baseline(Model):
    """The value an indicator is measured against."""

    model_config = about(
        "Utgångsvärde",
        "Det värde som ett mått jämförs med, oftast uppmätt innan löftet började gälla.",
    )

    indicator: Id = Field(description="Id för måttet, t.ex. `andel-trygga`.")
    value: float = Field(
        description="Värdet utan enhet, t.ex. `63`. Decimaler skrivs med punkt, t.ex. `12.5`."
    )
    measured: Text = Field(
        description="När eller hur värdet mättes, med egna ord, t.ex. `trygghetsmätningen 2017` eller `genomsnitt per tertial 2017`."
    )
    period: PeriodKey | None = Field(
        default=None,
        description='Perioden som värdet gäller, t.ex. `"2017"` för hela årets antal. Utan period räknas värdet som ett värde per mätperiod, t.ex. ett genomsnitt per tertial.',
    )
    note: Text | None = Field(default=None, description="En anteckning om värdet.")


class Reading(Model):
    """One reading of an indicator, dated by the day it was measured.

    In files a reading may give a `period` instead ("2018-T1" for crimes reported during
    a tertial); the loader then dates it on the period's last day.
    """

    model_config = about("Mätvärde", "Ett mätvärde för ett mått, vid ett visst datum.")

    indicator: Id = Field(description="Id för måttet, t.ex. `andel-fortroende`.")
    date: Date = Field(
        description="Dagen då värdet mättes, eller sista dagen som det gäller, t.ex. `2018-10-15`. Den måste ligga inom löftets period. Kan utelämnas om `period` anges."
    )
    period: PeriodKey | None = Field(
        default=None,
        description="Perioden som värdet gäller, i stället för `date`, t.ex. `2018-T1` för antalet anmälda brott under tertialen. Värdet dateras då till periodens sista dag.",
    )
    value: float = Field(
        description="Värdet utan enhet, t.ex. `52`. Decimaler skrivs med punkt, t.ex. `12.5`."
    )
    source: Text | None = Field(
        default=None,
        description="Var värdet kommer ifrån, t.ex. `Polisens trygghetsmätning hösten 2018`. Utelämnas den används måttets `source_text`.",
    )
    note: Text | None = Field(default=None, description="En anteckning om värdet.")


class Narrative(Model):
    """What the administrators say about a period in their own words."""

    model_config = about(
        "Berättelse för en period",
        "Det ni själva vill berätta om en period: vad som har hänt, vad som har fungerat och vad som görs härnäst.",
    )

    period: PeriodKey = Field(
        description='Perioden som texten gäller, t.ex. `2018-T1` för en tertial eller `"2018"` för hela året.'
    )
    summary: Paragraphs = Field(
        default_factory=list,
        description="En sammanfattning av perioden, under rubriken ”Sammanfattning”.",
    )
    events: Paragraphs = Field(
        default_factory=list,
        description="Händelser som har påverkat arbetet, t.ex. ”En skottlossning i mars ledde till förstärkt närvaro i området under två veckor.”",
    )
    extra_activities: list[Text] = Field(
        default_factory=list,
        description="Aktiviteter som har gjorts utöver löftet, en per post i listan, t.ex. `Informationsmöte om grannsamverkan i Karlslund (22 mars).`",
    )
    next_steps: Paragraphs = Field(
        default_factory=list,
        description="Vad som görs härnäst, t.ex. `Höstterminens besök planeras in i september.`",
    )
    worked: Paragraphs = Field(
        default_factory=list,
        description="Vad som har fungerat bra, oftast i sammanfattningen av ett helt år.",
    )
    did_not_work: Paragraphs = Field(
        default_factory=list,
        description="Vad som inte har fungerat, oftast i sammanfattningen av ett helt år. Det står under rubriken ”Det här behöver bli bättre”.",
    )
    prepared_by: Text | None = Field(
        default=None,
        description="Vem som har skrivit uppföljningen av just den här perioden, t.ex. `Kim Exempel, kommunpolis, Lokalpolisområde Landskrona`. Utelämnas det används `prepared_by` i uppföljningsfilen.",
    )
    prepared_on: Date | None = Field(
        default=None,
        description="Dagen då uppföljningen av perioden blev klar, t.ex. `2018-05-15`. Utelämnas det används `prepared_on` i uppföljningsfilen.",
    )
    decision: Text | None = Field(
        default=None,
        description="Vem som har behandlat eller beslutat om uppföljningen, och när, t.ex. `Behandlad av styrgruppen för samverkan polis–kommun den 12 februari 2019, § 4 (dnr KS 2019/12).` Raden står sist i dokumentet, där medborgarlöftet har sina underskrifter.",
    )


class FollowUpFile(Model):
    """One follow-up YAML file; a pledge folder may split its follow-up over several."""

    model_config = about(
        "Uppföljningsfil",
        "En uppföljningsfil (YAML eller JSON) i mappen `followup/`, med nycklarna nedan längst till vänster i filen; uppföljningen kan delas upp på flera filer, t.ex. en per tertial.",
    )

    example_data: bool = Field(
        default=False,
        description="Skriv `true` om uppgifterna är påhittade, t.ex. för att visa eller öva: då står det ”Exempeldata – fiktiva uppgifter” på varje sida. Det räcker att en av filerna säger det.",
    )
    prepared_by: Text | None = Field(
        default=None,
        description="Vem som har sammanställt uppföljningen, t.ex. `Kommunpolis Kim Exempel, Lokalpolisområde Landskrona`. Om flera filer anger det gäller den första i bokstavsordning.",
    )
    prepared_on: Date | None = Field(
        default=None,
        description="Dagen då uppföljningen sammanställdes, t.ex. `2019-01-15`. Om flera filer anger det gäller det senaste datumet.",
    )
    activities: list[ActivityRecord] = Field(
        default_factory=list,
        description="Utförda aktiviteter, en post per aktivitet. Det är ofta enklare att föra dem i en aktivitetslista (CSV), se nedan.",
    )
    assessments: list[Assessment] = Field(
        default_factory=list,
        description="Bedömningar av hur det går med löftena under en period, t.ex. för löften som inte går att räkna.",
    )
    baselines: list[Baseline] = Field(
        default_factory=list,
        description="Utgångsvärden för målens mått: de värden som mätvärdena jämförs med.",
    )
    readings: list[Reading] = Field(
        default_factory=list,
        description="Mätvärden för målens mått, t.ex. från trygghetsmätningen eller statistiken över anmälda brott.",
    )
    narratives: list[Narrative] = Field(
        default_factory=list,
        description="Det ni vill berätta med egna ord om en period: sammanfattning, händelser, vad som fungerat och nästa steg.",
    )


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
