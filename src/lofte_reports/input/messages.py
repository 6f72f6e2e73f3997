"""Validation messages in plain Swedish, keyed by pydantic's error type."""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails

_QUOTE_HINT = "sätt texten inom citattecken om den ser ut som ett tal, datum eller ja/nej"

_MESSAGES: dict[str, str] = {
    "missing": "saknas; fältet måste anges",
    "extra_forbidden": "okänt fält; kontrollera stavningen",
    "string_type": f"ska vara text ({_QUOTE_HINT})",
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
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    template = _MESSAGES.get(kind)
    if template is None:
        return detail["msg"]
    return template.format(**ctx)
