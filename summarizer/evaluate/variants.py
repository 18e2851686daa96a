"""The same page in another form: metamorphic variants for the invariance suite.

Each variant changes only how a page is written — script, width, line layout,
line ends, punctuation width — never what it says, so a brief of the variant
must score as the brief of the page did. Labels stay as they are: the scorer
folds both sides (LABELING.md, Scoring).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import Protocol

from summarizer.models import Fixture


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _s2t() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("s2t")
    return converter


def traditional(text: str, seed: int = 0) -> str:
    """The page in traditional script (OpenCC s2t), as mainland pages served in 繁體 are."""
    del seed
    return _s2t().convert(text)


def full_width(text: str, seed: int = 0) -> str:
    """Every ASCII letter, digit and mark as its full-width form (１２．５％)."""
    del seed
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def hard_wrapped(text: str, seed: int = 0) -> str:
    """A line break every 30-45 characters inside each line, as PDF or OCR text has."""
    width = random.Random(seed).randint(30, 45)
    return "\n".join(_wrap(line, width) for line in text.split("\n"))


def _wrap(line: str, width: int) -> str:
    return "\n".join(line[i : i + width] for i in range(0, len(line), width)) or line


def crlf(text: str, seed: int = 0) -> str:
    """Windows line ends."""
    del seed
    return text.replace("\n", "\r\n")


_HALF_PUNCTUATION = str.maketrans("，。；：？！（）“”", ",.;:?!()\"\"")


def half_width_punctuation(text: str, seed: int = 0) -> str:
    """Chinese punctuation typed as ASCII (, . ; : ? ! ( ) ")."""
    del seed
    return text.translate(_HALF_PUNCTUATION)


Variant = Callable[[str, int], str]

VARIANTS: dict[str, Variant] = {
    "traditional": traditional,
    "full_width": full_width,
    "hard_wrapped": hard_wrapped,
    "crlf": crlf,
    "half_width_punctuation": half_width_punctuation,
}


def variant_fixture(fixture: Fixture, name: str) -> Fixture:
    """The fixture with its text rewritten by the named variant; labels unchanged."""
    seed = int.from_bytes(fixture.id.encode("utf-8")[-4:], "big")
    text = VARIANTS[name](fixture.text, seed)
    return fixture.model_copy(update={"text": text, "source": None})


