"""Text rules shared by the reader: name folding, cell rendering, legacy-font detection.

The heavy per-cell work (NFC, white space) is done in DuckDB by ``queries/macros``; this module
holds only what must run in Python before the data reaches the database: matching header labels
and sheet names, turning spreadsheet cells into text, and spotting TCVN3/VNI text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]")

# Characters that TCVN3 (ABC) and VNI put where Unicode Vietnamese has its letters ("TËp thÓ",
# "§¹t", "Nguyeãn"). None is a Vietnamese letter in Unicode; one standing against a letter means
# the text was typed in a legacy font.
LEGACY_FONT_CHARS = "µ¶¸¹¨©ª¬®§¡¢£¤¥¦ËÖÄÅÆÇÏÑØÛÜÞßäåæçëïñöøûüþÿ"
# VNI writes a toned vowel as the plain vowel followed by a mark character, and several marks
# are Vietnamese letters themselves (ễ = "eã", ú = "uù", ô = "oâ", ậ = "aä", ơ = "ô", ớ = "ôù").
# After each vowel, the marks no Vietnamese syllable puts there: no vowel follows "a" or "e" in
# Vietnamese, while "hoá", "hoà", "hoãn", "quân", "quá", "thuê" are real and stay unflagged.
VNI_MARKS_AFTER = {
    "aA": "ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË",
    "eE": "ùøûõïâáàåãäÙØÛÕÏÂÁÀÅÃÄ",
    "oO": "ùøûõïâåäÙØÛÕÏÂÅÄ",
    "uUyYôÔ": "ùøûõïÙØÛÕÏ",
}
# The one rule, in Python (``is_legacy_font``) and in SQL (queries/checks/legacy_font.sql gets
# it as $pattern): RE2 and Python's re read it alike.
LEGACY_FONT_PATTERN = "|".join(
    [f"[A-Za-z][{LEGACY_FONT_CHARS}]", f"[{LEGACY_FONT_CHARS}][A-Za-z]"]
    + [f"[{vowels}][{marks}]" for vowels, marks in VNI_MARKS_AFTER.items()])
_LEGACY = re.compile(LEGACY_FONT_PATTERN)


def fold(text: object) -> str:
    """The matching key of a name: lower case, no diacritics (đ = d), letters and digits only."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).lower().replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return _NOT_ALNUM.sub("", s)


def cell_text(value: object) -> str | None:
    """A spreadsheet cell as the text the loader stages; dates as ISO, whole numbers without .0."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.timedelta | dt.time):
        return str(value)
    return str(value)


def is_legacy_font(text: str | None) -> bool:
    """True when ``text`` carries a TCVN3/VNI letter next to a plain letter."""
    return bool(text) and _LEGACY.search(text) is not None


# Characters no code may hold: C0/C1 controls other than white space (which clean_text folds),
# the bidi marks, embeddings, overrides and isolates (U+202E shows "TQCH" as "HCQT"), and emoji.
_UNPLAIN_RANGES = (
    (0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x9F), (0x061C, 0x061C), (0x200E, 0x200F),
    (0x202A, 0x202E), (0x2066, 0x2069), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F),
    (0x1F000, 0x1FAFF), (0xE0000, 0xE007F),
)


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    def one(code: int) -> str:
        return f"\\x{code:02x}" if code < 0xA0 else chr(code)
    return "[" + "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in ranges) + "]"


# One pattern for Python's re and for RE2 (pyarrow, DuckDB): both read \xHH and literal letters.
UNPLAIN_PATTERN = _char_class(_UNPLAIN_RANGES)
_UNPLAIN = re.compile(UNPLAIN_PATTERN)
# Excel's own limit on the text of one cell.
MAX_CELL_CHARS = 32_767


def visible(text: str | None) -> str | None:
    """``text`` with every control, bidi and emoji character written as ``U+202E``, so a message
    shows what the cell really holds and cannot be turned around by it."""
    if not text:
        return text
    return _UNPLAIN.sub(lambda m: f"U+{ord(m.group()):04X}", text)
