"""What every document template can call to lay out a document.

A builder renders its template with a `doc` object; each call appends one block to the
document tree, in template order, and returns an empty string. So templates decide the
order and presence of sections and write the fixed prose, while data text reaches the
tree untouched through calls such as `doc.paragraphs(pledge.background)`.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TypeAlias

import jinja2

from lofte_reports.builders.environment import BUILTIN, render
from lofte_reports.doctree import nodes
from lofte_reports.errors import DataError, Problem
from lofte_reports.fonts.printable import undrawable

_ROLES = ("body", "lead", "note")
LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}

Cell: TypeAlias = str | nodes.Span | nodes.Paragraph | Sequence[str | nodes.Span]
"""What a table cell may be given as: text, a span, a paragraph, or a list of texts/spans."""


class DocumentCalls:
    """Collects blocks and document properties from template calls."""

    def __init__(
        self,
        language: str = "sv",
        style: nodes.DocumentStyle | None = None,
        date: dt.date | None = None,
    ) -> None:
        self._language_tag = LANGUAGE_TAGS.get(language, language)
        self._style = style or nodes.DocumentStyle()
        self._date = date
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
            self._language_tag,
            date=self._date,
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

    def span(
        self, text: str, strong: bool = False, emphasis: bool = False, tone: str | None = None
    ) -> nodes.Span:
        """Return a run of text for `rich` or `cell`; tone is a colour that only helps."""
        return nodes.Span(text_argument(text), strong, emphasis, _tone(tone))

    def rich(self, spans: Sequence[nodes.Span | str], role: str = "body") -> str:
        """Add a paragraph of spans (and plain texts)."""
        return self._add(self.cell(spans, role))

    def cell(self, content: Cell, role: str = "body") -> nodes.Paragraph:
        """Return a paragraph for a table cell from text, a span or a list of them."""
        if isinstance(content, nodes.Paragraph):
            return content
        items = [content] if isinstance(content, str | nodes.Span) else list(content)
        spans = tuple(
            item if isinstance(item, nodes.Span) else nodes.Span(text_argument(item))
            for item in items
        )
        return nodes.Paragraph(spans, _role(role))

    def table(
        self,
        header: Sequence[Cell],
        rows: Sequence[Sequence[Cell]],
        caption: str | None = None,
        widths: Sequence[float] | None = None,
    ) -> str:
        """Add a table; its header row repeats on every page it spans."""
        table = nodes.Table(
            tuple(self.cell(c) for c in header),
            tuple(tuple(self.cell(c) for c in row) for row in rows),
            None if caption is None else text_argument(caption),
            None if widths is None else tuple(float(w) for w in widths),
        )
        return self._add(table)

    def chart(
        self,
        title: str,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None]]],
        alt_text: str,
        value_axis_label: str = "",
    ) -> str:
        """Add a bar chart; `series` holds (name, values) pairs, one value per category."""
        chart = nodes.Chart(
            text_argument(title),
            tuple(map(text_argument, categories)),
            tuple(
                nodes.Series(text_argument(name), tuple(_number(v) for v in values))
                for name, values in series
            ),
            text_argument(alt_text),
            text_argument(value_axis_label),
        )
        return self._add(chart)

    def _add(self, block: nodes.Block) -> str:
        self._blocks.append(block)
        return ""

    def document(self) -> nodes.Document:
        """Return the document collected so far, in its style (a theme's look, if any).

        Every character of the document, template prose included, must be drawable: by a
        theme's font or the shipped one (`fonts.printable.undrawable`).
        """
        if self._metadata is None:
            raise DataError([Problem("mallen anger inga dokumentegenskaper (doc.metadata)")])
        document = nodes.Document(self._metadata, self._page, tuple(self._blocks), self._style)
        if problems := undrawable(document):
            raise DataError([Problem(message, field=field) for field, message in problems])
        return document


def build(
    template: str,
    calls: DocumentCalls,
    context: dict[str, Any],
    language: str,
    user_folder: Path | None,
) -> nodes.Document:
    """Return the document that `template` lays out through `calls`.

    The template gets a deep copy of the context: the model's lists and dicts can be
    changed in place (`promises.pop(0)`), and templates are written by others, so nothing
    a template does may reach the data of later documents or later renders.
    """
    private = copy.deepcopy(context)
    stray = render(template, {**private, "doc": calls}, language, user_folder).strip()
    if stray:
        excerpt = stray[:60] + ("…" if len(stray) > 60 else "")
        name, line = _where_written(stray, template, language, user_folder)
        where = f"mallen {name}" + (f", rad {line}" if line else "")
        raise DataError(
            [
                Problem(
                    f"{where}: text utanför doc-anrop: {excerpt!r}; "
                    "lägg text i doc.paragraph(…) eller {% call doc.paragraph() %}"
                )
            ]
        )
    return calls.document()


def _where_written(
    stray: str, template: str, language: str, user_folder: Path | None
) -> tuple[str, int | None]:
    """Return the template file and line where stray text was written, as well as we can tell.

    The text is looked for in the user's templates first (where such mistakes are made),
    then in the built-in set; without a match the document's template is named alone.
    """
    needle = stray.splitlines()[0].strip()[:40]
    folders = [user_folder / language, user_folder] if user_folder else []
    candidates = [
        path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.j2"))
    ]
    candidates.append(BUILTIN / template)
    for path in candidates:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle and needle in text:
                return path.name, number
    return template, None


def text_argument(value: object) -> str:
    """Return `value` if it is text; raise a template error (with its line) if it is not."""
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    if not isinstance(value, str):
        raise jinja2.TemplateRuntimeError(f"väntade text, fick {type(value).__name__}: {value!r}")
    return value


def _tone(tone: str | None) -> nodes.Tone | None:
    for known in ("positive", "caution", "negative", "neutral"):
        if tone == known:
            return known
    if tone is not None:
        raise jinja2.TemplateRuntimeError(
            f"okänd ton {tone!r}; välj positive, caution, negative eller neutral"
        )
    return None


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return None if value is None else float(value)
    raise jinja2.TemplateRuntimeError(f"diagram behöver tal, fick {value!r}")


def _role(role: str) -> Literal["body", "lead", "note"]:
    if role == "lead":
        return "lead"
    if role == "note":
        return "note"
    if role != "body":
        raise DataError([Problem(f"okänd styckeroll {role!r}; välj en av {', '.join(_ROLES)}")])
    return "body"
