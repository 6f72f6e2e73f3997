"""Shared fixtures: the sample pledge, its rendered documents, and readers that extract text."""

from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from hypothesis import settings
from pypdf import PdfReader

from lofte_reports import FollowUp, Pledge, api, load_pledge, render_pledge

# Property tests check correctness, not speed: on shared, noisy machines a deadline only
# makes them flaky (speed is measured in bench/).
settings.register_profile("lofte", deadline=None)
settings.load_profile("lofte")

# The files' dates come from the data unless SOURCE_DATE_EPOCH is set; tests that want
# it set it themselves.
os.environ.pop("SOURCE_DATE_EPOCH", None)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "landskrona-2018"


def normalise(text: str) -> str:
    """Return text in NFC with every run of whitespace (including no-break space) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def unhyphenated(text: str) -> str:
    """Return extracted PDF text with words hyphenated at a line end (in table cells) joined.

    Only a hyphen right before a line break between two small letters is taken for a
    hyphenation; "narkotika- och" keeps its hyphen.
    """
    return re.sub(r"(?<=[a-zåäö])-\n(?=[a-zåäö])", "", text)


def pdf_text(data: bytes) -> str:
    """Return the text of every page of a PDF, normalised."""
    reader = PdfReader(io.BytesIO(data))
    return normalise(" ".join(page.extract_text() for page in reader.pages))


def docx_text(data: bytes) -> str:
    """Return the text of a DOCX's paragraphs and tables, in document order, normalised."""
    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            parts.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            parts.append(block.text)
    return normalise(" ".join(parts))


@pytest.fixture(scope="session")
def sample_pledge() -> Pledge:
    return load_pledge(SAMPLE)


@pytest.fixture(scope="session")
def sample_pdf(sample_pledge: Pledge) -> bytes:
    return render_pledge(sample_pledge, "pdf")


@pytest.fixture(scope="session")
def sample_docx(sample_pledge: Pledge) -> bytes:
    return render_pledge(sample_pledge, "docx")


@pytest.fixture(scope="session")
def sample() -> tuple[Pledge, FollowUp]:
    """The Landskrona sample's pledge and follow-up data (frozen models: safe to share)."""
    folder = api.open_folder(SAMPLE)
    assert folder.followup is not None
    return folder.pledge, folder.followup
