"""The reference of the data format, in Swedish, generated from the models.

Administrators write `pledge.yaml` and the follow-up files by hand; this module walks
`Pledge` and `FollowUpFile` (through nested models, lists, Optional and Annotated) and
writes a Markdown reference of every key they can write, with its type, whether it is
required and a description in Swedish. The descriptions are kept in `DESCRIPTIONS`; the
test suite fails when a field, an enum value or a Literal value lacks one, or when one is
left over, so the reference cannot drift from the code. Regenerate the committed copy with

    python -m lofte_reports.app.reference > docs/dataformat.md
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from lofte_reports.input.followup import COLUMNS, FOLLOWUP_FOLDER, REQUIRED_COLUMNS
from lofte_reports.model.base import Date, Id, Paragraphs, Text
from lofte_reports.model.followup import ActivityRecord, FollowUpFile, PeriodKey
from lofte_reports.model.pledge import MonthDay, Pledge
from lofte_reports.model.theme import AssetPath, Colour

ROOTS: tuple[type[BaseModel], ...] = (Pledge, FollowUpFile)
"""The models of whole files: `pledge.yaml` and each file in `followup/`."""

GENERATE_COMMAND = "python -m lofte_reports.app.reference > docs/dataformat.md"

HEADINGS: dict[str, str] = {
    "Pledge": "Medborgarlöftet",
    "PledgePeriod": "Löftets period",
    "Area": "Område",
    "Party": "Part",
    "Situation": "Situationen idag",
    "Dialogue": "Dialog",
    "Period": "Tidsperiod",
    "Problem": "Problem",
    "PriorityArea": "Prioriterat område",
    "PromiseGroup": "Grupp av löften",
    "Promise": "Löfte",
    "Plan": "Plan",
    "Activity": "Aktivitet i handlingsplan",
    "Goal": "Mål",
    "Indicator": "Mått",
    "Target": "Målvärde",
    "FollowUpPlan": "Uppföljningsplan",
    "Report": "Rapportering",
    "Signatory": "Undertecknare",
    "Signing": "Undertecknande",
    "SchoolTerms": "Terminer",
    "Theme": "Utseende (tema)",
    "ThemeLogo": "Logotyp",
    "ThemeColours": "Färger",
    "ThemeFont": "Typsnitt",
    "Margins": "Marginaler",
    "FollowUpFile": "Uppföljningsfil",
    "ActivityRecord": "Utförd aktivitet",
    "Assessment": "Bedömning",
    "Baseline": "Utgångsvärde",
    "Reading": "Mätvärde",
    "Narrative": "Berättelse för en period",
}
"""The Swedish section heading of each model, keyed by class name."""

DESCRIPTIONS: dict[str, str] = {
    # --- pledge.yaml ---------------------------------------------------------------------
    "Pledge": "Hela filen `pledge.yaml`: ett medborgarlöfte från polisen och kommunen (och ibland fler parter), med nycklarna nedan längst till vänster i filen, utan indrag.",
    "Pledge.id": "Löftets id. Det används i namnen på de filer som skapas, t.ex. `landskrona-2018` som ger `medborgarlofte-landskrona-2018.pdf`.",
    "Pledge.title": "Dokumentets rubrik. Utelämna nyckeln för att få rubriken ”Medborgarlöfte i ‹kommun› ‹period›”, t.ex. ”Medborgarlöfte i Landskrona kommun 2018”.",
    "Pledge.language": (
        "Språket i dokumenten: svenska (sv) eller engelska (en). Kan också väljas med "
        "`--lang` när dokumenten skrivs. En text kan ges på flera språk: `{sv: …, en: …}`."
    ),
    "Pledge.language.sv": "svenska",
    "Pledge.language.en": "engelska",
    "Pledge.municipality": "Kommunens namn som det ska stå i dokumentet och i rubriken, t.ex. `Landskrona kommun`.",
    "Pledge.area": "Det område i kommunen som löftet gäller, t.ex. Karlslundsområdet. Utelämna nyckeln om löftet gäller hela kommunen.",
    "Pledge.period": "Den tid löftet gäller, med första och sista dag, t.ex. 2018-01-01 till 2018-12-31.",
    "Pledge.parties": "De organisationer som ger löftet och skriver under, t.ex. Lokalpolisområde Landskrona och Landskrona stad.",
    "Pledge.basis": "Vad löftet har arbetats fram utifrån. I Landskrona: `[situation-picture, safety-surveys, citizen-dialogues, staff-dialogues]`.",
    "Pledge.background": "Inledningen som står först i dokumentet: varför löftet finns och hur det har tagits fram.",
    "Pledge.situation": "Avsnittet ”Situationen idag”: lägesbilden, de dialoger som hölls och de problem som kom fram. Utelämna nyckeln om dokumentet inte ska ha avsnittet.",
    "Pledge.priority_areas": "Prioriterade områden som löftena kan ordnas under, t.ex. trafik eller ungdomar. Dokumentet räknar upp dem före löftena. Landskrona har inga.",
    "Pledge.overall_promise": "Det gemensamma löftet som inleder avsnittet ”Det här ska vi göra”, t.ex. ”Lokalpolisområde Landskrona och Landskrona stad lovar att under 2018 tillsammans arbeta för att minska brottsligheten …”.",
    "Pledge.promise_groups": "Löftena, i grupper som visas var för sig under egna rubriker, oftast en grupp per part (i Landskrona ”Polisen lovar” och ”Landskrona stads satsningar i området”).",
    "Pledge.goals": "De gemensamma målen under rubriken ”Det här ska vi åstadkomma tillsammans”, vart och ett med det mått som visar om målet nås.",
    "Pledge.follow_up": "Hur löftena följs upp; utifrån detta skrivs avsnittet ”Följ med i hur det går!”. Utelämna nyckeln om dokumentet inte ska ha avsnittet.",
    "Pledge.signatories": "De personer som skriver under, i den ordning de ska stå i underskriftsblocket.",
    "Pledge.signing": "Ort och datum för underskrifterna, om de är kända när dokumentet skapas.",
    "Pledge.school_terms": "När terminerna börjar och slutar, för planer som räknas per termin (`per: term`). Terminerna följer inte tertialerna. Utelämna nyckeln för de vanliga svenska terminerna.",
    "PledgePeriod": "Den tid medborgarlöftet gäller: från en enda dag upp till fyra år, med början vilken dag som helst.",
    "PledgePeriod.start": "Första dagen som löftet gäller, t.ex. `2018-01-01`.",
    "PledgePeriod.end": "Sista dagen som löftet gäller (dagen räknas med), t.ex. `2018-12-31`. Får inte ligga före `start`.",
    "Area": "Det område i kommunen som löftet gäller.",
    "Area.name": "Områdets namn, t.ex. `Karlslundsområdet`. Det står på dokumentets första sida.",
    "Area.description": "En kort beskrivning av området, t.ex. vilka stadsdelar eller gator det omfattar.",
    "Party": "En organisation som ger löften och skriver under, t.ex. ett lokalpolisområde eller en kommun.",
    "Party.id": "Partens id, som resten av filen använder för att peka ut parten (i `by`, `held_by` och `party`), t.ex. `polisen`.",
    "Party.name": "Organisationens fullständiga namn, t.ex. `Lokalpolisområde Landskrona`. Det står på första sidan och vid underskrifterna.",
    "Party.short_name": "Ett kortare namn för löpande text, t.ex. `polisen` (som ger rubriken ”Polisen lovar”). Utelämnas det används `name`.",
    "Party.kind": "Vilken sorts organisation parten är.",
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
    "Situation": "Avsnittet ”Situationen idag”: texten om läget i området, och de dialoger och problem som ligger bakom den.",
    "Situation.text": "Texten under rubriken ”Situationen idag”. I Landskrona beskriver den medborgardialogerna 2016 och vad som kom fram i dem.",
    "Situation.dialogues": "De dialoger som hölls inför löftet, t.ex. fem medborgardialoger i maj–juni 2016.",
    "Situation.problems": "De problem som kom fram, vart och ett med ett id så att löften och mål kan visa vilket problem de svarar mot.",
    "Dialogue": "Dialoger som hölls inför löftet: vilken sort, när, hur många gånger, vem som höll dem och vilka som deltog.",
    "Dialogue.kind": "Vilka dialogen fördes med.",
    "DialogueKind.citizen-dialogue": "medborgardialog",
    "DialogueKind.staff-dialogue": "medarbetardialog",
    "Dialogue.held": "När dialogerna hölls, som första och sista dag, t.ex. `{start: 2016-05-15, end: 2016-06-15}`.",
    "Dialogue.occasions": "Hur många tillfällen det var, t.ex. `5`.",
    "Dialogue.held_by": "Id för de parter som höll dialogerna, t.ex. `[polisen, landskrona-stad]`.",
    "Dialogue.participants": "Vilka som deltog, med egna ord, t.ex. `[boende, föreningsaktiva, personer som arbetar i Karlslundsområdet]`.",
    "Period": "En tidsperiod med första och sista dag, där båda dagarna räknas med.",
    "Period.start": "Första dagen, t.ex. `2016-05-15`.",
    "Period.end": "Sista dagen, t.ex. `2016-06-15`. Får inte ligga före `start`.",
    "Problem": "Ett problem som kom fram i lägesbilden eller i dialogerna, och som löften och mål kan kopplas till.",
    "Problem.id": "Problemets id, som löften och mål hänvisar till i sina `problems`, t.ex. `grov-brottslighet`.",
    "Problem.text": "Problemet i ord, t.ex. `grov brottslighet som skottlossning och narkotikahandel`.",
    "PriorityArea": "Ett prioriterat område som grupper av löften och enskilda löften kan höra till.",
    "PriorityArea.id": "Områdets id, som `priority_area` i en grupp eller ett löfte hänvisar till, t.ex. `trafik`.",
    "PriorityArea.name": "Områdets namn som det ska stå i dokumentet, t.ex. `Trafiksäkerhet kring skolor`.",
    "PromiseGroup": "En grupp löften som visas tillsammans under en egen rubrik, t.ex. allt som polisen lovar.",
    "PromiseGroup.heading": "Gruppens rubrik, t.ex. `Landskrona stads satsningar i området`. Utelämnas den blir rubriken ”‹part› lovar” efter parterna i `by`, t.ex. ”Polisen lovar”.",
    "PromiseGroup.by": "Id för de parter som ger löftena i gruppen, t.ex. `[polisen]`. Varje löfte måste få minst en part, här eller i löftets eget `by`.",
    "PromiseGroup.priority_area": "Id för det prioriterade område som gruppen hör till, om löftena är ordnade efter prioriterade områden.",
    "PromiseGroup.intro": "Text som står efter rubriken och före löftena.",
    "PromiseGroup.style": "Hur löftena i gruppen visas.",
    "PromiseGroup.style.bullets": "punktlista",
    "PromiseGroup.style.numbered": "numrerad lista",
    "PromiseGroup.style.paragraphs": "ett stycke per löfte",
    "PromiseGroup.promises": "Löftena i gruppen, i den ordning de ska stå.",
    "Promise": "Ett löfte: texten som publiceras och, när löftet går att räkna, en plan för hur ofta något ska göras.",
    "Promise.id": "Löftets id, t.ex. `besok-forskolor`. Uppföljningen hänvisar till löftet med det (`promise`), så ändra det inte när uppföljningen har börjat. Ett löfte och ett mål får inte ha samma id.",
    "Promise.text": "Löftet ordagrant som det ska publiceras, t.ex. ”Polisen ska vid två tillfällen per termin besöka Ungdomshuset Karlslund.”",
    "Promise.title": "En kort rubrik som står i fetstil före löftets text och i uppföljningens tabeller. Utelämnas den visar uppföljningen löftets text i stället.",
    "Promise.by": "Id för de parter som ger just det här löftet, om det inte är samma som gruppens `by`, t.ex. `[polisen, landskrona-stad]` för ett gemensamt löfte.",
    "Promise.plan": "Hur ofta löftet ska genomföras, i en form som går att räkna, så att uppföljningen kan jämföra planerat och utfört. Utelämna den för löften som inte går att räkna, t.ex. ”Den polisiära synligheten i området ska vara fortsatt hög”; dem följer ni upp med bedömningar.",
    "Promise.priority_area": "Id för det prioriterade område som löftet hör till, om inte gruppen redan anger det.",
    "Promise.problems": "Id för de problem (under `situation`) som löftet svarar mot, t.ex. `[lagt-fortroende, aktiviteter-unga]`.",
    "Promise.activity_plan": "Namnet på den separata handlingsplan där löftets aktiviteter står, om det finns en, t.ex. `Handlingsplan för trygghet i Karlslund 2018`.",
    "Promise.activities": "De konkreta aktiviteterna bakom löftet, när de finns i en separat handlingsplan (`activity_plan`).",
    "Plan": "En plan som går att räkna: `count` gånger per `per`, på var och en av platserna i `places` när platser anges; ”en gång per termin på var och en av tre förskolor” är `count: 1`, `per: term` och tre platser.",
    "Plan.count": "Hur många gånger per tidsenhet, t.ex. `2` för ”vid två tillfällen per termin”. När platser anges gäller antalet för varje plats.",
    "Plan.per": "Tidsenheten som antalet gäller. En tidsenhet som bara delvis ligger inom löftets period räknas i proportion till den del som ligger inom den.",
    "Plan.places": "Platser där planen gäller var för sig, t.ex. `[Tusenskönans förskola, Pilängsgårdens förskola, Drömmens förskola]`; då ska det göras `count` gånger på varje plats.",
    "Plan.unit": "Vad som räknas, t.ex. `besök`.",
    "Plan.counts": "Hur utförda aktiviteter räknas mot planen. Utelämna nyckeln för tillfällen.",
    "Plan.counts.occasions": "tillfällen: allt på samma plats samma dag är ett tillfälle",
    "Plan.counts.times": "gånger: varje gång räknas med sitt antal, även flera samma dag",
    "Frequency.week": "vecka",
    "Frequency.month": "månad",
    "Frequency.term": "termin, se `school_terms`",
    "Frequency.tertial": "tertial: januari–april, maj–augusti, september–december",
    "Frequency.year": "kalenderår",
    "Frequency.period": "hela löftets period",
    "Activity": "En konkret aktivitet bakom ett löfte, hämtad ur en separat handlingsplan.",
    "Activity.id": "Aktivitetens id, t.ex. `kvallspatrull`.",
    "Activity.text": "Aktiviteten i ord, t.ex. ”Fotpatrullering i området två kvällar i veckan”.",
    "Activity.plan": "Hur ofta aktiviteten ska göras, skrivet som ett löftes `plan`.",
    "Goal": "Ett gemensamt mål, med det mått som visar om målet nås.",
    "Goal.id": "Målets id, t.ex. `upplevd-trygghet`. Ett mål och ett löfte får inte ha samma id.",
    "Goal.text": "Målet som det ska publiceras, t.ex. ”Den upplevda tryggheten i området ska öka.”",
    "Goal.indicator": "Måttet som målet följs upp med.",
    "Goal.target": "Målvärdet och dagen då det ska vara nått, t.ex. `{value: 55, date: 2018-12-31}`. Utan målvärde kan uppföljningen bara säga åt vilket håll måttet har gått.",
    "Target": "Det värde som måttet ska nå, och senast när.",
    "Target.value": "Målvärdet utan enhet, t.ex. `55`.",
    "Target.date": "Senast den dagen ska målvärdet vara nått, t.ex. `2018-12-31`.",
    "Goal.problems": "Id för de problem (under `situation`) som målet svarar mot, t.ex. `[grov-brottslighet]`.",
    "Indicator": "Det som mäts för att följa upp ett mål, t.ex. andelen boende som känner sig trygga.",
    "Indicator.id": "Måttets id, som uppföljningen hänvisar till (`indicator` i utgångsvärden och mätvärden), t.ex. `andel-trygga`.",
    "Indicator.name": "Måttets namn i uppföljningens tabeller, t.ex. `Andel boende som känner sig trygga i området`.",
    "Indicator.source": "Var mätvärdena kommer ifrån.",
    "IndicatorSource.safety-survey": "trygghetsmätning",
    "IndicatorSource.reported-crime": "anmälda brott",
    "IndicatorSource.other": "annan källa",
    "Indicator.source_text": "Källan som den ska stå i meningen ”Uppföljning kommer att ske via …”, t.ex. `polisens trygghetsmätning`.",
    "Indicator.direction": "Åt vilket håll måttet ska gå för att målet ska nås.",
    "Indicator.direction.increase": "ska öka",
    "Indicator.direction.decrease": "ska minska",
    "Indicator.unit": "Enheten för värdena, t.ex. `procent` eller `antal`.",
    "Indicator.kind": "Vad värdet är. Utelämna nyckeln för andel när enheten är `%` eller `procent`, antal för anmälda brott och annars annat.",
    "Indicator.kind.share": "andel i procent; ändringar räknas i procentenheter",
    "Indicator.kind.count": "antal",
    "Indicator.kind.index": "index, t.ex. polisregion Syds trygghetsindex",
    "Indicator.kind.other": "annat värde",
    "Indicator.margin": "Felmarginalen: en ändring som inte är större än så räknas som oförändrad, t.ex. `3` (procentenheter) för en trygghetsmätning i ett litet område. Utan felmarginal säger uppföljningen bara hur mycket värdet har ändrats.",
    "Indicator.per_period": "`true` när varje mätvärde är ett antal under en period, t.ex. anmälda brott per tertial; då jämförs årets summa. Utelämna nyckeln för `true` vid anmälda brott och annars `false`.",
    "FollowUpPlan": "Hur löftena följs upp; avsnittet ”Följ med i hur det går!” skrivs utifrån detta om inte en egen `text` anges.",
    "FollowUpPlan.reports": "Hur ofta varje part rapporterar, t.ex. polisen tertialvis och Landskrona stad löpande.",
    "FollowUpPlan.summary_at_end": "Om en sammanfattning av insatserna och deras resultat ska göras när löftet löper ut (vid årsskiftet när löftet gäller hela kalenderår). Skriv `false` för att ta bort den meningen.",
    "FollowUpPlan.text": "En egen text för avsnittet, i stället för den som skrivs utifrån `reports` och `summary_at_end`.",
    "Report": "Hur ofta en part rapporterar om sina löften.",
    "Report.party": "Id för parten, t.ex. `polisen`.",
    "Report.frequency": "Hur ofta parten rapporterar.",
    "ReportFrequency.tertial": "tertialvis",
    "ReportFrequency.quarter": "kvartalsvis",
    "ReportFrequency.month": "månadsvis",
    "ReportFrequency.half-year": "halvårsvis",
    "ReportFrequency.year": "årsvis",
    "ReportFrequency.continuous": "löpande under året",
    "Signatory": "En person som skriver under för en part.",
    "Signatory.name": "Personens namn, t.ex. `Anneli Manelli`.",
    "Signatory.title": "Personens titel, t.ex. `Lokalpolisområdeschef`.",
    "Signatory.party": "Id för den part som personen skriver under för, t.ex. `polisen`.",
    "Signatory.organisation": "Organisationen som den ska stå under personens namn. Utelämnas den används partens `name`.",
    "Signing": "Var och när löftet skrivs under, om det är känt när dokumentet skapas.",
    "Signing.place": "Orten, t.ex. `Landskrona`. Utelämnas den blir raden tom, att fylla i för hand.",
    "Signing.date": "Datumet, t.ex. `2018-02-15`. Utelämnas det blir raden tom, att fylla i för hand.",
    "SchoolTerms": "Terminernas första och sista dagar, skrivna som månad och dag; standardvärdena är de vanliga svenska terminerna.",
    "SchoolTerms.spring_start": "Vårterminens första dag, t.ex. `01-15` för den 15 januari.",
    "SchoolTerms.spring_end": "Vårterminens sista dag, t.ex. `06-15` för den 15 juni.",
    "SchoolTerms.autumn_start": "Höstterminens första dag, t.ex. `08-15` för den 15 augusti.",
    "SchoolTerms.autumn_end": "Höstterminens sista dag, t.ex. `12-20` för den 20 december.",
    "Pledge.theme": "Hur dokumenten ser ut: logotyper, färger, typsnitt, marginaler, sidhuvud och sidfot, och en Word-mall. Utelämnas nyckeln ser dokumenten ut som vanligt.",
    "Theme": "Kommunens eget utseende på dokumenten. Filer anges relativt till löftesmappen (t.ex. `tema/logo.png`) och måste ligga i den; absoluta sökvägar, `..` och symboliska länkar ut ur mappen godtas inte. Bilder får vara högst 5 MB, typsnitt och Word-mallar högst 20 MB.",
    "Theme.logos": "Parternas logotyper, som visas i sidhuvudet på varje sida i båda formaten, i listans ordning.",
    "Theme.logo_height": "Logotypernas höjd i millimeter. Blir de tillsammans för breda krymps de.",
    "Theme.colours": "Färger för rubriker och tabeller.",
    "Theme.font": "Ett eget typsnitt i stället för DejaVu Sans. Det bäddas in i PDF:en och anges med namn i Word-dokumentet (så läsaren behöver ha det installerat för att se det). Det måste ha alla tecken som dokumenten innehåller.",
    "Theme.margins": "Sidans marginaler. Ett sidhuvud med logotyper kan behöva mer plats än den övre marginalen, och då flyttas texten ned.",
    "Theme.header": "En text överst på varje sida, t.ex. `Landskrona stad – Trygghetsenheten`, ovanför dokumentets löpande rubrik.",
    "Theme.footer": "En text längst ned på varje sida, till vänster om sidnumret, t.ex. `www.landskrona.se`.",
    "Theme.reference_docx": "Ett Word-dokument (.docx) vars formatmallar, sidinställningar, sidhuvud och sidfot Word-dokumenten tar över, som pandocs referensdokument. Innehållet i det tas bort. Har mallen ett eget sidhuvud eller en egen sidfot används de i stället för logotyperna, `header` och `footer`; färger, typsnitt och marginaler i temat gäller då bara PDF:en.",
    "ThemeLogo": "En parts logotyp.",
    "ThemeLogo.party": "Id för den part logotypen hör till, t.ex. `polisen`. Partens namn blir logotypens alternativtext, som skärmläsare läser upp.",
    "ThemeLogo.file": "Bildfilen: PNG, JPEG eller SVG, t.ex. `tema/polisen.png`. En SVG får inte innehålla text (gör om den till konturer), skript eller hänvisningar till andra filer.",
    "ThemeLogo.fallback": "En PNG- eller JPEG-version av samma logotyp, för Word-program som inte kan visa SVG. Krävs när `file` är en SVG-bild.",
    "ThemeColours": "Färger skrivna som `#RRGGBB`. Texten måste gå att läsa: kontrasten ska vara minst 4,5:1.",
    "ThemeColours.primary": "Färgen på dokumentets rubrik, avsnittsrubrikerna och linjerna, t.ex. `#1B365D`. Den står på vit botten och måste vara mörk nog.",
    "ThemeColours.accent": "Bakgrundsfärgen i tabellernas rubrikrad, t.ex. `#DCE6F2`. Rubrikraden har svart text och färgen måste vara ljus nog.",
    "ThemeFont": "Ett typsnitt av TrueType-filer (.ttf) i löftesmappen. Typsnittets licens måste tillåta att det bäddas in.",
    "ThemeFont.regular": "Den vanliga stilen, t.ex. `tema/typsnitt/MinFont-Regular.ttf`.",
    "ThemeFont.bold": "Fet stil. Utelämnas den skrivs fet text med den vanliga stilen.",
    "ThemeFont.italic": "Kursiv stil. Utelämnas den skrivs kursiv text med den vanliga stilen.",
    "ThemeFont.bold_italic": "Fet kursiv stil. Utelämnas den används fet stil, annars kursiv.",
    "Margins": "Marginaler i millimeter (5–60). En sida som utelämnas behåller sin vanliga marginal (25 mm).",
    "Margins.top": "Övre marginalen.",
    "Margins.right": "Högra marginalen.",
    "Margins.bottom": "Nedre marginalen; sidfoten med sidnumret står alltid under texten.",
    "Margins.left": "Vänstra marginalen.",
    # --- followup/ -----------------------------------------------------------------------
    "FollowUpFile": "En uppföljningsfil (YAML eller JSON) i mappen `followup/`, med nycklarna nedan längst till vänster i filen; uppföljningen kan delas upp på flera filer, t.ex. en per tertial.",
    "FollowUpFile.example_data": "Skriv `true` om uppgifterna är påhittade, t.ex. för att visa eller öva: då står det ”Exempeldata – fiktiva uppgifter” på varje sida. Det räcker att en av filerna säger det.",
    "FollowUpFile.prepared_by": "Vem som har sammanställt uppföljningen, t.ex. `Kommunpolis Kim Exempel, Lokalpolisområde Landskrona`. Om flera filer anger det gäller den första i bokstavsordning.",
    "FollowUpFile.prepared_on": "Dagen då uppföljningen sammanställdes, t.ex. `2019-01-15`. Om flera filer anger det gäller det senaste datumet.",
    "FollowUpFile.activities": "Utförda aktiviteter, en post per aktivitet. Det är ofta enklare att föra dem i en aktivitetslista (CSV), se nedan.",
    "FollowUpFile.assessments": "Bedömningar av hur det går med löftena under en period, t.ex. för löften som inte går att räkna.",
    "FollowUpFile.baselines": "Utgångsvärden för målens mått: de värden som mätvärdena jämförs med.",
    "FollowUpFile.readings": "Mätvärden för målens mått, t.ex. från trygghetsmätningen eller statistiken över anmälda brott.",
    "FollowUpFile.narratives": "Det ni vill berätta med egna ord om en period: sammanfattning, händelser, vad som fungerat och nästa steg.",
    "ActivityRecord": "Något som har gjorts för ett löfte: när, hur många gånger och var.",
    "ActivityRecord.date": "Dagen då det gjordes, t.ex. `2018-03-06`. Den måste ligga inom löftets period.",
    "ActivityRecord.promise": "Id för löftet som aktiviteten hör till, t.ex. `besok-forskolor`.",
    "ActivityRecord.count": "Hur många gånger det gjordes den dagen. Antalet räknas mot löftets plan.",
    "ActivityRecord.place": "Var det gjordes, t.ex. `Tusenskönans förskola`.",
    "ActivityRecord.note": "En kort anteckning, t.ex. `Besök med polisbil`.",
    "Assessment": "En bedömning av hur det går med ett löfte under en period, när ett antal inte räcker för att säga det.",
    "Assessment.promise": "Id för löftet som bedöms, t.ex. `fritidsaktiviteter`.",
    "Assessment.period": "Perioden som bedömningen gäller, t.ex. `2018-T1`.",
    "Assessment.status": "Löftets status. För löften med en plan räknas statusen fram ur de utförda aktiviteterna: utelämna då `status`, eller ange en egen status som ersätter den framräknade och skriv skälet i `reason`.",
    "Status.completed": "genomförd",
    "Status.on-track": "enligt plan",
    "Status.partly": "delvis",
    "Status.delayed": "försenad",
    "Status.not-started": "ej påbörjad",
    "Status.not-done": "ej genomförd",
    "Status.not-assessed": "bedöms ej",
    "Assessment.comment": "En kommentar som står vid löftet i uppföljningen, t.ex. `Sex underrättelsestyrda insatser med fokus på narkotika.`",
    "Assessment.reason": "Skälet till bedömningen. Måste anges när `status` anges för ett löfte som har en plan, eftersom statusen då ersätter den framräknade.",
    "Assessment.next_steps": "Vad som görs härnäst med löftet, t.ex. `Ny tidplan för Puls Arena tas fram i maj.` Det står under rubriken ”Nästa steg”.",
    "Assessment.verdict": 'Slutbedömningen av ett löfte utan plan för ett år eller hela perioden (`period: "2018"` eller `all`). För löften med plan räknas den fram.',
    "Verdict.kept": "hållet",
    "Verdict.partly-kept": "delvis hållet",
    "Verdict.not-kept": "inte hållet",
    "Verdict.missing": "bedömning saknas",
    "Verdict.not-assessed": "bedöms ej (ett beslut att inte bedöma)",
    "Assessment.cause": "Vid en avvikelse: orsaken, t.ex. `Besöket ställdes in på grund av sjukdom.`",
    "Assessment.consequence": "Vid en avvikelse: vad den får för följder.",
    "Assessment.action": "Vid en avvikelse: vad som görs för att rätta till den, t.ex. `Besöket görs i januari 2019.`",
    "Baseline": "Det värde som ett mått jämförs med, oftast uppmätt innan löftet började gälla.",
    "Baseline.indicator": "Id för måttet, t.ex. `andel-trygga`.",
    "Baseline.value": "Värdet utan enhet, t.ex. `63`. Decimaler skrivs med punkt, t.ex. `12.5`.",
    "Baseline.measured": "När eller hur värdet mättes, med egna ord, t.ex. `trygghetsmätningen 2017` eller `genomsnitt per tertial 2017`.",
    "Baseline.period": 'Perioden som värdet gäller, t.ex. `"2017"` för hela årets antal. Utan period räknas värdet som ett värde per mätperiod, t.ex. ett genomsnitt per tertial.',
    "Baseline.note": "En anteckning om värdet.",
    "Reading": "Ett mätvärde för ett mått, vid ett visst datum.",
    "Reading.indicator": "Id för måttet, t.ex. `andel-fortroende`.",
    "Reading.date": "Dagen då värdet mättes, eller sista dagen som det gäller, t.ex. `2018-10-15`. Den måste ligga inom löftets period. Kan utelämnas om `period` anges.",
    "Reading.period": "Perioden som värdet gäller, i stället för `date`, t.ex. `2018-T1` för antalet anmälda brott under tertialen. Värdet dateras då till periodens sista dag.",
    "Reading.value": "Värdet utan enhet, t.ex. `52`. Decimaler skrivs med punkt, t.ex. `12.5`.",
    "Reading.source": "Var värdet kommer ifrån, t.ex. `Polisens trygghetsmätning hösten 2018`. Utelämnas den används måttets `source_text`.",
    "Reading.note": "En anteckning om värdet.",
    "Narrative": "Det ni själva vill berätta om en period: vad som har hänt, vad som har fungerat och vad som görs härnäst.",
    "Narrative.period": 'Perioden som texten gäller, t.ex. `2018-T1` för en tertial eller `"2018"` för hela året.',
    "Narrative.summary": "En sammanfattning av perioden, under rubriken ”Sammanfattning”.",
    "Narrative.events": "Händelser som har påverkat arbetet, t.ex. ”En skottlossning i mars ledde till förstärkt närvaro i området under två veckor.”",
    "Narrative.extra_activities": "Aktiviteter som har gjorts utöver löftet, en per post i listan, t.ex. `Informationsmöte om grannsamverkan i Karlslund (22 mars).`",
    "Narrative.next_steps": "Vad som görs härnäst, t.ex. `Höstterminens besök planeras in i september.`",
    "Narrative.worked": "Vad som har fungerat bra, oftast i sammanfattningen av ett helt år.",
    "Narrative.did_not_work": "Vad som inte har fungerat, oftast i sammanfattningen av ett helt år. Det står under rubriken ”Det här behöver bli bättre”.",
    "Narrative.prepared_by": "Vem som har skrivit uppföljningen av just den här perioden, t.ex. `Kim Exempel, kommunpolis, Lokalpolisområde Landskrona`. Utelämnas det används `prepared_by` i uppföljningsfilen.",
    "Narrative.prepared_on": "Dagen då uppföljningen av perioden blev klar, t.ex. `2018-05-15`. Utelämnas det används `prepared_on` i uppföljningsfilen.",
    "Narrative.decision": "Vem som har behandlat eller beslutat om uppföljningen, och när, t.ex. `Behandlad av styrgruppen för samverkan polis–kommun den 12 februari 2019, § 4 (dnr KS 2019/12).` Raden står sist i dokumentet, där medborgarlöftet har sina underskrifter.",
}
"""Every Swedish description: "Model" and "Model.field"; "Enum.value"; "Model.field.value"
for the values of a Literal."""

# Named types, by the alias the models use, before any structural reading of the hint.
_ALIASES: tuple[tuple[Any, str], ...] = (
    (Id, "[id](#ids)"),
    (Text, "[text](#texter)"),
    (Paragraphs, "[text](#texter): ett stycke eller en lista med stycken"),
    (Date, "datum (ÅÅÅÅ-MM-DD)"),
    (MonthDay, "månad och dag (MM-DD)"),
    (AssetPath, "sökväg till en fil i löftesmappen"),
    (Colour, "färg (`#RRGGBB`)"),
    (PeriodKey, '[period](#perioder): `ÅÅÅÅ-Tn`, `"ÅÅÅÅ"` eller `all`'),
)
_SCALARS: dict[type, str] = {
    bool: "ja/nej (`true` eller `false`)",
    int: "heltal",
    float: "tal",
    str: "[text](#texter)",
}

CSV_EXAMPLE = """\
datum;löfte;antal;plats;anteckning
2018-02-08;besok-ungdomshuset;1;Ungdomshuset Karlslund;Kvällsbesök, samtal om fritid
2018-03-06;besok-forskolor;1;Tusenskönans förskola;Besök med polisbil
2018-03-20;besok-forskolor;;Drömmens förskola;
2018-05-24;besok-ungdomshuset;1;Ungdomshuset Karlslund;"Samtal om ""trygghet"" och skola"
"""
"""A valid activity spreadsheet, after the Landskrona sample (`read_activity_csv` reads it)."""


# --- walking the models --------------------------------------------------------------------


def field_hints(model: type[BaseModel]) -> dict[str, Any]:
    """Return the full type hint (Annotated kept) of each field of `model`, in field order."""
    hints = get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


def _strip(hint: Any) -> Iterator[Any]:
    """Yield the types a hint is made of, through Annotated, Optional, unions and lists."""
    origin = get_origin(hint)
    if origin is Annotated:
        yield from _strip(get_args(hint)[0])
    elif origin in (Union, types.UnionType, list):
        for arg in get_args(hint):
            yield from _strip(arg)
    else:
        yield hint


def _is_model(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, BaseModel)


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Enum)


def models() -> list[type[BaseModel]]:
    """Return every model reachable from the roots, each once, in the reference's order."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.append(model)
        for hint in field_hints(model).values():
            for part in _strip(hint):
                if _is_model(part):
                    visit(part)

    for root in ROOTS:
        visit(root)
    return found


def _literal_values(hint: Any) -> list[Any]:
    return [v for part in _strip(hint) if get_origin(part) is Literal for v in get_args(part)]


def description_keys() -> set[str]:
    """Return every key `DESCRIPTIONS` must have: models, fields, enum and Literal values."""
    keys: set[str] = set()
    for model in models():
        keys.add(model.__name__)
        for name, hint in field_hints(model).items():
            keys.add(f"{model.__name__}.{name}")
            keys.update(f"{model.__name__}.{name}.{value}" for value in _literal_values(hint))
            for part in _strip(hint):
                if _is_enum(part):
                    keys.update(f"{part.__name__}.{member.value}" for member in part)
    return keys


def _places(model: type[BaseModel]) -> list[tuple[type[BaseModel], str]]:
    """Return the (model, field) pairs where `model` is written."""
    return [
        (parent, name)
        for parent in models()
        for name, hint in field_hints(parent).items()
        if model in list(_strip(hint))
    ]


# --- Markdown ------------------------------------------------------------------------------


def _describe(key: str) -> str:
    return DESCRIPTIONS.get(key, "**Beskrivning saknas.**")


def _heading(model: type[BaseModel]) -> str:
    return HEADINGS.get(model.__name__, model.__name__)


def _anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _link(model: type[BaseModel]) -> str:
    return f"[{_heading(model)}](#{_anchor(model)})"


def _code(value: Any) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, Enum):
        value = value.value
    return f"`{value}`"


def _choices(values: list[Any], gloss_prefix: str) -> str:
    glossed = [
        f"{_code(value)} ({DESCRIPTIONS[f'{gloss_prefix}.{value}']})"
        if f"{gloss_prefix}.{value}" in DESCRIPTIONS
        else _code(value)
        for value in values
    ]
    return ", ".join(glossed)


def _constraints(metadata: list[Any]) -> str:
    """Return bounds on a number or on a list's length, e.g. ', minst 1' or ', 1–4'."""
    low: Any = None
    high: Any = None
    for item in metadata:
        if isinstance(item, FieldInfo):
            return _constraints(list(item.metadata))
        if isinstance(item, MinLen):
            low = item.min_length
        elif isinstance(item, MaxLen):
            high = item.max_length
        elif isinstance(item, Ge):
            low = item.ge
        elif isinstance(item, Le):
            high = item.le
        elif isinstance(item, Gt | Lt):
            raise TypeError(f"no Swedish wording for the bound {item!r}; add one in reference.py")
    if low is not None and high is not None:
        return f", {low}–{high}"
    if low is not None:
        return f", minst {low}"
    if high is not None:
        return f", högst {high}"
    return ""


def type_text(hint: Any, key: str) -> str:
    """Return the type of a field in Swedish; `key` ("Model.field") names Literal values."""
    for alias, text in _ALIASES:
        if hint is alias:
            return text
    origin = get_origin(hint)
    if origin is Annotated:
        base, *metadata = get_args(hint)
        return type_text(base, key) + _constraints(metadata)
    if origin in (Union, types.UnionType):
        parts = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(parts) == 1:
            return type_text(parts[0], key)
        return " eller ".join(type_text(part, key) for part in parts)
    if origin is list:
        item = type_text(get_args(hint)[0], key)
        if item.startswith("en av: "):
            return "lista med ett eller flera av: " + item.removeprefix("en av: ")
        return "lista med " + item
    if origin is Literal:
        return "en av: " + _choices(list(get_args(hint)), key)
    if _is_model(hint):
        return _link(hint)
    if _is_enum(hint):
        return "en av: " + _choices([member.value for member in hint], hint.__name__)
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"no Swedish name for the type {hint!r} ({key}); add one in reference.py")


def required_text(field: FieldInfo) -> str:
    """Return whether a field is required, in Swedish, with its default when it is a value."""
    if field.is_required():
        return "ja"
    if field.default_factory is None and isinstance(field.default, bool | int | float | str):
        return f"nej, standard: {_code(field.default)}"
    return "nej"


def _join(items: list[str]) -> str:
    """Return items as Swedish lists them: 'a', 'a och b', 'a, b och c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def model_section(model: type[BaseModel]) -> list[str]:
    """Return the lines of one model's section: heading, description, where, table."""
    name = model.__name__
    lines = [f'<a id="{_anchor(model)}"></a>', "", f"### {_heading(model)}", ""]
    lines += [_describe(name), ""]
    places = _places(model)
    if places:
        where = [f"`{field}` i {_link(parent)}" for parent, field in places]
        lines += [f"Står under {_join(where)}.", ""]
    rows = [
        [
            f"`{field}`",
            type_text(hint, f"{name}.{field}"),
            required_text(model.model_fields[field]),
            _describe(f"{name}.{field}"),
        ]
        for field, hint in field_hints(model).items()
    ]
    lines += _table(["Nyckel", "Typ", "Krävs", "Beskrivning"], rows)
    return [*lines, ""]


def _csv_section() -> list[str]:
    names: dict[str, list[str]] = {}
    for name, column in COLUMNS.items():
        names.setdefault(column, [])
        if name != column:
            names[column].append(name)
    hints = field_hints(ActivityRecord)
    rows = [
        [
            f"`{column}`",
            ", ".join(f"`{name}`" for name in swedish),
            type_text(hints[column], f"ActivityRecord.{column}"),
            "ja"
            if column in REQUIRED_COLUMNS
            else required_text(ActivityRecord.model_fields[column]),
            _describe(f"ActivityRecord.{column}"),
        ]
        for column, swedish in names.items()
    ]
    lines = [
        '<a id="aktivitetslista"></a>',
        "",
        "## Aktivitetslistan (CSV)",
        "",
        f"Utförda aktiviteter förs enklast i ett kalkylark, t.ex. i Excel, som sparas som CSV-fil i mappen `{FOLLOWUP_FOLDER}/` (t.ex. `aktiviteter.csv`). Varje rad är en [utförd aktivitet](#activityrecord), och alla CSV-filer i mappen läses.",
        "",
        "- Första raden är rubrikraden med kolumnernas namn, på svenska eller engelska; stora och små bokstäver spelar ingen roll. Kolumnerna kan stå i vilken ordning som helst, och andra kolumner än dessa är fel.",
        "- En rad per aktivitet. Tomma rader hoppas över, och en tom cell betyder att uppgiften inte är angiven.",
        "- Kolumnerna skiljs åt med komma eller semikolon; programmet ser själv vilket av dem rubrikraden använder. En cell som innehåller avgränsaren står inom citattecken, och citattecken i den skrivs dubbelt; Excel gör båda delarna själv.",
        "- Filen ska vara UTF-8, med eller utan BOM. I Excel: Spara som → ”CSV UTF-8 (kommaavgränsad)”.",
        "- Datum skrivs ÅÅÅÅ-MM-DD, t.ex. `2018-03-06`, och måste ligga inom löftets period.",
        "- Löftet anges med löftets [id](#ids) från `pledge.yaml`.",
        "",
    ]
    lines += _table(["Kolumn", "På svenska", "Typ", "Krävs", "Innehåll"], rows)
    lines += ["", "Exempel (semikolon, som svenska Excel skriver):", "", "```csv"]
    lines += [*CSV_EXAMPLE.splitlines(), "```", ""]
    return lines


def _basics_section() -> list[str]:
    return [
        '<a id="filer"></a>',
        "",
        "## Filerna",
        "",
        "Varje medborgarlöfte har en egen mapp. I den finns:",
        "",
        "- `pledge.yaml` – själva löftet, se [Medborgarlöftet](#pledge);",
        f"- mappen `{FOLLOWUP_FOLDER}/` – uppföljningen under året: en eller flera [uppföljningsfiler](#followupfile) (`.yaml`, `.yml` eller `.json`) och [aktivitetslistor](#aktivitetslista) (`.csv`). Alla filer i mappen läses och läggs ihop.",
        "",
        "Kontrollera filerna med `make-report validate MAPP`: alla fel visas på en gång, med fil, rad och nyckel.",
        "",
        "Tabellerna nedan visar varje nyckel som får stå i filerna: **Nyckel** skrivs precis som det står (engelska, små bokstäver), **Typ** säger vad värdet ska vara, **Krävs** om nyckeln måste finnas (och vad som gäller när den utelämnas), och **Beskrivning** vad den används till. Andra nycklar än dessa är fel, och varje nyckel får bara stå en gång.",
        "",
        '<a id="yaml"></a>',
        "",
        "## Att skriva YAML",
        "",
        "- En nyckel och dess värde skrivs `nyckel: värde`. Det som hör till en nyckel skrivs på raderna under den, indraget med mellanslag (inte tabb).",
        "- En lista skrivs med ett bindestreck först på varje rad (`- polisen`), eller inom hakparenteser på en rad: `[polisen, landskrona-stad]`.",
        "- Allt efter `#` är en kommentar och läses inte.",
        "- Ja/nej skrivs `true` eller `false`. Tal skrivs utan citattecken, med punkt före decimalerna (`12.5`).",
        '- Ett värde som bara består av siffror men ska vara text, t.ex. året `"2018"` som period, skrivs inom citattecken.',
        "",
        '<a id="ids"></a>',
        "",
        "## Id",
        "",
        "Ett id är ett kort namn som filerna använder för att hänvisa till en part, ett löfte, ett mål eller något annat, t.ex. `polisen` eller `besok-forskolor`. Id visas aldrig i dokumenten.",
        "",
        "- Ett id får innehålla små bokstäver a–z (inte å, ä eller ö), siffror, bindestreck `-` och understreck `_`, och ska börja med en bokstav eller siffra; högst 64 tecken.",
        "- Ett id ska vara stabilt: uppföljningen hänvisar till löften och mått med deras id, så byt inte ett id när uppföljningen har börjat.",
        '- Ett id som bara består av siffror skrivs inom citattecken, t.ex. `"2018"`.',
        "",
        '<a id="texter"></a>',
        "",
        "## Text",
        "",
        "- Text skrivs ut i dokumenten precis som den står, med samma stavning, skiljetecken och stora bokstäver. En text får inte vara tom.",
        "- Osynliga styrtecken (t.ex. sådana som följer med när text klistras in från andra program) tas inte emot; felmeddelandet säger vilket tecken det är och var det står. Tecken som typsnittet inte kan visa, som emoji, ger också ett fel.",
        "- Flera stycken skrivs som en lista, ett stycke per post. Där typen säger ”ett stycke eller en lista med stycken” räcker det att skriva en enda text för ett stycke.",
        "- En lång text kan skrivas på flera rader efter `>-`; raderna slås då ihop till ett stycke med mellanslag emellan, som i `background` i Landskronas löfte.",
        "- Text som innehåller `: ` eller ` #`, eller som börjar med ett tecken som `[`, `{`, `*`, `&`, `!`, `%`, `@` eller citattecken, skrivs inom citattecken eller efter `>-`.",
        "",
        '<a id="perioder"></a>',
        "",
        "## Datum och perioder",
        "",
        "- Datum skrivs ÅÅÅÅ-MM-DD, t.ex. `2018-03-06`, utan klockslag.",
        '- En period i uppföljningen (`period` i bedömningar och berättelser) är en tertial, t.ex. `2018-T1` (januari–april), `2018-T2` (maj–augusti) eller `2018-T3` (september–december); ett år, skrivet inom citattecken, t.ex. `"2018"`; eller `all` för hela löftets period. Perioden måste ligga inom löftets period.',
        "",
    ]


def _contents() -> list[str]:
    lines = [
        "## Innehåll",
        "",
        "- [Filerna](#filer)",
        "- [Att skriva YAML](#yaml)",
        "- [Id](#ids)",
        "- [Text](#texter)",
        "- [Datum och perioder](#perioder)",
    ]
    for title, anchor, group in _groups():
        lines.append(f"- [{title}](#{anchor})")
        lines += [f"  - {_link(model)}" for model in group]
    lines += ["- [Aktivitetslistan (CSV)](#aktivitetslista)", ""]
    return lines


def _groups() -> list[tuple[str, str, list[type[BaseModel]]]]:
    """Return the file-level groups of sections: pledge.yaml, then the follow-up files."""
    everything = models()
    pledge_models = [m for m in everything if m is Pledge or _reached_from(Pledge, m)]
    followup_models = [m for m in everything if m not in pledge_models]
    return [
        ("Filen pledge.yaml", "pledge-yaml", pledge_models),
        (f"Uppföljningsfilerna i {FOLLOWUP_FOLDER}/", "followup-filer", followup_models),
    ]


def _reached_from(root: type[BaseModel], target: type[BaseModel]) -> bool:
    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        if model is target:
            return True
        if model in seen:
            continue
        seen.add(model)
        todo += [p for h in field_hints(model).values() for p in _strip(h) if _is_model(p)]
    return False


def reference_markdown() -> str:
    """Return the whole reference of the data format as Markdown, in Swedish."""
    lines = [
        f"<!-- Skapad av `{GENERATE_COMMAND}` från src/lofte_reports/app/reference.py. "
        "Ändra inte för hand: ändra beskrivningarna där och skapa filen igen. -->",
        "",
        "# Dataformat för medborgarlöften och uppföljning",
        "",
        "Här beskrivs varje nyckel som kan skrivas i `pledge.yaml` och i uppföljningsfilerna. "
        "Beskrivningen skapas direkt ur programmets kod och stämmer därför alltid med det som "
        "programmet godtar. Ett helt exempel finns i `samples/landskrona-2018/`: "
        "Landskronas medborgarlöfte 2018 och påhittad uppföljning av det.",
        "",
        *_contents(),
        *_basics_section(),
    ]
    for title, anchor, group in _groups():
        lines += [f'<a id="{anchor}"></a>', "", f"## {title}", ""]
        for model in group:
            lines += model_section(model)
    lines += _csv_section()
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    # Bytes, so that the file is UTF-8 with \n line ends whatever the platform's defaults.
    sys.stdout.buffer.write(reference_markdown().encode("utf-8"))
