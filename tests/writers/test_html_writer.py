"""The HTML writer: valid, semantic, self-contained pages in which text from data stays text."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lofte_reports.doctree.nodes import (
    Chart,
    Document,
    DocumentStyle,
    Heading,
    Image,
    ItemList,
    Logo,
    PageSetup,
    Paragraph,
    Series,
    Signatory,
    SignatureBlock,
    Span,
    Table,
    TitleBlock,
)
from lofte_reports.writers.html import write_html
from lofte_reports.writers.html.css import css_string
from tests.conftest import ROOT, html_text, html_tree
from tests.trees import every_block_document

SVG = "{http://www.w3.org/2000/svg}"
ATTACK = '<script>alert(1)</script> & "q" \'a\' "><img src=x onerror=alert(2)> </style></p>'


def _headings(root: ElementTree.Element) -> list[tuple[int, str]]:
    return [
        (int(e.tag[1]), "".join(e.itertext()))
        for e in root.iter()
        if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)
    ]


def _fragment(document: Document) -> Document:
    from lofte_reports.app.jobs import as_html_fragment

    return as_html_fragment(document)


# --- Every sample page ------------------------------------------------------------------


def test_every_sample_document_is_there(sample_pages: dict[str, bytes]) -> None:
    assert len(sample_pages) == 14  # (Landskrona's 5 + Laxå's 1 + Norrmalm's 1) × sv, en
    assert "arssammanfattning-landskrona-2018.en" in sample_pages


def test_every_sample_page_parses_strictly_as_html5(sample_pages: dict[str, bytes]) -> None:
    for name, page in sample_pages.items():
        assert page.startswith(b"<!DOCTYPE html>\n<html lang="), name
        html_tree(page)  # html5lib's strict parser raises on the first parse error


def test_every_sample_page_has_one_h1_and_headings_that_never_skip_a_level(
    sample_pages: dict[str, bytes],
) -> None:
    for name, page in sample_pages.items():
        levels = [level for level, _ in _headings(html_tree(page))]
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), name


def test_every_sample_table_has_a_caption_and_scoped_header_cells(
    sample_pages: dict[str, bytes],
) -> None:
    for name, page in sample_pages.items():
        tables = list(html_tree(page).iter("table"))
        for table in tables:
            caption = table.find("caption")
            assert caption is not None and "".join(caption.itertext()).strip(), name
            header = table.findall("thead/tr/th")
            assert header and all(th.get("scope") == "col" for th in header), name
            assert all(th.get("scope") == "row" for th in table.iterfind("tbody/tr/th"))
    assert any(html_tree(p).find(".//table") is not None for p in sample_pages.values())


def test_every_sample_page_is_self_contained_and_runs_no_script(
    sample_pages: dict[str, bytes],
) -> None:
    for name, page in sample_pages.items():
        root = html_tree(page)
        assert root.get("lang") in ("sv-SE", "en-GB"), name
        for element in root.iter():
            assert element.tag not in ("script", "iframe", "object", "embed", "link"), name
            for attribute, value in element.attrib.items():
                assert not attribute.startswith("on"), (name, attribute)
                if attribute in ("src", "href"):
                    assert value.startswith("data:image/"), (name, value[:40])
        assert b"url(" not in page and b"@import" not in page, name


def test_the_example_data_notice_comes_first_in_the_content(
    sample_pages: dict[str, bytes],
) -> None:
    followups = [n for n in sample_pages if not n.startswith("medborgarlofte")]
    assert followups
    for name in followups:
        article = html_tree(sample_pages[name]).find(".//main/article")
        assert article is not None
        first = article[0]
        assert first.tag == "p" and first.get("role") == "note", name
        notice = {
            "sv": "Exempeldata – fiktiva uppgifter",
            "en": "Example data – fictitious figures",
        }
        assert first.text == notice[name[-2:]], name


def test_every_chart_is_a_named_svg_picture_followed_by_its_figures(
    sample_pages: dict[str, bytes],
) -> None:
    page = sample_pages["arssammanfattning-landskrona-2018.sv"]
    root = html_tree(page)
    figures = list(root.iter("figure"))
    assert len(figures) == 4
    article = root.find(".//article")
    assert article is not None
    children = list(article)
    for figure in figures:
        svg = figure.find(f"{SVG}svg")
        assert svg is not None and svg.get("role") == "img"
        title = svg.find(f"{SVG}title")
        desc = svg.find(f"{SVG}desc")
        assert title is not None and desc is not None
        assert svg.get("aria-labelledby") == title.get("id")
        assert svg.get("aria-describedby") == desc.get("id")
        assert (desc.text or "").startswith("Stapeldiagram")
        after = children[children.index(figure) + 1]
        assert after.tag == "table"  # the builder's "Siffrorna i diagrammet", not a second one
        caption = after.find("caption")
        assert caption is not None and (caption.text or "").startswith("Siffrorna i diagrammet")
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_the_chart_axis_starts_at_zero_like_the_pdf(sample_pages: dict[str, bytes]) -> None:
    root = html_tree(sample_pages["arssammanfattning-landskrona-2018.sv"])
    svg = next(root.iter(f"{SVG}svg"))
    ticks = [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert ticks[0] == "0" and ticks[-1] == "6"


def test_logos_are_inline_images_with_alternative_text(sample_pages: dict[str, bytes]) -> None:
    root = html_tree(sample_pages["medborgarlofte-laxa-2018.sv"])
    images = list(root.iter("img"))
    assert [image.get("alt") for image in images] == ["Laxå kommun", "Lokalpolisområde Hallsberg"]
    sources = [image.get("src") or "" for image in images]
    assert sources[0].startswith("data:image/svg+xml;base64,")
    assert sources[1].startswith("data:image/png;base64,")
    assert all(int(image.get("height") or 0) == round(12 * 96 / 25.4) for image in images)


def test_the_theme_gives_colours_font_and_printed_margins(sample_pages: dict[str, bytes]) -> None:
    page = sample_pages["medborgarlofte-laxa-2018.sv"].decode()
    assert "color: #7A1F2B" in page  # the theme's primary colour on headings
    assert 'font-family: "DejaVu Serif", "DejaVu Sans", Verdana' in page
    assert "@page { size: A4; margin: 28mm 25mm 24mm 30mm;" in page
    norrmalm = sample_pages["medborgarlofte-stockholm-norrmalm-2019.sv"].decode()
    assert "background: #DDEEE6" in norrmalm  # accent: the table header fill
    footer = html_tree(norrmalm.encode()).find("body/footer")
    assert (
        footer is not None
        and "".join(footer.itertext()).strip() == "Polisen, lokalpolisområde Norrmalm"
    )


def test_printing_gives_a4_pages_with_the_page_label() -> None:
    page = write_html(every_block_document()).decode()
    assert "@media print {" in page
    label = '@bottom-right { content: "Sida " counter(page) " av " counter(pages);'
    assert label in page


# --- One tree, block by block -----------------------------------------------------------


def test_lists_are_real_lists_and_an_ordered_list_keeps_its_start() -> None:
    base = every_block_document()
    items = (Paragraph.of("Sjunde"), Paragraph.of("Åttonde"))
    document = replace(base, blocks=(ItemList(items, ordered=True, start=7), base.blocks[7]))
    root = html_tree(write_html(document))
    ordered = root.find(".//ol")
    assert ordered is not None and ordered.get("start") == "7"
    assert [li.text for li in ordered.iter("li")] == ["Sjunde", "Åttonde"]
    unordered = root.find(".//ul")
    assert unordered is not None and len(unordered.findall("li")) == 2


def test_headings_below_the_title_start_at_h2_and_never_skip() -> None:
    base = every_block_document()
    blocks = (
        TitleBlock("Titel"),
        Heading(1, "Ett"),
        Heading(3, "Hoppar till tre"),
        Heading(2, "Två"),
        Heading(1, "Nästa"),
    )
    root = html_tree(write_html(replace(base, blocks=blocks)))
    assert _headings(root) == [
        (1, "Titel"),
        (2, "Ett"),
        (3, "Hoppar till tre"),
        (3, "Två"),
        (2, "Nästa"),
    ]


def test_status_is_text_and_colour_only_helps() -> None:
    paragraph = Paragraph((Span("Status: ", strong=True), Span("✖ Inte hållet", tone="negative")))
    page = write_html(replace(every_block_document(), blocks=(paragraph,)))
    assert "Status: ✖ Inte hållet" in html_text(page)
    assert b'<span class="lofte-tone-negative">\xe2\x9c\x96 Inte h' in page
    assert b"<strong>Status: </strong>" in page


def test_newlines_are_line_breaks_and_tabs_stay() -> None:
    page = write_html(
        replace(every_block_document(), blocks=(Paragraph.of("Rad ett\nRad två\tT"),))
    )
    assert b"<p>Rad ett<br>Rad tv\xc3\xa5\tT</p>" in page


def test_the_signature_block_is_plain_structure_with_blanks_to_write_on() -> None:
    block = SignatureBlock(
        (Signatory("Anna A", "Chef", "Polisen"), Signatory("Bo B", "Ordförande", "Kommunen")),
        "Ort",
        "Datum",
        place="Laxå",
    )
    root = html_tree(write_html(replace(every_block_document(), blocks=(block,))))
    signatures = root.find(".//div[@class='lofte-signatures']")
    assert signatures is not None
    texts = ["".join(p.itertext()) for p in signatures.iter("p")]
    assert texts == [
        "Ort: Laxå",
        "Datum: ",
        "Anna A",
        "Chef",
        "Polisen",
        "Bo B",
        "Ordförande",
        "Kommunen",
    ]
    assert signatures.find(".//span[@class='lofte-blank']") is not None  # the date's line


def test_a_dateline_stands_instead_of_place_and_date() -> None:
    block = SignatureBlock((Signatory("A", "B", "C"),), "Ort", "Datum", dateline="Laxå den 1 maj")
    text = html_text(write_html(replace(every_block_document(), blocks=(block,))))
    assert "Laxå den 1 maj" in text and "Ort" not in text


def test_a_chart_alone_gets_its_figures_as_a_table_with_row_headers() -> None:
    chart = Chart(
        "Besök per tertial",
        ("T1", "T2"),
        (Series("Plan", (3.0, 2.5)), Series("Utfört", (2.0, None))),
        "Stapeldiagram: plan 3 och 2,5; utfört 2.",
        "Antal",
    )
    root = html_tree(write_html(replace(every_block_document(), blocks=(chart,))))
    table = root.find(".//table")
    assert table is not None
    caption = table.find("caption")
    assert caption is not None and caption.text == "Besök per tertial"
    assert [th.text for th in table.iterfind("thead/tr/th")] == ["Plan", "Utfört"]
    rows = [["".join(c.itertext()) for c in tr] for tr in table.iterfind("tbody/tr")]
    assert rows == [["T1", "3", "2"], ["T2", "2,5", ""]]
    assert [th.get("scope") for th in table.iterfind("tbody/tr/th")] == ["row", "row"]


# --- Text from data is text -------------------------------------------------------------


def _hostile_document() -> Document:
    base = every_block_document(notice=ATTACK)
    logo = Logo(Image(b"\x89PNG fake", "png", 2, 1), ATTACK)
    style = DocumentStyle(logos=(logo,), header=ATTACK, footer=ATTACK)
    blocks = (
        TitleBlock(ATTACK, (ATTACK,)),
        Heading(1, ATTACK),
        Paragraph((Span(ATTACK, strong=True), Span(ATTACK, emphasis=True, tone="caution"))),
        ItemList((Paragraph.of(ATTACK),)),
        Table((Paragraph.of(ATTACK),), ((Paragraph.of(ATTACK),),), caption=ATTACK),
        Chart(ATTACK, (ATTACK,), (Series(ATTACK, (1.0,)),), ATTACK, ATTACK),
        SignatureBlock((Signatory(ATTACK, ATTACK, ATTACK),), ATTACK, ATTACK, ATTACK, None),
    )
    metadata = replace(base.metadata, title=ATTACK, author=ATTACK, subject=ATTACK)
    page = PageSetup(page_label=ATTACK + " {page}", header=ATTACK, notice=ATTACK)
    return Document(metadata, page, blocks, style)


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_hostile_text_everywhere_stays_text(fragment: bool) -> None:
    document = _hostile_document()
    output = write_html(_fragment(document) if fragment else document)
    root = html_tree(output)
    tags = [e.tag for e in root.iter() if isinstance(e.tag, str)]
    assert "script" not in tags
    assert tags.count("img") == (0 if fragment else 1)  # only the logo
    assert tags.count("style") == 1
    for element in root.iter():
        assert not any(name.startswith("on") for name in element.attrib)
        for value in element.attrib.values():
            if ATTACK in value:  # alt text, the SVG's text and meta values: whole, as text
                assert element.tag in ("img", "meta")
    text = html_text(output)
    # Every place the page shows it: 23 in the article (text, chart labels, the chart's
    # figures table, signatures), and the page header's two texts and the footer.
    assert text.count(ATTACK) == (23 if fragment else 26)
    svg = root.find(f".//{SVG}svg")
    assert svg is not None
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text == ATTACK
    assert desc is not None and desc.text == ATTACK
    style = root.find(".//style")
    assert style is not None and style.text is not None and "</" not in style.text
    assert "alert(" not in style.text  # the page label is a CSS string of escapes


def test_the_title_and_properties_are_in_the_head() -> None:
    page = html_tree(write_html(_hostile_document()))
    title = page.find("head/title")
    assert title is not None and title.text == ATTACK
    meta = {m.get("name"): m.get("content") for m in page.iterfind("head/meta") if m.get("name")}
    assert meta["author"] == ATTACK and meta["description"] == ATTACK


def test_css_strings_escape_everything_but_letters_and_digits() -> None:
    assert (
        css_string('Sida "1" </style>')
        == '"Sida \\000022' + '1\\000022 \\00003c\\00002fstyle\\00003e"'
    )


# --- The fragment for a site's editor ---------------------------------------------------


def test_the_fragment_is_the_article_alone_with_its_own_scoped_css() -> None:
    output = write_html(_fragment(every_block_document(notice="Exempeldata")))
    text = output.decode()
    assert text.startswith('<article class="lofte" lang="sv-SE">\n<style>')
    assert text.rstrip().endswith("</article>")
    for banned in ("<html", "<head>", "<body", "@page", "<main", "<header>"):
        assert banned not in text
    css = text.split("<style>")[1].split("</style>")[0]
    selectors = [rule.split("{")[0].strip() for rule in css.splitlines() if "{" in rule]
    assert selectors
    for selector in selectors:
        if selector.startswith("@media"):
            continue
        assert all(part.strip().startswith(".lofte") for part in selector.split(",")), selector
    root = html_tree(output)
    assert root[0].tag == "article" and root[0][1].get("role") == "note"
    assert "Exempeldata" in html_text(output)


def test_make_report_writes_the_fragment_when_asked(tmp_path: Path) -> None:
    from lofte_reports.cli import main

    sample = ROOT / "samples" / "landskrona-2018"
    assert (
        main(["pledge", str(sample), "--format", "html", "--html-fragment", "--out", str(tmp_path)])
        == 0
    )
    (page,) = tmp_path.iterdir()
    assert page.name == "medborgarlofte-landskrona-2018.html"
    assert page.read_bytes().startswith(b'<article class="lofte"')
    assert main(["pledge", str(sample), "--format", "html", "--out", str(tmp_path)]) == 0
    assert page.read_bytes().startswith(b"<!DOCTYPE html>")


# Any text a document may hold: no control characters (refused on input; newlines are
# tested apart) and no surrogates.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
)


@given(_TEXT, _TEXT, _TEXT)
def test_any_text_reads_back_exactly_and_never_becomes_markup(
    paragraph: str, cell: str, caption: str
) -> None:
    blocks = (
        Paragraph.of(paragraph),
        Table((Paragraph.of(cell),), ((Paragraph.of(cell),),), caption=caption),
    )
    root = html_tree(write_html(replace(every_block_document(), blocks=blocks)))
    article = root.find(".//article")
    assert article is not None
    assert [child.tag for child in article] == ["p", "table"]
    p, table = article
    assert [e.tag for e in p.iter()] == ["p"] and p.text == paragraph
    tags = [e.tag for e in table.iter()]
    assert tags == ["table", "caption", "thead", "tr", "th", "tbody", "tr", "td"]
    assert [e.text for e in table.iter() if e.tag in ("caption", "th", "td")] == [
        caption,
        cell,
        cell,
    ]
