"""Checks that the ids a pledge refers to exist and that its own ids are unique.

Returns problems as (location, message) pairs, the location being a pydantic-style
path into the data, so that the loader can point at the file line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lofte_reports.errors import Loc

if TYPE_CHECKING:
    from lofte_reports.model.pledge import Pledge


def reference_problems(pledge: Pledge) -> list[tuple[Loc, str]]:
    """Return every dangling reference and duplicated id in the pledge, in document order."""
    parties = [p.id for p in pledge.parties]
    problems_ids = [p.id for p in pledge.situation.problems] if pledge.situation else []
    areas = [a.id for a in pledge.priority_areas]
    found: list[tuple[Loc, str]] = []
    found += _duplicates(("parties",), parties)
    found += _duplicates(("situation", "problems"), problems_ids)
    found += _duplicates(("priority_areas",), areas)
    promise_ids: list[tuple[Loc, str]] = [
        ((("promise_groups", g, "promises", n, "id")), promise.id)
        for g, group in enumerate(pledge.promise_groups)
        for n, promise in enumerate(group.promises)
    ]
    goal_ids: list[tuple[Loc, str]] = [
        (("goals", n, "id"), goal.id) for n, goal in enumerate(pledge.goals)
    ]
    found += _duplicate_ids(promise_ids + goal_ids, "löfte eller mål")

    if pledge.situation:
        for n, dialogue in enumerate(pledge.situation.dialogues):
            found += _unknown(
                ("situation", "dialogues", n, "held_by"), dialogue.held_by, parties, "part"
            )
    for g, group in enumerate(pledge.promise_groups):
        here: Loc = ("promise_groups", g)
        found += _unknown((*here, "by"), group.by, parties, "part")
        found += unknown_id(
            (*here, "priority_area"), group.priority_area, areas, "prioriterat område"
        )
        for n, promise in enumerate(group.promises):
            at: Loc = (*here, "promises", n)
            found += _unknown((*at, "by"), promise.by, parties, "part")
            found += _unknown((*at, "problems"), promise.problems, problems_ids, "problem")
            found += unknown_id(
                (*at, "priority_area"), promise.priority_area, areas, "prioriterat område"
            )
            if not promise.by and not group.by:
                found.append(((*at, "by"), "ange vilken part som lovar (by), här eller i gruppen"))
    for n, goal in enumerate(pledge.goals):
        found += _unknown(("goals", n, "problems"), goal.problems, problems_ids, "problem")
    if pledge.follow_up:
        for n, report in enumerate(pledge.follow_up.reports):
            found += unknown_id(("follow_up", "reports", n, "party"), report.party, parties, "part")
    for n, signatory in enumerate(pledge.signatories):
        found += unknown_id(("signatories", n, "party"), signatory.party, parties, "part")
    for n, logo in enumerate(pledge.theme.logos if pledge.theme else []):
        found += unknown_id(("theme", "logos", n, "party"), logo.party, parties, "part")
    return found


def _unknown(loc: Loc, used: list[str], known: list[str], what: str) -> Iterator[tuple[Loc, str]]:
    for n, value in enumerate(used):
        yield from unknown_id((*loc, n), value, known, what)


def unknown_id(
    loc: Loc, value: str | None, known: list[str], what: str, adjective: str = "okänd"
) -> Iterator[tuple[Loc, str]]:
    """Yield a problem if `value` is not one of the `known` ids, naming the known ones.

    `adjective` agrees with `what` in Swedish: "okänd part", "okänt löfte".
    """
    if value is not None and value not in known:
        choices = ", ".join(known) if known else "inga finns"
        yield loc, f"{adjective} {what} '{value}'; kända: {choices}"


def _duplicates(loc: Loc, ids: list[str]) -> list[tuple[Loc, str]]:
    return _duplicate_ids([((*loc, n, "id"), value) for n, value in enumerate(ids)], "id")


def _duplicate_ids(located: list[tuple[Loc, str]], what: str) -> list[tuple[Loc, str]]:
    seen: set[str] = set()
    found: list[tuple[Loc, str]] = []
    for loc, value in located:
        if value in seen:
            found.append(
                (loc, f"id '{value}' används redan för ett annat {what}; id måste vara unika")
            )
        seen.add(value)
    return found
