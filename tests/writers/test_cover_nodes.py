"""Every writer draws every block type of the document tree, and refuses what it does not know."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from lofte_reports.doctree.nodes import (
    BLOCK_TYPES,
    Block,
    Chart,
    Document,
    Paragraph,
    Series,
    Table,
)
from lofte_reports.doctree.walk import document_texts
from lofte_reports.writers import FORMATS, writer
from lofte_reports.writers._look import TEXT
from lofte_reports.writers.docx import write_docx
from tests.conftest import docx_text, html_text, normalise, pdf_text
from tests.trees import every_block_document

WRITERS: dict[str, Callable[[Document], bytes]] = {name: writer(name).write for name in FORMATS}
READERS: dict[str, Callable[[bytes], str]] = {"docx": docx_text, "pdf": pdf_text, "html": html_text}


def _chart_texts(docx_bytes: bytes) -> str:
    """Return the text of a DOCX's native charts (title, categories, series names)."""
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        parts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    return normalise(" ".join(re.findall(r"<(?:a:t|c:v)>([^<]*)</", " ".join(parts))))


def test_every_format_has_a_reader_in_this_test() -> None:
    assert set(READERS) == set(FORMATS)


def test_the_shared_tree_holds_every_block_type() -> None:
    kinds = {type(block) for block in every_block_document().blocks}
    assert kinds == set(BLOCK_TYPES)


@pytest.mark.parametrize("writer", FORMATS)
@pytest.mark.parametrize("kind", BLOCK_TYPES, ids=lambda kind: kind.__name__)
def test_writer_draws_each_block_type_alone_and_its_text_reads_back(
    writer: str, kind: type
) -> None:
    document = every_block_document()
    blocks: tuple[Block, ...] = tuple(b for b in document.blocks if isinstance(b, kind))
    alone = replace(document, blocks=blocks)
    output = WRITERS[writer](alone)
    text = READERS[writer](output)
    if writer == "docx" and kind is Chart:
        text += " " + _chart_texts(output)
    block_texts = [
        normalise(t)
        for t in document_texts(replace(alone, page=replace(alone.page, header="", notice=None)))
    ]
    missing = [t for t in block_texts if t and t not in text and "{page}" not in t]
    assert not missing, f"{writer} lost {missing!r} of a {kind.__name__}"


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="okänt format 'odt'; välj ett av: docx, pdf, html"):
        writer("odt")


def test_each_run_imports_only_its_own_library() -> None:
    import subprocess
    import sys

    for format, foreign in (
        ("docx", "reportlab"),
        ("pdf", "docx"),
        ("html", "reportlab"),
        ("html", "docx"),
    ):
        code = (
            "import sys; from lofte_reports.writers import write; from tests.trees import "
            f"every_block_document; write(every_block_document(), {format!r}); "
            f"print({foreign!r} in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "False", format


@pytest.mark.parametrize("writer", FORMATS)
def test_writer_refuses_an_unknown_block(writer: str) -> None:
    document = replace(every_block_document(), blocks=("not a block",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        WRITERS[writer](document)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_toned_span_is_coloured_and_keeps_its_text(writer: str) -> None:
    from lofte_reports.doctree.nodes import Paragraph, Span
    from lofte_reports.writers._look import TONE_RGB

    paragraph = Paragraph((Span("✔ Genomförd", tone="positive"),))
    output = WRITERS[writer](replace(every_block_document(), blocks=(paragraph,)))
    if writer == "docx":
        assert f'w:val="{TONE_RGB["positive"]}"'.encode() in _document_xml(output)
    elif writer == "html":
        assert '<span class="lofte-tone-positive">✔ Genomförd</span>' in output.decode()
        assert (
            f".lofte .lofte-tone-positive {{ color: #{TONE_RGB['positive']}; }}" in output.decode()
        )
        assert "✔ Genomförd" in html_text(output)
    else:
        assert "✔ Genomförd" in pdf_text(output)


def _document_xml(docx_bytes: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return archive.read("word/document.xml")


def test_docx_table_cells_use_the_smaller_table_text_style() -> None:
    import io

    import docx

    document = docx.Document(io.BytesIO(write_docx(every_block_document())))
    cell = document.tables[0].rows[1].cells[0].paragraphs[0]
    assert cell.style is not None
    assert cell.style.name == "Table Text"
    assert cell.style.font.size is not None
    assert cell.style.font.size.pt == TEXT["cell"].size < TEXT["body"].size


@pytest.mark.parametrize(
    "make",
    [
        lambda: Table((Paragraph.of("a"), Paragraph.of("b")), (), widths=(1, 0)),
        lambda: Table((Paragraph.of("a"),), (), widths=(float("nan"),)),
        lambda: Table((), ()),
        lambda: Chart("t", ("T1",), (Series("s", (float("inf"),)),), "alt"),
    ],
    ids=["zero width", "nan width", "no columns", "infinite value"],
)
def test_a_node_no_writer_could_draw_is_refused_when_built(make: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="table|series"):
        make()
