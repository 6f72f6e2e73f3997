"""The jinja2 environment that documents take their prose and section order from.

Templates are untrusted (other organisations write them), so they run in jinja2's sandbox
with StrictUndefined: a typo is an error, not an empty string. A user's template folder
is searched before the built-in templates; `{% extends "!pledge.j2" %}` reaches the
built-in template of the same name, so one block can be replaced (as in Sphinx).
Environments are cached per (language, folder): templates compile once per process.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from babel.lists import format_list
from jinja2.sandbox import SandboxedEnvironment

from lofte_reports.builders.catalogs import translations
from lofte_reports.doctree.numbers import format_number
from lofte_reports.errors import DataError, Problem
from lofte_reports.languages import DEFAULT, info, known

BUILTIN = Path(__file__).parent.parent / "templates"
TEMPLATE_SUFFIX = ".j2"


class OverridableLoader(jinja2.BaseLoader):
    """Load `name` from the user's folder first, `!name` always from the built-in set.

    The user's folder is searched in its language subfolder (templates/en/) before the
    folder itself, so a municipality can override the texts of each language apart.
    """

    def __init__(self, language: str, user_folder: Path | None) -> None:
        self.builtin = jinja2.FileSystemLoader(str(BUILTIN))  # one set for every language
        self.user = (
            jinja2.FileSystemLoader([str(user_folder / language), str(user_folder)])
            if user_folder
            else None
        )

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template.startswith("!"):
            return self.builtin.get_source(environment, template[1:])
        if self.user is not None:
            try:
                return self.user.get_source(environment, template)
            except jinja2.TemplateNotFound:
                pass
        return self.builtin.get_source(environment, template)


@functools.cache
def environment(language: str = "sv", user_folder: Path | None = None) -> SandboxedEnvironment:
    """Return the sandboxed environment for a language and an optional override folder."""
    env = SandboxedEnvironment(
        extensions=["jinja2.ext.i18n"],
        loader=OverridableLoader(language, user_folder),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    code = known(language) or DEFAULT
    env.install_gettext_translations(translations(code), newstyle=True)  # type: ignore[attr-defined]
    locale = info(code).locale
    env.filters.update(
        date=functools.partial(_date, locale=locale),
        month=functools.partial(_month, locale=locale),
        period=functools.partial(_period, locale=locale),
        join_names=functools.partial(_join_names, locale=locale),
        number=functools.partial(format_number, language=locale),
        number_words=functools.partial(_number_words, language=code),
        capfirst=_capfirst,
        lowerfirst=_lowerfirst,
        genitive=_genitive,
    )
    return env


def render(
    name: str, context: dict[str, Any], language: str = "sv", user_folder: Path | None = None
) -> str:
    """Return template `name` rendered with `context`; template errors become DataError."""
    try:
        return environment(language, user_folder).get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise DataError(
            [_template_problem(error.name or name, error.lineno, error.message)]
        ) from None
    except jinja2.TemplateNotFound as error:
        raise DataError([Problem(f"mallen {error.name} finns inte")]) from None
    except jinja2.TemplateError as error:
        raise DataError([_template_problem(*_failing_frame(error, name))]) from None
    except RecursionError as error:  # a macro calling itself, a template including itself
        template, line, _ = _failing_frame(error, name)
        wording = "mallen anropar, tar med eller bygger på sig själv utan slut; ta bort den slingan"
        raise DataError([_template_problem(template, line, wording)]) from None
    except (ValueError, TypeError) as error:  # a doc.* call the tree refuses (heading level 99)
        template, line, message = _failing_frame(error, name)
        if line is None:
            raise  # not raised from a template: a bug of ours, not the template's
        wording = f"ett anrop kan inte göras så ({message}); ändra anropet"
        raise DataError([_template_problem(template, line, wording)]) from None


def _template_problem(name: str, line: int | None, message: str | None) -> Problem:
    where = f"mallen {name}" + (f", rad {line}" if line else "")
    return Problem(f"{where}: {message or 'okänt fel'}")


def _failing_frame(error: BaseException, fallback: str) -> tuple[str, int | None, str]:
    """Return the template and line a runtime error was raised at.

    jinja2 rewrites tracebacks so that template frames carry the template's file and line.
    """
    name, line = fallback, None
    traceback = error.__traceback__
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX):
            name, line = Path(filename).name, traceback.tb_lineno
        traceback = traceback.tb_next
    return name, line, str(error)


def _date(value: dt.date, locale: str) -> str:
    return str(format_date(value, "d MMMM y", locale=locale))


def _month(value: dt.date, locale: str) -> str:
    """Return a month as running text names it: 'mars 2018', 'March 2018'."""
    return str(format_date(value, "LLLL y", locale=locale))


def _period(value: Any, locale: str) -> str:
    """Return a period as people write it: '2018', '2018–2019', 'januari–april 2018' or
    '1 juli 2018 – 30 juni 2020' (whole months of one year by name, else by day)."""
    start, end = value.start, value.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:  # whole months
        if (start.year, start.month) == (end.year, end.month):
            return _month(start, locale)
        if start.year == end.year:
            first = format_date(start, "LLLL", locale=locale)
            return f"{first}–{_month(end, locale)}"
    return f"{_date(start, locale)} – {_date(end, locale)}"


_NUMBER_WORDS = {
    "sv": [
        "noll",
        "ett",
        "två",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "åtta",
        "nio",
        "tio",
        "elva",
        "tolv",
    ],
    "en": [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ],
}


_COMMON_ONE = {"sv": "en"}
"""Swedish "en bedömning" but "ett löfte": the word for one of a common-gender noun."""


def _number_words(value: int, gender: str = "neuter", *, language: str) -> str:
    """Return a small count in words, as running text writes it ('sex'), larger ones in digits.

    `gender` is "common" for a noun such as "bedömning" (Swedish "en"), else "neuter" ("ett").
    """
    words = _NUMBER_WORDS[language]
    if value == 1 and gender == "common":
        return _COMMON_ONE.get(language, words[1])
    return words[value] if 0 <= value < len(words) else str(value)


def _join_names(names: Sequence[str], locale: str) -> str:
    return str(format_list(list(names), style="standard", locale=locale)) if names else ""


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lowerfirst(text: str) -> str:
    """Return a title as it reads mid-sentence: "Chef lokalpolisområde Norrmalm" → "chef …".

    Only the first letter changes, and not in an abbreviation ("KSO", "LPO-chef"), so
    proper names later in the title keep their capitals.
    """
    if text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def _genitive(name: str) -> str:
    """Return a Swedish genitive: 'Landskrona stad' -> 'Landskrona stads', 'Laxå kommuns'."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"
