"""Signing a pledge PDF (PAdES B-B) and checking the signatures a PDF carries.

A signature is an incremental update: the signed file is the input, byte for byte, with
the signature appended, so the PDF/A markers, the tag structure and every earlier
signature stay as they were. pyHanko does the work; it is imported only here, inside the
functions that need it (it takes a third of a second to load), never for `make-report
pledge`. Messages come from the `interface` catalog in the language asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from lofte_reports.app.files import write_atomically
from lofte_reports.builders.catalogs import translations
from lofte_reports.errors import DataError, Problem
from lofte_reports.languages import DEFAULT, Language, known

if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko.sign.validation.status import PdfSignatureStatus
    from pyhanko_certvalidator import ValidationContext

INTERFACE_DOMAIN = "interface"
"""The catalog of the command line's own texts (locale/<code>/LC_MESSAGES/interface.po)."""

FIELD_PREFIX = "signatory-"
"""Signature fields are named signatory-1, signatory-2 …, one per signatory of the pledge."""

SIGNED_SUFFIX = "-signerad"
"""What the default output name adds to the input's: lofte.pdf → lofte-signerad.pdf."""

Coverage = Literal["whole", "signatures-added", "annotations-added", "changed", "unclear"]
"""What a signature covers: the whole file; the file as signed, with only signatures and
form fields added after it; comments added after it; other changes after it; unclear."""

Gettext = Callable[[str], str]


def interface_translations(language: Language = DEFAULT) -> NullTranslations:
    """Return the translations of the command line's Swedish texts into `language`."""
    return translations(language, INTERFACE_DOMAIN)


def gettext(language: Language = DEFAULT) -> Gettext:
    """Return the function that translates the command line's Swedish texts to `language`."""
    return interface_translations(language).gettext


@dataclass(frozen=True, slots=True)
class SignedPdf:
    """A PDF with one more signature, and where it went."""

    pdf: bytes
    field: str
    """The signature field that holds the new signature."""
    new_field: bool
    """True when the document had no empty field and an invisible one was made."""
    signer: str
    """The common name of the signer's certificate."""


@dataclass(frozen=True, slots=True)
class SignatureReport:
    """One signature of a PDF, as checked."""

    field: str
    signer: str
    """The common name of the signer's certificate (else its whole subject)."""
    signed_at: dt.datetime | None
    """When the signer's computer says it signed (PAdES B-B has no time stamp)."""
    intact: bool
    """The signed bytes are unchanged and the signature over them is valid."""
    coverage: Coverage
    trusted: bool | None
    """Whether the certificate leads to a trusted root; None when no roots were given."""
    trust_problem: str | None = None
    """Why the certificate is not trusted, when it is not."""
    damage: str | None = None
    """Why the signature could not be checked at all, when it could not."""

    @property
    def broken(self) -> bool:
        """Return whether the signature no longer vouches for the document."""
        return not self.intact or self.coverage in ("changed", "unclear")


@dataclass(frozen=True, slots=True)
class SignedFile:
    """A signed PDF written to disk."""

    path: Path
    signed: SignedPdf


def default_output(pdf: Path) -> Path:
    """Return where `sign` writes by default: next to the input, lofte.pdf → lofte-signerad.pdf.

    A language code stays last, as our file names end: lofte.en.pdf → lofte-signerad.en.pdf.
    """
    stem, language = pdf.stem, ""
    base, dot, code = stem.rpartition(".")
    if dot and known(code) is not None:
        stem, language = base, f".{code}"
    return pdf.with_name(f"{stem}{SIGNED_SUFFIX}{language}{pdf.suffix or '.pdf'}")


def sign_file(
    pdf: Path,
    certificate: Path,
    password: bytes | str | None,
    field: str | None = None,
    out: Path | None = None,
    language: Language = DEFAULT,
) -> SignedFile:
    """Sign the PDF file `pdf` with a PKCS#12 file and write it; return where and how.

    The output is `out`, or `default_output(pdf)`. It must not exist yet, unless it is
    `pdf` itself: signing adds to the end of the file, so updating it in place loses
    nothing. The file is written whole or not at all.
    """
    _ = gettext(language)
    target = out if out is not None else default_output(pdf)
    if target.exists() and not _same_file(target, pdf):
        message = _(
            "finns redan och skrivs inte över; välj ett annat namn med --out, eller ta bort "
            "filen först (underskriften läggs till i själva filen med --out {pdf})"
        ).format(pdf=pdf)
        raise DataError([Problem(message, file=target)])
    signed = sign_pdf(
        _read(pdf, _, _("PDF-filen")),
        _read(certificate, _, _("certifikatfilen")),
        password,
        field,
        language,
        pdf_name=pdf,
        certificate_name=certificate,
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, signed.pdf)
    except OSError as error:
        message = _("kan inte skrivas ({reason}); välj en annan plats med --out")
        raise DataError([Problem(message.format(reason=error.strerror), file=target)]) from None
    return SignedFile(target, signed)


def sign_pdf(
    pdf: bytes,
    p12: bytes,
    password: bytes | str | None,
    field: str | None = None,
    language: Language = DEFAULT,
    *,
    pdf_name: Path | None = None,
    certificate_name: Path | None = None,
) -> SignedPdf:
    """Return `pdf` with a PAdES B-B signature made with the key in `p12`, added at its end.

    `field` names the signature field; without it the first empty one is signed. A
    document without any empty field gets a new invisible one (`field`, or the first free
    `signatory-N`). `pdf_name` and `certificate_name` are the files named in messages.
    """
    _ = gettext(language)
    _quiet_pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    signer = _load_signer(p12, password, _, certificate_name)
    reader = _reader(pdf, _, pdf_name)
    if reader.encrypted:
        message = _("är krypterad och kan inte skrivas under; spara den utan lösenord först")
        raise DataError([Problem(message, file=pdf_name)])
    chosen, new_field = _choose_field(reader, field, _, pdf_name)
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        metadata = signers.PdfSignatureMetadata(
            field_name=chosen,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        new_spec = fields.SigFieldSpec(chosen, on_page=-1) if new_field else None
        # No text in the field's appearance: pyHanko's stamp ("Digitally signed by …") is
        # English and untagged, and would cost the file its accessibility; PDF readers show
        # who signed and when from the signature itself.
        blank = TextStampStyle(stamp_text="", border_width=0)
        signing = signers.PdfSigner(metadata, signer, stamp_style=blank, new_field_spec=new_spec)
        output = signing.sign_pdf(writer, existing_fields_only=False)
    except PdfError as error:
        message = _("kan inte skrivas under: {reason}").format(reason=error)
        raise DataError([Problem(message, file=pdf_name)]) from None
    return SignedPdf(output.getvalue(), chosen, new_field, _common_name(signer.signing_cert))


def verify_file(
    pdf: Path, trust: Sequence[Path] = (), language: Language = DEFAULT
) -> list[SignatureReport]:
    """Return the report of every signature of the PDF file `pdf` (see `verify_pdf`)."""
    _ = gettext(language)
    roots = [_read(path, _, _("certifikatfilen")) for path in trust]
    return verify_pdf(
        _read(pdf, _, _("PDF-filen")), roots, language, pdf_name=pdf, trust_names=trust
    )


def verify_pdf(
    pdf: bytes,
    trust: Sequence[bytes] = (),
    language: Language = DEFAULT,
    *,
    pdf_name: Path | None = None,
    trust_names: Sequence[Path] = (),
) -> list[SignatureReport]:
    """Return a report of every signature in `pdf`, in the order they were made.

    `trust` holds root certificates (PEM or DER); a signer is trusted when its
    certificate leads to one of them. Without roots, trust is not judged (`trusted` is
    None). No network is used: revocation is not checked. DataError when `pdf` is no
    PDF or has no signature.
    """
    _ = gettext(language)
    _quiet_pyhanko()
    from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature

    roots = [
        root
        for index, data in enumerate(trust)
        for root in _certificates(data, _, _name_at(trust_names, index))
    ]
    reader = _reader(pdf, _, pdf_name)
    found: list[tuple[float, int, SignatureReport]] = []
    for index, (name, value, field) in enumerate(_fields(reader, True, _, pdf_name)):
        try:
            if value.get_object().get("/Type") == "/DocTimeStamp":
                continue  # a time stamp of the document, not a person's signature
            signature = EmbeddedPdfSignature(reader, field, name)
            status = validate_pdf_signature(signature, _validation_context(roots))
            report = _report(name, status, bool(roots), _)
            found.append((signature.signed_revision, index, report))
        except Exception as error:  # a damaged signature is a finding, not a crash
            reason = _("underskriften går inte att läsa ({reason})").format(reason=error)
            found.append((float("inf"), index, _unreadable(name, reason, _)))
    if not found:
        message = _(
            "har inga underskrifter; skriv under den med make-report sign {pdf} --cert CERT.p12"
        ).format(pdf=pdf_name or "FIL.pdf")
        raise DataError([Problem(message, file=pdf_name)])
    return [report for _revision, _index, report in sorted(found, key=lambda f: f[:2])]


def _fields(reader: PdfFileReader, filled: bool | None, _: Gettext, name: Path | None) -> list[Any]:
    """Return pyHanko's (name, value, field) of the signature fields, signed or all (None)."""
    from pyhanko.sign import fields

    try:
        return list(fields.enumerate_sig_fields(reader, filled))
    except Exception as error:
        message = _("är en skadad PDF-fil som inte går att läsa ({reason})").format(reason=error)
        raise DataError([Problem(message, file=name)]) from None


def describe(report: SignatureReport, language: Language = DEFAULT) -> list[str]:
    """Return a signature's report as lines a reader understands, in `language`."""
    _ = gettext(language)
    when = (
        report.signed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
        if report.signed_at is not None
        else _("okänd")
    )
    intact = (
        _("ja")
        if report.intact
        else _("nej – det som skrevs under har ändrats, eller underskriften är skadad")
    )
    coverage = {
        "whole": _("hela dokumentet"),
        "signatures-added": _(
            "dokumentet som det var då; efteråt har bara underskrifter lagts till"
        ),
        "annotations-added": _("dokumentet som det var då; efteråt har kommentarer lagts till"),
        "changed": _("ändrat efter underskriften – innehållet är inte det som skrevs under"),
        "unclear": _("oklart vad underskriften täcker"),
    }[report.coverage]
    if report.trusted is None:
        trusted = _("inte kontrollerat (ange betrodda rotcertifikat med --trust CA.pem)")
    elif report.trusted:
        trusted = _("ja")
    else:
        trusted = _("nej") + (f" ({report.trust_problem})" if report.trust_problem else "")
    verdict = _("BRUTEN") if report.broken else _("giltig")
    damage = ["  " + report.damage] if report.damage else []
    return [
        _("Underskrift i fältet {field}: {verdict}").format(field=report.field, verdict=verdict),
        *damage,
        "  " + _("Undertecknare: {signer}").format(signer=report.signer),
        "  " + _("Tid (enligt undertecknarens dator): {when}").format(when=when),
        "  " + _("Oförändrad: {intact}").format(intact=intact),
        "  " + _("Täcker: {coverage}").format(coverage=coverage),
        "  " + _("Betrodd undertecknare: {trusted}").format(trusted=trusted),
    ]


def _report(
    field: str, status: PdfSignatureStatus, judge_trust: bool, _: Gettext
) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    level = status.modification_level
    coverage: Coverage
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        coverage = "whole"
    elif status.coverage != SignatureCoverageLevel.ENTIRE_REVISION or level is None:
        coverage = "unclear"
    elif status.docmdp_ok is False or level == ModificationLevel.OTHER:
        coverage = "changed"
    elif level == ModificationLevel.ANNOTATIONS:
        coverage = "annotations-added"
    else:
        coverage = "signatures-added"
    trusted = status.trusted if judge_trust else None
    problem = None
    if trusted is False:
        problem = _trust_problem(status, _)
    return SignatureReport(
        field=field,
        signer=_common_name(status.signing_cert),
        signed_at=status.signer_reported_dt,
        intact=status.intact and status.valid,
        coverage=coverage,
        trusted=trusted,
        trust_problem=problem,
    )


def _unreadable(field: str, reason: str, _: Gettext) -> SignatureReport:
    """Return the report of a signature too damaged to check."""
    return SignatureReport(field, _("okänd"), None, False, "unclear", None, damage=reason)


def _trust_problem(status: PdfSignatureStatus, _: Gettext) -> str:
    from pyhanko.sign.ades.report import AdESIndeterminate

    if status.revoked:
        return _("certifikatet är spärrat")
    indication = status.trust_problem_indic
    if indication == AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND:
        return _("certifikatet leder inte till något av de betrodda rotcertifikaten")
    if indication in (AdESIndeterminate.OUT_OF_BOUNDS_NO_POE, AdESIndeterminate.EXPIRED):
        return _("certifikatet gällde inte när underskriften kontrollerades")
    if indication == AdESIndeterminate.NOT_YET_VALID:
        return _("certifikatet gäller inte än")
    if indication == AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE:
        return _("certifikatet får inte användas för underskrifter")
    return _("certifikatet kunde inte godkännas")


def _validation_context(roots: Sequence[object]) -> ValidationContext:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=list(roots), allow_fetching=False)


def _choose_field(
    reader: PdfFileReader, wanted: str | None, _: Gettext, pdf_name: Path | None
) -> tuple[str, bool]:
    """Return the signature field to sign, and whether it must be made."""
    found = [(name, value is not None) for name, value, _ref in _fields(reader, None, _, pdf_name)]
    empty = [name for name, filled in found if not filled]
    if wanted is None:
        if empty:
            return empty[0], False
        names = {name for name, _filled in found}
        return next(
            f"{FIELD_PREFIX}{n}"
            for n in range(1, len(names) + 2)
            if f"{FIELD_PREFIX}{n}" not in names
        ), True
    for name, filled in found:
        if name == wanted and filled:
            message = _(
                "fältet {field} är redan underskrivet; välj ett annat fält med --field ({empty})"
            ).format(field=wanted, empty=_field_list(empty, _))
            raise DataError([Problem(message, file=pdf_name)])
        if name == wanted:
            return name, False
    if empty:
        message = _(
            "det finns inget underskriftsfält som heter {field}; fälten som finns: {fields}"
        ).format(field=wanted, fields=_field_list(empty, _))
        raise DataError([Problem(message, file=pdf_name)])
    return wanted, True


def _field_list(names: Iterable[str], _: Gettext) -> str:
    listed = ", ".join(names)
    return listed or _("inga tomma fält")


def _load_signer(
    p12: bytes, password: bytes | str | None, _: Gettext, name: Path | None
) -> SimpleSigner:
    from asn1crypto import pkcs12
    from pyhanko.sign import signers

    try:
        pkcs12.Pfx.load(p12).native  # noqa: B018 – parses the whole structure
    except Exception:
        message = _(
            "är inget certifikat i PKCS#12-format (.p12 eller .pfx); exportera certifikatet "
            "med sin privata nyckel till en .p12-fil och ange den med --cert"
        )
        raise DataError([Problem(message, file=name)]) from None
    secret = password.encode("utf-8") if isinstance(password, str) else password
    for attempt in [secret] if secret else [None, b""]:
        try:
            signer: SimpleSigner = signers.SimpleSigner.load_pkcs12_data(
                p12, (), passphrase=attempt
            )
            return signer
        except ValueError:
            continue
    if secret:
        message = _(
            "fel lösenord för certifikatet; försök igen (lösenordet kan också ges i LOFTE_CERT_PASSWORD)"
        )
    else:
        message = _(
            "certifikatet kräver ett lösenord; ange det när make-report frågar, eller i LOFTE_CERT_PASSWORD"
        )
    raise DataError([Problem(message, file=name)])


def _certificates(data: bytes, _: Gettext, name: Path | None) -> list[object]:
    """Return the certificates of a PEM or DER file, as pyHanko wants them."""
    from asn1crypto import pem, x509

    try:
        blocks = (
            [der for _kind, _headers, der in pem.unarmor(data, multiple=True)]
            if pem.detect(data)
            else [data]
        )
        certificates = [x509.Certificate.load(block) for block in blocks]
        for certificate in certificates:
            certificate.native  # noqa: B018 – parses the whole certificate
    except Exception:
        certificates = []
    if not certificates:
        message = _("är inget certifikat (PEM eller DER); ange rotcertifikatet med --trust CA.pem")
        raise DataError([Problem(message, file=name)])
    return list(certificates)


def _reader(pdf: bytes, _: Gettext, name: Path | None) -> PdfFileReader:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if b"%PDF-" not in pdf[:1024]:  # where PDF readers look for the header
        message = _("är ingen PDF-fil; ange PDF-filen med medborgarlöftet")
        raise DataError([Problem(message, file=name)])
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        message = _("är en skadad PDF-fil som inte går att läsa ({reason})").format(reason=error)
        raise DataError([Problem(message, file=name)]) from None


def _read(path: Path, _: Gettext, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        message = _("finns inte; kontrollera namnet på {what}").format(what=what)
    except IsADirectoryError:
        message = _("är en mapp; ange {what}").format(what=what)
    except OSError as error:
        message = _("kan inte läsas ({reason})").format(reason=error.strerror)
    raise DataError([Problem(message, file=path)])


def _common_name(certificate: object) -> str:
    subject = certificate.subject  # type: ignore[attr-defined]
    names = subject.native
    return str(names.get("common_name") or subject.human_friendly)


def _name_at(names: Sequence[Path], index: int) -> Path | None:
    return names[index] if index < len(names) else None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def _quiet_pyhanko() -> None:
    """Keep pyHanko's log (tracebacks of failed certificate paths) off the user's screen."""
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
