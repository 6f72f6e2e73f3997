"""Reading pledge files: YAML and JSON, line numbers, and hostile input refused cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from lofte_reports import DataError, load_pledge
from lofte_reports.input.files import MAX_FILE_BYTES, find_pledge_file
from tests.conftest import SAMPLE

SAMPLE_TEXT = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")


def problems_of(folder: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_pledge(folder)
    return str(caught.value)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return tmp_path


def test_json_is_accepted_with_line_numbers(tmp_path: Path) -> None:
    data = json.loads(json.dumps(yaml.safe_load(SAMPLE_TEXT), default=str))
    assert load_pledge(write(tmp_path, "pledge.json", json.dumps(data, indent=2))).id == (
        "landskrona-2018"
    )
    data["parties"][1]["kind"] = "kommun"
    message = problems_of(write(tmp_path, "pledge.json", json.dumps(data, indent=2)))
    assert "parties[1].kind" in message
    assert "pledge.json:" in message


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    message = problems_of(write(tmp_path, "pledge.json", '{\n  "id": "x",\n  oops\n}'))
    assert "pledge.json:3: ogiltig JSON" in message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert load_pledge(write(tmp_path, "pledge.yaml", b"\xef\xbb\xbf" + SAMPLE_TEXT.encode()))


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    message = problems_of(write(tmp_path, "pledge.yaml", SAMPLE_TEXT.encode("latin-1")))
    assert "UTF-8" in message


def test_a_key_twice_is_an_error(tmp_path: Path) -> None:
    text = SAMPLE_TEXT.replace("id: landskrona-2018\n", "id: landskrona-2018\nid: annan\n")
    message = problems_of(write(tmp_path, "pledge.yaml", text))
    assert "pledge.yaml:5: nyckeln 'id' står två gånger" in message


def test_control_characters_are_refused_with_field_and_line(tmp_path: Path) -> None:
    text = SAMPLE_TEXT.replace("name: Karlslundsområdet", 'name: "Karlslunds\\x0bområdet"')
    message = problems_of(write(tmp_path, "pledge.yaml", text))
    assert "pledge.yaml:7: area.name: tecknet U+000B" in message


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    message = problems_of(write(tmp_path, "pledge.yaml", "\n".join(lines)))
    assert "alias" in message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    message = problems_of(write(tmp_path, "pledge.yaml", "#" * (MAX_FILE_BYTES + 1)))
    assert "för stor" in message


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert "tom" in problems_of(write(tmp_path, "pledge.yaml", "# bara en kommentar\n"))


def test_a_folder_without_a_pledge_file_says_which_names_it_looks_for(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="pledge.yaml"):
        find_pledge_file(tmp_path)


def test_a_folder_with_two_pledge_files_is_ambiguous(tmp_path: Path) -> None:
    write(tmp_path, "pledge.yaml", SAMPLE_TEXT)
    write(tmp_path, "pledge.json", "{}")
    with pytest.raises(DataError, match="både"):
        find_pledge_file(tmp_path)


def test_a_missing_field_points_at_its_parent(tmp_path: Path) -> None:
    text = SAMPLE_TEXT.replace("    title: Lokalpolisområdeschef\n", "")
    message = problems_of(write(tmp_path, "pledge.yaml", text))
    assert "signatories[0].title: saknas" in message


def test_absurdly_deep_nesting_is_refused(tmp_path: Path) -> None:
    message = problems_of(write(tmp_path, "pledge.yaml", "a: " + "[" * 3000 + "]" * 3000))
    assert "för djupt nästlad" in message


def test_absurdly_deep_json_is_refused(tmp_path: Path) -> None:
    message = problems_of(write(tmp_path, "pledge.json", '{"a": ' + "[" * 3000 + "]" * 3000 + "}"))
    assert "för djupt nästlad" in message


def _sample_with(replace: str, by: str) -> str:
    text = (SAMPLE / "pledge.yaml").read_text(encoding="utf-8")
    assert replace in text
    return text.replace(replace, by, 1)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2018", "här står ett tal"),
        ("yes", "här står ja/nej"),
        ("Landskrona: kommun", "ogiltig YAML: ett kolon följt av mellanslag"),
        ("Landskrona kommun:", "ogiltig YAML: ett kolon följt av mellanslag (': ') eller sist"),
        ("\n  Landskrona kommun:", "här står nyckeln 'Landskrona kommun:' utan värde"),
        ("\n  - Landskrona", "här står en lista"),
        ("\n  namn: Landskrona", "här står en samling fält"),
    ],
)
def test_a_text_field_holding_something_else_says_what_it_holds(
    tmp_path: Path, value: str, says: str
) -> None:
    folder = write(
        tmp_path,
        "pledge.yaml",
        _sample_with("municipality: Landskrona kommun", f"municipality: {value}"),
    )
    message = problems_of(folder)
    assert "pledge.yaml:5:" in message
    assert says in message
    assert "ser ut som ett tal" not in message


def test_a_list_inside_a_list_of_paragraphs_is_named_as_such(tmp_path: Path) -> None:
    text = _sample_with("background:\n  - >-\n", "background:\n  -\n    - Punkt ett\n  - >-\n")
    message = problems_of(write(tmp_path, "pledge.yaml", text))
    assert "background[0]: ska vara text; här står en lista inne i listan" in message
    assert "citattecken" not in message


def test_a_tab_in_yaml_is_explained_in_swedish_with_its_line(tmp_path: Path) -> None:
    folder = write(tmp_path, "pledge.yaml", "id: x\n\tmunicipality: a\n")
    message = problems_of(folder)
    assert "pledge.yaml:2: ogiltig YAML: ett tabbtecken" in message
    assert "cannot start any token" not in message


def test_an_unknown_priority_area_agrees_in_gender(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLE / "pledge.yaml").read_text(encoding="utf-8"))
    data["promise_groups"][0]["priority_area"] = "saknas"
    folder = write(tmp_path, "pledge.yaml", yaml.safe_dump(data, allow_unicode=True))
    assert "okänt prioriterat område 'saknas'" in problems_of(folder)
