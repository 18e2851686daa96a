"""Projects of the offline extractor, on synthetic sentences of the genre."""

from __future__ import annotations

from _offline_docs import one_article

from summarizer.backends.offline.projects import extract_projects, merge_projects
from summarizer.models import ProjectStatus


def projects_of(text: str) -> dict[str, ProjectStatus]:
    document = one_article(text)
    found = merge_projects(extract_projects(document, document.articles[0]))
    for project in found:
        assert project.evidence.quote == project.name
    return {p.name: p.status for p in found}


def test_items_listed_before_a_project_category_are_separate_projects() -> None:
    text = "南昌西站综合体、赣江大桥等重大基础设施项目在紧张施工。"
    assert projects_of(text) == {
        "南昌西站综合体": ProjectStatus.UNDER_CONSTRUCTION,
        "赣江大桥": ProjectStatus.UNDER_CONSTRUCTION,
    }


def test_generic_categories_and_slogan_programmes_are_not_projects() -> None:
    text = "推动“三十工程”加快建设,抓好民生项目和重点项目,实施“两新”项目。"
    assert projects_of(text) == {}


def test_status_comes_from_the_nearby_verb() -> None:
    text = (
        "谋划建设长沙临空经济产业园。签约武汉光谷生物城项目。"
        "青岛胶东机场二期项目正式开工。合肥滨湖科学城已建成。"
    )
    assert projects_of(text) == {
        "长沙临空经济产业园": ProjectStatus.PLANNED,
        "武汉光谷生物城项目": ProjectStatus.SIGNED,
        "青岛胶东机场二期项目": ProjectStatus.STARTED,
        "合肥滨湖科学城": ProjectStatus.COMPLETED,
    }


def test_organisations_with_weak_endings_need_a_construction_context() -> None:
    assert projects_of("政务服务中心、投资促进中心代表作交流发言。") == {}
    assert projects_of("加快西部国际医学中心建设。") == {
        "西部国际医学中心": ProjectStatus.UNDER_CONSTRUCTION
    }


def test_and_splits_two_named_projects_but_not_a_single_name() -> None:
    text = "加快谋划建设国际冷链物流港和现代食品产业园,推进锂和钠系列产品研发等项目建设。"
    names = set(projects_of(text))
    assert {"国际冷链物流港", "现代食品产业园", "锂和钠系列产品研发"} <= names


def test_counts_of_projects_are_not_project_names() -> None:
    assert projects_of("一季度签约引进40多个项目,现有21个项目开工建设。") == {}
