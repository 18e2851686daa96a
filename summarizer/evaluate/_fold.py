"""Text folding for the scorer: width, traditional/simplified and case.

Uses summarizer.text.fold.fold when that module is present, so the scorer and
the extractors fold text the same way; otherwise a local equivalent.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import cast


@lru_cache(maxsize=1)
def _folder() -> Callable[[str], str]:
    try:
        textnorm = importlib.import_module("summarizer.text.fold")
        return cast(Callable[[str], str], textnorm.fold)
    except (ImportError, AttributeError):
        return _local_fold


@lru_cache(maxsize=1)
def _to_simplified() -> Callable[[str], str]:
    import opencc

    return cast(Callable[[str], str], opencc.OpenCC("t2s").convert)


def _local_fold(text: str) -> str:
    return _to_simplified()(unicodedata.normalize("NFKC", text))


def fold(text: str) -> str:
    """Full-width to half-width, traditional to simplified, then lower case."""
    return _folder()(text).lower()
