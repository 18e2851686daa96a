"""Checks on the fields a model fills in that are not quotes: who issues, in what unit.

A quote is checked by finding it in the article (`summarizer.ground`); these fields are
short labels, so they are checked against what the article makes possible instead:

- an issuer is a speaker of the article, `会议` (the meeting), or a body the text names
  (a name found in the text that ends like one: 县, 局, 公司 ...);
- a unit is one the genre uses (亿元, %, 个百分点, 家 ...: a base unit, possibly after a
  multiplier, or a rate `A/B` of such units), or it stands in the item's own quote.

Anything else (an issuer the text never names, a unit with Markdown in it) is rejected
like an ungrounded quote: re-asked, then dropped and counted.
"""

from __future__ import annotations

from collections.abc import Collection

from summarizer.ground import ArticleText, fold, locate

__all__ = ["MEETING", "issuer_problem", "unit_problem"]

MEETING = "会议"
# Endings of a named body that can commit to action (惠济区将…, 市工信局将…, 鑫晟公司将…).
BODY_SUFFIXES = (
    "区", "市", "县", "旗", "省", "州", "盟", "镇", "乡", "村", "街道", "办事处", "社区",
    "管委会", "委员会", "政府", "办公室", "局", "委", "办", "厅", "部", "署", "院", "所",
    "站", "中心", "集团", "公司", "企业", "银行", "协会", "商会", "联合会", "园", "系统",
    "部门", "单位", "小组",
)  # fmt: skip
_BASE_UNITS = frozenset(
    "元 美元 欧元 港元 日元 % ‰ 个百分点 百分点 倍 位 名 户 人 人次 家 家次 个 项 条 批 次 场 件 "
    "宗 笔 份 张 篇 部 支 只 所 座 处 间 套 台 台套 辆 架 艘 列 班 株 棵 亩 公顷 平方公里 "
    "平方千米 平方米 立方米 万立方米 公里 千米 米 吨 吨公里 千瓦 千瓦时 兆瓦 瓦 标准箱 标箱 "
    "斤 公斤 千克 天 小时 年 岁 床 张床 班次 架次 航班".split()
)
_MULTIPLIERS = ("万亿", "千亿", "百亿", "千万", "百万", "亿", "万", "千", "百")


def issuer_problem(
    issuer: str, speakers: Collection[str], text: ArticleText
) -> str | None:
    """Why `issuer` cannot issue a directive in this article, or None when it can."""
    name = issuer.strip()
    if not name:
        return "issuer is empty"
    if name == MEETING or _key(name) in {_key(s) for s in speakers}:
        return None
    if locate(text, name) is not None and name.endswith(BODY_SUFFIXES):
        return None
    return (f"issuer {issuer!r} is neither a speaker of the article, {MEETING}, "
            "nor a body the article names")  # fmt: skip


def unit_problem(unit: str, quote: str) -> str | None:
    """Why `unit` is not a unit this metric can have, or None when it is."""
    written = unit.strip()
    if not written:
        return "unit is empty"
    if _known(written) or _in_quote(written, quote):
        return None
    if "/" in written and all(_known(p) or _in_quote(p, quote) for p in written.split("/")):
        return None
    return f"unit {unit!r} is not a known unit and does not occur in its quote"


def _key(name: str) -> str:
    return "".join(fold(name).split())


def _known(unit: str) -> bool:
    folded = fold(unit.strip())
    if folded in _BASE_UNITS:
        return True
    prefix = next((m for m in _MULTIPLIERS if folded.startswith(m)), "")
    return bool(prefix) and folded[len(prefix) :] in _BASE_UNITS


def _in_quote(unit: str, quote: str) -> bool:
    return bool(unit.strip()) and fold(unit.strip()) in fold(quote)
