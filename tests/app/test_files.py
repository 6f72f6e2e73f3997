"""A run's files are written whole or not at all: a failure leaves none of them, no temporary."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from lofte_reports.app import files
from lofte_reports.errors import DataError


def _set(out: Path) -> dict[Path, bytes]:
    return {out / f"{n}.pdf": b"%PDF-" + bytes(n) for n in range(5)}


def test_a_full_disk_leaves_no_file_of_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[int] = []
    real = os.fdopen

    def fdopen(fd: int, mode: str) -> object:
        stream = real(fd, mode)
        if len(written) == 3:
            stream.close()
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(fd)
        return stream

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(DataError, match="disken är full"):
        files.write_files(_set(tmp_path / "out"))
    assert list((tmp_path / "out").iterdir()) == []


def test_an_output_name_taken_by_a_folder_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "3.pdf").mkdir(parents=True)
    with pytest.raises(DataError, match="en mapp med samma namn"):
        files.write_files(_set(out))
    assert [p.name for p in out.iterdir()] == ["3.pdf"]


def test_every_file_is_written_whole(tmp_path: Path) -> None:
    wanted = _set(tmp_path / "out")
    assert files.write_files(wanted) == list(wanted)
    assert all(path.read_bytes() == content for path, content in wanted.items())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in wanted)
