"""Writing a run's files whole or not at all: never a partial file, never a partial set."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from lofte_reports.errors import DataError, Problem


def write_files(files: dict[Path, bytes]) -> list[Path]:
    """Write every file, or none of them; return the paths.

    All files are first written to temporaries beside their targets, and renamed into place
    only when every one is written: a full disk, a name taken by a folder, or SIGTERM/SIGINT
    while writing removes the temporaries and leaves no file of the run. The output folders
    are locked meanwhile (flock), so two runs into one folder place their sets one after
    the other, never mixed.
    """
    staged: list[tuple[Path, str]] = []
    placed: list[Path] = []
    folders = sorted({path.parent for path in files})
    try:
        with _stop_signals_raise():
            for folder in folders:
                _create(folder)
            with _locked(folders):
                for path, content in files.items():
                    _stage(path, content, staged)
                for path, temporary in staged:
                    _place(path, temporary)
                    placed.append(path)
    except BaseException as error:
        for _, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        for path in placed:  # a rename failed midway (rare): no part of the set stays
            path.unlink(missing_ok=True)
        if isinstance(error, _Stopped):  # now stop as the signal asked, by the old handler
            signal.raise_signal(error.signum)
        raise
    return placed


def _create(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DataError([Problem(f"kan inte skrivas: {error.strerror}", file=folder)]) from None


def _stage(path: Path, content: bytes, staged: list[tuple[Path, str]]) -> None:
    """Write `content` to a new temporary beside `path`, recorded in `staged` at once."""
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "det finns en mapp med samma namn")
        handle, temporary = _temporary(path)
        staged.append((path, temporary))
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, 0o666 & ~_umask())
            stream.write(content)
    except OSError as error:
        raise DataError([Problem(f"kan inte skrivas: {_reason(error)}", file=path)]) from None


def _place(path: Path, temporary: str) -> None:
    try:
        os.replace(temporary, path)
    except OSError as error:
        raise DataError([Problem(f"kan inte skrivas: {_reason(error)}", file=path)]) from None


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "disken är full; frigör plats och kör igen (inga filer skrevs)"
    if error.errno == errno.EISDIR:
        return "det finns en mapp med samma namn; ta bort eller byt namn på mappen"
    return error.strerror or str(error)


def _temporary(path: Path) -> tuple[int, str]:
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")


def write_atomically(path: Path, content: bytes) -> None:
    """Write one file through a temporary file in its folder, renamed into place.

    The file gets the mode a plain `open` would give it (0666 less the umask), not the
    temporary file's private 0600, so documents are as readable as the user's other files.
    """
    handle, temporary = _temporary(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, 0o666 & ~_umask())
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _locked(folders: list[Path]) -> Iterator[None]:
    """Hold an exclusive lock on each folder (in sorted order, so two runs cannot deadlock)."""
    with contextlib.ExitStack() as stack:
        for folder in folders:
            descriptor = os.open(folder, os.O_RDONLY)
            stack.callback(os.close, descriptor)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield


class _Stopped(BaseException):
    """SIGTERM arrived while writing; raised to clean up, then the signal is raised again."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _stop_signals_raise() -> Iterator[None]:
    """Turn SIGTERM into an exception while writing, so the temporaries are removed.

    `timeout` and systemd stop a program with SIGTERM, whose default ends the process at
    once and leaves temporaries (SIGINT already raises KeyboardInterrupt). The previous
    handler comes back afterwards and then gets the signal.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can set handlers
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@functools.cache
def _umask() -> int:
    """Return the process's umask, read once (reading it means setting it, then back)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
