"""Writing files so that a failed or interrupted run never leaves a partial file."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from lofte_reports.errors import DataError, Problem


def write_files(files: dict[Path, bytes]) -> list[Path]:
    """Write every file, each through a temporary file renamed into place; return the paths."""
    written: list[Path] = []
    for path, content in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, content)
        except OSError as error:
            raise DataError([Problem(f"kan inte skrivas: {error.strerror}", file=path)]) from None
        written.append(path)
    return written


def write_atomically(path: Path, content: bytes) -> None:
    """Write one file through a temporary file in its folder, renamed into place.

    The file gets the mode a plain `open` would give it (0666 less the umask), not the
    temporary file's private 0600, so documents are as readable as the user's other files.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, 0o666 & ~_umask())
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@functools.cache
def _umask() -> int:
    """Return the process's umask, read once (reading it means setting it, then back)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
