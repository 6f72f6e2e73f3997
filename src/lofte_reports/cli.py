"""`make-report`: the command line, a thin layer over `lofte_reports.api`.

Exit codes: 0 success, 1 a problem with the data (message on stderr, no traceback),
2 wrong use of the command, 3 an internal error (a bug in lofte_reports).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, cast

from lofte_reports import __version__
from lofte_reports.errors import DataError, LofteError
from lofte_reports.languages import DEFAULT, LANGUAGES, Language, known

EXIT_DATA = 1
EXIT_INTERNAL = 3
PASSWORD_VARIABLE = "LOFTE_CERT_PASSWORD"
"""The environment variable a script gives the certificate's password in."""


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


def build_parser(language: Language = DEFAULT) -> argparse.ArgumentParser:
    """Return the argument parser of make-report and its subcommands.

    `language` is that of the texts of `sign` and `verify` (their `--lang`).
    """
    parser = _Parser(
        prog="make-report",
        formatter_class=_Formatter,
        add_help=False,
        description="Gör medborgarlöften till DOCX- och PDF-dokument och webbsidor (HTML).",
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
        "skriv medborgarlöftet som DOCX, PDF och HTML",
        "Skriv medborgarlöftet i en löftesmapp som DOCX, PDF och/eller HTML.",
    )
    _output_options(pledge)

    tertial = _command(
        commands,
        "tertial",
        "skriv tertialuppföljningen för en tertial",
        "Skriv tertialuppföljningen för en tertial, t.ex. --period 2018-T2, som DOCX, PDF och/eller HTML.",
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
        "period (--period all), som DOCX, PDF och/eller HTML.",
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
    _signing_commands(commands, language)
    return parser


def _signing_commands(commands: Any, language: Language) -> None:
    """Add `sign` and `verify`, whose texts are translated into the interface language."""
    _: Callable[[str], str] = str  # Swedish is the source language: no catalog to load
    if language != DEFAULT:
        from lofte_reports.api import interface_translations

        _ = interface_translations(language).gettext
    sign = _command(
        commands,
        "sign",
        _("skriv under en PDF med ett certifikat (PAdES)"),
        _(
            "Skriv under en PDF, t.ex. medborgarlöftet, med ett certifikat i en .p12-fil. "
            "Underskriften läggs till i slutet av filen, så att allt som fanns stannar kvar "
            "(också tidigare underskrifter). Lösenordet frågas efter, eller läses från "
            "miljövariabeln LOFTE_CERT_PASSWORD. Utan --field skrivs det första tomma "
            "underskriftsfältet under (signatory-1, signatory-2 …); har filen inget tomt fält "
            "skapas ett osynligt."
        ),
        folder=False,
    )
    sign.add_argument("pdf", metavar=_("FIL.pdf"), help=_("PDF-filen som ska skrivas under"))
    sign.add_argument(
        "--cert",
        required=True,
        metavar="CERT.p12",
        help=_("certifikatet med sin privata nyckel (PKCS#12: .p12 eller .pfx)"),
    )
    sign.add_argument(
        "--field",
        metavar=_("NAMN"),
        help=_("underskriftsfältet, t.ex. signatory-2 (standard: det första tomma)"),
    )
    sign.add_argument(
        "--out",
        metavar=_("FIL"),
        help=_(
            "filen som skrivs (standard: FIL-signerad.pdf bredvid FIL.pdf); får inte finnas, "
            "utom när det är FIL.pdf själv: då läggs underskriften till i den"
        ),
    )
    verify = _command(
        commands,
        "verify",
        _("kontrollera underskrifterna i en PDF"),
        _(
            "Visa varje underskrift i en PDF: vem som skrev under, när, i vilket fält, om "
            "underskriften är oskadd och om dokumentet har ändrats efteråt. Avslutar med kod 1 "
            "om någon underskrift är bruten eller om filen saknar underskrifter, och med --trust "
            "också om en undertecknare inte är betrodd."
        ),
        folder=False,
    )
    verify.add_argument("pdf", metavar=_("FIL.pdf"), help=_("PDF-filen som ska kontrolleras"))
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CA.pem",
        help=_(
            "ett betrott rotcertifikat (PEM eller DER; flaggan kan upprepas); utan den "
            "kontrolleras inte om undertecknarna är betrodda"
        ),
    )
    for parser in (sign, verify):
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=DEFAULT,
            help=_("språket i meddelanden och hjälp: sv (svenska) eller en (engelska)"),
        )
        if language != DEFAULT:
            parser.formatter_class = argparse.RawDescriptionHelpFormatter  # "usage:"
        parser._positionals.title = _("argument")
        parser._optionals.title = _("flaggor")
        parser._actions[0].help = _("visa den här hjälpen och avsluta")


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
        choices=("docx", "pdf", "html", "all"),
        default="all",
        help="vilket format som skrivs (standard: all, dvs. alla tre)",
    )
    parser.add_argument(
        "--html-fragment",
        action="store_true",
        help="skriv HTML som bara innehållet (<article> med egen CSS) att klistra in i "
        "webbplatsens redigerare, i stället för en hel sida",
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
    args = build_parser(_interface_language(argv)).parse_args(argv)
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

    if args.command in ("sign", "verify"):
        return _run_signing(args)
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
    written, skipped = api.write_documents(
        folder, args.command, args.out, formats, key, html_fragment=args.html_fragment
    )
    for what, why in skipped:
        print(f"hoppar över {what}: {why}")
    for path in written:
        print(path)
    return 0


def _interface_language(argv: Sequence[str] | None) -> Language:
    """Return the language `--lang` asks for, for the help of sign and verify; else Swedish."""
    words = list(sys.argv[1:] if argv is None else argv)
    for index, word in enumerate(words):
        if word == "--lang" and index + 1 < len(words):
            return known(words[index + 1]) or DEFAULT
        if word.startswith("--lang="):
            return known(word.removeprefix("--lang=")) or DEFAULT
    return DEFAULT


def _run_signing(args: argparse.Namespace) -> int:
    """Run sign or verify; their messages, errors too, are in the language of --lang."""
    from lofte_reports import api

    language: Language = args.lang
    texts = api.interface_translations(language)
    _ = texts.gettext
    try:
        if args.command == "sign":
            return _sign(args, language)
        return _verify(args, language)
    except DataError as error:
        count = len(error.problems)
        head = texts.ngettext("{count} fel hittades:", "{count} fel hittades:", count)
        lines = [head.format(count=count), *(f"  {problem}" for problem in error.problems)]
        print("make-report: " + "\n".join(lines), file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print("make-report: " + _("avbrutet; ingen fil skrevs"), file=sys.stderr)
        return EXIT_DATA


def _sign(args: argparse.Namespace, language: Language) -> int:
    from lofte_reports import api

    _ = api.interface_translations(language).gettext
    pdf, certificate = Path(args.pdf), Path(args.cert)
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None and pdf.is_file() and certificate.is_file():
        try:
            with warnings.catch_warnings():  # without a terminal it reads stdin, and says so
                warnings.simplefilter("ignore", getpass.GetPassWarning)
                password = getpass.getpass(_("Lösenord för {cert}: ").format(cert=certificate))
        except EOFError:
            print(file=sys.stderr)
            password = None
    written = api.sign_file(pdf, certificate, password, args.field, args.out, language)
    signed = written.signed
    if signed.new_field:
        print(
            _(
                "{pdf} hade inget tomt underskriftsfält; ett nytt osynligt fält, {field}, skapades."
            ).format(pdf=pdf, field=signed.field)
        )
    print(
        _("Skrev under {pdf} i fältet {field} som {signer}: {out}").format(
            pdf=pdf, field=signed.field, signer=signed.signer, out=written.path
        )
    )
    return 0


def _verify(args: argparse.Namespace, language: Language) -> int:
    from lofte_reports import api

    texts = api.interface_translations(language)
    reports = api.verify_file(args.pdf, args.trust, language)
    for report in reports:
        print("\n".join(api.describe_signature(report, language)))
    count = len(reports)
    broken = sum(report.broken for report in reports)
    untrusted = sum(report.trusted is False for report in reports)
    if broken:
        message = texts.ngettext(
            "{broken} av {count} underskrifter är bruten: den går inte att lita på; "
            "skriv under en oförändrad kopia på nytt",
            "{broken} av {count} underskrifter är brutna: de går inte att lita på; "
            "skriv under en oförändrad kopia på nytt",
            broken,
        )
        print("make-report: " + message.format(broken=broken, count=count), file=sys.stderr)
        return EXIT_DATA
    if untrusted:
        message = texts.ngettext(
            "{untrusted} av {count} undertecknare är inte betrodd enligt --trust",
            "{untrusted} av {count} undertecknare är inte betrodda enligt --trust",
            untrusted,
        )
        print("make-report: " + message.format(untrusted=untrusted, count=count), file=sys.stderr)
        return EXIT_DATA
    summary = texts.ngettext(
        "{pdf}: underskriften är giltig", "{pdf}: alla {count} underskrifter är giltiga", count
    )
    print(summary.format(pdf=args.pdf, count=count))
    return 0


def _print_warnings(warnings: Sequence[object]) -> None:
    for warning in warnings:
        print(f"make-report: varning: {warning}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
