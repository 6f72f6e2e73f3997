"""Templates: a pledge folder's own templates override the built-in ones, inside a sandbox."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lofte_reports import DataError, load_pledge, pledge_document, write_pledge
from lofte_reports.doctree.nodes import Heading, Paragraph
from lofte_reports.doctree.walk import dump
from tests.conftest import SAMPLE, pdf_text


def folder_with_template(tmp_path: Path, template: str) -> Path:
    folder = tmp_path / "lofte"
    shutil.copytree(SAMPLE, folder)
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "pledge.j2").write_text(template, encoding="utf-8")
    return folder


def tree(folder: Path) -> str:
    return dump(pledge_document(load_pledge(folder), folder / "templates"))


def test_overriding_one_block_changes_only_that_block(tmp_path: Path) -> None:
    folder = folder_with_template(
        tmp_path,
        '{% extends "!pledge.j2" %}\n'
        '{% block situation %}{{ doc.heading(1, "Läget i området") }}'
        "{{ doc.paragraphs(pledge.situation.text) }}{% endblock %}\n",
    )
    default = dump(pledge_document(load_pledge(SAMPLE)))
    changed = tree(folder)
    assert changed == default.replace("H1 'Situationen idag'", "H1 'Läget i området'")
    assert changed != default


def test_the_override_reaches_the_documents_written(tmp_path: Path) -> None:
    folder = folder_with_template(
        tmp_path, '{% extends "!pledge.j2" %}{% block goals %}{% endblock %}'
    )
    pdf = next(p for p in write_pledge(folder, tmp_path / "out") if p.suffix == ".pdf")
    text = pdf_text(pdf.read_bytes())
    assert "Det här ska vi göra" in text
    assert "Det här ska vi åstadkomma tillsammans" not in text


@pytest.mark.parametrize(
    "attack",
    [
        "{{ pledge.__class__.__mro__ }}",
        "{{ doc._blocks }}",
        "{{ ''.__class__.__subclasses__() }}",
        "{% include '/etc/passwd' %}",
        "{% include '../pledge.yaml' %}",
    ],
)
def test_a_template_cannot_leave_its_sandbox(tmp_path: Path, attack: str) -> None:
    folder = folder_with_template(
        tmp_path, '{% extends "!pledge.j2" %}{% block title %}' + attack + "{% endblock %}"
    )
    with pytest.raises(DataError, match="mallen"):
        tree(folder)


def test_a_template_error_names_the_template_and_line(tmp_path: Path) -> None:
    folder = folder_with_template(
        tmp_path,
        '{% extends "!pledge.j2" %}\n{% block title %}\n{{ doc.title(pledge.nothing) }}\n{% endblock %}',
    )
    with pytest.raises(DataError, match=r"mallen pledge.j2, rad 3: .*nothing"):
        tree(folder)


def test_a_syntax_error_names_the_template_and_line(tmp_path: Path) -> None:
    folder = folder_with_template(
        tmp_path, "{% extends '!pledge.j2' %}\n{% block title %}\n{% if %}"
    )
    with pytest.raises(DataError, match=r"mallen pledge.j2, rad 3"):
        tree(folder)


def test_stray_text_outside_doc_calls_is_refused(tmp_path: Path) -> None:
    folder = folder_with_template(
        tmp_path, "{% extends '!pledge.j2' %}\n{% block title %}\n\n  Hej där\n{% endblock %}"
    )
    with pytest.raises(
        DataError, match=r"mallen pledge.j2, rad 4: text utanför doc-anrop: 'Hej där'"
    ):
        tree(folder)


def test_data_is_never_evaluated_as_template_code(tmp_path: Path) -> None:
    folder = folder_with_template(tmp_path, "{% extends '!pledge.j2' %}")
    text = (folder / "pledge.yaml").read_text(encoding="utf-8")
    (folder / "pledge.yaml").write_text(
        text.replace("Den upplevda tryggheten i området ska öka.", "'{{ 7*7 }} {% raw %}'"),
        encoding="utf-8",
    )
    document = pledge_document(load_pledge(folder), folder / "templates")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph | Heading)]
    assert any(t.startswith("{{ 7*7 }} {% raw %} Uppföljning") for t in texts)


def test_a_language_subfolder_overrides_only_that_language(tmp_path: Path) -> None:
    folder = folder_with_template(tmp_path, '{% extends "!pledge.j2" %}')
    english = folder / "templates" / "en"
    english.mkdir()
    (english / "pledge.j2").write_text(
        '{% extends "!pledge.j2" %}{% block goals %}{{ doc.heading(1, "Our goals") }}{% endblock %}',
        encoding="utf-8",
    )
    swedish = dump(pledge_document(load_pledge(folder), folder / "templates"))
    in_english = dump(pledge_document(load_pledge(folder, "en"), folder / "templates"))
    assert "Our goals" in in_english
    assert "Our goals" not in swedish
    assert "Det här ska vi åstadkomma tillsammans" in swedish


def test_validate_lays_out_the_documents_so_template_errors_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lofte_reports.cli import main

    folder = folder_with_template(
        tmp_path,
        '{% extends "!pledge.j2" %}\n{% block title %}{{ doc.title(nothing) }}{% endblock %}',
    )
    assert main(["validate", str(folder)]) == 1
    assert "mallen pledge.j2, rad 2" in capsys.readouterr().err
