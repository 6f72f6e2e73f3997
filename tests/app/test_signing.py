"""Signing the pledge PDF twice (PAdES B-B, incremental) and checking the signatures."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from lofte_reports.api import (
    SignatureReport,
    describe_signature,
    sign_file,
    sign_pdf,
    verify_file,
    verify_pdf,
)
from lofte_reports.app import signing
from lofte_reports.builders.catalogs import catalog_path
from lofte_reports.errors import DataError
from tests.conftest import ROOT, SAMPLE
from tests.pki import PASSWORD, SIGNERS, Pki, make_pki, pledge_with_fields, signature_fields

POLICE, MUNICIPALITY = SIGNERS


@pytest.fixture(scope="module")
def pki() -> Pki:
    return make_pki()


@pytest.fixture(scope="module")
def signed_once(pki: Pki) -> bytes:
    return sign_pdf(pledge_with_fields(), pki.p12[POLICE], PASSWORD).pdf


@pytest.fixture(scope="module")
def signed_twice(pki: Pki, signed_once: bytes) -> bytes:
    return sign_pdf(signed_once, pki.p12[MUNICIPALITY], PASSWORD).pdf


def error_text(error: pytest.ExceptionInfo[DataError]) -> str:
    return str(error.value)


def test_the_pledge_has_an_empty_field_per_signatory() -> None:
    assert signature_fields(pledge_with_fields())[:2] == [
        ("signatory-1", False),
        ("signatory-2", False),
    ]


def test_signing_fills_the_first_empty_field_then_the_next(pki: Pki, signed_once: bytes) -> None:
    first = sign_pdf(pledge_with_fields(), pki.p12[POLICE], PASSWORD)
    assert (first.field, first.new_field, first.signer) == ("signatory-1", False, POLICE)
    second = sign_pdf(first.pdf, pki.p12[MUNICIPALITY], PASSWORD.encode())
    assert (second.field, second.new_field, second.signer) == ("signatory-2", False, MUNICIPALITY)
    assert signature_fields(second.pdf)[:2] == [("signatory-1", True), ("signatory-2", True)]


def test_each_signature_is_an_incremental_update(signed_once: bytes, signed_twice: bytes) -> None:
    assert signed_once.startswith(pledge_with_fields())
    assert signed_twice.startswith(signed_once)
    assert signed_twice.count(b"%%EOF") == pledge_with_fields().count(b"%%EOF") + 2


def test_both_signatures_verify_and_the_first_only_has_signatures_after_it(
    signed_twice: bytes,
) -> None:
    first, second = verify_pdf(signed_twice)
    assert (first.field, first.signer, first.intact) == ("signatory-1", POLICE, True)
    assert (second.field, second.signer, second.intact) == ("signatory-2", MUNICIPALITY, True)
    assert (first.coverage, second.coverage) == ("signatures-added", "whole")
    assert not first.broken and not second.broken
    assert first.signed_at is not None and first.signed_at.tzinfo is not None
    assert (first.trusted, second.trusted) == (None, None)  # no roots given: not judged


def test_a_signer_is_trusted_through_the_given_root_only(pki: Pki, signed_twice: bytes) -> None:
    assert [r.trusted for r in verify_pdf(signed_twice, [pki.root_pem])] == [True, True]
    stranger = make_pki("En annan rot-CA", ())
    reports = verify_pdf(signed_twice, [stranger.root_pem])
    assert [r.trusted for r in reports] == [False, False]
    assert reports[0].trust_problem == (
        "certifikatet leder inte till något av de betrodda rotcertifikaten"
    )
    assert not any(r.broken for r in reports)  # untrusted is not broken


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_poppler_reads_both_signatures_as_valid(signed_twice: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signerad.pdf"
    path.write_bytes(signed_twice)
    result = subprocess.run(
        ["pdfsig", str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    out = result.stdout
    assert out.count("Signature is Valid.") == 2, out
    assert "Signature Field Name: signatory-1" in out and "Signature Field Name: signatory-2" in out
    assert f"Common Name: {POLICE}" in out and f"Common Name: {MUNICIPALITY}" in out
    assert "ETSI.CAdES.detached" in out  # PAdES
    assert "Total document signed" in out


def test_one_changed_byte_breaks_the_signatures_over_it(signed_twice: bytes) -> None:
    changed = bytearray(signed_twice)
    where = signed_twice.index(b"/Producer (") + len(b"/Producer (")  # in the first revision
    changed[where] ^= 0x20
    reports = verify_pdf(bytes(changed))
    assert [r.intact for r in reports] == [False, False]
    assert all(r.broken for r in reports)
    assert "BRUTEN" in describe_signature(reports[0])[0]


@pytest.mark.parametrize("damage", [b"00" * 20, b"zz"])
def test_a_damaged_signature_is_reported_broken_not_a_crash(
    signed_twice: bytes, damage: bytes
) -> None:
    start = signed_twice.index(b"/Contents <") + len(b"/Contents <")
    damaged = signed_twice[:start] + damage + signed_twice[start + len(damage) :]
    reports = {r.field: r for r in verify_pdf(damaged)}
    assert set(reports) == {"signatory-1", "signatory-2"}
    assert reports["signatory-1"].broken and reports["signatory-1"].damage
    assert "underskriften går inte att läsa" in describe_signature(reports["signatory-1"])[1]


def test_content_added_after_signing_is_reported_as_a_change(signed_once: bytes) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed_once))
    stamp = generic.StreamObject(stream_data=b"0 0 1 rg 72 72 200 40 re f")  # a blue box
    writer.add_stream_to_page(0, writer.add_object(stamp))
    output = io.BytesIO()
    writer.write(output)
    (report,) = verify_pdf(output.getvalue())
    assert report.intact  # the signed bytes are all there …
    assert report.coverage == "changed" and report.broken  # … but the page is not what was signed
    assert "ändrat efter underskriften" in "\n".join(describe_signature(report))


def test_a_document_without_fields_gets_an_invisible_one(pki: Pki) -> None:
    from lofte_reports.doctree.nodes import Document, Metadata, PageSetup, Paragraph
    from lofte_reports.writers import write

    page = PageSetup("Sida {page} av {pages}")
    plain = write(
        Document(Metadata("Utan underskrifter", "Test"), page, (Paragraph.of("Text"),)), "pdf"
    )
    assert signature_fields(plain) == []
    signed = sign_pdf(plain, pki.p12[POLICE], PASSWORD)
    assert (signed.field, signed.new_field) == ("signatory-1", True)
    assert [r.field for r in verify_pdf(signed.pdf)] == ["signatory-1"]
    named = sign_pdf(plain, pki.p12[POLICE], PASSWORD, field="polisen")
    assert (named.field, named.new_field) == ("polisen", True)


def test_a_document_with_every_field_signed_gets_the_next_name(
    pki: Pki, signed_twice: bytes
) -> None:
    third = sign_pdf(signed_twice, pki.p12[POLICE], PASSWORD)
    assert (third.field, third.new_field) == ("signatory-3", True)
    assert [r.coverage for r in verify_pdf(third.pdf)] == [
        "signatures-added",
        "signatures-added",
        "whole",
    ]


def test_a_named_field_is_signed(pki: Pki) -> None:
    signed = sign_pdf(pledge_with_fields(), pki.p12[MUNICIPALITY], PASSWORD, field="signatory-2")
    assert signature_fields(signed.pdf)[:2] == [("signatory-1", False), ("signatory-2", True)]


def test_an_unknown_field_names_the_fields_there_are(pki: Pki) -> None:
    with pytest.raises(DataError) as error:
        sign_pdf(pledge_with_fields(), pki.p12[POLICE], PASSWORD, field="signatory-9")
    assert "inget underskriftsfält som heter signatory-9" in error_text(error)
    assert "signatory-1, signatory-2" in error_text(error)


def test_a_signed_field_is_not_signed_again(pki: Pki, signed_once: bytes) -> None:
    with pytest.raises(DataError) as error:
        sign_pdf(signed_once, pki.p12[MUNICIPALITY], PASSWORD, field="signatory-1")
    assert "fältet signatory-1 är redan underskrivet" in error_text(error)
    assert "--field (signatory-2)" in error_text(error)


def test_a_wrong_password_says_so_in_swedish_or_english(pki: Pki) -> None:
    with pytest.raises(DataError) as error:
        sign_pdf(pledge_with_fields(), pki.p12[POLICE], "fel")
    assert "fel lösenord för certifikatet" in error_text(error)
    with pytest.raises(DataError) as error:
        sign_pdf(pledge_with_fields(), pki.p12[POLICE], None, language="en")
    assert "the certificate needs a password" in error_text(error)


def test_files_that_are_no_pdf_or_no_certificate_are_refused(pki: Pki) -> None:
    with pytest.raises(DataError) as error:
        sign_pdf(b"PK\x03\x04 a docx", pki.p12[POLICE], PASSWORD)
    assert "är ingen PDF-fil" in error_text(error)
    with pytest.raises(DataError) as error:
        sign_pdf(pledge_with_fields(), pki.root_pem, PASSWORD)
    assert "PKCS#12" in error_text(error)
    with pytest.raises(DataError) as error:
        verify_pdf(pledge_with_fields(), [b"no certificate"])
    assert "är inget certifikat (PEM eller DER)" in error_text(error)


def test_a_pdf_without_signatures_is_a_clear_error() -> None:
    with pytest.raises(DataError) as error:
        verify_pdf(pledge_with_fields())
    assert "har inga underskrifter; skriv under den med make-report sign" in error_text(error)


def test_signing_keeps_the_catalog_and_the_pdfa_markers(pki: Pki) -> None:
    """An XMP stream claiming PDF/A-2 stays, and every catalog entry with it."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.metadata.xmp_xml import MetadataStream
    from pyhanko.pdf_utils.reader import PdfFileReader

    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
        b"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"
        b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pledge_with_fields()))
    writer.root["/Metadata"] = writer.add_object(MetadataStream(stream_data=xmp))
    writer.root["/MarkInfo"] = generic.DictionaryObject(
        {generic.NameObject("/Marked"): generic.BooleanObject(True)}
    )
    writer.update_root()
    output = io.BytesIO()
    writer.write(output)
    before = output.getvalue()
    assert b"pdfaid:part" in PdfFileReader(io.BytesIO(before)).root["/Metadata"].get_object().data

    after = sign_pdf(before, pki.p12[POLICE], PASSWORD).pdf
    root = PdfFileReader(io.BytesIO(after)).root
    assert set(PdfFileReader(io.BytesIO(before)).root) <= set(root)
    metadata = root["/Metadata"].get_object().data
    assert re.search(rb"pdfaid:part[^0-9]{1,3}2", metadata), metadata
    assert re.search(rb"pdfaid:conformance[^A-Z]{1,3}A", metadata)
    assert root["/MarkInfo"]["/Marked"]


def test_sign_file_writes_next_to_the_input_and_refuses_an_existing_output(
    pki: Pki, tmp_path: Path
) -> None:
    pdf, cert = tmp_path / "lofte.pdf", tmp_path / "polis.p12"
    pdf.write_bytes(pledge_with_fields())
    cert.write_bytes(pki.p12[POLICE])
    written = sign_file(pdf, cert, PASSWORD)
    assert written.path == tmp_path / "lofte-signerad.pdf"
    assert pdf.read_bytes() == pledge_with_fields()  # the input is left as it was
    assert written.path.read_bytes().startswith(pdf.read_bytes())
    with pytest.raises(DataError) as error:
        sign_file(pdf, cert, PASSWORD)
    assert "lofte-signerad.pdf: finns redan och skrivs inte över" in error_text(error)
    in_place = sign_file(written.path, cert, PASSWORD, out=written.path)  # intended: appended
    assert in_place.signed.field == "signatory-2"
    assert len(verify_file(written.path)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "lofte-signerad.pdf",
        "lofte.pdf",
        "polis.p12",
    ]


def test_sign_file_names_missing_files(pki: Pki, tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        sign_file(tmp_path / "saknas.pdf", tmp_path / "saknas.p12", PASSWORD)
    assert "saknas.pdf: finns inte; kontrollera namnet på PDF-filen" in error_text(error)


def test_a_folder_that_cannot_be_written_is_a_data_error(pki: Pki, tmp_path: Path) -> None:
    pdf, cert = tmp_path / "lofte.pdf", tmp_path / "polis.p12"
    pdf.write_bytes(pledge_with_fields())
    cert.write_bytes(pki.p12[POLICE])
    blocker = tmp_path / "fil"
    blocker.write_text("not a folder")
    with pytest.raises(DataError) as error:
        sign_file(pdf, cert, PASSWORD, out=blocker / "lofte.pdf")
    assert "kan inte skrivas" in error_text(error)


def test_a_report_reads_in_both_languages() -> None:
    report = SignatureReport("signatory-1", POLICE, None, True, "whole", True)
    assert describe_signature(report) == [
        "Underskrift i fältet signatory-1: giltig",
        f"  Undertecknare: {POLICE}",
        "  Tid (enligt undertecknarens dator): okänd",
        "  Oförändrad: ja",
        "  Täcker: hela dokumentet",
        "  Betrodd undertecknare: ja",
    ]
    assert describe_signature(report, "en")[0] == "Signature in the field signatory-1: valid"
    assert describe_signature(report, "en")[4] == "  Covers: the whole document"


def test_making_a_pledge_does_not_load_the_signing_libraries(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from lofte_reports.cli import main\n"
        f"assert main(['pledge', {str(SAMPLE)!r}, '--format', 'pdf', '--out', {str(tmp_path)!r}]) == 0\n"
        "import lofte_reports.api\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyhanko', 'pyhanko_certvalidator', 'asn1crypto', 'cryptography'))\n"
        "print('loaded:', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout.splitlines()
    assert list(tmp_path.glob("*.pdf"))


def interface_messages() -> set[str]:
    """Return every text sign and verify pass through the interface catalog."""
    found = set()
    for module in (ROOT / "src/lofte_reports/cli.py", Path(signing.__file__)):
        for _line, message, _comments, _context in extract_from_file("python", str(module)):
            found.add(message if isinstance(message, str) else message[0])
    return found


def test_the_interface_catalog_translates_every_text_and_nothing_else() -> None:
    with catalog_path("en", signing.INTERFACE_DOMAIN).open("rb") as file:
        catalog = read_po(file)
    entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    wanted = interface_messages()
    assert (
        "fel lösenord för certifikatet; försök igen (lösenordet kan också ges i LOFTE_CERT_PASSWORD)"
        in wanted
    )
    assert sorted(wanted - set(entries)) == [], "add these to interface.po"
    assert sorted(set(entries) - wanted) == [], "no code uses these any more"
    holes = re.compile(r"\{\w+\}")
    for key, message in entries.items():
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or ())
        )
        assert all(strings) and not message.fuzzy, key
        forms = [message.id] if isinstance(message.id, str) else list(message.id)
        given = {hole for form in forms for hole in holes.findall(form)}
        for string in strings:
            assert set(holes.findall(string)) <= given, key
        assert set(holes.findall(forms[-1])) <= set(holes.findall(strings[-1])), key


def test_a_signed_pledge_stays_accessible(signed_twice: bytes, tmp_path: Path) -> None:
    from outloud import check

    file = tmp_path / "signerad.pdf"
    file.write_bytes(signed_twice)
    result = check(str(file))
    findings = [(f.rule_id, f.message) for f in result.findings if f.severity != "info"]
    assert (result.errors, result.warnings, findings) == (0, 0, [])


def test_the_signed_copy_keeps_the_language_code_last() -> None:
    from lofte_reports.app.signing import default_output

    folder = Path("ut")
    assert default_output(folder / "lofte.pdf") == folder / "lofte-signerad.pdf"
    assert default_output(folder / "lofte.en.pdf") == folder / "lofte-signerad.en.pdf"
    assert default_output(folder / "rapport.v2.pdf") == folder / "rapport.v2-signerad.pdf"
