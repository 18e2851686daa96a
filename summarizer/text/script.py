"""Whether the extractor can read a page: its script, and characters that are no text.

The extractor reads Chinese (simplified or traditional). A page mostly in another script
(English, Korean, Cyrillic…), or one full of replacement marks and mojibake (a page
decoded with the wrong encoding), yields a brief that is empty or thin for that reason;
the prepare stage records the warning this module words, so it is never silent.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

_MIN_LETTERS = 20  # too short a text to judge
_MIN_CHINESE_SHARE = 0.5  # below this share of letters in Han characters: mostly not Chinese
_MAX_UNREADABLE_SHARE = 0.1  # above this share of unreadable characters: broken text
_SAMPLE = 20_000  # characters looked at; a page's script shows early
_MOJIBAKE = range(0xC0, 0x250)  # Latin-1/Latin Extended letters: UTF-8 bytes read as Latin-1
_PRIVATE = range(0xE000, 0xF900)


def script_warning(text: str) -> str | None:
    """A warning when the text is not Chinese the extractor can read, else None."""
    sample = text[:_SAMPLE]
    unreadable = sum(_unreadable(char) for char in sample)
    visible = sum(not char.isspace() for char in sample)
    if visible and unreadable / visible > _MAX_UNREADABLE_SHARE:
        return (
            f"unreadable text: {unreadable} of {visible} characters are replacement marks, "
            "private-use or mojibake (wrong encoding?); the brief may miss items"
        )
    scripts = Counter(_script(char) for char in sample if char.isalpha())
    letters = sum(scripts.values())
    if letters < _MIN_LETTERS:
        return None
    chinese = scripts.get("CJK", 0) / letters
    if chinese >= _MIN_CHINESE_SHARE:
        return None
    main = max(scripts, key=lambda name: scripts[name])
    return (
        f"mostly not Chinese: {chinese:.0%} of the letters are Chinese characters, the most "
        f"are {main}; the extractor reads Chinese only, so the brief may be empty or thin"
    )


def _unreadable(char: str) -> bool:
    code = ord(char)
    if char == "\ufffd" or code in _PRIVATE or code in _MOJIBAKE:
        return True
    return unicodedata.category(char) == "Cc" and char not in "\n\r\t"


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
