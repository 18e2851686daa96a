"""Cue tables of the offline extractor (rules/data/*.toml) and the surname patterns.

Loading, alternations and word sets are summarizer.text.tables', shared with prepare.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from summarizer.text.marks import CJK
from summarizer.text.tables import WordSet, alternation, load_table

__all__ = ["CJK", "WordSet", "alternation", "surname_heads", "surname_pattern", "table", "words"]


def table(name: str) -> dict[str, Any]:
    """The parsed TOML table rules/data/<name>.toml."""
    return load_table(__package__ or "summarizer.rules", name)


def words(name: str, key: str) -> tuple[str, ...]:
    """A list of words from a table, as a tuple."""
    return tuple(str(w) for w in table(name)[key])


@cache
def surname_pattern() -> str:
    """Regex fragment matching one surname (compound surnames first)."""
    data = table("surnames")
    singles = "".join(ch for ch in str(data["single"]) if not ch.isspace())
    compounds = alternation(str(c) for c in data["compound"])
    return f"(?:{compounds}|[{singles}])"


@cache
def surname_heads() -> str:
    """Regex class of the characters a surname can begin with."""
    data = table("surnames")
    singles = {ch for ch in str(data["single"]) if not ch.isspace()}
    firsts = {str(c)[0] for c in data["compound"]}
    return "[" + "".join(re.escape(ch) for ch in sorted(singles | firsts)) + "]"
