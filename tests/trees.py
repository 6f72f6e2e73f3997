"""Document trees shared by writer tests: every block type, and hostile text."""

from __future__ import annotations

from lofte_reports.doctree.nodes import (
    Chart,
    Document,
    Heading,
    ItemList,
    Metadata,
    PageSetup,
    Paragraph,
    Series,
    Signatory,
    SignatureBlock,
    Span,
    Table,
    TitleBlock,
)

HOSTILE = "<b>fet</b> &amp; AT&T x<y>z {{ 7*7 }} {% if x %} * # _ ŋ đ ŧ á č š ž Ŋ Đ Ŧ å ä ö"


def every_block_document(notice: str | None = None) -> Document:
    """Return a document holding each block type once, with Swedish and Sami text."""
    return Document(
        metadata=Metadata(
            title="Medborgarlöfte i Testkommun 2018",
            author="Lokalpolisområde Test och Test stad",
            subject="Medborgarlöfte för Testområdet 2018",
            keywords=("medborgarlöfte", "Testkommun"),
        ),
        page=PageSetup(page_label="Sida {page} av {pages}", header="Medborgarlöfte", notice=notice),
        blocks=(
            TitleBlock(
                "Medborgarlöfte i Testkommun 2018", ("Polisen och Test stad", "Testområdet")
            ),
            Paragraph.of("Inledande stycke om samverkan mellan polis och kommun."),
            Heading(1, "Situationen idag"),
            Paragraph(
                (Span("Fet början. ", strong=True), Span("Kursiv fortsättning.", emphasis=True))
            ),
            Paragraph.of(HOSTILE),
            Paragraph.of("Rad ett\nRad två\tmed tabb"),
            Heading(2, "Polisen lovar"),
            ItemList((Paragraph.of("Första löftet."), Paragraph.of("Andra löftet."))),
            ItemList((Paragraph.of("Numrerat ett."), Paragraph.of("Numrerat två.")), ordered=True),
            Table(
                header=(Paragraph.of("Löfte"), Paragraph.of("Plan"), Paragraph.of("Utfört")),
                rows=(
                    (Paragraph.of("Besök förskolor"), Paragraph.of("3"), Paragraph.of("2")),
                    (Paragraph.of("Besök ungdomshus"), Paragraph.of("4"), Paragraph.of("4")),
                ),
                caption="Plan mot utfört",
                widths=(3, 1, 1),
            ),
            Chart(
                title="Plan mot utfört per tertial",
                categories=("T1", "T2", "T3"),
                series=(Series("Plan", (3, 2, 3)), Series("Utfört", (2, 2, None))),
                alt_text="Stapeldiagram: plan 3, 2, 3 och utfört 2, 2, saknas.",
                value_axis_label="Antal",
            ),
            SignatureBlock(
                signatories=(
                    Signatory("Anneli Manelli", "Lokalpolisområdeschef", "Lokalpolisområde Test"),
                    Signatory("Torkild Strandberg", "Kommunstyrelsens ordförande", "Test stad"),
                ),
                place_label="Ort",
                date_label="Datum",
                place="Teststad",
            ),
        ),
    )
