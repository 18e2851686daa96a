"""Text folding for the scorer: the extractors' fold (width, traditional → simplified), lower-cased.

LABELING.md's Scoring folds both sides the same way before any comparison, so a
label written as the page writes it (億元, １２．５) matches output in either form.
"""

from __future__ import annotations

from summarizer.text.fold import fold as fold_width_and_script


def fold(text: str) -> str:
    """Full-width to half-width, traditional to simplified, then lower case."""
    return fold_width_and_script(text).lower()
