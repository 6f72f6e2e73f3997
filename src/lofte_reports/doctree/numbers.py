"""How a number is written in a document: one formatting for templates and charts alike.

The document's language decides the separators ("1 234,5" in Swedish, "1,234.5" in
English); a minus is always the typographic minus U+2212, and at most two decimals are
shown, as the data gives them (2.50 is written 2,5; 1.666 is written 1,67).
"""

from __future__ import annotations

from babel.numbers import format_decimal

MINUS = "\u2212"


def format_number(value: float | None, language: str, signed: bool = False) -> str:
    """Return `value` as the language (a BCP 47 tag such as sv-SE) writes it; "" for None.

    `signed` writes a plus before a positive change ("+4"); zero is never signed or "−0".
    """
    if value is None:
        return ""
    locale = language.replace("-", "_")
    text = str(format_decimal(abs(value), format="#,##0.##", locale=locale))
    if text == "0":
        return text
    if value < 0:
        return MINUS + text
    return "+" + text if signed else text
