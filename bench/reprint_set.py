"""A constructed reprint set from ../shared texts: what a reprint really looks like.

Bases are the articles the prepare stage finds in ../shared/devset/docs and ../shared/seeds.
Each base gets five reprints, built the way other sites republish a story: the same text
wrapped in other page furniture (navigation, source line, footer), under another headline,
cut short, converted to traditional script, and all of it at once. Non-reprints are every
pair of two different base articles (the same genre: county news, meeting reports, project
pages, statistics releases, interviews) and, as the hardest case, "the same template with new
figures": each base with every number changed, as next month's release of a statistics
page would be. All furniture and headline text below is written for this set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from summarizer.document import SourceDocument
from summarizer.prepare import prepare

SHARED = Path(__file__).resolve().parents[2] / "shared"
_SITES = ("县融媒体中心", "市人民政府网", "日报社数字报")
_HEADLINES = (
    "稳中求进 奋力冲刺全年目标",
    "凝心聚力抓落实 真抓实干促发展",
    "一线传真｜发展动能持续增强",
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SENTENCE_END = "。！？"


@dataclass(frozen=True)
class Pair:
    """Two document texts and whether the second is a reprint of the first."""

    kind: str
    first: str
    second: str
    reprint: bool


def base_articles() -> list[str]:
    """The article texts of the shared pages, one string per article."""
    paths = sorted((SHARED / "devset" / "docs").glob("*.txt")) + sorted(
        (SHARED / "seeds").glob("*.txt")
    )
    texts = []
    for path in paths:
        prepared = prepare(SourceDocument(id=path.stem, raw=path.read_bytes()))
        texts += [prepared.original[a.start : a.end] for a in prepared.articles]
    return [t for t in texts if len(t) >= 200]


def with_furniture(text: str, n: int) -> str:
    site = _SITES[n % len(_SITES)]
    header = f"首页 > 新闻中心 > 基层动态\n{site}\n发布时间：2024-0{n % 9 + 1}-15 来源：{site}\n"
    footer = (
        f"\n【打印本页】【关闭窗口】\n上一篇：工作动态汇编\n版权所有：{site} 备案号：00000{n}号"
    )
    return header + text + footer


def with_headline(text: str, n: int) -> str:
    first, _, rest = text.partition("\n")
    body = rest if rest and len(first) < 60 else text  # drop the old headline when it is one
    return f"{_HEADLINES[n % len(_HEADLINES)]}\n{body}"


def truncated(text: str, share: float) -> str:
    cut = int(len(text) * share)
    ends = [i for i, ch in enumerate(text[:cut]) if ch in _SENTENCE_END]
    return text[: (ends[-1] + 1) if ends else cut] + "\n（未完）"


def traditional(text: str) -> str:
    import opencc

    converted: str = opencc.OpenCC("s2t").convert(text)
    return converted


def new_figures(text: str) -> str:
    """Every number changed, as in the next release of the same template."""

    def bump(match: re.Match[str]) -> str:
        number = match[0]
        digits = [c for c in number if c.isdigit()]
        last = (int(digits[-1]) + 3) % 10
        return number[:-1] + str(last)

    return _NUMBER.sub(bump, text)


def reprints(text: str, n: int) -> list[Pair]:
    """The five reprints of one base."""
    variants = {
        "furniture": with_furniture(text, n),
        "headline": with_headline(text, n),
        "truncated": truncated(text, 0.6),
        "traditional": traditional(with_furniture(text, n + 1)),
        "all": with_furniture(truncated(with_headline(text, n + 1), 0.7), n + 2),
    }
    return [Pair(kind, text, variant, True) for kind, variant in variants.items()]


def reprint_set() -> list[Pair]:
    """All pairs: five reprints per base, every pair of two bases, and new-figures pairs."""
    bases = base_articles()
    pairs = [p for n, text in enumerate(bases) for p in reprints(text, n)]
    pairs += [Pair("other article", a, b, False) for a, b in combinations(bases, 2)]
    pairs += [Pair("new figures", t, new_figures(t), False) for t in bases]
    return pairs
