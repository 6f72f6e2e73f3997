"""`make-report init`: a new pledge folder whose pledge.yaml already validates and renders.

The file is commented in Swedish, line by line, so that an administrator can fill it in
with the data-format reference (docs/dataformat.md) at hand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from string import Template

from lofte_reports.app.files import write_files
from lofte_reports.errors import DataError, Problem
from lofte_reports.input.followup import FOLLOWUP_FOLDER

_PLEDGE = Template("""\
# Medborgarlöfte för $municipality, $period_text.
# Skapat med `make-report init`. Fyll i det som står inom [hakparenteser] och ta bort
# det du inte behöver. Kontrollera med:  make-report validate $folder
# Alla nycklar förklaras i docs/dataformat.md.

# Id används i filnamnen (små bokstäver a–z, siffror och -).
id: $pledge_id
municipality: $municipality_json
# Området löftet gäller, t.ex. en stadsdel. Ta bort raderna om det gäller hela kommunen.
area:
  name: "[Området, t.ex. Centrum]"
period:
  start: $start
  end: $end

# Parterna. Id:n används nedan för att säga vem som lovar och vem som skriver under.
parties:
  - id: polisen
    name: $police_area_json
    short_name: polisen          # så skrivs parten mitt i en mening
    kind: police
  - id: kommunen
    name: $municipality_json
    kind: municipality

# Vad löftet bygger på: situation-picture (lägesbild), safety-surveys
# (trygghetsmätningar), citizen-dialogues (medborgardialoger), staff-dialogues.
basis: [situation-picture, citizen-dialogues]

# Inledningen, så som den ska stå i det publicerade löftet. Flera stycken: en lista.
background:
  - "[Varför medborgarlöftet finns och vad det bygger på.]"

situation:
  text:
    - "[Vad medborgardialogerna och lägesbilden visade.]"
  problems:
    - id: problem-1
      text: "[Ett problem som lyftes fram]"

overall_promise: $overall_json

# Löftena, i grupper. Utan rubrik blir rubriken "Polisen lovar" osv.
# style: bullets (punktlista), numbered (numrerad lista) eller paragraphs (stycken).
promise_groups:
  - by: [polisen]
    style: bullets
    promises:
      - id: polisen-1
        text: "[Polisen ska …]"
        # En plan gör att uppföljningen kan räkna planerat mot utfört, t.ex.
        # en gång per termin på var och en av två skolor:
        # plan: {count: 1, per: term, places: [Skola A, Skola B], unit: besök}
  - by: [kommunen]
    style: bullets
    promises:
      - id: kommunen-1
        text: "[Kommunen ska …]"
  # Löften som parterna ger tillsammans:
  # - heading: Det här gör vi tillsammans
  #   by: [kommunen, polisen]
  #   promises: [...]

# De gemensamma målen och hur de följs upp.
goals:
  - id: mal-1
    text: "[Tryggheten i området ska öka.]"
    indicator:
      id: matt-1
      name: "[Andel boende som känner sig trygga]"
      source: safety-survey       # safety-survey, reported-crime eller other
      source_text: polisens trygghetsmätning
      direction: increase         # increase (ska öka) eller decrease (ska minska)
      unit: procent
    problems: [problem-1]

# Vem följer upp och hur ofta: tertial, quarter, month, half-year, year, continuous.
follow_up:
  reports:
    - party: polisen
      frequency: tertial
    - party: kommunen
      frequency: continuous
  summary_at_end: true

# En till fyra personer skriver under.
signatories:
  - name: "[Namn]"
    title: Lokalpolisområdeschef
    party: polisen
  - name: "[Namn]"
    title: Kommunstyrelsens ordförande
    party: kommunen

# Ort och datum för underskriften, när de är kända:
# signing: {place: $place_json, date: $start}
""")

ACTIVITY_SHEET = "aktiviteter.csv"
ACTIVITY_HEADER = "datum;löfte;antal;plats;anteckning\n"
"""The activity list `init` writes: the headers only, one row per activity to be added.
Semicolons, because Swedish Excel opens and saves CSV with them."""

NEXT_STEPS = """\
Nästa steg:
  1. Fyll i {pledge} (allt inom [hakparenteser]); docs/dataformat.md förklarar varje nyckel.
  2. Kontrollera:            make-report validate {folder}
  3. Skriv dokumenten:       make-report all {folder} --out ut/
  4. Uppföljning under året: lägg aktiviteter i {folder}/followup/aktiviteter.csv
     (kolumner: datum;löfte;antal;plats;anteckning) och bedömningar i YAML-filer där.
  5. Egna texter:            lägg mallar i {folder}/templates/ (se docs/kommunguide.md)."""


def slug(text: str) -> str:
    """Return an id from a name: 'Laxå kommun' -> 'laxa'."""
    text = re.sub(r"\b(kommun|stad|kommuns|stads)\b", "", text, flags=re.IGNORECASE)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "lofte"


def init_folder(
    folder: Path,
    municipality: str,
    police_area: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Path:
    """Write a new pledge folder with a commented pledge.yaml; return the file written.

    Refuses to overwrite: an existing pledge file is an error.
    """
    target = folder / "pledge.yaml"
    if any((folder / name).exists() for name in ("pledge.yaml", "pledge.yml", "pledge.json")):
        raise DataError([Problem("det finns redan en löftesfil här; välj en ny mapp", file=folder)])
    year = dt.date.today().year
    start = start or dt.date(year, 1, 1)
    end = end or dt.date(start.year, 12, 31)
    if end < start:
        raise DataError([Problem("--to ligger före --from", field="period")])
    name = municipality.strip()
    if not name:
        raise DataError([Problem("ange kommunens namn", field="--municipality")])
    area = (police_area or f"Lokalpolisområde {re.sub(r' (kommun|stad)$', '', name)}").strip()
    place = re.sub(r" (kommun|stad)$", "", name)
    period_text = str(start.year) if start.year == end.year else f"{start} – {end}"
    text = _PLEDGE.substitute(
        municipality=name,
        municipality_json=json.dumps(name, ensure_ascii=False),
        police_area_json=json.dumps(area, ensure_ascii=False),
        overall_json=json.dumps(f"[{area} och {name} lovar att …]", ensure_ascii=False),
        place_json=json.dumps(place, ensure_ascii=False),
        pledge_id=f"{slug(name)}-{start.year}",
        start=start.isoformat(),
        end=end.isoformat(),
        period_text=period_text,
        folder=folder,
    )
    activities = folder / FOLLOWUP_FOLDER / ACTIVITY_SHEET
    write_files({target: text.encode("utf-8"), activities: ACTIVITY_HEADER.encode("utf-8")})
    return target
