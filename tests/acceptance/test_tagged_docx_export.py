"""Our DOCX exports to an accessible tagged PDF: LibreOffice's export of every sample, checked.

Municipalities open the DOCX in Word or LibreOffice and publish the PDF they export from it,
so every sample document (pledges and follow-ups, as `make-report all … --format docx`
writes them) is exported by LibreOffice as tagged PDF/UA, as a publisher exports it with
"Universal Accessibility (PDF/UA)" ticked, and checked with outloud (PDF/UA-1 and WCAG 2.2).
Without the PDF/UA option LibreOffice writes no XMP metadata at all (outloud's DOC-010 and
DOC-012), which nothing in a DOCX can change. The structure tree is walked here too, since
the checker does not notice everything (library facts: "walk the structure tree").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from lofte_reports.api import write_all
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
)

SAMPLES = ["landskrona-2018", "laxa-2018", "stockholm-norrmalm-2019"]
DOCUMENTS = [
    "medborgarlofte-landskrona-2018",
    "uppfoljning-landskrona-2018-T1",
    "uppfoljning-landskrona-2018-T2",
    "uppfoljning-landskrona-2018-T3",
    "arssammanfattning-landskrona-2018",
    "medborgarlofte-laxa-2018",
    "medborgarlofte-stockholm-norrmalm-2019",
]
TAGGED_PDF_UA = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"}}'
)
CHART_ALT = "FIG-001"
"""Excepted for charts only: LibreOffice 7.4 keeps a picture's alternative text but drops a
chart's (we write it in the chart's wp:docPr/@descr), so each chart's /Figure has no /Alt.
Every chart has a caption above it and its numbers in a table next to it, and the test
demands exactly one such finding per chart, so a picture without alternative text fails."""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Return (DOCX, LibreOffice's tagged PDF) of every sample document, by file stem."""
    out = tmp_path_factory.mktemp("tagged")
    for name in SAMPLES:
        write_all(ROOT / "samples" / name, out, ["docx"])
    sources = sorted(out.glob("*.docx"))
    home = out / "home"
    home.mkdir()
    subprocess.run(
        ["soffice", "--headless", "--convert-to", TAGGED_PDF_UA, "--outdir", str(out / "pdf")]
        + [str(source) for source in sources],  # one start-up for all files
        env={**os.environ, "HOME": str(home)},
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {source.stem: (source, out / "pdf" / f"{source.stem}.pdf") for source in sources}


@pytest.fixture(scope="module")
def results(exported: dict[str, tuple[Path, Path]]) -> dict[str, Any]:
    """Return outloud's result for each exported PDF, by file stem."""
    import outloud

    return {stem: outloud.check(str(pdf)) for stem, (_, pdf) in exported.items()}


def _charts(docx: Path) -> int:
    with zipfile.ZipFile(docx) as archive:
        return sum(name.startswith("word/charts/chart") for name in archive.namelist())


def test_every_sample_document_is_exported(exported: dict[str, tuple[Path, Path]]) -> None:
    assert sorted(exported) == sorted(DOCUMENTS)
    assert all(pdf.read_bytes().startswith(b"%PDF") for _, pdf in exported.values())


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_libreoffice_tagged_export_has_no_errors_in_outloud(
    stem: str,
    exported: dict[str, tuple[Path, Path]],
    results: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = results[stem]
    assert result.error is None and result.stats["tagged"]
    errors = [f for f in result.findings if f.severity == "error"]
    unexcepted = [f"{f.rule}: {f.message}" for f in errors if f.rule != CHART_ALT]
    assert unexcepted == []
    figures = sum(f.count for f in errors if f.rule == CHART_ALT)
    assert figures == _charts(exported[stem][0]), "only charts may lack alternative text"
    warnings = [f for f in result.sorted_findings() if f.severity == "warning"]
    with capsys.disabled():  # shown in every run: what a person should still look at
        for finding in warnings:
            where = f" (page {finding.page})" if finding.page else ""
            print(f"\noutloud warning, {stem}.pdf{where}: {finding.rule} {finding.message}", end="")


def _element_texts(pdf: Path) -> list[tuple[str, str, str, int]]:
    """Return (type as written, parent's type, own text, children) of each structure element."""
    from outloud.model import Document

    document = Document(str(pdf))
    try:
        texts: dict[tuple[Any, ...], str] = {}
        for page in range(len(document.pages)):
            for run in document.content(page).runs:
                if run.key is not None:
                    key = (page, *run.key)
                    texts[key] = texts.get(key, "") + run.text
        found = []
        for element in document.elements:
            text = "".join(texts.get((m.page, m.stream, m.mcid), "") for m in element.mcrefs)
            parent = element.parent.type if element.parent is not None else ""
            found.append((element.type_raw, parent, text.strip(), len(element.children)))
        return found
    finally:
        document.close()


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "medborgarlofte-laxa-2018",
            [
                "Laxå den 26 oktober 2018",
                "Harry Lundin",
                "Kommunchef",
                "Laxå kommun",
                "Mats Scherp",
                "Lokalpolisområdeschef",
                "Lokalpolisområde Hallsberg",
            ],
        ),
        (
            "medborgarlofte-landskrona-2018",
            [
                "Ort:",
                "Datum:",
                "Anneli Manelli",
                "Lokalpolisområdeschef",
                "Lokalpolisområde Landskrona",
                "Torkild Strandberg",
                "Kommunstyrelsens ordförande",
                "Landskrona stad",
            ],
        ),
    ],
)
def test_signatures_read_in_order_as_paragraphs(
    stem: str, expected: list[str], exported: dict[str, tuple[Path, Path]]
) -> None:
    texts = [e for e in _element_texts(exported[stem][1]) if e[2]]
    tail = texts[-len(expected) :]
    assert [text for _, _, text, _ in tail] == expected
    assert {parent for _, parent, _, _ in tail} == {"Document"}  # no table around them


def test_no_note_elements_no_private_characters_no_empty_paragraphs_but_empty_cells(
    exported: dict[str, tuple[Path, Path]],
) -> None:
    """A "Note" style became /Note elements; spacer paragraphs became empty /P elements.

    An empty table cell still holds an empty paragraph (a Word cell always has one), which
    LibreOffice tags inside its TD: that cell is empty in the data too.
    """
    for stem, (_, pdf) in exported.items():
        elements = _element_texts(pdf)
        assert not [e for e in elements if e[0] == "Note"], stem
        private = [e[2] for e in elements if any("\ue000" <= c <= "\uf8ff" for c in e[2])]
        assert private == [], stem  # Word's Symbol bullet U+F0B7 was read as text
        empty = [e for e in elements if not e[2] and not e[3] and e[0] != "Figure"]
        assert {parent for _, parent, _, _ in empty} <= {"TD", "TH"}, (stem, empty)
