"""Tertial follow-ups and annual summaries, read back out of both formats."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from lofte_reports import FollowUp, Pledge, load_followup, render_followup, write_all
from lofte_reports.cli import main
from lofte_reports.compute.results import period_report
from lofte_reports.model.calendar import DateRange, parse_period_key
from lofte_reports.model.status import Status
from tests.conftest import SAMPLE, docx_text, normalise, pdf_text

NOTICE = "Exempeldata – fiktiva uppgifter"
PERIODS = ["2018-T1", "2018-T2", "2018-T3"]


@pytest.fixture(scope="module")
def followup(sample_pledge: Pledge) -> FollowUp:
    loaded = load_followup(SAMPLE, sample_pledge)
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def documents(sample_pledge: Pledge, followup: FollowUp) -> dict[tuple[str, str], bytes]:
    made: dict[tuple[str, str], bytes] = {}
    for fmt in ("pdf", "docx"):
        for key in PERIODS:
            made[(key, fmt)] = render_followup(sample_pledge, followup, "tertial", key, fmt)
        made[("2018", fmt)] = render_followup(sample_pledge, followup, "annual", "2018", fmt)
    return made


def text_of(documents: dict[tuple[str, str], bytes], key: str, fmt: str) -> str:
    data = documents[(key, fmt)]
    return pdf_text(data) if fmt == "pdf" else docx_text(data)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("key", [*PERIODS, "2018"])
def test_every_promise_is_named(
    documents: dict[tuple[str, str], bytes], sample_pledge: Pledge, key: str, fmt: str
) -> None:
    text = text_of(documents, key, fmt)
    for promise in sample_pledge.promises():
        assert normalise(promise.text) in text, promise.id


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("key", PERIODS)
def test_tertial_numbers_match_the_computation(
    documents: dict[tuple[str, str], bytes],
    sample_pledge: Pledge,
    followup: FollowUp,
    key: str,
    fmt: str,
) -> None:
    period = parse_period_key(key, DateRange.of(sample_pledge.period))
    report = period_report(sample_pledge, followup, period)
    text = text_of(documents, key, fmt)
    for result in report.promises:
        if not result.has_plan:
            continue
        unit = result.unit_word
        for tally in result.units:
            assert f": {tally.credited} av {tally.due} {unit}" in text, (result.number, tally)
        assert f"Hittills i år: {result.year_credited} av {result.year_due} {unit}." in text
    good = sum(len(report.by_status.get(key, ())) for key in (Status.COMPLETED, Status.ON_TRACK))
    words = ["noll", "Ett", "Två", "Tre", "Fyra", "Fem", "Sex", "Sju"]
    assert f"{words[good]} av sju löften är genomför" in text


def test_a_term_plan_reads_per_term_and_per_place(documents: dict[tuple[str, str], bytes]) -> None:
    for fmt in ("pdf", "docx"):
        t1, t3 = text_of(documents, "2018-T1", fmt), text_of(documents, "2018-T3", fmt)
        assert (
            "Vårterminen 2018: 2 av 3 besök (Tusenskönans förskola 1 av 1, Pilängsgårdens "
            "förskola 0 av 1, Drömmens förskola 1 av 1), ska vara klart senast 15 juni 2018."
        ) in t1
        assert "Hittills i år: 2 av 6 besök." in t1
        assert "Plan 0" not in t1
        assert "Höstterminen 2018: 2 av 3 besök" in t3 and "blev inte klart i tid" in t3
        assert "Löfte 2: Besöket görs i januari 2019." in t3  # a next step keeps its promise


def test_the_sample_numbers_are_what_the_data_says(
    sample_pledge: Pledge, followup: FollowUp
) -> None:
    span = DateRange.of(sample_pledge.period)
    by_period = {
        key: {
            r.promise.id: (r.progress.planned_in_period, r.progress.done_in_period, r.status.value)
            for r in period_report(sample_pledge, followup, parse_period_key(key, span)).promises
            if r.progress is not None
        }
        for key in PERIODS
    }
    assert by_period["2018-T1"]["besok-forskolor"] == (0, 2, "on-track")
    assert by_period["2018-T2"]["besok-forskolor"] == (3, 1, "on-track")
    assert by_period["2018-T3"]["besok-forskolor"] == (3, 2, "partly")
    assert by_period["2018-T3"]["besok-ungdomshuset"] == (2, 2, "completed")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_status_is_text_and_symbol_not_colour_alone(
    documents: dict[tuple[str, str], bytes], fmt: str
) -> None:
    text = text_of(documents, "2018-T3", fmt)
    assert "◐ Delvis" in text
    assert "✔ Genomförd" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_annual_summary_gives_verdicts_honest_indicators_and_a_decision(
    documents: dict[tuple[str, str], bytes], fmt: str
) -> None:
    text = text_of(documents, "2018", fmt)
    assert "Årssammanfattning 2018" in text
    assert (
        "Medborgarlöftet har sju löften. Fyra löften har hållits (löfte 1, 3, 4 och 6). Tre "
        "löften har hållits delvis (löfte 2, 5 och 7). Två bedömningar bygger på det som "
        "räknats i aktivitetslistan. Fem bygger på de ansvarigas egna bedömningar."
    ) in text
    assert (
        "Resultat: Förbättrat. Värdet har ökat från 48 procent (trygghetsmätningen 2017) till "
        "52 procent (15 oktober 2018), alltså med 4 procentenheter. Förändringen är större än "
        "felmarginalen på 3 procentenheter och går åt rätt håll."
    ) in text
    assert (
        "Resultat: Oförändrat. Värdet har minskat från 63 procent (trygghetsmätningen 2017) till "
        "61 procent (15 oktober 2018), alltså med 2 procentenheter. Förändringen ryms inom "
        "felmarginalen på 3 procentenheter."
    ) in text
    assert "Ingen felmarginal är angiven för måttet" in text  # the crimes have no margin
    verdicts = text.split("Bedömning av varje löfte 2018")[1].split("Utfall räknas")[0]
    assert "Hållet" in verdicts
    assert "Genomförd" not in verdicts and "Enligt plan" not in verdicts  # no in-year words
    assert "Status under året, tertial för tertial" in text  # those are shown per tertial
    assert "Det här behöver bli bättre" in text
    assert "Tertial 1 2018: En skottlossning i mars" in text  # the tertials' events are kept
    assert "Behandlad av styrgruppen för samverkan polis–kommun den 12 februari 2019, § 4." in text
    assert "Underskrifter" not in text  # a follow-up is not signed


def test_the_example_notice_is_on_every_pdf_page(documents: dict[tuple[str, str], bytes]) -> None:
    for key in [*PERIODS, "2018"]:
        reader = PdfReader(io.BytesIO(documents[(key, "pdf")]))
        assert len(reader.pages) > 1
        for page in reader.pages:
            assert NOTICE in normalise(page.extract_text())


def test_the_example_notice_is_in_every_docx_header(
    documents: dict[tuple[str, str], bytes],
) -> None:
    document = docx.Document(io.BytesIO(documents[("2018-T2", "docx")]))
    for section in document.sections:
        assert NOTICE in " ".join(p.text for p in section.header.paragraphs)


def test_docx_has_a_native_chart_with_the_numbers(
    documents: dict[tuple[str, str], bytes],
) -> None:
    with zipfile.ZipFile(io.BytesIO(documents[("2018-T3", "docx")])) as archive:
        charts = [n for n in archive.namelist() if n.startswith("word/charts/chart")]
        assert charts
        xml = archive.read(charts[0]).decode()
    assert "Årets plan" in xml
    assert "Genomfört hittills" in xml
    assert re.search(r"<c:v>6(\.0)?</c:v>", xml)


def test_a_period_without_data_says_so_in_words(sample_pledge: Pledge, followup: FollowUp) -> None:
    empty = followup.model_copy(
        update={"activities": [], "assessments": [], "narratives": [], "readings": []}
    )
    for fmt in ("pdf", "docx"):
        output = render_followup(sample_pledge, empty, "tertial", "2018-T2", fmt)
        text = pdf_text(output) if fmt == "pdf" else docx_text(output)
        assert "Det finns inga registrerade aktiviteter eller bedömningar för perioden." in text
        assert "Inga nya mätvärden har kommit in under perioden." in text


def test_make_report_all_writes_fifteen_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["all", str(SAMPLE), "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        f"{stem}.{fmt}"
        for fmt in ("docx", "pdf", "html")
        for stem in (
            "medborgarlofte-landskrona-2018",
            "uppfoljning-landskrona-2018-T1",
            "uppfoljning-landskrona-2018-T2",
            "uppfoljning-landskrona-2018-T3",
            "arssammanfattning-landskrona-2018",
        )
    )
    assert "hoppar över" not in capsys.readouterr().out


def test_all_skips_what_the_data_does_not_support_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    (folder / "followup" / "2018-T3.yaml").unlink()
    csv = folder / "followup" / "aktiviteter.csv"
    csv.write_text(
        "\n".join(
            line
            for line in csv.read_text(encoding="utf-8").splitlines()
            if "2018-09" not in line and "2018-1" not in line
        )
        + "\n",
        encoding="utf-8",
    )
    written, skipped = write_all(folder, tmp_path / "out", ["pdf"])
    assert sorted(p.name for p in written) == [
        "medborgarlofte-landskrona-2018.pdf",
        "uppfoljning-landskrona-2018-T1.pdf",
        "uppfoljning-landskrona-2018-T2.pdf",
    ]
    assert ("uppföljning 2018-T3", "ingen uppföljningsdata för perioden") in skipped
    assert any(what == "årssammanfattning 2018" for what, _ in skipped)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["tertial", str(SAMPLE), "--period", "2019-T1"], "välj en av: 2018-T1, 2018-T2, 2018-T3"),
        (["tertial", str(SAMPLE), "--period", "2018"], "ingen tertial"),
        (["annual", str(SAMPLE), "--period", "2018-T1"], "är en tertial"),
        (["annual", str(SAMPLE), "--year", "20x8"], "okänd period"),
    ],
)
def test_a_wrong_period_is_a_clear_error_and_writes_nothing(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--out", str(tmp_path / "out")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_bad_follow_up_data_gives_exit_1_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    with (folder / "followup" / "aktiviteter.csv").open("a", encoding="utf-8") as stream:
        stream.write("2018-04-01;okant-lofte;1;;\n")
    assert main(["all", str(folder), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "aktiviteter.csv:11: activities[9].promise: okänt löfte 'okant-lofte'" in err
    assert not (tmp_path / "out").exists()


def test_the_status_table_header_is_never_repeated_on_one_page(
    documents: dict[tuple[str, str], bytes],
) -> None:
    for key in PERIODS:
        reader = PdfReader(io.BytesIO(documents[(key, "pdf")]))
        for page in reader.pages:
            assert normalise(page.extract_text()).count("Ansvarig") <= 1


def test_a_police_only_summary_names_its_party_and_keeps_proper_names_in_titles() -> None:
    from lofte_reports import FollowUp, followup_document, load_pledge
    from lofte_reports.doctree.walk import dump
    from tests.conftest import ROOT

    folder = ROOT / "samples" / "stockholm-norrmalm-2019"
    pledge = load_pledge(folder)
    text = dump(followup_document(pledge, FollowUp(), "annual", "2019", folder / "templates"))
    assert "skriftligt löfte från Lokalpolisområde Norrmalm till invånarna" in text
    assert "polisen och kommunen" not in text
    title = pledge.signatories[0].title
    assert title[0].isupper() and "Norrmalm" in title
    assert f"({title[0].lower()}{title[1:]}," in text
