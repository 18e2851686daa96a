"""Character classes every rule reads, in the folded view's forms.

The view (summarizer.text.fold.fold_view) writes full-width , ; : ! ? ( ) as half-width
and 「」 as “”, and reads a sentence's "." as 。; so these are the only forms a rule meets.
One place for them, so a rule never keeps its own copy of "what ends a sentence".
"""

from __future__ import annotations

CJK = "\u4e00-\u9fff\u3400-\u4dbf"  # a regex class body: the unified ideographs and ext. A

FULL_STOPS = "。!?"
SENTENCE_ENDS = FULL_STOPS + ";"  # a ；-segment counts as a sentence
CLAUSE_ENDS = SENTENCE_ENDS + ",:"
ENUMERATION = "、"
QUOTES = "“”‘’\"'"
OPENERS = "“‘(【[《<"
CLOSERS = "”’)】]》>"
BLANKS = " \t\r\u3000\xa0"
NEWLINE = "\n"
