"""`make-report`: the command line, a thin layer over `lofte_reports.api`.

Exit codes: 0 success, 1 a problem with the data (message on stderr, no traceback),
2 wrong use of the command, 3 an internal error (a bug in lofte_reports).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, cast

from lofte_reports import __version__
from lofte_reports.errors import LofteError

EXIT_DATA = 1
EXIT_INTERNAL = 3


_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english), swedish)
    for english, swedish in (
        (r"^the following arguments are required: (.*)$", r"du måste ange \1"),
        (r"^one of the arguments (.*) is required$", r"du måste ange ett av \1"),
        (r"^unrecognized arguments: (.*)$", r"okända argument: \1"),
        (
            r"^argument (.*): invalid choice: (.*) \(choose from (.*)\)$",
            r"\1: ogiltigt val \2; välj ett av: \3",
        ),
        (r"^argument (.*): expected one argument$", r"\1: ange ett värde efter flaggan"),
        (
            r"^argument (.*): expected at least one argument$",
            r"\1: ange minst ett värde efter flaggan",
        ),
        (
            r"^argument (.*): expected at most one argument$",
            r"\1: ange högst ett värde efter flaggan",
        ),
        (r"^argument (.*): ignored explicit argument (.*)$", r"\1: tar inget värde (fick \2)"),
        (
            r"^argument (.*): not allowed with argument (.*)$",
            r"\1: kan inte anges tillsammans med \2",
        ),
        (r"^argument (.*): invalid (.*) value: (.*)$", r"\1: ogiltigt värde \3"),
        (r"^ambiguous option: (.*) could match (.*)$", r"tvetydig flagga \1: kan vara \2"),
        (r"^argument (.*?): (.*)$", r"\1: \2"),
    )
)
"""argparse's English messages (Python 3.11 and later) said in Swedish; others pass unchanged."""


def swedish_usage_error(message: str) -> str:
    """Return one of argparse's error messages in Swedish, when we know it."""
    for pattern, swedish in _ARGPARSE_MESSAGES:
        if pattern.search(message):
            return pattern.sub(swedish, message)
    return message


class _Parser(argparse.ArgumentParser):
    """An argument parser whose own messages are in Swedish too."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {swedish_usage_error(message)}\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self, usage: str | None, actions: object, groups: object, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of make-report and its subcommands."""
    parser = _Parser(
        prog="make-report",
        formatter_class=_Formatter,
        add_help=False,
        description="Gör medborgarlöften till DOCX- och PDF-dokument.",
        epilog=(
            "Exempel:\n"
            "  make-report all samples/landskrona-2018 --out out/\n"
            "  make-report tertial samples/landskrona-2018 --period 2018-T2 --lang en\n"
            '  make-report init mitt-lofte --municipality "Laxå kommun"\n'
            "Hjälp för ett kommando: make-report KOMMANDO --help"
        ),
    )
    _help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="visa versionen och avsluta",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="KOMMANDO", title="kommandon", parser_class=_Parser
    )
    commands.required = True

    pledge = _command(
        commands,
        "pledge",
        "skriv medborgarlöftet som DOCX och PDF",
        "Skriv medborgarlöftet i en löftesmapp som DOCX och/eller PDF.",
    )
    _output_options(pledge)

    tertial = _command(
        commands,
        "tertial",
        "skriv tertialuppföljningen för en tertial",
        "Skriv tertialuppföljningen för en tertial, t.ex. --period 2018-T2, som DOCX och/eller PDF.",
    )
    tertial.add_argument(
        "--period", required=True, metavar="TERTIAL", help="tertialen, t.ex. 2018-T2"
    )
    _output_options(tertial)

    annual = _command(
        commands,
        "annual",
        "skriv årssammanfattningen för ett år (eller hela perioden)",
        "Skriv sammanfattningen av ett år (--year 2018) eller av hela medborgarlöftets "
        "period (--period all), som DOCX och/eller PDF.",
    )
    which = annual.add_mutually_exclusive_group(required=True)
    which.add_argument("--year", metavar="ÅR", help="året, t.ex. 2018")
    which.add_argument("--period", metavar="PERIOD", help="ett år, eller all för hela perioden")
    _output_options(annual)

    everything = _command(
        commands,
        "all",
        "skriv alla dokument som uppgifterna räcker till",
        "Skriv medborgarlöftet, varje tertialuppföljning och varje årssammanfattning som "
        "uppföljningsdata finns för, och säg vilka som hoppas över och varför.",
    )
    _output_options(everything)

    init = _command(
        commands,
        "init",
        "skapa en ny löftesmapp att fylla i",
        "Skapa en ny löftesmapp med en kommenterad pledge.yaml som redan går att kontrollera "
        "och skriva ut, och visa vad som ska fyllas i.",
    )
    init.add_argument("--municipality", required=True, metavar="KOMMUN", help='t.ex. "Laxå kommun"')
    init.add_argument(
        "--police-area",
        metavar="LOKALPOLISOMRÅDE",
        help='t.ex. "Lokalpolisområde Hallsberg" (standard: Lokalpolisområde <kommunen>)',
    )
    init.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="ÅÅÅÅ-MM-DD",
        help="första dagen (standard: 1 januari i år)",
    )
    init.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="ÅÅÅÅ-MM-DD",
        help="sista dagen (standard: 31 december samma år)",
    )

    validate = _command(
        commands,
        "validate",
        "kontrollera en löftesmapp utan att skriva något",
        "Kontrollera löftet och uppföljningsdata i en löftesmapp och visa alla fel med fil, "
        "rad och fält. Varningar visar också var ett löfte inte går att följa upp ärligt "
        "(ingen plan, inget utgångsvärde, platshållare, saknade bedömningar …).",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="räkna varningarna som fel (avsluta med kod 1 om det finns några)",
    )
    _command(
        commands,
        "schema",
        "skriv ut JSON Schema för pledge.yaml",
        "Skriv ut JSON Schema för löftesfilen (pledge.yaml/.json).",
        folder=False,
    )
    return parser


def _command(
    commands: Any, name: str, summary: str, description: str, folder: bool = True
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description, formatter_class=_Formatter, add_help=False
    )
    _help(parser)
    if folder:
        parser.add_argument("folder", metavar="MAPP", help="löftesmappen (med pledge.yaml)")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ogiltigt datum {text!r}; skriv ÅÅÅÅ-MM-DD") from None


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=None,
        help="dokumentens språk: sv (svenska) eller en (engelska); standard: språket i pledge.yaml",
    )
    parser.add_argument(
        "--format",
        choices=("docx", "pdf", "all"),
        default="all",
        help="vilket format som skrivs (standard: all, dvs. båda)",
    )
    parser.add_argument(
        "--out",
        default=".",
        metavar="MAPP",
        help="mappen dokumenten skrivs till (skapas vid behov; standard: .)",
    )


def _help(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = "argument"
    parser._optionals.title = "flaggor"
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")


def main(argv: Sequence[str] | None = None) -> int:
    """Run make-report and return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except LofteError as error:
        print(f"make-report: {error}", file=sys.stderr)
        return EXIT_DATA
    except Exception as error:
        if os.environ.get("LOFTE_DEBUG"):
            raise
        print(
            f"make-report: internt fel ({type(error).__name__}: {error}). Det är ett fel i "
            "lofte_reports, inte i dina uppgifter; kör igen med LOFTE_DEBUG=1 för detaljer "
            "och rapportera felet.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _run(args: argparse.Namespace) -> int:
    from lofte_reports import api

    if args.command == "init":
        folder_path = Path(args.folder)
        created = api.init_folder(
            folder_path, args.municipality, args.police_area, args.start, args.end
        )
        print(f"Skapade {created}")
        print(api.NEXT_STEPS.format(pledge=created, folder=folder_path))
        return 0
    if args.command == "schema":
        print(json.dumps(api.pledge_schema(), ensure_ascii=False, indent=2))
        return 0
    if args.command == "validate":
        folder = api.open_folder(args.folder)
        _print_warnings(folder.warnings)
        api.check_folder(folder)
        lint = api.lint_warnings(folder)
        if args.strict and lint:
            for problem in lint:
                print(f"make-report: fel: {problem}", file=sys.stderr)
            print(f"make-report: {len(lint)} varningar räknas som fel (--strict)", file=sys.stderr)
            return EXIT_DATA
        _print_warnings(lint)
        records = len(folder.followup.activities) if folder.followup else 0
        print(
            f"{args.folder}: inga fel ({len(folder.pledge.promises())} löften, "
            f"{len(folder.pledge.goals)} mål, {records} aktiviteter i uppföljningen)"
        )
        return 0
    formats = api.FORMATS if args.format == "all" else (cast(api.Format, args.format),)
    folder = api.open_folder(args.folder, args.lang, followup_needed=args.command != "pledge")
    _print_warnings(folder.warnings)
    key = getattr(args, "period", None)
    key = key if key is not None else getattr(args, "year", None)
    written, skipped = api.write_documents(folder, args.command, args.out, formats, key)
    for what, why in skipped:
        print(f"hoppar över {what}: {why}")
    for path in written:
        print(path)
    return 0


def _print_warnings(warnings: Sequence[object]) -> None:
    for warning in warnings:
        print(f"make-report: varning: {warning}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
