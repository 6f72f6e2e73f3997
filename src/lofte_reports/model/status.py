"""The status of a promise in a follow-up: a value of the domain, computed or assessed."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """The status of a promise in a follow-up; templates give the Swedish labels.

    completed: Genomförd; on-track: Enligt plan; partly: Delvis; delayed: Försenad;
    not-started: Ej påbörjad; not-done: Ej genomförd; not-assessed: Bedöms ej.
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
