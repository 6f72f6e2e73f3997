"""Every writer draws every block type of the document tree, and refuses what it does not know."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from lofte_reports.doctree.nodes import BLOCK_TYPES, Block, Document
from lofte_reports.writers.docx import write_docx
from lofte_reports.writers.pdf import write_pdf
from tests.conftest import pdf_text
from tests.trees import every_block_document

WRITERS: dict[str, Callable[[Document], bytes]] = {"docx": write_docx, "pdf": write_pdf}


def test_the_shared_tree_holds_every_block_type() -> None:
    kinds = {type(block) for block in every_block_document().blocks}
    assert kinds == set(BLOCK_TYPES)


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("kind", BLOCK_TYPES, ids=lambda kind: kind.__name__)
def test_writer_draws_each_block_type_alone(writer: str, kind: type) -> None:
    document = every_block_document()
    blocks: tuple[Block, ...] = tuple(b for b in document.blocks if isinstance(b, kind))
    output = WRITERS[writer](replace(document, blocks=blocks))
    assert output[:4] in (b"%PDF", b"PK\x03\x04")


@pytest.mark.parametrize("writer", WRITERS)
def test_writer_refuses_an_unknown_block(writer: str) -> None:
    document = replace(every_block_document(), blocks=("not a block",))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        WRITERS[writer](document)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_toned_span_is_coloured_and_keeps_its_text(writer: str) -> None:
    from lofte_reports.doctree.nodes import Paragraph, Span
    from lofte_reports.writers._common import TONE_RGB

    paragraph = Paragraph((Span("✔ Genomförd", tone="positive"),))
    output = WRITERS[writer](replace(every_block_document(), blocks=(paragraph,)))
    if writer == "docx":
        assert f'w:val="{TONE_RGB["positive"]}"'.encode() in _document_xml(output)
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
    assert cell.style.font.size.pt == 9
