"""Read pledge data from YAML or JSON and validate it, with errors that point at file and line.

YAML is composed into nodes first so that every key and list item keeps its line; pydantic
then validates the plain data, and each of its errors is turned into a `Problem` at that
line, in Swedish. All errors are reported at once.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from lofte_reports.errors import DataError, Loc, Problem, format_loc
from lofte_reports.input.fieldpaths import allowed_fields
from lofte_reports.input.messages import message_for, yaml_problem

PLEDGE_FILE_NAMES = ("pledge.yaml", "pledge.yml", "pledge.json")
MAX_FILE_BYTES = 5_000_000
MAX_NODES = 200_000

M = TypeVar("M", bound=BaseModel)

_TOO_DEEP = "filen är för djupt nästlad (listor i listor i listor …); förenkla den"


def find_pledge_file(path: Path) -> Path:
    """Return the pledge file of a pledge folder (or `path` itself when it is a file)."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise DataError(
            [Problem(f"finns inte; ange en mapp med {PLEDGE_FILE_NAMES[0]}", file=path)]
        )
    found = [path / name for name in PLEDGE_FILE_NAMES if (path / name).is_file()]
    if not found:
        names = ", ".join(PLEDGE_FILE_NAMES)
        raise DataError([Problem(f"mappen saknar en löftesfil ({names})", file=path)])
    if len(found) > 1:
        names = " och ".join(p.name for p in found)
        raise DataError([Problem(f"mappen har både {names}; behåll en av dem", file=path)])
    return found[0]


def read_file(path: Path, limit: int = MAX_FILE_BYTES, root: Path | None = None) -> bytes:
    """Return the bytes of a regular file, refusing anything else before reading it.

    A symbolic link is followed only to a file inside `root` (the pledge folder); devices,
    FIFOs and folders are refused; the size limit holds while reading, so a file that
    grows or lies about its size cannot eat memory.
    """
    try:
        real = path.resolve(strict=True)
        if root is not None and not real.is_relative_to(root.resolve()):
            raise DataError(
                [Problem("filen är en länk ut ur löftesmappen; lägg filen i mappen", file=path)]
            )
        info = os.stat(real)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(
                [Problem("är ingen vanlig fil (en mapp, enhet eller rörledning)", file=path)]
            )
        if info.st_size > limit:
            raise DataError(
                [Problem(f"filen är för stor ({info.st_size} byte; högst {limit})", file=path)]
            )
        descriptor = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as file:
            data = file.read(limit + 1)
    except (OSError, RuntimeError, ValueError) as error:  # missing, loops, NUL in the name
        raise DataError([Problem(f"kan inte läsas: {_os_reason(error)}", file=path)]) from None
    if len(data) > limit:
        raise DataError([Problem(f"filen är för stor (högst {limit} byte)", file=path)])
    return data


_OS_REASONS = {
    errno.ENOENT: "filen finns inte (eller är en länk till en fil som inte finns)",
    errno.ELOOP: "länkarna pekar på varandra i en ring",
    errno.EACCES: "du har inte behörighet att läsa filen",
    errno.EISDIR: "det är en mapp, inte en fil",
}


def _os_reason(error: Exception) -> str:
    """Return why a file cannot be read, in Swedish where the reason is a common one."""
    if isinstance(error, OSError) and error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    if isinstance(error, RuntimeError):  # pathlib's symlink loop before Python 3.13
        return _OS_REASONS[errno.ELOOP]
    if isinstance(error, ValueError):
        return "sökvägen innehåller ett otillåtet tecken"
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def read_data(path: Path, root: Path | None = None) -> tuple[Any, dict[Loc, int]]:
    """Return the data in a YAML or JSON file and the line of every key and list item.

    `root` is the pledge folder the file must lie in (see `read_file`).
    """
    try:
        text = read_file(path, root=root).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(
            [Problem(f"filen är inte UTF-8 (byte {error.start}); spara den som UTF-8", file=path)]
        ) from None
    if path.suffix.lower() == ".json":
        return _read_json(path, text)
    return _read_yaml(path, text)


def _read_json(path: Path, text: str) -> tuple[Any, dict[Loc, int]]:
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey:  # the YAML composer names the key and its line
        _read_yaml(path, text)
        raise DataError(
            [Problem("en nyckel står två gånger; ta bort den ena", file=path)]
        ) from None
    except RecursionError:
        raise DataError([Problem(_TOO_DEEP, file=path)]) from None
    except json.JSONDecodeError as error:
        raise DataError(
            [Problem(f"ogiltig JSON: {error.msg}", file=path, line=error.lineno)]
        ) from None
    try:  # JSON is (almost always) YAML: borrow the YAML composer's line numbers.
        return data, _read_yaml(path, text)[1]
    except DataError:
        return data, {}


class _DuplicateKey(ValueError):
    """A JSON object holds a key twice (json keeps the last silently)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _DuplicateKey
    return dict(pairs)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader whose value errors (impossible dates, huge numbers) are located."""


def _located(constructor: Any, what: str) -> Any:
    def construct(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return constructor(loader, node)
        except ValueError:
            value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            problem = f"'{value}' {what}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None

    return construct


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _located(
        yaml.SafeLoader.construct_yaml_timestamp,
        "är inget datum som finns; skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2018-01-31",
    ),
)
_Loader.add_constructor(
    "tag:yaml.org,2002:int",
    _located(yaml.SafeLoader.construct_yaml_int, "är för stort tal; skriv ett mindre tal"),
)


def _read_yaml(path: Path, text: str) -> tuple[Any, dict[Loc, int]]:
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        where = text.count("\n", 0, error.position) + 1
        what = f"tecknet U+{error.character:04X} får inte stå i en YAML-fil; ta bort det"
        raise DataError([Problem(what, file=path, line=where)]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem("filen är tom", file=path)])
        if _expanded_size(node, {}) > MAX_NODES:
            message = (
                f"filen har fler än {MAX_NODES} värden när alias (*namn) räknas ut; förenkla den"
            )
            raise DataError([Problem(message, file=path)])
        lines: dict[Loc, int] = {}
        problems = list(_index(node, (), lines, path))
        if problems:
            raise DataError(problems)
        data = loader.construct_document(node)
    except RecursionError:
        raise DataError([Problem(_TOO_DEEP, file=path)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = yaml_problem(error.problem or str(error))
        if error.context and error.context_mark and error.context_mark is not mark:
            what += f" ({error.context}, rad {error.context_mark.line + 1})"
        raise DataError([Problem(f"ogiltig YAML: {what}", file=path, line=line)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(f"ogiltig YAML: {error}", file=path)]) from None
    finally:
        loader.dispose()
    return data, lines


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Return how many values `node` holds once aliases are expanded (refuses alias bombs)."""
    if id(node) not in memo:
        memo[id(node)] = 0  # a recursive alias counts as nothing more
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        memo[id(node)] = 1 + sum(_expanded_size(child, memo) for child in children)
    return memo[id(node)]


def _index(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: Path) -> Iterator[Problem]:
    """Record the line of every key and item below `node`; yield keys that stand twice."""
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                yield Problem(
                    f"nyckeln '{key}' står två gånger; ta bort den ena", path, line, format_loc(loc)
                )
            seen.add(key)
            lines[(*loc, key)] = line
            yield from _index(value_node, (*loc, key), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            yield from _index(item, (*loc, n), lines, path)


def validate(model: type[M], data: Any, path: Path | None, lines: dict[Loc, int]) -> M:
    """Return `data` validated as `model`, or raise DataError with every problem located."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise DataError(list(_problems(model, error, path, lines))) from None


def _problems(
    model: type[BaseModel], error: ValidationError, path: Path | None, lines: dict[Loc, int]
) -> Iterator[Problem]:
    for detail in error.errors(include_url=False):
        loc: Loc = tuple(detail["loc"])
        if detail["type"] == "references":
            for sub_loc, message in detail["ctx"]["problems"]:
                full = (*loc, *sub_loc)
                yield Problem(message, path, line_of(lines, full), format_loc(full))
            continue
        message = message_for(detail)
        if detail["type"] == "extra_forbidden":
            known = allowed_fields(model, loc[:-1])
            if known:
                message += f"; tillåtna fält här: {', '.join(known)}"
        yield Problem(message, path, line_of(lines, loc), format_loc(loc) or None)


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """Return the line of `loc`, or of its nearest enclosing key when it is missing."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def load(model: type[M], path: Path) -> M:
    """Return the model read from a YAML or JSON file."""
    data, lines = read_data(path)
    return validate(model, data, path, lines)
