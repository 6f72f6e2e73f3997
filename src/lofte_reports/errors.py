"""Errors a user can act on: each problem says where (file, line, field) and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Loc = tuple[str | int, ...]
"""A path into the data, as pydantic gives it: ("promise_groups", 0, "promises", 1, "text")."""


def format_loc(loc: Loc) -> str:
    """Return a path as a reader writes it: promise_groups[0].promises[1].text."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, located as precisely as we know."""

    message: str
    file: Path | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = str(self.file) + (f":{self.line}" if self.line else "") + ": "
        elif self.line:
            where = f"rad {self.line}: "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class LofteError(Exception):
    """Base class for errors that are the user's to fix; the CLI prints them without a traceback."""


class DataError(LofteError):
    """The input data (or a template, or an asset) is wrong; lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = "1 fel hittades:" if count == 1 else f"{count} fel hittades:"
        return "\n".join([head, *(f"  {problem}" for problem in self.problems)])
