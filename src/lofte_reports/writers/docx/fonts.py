"""The document's font inside the DOCX, so every reader sees the letters the PDF shows.

Word names fonts and shows a substitute where one is not installed; DejaVu Sans is on few
Windows machines. ECMA-376 lets a document carry its fonts (Part 1, 17.8.1): each face an
"obfuscated" part (the first 32 bytes XORed with a key), named in the font table by
`w:embedRegular` and its kin with that key. Word and LibreOffice show them. The faces go
in whole, not subset: the document stays editable in its own font, with every character,
and nothing needs a font library. The key comes from a hash of the face, so the same
document gives the same bytes on every run.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from lofte_reports.doctree.nodes import FontFamily
from lofte_reports.fonts.coverage import SHIPPED_FACES, shipped_face
from lofte_reports.writers.docx import oxml

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FACES = ("regular", "bold", "italic", "bold_italic")
_EMBED_TAGS = {
    "regular": "w:embedRegular",
    "bold": "w:embedBold",
    "italic": "w:embedItalic",
    "bold_italic": "w:embedBoldItalic",
}
_OBFUSCATED_LENGTH = 32


def font_key(face: bytes) -> str:
    """Return the face's key, a GUID in Word's form, derived from the face's bytes."""
    digest = hashlib.sha256(face).hexdigest()[:32].upper()
    return f"{{{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:]}}}"


@functools.lru_cache(maxsize=16)
def _obfuscated(face: bytes) -> tuple[str, bytes]:
    """Return the face's key and obfuscated bytes; each face is worked on once per process."""
    key = font_key(face)
    return key, obfuscate(face, key)


@functools.cache
def shipped_faces() -> dict[str, bytes]:
    """Return the shipped family's faces by name (see `FACES`)."""
    return {name: shipped_face(file) for name, file in zip(FACES, SHIPPED_FACES, strict=True)}


def family_faces(font: FontFamily) -> dict[str, bytes]:
    """Return a theme family's faces by name, leaving out those it lacks."""
    faces = {
        "regular": font.regular,
        "bold": font.bold,
        "italic": font.italic,
        "bold_italic": font.bold_italic,
    }
    return {name: face for name, face in faces.items() if face is not None}


def obfuscate(face: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the key's 16 bytes in reverse order (and back again)."""
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ secret[i % len(secret)] for i, byte in enumerate(face[:_OBFUSCATED_LENGTH]))
    return head + face[_OBFUSCATED_LENGTH:]


def embed_family(word: DocxDocument, name: str, faces: Mapping[str, bytes]) -> None:
    """Carry the family `name` in the document: each face given in `faces` (see `FACES`)."""
    font_table = word.part.part_related_by(RT.FONT_TABLE)
    package = font_table.package
    assert package is not None, "a document being written has a package"
    root = etree.fromstring(font_table.blob)
    for old in root.findall(qn("w:font")):
        if old.get(qn("w:name")) == name:
            root.remove(old)
    font = etree.SubElement(root, qn("w:font"))
    font.set(qn("w:name"), name)
    for face_name in FACES:
        face = faces.get(face_name)
        if face is None:
            continue
        key, data = _obfuscated(face)
        partname = package.next_partname("/word/fonts/font%d.odttf")
        part = Part(partname, OBFUSCATED_FONT, data, package)
        embed = etree.SubElement(font, qn(_EMBED_TAGS[face_name]))
        embed.set(qn("r:id"), font_table.relate_to(part, RT.FONT))
        embed.set(qn("w:fontKey"), key)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    oxml.set_embed_fonts(word)
