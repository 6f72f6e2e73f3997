"""Draw a `nodes.Document` as one self-contained, accessible HTML5 page (or an `<article>`).

Every block becomes elements in `_HtmlBuilder.block`, the one place that dispatches on
node type. The page holds its own CSS (`css.py`), its logos as data: URIs and its charts as
inline SVG (`chart.py`); it loads nothing and runs no script. All text goes through
`markup.py`, which escapes it. With the extra `HTML_FRAGMENT` only the `<article>` is
written, with its scoped CSS, for a site's editor.
"""

from __future__ import annotations

import base64
import hashlib

from lofte_reports.doctree.nodes import (
    HTML_FRAGMENT,
    Block,
    Chart,
    Document,
    Heading,
    ItemList,
    Logo,
    Paragraph,
    SignatureBlock,
    Span,
    Table,
    TitleBlock,
    unknown_block,
)
from lofte_reports.writers.html.chart import chart_svg, figures_table, has_figures_table
from lofte_reports.writers.html.css import content_css, page_css
from lofte_reports.writers.html.markup import Markup, element, join, style_sheet, text

_MIME = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}
_PX_PER_MM = 96 / 25.4


def write_html(document: Document) -> bytes:
    """Return the document as UTF-8 HTML: a whole page, or the article alone as a fragment."""
    fragment = document.style.extra(*HTML_FRAGMENT) is not None
    article = _HtmlBuilder(document).article(scoped_css=fragment)
    if fragment:
        return (article.html + "\n").encode("utf-8")
    return (_page(document, article).html + "\n").encode("utf-8")


def _page(document: Document, article: Markup) -> Markup:
    meta, look = document.metadata, document.style
    head = element(
        "head",
        element("meta", attributes={"charset": "utf-8"}),
        element(
            "meta",
            attributes={"name": "viewport", "content": "width=device-width, initial-scale=1"},
        ),
        element("title", meta.title),
        element("meta", attributes={"name": "author", "content": meta.author}),
        element("meta", attributes={"name": "description", "content": meta.subject or None}),
        element(
            "meta",
            attributes={"name": "keywords", "content": ", ".join(meta.keywords) or None},
        ),
        element("meta", attributes={"name": "generator", "content": meta.creator}),
        style_sheet(page_css(look, document.page.page_label) + content_css(look)),
        block=True,
    )
    header_text = "\n".join(t for t in (look.header, document.page.header) if t)
    header = None
    if look.logos or header_text:
        logos = [_logo(logo, look.logo_height) for logo in look.logos]
        header = element(
            "header", *logos, element("p", text(header_text)) if header_text else None, block=True
        )
    footer = element("footer", element("p", text(look.footer)), block=True) if look.footer else None
    body = element(
        "body",
        header,
        element("main", article, block=True),
        footer,
        attributes={"class": "lofte-page"},
        block=True,
    )
    html = element("html", head, body, attributes={"lang": meta.language}, block=True)
    return Markup("<!DOCTYPE html>\n" + html.html)


def _logo(logo: Logo, height_mm: float) -> Markup:
    """Return a logo as an image with its alternative text; the data is a data: URI.

    An SVG (already checked by the theme loader: no script, no references, no text) is
    shown through `<img>` as well: a browser runs no script and loads nothing for it there.
    """
    image = logo.image
    height = round(height_mm * _PX_PER_MM)
    width = round(height * image.width / image.height)
    source = f"data:{_MIME[image.format]};base64,{base64.b64encode(image.data).decode('ascii')}"
    return element(
        "img",
        attributes={
            "src": source,
            "alt": logo.alt_text,
            "width": str(width),
            "height": str(height),
        },
    )


class _HtmlBuilder:
    """Builds one document's article; holds the heading level and the ids it has given."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.language = document.metadata.language
        digest = hashlib.sha256(document.metadata.title.encode("utf-8")).hexdigest()[:6]
        self.id_prefix = f"lofte-{digest}"  # ids stay unique when two fragments share a page
        self.charts = 0
        self.outline_level = -1
        self.title_offset = int(any(isinstance(b, TitleBlock) for b in document.blocks))

    def article(self, scoped_css: bool) -> Markup:
        """Return the `<article>`: the example-data notice first, then every block."""
        notice = self.document.page.notice
        blocks = self.document.blocks
        parts: list[Markup | None] = [
            style_sheet(content_css(self.document.style)) if scoped_css else None,
            None
            if notice is None
            else element("p", text(notice), attributes={"class": "lofte-notice", "role": "note"}),
        ]
        for index, block in enumerate(blocks):
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            parts.append(self.block(block, after))
        return element(
            "article",
            *parts,
            attributes={"class": "lofte", "lang": self.language if scoped_css else None},
            block=True,
        )

    def block(self, block: Block, after: Block | None = None) -> Markup:
        """Return the elements of one block; `after` is the next block, if any."""
        match block:
            case TitleBlock():
                return self._title(block)
            case Heading():
                return self._heading(block)
            case Paragraph():
                return self._paragraph(block)
            case ItemList():
                return self._list(block)
            case Table():
                return self._table(block)
            case Chart():
                return self._chart(block, after)
            case SignatureBlock():
                return self._signatures(block)
            case _:
                return unknown_block(block, "the HTML writer")

    def _spans(self, spans: tuple[Span, ...]) -> Markup:
        """Return spans as text: bold as `<strong>`, italic as `<em>`, a tone as a coloured span."""
        parts: list[Markup] = []
        for span in spans:
            piece = text(span.text)
            if span.emphasis:
                piece = element("em", piece)
            if span.strong:
                piece = element("strong", piece)
            if span.tone is not None:
                piece = element("span", piece, attributes={"class": f"lofte-tone-{span.tone}"})
            parts.append(piece)
        return join(parts)

    def _paragraph(self, paragraph: Paragraph) -> Markup:
        role = None if paragraph.role == "body" else f"lofte-{paragraph.role}"
        return element("p", self._spans(paragraph.spans), attributes={"class": role})

    def _title(self, block: TitleBlock) -> Markup:
        lines = [element("p", text(line)) for line in block.lines]
        return element(
            "header",
            element("h1", text(block.title)),
            *lines,
            attributes={"class": "lofte-title"},
            block=True,
        )

    def _heading(self, block: Heading) -> Markup:
        # Levels may rise by one at a time only, as in the PDF's tags and outline.
        self.outline_level = min(block.level - 1, self.outline_level + 1)
        tag = f"h{self.outline_level + 1 + self.title_offset}"
        look = f"lofte-h{min(3, self.outline_level + 1)}"
        return element(tag, text(block.text), attributes={"class": look})

    def _list(self, block: ItemList) -> Markup:
        items = [
            element(
                "li",
                self._spans(item.spans),
                attributes={"class": None if item.role == "body" else f"lofte-{item.role}"},
            )
            for item in block.items
        ]
        if not block.ordered:
            return element("ul", *items, block=True)
        start = None if block.start == 1 else str(block.start)
        return element("ol", *items, attributes={"start": start}, block=True)

    def _table(self, block: Table, row_headers: bool = False) -> Markup:
        """Return a table: caption, header cells `th scope="col"`, widths as a colgroup.

        `row_headers` makes each row's first cell its header (`th scope="row"`).
        """
        cols = None
        if block.widths is not None:
            total = sum(block.widths)
            cols = element(
                "colgroup",
                *(
                    element("col", attributes={"style": f"width: {100 * w / total:.1f}%"})
                    for w in block.widths
                ),
            )
        head_cells = [
            element("th", self._spans(c.spans), attributes={"scope": "col"})
            if c.text
            else element("td")
            for c in block.header
        ]
        rows = []
        for row in block.rows:
            cells = []
            for number, cell in enumerate(row):
                note = "lofte-note" if cell.role == "note" else None
                if row_headers and number == 0:
                    attributes = {"scope": "row", "class": note}
                    cells.append(element("th", self._spans(cell.spans), attributes=attributes))
                else:
                    cells.append(element("td", self._spans(cell.spans), attributes={"class": note}))
            rows.append(element("tr", *cells))
        return element(
            "table",
            None if block.caption is None else element("caption", text(block.caption)),
            cols,
            element("thead", element("tr", *head_cells)),
            element("tbody", *rows, block=True),
            block=True,
        )

    def _chart(self, block: Chart, after: Block | None) -> Markup:
        """Return the chart's figure, then its figures as a table unless the tree has one next."""
        self.charts += 1
        svg = chart_svg(block, self.language, f"{self.id_prefix}-chart-{self.charts}")
        figure = element(
            "figure", element("figcaption", text(block.title)), svg, attributes={}, block=True
        )
        if has_figures_table(block, after):
            return figure
        table = self._table(figures_table(block, self.language), row_headers=True)
        return join([figure, table], "\n")

    def _signatures(self, block: SignatureBlock) -> Markup:
        """Return place and date (or the dateline), then each signatory: room to sign, who."""
        parts: list[Markup] = []
        if block.dateline is not None:
            parts.append(element("p", text(block.dateline), attributes={"class": "lofte-dateline"}))
        else:
            for label, value in block.place_and_date:
                filled = element(
                    "span",
                    text(value or ""),
                    attributes={"class": None if value else "lofte-blank"},
                )
                parts.append(element("p", text(f"{label}: "), filled))
        parts += [
            element(
                "div",
                element("div", attributes={"class": "lofte-sign-here"}),
                element("p", text(person.name), attributes={"class": "lofte-name"}),
                element("p", text(person.title)),
                element("p", text(person.organisation)),
                attributes={"class": "lofte-signatory"},
                block=True,
            )
            for person in block.signatories
        ]
        return element("div", *parts, attributes={"class": "lofte-signatures"}, block=True)
