"""The web page's style sheet, from the same look as the PDF and the DOCX (`writers/_look.py`).

Sizes are those of `_look` in proportion to the body text: on screen the body is the
reader's own default size (1rem), so a browser's text size setting works; in print it is
the PDF's 10.5 pt and every other size comes out in the PDF's points. Colours are the
theme's, else the built-in ones.

Fonts: no web font is embedded. The four shipped DejaVu Sans faces would add about 3 MB of
base64 to every page, and a municipal site's editor sets its own font anyway; so the stack
names the theme's font (where the reader has it), then DejaVu Sans (most Linux systems,
LibreOffice) and Verdana (Windows and macOS; both descend from the same wide, open
design), then the system's sans-serif. Browsers fall back per character, so Sami letters
such as ŋ đ ŧ show in any of them.

Every rule of the content is scoped under `.lofte` (the `<article>`), so a fragment pasted
into a site's editor styles only itself.
"""

from __future__ import annotations

import re

from lofte_reports.doctree.nodes import DocumentStyle, split_page_label
from lofte_reports.writers import _look
from lofte_reports.writers._look import TEXT, TextLook
from lofte_reports.writers._page import BOTTOM_MARGIN_MM, TOP_MARGIN_MM, side_margins_mm

SCOPE = ".lofte"
FALLBACK_FONTS = ('"DejaVu Sans"', "Verdana", '"Segoe UI"', "Arial", "sans-serif")
_HEX = re.compile(r"#?([0-9A-Fa-f]{6})\Z")
_BODY = TEXT["body"]


def colour(value: str) -> str:
    """Return "#RRGGBB" of a colour written with or without "#"; ValueError for anything else."""
    found = _HEX.match(value)
    if found is None:
        raise ValueError(f"not a colour: {value!r}")
    return "#" + found.group(1).upper()


def css_string(value: str) -> str:
    """Return `value` as a quoted CSS string; everything but letters, digits and spaces escaped."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in value) + '"'


def _em(points: float, size: float) -> str:
    return f"{points / size:.3g}em"


def _mm(value: float) -> str:
    return f"{value:g}mm"


def _text(look: TextLook, heading: str) -> str:
    """Return the declarations of one text style of `_look`."""
    parts = [
        f"font-size: {_em(look.size, _BODY.size)}",
        f"line-height: {look.leading / look.size:.3g}",
        f"margin: {_em(look.space_before, look.size)} 0 {_em(look.space_after, look.size)}",
        f"font-weight: {'bold' if look.bold else 'normal'}",
        f"color: {colour(_look.ink_hex(look.ink, heading))}",
    ]
    return "; ".join(parts)


def font_stack(style: DocumentStyle) -> str:
    """Return the font-family list: the theme's font first where it has one."""
    own = (css_string(style.font.name),) if style.font is not None else ()
    return ", ".join((*own, *FALLBACK_FONTS))


def content_css(style: DocumentStyle) -> str:
    """Return the rules of the content, every one under `.lofte`."""
    heading = colour(style.primary or _look.HEADING)
    rule = colour(style.primary or _look.RULE)
    fill = colour(style.accent or _look.HEADER_FILL)
    s = SCOPE
    rules = [
        f"{s} {{ font-family: {font_stack(style)}; font-size: 1rem; color: {colour(_look.INK)};"
        f" line-height: {_BODY.leading / _BODY.size:.3g}; max-width: 46rem; margin: 0 auto; }}",
        f"{s} p, {s} li, {s} td, {s} th, {s} caption, {s} figcaption, {s} h1, {s} h2, {s} h3,"
        f" {s} h4 {{ white-space: pre-wrap; tab-size: 4; overflow-wrap: break-word; }}",
        f"{s} p {{ {_text(TEXT['body'], heading)} }}",
        f"{s} p.lofte-lead {{ {_text(TEXT['lead'], heading)} }}",
        f"{s} p.lofte-note {{ {_text(TEXT['note'], heading)} }}",
        f"{s} .lofte-title {{ border-bottom: 1.2pt solid {rule}; margin: 0 0 1em;"
        " padding-bottom: 0.5em; }",
        f"{s} .lofte-title h1 {{ {_text(TEXT['title'], heading)} }}",
        f"{s} .lofte-title p {{ {_text(TEXT['title_line'], heading)} }}",
        *(f"{s} .lofte-h{n} {{ {_text(TEXT[f'h{n}'], heading)} }}" for n in (1, 2, 3)),
        f"{s} .lofte-notice {{ {_text(TEXT['notice'], heading)}; background: "
        f"{colour(_look.NOTICE_FILL)}; border: 1px solid #000000; padding: 0.4em 0.6em; }}",
        f"{s} ul, {s} ol {{ margin: 0 0 {_em(_BODY.space_after, _BODY.size)}; padding-left: 1.6em; }}",
        f"{s} li {{ margin: 0 0 {_em(_look.LIST_ITEM_SPACE_AFTER, _BODY.size)}; }}",
        f"{s} li.lofte-lead {{ font-size: {_em(TEXT['lead'].size, _BODY.size)}; }}",
        f"{s} li.lofte-note {{ font-size: {_em(TEXT['note'].size, _BODY.size)};"
        f" color: {colour(_look.MUTED)}; }}",
        f"{s} table {{ border-collapse: collapse; width: 100%; margin: 0 0 1.2em; }}",
        f"{s} caption {{ {_text(TEXT['caption'], heading)}; text-align: left; }}",
        f"{s} th, {s} td {{ {_text(TEXT['cell'], heading)}; text-align: left;"
        f" vertical-align: top; padding: 0.25em 0.4em; border-bottom: 0.5pt solid {rule};"
        " overflow-wrap: anywhere; hyphens: auto; }",
        f"{s} th {{ font-weight: bold; background: {fill}; }}",
        f"{s} td.lofte-note {{ {_text(TEXT['cell_note'], heading)}; padding: 0.25em 0.4em; }}",
        *(
            f"{s} .lofte-tone-{tone} {{ color: {colour(value)}; }}"
            for tone, value in _look.TONE_RGB.items()
        ),
        f"{s} figure {{ margin: 0.8em 0 0.4em; }}",
        f"{s} figcaption {{ {_text(TEXT['caption'], heading)} }}",
        f"{s} figure svg {{ display: block; width: 100%; height: auto; }}",
        f"{s} .lofte-signatures {{ margin: 2em 0 0; display: grid;"
        " grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));"
        " column-gap: 2.5em; }",
        f"{s} .lofte-signatures > p {{ {_text(TEXT['signature_label'], heading)} }}",
        f"{s} .lofte-signatures > p.lofte-dateline {{ grid-column: 1 / -1; }}",
        f"{s} .lofte-blank {{ display: inline-block; min-width: 10em;"
        " border-bottom: 0.8pt solid #000000; }",
        f"{s} .lofte-signatory {{ margin: 0 0 1.5em; break-inside: avoid; }}",
        f"{s} .lofte-sign-here {{ height: 3.5em; border-bottom: 0.8pt solid #000000;"
        " margin: 0 0 0.3em; }",
        f"{s} .lofte-signatory p {{ {_text(TEXT['signature_line'], heading)} }}",
        f"{s} .lofte-signatory p.lofte-name {{ {_text(TEXT['signature_name'], heading)} }}",
        "@media print {",
        f"  {s} {{ font-size: {_BODY.size}pt; max-width: none; }}",
        f"  {s} h1, {s} h2, {s} h3, {s} h4, {s} caption, {s} figcaption {{ break-after: avoid; }}",
        f"  {s} tr, {s} figure, {s} .lofte-signatures {{ break-inside: avoid; }}",
        f"  {s} thead {{ display: table-header-group; }}",
        f"  {s} th, {s} .lofte-notice {{ print-color-adjust: exact; }}",
        "}",
    ]
    return "\n".join(rules) + "\n"


def page_css(style: DocumentStyle, page_label: str) -> str:
    """Return the rules of the whole page around the content, and its printed pages.

    Printing gives A4 pages with the theme's margins (else those of the PDF) and, in
    browsers that draw page margin boxes, the page label ("Sida 1 av 3") at the foot.
    """
    rule = colour(style.primary or _look.RULE)
    muted = colour(_look.MUTED)
    header = TEXT["page_header"]
    left, right = side_margins_mm(style.margins)
    top = TOP_MARGIN_MM if style.margins.top is None else style.margins.top
    bottom = BOTTOM_MARGIN_MM if style.margins.bottom is None else style.margins.bottom
    label = " ".join(
        css_string(piece) if isinstance(piece, str) else f"counter({('page', 'pages')[piece]})"
        for piece in split_page_label(page_label)
    )
    rules = [
        "body.lofte-page { margin: 0; padding: 1em; background: #FFFFFF; }",
        f".lofte-page > header, .lofte-page > footer {{ font-family: {font_stack(style)};"
        f" color: {muted}; max-width: 46rem; margin: 0 auto; }}",
        f".lofte-page > header {{ display: flex; flex-wrap: wrap; align-items: center; gap: 1em;"
        f" border-bottom: 0.5pt solid {rule}; padding-bottom: 0.4em; margin-bottom: 1em;"
        f" font-size: {_em(header.size, _BODY.size)}; }}",
        ".lofte-page > header p, .lofte-page > footer p { margin: 0; white-space: pre-wrap; }",
        ".lofte-page > header p { margin-left: auto; text-align: right; }",
        ".lofte-page > header img { display: block; }",
        f".lofte-page > footer {{ border-top: 0.5pt solid {rule}; margin-top: 2em;"
        f" padding-top: 0.4em; font-size: {_em(8.5, _BODY.size)}; }}",
        f"@page {{ size: A4; margin: {_mm(top)} {_mm(right)} {_mm(bottom)} {_mm(left)};",
        *([f"  @bottom-right {{ content: {label}; font-size: 8.5pt; }}"] if label else []),
        "}",
        "@media print { body.lofte-page { padding: 0; } .lofte-page > header,"
        " .lofte-page > footer { max-width: none; } }",
    ]
    return "\n".join(rules) + "\n"
