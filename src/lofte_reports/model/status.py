"""The status of a promise in a follow-up: a value of the domain, computed or assessed."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """The status of a promise in a follow-up; templates give the Swedish labels.

    completed: Genomförd; on-track: Enligt plan; partly: Delvis genomförd; delayed: Försenad;
    not-started: Inte påbörjad; not-done: Inte genomförd; not-assessed: Bedöms ej.
    `compute_status` never returns NOT_ASSESSED: it is for promises without a countable plan
    or without follow-up data, which callers decide on.
    """

    COMPLETED = "completed"
    ON_TRACK = "on-track"
    PARTLY = "partly"
    DELAYED = "delayed"
    NOT_STARTED = "not-started"
    NOT_DONE = "not-done"
    NOT_ASSESSED = "not-assessed"


class Verdict(StrEnum):
    """The verdict on a promise at the end of a year or of the whole pledge (not an in-year status).

    kept: Hållet; partly-kept: Delvis hållet; not-kept: Inte hållet; missing: Bedömning
    saknas (nobody assessed the period: a gap in the data, and a lint warning);
    not-assessed: Bedöms ej (a decision not to assess, which is not the same as missing).
    Where the promise has a plan the verdict is counted from its units; where it has none it
    is taken from an assessment of that very period, never from an earlier tertial's.
    """

    KEPT = "kept"
    PARTLY_KEPT = "partly-kept"
    NOT_KEPT = "not-kept"
    MISSING = "missing"
    NOT_ASSESSED = "not-assessed"


VALUE_GLOSSES: dict[str, str] = {
    "Status.completed": "genomförd",
    "Status.on-track": "enligt plan",
    "Status.partly": "delvis genomförd",
    "Status.delayed": "försenad",
    "Status.not-started": "inte påbörjad",
    "Status.not-done": "inte genomförd",
    "Status.not-assessed": "bedöms ej (ett beslut att inte bedöma)",
    "Verdict.kept": "hållet",
    "Verdict.partly-kept": "delvis hållet",
    "Verdict.not-kept": "inte hållet",
    "Verdict.missing": "bedömning saknas",
    "Verdict.not-assessed": "bedöms ej (ett beslut att inte bedöma)",
}
"""What each value of an enum or a choice means, in Swedish, for the data-format reference
and the JSON Schema; keyed "Enum.value" or "Model.field.value"."""
