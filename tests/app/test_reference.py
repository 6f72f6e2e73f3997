"""The Swedish reference of the data format: complete, committed, and true to the samples."""

from __future__ import annotations

import re
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from babel.messages.pofile import read_po
from pydantic import BaseModel

from lofte_reports.app import reference
from lofte_reports.builders.catalogs import catalog_path
from lofte_reports.input.followup import COLUMNS, read_activity_csv
from lofte_reports.model.followup import FollowUpFile
from lofte_reports.model.pledge import (
    Basis,
    DialogueKind,
    Frequency,
    IndicatorSource,
    PartyKind,
    Pledge,
    ReportFrequency,
)
from lofte_reports.model.status import Status

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "dataformat.md"
SAMPLE = ROOT / "samples" / "landskrona-2018"
REGENERATE = f"regenerate it with `{reference.GENERATE_COMMAND}` (from the project root)"


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _reachable() -> set[type[BaseModel]]:
    """Walk the models independently of `reference`, through pydantic's own field info."""
    found: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = [Pledge, FollowUpFile]
    while todo:
        model = todo.pop()
        if model not in found:
            found.add(model)
            for field in model.model_fields.values():
                todo += _models_in(field.annotation)
    return found


def _section(markdown: str, anchor: str) -> str:
    """Return the text of one section, from its anchor up to the next anchor."""
    start = markdown.index(f'<a id="{anchor}"></a>')
    end = markdown.find("<a id=", start + 1)
    return markdown[start:end] if end != -1 else markdown[start:]


@pytest.fixture(scope="module")
def markdown() -> str:
    return reference.reference_markdown()


def test_reference_walks_every_reachable_model() -> None:
    assert set(reference.models()) == _reachable()


def test_every_field_has_a_swedish_description_in_its_model() -> None:
    fields = {f"{model.__name__}.{name}" for model in _reachable() for name in model.model_fields}
    models = {model.__name__ for model in _reachable()}
    missing = sorted(
        (fields | models | reference.description_keys()) - set(reference.descriptions())
    )
    assert not missing, (
        "add a Swedish Field(description=…) (a model: model_config = about(…); an enum or "
        f"Literal value: VALUE_GLOSSES) in src/lofte_reports/model/ for: {', '.join(missing)}; "
        f"then {REGENERATE}"
    )


def test_no_stale_glosses() -> None:
    stale = sorted(set(reference.descriptions()) - reference.description_keys())
    assert not stale, f"remove (or rename) these keys in VALUE_GLOSSES: {', '.join(stale)}"


def test_every_model_has_its_own_swedish_heading() -> None:
    untitled = [model.__name__ for model in _reachable() if "title" not in model.model_config]
    assert not untitled, f"give these models model_config = about(…): {untitled}"
    headings = [reference.heading(model) for model in _reachable()]
    assert len(set(headings)) == len(headings), "two models share a heading"


def test_the_json_schema_carries_the_swedish_descriptions() -> None:
    schema = Pledge.model_json_schema()
    assert schema["title"] == "Medborgarlöftet"
    assert schema["properties"]["id"]["description"].startswith("Löftets id.")
    assert schema["$defs"]["Area"]["description"] == "Det område i kommunen som löftet gäller."


def test_committed_reference_is_up_to_date(markdown: str) -> None:
    committed = DOC.read_bytes().decode("utf-8") if DOC.exists() else ""
    assert committed == markdown, f"docs/dataformat.md is out of date; {REGENERATE}"


DOC_EN = ROOT / "docs" / "dataformat.en.md"


def test_committed_english_reference_is_up_to_date() -> None:
    committed = DOC_EN.read_bytes().decode("utf-8") if DOC_EN.exists() else ""
    assert committed == reference.reference_markdown("en"), (
        f"docs/dataformat.en.md is out of date; regenerate it with `{reference.GENERATE_COMMAND_EN}`"
    )


def test_the_english_catalog_translates_every_text_and_nothing_else() -> None:
    path = catalog_path("en", reference.DATAFORMAT_DOMAIN)
    with path.open("rb") as file:
        catalog = {m.id: m for m in read_po(file) if m.id}
    wanted = set(reference.source_texts())
    assert sorted(wanted - set(catalog)) == [], f"translate these in {path}"
    assert sorted(set(catalog) - wanted) == [], f"no longer used; remove them from {path}"
    assert not [key for key, m in catalog.items() if not m.string or m.fuzzy]
    holes = re.compile(r"%\(\w+\)s")
    for key, message in catalog.items():
        assert set(holes.findall(str(message.string))) == set(holes.findall(str(key))), key


def test_the_english_reference_reads_in_english() -> None:
    english = reference.reference_markdown("en")
    assert "| Key | Type | Required | Description |" in english
    assert "one of: `police` (the police)" in english
    assert "| `margin` | number, at least 0 | no | The margin of error" in english
    assert reference.reference_markdown("sv") == reference.reference_markdown()  # no leak


def test_command_prints_the_reference(markdown: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lofte_reports.app.reference"], capture_output=True, check=True
    )
    assert result.stdout.decode("utf-8") == markdown


def test_every_key_of_the_sample_pledge_is_documented(markdown: str) -> None:
    data = yaml.safe_load((SAMPLE / "pledge.yaml").read_text(encoding="utf-8"))
    section = _section(markdown, "pledge")
    for key in data:
        assert f"| `{key}` |" in section, key


def test_every_key_of_the_sample_followup_is_documented(markdown: str) -> None:
    section = _section(markdown, "followupfile")
    for path in sorted((SAMPLE / "followup").glob("*.yaml")):
        for key in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert f"| `{key}` |" in section, f"{path.name}: {key}"


@pytest.mark.parametrize(
    "value", ["police", "municipality", "tertial", "continuous", "on-track", "bullets"]
)
def test_named_values_appear(markdown: str, value: str) -> None:
    assert f"`{value}`" in markdown


@pytest.mark.parametrize(
    "enum",
    [PartyKind, Basis, DialogueKind, Frequency, IndicatorSource, ReportFrequency, Status],
)
def test_every_enum_value_appears(markdown: str, enum: type[Enum]) -> None:
    for member in enum:
        assert f"`{member.value}` (" in markdown, member


def test_every_csv_column_name_appears(markdown: str) -> None:
    section = _section(markdown, "aktivitetslista")
    for name in COLUMNS:
        assert f"`{name}`" in section, name


def test_csv_example_is_a_valid_activity_list(tmp_path: Path, markdown: str) -> None:
    path = tmp_path / "aktiviteter.csv"
    path.write_text(reference.CSV_EXAMPLE, encoding="utf-8")
    records, _ = read_activity_csv(path)
    assert len(records) == len(reference.CSV_EXAMPLE.splitlines()) - 1
    assert records[-1].note == 'Samtal om "trygghet" och skola'
    assert reference.CSV_EXAMPLE in markdown


def test_sections_link_to_existing_anchors(markdown: str) -> None:
    anchors = set(_anchors(markdown))
    links = {part.split(")", 1)[0] for part in markdown.split("](#")[1:]}
    assert links <= anchors, sorted(links - anchors)


def _anchors(markdown: str) -> list[str]:
    return [part.split('"', 1)[0] for part in markdown.split('<a id="')[1:]]


def test_anchors_are_unique(markdown: str) -> None:
    anchors = _anchors(markdown)
    assert len(anchors) == len(set(anchors))


def test_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError, match="no Swedish name"):
        reference.type_text(dict[str, int], "Model.field")
