"""LibreOffice as a reader of our DOCX: convert one file to PDF, the way the tests need it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def convert_to_pdf(source: Path) -> Path:
    """Convert `source` with headless LibreOffice (its own HOME beside it); return the PDF."""
    folder = source.parent
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        env={**os.environ, "HOME": str(folder)},
        check=True,
        capture_output=True,
        timeout=120,
    )
    return source.with_suffix(".pdf")
