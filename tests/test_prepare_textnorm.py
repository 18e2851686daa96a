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
