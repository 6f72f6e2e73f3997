"""The same input gives the same files: bytes, dates from the data, the umask's modes, names.

Runs are separate processes (another hash seed, time zone and second), as on another machine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest

from lofte_reports import api
from lofte_reports.app.jobs import build, job, plan_all
from lofte_reports.builders.pledge import document_date
from lofte_reports.doctree import nodes
from lofte_reports.model.calendar import DateRange, tertials, whole, years
from lofte_reports.writers import Format, write
from tests.conftest import ROOT, SAMPLE

FORMATS: tuple[Format, ...] = ("pdf", "docx")
"""The formats that carry dates (the web page carries none)."""
LAXA = ROOT / "samples" / "laxa-2018"


def make_report(*args: str, umask: int = 0o022, **env: str) -> None:
    """Run make-report in a process of its own, with `env` added to the environment."""
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
    subprocess.run(
        [sys.executable, "-m", "lofte_reports.cli", *args],
        check=True,
        capture_output=True,
        env=environment,
        umask=umask,
    )


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def pdf_dates(data: bytes) -> tuple[str, str, str, str]:
    """Return /CreationDate, /ModDate and the XMP CreateDate and ModifyDate ("" if missing)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info, meta = pdf.docinfo, pdf.open_metadata()
        return (
            str(info.get("/CreationDate", "")),
            str(info.get("/ModDate", "")),
            str(meta.get("xmp:CreateDate", "")),
            str(meta.get("xmp:ModifyDate", "")),
        )


def docx_dates(data: bytes) -> tuple[dt.datetime | None, dt.datetime | None]:
    props = docx.Document(io.BytesIO(data)).core_properties
    return props.created, props.modified


def expected_pdf_dates(when: dt.datetime) -> tuple[str, str, str, str]:
    pdf, iso = f"D:{when:%Y%m%d%H%M%S}Z", f"{when:%Y-%m-%dT%H:%M:%S}Z"
    return (pdf, pdf, iso, iso)


# --- Byte-identical files ----------------------------------------------------------------


def test_two_runs_give_the_same_bytes_for_every_document_in_both_formats(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "elsewhere" / "second"
    make_report("all", str(SAMPLE), "--out", str(first), PYTHONHASHSEED="1", TZ="UTC")
    time.sleep(1.1)  # another second on the clock
    make_report("all", str(SAMPLE), "--out", str(second), PYTHONHASHSEED="2", TZ="Pacific/Auckland")
    made = files_in(first)
    assert {name.rsplit(".", 1)[0] for name in made} == {
        "medborgarlofte-landskrona-2018",
        "uppfoljning-landskrona-2018-T1",
        "uppfoljning-landskrona-2018-T2",
        "uppfoljning-landskrona-2018-T3",
        "arssammanfattning-landskrona-2018",
    }
    assert {name.rsplit(".", 1)[1] for name in made} == {*FORMATS, "html"}
    assert made == files_in(second)


def test_a_theme_with_a_reference_word_file_gives_the_same_bytes_too(tmp_path: Path) -> None:
    folder = ROOT / "samples" / "stockholm-norrmalm-2019"
    assert "reference_docx:" in (folder / "pledge.yaml").read_text(encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    make_report("pledge", str(folder), "--lang", "en", "--out", str(first), PYTHONHASHSEED="3")
    time.sleep(1.1)
    make_report("pledge", str(folder), "--lang", "en", "--out", str(second), PYTHONHASHSEED="4")
    made = files_in(first)
    assert sorted(made) == [
        "medborgarlofte-stockholm-norrmalm-2019.en.docx",
        "medborgarlofte-stockholm-norrmalm-2019.en.html",
        "medborgarlofte-stockholm-norrmalm-2019.en.pdf",
    ]
    assert made == files_in(second)


def test_a_docx_package_has_fixed_entry_times_order_and_attributes() -> None:
    folder = api.open_folder(SAMPLE)
    data = write(build(folder, job(folder.pledge, "pledge")), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
    names = [entry.filename for entry in entries]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    for entry in entries:
        assert entry.date_time == (2018, 1, 1, 0, 0, 0)  # the pledge's first day
        assert entry.compress_type == zipfile.ZIP_DEFLATED
        assert entry.external_attr >> 16 == 0o100644
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.revision == 1
    assert props.last_modified_by == props.author


# --- Dates from the data, or from SOURCE_DATE_EPOCH ---------------------------------------


def test_files_are_dated_by_their_data_never_by_the_clock() -> None:
    """A pledge by its signing date (or first day), a follow-up by its period's last day."""
    laxa = api.open_folder(LAXA)
    assert laxa.pledge.signing.date == dt.date(2018, 10, 26)
    folder = api.open_folder(SAMPLE)
    pledge, span = folder.pledge, DateRange.of(folder.pledge.period)
    assert pledge.signing.date is None
    cases = [
        (laxa, job(laxa.pledge, "pledge"), dt.date(2018, 10, 26)),
        (folder, job(pledge, "pledge"), dt.date(2018, 1, 1)),
        (folder, job(pledge, "tertial", tertials(span)[0]), dt.date(2018, 4, 30)),
        (folder, job(pledge, "annual", years(span)[0]), dt.date(2018, 12, 31)),
    ]
    for one_folder, one, day in cases:
        document = build(one_folder, one)
        assert document.metadata.date == day
        when = dt.datetime.combine(day, dt.time(), dt.UTC)
        assert pdf_dates(write(document, "pdf")) == expected_pdf_dates(when), one.stem
        assert docx_dates(write(document, "docx")) == (when, when), one.stem


def test_the_whole_period_summary_is_dated_by_the_pledge_s_last_day() -> None:
    pledge = api.open_folder(LAXA).pledge
    assert document_date(pledge, whole(DateRange.of(pledge.period))) == dt.date(2020, 6, 30)


def test_source_date_epoch_dates_every_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    when = dt.datetime(2024, 3, 5, 13, 14, 16, tzinfo=dt.UTC)  # even: zip times count by 2 s
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(when.timestamp())))
    folder = api.open_folder(SAMPLE)
    span = DateRange.of(folder.pledge.period)
    for one in (job(folder.pledge, "pledge"), job(folder.pledge, "tertial", tertials(span)[1])):
        document = build(folder, one)
        pdf, word = write(document, "pdf"), write(document, "docx")
        assert pdf_dates(pdf) == expected_pdf_dates(when)
        assert docx_dates(word) == (when, when)
        with zipfile.ZipFile(io.BytesIO(word)) as package:
            assert {e.date_time for e in package.infolist()} == {(2024, 3, 5, 13, 14, 16)}
    # and from the command line, in a process of its own
    out = tmp_path / "out"
    make_report(
        "pledge", str(SAMPLE), "--out", str(out), SOURCE_DATE_EPOCH=str(int(when.timestamp()))
    )
    name = "medborgarlofte-landskrona-2018"
    assert pdf_dates((out / f"{name}.pdf").read_bytes()) == expected_pdf_dates(when)
    assert docx_dates((out / f"{name}.docx").read_bytes()) == (when, when)


def test_a_malformed_source_date_epoch_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "igår")
    folder = api.open_folder(SAMPLE)
    document = build(folder, job(folder.pledge, "pledge"))
    for format in FORMATS:
        with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
            write(document, format)


def test_the_command_refuses_a_malformed_source_date_epoch_as_bad_input(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lofte_reports.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "igår")
    for command in (
        ["all", str(SAMPLE), "--out", str(tmp_path / "out")],
        ["validate", str(SAMPLE)],
    ):
        assert main(command) == 1, command
        error = capsys.readouterr().err
        assert "SOURCE_DATE_EPOCH" in error and "'igår'" in error and "internt fel" not in error
    assert not (tmp_path / "out").exists()


def test_a_document_without_a_date_holds_none() -> None:
    """A tree made without a date (by another tool) gets no date rather than a made-up one."""
    folder = api.open_folder(SAMPLE)
    built = build(folder, job(folder.pledge, "pledge"))
    document = dataclasses.replace(built, metadata=dataclasses.replace(built.metadata, date=None))
    assert isinstance(document, nodes.Document)
    pdf = write(document, "pdf")
    assert pdf_dates(pdf) == ("", "", "", "")
    assert pdf == write(document, "pdf")
    assert docx_dates(write(document, "docx")) == (None, None)


# --- Files as the user's other files -------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_get_the_mode_the_umask_gives(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "out"
    make_report("pledge", str(SAMPLE), "--out", str(out), umask=umask)
    written = sorted(out.iterdir())
    assert [p.name for p in written] == [
        "medborgarlofte-landskrona-2018.docx",
        "medborgarlofte-landskrona-2018.html",
        "medborgarlofte-landskrona-2018.pdf",
    ]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == mode, path.name


# --- Both languages in one folder -----------------------------------------------------------


def test_swedish_and_english_documents_share_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    make_report("all", str(SAMPLE), "--out", str(out))
    swedish = set(files_in(out))
    make_report("all", str(SAMPLE), "--lang", "en", "--out", str(out))
    both = files_in(out)
    english = set(both) - swedish
    assert len(swedish) == len(english) == 15
    assert english == {name.replace(".", ".en.", 1) for name in swedish}
    for name, data in both.items():
        language = "en-GB" if ".en." in name else "sv-SE"
        if name.endswith(".pdf"):
            with pikepdf.open(io.BytesIO(data)) as pdf:
                assert str(pdf.Root.Lang) == language, name
        elif name.endswith(".html"):
            assert f'<html lang="{language}"'.encode() in data, name
        else:
            assert docx.Document(io.BytesIO(data)).core_properties.language == language, name


def test_every_kind_of_document_names_its_language() -> None:
    folder = api.open_folder(LAXA, "en")
    span = DateRange.of(folder.pledge.period)
    stems = [one.stem for one in plan_all(folder)[0]]
    stems += [
        job(folder.pledge, "tertial", tertials(span)[0]).stem,
        job(folder.pledge, "annual", years(span)[0]).stem,
        job(folder.pledge, "annual", whole(span)).stem,
    ]
    assert stems[0] == "medborgarlofte-laxa-2018.en"
    assert stems[-3:] == [
        "uppfoljning-laxa-2018-T2.en",
        "arssammanfattning-laxa-2018.en",
        "slutsammanfattning-laxa-2018.en",
    ]
    assert all(stem.endswith(".en") for stem in stems)
    assert api.pledge_file_name(folder.pledge, "pdf") == "medborgarlofte-laxa-2018.en.pdf"
