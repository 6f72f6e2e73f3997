"""A throwaway certificate authority, signers' .p12 files, and the sample pledge as a PDF to sign."""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from lofte_reports.api import open_folder, render_pledge
from tests.conftest import ROOT

PASSWORD = "rätt lösenord"
SIGNERS = ("Anna Polischef", "Bertil Kommunstyrelse")
SAMPLE_FOLDER = ROOT / "samples" / "landskrona-2018"


@dataclass(frozen=True)
class Pki:
    """A root certificate (PEM) and one PKCS#12 file (bytes) per signer, all with PASSWORD."""

    root_pem: bytes
    p12: dict[str, bytes]

    def write(self, folder: Path) -> tuple[Path, dict[str, Path]]:
        """Write the root as ca.pem and each signer as <first name>.p12; return the paths."""
        root = folder / "ca.pem"
        root.write_bytes(self.root_pem)
        files = {}
        for name, data in self.p12.items():
            files[name] = folder / f"{name.split()[0].lower()}.p12"
            files[name].write_bytes(data)
        return root, files


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Testkommunen"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
        ]
    )


def _usage(*, signer: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signer,
        content_commitment=signer,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not signer,
        crl_sign=not signer,
        encipher_only=False,
        decipher_only=False,
    )


def make_pki(ca_name: str = "Testkommunens rot-CA", signers: tuple[str, ...] = SIGNERS) -> Pki:
    """Return a new CA and a certificate with its key for each signer."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name(ca_name))
        .issuer_name(_name(ca_name))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(signer=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    p12 = {}
    for signer in signers:
        key = ec.generate_private_key(ec.SECP256R1())
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(signer))
            .issuer_name(ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=90))
            .add_extension(_usage(signer=True), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        p12[signer] = pkcs12.serialize_key_and_certificates(
            signer.encode(),
            key,
            certificate,
            [ca],
            serialization.BestAvailableEncryption(PASSWORD.encode()),
        )
    return Pki(ca.public_bytes(serialization.Encoding.PEM), p12)


def signature_fields(pdf: bytes) -> list[tuple[str, bool]]:
    """Return the signature fields of a PDF: name, and whether it is signed."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    reader = PdfFileReader(io.BytesIO(pdf))
    return [(name, value is not None) for name, value, _ in fields.enumerate_sig_fields(reader)]


@functools.cache
def unsigned_pledge() -> bytes:
    """Return the Landskrona pledge as our PDF writer makes it."""
    folder = open_folder(SAMPLE_FOLDER)
    return render_pledge(folder.pledge, "pdf", folder.templates)


@functools.cache
def pledge_with_fields() -> bytes:
    """Return the pledge PDF with its empty fields signatory-1 and signatory-2.

    The PDF writer is to add one field per signatory; until it does, they are added here
    (an incremental update, as a PDF editor would).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    pdf = unsigned_pledge()
    present = {name for name, _ in signature_fields(pdf)}
    wanted = [f"signatory-{n}" for n in (1, 2) if f"signatory-{n}" not in present]
    if not wanted:
        return pdf
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for name in wanted:
        fields.append_signature_field(writer, fields.SigFieldSpec(name, on_page=-1))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
