"""A tiny HTML element builder in which text is always text.

Every string given as a child or an attribute value is escaped; only `Markup` made by this
module passes unescaped. Tag and attribute names are the writer's own constants, checked
against a strict pattern, so nothing from the data can ever become markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

_NAME = re.compile(r"[a-z][a-zA-Z0-9-]*\Z")
_VOID = frozenset({"br", "col", "img", "meta"})


@dataclass(frozen=True, slots=True)
class Markup:
    """A piece of HTML this module built: the only string that is not escaped."""

    html: str


Child = Markup | str | None
"""A child of an element: markup, text (escaped) or nothing."""


def text(value: str) -> Markup:
    """Return text as markup: escaped, with newlines as line breaks."""
    return Markup("<br>".join(html.escape(line, quote=True) for line in value.split("\n")))


def join(children: Iterable[Child], separator: str = "") -> Markup:
    """Return children side by side; `separator` is layout whitespace only."""
    parts = [
        child.html if isinstance(child, Markup) else text(child).html
        for child in children
        if child is not None
    ]
    return Markup(separator.join(parts))


def element(
    tag: str, *children: Child, attributes: dict[str, str | None] | None = None, block: bool = False
) -> Markup:
    """Return `<tag attributes>children</tag>`; None children and None attributes are left out.

    `block` puts each child on a line of its own, for readable source (never inside text).
    """
    if not _NAME.match(tag):
        raise ValueError(f"not an element name: {tag!r}")
    attrs = ""
    for name, value in (attributes or {}).items():
        if not _NAME.match(name):
            raise ValueError(f"not an attribute name: {name!r}")
        if value is not None:
            attrs += f' {name}="{html.escape(value, quote=True)}"'
    if tag in _VOID:
        if children:
            raise ValueError(f"<{tag}> cannot have children")
        return Markup(f"<{tag}{attrs}>")
    newline = "\n" if block else ""
    inner = join(children, newline).html
    if block and inner:
        inner = f"\n{inner}\n"
    return Markup(f"<{tag}{attrs}>{inner}</{tag}>")


def style_sheet(css: str) -> Markup:
    """Return a `<style>` element; CSS made by `css.py` never holds `<`, so it cannot end early."""
    if "<" in css:
        raise ValueError("a style sheet must not contain '<'")
    return Markup(f"<style>\n{css}</style>")
