"""Walks over a document tree: every text a writer draws, and a readable outline for tests."""

from __future__ import annotations

from lofte_reports.doctree.nodes import (
    Block,
    Chart,
    Document,
    Heading,
    ItemList,
    Paragraph,
    SignatureBlock,
    Table,
    TitleBlock,
    unknown_block,
)


def document_texts(document: Document) -> list[str]:
    """Return every text a writer draws for `document`, blocks and page decorations alike.

    Document properties and alternative texts are left out: no font draws them.
    """
    texts = [document.page.page_label, document.page.header]
    texts += [document.page.notice or "", document.style.header, document.style.footer]
    for block in document.blocks:
        texts += _block_texts(block)
    return [text for text in texts if text]


def _block_texts(block: Block) -> list[str]:
    match block:
        case TitleBlock(title, lines):
            return [title, *lines]
        case Heading(_, text):
            return [text]
        case Paragraph():
            return [span.text for span in block.spans]
        case ItemList(items, _, _):
            return [span.text for item in items for span in item.spans]
        case Table(header, rows, caption, _):
            cells = [*header, *(cell for row in rows for cell in row)]
            return [caption or "", *(span.text for cell in cells for span in cell.spans)]
        case Chart(title, categories, series, _, axis_label):
            return [title, *categories, *(s.name for s in series), axis_label]
        case SignatureBlock(signatories, place_label, date_label, place, date, dateline):
            people = [t for s in signatories for t in (s.name, s.title, s.organisation)]
            if dateline is not None:
                return [*people, dateline]
            return [*people, place_label, date_label, place or "", date or ""]
        case _:
            return unknown_block(block, "the tree walk")


def dump(document: Document) -> str:
    """Return a readable outline of the tree, one line per block, for golden tests."""
    lines = [f"Document {document.metadata.title!r} lang={document.metadata.language}"]
    for block in document.blocks:
        lines.append(_dump_block(block))
    return "\n".join(lines) + "\n"


def _dump_block(block: Block) -> str:
    match block:
        case TitleBlock(title, sub):
            return f"Title {title!r}" + "".join(f"\n  | {line!r}" for line in sub)
        case Heading(level, text):
            return f"H{level} {text!r}"
        case Paragraph():
            return f"P[{block.role}] {block.text!r}"
        case ItemList(items, ordered, start):
            marks = [f"{start + n}." if ordered else "-" for n in range(len(items))]
            return "List" + "".join(
                f"\n  {m} {i.text!r}" for m, i in zip(marks, items, strict=True)
            )
        case Table(header, rows, caption, _):
            cells = [" | ".join(cell.text for cell in header)]
            cells += [" | ".join(cell.text for cell in row) for row in rows]
            return f"Table {caption!r}" + "".join(f"\n  {row}" for row in cells)
        case Chart(title, categories, series, _, _):
            body = "".join(f"\n  {s.name}: {list(s.values)}" for s in series)
            return f"Chart {title!r} {list(categories)}{body}"
        case SignatureBlock(signatories, _, _, place, date, dateline):
            people = "".join(f"\n  {s.name} / {s.title} / {s.organisation}" for s in signatories)
            line = "" if dateline is None else f" dateline={dateline!r}"
            return f"Signatures place={place!r} date={date!r}{line}{people}"
        case _:
            return unknown_block(block, "the tree walk")
