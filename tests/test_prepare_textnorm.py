"""The folded matching view: same length as the text, width-folded and simplified."""

from __future__ import annotations

import pytest

from summarizer.text.fold import fold, fold_char


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＧＤＰ增长７．５％，（同比）：", "GDP增长7.5%,(同比):"),
        ("關鍵詞：責任編輯　發展後勁", "关键词:责任编辑 发展后劲"),
        ("本報訊(記者 張三)", "本报讯(记者 张三)"),
        ("已经是简体,不变。", "已经是简体,不变。"),
    ],
)
def test_fold_widths_and_traditional_characters(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["…", "㈠①", "ﬁ", "㎡", "……“”", "\r\n\t", ""])
def test_fold_never_changes_the_length(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_characters_whose_folding_is_longer_are_kept() -> None:
    assert fold_char("…") == "…"  # NFKC would make it "..."
    assert fold_char("㈠") == "㈠"  # NFKC would make it "(一)"
    assert fold_char("①") == "1"  # one character: folded


def test_fold_keeps_indices_aligned_on_a_long_mixed_text() -> None:
    text = "本報訊（記者）５月７日…会议强调，要切实把思想統一到決策部署上來。" * 50
    folded = fold(text)
    assert len(folded) == len(text)
    start = folded.index("统一")
    assert text[start : start + 2] == "統一"


# ---- the folded view the rules read ---------------------------------------------------

from summarizer.text.fold import fold_page, fold_view, restorer  # noqa: E402


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("主　　持：袁  明（区委副书记、区长）", "主持:袁明(区委副书记、区长)"),
        ("出　　席：王秋实　陆  峰　顾晓岚", "出席:王秋实 陆峰 顾晓岚"),
        ("市长李 强带队，总投资 38.6亿元，增长 12.3 %", "市长李强带队,总投资38.6亿元,增长12.3%"),
        ("推動經濟發(fā)展,,增長14..3%", "推动经济发展,增长14.3%"),
        ("工作.截至6月11日,增长8%.下一步", "工作。截至6月11日,增长8%。下一步"),
        ('他说"双招双引"是「一号工程」', "他说“双招双引”是“一号工程”"),
        ("合作&nbsp;项目&gt;", "合作项目>"),
        ("1　云南滇穗公司项目　隆阳区　48.6　12.0", "1 云南滇穗公司项目 隆阳区 48.6 12.0"),
        ("2024-05-17 09:32", "2024-05-17 09:32"),
    ],
)
def test_the_view_absorbs_page_debris(text: str, view: str) -> None:
    assert fold_view(text).text == view


def test_every_view_character_maps_back_to_its_source() -> None:
    text = "袁  明要求，推動發(fā)展 ,, 增長 １２．５％&nbsp;。"
    view = fold_view(text)
    assert len(view.index) == len(view.text)
    assert list(view.index) == sorted(view.index)
    for char, at in zip(view.text, view.index, strict=True):
        assert char in (fold(text[at]), "。", " ", "“", "”") or text[at] == "&"


def test_fold_page_keeps_the_length_and_reads_a_full_stop() -> None:
    text = '满怀.2月20日,"好".'
    assert fold_page(text) == "满怀。2月20日,“好”。"
    assert len(fold_page(text)) == len(text)


def test_restorer_writes_composed_text_in_the_pages_characters() -> None:
    restore = restorer("總投資１２．５億元，會議強調")
    assert restore("总投资12.5亿元会议") == "總投資12.5億元會議"
    assert restorer("总投资12.5亿元")("会议") == "会议"
