"""English as a second language: every document in English, no fixed text of the other language.

Documents are read back out of both formats. The language check is made fair by running it
on a copy of the sample whose every data text is a language-neutral token, so that whatever
words remain come from the templates (or from code); each language's fixed vocabulary is
derived from its own templates.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from babel.dates import get_month_names
from pypdf import PdfReader

from lofte_reports import api
from lofte_reports.app.jobs import PledgeFolder, build, plan_all
from lofte_reports.builders.environment import BUILTIN
from lofte_reports.cli import main
from lofte_reports.languages import Language, info
from lofte_reports.model.followup import FollowUpFile
from lofte_reports.model.pledge import Pledge
from lofte_reports.writers import Format, write
from tests.conftest import SAMPLE, docx_text, html_tree, normalise, pdf_text, unhyphenated

LANGUAGES: tuple[Language, ...] = ("sv", "en")
TAGS = {"sv": "sv-SE", "en": "en-GB"}
FORMATS: tuple[Format, ...] = ("pdf", "docx")
STEMS = [
    "medborgarlofte-landskrona-2018",
    "uppfoljning-landskrona-2018-T1",
    "uppfoljning-landskrona-2018-T2",
    "uppfoljning-landskrona-2018-T3",
    "arssammanfattning-landskrona-2018",
]
"""The Swedish documents' file names; another language adds its code (see `named`)."""


def named(stem: str, language: Language) -> str:
    """Return the file name stem of a document in `language`: Swedish ones have no suffix."""
    return stem if language == "sv" else f"{stem}.{language}"


WORD = re.compile(r"[^\W\d_]+")


# --- Reading documents back: body, running header and footer, charts and properties ----


def pdf_everything(data: bytes) -> str:
    """Return a PDF's page text and its title, author, subject and keywords."""
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info is not None
    fields = [info.title, info.author, info.subject, info.get("/Keywords")]
    pages = unhyphenated("\n".join(page.extract_text() for page in reader.pages))
    return normalise(" ".join([pages, *(str(f) for f in fields if f)]))


def docx_everything(data: bytes) -> str:
    """Return a DOCX's body, headers, footers, chart texts and descriptive properties."""
    document = docx.Document(io.BytesIO(data))
    parts = [docx_text(data)]
    for section in document.sections:
        for part in (section.header, section.footer):
            parts += [paragraph.text for paragraph in part.paragraphs]
    props = document.core_properties
    parts += [props.title, props.author, props.subject, props.keywords]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("word/charts/") and name.endswith(".xml"):
                xml = package.read(name).decode("utf-8")
                parts += re.findall(r"<(?:a:t|c:v)>([^<]*)</", xml)
            elif name == "word/document.xml":  # charts' alternative text and title
                xml = package.read(name).decode("utf-8")
                parts += re.findall(r'<wp:docPr [^>]*?descr="([^"]*)"', xml)
    return normalise(" ".join(parts))


def everything(data: bytes, fmt: Format) -> str:
    return pdf_everything(data) if fmt == "pdf" else docx_everything(data)


def document_language(data: bytes, fmt: Format) -> str:
    """Return the language a document declares: PDF /Lang or the DOCX core property."""
    if fmt == "pdf":
        root: Any = PdfReader(io.BytesIO(data)).trailer["/Root"]
        return str(root["/Lang"])
    return str(docx.Document(io.BytesIO(data)).core_properties.language)


def render_folder(folder: PledgeFolder) -> dict[tuple[str, Format], bytes]:
    """Return every document the folder supports, in both formats, keyed by (stem, format)."""
    jobs, skipped = plan_all(folder)
    assert not skipped
    made: dict[tuple[str, Format], bytes] = {}
    for one in jobs:
        document = build(folder, one)
        for fmt in FORMATS:
            made[(one.stem, fmt)] = write(document, fmt)
    return made


# --- 1. The sample in English ----------------------------------------------------------


@pytest.fixture(scope="module")
def english() -> dict[tuple[str, Format], bytes]:
    folder = api.open_folder(SAMPLE, "en")
    assert folder.pledge.language == "en"
    return render_folder(folder)


EXPECTED_EN = {
    "medborgarlofte-landskrona-2018": [
        "Citizen pledge in Landskrona kommun 2018",
        "Lokalpolisområde Landskrona and Landskrona stad",
        "Karlslundsområdet, covering 2018",
        "The situation today",
        "What we will do",
        "What we will achieve together",
        "Follow our progress",
        "will be followed up every tertial (every four months)",
        "at the turn of the year 2018/2019",
        "Signatures",
        "Place:",
        "Date:",
        "Page 1 of 2",
    ],
    "uppfoljning-landskrona-2018-T1": [
        "Follow-up, tertial 1 of 2018",
        "Period: January–April 2018",
        "Date: 15 May 2018",
        "Example data – fictitious figures",
        "Status of each promise, tertial 1 of 2018",
        "● On track",
        "⚠ Delayed",
        "6 March 2018, Tusenskönans förskola",
        "Page 1 of",
    ],
    "uppfoljning-landskrona-2018-T2": [
        "Follow-up, tertial 2 of 2018",
        "Period: May–August 2018",
        "◐ Partly done",
        "May–August 2018",
    ],
    "uppfoljning-landskrona-2018-T3": [
        "Follow-up, tertial 3 of 2018",
        "Period: September–December 2018",
        "✔ Completed",
        "Done so far this year of the year's plan, up to and including tertial 3 of 2018",
        "Autumn term 2018: 2 of 3 besök",
        "Promise 2: Besöket görs i januari 2019.",
        "Measurements and statistics",
        "15 October 2018",
    ],
    "arssammanfattning-landskrona-2018": [
        "Annual summary 2018",
        "About the citizen pledge",
        "How the promises went",
        "The citizen pledge has seven promises. Four promises have been kept",
        "Two verdicts rest on what was counted in the activity list.",
        "What we wanted to achieve together – and how it went",
        "The aim is for the value to increase.",
        "Result: Improved. The value has increased from 48 procent",
        "by 4 procentenheter",
        "What worked",
        "What needs to improve",
        "Next steps",
        "Decision",
        "Example data – fictitious figures",
    ],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", STEMS)
def test_every_document_of_the_sample_renders_in_english(
    english: dict[tuple[str, Format], bytes], stem: str, fmt: Format
) -> None:
    data = english[(named(stem, "en"), fmt)]
    assert data.startswith(b"%PDF" if fmt == "pdf" else b"PK")
    text = everything(data, fmt)
    for expected in EXPECTED_EN[stem]:
        if fmt == "docx" and expected.startswith("Page 1 of"):
            expected = "Page 1 of"  # the page numbers are Word fields
        assert expected in text, expected
    assert document_language(data, fmt) == "en-GB"


def test_english_docx_declares_english_in_its_styles(
    english: dict[tuple[str, Format], bytes],
) -> None:
    document = docx.Document(io.BytesIO(english[(named(STEMS[0], "en"), "docx")]))
    assert re.search(r'<w:lang [^>]*w:val="en-GB"', document.styles.element.xml)


# --- 2. No fixed text of the other language -------------------------------------------


def template_words(language: str) -> set[str]:
    """Return the words (lower case) that a language's templates can print.

    Comments are dropped; inside tags only the literals of quoted strings count, except
    dictionary keys and identifier-like strings (`"completed"`, `"progress.done_to_date"`,
    `"_common.j2"`), which select data or templates rather than print text; outside tags all text counts.
    """
    words: set[str] = set()
    # The built-in templates are written in the source language; others print the catalog.
    for path in sorted(BUILTIN.glob("*.j2")) if language == "sv" else []:
        source = re.sub(r"\{#.*?#\}", " ", path.read_text(encoding="utf-8"), flags=re.S)
        for piece in re.split(r"(\{%.*?%\}|\{\{.*?\}\})", source, flags=re.S):
            if piece.startswith(("{%", "{{")):
                literals = re.finditer(r'"([^"\\]*)"(\s*:)?|\'([^\'\\]*)\'(\s*:)?', piece)
                for m in literals:
                    literal = m.group(1) if m.group(1) is not None else m.group(3)
                    is_key = bool(m.group(2) or m.group(4))
                    if not is_key and not re.fullmatch(r"[a-z_][a-z0-9_.-]*", literal):
                        literal = re.sub(r"\{\w+\}|%\(\w+\)s", " ", literal)  # placeholders
                        words |= {w.lower() for w in WORD.findall(literal)}
            else:
                words |= {w.lower() for w in WORD.findall(piece)}
    return words | catalog_words(language)


def catalog_words(language: str) -> set[str]:
    """Return the words of the shared templates' gettext texts, as the language prints them.

    The shared templates are written in Swedish (the msgids); English prints the msgstrs.
    """
    from babel.messages.pofile import read_po

    from lofte_reports.builders.catalogs import catalog_path

    with catalog_path("en").open("rb") as file:
        catalog = read_po(file)
    chosen = [m.id if language == "sv" else m.string for m in catalog if m.id]
    texts = [
        str(t) for text in chosen for t in (text if isinstance(text, tuple | list) else (text,))
    ]
    return {
        w.lower() for text in texts for w in WORD.findall(re.sub(r"%\(\w+\)s|\{\w+\}", " ", text))
    }


def month_names(language: Language) -> set[str]:
    return {
        str(name).lower() for name in get_month_names("wide", locale=info(language).locale).values()
    }


@functools.cache
def vocabularies() -> dict[str, set[str]]:
    """Return each language's own fixed words: 4+ letters, not shared with the other language."""
    raw: dict[str, set[str]] = {
        lang: template_words(lang) | month_names(lang) for lang in LANGUAGES
    }
    return {
        lang: {w for w in raw[lang] if len(w) >= 4 and w not in raw[other]}
        for lang, other in (("sv", "en"), ("en", "sv"))
    }


def test_vocabularies_hold_the_words_that_matter() -> None:
    vocab = vocabularies()
    for word in ("underskrifter", "situationen", "genomförda", "januari", "sida", "exempeldata"):
        assert word in vocab["sv"], word
    for word in ("signatures", "completed", "track", "page", "example", "fictitious", "january"):
        assert word in vocab["en"], word
    for shared in ("september", "status", "period", "tertial"):
        assert shared not in vocab["sv"] and shared not in vocab["en"], shared


# Words both languages' templates print, each a word of both languages. A word of one
# language left in the other's templates would be shared too, and so drop out of the
# vocabularies above; this list catches it.
COGNATES = {"information", "period", "plan", "problem", "status", "tertial", "text"}


def test_the_templates_share_only_words_of_both_languages() -> None:
    shared = {w for w in template_words("sv") & template_words("en") if len(w) >= 4}
    assert shared <= COGNATES, sorted(shared - COGNATES)


class Tokens:
    """Language-neutral stand-ins for data texts: Q1, Q2, …"""

    def __init__(self) -> None:
        self.count = 0

    def __next__(self) -> str:
        self.count += 1
        return f"Q{self.count}"

    def __iter__(self) -> Iterator[str]:
        return self


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _branches(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolve(schema, defs)
    if "anyOf" in schema:
        return [b for branch in schema["anyOf"] for b in _branches(branch, defs)]
    return [schema]


def _is_free_text(schema: dict[str, Any], defs: dict[str, Any]) -> bool:
    """Return whether a schema takes free text (not an id, enum value, date or period key)."""
    return any(
        b.get("type") == "string" and not {"pattern", "enum", "format", "const"} & set(b)
        for b in _branches(schema, defs)
    )


def neutralise(value: Any, schema: dict[str, Any], defs: dict[str, Any], tokens: Tokens) -> Any:
    """Return `value` with every free text replaced by a token, as the model's schema says."""
    if isinstance(value, str):
        return next(tokens) if _is_free_text(schema, defs) else value
    if isinstance(value, dict):
        properties: dict[str, Any] = {}
        for branch in _branches(schema, defs):
            properties |= branch.get("properties", {})
        assert set(value) <= set(properties), set(value) - set(properties)
        return {k: neutralise(v, properties[k], defs, tokens) for k, v in value.items()}
    if isinstance(value, list):
        items = [b["items"] for b in _branches(schema, defs) if "items" in b]
        assert items, schema
        return [neutralise(v, items[0], defs, tokens) for v in value]
    return value


def neutral_copy(target: Path) -> Path:
    """Copy the sample with every text of pledge.yaml and followup/ replaced by a token."""
    shutil.copytree(SAMPLE, target)
    tokens = Tokens()
    schemas = {"pledge": Pledge.model_json_schema(), "followup": FollowUpFile.model_json_schema()}
    for path, kind in [
        (target / "pledge.yaml", "pledge"),
        *((p, "followup") for p in sorted((target / "followup").glob("*.yaml"))),
    ]:
        schema = schemas[kind]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        neutral = neutralise(data, schema, schema.get("$defs", {}), tokens)
        path.write_text(yaml.safe_dump(neutral, allow_unicode=True), encoding="utf-8")
    for path in (target / "followup").glob("*.csv"):
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
        head = rows[0]
        blank = [head.index(column) for column in ("plats", "anteckning")]
        kept = [head] + [[("" if n in blank else c) for n, c in enumerate(r)] for r in rows[1:]]
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(kept)
        path.write_text(out.getvalue(), encoding="utf-8")
    assert tokens.count > 50
    return target


@pytest.fixture(scope="module")
def neutral_documents(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, dict[tuple[str, Format], bytes]]:
    folder = neutral_copy(tmp_path_factory.mktemp("neutral") / "landskrona-2018")
    return {lang: render_folder(api.open_folder(folder, lang)) for lang in LANGUAGES}


def test_the_neutral_copy_holds_no_data_words(tmp_path: Path) -> None:
    folder = neutral_copy(tmp_path / "landskrona-2018")
    pledge = api.open_folder(folder, "sv").pledge
    assert re.fullmatch(r"Q\d+", pledge.municipality)
    assert all(re.fullmatch(r"Q\d+", p.text) for p in pledge.promises())
    files = [folder / "pledge.yaml", *sorted((folder / "followup").glob("*.yaml"))]
    left = [s for f in files for s in strings(yaml.safe_load(f.read_text(encoding="utf-8")))]
    assert left
    for string in left:  # tokens, ids, enum values and period keys only
        assert re.fullmatch(r"Q\d+|[a-z0-9][a-z0-9_-]*|\d{4}(-T[1-3])?", string), string
    with (folder / "followup" / "aktiviteter.csv").open(encoding="utf-8") as file:
        records = list(csv.DictReader(file, delimiter=";"))
    assert records and all(r["plats"] == r["anteckning"] == "" for r in records)


def strings(data: Any) -> Iterator[str]:
    """Yield every string in loaded YAML data."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_fixed_text_of_the_other_language(
    neutral_documents: dict[str, dict[tuple[str, Format], bytes]],
    language: Language,
    fmt: Format,
) -> None:
    other = "en" if language == "sv" else "sv"
    foreign = vocabularies()[other]
    own = vocabularies()[language]
    documents = neutral_documents[language]
    assert {stem for stem, _ in documents} == {named(stem, language) for stem in STEMS}
    for stem in STEMS:
        data = documents[(named(stem, language), fmt)]
        words = {w.lower() for w in WORD.findall(everything(data, fmt))}
        assert not words & foreign, f"{stem}.{fmt}: {sorted(words & foreign)}"
        assert len(words & own) > 15, f"{stem}.{fmt} shows too little of its own language"
        assert document_language(data, fmt) == TAGS[language]


# --- 3. Texts with translations ---------------------------------------------------------

SV_PROMISE = "Vi lovar att arbeta tillsammans i området."
EN_PROMISE = "We promise to work together in the area."


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    """The sample with a translated overall promise and a municipality given only in Swedish."""
    folder = tmp_path / "landskrona-2018"
    shutil.copytree(SAMPLE, folder)
    file = folder / "pledge.yaml"
    text = file.read_text(encoding="utf-8")
    text, swaps = re.subn(
        r"^overall_promise: >-\n(?:  .*\n)+",
        f'overall_promise: {{sv: "{SV_PROMISE}", en: "{EN_PROMISE}"}}\n',
        text,
        flags=re.M,
    )
    assert swaps == 1
    text = text.replace(
        "municipality: Landskrona kommun\n", "municipality: {sv: Landskrona kommun}\n"
    )
    file.write_text(text, encoding="utf-8")
    assert text.splitlines()[4] == "municipality: {sv: Landskrona kommun}"
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_text_comes_out_in_the_chosen_language(
    translated: Path, language: Language, fmt: Format
) -> None:
    folder = api.open_folder(translated, language)
    text = everything(api.render_pledge(folder.pledge, fmt), fmt)
    wanted, unwanted = (EN_PROMISE, SV_PROMISE) if language == "en" else (SV_PROMISE, EN_PROMISE)
    assert wanted in text
    assert unwanted not in text
    title = "Citizen pledge in" if language == "en" else "Medborgarlöfte i"
    assert f"{title} Landskrona kommun 2018" in text


def test_a_missing_translation_is_a_warning_with_file_line_and_field(translated: Path) -> None:
    folder = api.open_folder(translated, "en")
    assert folder.pledge.municipality == "Landskrona kommun"  # the Swedish text is used
    (warning,) = [w for w in folder.warnings if "saknar översättning" in w.message]
    assert warning.file == translated / "pledge.yaml"
    assert warning.line == 5
    assert warning.field == "municipality"
    assert "engelska" in warning.message
    assert str(warning).startswith(f"{translated / 'pledge.yaml'}:5: municipality: ")
    assert api.open_folder(translated, "sv").warnings == ()


def test_make_report_prints_the_warning_and_still_writes(
    translated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["pledge", str(translated), "--lang", "en", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "varning" in err
    assert f"{translated / 'pledge.yaml'}:5: municipality:" in err
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"medborgarlofte-landskrona-2018.en.{s}" for s in ("docx", "html", "pdf")]
    pdf = (out / "medborgarlofte-landskrona-2018.en.pdf").read_bytes()
    assert EN_PROMISE in pdf_text(pdf)


# --- 4. The command line writes every English document ----------------------------------


def test_make_report_all_in_english_writes_the_fifteen_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["all", str(SAMPLE), "--lang", "en", "--out", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err and all(
        "varning:" in line and "texten finns bara på svenska" in line for line in err
    )
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{stem}.en.{fmt}" for stem in STEMS for fmt in (*FORMATS, "html"))
    for stem in STEMS:
        page = (out / f"{stem}.en.html").read_bytes()
        assert html_tree(page).attrib["lang"] == "en-GB"
        pdf = (out / f"{stem}.en.pdf").read_bytes()
        assert document_language(pdf, "pdf") == "en-GB"
        assert "Page 1 of" in pdf_text(pdf)
        word = (out / f"{stem}.en.docx").read_bytes()
        assert document_language(word, "docx") == "en-GB"


def test_plain_swedish_texts_in_english_documents_are_warned_once_each_where_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "landskrona-2018"
    shutil.copytree(SAMPLE, folder)
    file = folder / "pledge.yaml"
    text = file.read_text(encoding="utf-8")
    assert "    short_name: polisen\n" in text
    file.write_text(
        text.replace(
            "    short_name: polisen\n", "    short_name: {sv: polisen, en: the police}\n"
        ),
        encoding="utf-8",
    )
    loaded = api.open_folder(folder, "en")
    warned = {(w.file.name if w.file else "", w.field): w for w in loaded.warnings}
    assert len(warned) == len(loaded.warnings)  # once per text
    name = warned[("pledge.yaml", "parties[0].name")]
    assert name.line == 14 and "texten finns bara på svenska" in name.message
    assert "{sv: …, en: …}" in name.message
    assert ("pledge.yaml", "parties[0].short_name") not in warned  # translated
    assert ("pledge.yaml", "municipality") not in warned  # a name, the same in English
    assert ("pledge.yaml", "signatories[0].name") not in warned
    assert ("pledge.yaml", "goals[0].indicator.source_text") in warned
    comment = warned[("2018-T1.yaml", "assessments[0].comment")]
    assert comment.line == 7
    notes = [w for w in loaded.warnings if w.file and w.file.suffix == ".csv"]
    assert notes and all(w.field and w.field.endswith(".note") for w in notes)
    assert api.open_folder(folder, "sv").warnings == ()

    out = tmp_path / "out"
    assert main(["pledge", str(folder), "--lang", "en", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("parties[0].name:") == 1
    assert f"{file}:14: parties[0].name: texten finns bara på svenska" in err
    pdf = pdf_text((out / "medborgarlofte-landskrona-2018.en.pdf").read_bytes())
    assert "Promises by the police" in pdf
