"""make-report sign and verify as a signatory runs them: files, messages, exit codes."""

from __future__ import annotations

import getpass as getpass_module
from pathlib import Path

import pytest

from lofte_reports import cli
from tests.acceptance.test_cli import run
from tests.pki import PASSWORD, SIGNERS, make_pki, pledge_with_fields

POLICE, MUNICIPALITY = SIGNERS


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """The pledge PDF with its empty fields, two signers' .p12 files and their root."""
    pki = make_pki()
    root, p12 = pki.write(tmp_path)
    pdf = tmp_path / "medborgarlofte.pdf"
    pdf.write_bytes(pledge_with_fields())
    return {"pdf": pdf, "root": root, "police": p12[POLICE], "municipality": p12[MUNICIPALITY]}


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, PASSWORD)


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "internt fel" not in err, err


@pytest.mark.usefixtures("password")
def test_two_signatories_sign_one_after_the_other_and_verify_passes(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = files["pdf"]
    signed = pdf.with_name("medborgarlofte-signerad.pdf")
    code, out, err = run(["sign", str(pdf), "--cert", str(files["police"])], capsys)
    assert (code, err) == (0, "")
    assert out == f"Skrev under {pdf} i fältet signatory-1 som {POLICE}: {signed}\n"
    assert pdf.read_bytes() == pledge_with_fields()  # the input is untouched

    argv = ["sign", str(signed), "--cert", str(files["municipality"]), "--out", str(signed)]
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert "i fältet signatory-2 som Bertil Kommunstyrelse" in out

    code, out, err = run(["verify", str(signed)], capsys)
    assert (code, err) == (0, "")
    assert "Underskrift i fältet signatory-1: giltig" in out
    assert "Underskrift i fältet signatory-2: giltig" in out
    assert f"Undertecknare: {POLICE}" in out and f"Undertecknare: {MUNICIPALITY}" in out
    assert "Täcker: dokumentet som det var då; efteråt har bara underskrifter lagts till" in out
    assert "Täcker: hela dokumentet" in out
    assert out.count("Betrodd undertecknare: inte kontrollerat") == 2
    assert out.endswith(f"{signed}: alla 2 underskrifter är giltiga\n")

    code, out, err = run(["verify", str(signed), "--trust", str(files["root"])], capsys)
    assert (code, err) == (0, "")
    assert out.count("Betrodd undertecknare: ja") == 2


def test_the_password_is_asked_for_without_echo_when_no_variable_gives_it(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli.PASSWORD_VARIABLE, raising=False)
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return PASSWORD

    monkeypatch.setattr(getpass_module, "getpass", getpass)
    code, _, err = run(["sign", str(files["pdf"]), "--cert", str(files["police"])], capsys)
    assert (code, err) == (0, "")
    assert prompts == [f"Lösenord för {files['police']}: "]


def test_a_wrong_password_is_a_swedish_data_error_and_writes_nothing(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.PASSWORD_VARIABLE, "fel lösenord")
    code, out, err = run(["sign", str(files["pdf"]), "--cert", str(files["police"])], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "make-report: 1 fel hittades:\n"
        f"  {files['police']}: fel lösenord för certifikatet; försök igen (lösenordet kan "
        "också ges i LOFTE_CERT_PASSWORD)\n"
    )
    assert not files["pdf"].with_name("medborgarlofte-signerad.pdf").exists()


@pytest.mark.usefixtures("password")
def test_messages_are_in_english_with_lang_en(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["verify", str(files["pdf"]), "--lang", "en"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "make-report: 1 error found:\n"
        f"  {files['pdf']}: has no signatures; sign it with make-report sign {files['pdf']} "
        "--cert CERT.p12\n"
    )
    argv = ["sign", str(files["pdf"]), "--cert", str(files["police"]), "--lang", "en"]
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"Signed {files['pdf']} in the field signatory-1 as {POLICE}: ")
    code, out, _ = run(["verify", out.rsplit(": ", 1)[1].strip(), "--lang", "en"], capsys)
    assert code == 0 and "Covers: the whole document" in out


@pytest.mark.parametrize("command", ["sign", "verify"])
def test_help_is_swedish_or_english(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0 and "användning:" in out and "flaggor:" in out
    code, out, _ = run([command, "--lang", "en", "--help"], capsys)
    assert code == 0 and "usage:" in out and "options:" in out and "flaggor" not in out
    assert "the language of messages and help" in out


@pytest.mark.usefixtures("password")
def test_a_changed_byte_makes_verify_fail(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    run(["sign", str(files["pdf"]), "--cert", str(files["police"])], capsys)
    signed = files["pdf"].with_name("medborgarlofte-signerad.pdf")
    data = bytearray(signed.read_bytes())
    data[data.index(b"/Producer (") + len(b"/Producer (")] ^= 0x20
    signed.write_bytes(bytes(data))
    code, out, err = run(["verify", str(signed)], capsys)
    assert code == 1
    assert "Underskrift i fältet signatory-1: BRUTEN" in out
    assert "Oförändrad: nej" in out
    assert err.startswith("make-report: 1 av 1 underskrifter är bruten")
    no_traceback(err)


@pytest.mark.usefixtures("password")
def test_an_untrusted_signer_fails_only_when_roots_are_given(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(["sign", str(files["pdf"]), "--cert", str(files["police"])], capsys)
    signed = str(files["pdf"].with_name("medborgarlofte-signerad.pdf"))
    stranger = tmp_path / "annan-ca.pem"
    stranger.write_bytes(make_pki("En annan rot-CA", ()).root_pem)
    assert run(["verify", signed], capsys)[0] == 0
    code, out, err = run(["verify", signed, "--trust", str(stranger)], capsys)
    assert code == 1
    assert "Betrodd undertecknare: nej (certifikatet leder inte till något av" in out
    assert err == "make-report: 1 av 1 undertecknare är inte betrodd enligt --trust\n"


@pytest.mark.usefixtures("password")
def test_an_existing_output_is_not_overwritten(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    taken = files["pdf"].with_name("medborgarlofte-signerad.pdf")
    taken.write_bytes(b"someone else's file")
    code, _, err = run(["sign", str(files["pdf"]), "--cert", str(files["police"])], capsys)
    assert code == 1
    assert f"{taken}: finns redan och skrivs inte över" in err
    assert taken.read_bytes() == b"someone else's file"


@pytest.mark.usefixtures("password")
def test_user_errors_are_messages_not_tracebacks(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_pdf = tmp_path / "lofte.docx.pdf"
    not_pdf.write_bytes(b"PK\x03\x04")
    cases = [
        (["sign", str(not_pdf), "--cert", str(files["police"])], "är ingen PDF-fil"),
        (["sign", str(files["pdf"]), "--cert", str(files["root"])], "PKCS#12"),
        (
            ["sign", str(files["pdf"]), "--cert", str(files["police"]), "--field", "x"],
            "inget underskriftsfält som heter x; fälten som finns: signatory-1, signatory-2",
        ),
        (["sign", str(tmp_path / "saknas.pdf"), "--cert", str(files["police"])], "finns inte"),
        (["verify", str(tmp_path)], "är en mapp; ange PDF-filen"),
        (["verify", str(files["pdf"])], "har inga underskrifter"),
    ]
    for argv, expected in cases:
        code, _, err = run(argv, capsys)
        assert code == 1, argv
        assert expected in err, (argv, err)
        no_traceback(err)


@pytest.mark.usefixtures("password")
def test_a_pdf_without_fields_gets_one_and_says_so(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plain = tmp_path / "utan-falt.pdf"
    from lofte_reports.doctree.nodes import Document, Metadata, PageSetup, Paragraph
    from lofte_reports.writers import write

    page = PageSetup("Sida {page} av {pages}")
    document = Document(Metadata("Utan underskrifter", "Test"), page, (Paragraph.of("Text"),))
    plain.write_bytes(write(document, "pdf"))
    code, out, err = run(["sign", str(plain), "--cert", str(files["police"])], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(
        f"{plain} hade inget tomt underskriftsfält; ett nytt osynligt fält, signatory-1, skapades.\n"
    )
