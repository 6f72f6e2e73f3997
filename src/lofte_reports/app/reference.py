"""The reference of the data format, in Swedish, generated from the models.

Administrators write `pledge.yaml` and the follow-up files by hand; this module walks
`Pledge` and `FollowUpFile` (through nested models, lists, Optional and Annotated) and
writes a Markdown reference of every key they can write, with its type, whether it is
required and a description in Swedish. The descriptions live in the models themselves
(`Field(description=…)`, `about()` for a model, `VALUE_GLOSSES` for enum and Literal
values), so the JSON Schema carries them too; the test suite fails when a field, an enum
value or a Literal value lacks one, or when one is left over. Regenerate the committed copy with

    python -m lofte_reports.app.reference > docs/dataformat.md
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from babel.lists import format_list
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from lofte_reports.builders.catalogs import translations
from lofte_reports.input.followup import COLUMNS, FOLLOWUP_FOLDER, REQUIRED_COLUMNS
from lofte_reports.languages import LANGUAGES, Language, info, known
from lofte_reports.model import pledge as pledge_model
from lofte_reports.model import status as status_model
from lofte_reports.model.base import Date, Id, Paragraphs, Text
from lofte_reports.model.followup import ActivityRecord, FollowUpFile, PeriodKey
from lofte_reports.model.pledge import MonthDay, Pledge
from lofte_reports.model.theme import AssetPath, Colour

ROOTS: tuple[type[BaseModel], ...] = (Pledge, FollowUpFile)
"""The models of whole files: `pledge.yaml` and each file in `followup/`."""

GENERATE_COMMAND = "python -m lofte_reports.app.reference > docs/dataformat.md"
GENERATE_COMMAND_EN = "python -m lofte_reports.app.reference en > docs/dataformat.en.md"
DATAFORMAT_DOMAIN = "dataformat"
_locale = "sv_SE"
"""The babel locale lists are joined in ("a, b och c")."""


# Named types, by the alias the models use, before any structural reading of the hint.
_ALIASES: tuple[tuple[Any, str], ...] = (
    (Id, "[id](#ids)"),
    (Text, "[text](#texter)"),
    (Paragraphs, "[text](#texter): ett stycke eller en lista med stycken"),
    (Date, "datum (ÅÅÅÅ-MM-DD)"),
    (MonthDay, "månad och dag (MM-DD)"),
    (AssetPath, "sökväg till en fil i löftesmappen"),
    (Colour, "färg (`#RRGGBB`)"),
    (PeriodKey, '[period](#perioder): `ÅÅÅÅ-Tn`, `"ÅÅÅÅ"` eller `all`'),
)
_SCALARS: dict[type, str] = {
    bool: "ja/nej (`true` eller `false`)",
    int: "heltal",
    float: "tal",
    str: "[text](#texter)",
}

GLOSSES: dict[str, str] = {**pledge_model.VALUE_GLOSSES, **status_model.VALUE_GLOSSES}
"""What each enum and Literal value means, from the models' own `VALUE_GLOSSES`."""


def heading(model: type[BaseModel]) -> str:
    """Return the model's Swedish heading, its `about()` title in the model itself."""
    title = model.model_config.get("title")
    return title if isinstance(title, str) else model.__name__


def descriptions() -> dict[str, str]:
    """Return every Swedish description, each from the model that it describes.

    Keys: "Model" (its `about()` description), "Model.field" (the field's
    `Field(description=…)`), "Enum.value" and "Model.field.value" (the glosses).
    """
    found: dict[str, str] = {}
    for model in models():
        extra = model.model_config.get("json_schema_extra")
        if isinstance(extra, dict) and isinstance(extra.get("description"), str):
            found[model.__name__] = str(extra["description"])
        for name, field in model.model_fields.items():
            if field.description:
                found[f"{model.__name__}.{name}"] = field.description
    return {**found, **GLOSSES}


CSV_EXAMPLE = """\
datum;löfte;antal;plats;anteckning
2018-02-08;besok-ungdomshuset;1;Ungdomshuset Karlslund;Kvällsbesök, samtal om fritid
2018-03-06;besok-forskolor;1;Tusenskönans förskola;Besök med polisbil
2018-03-20;besok-forskolor;;Drömmens förskola;
2018-05-24;besok-ungdomshuset;1;Ungdomshuset Karlslund;"Samtal om ""trygghet"" och skola"
"""
"""A valid activity spreadsheet, after the Landskrona sample (`read_activity_csv` reads it)."""


# --- walking the models --------------------------------------------------------------------


def field_hints(model: type[BaseModel]) -> dict[str, Any]:
    """Return the full type hint (Annotated kept) of each field of `model`, in field order."""
    hints = get_type_hints(model, include_extras=True)
    return {name: hints[name] for name in model.model_fields}


def _strip(hint: Any) -> Iterator[Any]:
    """Yield the types a hint is made of, through Annotated, Optional, unions and lists."""
    origin = get_origin(hint)
    if origin is Annotated:
        yield from _strip(get_args(hint)[0])
    elif origin in (Union, types.UnionType, list):
        for arg in get_args(hint):
            yield from _strip(arg)
    else:
        yield hint


def _is_model(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, BaseModel)


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Enum)


def models() -> list[type[BaseModel]]:
    """Return every model reachable from the roots, each once, in the reference's order."""
    found: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.append(model)
        for hint in field_hints(model).values():
            for part in _strip(hint):
                if _is_model(part):
                    visit(part)

    for root in ROOTS:
        visit(root)
    return found


def _literal_values(hint: Any) -> list[Any]:
    return [v for part in _strip(hint) if get_origin(part) is Literal for v in get_args(part)]


def description_keys() -> set[str]:
    """Return every key `descriptions()` must have: models, fields, enum and Literal values."""
    keys: set[str] = set()
    for model in models():
        keys.add(model.__name__)
        for name, hint in field_hints(model).items():
            keys.add(f"{model.__name__}.{name}")
            keys.update(f"{model.__name__}.{name}.{value}" for value in _literal_values(hint))
            for part in _strip(hint):
                if _is_enum(part):
                    keys.update(f"{part.__name__}.{member.value}" for member in part)
    return keys


def _places(model: type[BaseModel]) -> list[tuple[type[BaseModel], str]]:
    """Return the (model, field) pairs where `model` is written."""
    return [
        (parent, name)
        for parent in models()
        for name, hint in field_hints(parent).items()
        if model in list(_strip(hint))
    ]


# --- Markdown ------------------------------------------------------------------------------


_gettext: Callable[[str], str] = str
"""The translation of the reference being written: Swedish (the source) is itself."""


def _(text: str) -> str:
    """Return a Swedish text of the reference in the language being written."""
    return str(_gettext(text))


def _describe(key: str) -> str:
    return _(descriptions().get(key, "**Beskrivning saknas.**"))


def _heading(model: type[BaseModel]) -> str:
    return _(heading(model))


def _anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _link(model: type[BaseModel]) -> str:
    return f"[{_heading(model)}](#{_anchor(model)})"


def _code(value: Any) -> str:
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, Enum):
        value = value.value
    return f"`{value}`"


def _choices(values: list[Any], gloss_prefix: str) -> str:
    glossed = [
        f"{_code(value)} ({_(GLOSSES[f'{gloss_prefix}.{value}'])})"
        if f"{gloss_prefix}.{value}" in GLOSSES
        else _code(value)
        for value in values
    ]
    return ", ".join(glossed)


def _constraints(metadata: list[Any]) -> str:
    """Return bounds on a number or on a list's length, e.g. ', minst 1' or ', 1–4'."""
    low: Any = None
    high: Any = None
    for item in metadata:
        if isinstance(item, FieldInfo):
            return _constraints(list(item.metadata))
        if isinstance(item, MinLen):
            low = item.min_length
        elif isinstance(item, MaxLen):
            high = item.max_length
        elif isinstance(item, Ge):
            low = item.ge
        elif isinstance(item, Le):
            high = item.le
        elif isinstance(item, Gt | Lt):
            raise TypeError(f"no Swedish wording for the bound {item!r}; add one in reference.py")
    if low is not None and high is not None:
        return f", {low}–{high}"
    if low is not None:
        return _(", minst %(low)s") % {"low": low}
    if high is not None:
        return _(", högst %(high)s") % {"high": high}
    return ""


def type_text(hint: Any, key: str) -> str:
    """Return the type of a field in Swedish; `key` ("Model.field") names Literal values."""
    for alias, text in _ALIASES:
        if hint is alias:
            return _(text)
    origin = get_origin(hint)
    if origin is Annotated:
        base, *metadata = get_args(hint)
        return type_text(base, key) + _constraints(metadata)
    if origin in (Union, types.UnionType):
        parts = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(parts) == 1:
            return type_text(parts[0], key)
        return _(" eller ").join(type_text(part, key) for part in parts)
    if origin is list:
        item = get_args(hint)[0]
        choices = _choice_values(item, key)
        if choices is not None:
            return _("lista med ett eller flera av: %(choices)s") % {"choices": _choices(*choices)}
        return _("lista med %(item)s") % {"item": type_text(item, key)}
    choices = _choice_values(hint, key)
    if choices is not None:
        return _("en av: %(choices)s") % {"choices": _choices(*choices)}
    if _is_model(hint):
        return _link(hint)
    if hint in _SCALARS:
        return _(_SCALARS[hint])
    raise TypeError(f"no Swedish name for the type {hint!r} ({key}); add one in reference.py")


def _choice_values(hint: Any, key: str = "") -> tuple[list[Any], str] | None:
    """Return a Literal's values (glossed under `key`) or an enum's, else None."""
    if get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    if get_origin(hint) is Literal:
        return list(get_args(hint)), key
    if _is_enum(hint):
        return [member.value for member in hint], hint.__name__
    return None


def required_text(field: FieldInfo) -> str:
    """Return whether a field is required, with its default when it is a value."""
    if field.is_required():
        return _("ja")
    if field.default_factory is None and isinstance(field.default, bool | int | float | str):
        return _("nej, standard: %(default)s") % {"default": _code(field.default)}
    return _("nej")


def _join(items: list[str]) -> str:
    """Return items as the language lists them: 'a', 'a och b', 'a, b och c'."""
    return str(format_list(items, locale=_locale))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def model_section(model: type[BaseModel]) -> list[str]:
    """Return the lines of one model's section: heading, description, where, table."""
    name = model.__name__
    lines = [f'<a id="{_anchor(model)}"></a>', "", f"### {_heading(model)}", ""]
    lines += [_describe(name), ""]
    places = _places(model)
    if places:
        where = [
            _("`%(key)s` i %(model)s") % {"key": field, "model": _link(parent)}
            for parent, field in places
        ]
        lines += [_("Står under %(places)s.") % {"places": _join(where)}, ""]
    rows = [
        [
            f"`{field}`",
            type_text(hint, f"{name}.{field}"),
            required_text(model.model_fields[field]),
            _describe(f"{name}.{field}"),
        ]
        for field, hint in field_hints(model).items()
    ]
    lines += _table([_("Nyckel"), _("Typ"), _("Krävs"), _("Beskrivning")], rows)
    return [*lines, ""]


def _csv_section() -> list[str]:
    names: dict[str, list[str]] = {}
    for name, column in COLUMNS.items():
        names.setdefault(column, [])
        if name != column:
            names[column].append(name)
    hints = field_hints(ActivityRecord)
    rows = [
        [
            f"`{column}`",
            ", ".join(f"`{name}`" for name in swedish),
            type_text(hints[column], f"ActivityRecord.{column}"),
            _("ja")
            if column in REQUIRED_COLUMNS
            else required_text(ActivityRecord.model_fields[column]),
            _describe(f"ActivityRecord.{column}"),
        ]
        for column, swedish in names.items()
    ]
    lines = [
        '<a id="aktivitetslista"></a>',
        "",
        _("## Aktivitetslistan (CSV)"),
        "",
        _(
            "Utförda aktiviteter förs enklast i ett kalkylark, t.ex. i Excel, som sparas som CSV-fil i mappen `%(folder)s/` (t.ex. `aktiviteter.csv`). Varje rad är en [utförd aktivitet](#activityrecord), och alla CSV-filer i mappen läses."
        )
        % {"folder": FOLLOWUP_FOLDER},
        "",
        _(
            "- Första raden är rubrikraden med kolumnernas namn, på svenska eller engelska; stora och små bokstäver spelar ingen roll. Kolumnerna kan stå i vilken ordning som helst, och andra kolumner än dessa är fel."
        ),
        _(
            "- En rad per aktivitet. Tomma rader hoppas över, och en tom cell betyder att uppgiften inte är angiven."
        ),
        _(
            "- Kolumnerna skiljs åt med komma eller semikolon; programmet ser själv vilket av dem rubrikraden använder. En cell som innehåller avgränsaren står inom citattecken, och citattecken i den skrivs dubbelt; Excel gör båda delarna själv."
        ),
        _(
            "- Filen ska vara UTF-8, med eller utan BOM. I Excel: Spara som → ”CSV UTF-8 (kommaavgränsad)”."
        ),
        _("- Datum skrivs ÅÅÅÅ-MM-DD, t.ex. `2018-03-06`, och måste ligga inom löftets period."),
        _("- Löftet anges med löftets [id](#ids) från `pledge.yaml`."),
        "",
    ]
    lines += _table([_("Kolumn"), _("På svenska"), _("Typ"), _("Krävs"), _("Innehåll")], rows)
    lines += ["", _("Exempel (semikolon, som svenska Excel skriver):"), "", "```csv"]
    lines += [*CSV_EXAMPLE.splitlines(), "```", ""]
    return lines


def _basics_section() -> list[str]:
    return [
        '<a id="filer"></a>',
        "",
        _("## Filerna"),
        "",
        _("Varje medborgarlöfte har en egen mapp. I den finns:"),
        "",
        _("- `pledge.yaml` – själva löftet, se [Medborgarlöftet](#pledge);"),
        _(
            "- mappen `%(folder)s/` – uppföljningen under året: en eller flera [uppföljningsfiler](#followupfile) (`.yaml`, `.yml` eller `.json`) och [aktivitetslistor](#aktivitetslista) (`.csv`). Alla filer i mappen läses och läggs ihop."
        )
        % {"folder": FOLLOWUP_FOLDER},
        "",
        _(
            "Kontrollera filerna med `make-report validate MAPP`: alla fel visas på en gång, med fil, rad och nyckel."
        ),
        "",
        _(
            "Tabellerna nedan visar varje nyckel som får stå i filerna: **Nyckel** skrivs precis som det står (engelska, små bokstäver), **Typ** säger vad värdet ska vara, **Krävs** om nyckeln måste finnas (och vad som gäller när den utelämnas), och **Beskrivning** vad den används till. Andra nycklar än dessa är fel, och varje nyckel får bara stå en gång."
        ),
        "",
        '<a id="yaml"></a>',
        "",
        _("## Att skriva YAML"),
        "",
        _(
            "- En nyckel och dess värde skrivs `nyckel: värde`. Det som hör till en nyckel skrivs på raderna under den, indraget med mellanslag (inte tabb)."
        ),
        _(
            "- En lista skrivs med ett bindestreck först på varje rad (`- polisen`), eller inom hakparenteser på en rad: `[polisen, landskrona-stad]`."
        ),
        _("- Allt efter `#` är en kommentar och läses inte."),
        _(
            "- Ja/nej skrivs `true` eller `false`. Tal skrivs utan citattecken, med punkt före decimalerna (`12.5`)."
        ),
        _(
            '- Ett värde som bara består av siffror men ska vara text, t.ex. året `"2018"` som period, skrivs inom citattecken.'
        ),
        "",
        '<a id="ids"></a>',
        "",
        _("## Id"),
        "",
        _(
            "Ett id är ett kort namn som filerna använder för att hänvisa till en part, ett löfte, ett mål eller något annat, t.ex. `polisen` eller `besok-forskolor`. Id visas aldrig i dokumenten."
        ),
        "",
        _(
            "- Ett id får innehålla små bokstäver a–z (inte å, ä eller ö), siffror, bindestreck `-` och understreck `_`, och ska börja med en bokstav eller siffra; högst 64 tecken."
        ),
        _(
            "- Ett id ska vara stabilt: uppföljningen hänvisar till löften och mått med deras id, så byt inte ett id när uppföljningen har börjat."
        ),
        _('- Ett id som bara består av siffror skrivs inom citattecken, t.ex. `"2018"`.'),
        "",
        '<a id="texter"></a>',
        "",
        _("## Text"),
        "",
        _(
            "- Text skrivs ut i dokumenten precis som den står, med samma stavning, skiljetecken och stora bokstäver. En text får inte vara tom."
        ),
        _(
            "- Osynliga styrtecken (t.ex. sådana som följer med när text klistras in från andra program) tas inte emot; felmeddelandet säger vilket tecken det är och var det står. Tecken som typsnittet inte kan visa, som emoji, ger också ett fel."
        ),
        _(
            "- Flera stycken skrivs som en lista, ett stycke per post. Där typen säger ”ett stycke eller en lista med stycken” räcker det att skriva en enda text för ett stycke."
        ),
        _(
            "- En lång text kan skrivas på flera rader efter `>-`; raderna slås då ihop till ett stycke med mellanslag emellan, som i `background` i Landskronas löfte."
        ),
        _(
            "- Text som innehåller `: ` eller ` #`, eller som börjar med ett tecken som `[`, `{`, `*`, `&`, `!`, `%`, `@` eller citattecken, skrivs inom citattecken eller efter `>-`."
        ),
        "",
        '<a id="perioder"></a>',
        "",
        _("## Datum och perioder"),
        "",
        _("- Datum skrivs ÅÅÅÅ-MM-DD, t.ex. `2018-03-06`, utan klockslag."),
        _(
            '- En period i uppföljningen (`period` i bedömningar och berättelser) är en tertial, t.ex. `2018-T1` (januari–april), `2018-T2` (maj–augusti) eller `2018-T3` (september–december); ett år, skrivet inom citattecken, t.ex. `"2018"`; eller `all` för hela löftets period. Perioden måste ligga inom löftets period.'
        ),
        "",
    ]


def _contents() -> list[str]:
    lines = [
        _("## Innehåll"),
        "",
        _("- [Filerna](#filer)"),
        _("- [Att skriva YAML](#yaml)"),
        _("- [Id](#ids)"),
        _("- [Text](#texter)"),
        _("- [Datum och perioder](#perioder)"),
    ]
    for title, anchor, group in _groups():
        lines.append(f"- [{title}](#{anchor})")
        lines += [f"  - {_link(model)}" for model in group]
    lines += ["- [Aktivitetslistan (CSV)](#aktivitetslista)", ""]
    return lines


def _groups() -> list[tuple[str, str, list[type[BaseModel]]]]:
    """Return the file-level groups of sections: pledge.yaml, then the follow-up files."""
    everything = models()
    pledge_models = [m for m in everything if m is Pledge or _reached_from(Pledge, m)]
    followup_models = [m for m in everything if m not in pledge_models]
    return [
        (_("Filen pledge.yaml"), "pledge-yaml", pledge_models),
        (
            _("Uppföljningsfilerna i %(folder)s/") % {"folder": FOLLOWUP_FOLDER},
            "followup-filer",
            followup_models,
        ),
    ]


def _reached_from(root: type[BaseModel], target: type[BaseModel]) -> bool:
    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        if model is target:
            return True
        if model in seen:
            continue
        seen.add(model)
        todo += [p for h in field_hints(model).values() for p in _strip(h) if _is_model(p)]
    return False


def reference_markdown(language: Language = "sv") -> str:
    """Return the whole reference of the data format as Markdown, in `language`.

    The Swedish texts are the source; another language takes them from its `dataformat`
    catalog (locale/<code>/LC_MESSAGES/dataformat.po), as the templates take theirs.
    """
    global _gettext, _locale
    _gettext, _locale = translations(language, DATAFORMAT_DOMAIN).gettext, info(language).locale
    try:
        return _markdown(language)
    finally:
        _gettext, _locale = str, info("sv").locale


def source_texts() -> list[str]:
    """Return every Swedish text the reference passes through its catalog, in order once each.

    Each language's `dataformat` catalog must translate exactly these.
    """
    global _gettext
    seen: dict[str, None] = {}

    def record(text: str) -> str:
        seen.setdefault(text)
        return text

    _gettext = record
    try:
        _markdown("sv")
    finally:
        _gettext = str
    return list(seen)


def _markdown(language: Language) -> str:
    command = GENERATE_COMMAND if language == "sv" else GENERATE_COMMAND_EN
    lines = [
        _(
            "<!-- Skapad av `%(command)s` från modellerna i src/lofte_reports/model/ och "
            "src/lofte_reports/app/reference.py. Ändra inte för hand: ändra beskrivningarna "
            "där och skapa filen igen. -->"
        )
        % {"command": command},
        "",
        _("# Dataformat för medborgarlöften och uppföljning"),
        "",
        _(
            "Här beskrivs varje nyckel som kan skrivas i `pledge.yaml` och i uppföljningsfilerna. "
            "Beskrivningen skapas direkt ur programmets kod och stämmer därför alltid med det som "
            "programmet godtar. Ett helt exempel finns i `samples/landskrona-2018/`: "
            "Landskronas medborgarlöfte 2018 och påhittad uppföljning av det."
        ),
        "",
        *_contents(),
        *_basics_section(),
    ]
    for title, anchor, group in _groups():
        lines += [f'<a id="{anchor}"></a>', "", f"## {title}", ""]
        for model in group:
            lines += model_section(model)
    lines += _csv_section()
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    # Bytes, so that the file is UTF-8 with \n line ends whatever the platform's defaults.
    chosen = known(sys.argv[1]) if len(sys.argv) > 1 else "sv"
    if chosen is None:
        sys.exit(f"okänt språk {sys.argv[1]!r}; välj ett av: {', '.join(LANGUAGES)}")
    sys.stdout.buffer.write(reference_markdown(chosen).encode("utf-8"))
