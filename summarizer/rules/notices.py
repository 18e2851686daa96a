"""The issuing body of a notice, plan or circular: the issuer of its instructions.

A government document with no speaker (XX市人民政府办公室关于…的通知, an 实施方案 it
hands down) gives its instructions in the name of the body that issues it, not of the
bodies it tells to act (各县(市、区)要…). That body is named at the head of the title
(保山市人民政府办公室关于…的通知) or signs the document on a line of its own above the
date or the publication note.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer.rules._tables import CJK, alternation, words

_MAX_BODY = 30


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The title pattern (ORG关于…的通知) and the signature-line pattern."""
    endings = alternation(words("directive_cues", "issuer_endings"))
    kinds = alternation(words("directive_cues", "notice_kinds"))
    body = f"[{CJK}]{{1,{_MAX_BODY}}}?(?:{endings})"
    title = re.compile(f"^({body})关于[^\\n]{{2,120}}?的(?:{kinds})", re.MULTILINE)
    signature = re.compile(f"^({body})$", re.MULTILINE)
    return title, signature


def issuing_body(text: str) -> str | None:
    """The body that issues the document in `text`, or None when it is no such document."""
    title, signature = _patterns()
    head = title.search(text)
    if head is None:
        return None
    signed = [m.group(1) for m in signature.finditer(text, head.end())]
    return signed[0] if signed else head.group(1)
