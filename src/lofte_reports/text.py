"""What text from data may hold, checked in one place for every output format.

python-docx refuses control characters and reportlab passes them into the PDF, so
they are refused when data is validated, with a message that names the character.
Everything else is kept exactly, only normalised to NFC so that "å" typed as
a + ring is the same letter as "å" typed at once (PDF text extraction needs that).
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, surrogates, noncharacters.
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def describe_character(char: str) -> str:
    """Return a character as a reader can identify it: U+000B and its Unicode name."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    return f"{code} {name}".strip() if name else code


def clean_text(text: str) -> str:
    """Return `text` in NFC, or raise ValueError naming the first character that cannot be stored."""
    text = text.replace("\r\n", "\n")
    found = _UNSTORABLE.search(text)
    if found:
        char = found.group()
        raise ValueError(
            f"tecknet {describe_character(char)} på plats {found.start() + 1} kan inte "
            "lagras i ett dokument; ta bort det"
        )
    return unicodedata.normalize("NFC", text)
