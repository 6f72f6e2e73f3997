"""What every document template can call to lay out a document.

A builder renders its template with a `doc` object; each call appends one block to the
document tree, in template order, and returns an empty string. So templates decide the
order and presence of sections and write the fixed prose, while data text reaches the
tree untouched through calls such as `doc.paragraphs(pledge.background)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import jinja2

from lofte_reports import nodes
from lofte_reports.errors import DataError, Problem
from lofte_reports.templating import render

_ROLES = ("body", "lead", "note")


class DocumentCalls:
    """Collects blocks and document properties from template calls."""

    def __init__(self) -> None:
        self._blocks: list[nodes.Block] = []
        self._metadata: nodes.Metadata | None = None
        self._page = nodes.PageSetup(page_label="{page} / {pages}")

    def metadata(
        self, title: str, author: str, subject: str = "", keywords: Sequence[str] = ()
    ) -> str:
        """Set the document's title, author, subject and keywords."""
        self._metadata = nodes.Metadata(
            text_argument(title),
            text_argument(author),
            text_argument(subject),
            tuple(map(text_argument, keywords)),
        )
        return ""

    def page(self, page_label: str, header: str = "", notice: str | None = None) -> str:
        """Set what is printed on every page; `page_label` holds {page} and {pages}."""
        self._page = nodes.PageSetup(
            text_argument(page_label),
            text_argument(header),
            None if notice is None else text_argument(notice),
        )
        return ""

    def title(self, text: str, lines: Sequence[str] = ()) -> str:
        """Add the title block."""
        kept = tuple(text_argument(line) for line in lines if line)
        return self._add(nodes.TitleBlock(text_argument(text), kept))

    def heading(self, level: int, text: str) -> str:
        """Add a heading; an empty heading is left out (so a template can switch it off)."""
        if not text_argument(text).strip():
            return ""
        return self._add(nodes.Heading(level, text))

    def paragraph(self, text: str | None = None, role: str = "body", caller: Any = None) -> str:
        """Add a paragraph of template prose, given as an argument or as a call block's body."""
        if caller is not None:
            text = caller()
        text = text_argument(text or "").strip()
        return self._add(nodes.Paragraph.of(text, _role(role))) if text else ""

    def paragraphs(self, texts: Sequence[str], role: str = "body") -> str:
        """Add data paragraphs exactly as written."""
        for text in texts:
            self._add(nodes.Paragraph.of(text_argument(text), _role(role)))
        return ""

    def items(self, texts: Sequence[str], ordered: bool = False, start: int = 1) -> str:
        """Add a bulleted (or numbered) list of texts."""
        if texts:
            paragraphs = tuple(nodes.Paragraph.of(text_argument(text)) for text in texts)
            self._add(nodes.ItemList(paragraphs, ordered, start))
        return ""

    def _add(self, block: nodes.Block) -> str:
        self._blocks.append(block)
        return ""

    def document(self) -> nodes.Document:
        """Return the document collected so far."""
        if self._metadata is None:
            raise DataError([Problem("mallen anger inga dokumentegenskaper (doc.metadata)")])
        return nodes.Document(self._metadata, self._page, tuple(self._blocks))


def build(
    template: str,
    calls: DocumentCalls,
    context: dict[str, Any],
    language: str,
    user_folder: Path | None,
) -> nodes.Document:
    """Return the document that `template` lays out through `calls`."""
    stray = render(template, {**context, "doc": calls}, language, user_folder).strip()
    if stray:
        excerpt = stray[:60] + ("…" if len(stray) > 60 else "")
        raise DataError(
            [
                Problem(
                    f"mallen {template} skriver text utanför doc-anrop: {excerpt!r}; "
                    "lägg text i doc.paragraph(…) eller {% call doc.paragraph() %}"
                )
            ]
        )
    return calls.document()


def text_argument(value: object) -> str:
    """Return `value` if it is text; raise a template error (with its line) if it is not."""
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    if not isinstance(value, str):
        raise jinja2.TemplateRuntimeError(f"väntade text, fick {type(value).__name__}: {value!r}")
    return value


def _role(role: str) -> Literal["body", "lead", "note"]:
    if role == "lead":
        return "lead"
    if role == "note":
        return "note"
    if role != "body":
        raise DataError([Problem(f"okänd styckeroll {role!r}; välj en av {', '.join(_ROLES)}")])
    return "body"
