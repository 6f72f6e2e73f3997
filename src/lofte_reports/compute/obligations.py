"""A plan as obligations per (unit, place), and the activity records counted against them.

A plan "count per unit at each of places" asks for `count` in every unit (term, week, …)
at every place; each (unit, place) is met or not on its own, so six visits to one preschool
never stand in for the two that were not visited, and a surplus in the autumn never repays
a spring term that ended unmet.

Rules, each chosen so that a count can never claim more than the records show:

- **Places** are matched exactly after normalisation: case folded, and every run of
  whitespace one space, trimmed ("tusenskönans  Förskola" is "Tusenskönans förskola", but
  "Drömmen" is not "Drömmens förskola"). Anything looser (prefixes, edit distance) could
  credit a visit to the wrong place; a near miss is reported as unmatched for `lint` to
  name. A record without a place counts only when the plan has exactly one place.
- **Units**: a record counts in the unit whose days (clipped to the pledge) contain it.
  Records between units (a term plan's summer) count nowhere and are reported as outside.
- **Occasions** (`Plan.counts == "occasions"`, the default): all records of one promise at
  one place on one day are one occasion, whatever their `count`. One record cannot prove two
  separate visits on one day, and over-counting is what prints a false "Genomförd"; a plan
  whose activity really happens many times a day says `counts: times`, and then every
  record counts with its `count`. `lint` warns about a count above 1 on an occasion plan.
- **Due**: each (unit, place) is due `count`, prorated like `progress.schedule` for a unit
  cut by the pledge's start or end, and falls due on the unit's end clipped to the pledge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from lofte_reports.compute.periods import units
from lofte_reports.model.calendar import DEFAULT_TERMS, DateRange, TermDates
from lofte_reports.model.followup import ActivityRecord
from lofte_reports.model.pledge import Frequency, Plan

UnitState = Literal["met", "missed", "open", "future"]
"""met: every place has its count; missed: the unit's end has passed unmet (for good);
open: the unit has begun, is not met and has not ended; future: it has not begun."""

TermName = Literal["spring", "autumn"]


def normalise_place(name: str) -> str:
    """Return a place name as places are compared: case folded, whitespace runs one space."""
    return re.sub(r"\s+", " ", name).strip().casefold()


@dataclass(frozen=True, slots=True)
class PlaceTally:
    """One place in one unit (or summed over several): how many due, how many done."""

    place: str | None
    due: int
    done: int
    """Occasions (or times) counted at the place, not capped at `due`."""

    @property
    def credited(self) -> int:
        """Return what counts towards the plan: done, but never more than due."""
        return min(self.done, self.due)

    @property
    def met(self) -> bool:
        """Return whether the place has what is due."""
        return self.done >= self.due


@dataclass(frozen=True, slots=True)
class UnitTally:
    """One unit of a plan (a term, a week, …) as of a day: per place, due and done."""

    unit: DateRange
    """The whole calendar unit, not clipped to the pledge."""
    due_on: dt.date
    """The unit's last day within the pledge: when it falls due."""
    covered: DateRange
    """The unit's days within the pledge, where its records are counted."""
    term: TermName | None
    places: tuple[PlaceTally, ...]
    state: UnitState

    @property
    def due(self) -> int:
        """Return how many the unit asks for over all its places."""
        return sum(place.due for place in self.places)

    @property
    def credited(self) -> int:
        """Return how many of those are done (a surplus at one place does not count)."""
        return sum(place.credited for place in self.places)

    @property
    def done(self) -> int:
        """Return how many were counted over all its places, surplus included."""
        return sum(place.done for place in self.places)

    @property
    def met(self) -> bool:
        """Return whether every place of the unit has what is due."""
        return self.state == "met"

    @property
    def missed(self) -> bool:
        """Return whether the unit ended unmet: missed for good."""
        return self.state == "missed"


@dataclass(frozen=True, slots=True)
class Obligations:
    """A plan's units over the pledge as of a day, and the records that fit no obligation."""

    plan: Plan
    as_of: dt.date
    units: tuple[UnitTally, ...]
    unmatched: tuple[ActivityRecord, ...]
    """Records whose place is not one of the plan's places (or missing where it matters)."""
    outside: tuple[ActivityRecord, ...]
    """Records in the pledge that lie in no unit, e.g. a term plan's visit in July."""

    def due_in(self, within: DateRange) -> tuple[UnitTally, ...]:
        """Return the units that fall due within a date range (a year: its units)."""
        return tuple(u for u in self.units if within.contains(u.due_on))

    def overlapping(self, within: DateRange) -> tuple[UnitTally, ...]:
        """Return the units with days in a date range (a tertial: the terms it touches)."""
        return tuple(u for u in self.units if u.covered.overlap(within) is not None)


def _term(unit: DateRange, per: Frequency, terms: TermDates) -> TermName | None:
    if per is not Frequency.TERM:
        return None
    return "spring" if unit == terms.spring(unit.start.year) else "autumn"


def _round_half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def tally(
    plan: Plan,
    records: Iterable[ActivityRecord],
    pledge: DateRange,
    as_of: dt.date,
    terms: TermDates = DEFAULT_TERMS,
) -> Obligations:
    """Return the plan's obligations over the pledge counted from the records up to `as_of`.

    Records after `as_of` or outside the pledge are not looked at; the caller passes only
    the promise's own records.
    """
    keys: list[str | None] = [normalise_place(p) for p in plan.places] or [None]
    names: list[str | None] = list(plan.places) or [None]
    spans = [
        (unit, covered)
        for unit in units(plan.per, pledge, terms)
        if (covered := unit.overlap(pledge)) is not None
    ]
    seen: dict[tuple[int, int], set[dt.date]] = {}
    times: dict[tuple[int, int], int] = {}
    unmatched: list[ActivityRecord] = []
    outside: list[ActivityRecord] = []
    for record in records:
        if record.date > as_of or not pledge.contains(record.date):
            continue
        place = _place_index(record, keys)
        if place is None:
            unmatched.append(record)
            continue
        index = next((n for n, (_, c) in enumerate(spans) if c.contains(record.date)), None)
        if index is None:
            outside.append(record)
            continue
        seen.setdefault((index, place), set()).add(record.date)
        times[(index, place)] = times.get((index, place), 0) + record.count
    result: list[UnitTally] = []
    for n, (unit, covered) in enumerate(spans):
        due = _round_half_up(plan.count * covered.days, unit.days)
        if due == 0:
            continue
        places = tuple(
            PlaceTally(
                names[p],
                due,
                times.get((n, p), 0) if plan.counts == "times" else len(seen.get((n, p), ())),
            )
            for p in range(len(keys))
        )
        state: UnitState
        if all(place.met for place in places):
            state = "met"
        elif covered.end <= as_of:
            state = "missed"
        elif covered.start <= as_of:
            state = "open"
        else:
            state = "future"
        result.append(
            UnitTally(unit, covered.end, covered, _term(unit, plan.per, terms), places, state)
        )
    return Obligations(plan, as_of, tuple(result), tuple(unmatched), tuple(outside))


def _place_index(record: ActivityRecord, keys: list[str | None]) -> int | None:
    """Return which of the plan's places a record is at, or None if none of them."""
    if keys == [None]:
        return 0
    if record.place is None:
        return 0 if len(keys) == 1 else None
    wanted = normalise_place(record.place)
    return next((n for n, key in enumerate(keys) if key == wanted), None)


def place_totals(tallies: Iterable[UnitTally]) -> tuple[PlaceTally, ...]:
    """Return per place the sum over units of due, and of credited (surplus not carried).

    "Tusenskönan 2 av 2, Pilängsgården 0 av 2" over a year of two terms: `done` here is what
    was credited unit by unit, so six spring visits to one place show as 1 of its 2.
    """
    due: dict[str | None, int] = {}
    done: dict[str | None, int] = {}
    for unit in tallies:
        for place in unit.places:
            due[place.place] = due.get(place.place, 0) + place.due
            done[place.place] = done.get(place.place, 0) + place.credited
    return tuple(PlaceTally(name, due[name], done[name]) for name in due)
