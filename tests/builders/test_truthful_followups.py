"""Each verdict rule as a coordinator reads it in the documents, from the sample with one change.

`tests/compute/test_verdicts.py` proves the numbers; this file proves the words: each case is
checked in the document tree and read back from the PDF and the DOCX.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from lofte_reports import api
from lofte_reports.builders.followup import FollowUpKind, build_followup
from lofte_reports.doctree.walk import document_texts
from lofte_reports.model.followup import FollowUp
from lofte_reports.model.pledge import Pledge, Signing
from tests.compute.test_verdicts import DROM, HUS, PILANG, TUSEN, visit, with_records
from tests.conftest import docx_text, normalise, unhyphenated

Sample = tuple[Pledge, FollowUp]


def tree_text(pledge: Pledge, followup: FollowUp, kind: FollowUpKind, key: str) -> str:
    tree = build_followup(kind, pledge, followup, api.period(pledge, key))
    return normalise(" ".join(document_texts(tree)))


def written_texts(
    pledge: Pledge, followup: FollowUp, kind: FollowUpKind, key: str
) -> Iterator[str]:
    """Yield the document's text from the tree, the PDF and the DOCX."""
    yield tree_text(pledge, followup, kind, key)
    pdf = api.render_followup(pledge, followup, kind, key, "pdf")
    pages = PdfReader(io.BytesIO(pdf)).pages
    yield normalise(unhyphenated("\n".join(page.extract_text() for page in pages)))
    yield docx_text(api.render_followup(pledge, followup, kind, key, "docx"))


def test_six_visits_to_one_preschool_do_not_keep_a_promise_to_three(sample: Sample) -> None:
    pledge, followup = sample
    days = ["2018-02-01", "2018-02-05", "2018-02-08", "2018-02-12", "2018-02-15", "2018-02-19"]
    one_place = with_records(
        followup, "besok-forskolor", *(visit(d, "besok-forskolor", TUSEN) for d in days)
    )
    for text in written_texts(pledge, one_place, "tertial", "2018-T1"):
        assert (
            f"Vårterminen 2018: 1 av 3 besök ({TUSEN} 6 av 1, {PILANG} 0 av 1, {DROM} 0 av 1), "
            "ska vara klart senast 15 juni 2018."
        ) in text
        assert "Hittills i år: 1 av 6 besök." in text
    for text in written_texts(pledge, one_place, "annual", "2018"):
        assert "Vårterminen 2018: 1 av 3 besök" in text and "blev inte klart i tid" in text
        assert "Tre löften har hållits delvis (löfte 2, 5 och 7)." in text


def test_a_missed_spring_term_stays_missed_after_autumn_visits(sample: Sample) -> None:
    pledge, followup = sample
    autumn = with_records(
        followup,
        "besok-ungdomshuset",
        visit("2018-09-03", "besok-ungdomshuset", HUS),
        visit("2018-09-10", "besok-ungdomshuset", HUS),
    )
    t2 = tree_text(pledge, autumn, "tertial", "2018-T2")
    assert "Vårterminen 2018: 0 av 2 besök – blev inte klart i tid (senast 15 juni 2018)." in t2
    assert "✖ Inte genomförd (räknat ur aktivitetslistan)" in t2
    for text in written_texts(pledge, autumn, "annual", "2018"):
        assert "Höstterminen 2018: 2 av 2 besök – klart." in text
        assert "Vårterminen 2018: 0 av 2 besök – blev inte klart i tid" in text
        assert "Tre löften har hållits (löfte 1, 4 och 6)." in text  # löfte 3 only partly
        assert "Fyra löften har hållits delvis (löfte 2, 3, 5 och 7)." in text


def test_a_record_at_a_place_the_plan_does_not_name_is_shown_as_not_counted(
    sample: Sample,
) -> None:
    pledge, followup = sample
    records = [*followup.activities, visit("2018-03-22", "besok-forskolor", "Drömmen")]
    near_miss = followup.model_copy(update={"activities": sorted(records, key=lambda r: r.date)})
    for text in written_texts(pledge, near_miss, "tertial", "2018-T1"):
        assert "1 registrering räknas inte mot planen" in text
        assert "22 mars 2018, Drömmen" in text
        assert f"{DROM} 1 av 1" in text  # the real visit still counts, the near miss does not


def test_a_promise_without_a_plan_shows_what_was_logged(sample: Sample) -> None:
    pledge, followup = sample
    logged = with_records(
        followup,
        "kontroller-insatser",
        visit("2018-02-10", "kontroller-insatser", "Karlslund", count=6),
        visit("2018-06-10", "kontroller-insatser", "Karlslund", count=8),
    )
    for text in written_texts(pledge, logged, "tertial", "2018-T2"):
        assert "Registrerat: 8 under perioden, 14 hittills i år." in text
        assert "10 juni 2018, Karlslund (8 gånger)" in text
        assert "Avvikelse" not in text.split("Löfte 4:")[-1].split("Löfte 5:")[0]
    annual = tree_text(pledge, logged, "annual", "2018")
    assert "14 aktiviteter har registrerats." in annual


def test_a_missing_year_end_assessment_says_so_and_is_not_taken_from_a_tertial(
    sample: Sample,
) -> None:
    pledge, followup = sample
    kept = [a for a in followup.assessments if (a.promise, a.period) != ("synlighet", "2018")]
    gap = followup.model_copy(update={"assessments": kept})
    for text in written_texts(pledge, gap, "annual", "2018"):
        assert "För ett löfte saknas bedömning (löfte 5)." in text
        assert (
            "Fem bygger på" not in text and "Fyra bygger på de ansvarigas egna bedömningar." in text
        )
        section = text.split("Löfte 5:")[-1]
        assert section.split("Löfte 6:")[0].count("? Bedömning saknas") >= 1
        verdicts = text.split("Bedömning av varje löfte 2018")[1].split("Utfall räknas")[0]
        assert "● Enligt plan" not in verdicts  # T3's in-year word is no year-end verdict


def test_a_tertial_without_an_assessment_says_it_is_missing_not_that_none_was_wanted(
    sample: Sample,
) -> None:
    pledge, followup = sample
    kept = [a for a in followup.assessments if (a.promise, a.period) != ("synlighet", "2018-T2")]
    gap = followup.model_copy(update={"assessments": kept})
    for text in written_texts(pledge, gap, "tertial", "2018-T2"):
        assert "För ett löfte saknas bedömning (löfte 5)." in text
        assert "? Bedömning saknas" in text
        assert "⊘ Bedöms ej – de ansvariga har valt att inte bedöma löftet" in text  # the legend


def test_deviation_is_only_claimed_where_there_is_a_plan(sample: Sample) -> None:
    pledge, followup = sample
    t2 = tree_text(pledge, followup, "tertial", "2018-T2")  # löfte 5 is partly done, no plan
    assert "Avvikelse" not in t2
    t3 = tree_text(pledge, followup, "tertial", "2018-T3")  # löfte 2 is behind its plan
    assert "Löfte 2:" in t3 and "Avvikelse: Arbetet ligger efter planen." in t3
    annual = tree_text(pledge, followup, "annual", "2018")
    assert "Orsak: Bygget av inomhusskateparken försenades." in annual
    assert "Konsekvens: Ungdomarna får vänta på skateparken till mars 2019." in annual
    assert "Åtgärd: Landskrona stad följer upp tidplanen med byggföretaget varje månad." in annual


@pytest.mark.parametrize(("kind", "key"), [("tertial", "2018-T1"), ("annual", "2018")])
def test_each_report_has_its_own_author_and_date(
    sample: Sample, kind: FollowUpKind, key: str
) -> None:
    pledge, followup = sample
    dates = {"2018-T1": "15 maj 2018", "2018": "31 januari 2019"}
    text = tree_text(pledge, followup, kind, key)
    assert f"Datum: {dates[key]}" in text and "Upprättad av: Kim Exempel" in text


def test_english_follow_ups_use_english_verdicts(sample: Sample) -> None:
    pledge, followup = sample
    english = pledge.model_copy(update={"language": "en"})
    annual = tree_text(english, followup, "annual", "2018")
    assert "✔ Kept" in annual and "◐ Partly kept" in annual
    assert "Four promises have been kept (promises 1, 3, 4 and 6)." in annual
    t1 = tree_text(english, followup, "tertial", "2018-T1")
    assert "Spring term 2018: 2 of 3 besök" in t1 and "due by 15 June 2018" in t1


def test_the_annual_summary_goes_back_to_the_problems(sample: Sample) -> None:
    pledge, followup = sample
    for text in written_texts(pledge, followup, "annual", "2018"):
        assert "Tillbaka till lägesbilden" in text
        assert (
            "Problem: för få aktiviteter för barn och unga Löften som svarar mot problemet: "
            "löfte 3 (✔ Hållet) och löfte 7 (◐ Delvis hållet)."
        ) in text
        assert "Mål som följer upp det: mål 1 (förbättrat)." in text
    lonely = pledge.model_copy(
        update={
            "promise_groups": [
                g.model_copy(
                    update={"promises": [p.model_copy(update={"problems": []}) for p in g.promises]}
                )
                for g in pledge.promise_groups
            ]
        }
    )
    assert "Inget löfte svarar mot problemet." in tree_text(lonely, followup, "annual", "2018")


def test_the_annual_summary_shows_each_tertials_status(sample: Sample) -> None:
    pledge, followup = sample
    text = tree_text(pledge, followup, "annual", "2018")
    table = text.split("Status under året, tertial för tertial")[1].split("Löfte för löfte")[0]
    row5 = table.split("5. ")[1].split("6. ")[0]
    assert row5.count("● Enligt plan") == 2 and "◐ Delvis genomförd" in row5  # the summer dip


def test_readings_are_labelled_by_the_period_they_cover_and_quiet_ones_say_so(
    sample: Sample,
) -> None:
    pledge, followup = sample
    for text in written_texts(pledge, followup, "tertial", "2018-T2"):
        assert "maj–augusti 2018 18 anmälda brott" in text  # a count over the tertial
        assert (
            "Andel boende som känner sig trygga i området: ingen ny mätning under perioden; "
            "utgångsvärdet är 63 procent (trygghetsmätningen 2017)."
        ) in text
    t3 = tree_text(pledge, followup, "tertial", "2018-T3")
    assert "Anmälda narkotika- och vapenbrott" in t3 and "september–december 2018" in t3


def test_the_annual_summary_says_when_the_pledge_was_signed_and_lists_the_years_records(
    sample: Sample,
) -> None:
    pledge, followup = sample
    for text in written_texts(pledge, followup, "annual", "2018"):
        assert "Det är undertecknat av Anneli Manelli" in text  # the sample gives no date
        assert "Registrerat: 6 mars 2018, Tusenskönans förskola; 20 mars 2018" in text
    dated = pledge.model_copy(update={"signing": Signing(date=dt.date(2018, 2, 15))})
    text = tree_text(dated, followup, "annual", "2018")
    assert "Det undertecknades den 15 februari 2018 av Anneli Manelli" in text


def test_a_quiet_indicator_says_when_it_is_measured(sample: Sample) -> None:
    pledge, followup = sample
    text = tree_text(pledge, followup, "tertial", "2018-T1")
    assert "ingen ny mätning under perioden" in text
    assert "Måttet mäts en gång per år, på hösten." in text
