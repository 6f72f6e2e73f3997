"""Validation messages in plain Swedish, keyed by pydantic's error type."""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails

_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        "found character '\\t' that cannot start any token",
        "ett tabbtecken står där YAML bara tillåter mellanslag; dra in raderna med mellanslag",
    ),
    (
        "mapping values are not allowed here",
        (
            "ett kolon följt av mellanslag (': ') eller sist på raden gör texten till en ny "
            "nyckel, och en sådan får inte stå här; sätt texten inom citattecken"
        ),
    ),
    (
        "could not find expected ':'",
        "ett kolon (:) saknas efter nyckeln, eller en text fortsätter på nästa rad utan citattecken",
    ),
    ("found undefined alias", "aliaset (*namn) är inte definierat med &namn tidigare i filen"),
    ("expected <block end>, but found", "indraget stämmer inte med raderna ovan"),
    ("found duplicate anchor", "samma ankare (&namn) används två gånger"),
)
"""PyYAML's commonest English problems, said in Swedish (others are shown as PyYAML says them)."""


def yaml_problem(problem: str) -> str:
    """Return a YAML parser's problem in plain Swedish when we know it, else as it is."""
    return next((swedish for english, swedish in _YAML_PROBLEMS if english in problem), problem)


def _found(value: Any, in_list: bool = False) -> str:
    """Return what a value the file holds is, for a message about a field that wants text.

    `in_list`: the value is an item of a list (a paragraph of several, say).
    """
    if isinstance(value, bool):
        return "här står ja/nej (true/false); sätt texten inom citattecken"
    if isinstance(value, int | float):
        return "här står ett tal; sätt texten inom citattecken"
    if isinstance(value, dict) and len(value) == 1 and None in value.values():
        key = next(iter(value))
        return (
            f"här står nyckeln '{key}:' utan värde, eftersom texten slutar med kolon; "
            "sätt texten inom citattecken eller ta bort kolonet"
        )
    if isinstance(value, dict):
        return (
            "här står en samling fält (nyckel: värde), kanske för att texten innehåller "
            "kolon och mellanslag (': '); sätt texten inom citattecken"
        )
    if isinstance(value, list) and in_list:
        return (
            "här står en lista inne i listan (en rad '- ' med indragna rader som också börjar "
            "med '- '); skriv varje punkt som en egen rad '- text' på samma indrag"
        )
    if isinstance(value, list):
        return "här står en lista (rader som börjar med '- '); skriv en enda text"
    if value is None:
        return "här står inget värde; skriv texten efter kolonet"
    return "här står ett datum eller en tid; sätt texten inom citattecken"


_MESSAGES: dict[str, str] = {
    "missing": "saknas; fältet måste anges",
    "extra_forbidden": "okänt fält; kontrollera stavningen",
    "string_too_short": "får inte vara tom",
    "string_too_long": "är för lång (högst {max_length} tecken)",
    "string_pattern_mismatch": (
        "ska vara ett id av små bokstäver a–z, siffror, - och _ (t.ex. 'polisen')"
    ),
    "int_type": "ska vara ett heltal",
    "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "float_type": "ska vara ett tal",
    "bool_type": "ska vara true eller false",
    "list_type": "ska vara en lista (rader som börjar med '- ')",
    "dict_type": "ska vara en samling fält (nyckel: värde)",
    "model_type": "ska vara en samling fält (nyckel: värde)",
    "model_attributes_type": "ska vara en samling fält (nyckel: värde)",
    "date_type": "ska vara ett datum i formen ÅÅÅÅ-MM-DD, t.ex. 2018-01-31",
    "greater_than_equal": "måste vara minst {ge}",
    "greater_than": "måste vara större än {gt}",
    "less_than_equal": "får vara högst {le}",
    "too_short": "måste ha minst {min_length} element",
    "too_long": "får ha högst {max_length} element",
    "none_required": "ska inte anges",
}


def message_for(detail: ErrorDetails) -> str:
    """Return a Swedish message for one pydantic error."""
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"ska vara ett av: {expected}"
    if kind == "string_type":
        in_list = isinstance(detail["loc"][-1:][0], int) if detail["loc"] else False
        return f"ska vara text; {_found(detail.get('input'), in_list)}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    template = _MESSAGES.get(kind)
    if template is None:
        return detail["msg"]
    return template.format(**ctx)
