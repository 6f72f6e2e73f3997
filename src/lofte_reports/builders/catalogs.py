"""The message catalogs that translate the templates' fixed texts, one `.po` file a language.

The built-in templates are written in Swedish, the source language of the documents: each
msgid is the Swedish text, so Swedish needs no catalog and a new language is one file,
`locale/<code>/LC_MESSAGES/messages.po`. Catalogs are read from the `.po` files and compiled
in memory once per process (babel), so there is no build step and no `.mo` file to forget.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from lofte_reports.languages import DEFAULT, Language, info

LOCALE = Path(__file__).parent.parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE: Language = DEFAULT
"""The language the built-in templates are written in."""


def catalog_path(language: Language, domain: str = DOMAIN) -> Path:
    """Return where the catalog of a language lives (`dataformat`: the data-format reference)."""
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


@functools.cache
def translations(language: Language, domain: str = DOMAIN) -> gettext.NullTranslations:
    """Return the translations of a language; the source language translates to itself."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    with catalog_path(language, domain).open("rb") as file:
        catalog = read_po(file, locale=info(language).locale, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: they are not translations yet
    compiled.seek(0)
    return Translations(compiled, domain=domain)
