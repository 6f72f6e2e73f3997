"""`make-report`: the command line, a thin layer over `lofte_reports.api`.

Exit codes: 0 success, 1 a problem with the data (message on stderr, no traceback),
2 wrong use of the command, 3 an internal error (a bug in lofte_reports).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import cast

from lofte_reports import __version__
from lofte_reports.errors import LofteError

EXIT_DATA = 1
EXIT_INTERNAL = 3


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self, usage: str | None, actions: object, groups: object, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of make-report and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="make-report",
        formatter_class=_Formatter,
        add_help=False,
        description="Gör medborgarlöften till DOCX- och PDF-dokument.",
        epilog="Exempel:\n  make-report pledge samples/landskrona-2018 --out out/",
    )
    _help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="visa versionen och avsluta",
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandon")
    commands.required = True

    pledge = commands.add_parser(
        "pledge",
        help="skriv medborgarlöftet som DOCX och PDF",
        formatter_class=_Formatter,
        add_help=False,
        description="Skriv medborgarlöftet i en löftesmapp som DOCX och/eller PDF.",
    )
    _help(pledge)
    pledge.add_argument("folder", metavar="MAPP", help="löftesmappen (med pledge.yaml)")
    pledge.add_argument(
        "--format",
        choices=("docx", "pdf", "all"),
        default="all",
        help="vilket format som skrivs (standard: all, dvs. båda)",
    )
    pledge.add_argument(
        "--out",
        default=".",
        metavar="MAPP",
        help="mappen dokumenten skrivs till (skapas vid behov; standard: .)",
    )

    validate = commands.add_parser(
        "validate",
        help="kontrollera en löftesmapp utan att skriva något",
        formatter_class=_Formatter,
        add_help=False,
        description="Kontrollera uppgifterna i en löftesmapp och visa alla fel med fil, rad och fält.",
    )
    _help(validate)
    validate.add_argument("folder", metavar="MAPP", help="löftesmappen (med pledge.yaml)")

    schema = commands.add_parser(
        "schema",
        help="skriv ut JSON Schema för pledge.yaml",
        formatter_class=_Formatter,
        add_help=False,
        description="Skriv ut JSON Schema för löftesfilen (pledge.yaml/.json).",
    )
    _help(schema)
    return parser


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

    if args.command == "schema":
        print(json.dumps(api.pledge_schema(), ensure_ascii=False, indent=2))
    elif args.command == "validate":
        pledge = api.load_pledge(args.folder)
        print(f"{args.folder}: inga fel ({len(pledge.promises())} löften, {len(pledge.goals)} mål)")
    elif args.command == "pledge":
        formats = api.FORMATS if args.format == "all" else (cast(api.Format, args.format),)
        for path in api.write_pledge(args.folder, args.out, formats):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
