"""Every language's catalog translates every fixed text of the built-in templates."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from lofte_reports.builders.catalogs import SOURCE_LANGUAGE, catalog_path, translations
from lofte_reports.builders.environment import BUILTIN, environment
from lofte_reports.languages import LANGUAGES, Language

TRANSLATED: list[Language] = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]


def template_messages() -> set[str]:
    """Return every text the built-in templates pass through gettext."""
    found = extract_from_dir(
        str(BUILTIN),
        method_map=[("**.j2", "jinja2.ext:babel_extract")],
        options_map={"**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true"}},
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def _forms(text: object) -> tuple[str, ...]:
    """Return the forms of a catalog text: one, or singular and plurals."""
    return tuple(str(t) for t in text) if isinstance(text, tuple | list) else (str(text),)


def _singular(text: object) -> str:
    return _forms(text)[0]


def test_the_templates_have_texts_to_translate() -> None:
    messages = template_messages()
    assert "Genomförd" in messages and "Sida {page} av {pages}" in messages


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalog_has_every_message_and_nothing_else(language: Language) -> None:
    with catalog_path(language).open("rb") as file:
        catalog = read_po(file)
    entries = {_singular(m.id): m for m in catalog if m.id}
    wanted = template_messages()
    assert sorted(wanted - set(entries)) == [], f"{language}: add these to {catalog_path(language)}"
    assert sorted(set(entries) - wanted) == [], f"{language}: no template uses these any more"
    unfinished = [key for key, m in entries.items() if not all(_forms(m.string)) or m.fuzzy]
    assert unfinished == [], f"{language}: empty or fuzzy translations"


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_catalog_keeps_the_placeholders_of_its_messages(language: Language) -> None:
    import re

    with catalog_path(language).open("rb") as file:
        catalog = read_po(file)
    holes = re.compile(r"%\(\w+\)s|\{\w+\}")
    for message in catalog:
        if message.id:
            # ngettext gives num; a "#. also given:" comment names what else the template passes
            also = [h for comment in message.auto_comments for h in holes.findall(comment)]
            given = {h for form in _forms(message.id) for h in holes.findall(form)}
            given |= {"%(num)s", *also}
            used = {h for form in _forms(message.string) for h in holes.findall(form)}
            assert used <= given, f"{message.id!r}: {sorted(used - given)} are not given"
            braces = {h for h in given if h.startswith("{")}
            assert braces <= used, f"{message.id!r} must keep {sorted(braces)}"


def test_templates_print_the_chosen_language() -> None:
    source = '{% import "_common.j2" as common %}{{ common.status_label["completed"] }}'
    assert environment("sv").from_string(source).render() == "Genomförd"
    assert environment("en").from_string(source).render() == "Completed"
    assert translations("en").gettext("Delvis genomförd") == "Partly done"


def test_catalogs_ship_with_the_package() -> None:
    assert all(catalog_path(language).is_file() for language in TRANSLATED)
    assert Path(catalog_path("en")).is_relative_to(Path(BUILTIN).parent)
