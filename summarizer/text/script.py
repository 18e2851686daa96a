"""Whether the extractor can read a page: its script, and characters that are no text.

The extractor reads Chinese (simplified or traditional). A page mostly in another script
(English, Korean, Cyrillic…), or one full of replacement marks and mojibake (a page
decoded with the wrong encoding), yields a brief that is empty or thin for that reason;
the prepare stage records the warning this module words, so it is never silent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_MIN_LETTERS = 20  # too short a text to judge
_MIN_CHINESE_SHARE = 0.5  # below this share of letters in Han characters: mostly not Chinese
_MAX_UNREADABLE_SHARE = 0.1  # above this share of unreadable characters: broken text
_SAMPLE = 20_000  # characters looked at; a page's script shows early
# Replacement marks, private use, C0/C1 controls, and Latin-1/Latin Extended letters (UTF-8
# bytes read as Latin-1 turn into these).
_UNREADABLE = re.compile("[\ufffd\ue000-\uf8ff\u00c0-\u024f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLANK = re.compile(r"\s")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN = re.compile("[A-Za-z\uff21-\uff3a\uff41-\uff5a]")
# Letters of other scripts: beyond ASCII, CJK punctuation, Han and the full-width forms.
_OTHER = re.compile(
    "[^\x00-\x7f\u2000-\u206f\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f" r"\s]"
)


def script_warning(text: str) -> str | None:
    """A warning when the text is not Chinese the extractor can read, else None."""
    sample = text[:_SAMPLE]
    unreadable = len(_UNREADABLE.findall(sample))
    visible = len(sample) - len(_BLANK.findall(sample))
    if visible and unreadable / visible > _MAX_UNREADABLE_SHARE:
        return (
            f"unreadable text: {unreadable} of {visible} characters are replacement marks, "
            "private-use or mojibake (wrong encoding?); the brief may miss items"
        )
    chinese = len(_HAN.findall(sample))
    others = len(_LATIN.findall(sample)) + len(_OTHER.findall(sample))
    if chinese + others < _MIN_LETTERS or chinese >= _MIN_CHINESE_SHARE * (chinese + others):
        return None  # the common case, decided by three scans of the text
    scripts = Counter(_script(char) for char in sample if char.isalpha())
    letters = sum(scripts.values())
    if letters < _MIN_LETTERS or scripts.get("CJK", 0) >= _MIN_CHINESE_SHARE * letters:
        return None
    main = max(scripts, key=lambda name: scripts[name])
    return (
        f"mostly not Chinese: {scripts.get('CJK', 0) / letters:.0%} of the letters are Chinese "
        f"characters, the most are {main}; the extractor reads Chinese only, so the brief may "
        "be empty or thin"
    )


def _script(char: str) -> str:
    """The script of a letter: CJK for Han characters, else the first word of its name."""
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "CJK"
    if 0x20000 <= code <= 0x3134F:
        return "CJK"
    if code < 0x80 or 0xFF21 <= code <= 0xFF5A:
        return "LATIN"
    name = unicodedata.name(char, "UNKNOWN")
    return name.split()[0]
