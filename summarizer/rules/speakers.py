"""Speakers of a document: people whose words or official act the text states.

Mentions come from speakers_mentions; here they are grouped into people. A name seen
with two titles neither of which contains the other is two people; a bare name
(张红军表示) belongs to the latest titled person of that name in the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.document import Article, PreparedDocument
from summarizer.models import Speaker
from summarizer.rules.interviews import with_interview
from summarizer.rules.speakers_mentions import Mention, find_mentions
from summarizer.rules.speeches import with_byline


@dataclass
class _Person:
    name: str
    titles: list[tuple[int, Mention]] = field(default_factory=list)  # (article index, mention)
    first_act: tuple[int, Mention] | None = None  # (article index, speaking mention)

    def accepts(self, title: str) -> bool:
        return all(title in t or t in title for t in self.title_texts())

    def title_texts(self) -> list[str]:
        return [mention.title or "" for _, mention in self.titles]

    def fullest_title(self) -> tuple[int, Mention] | None:
        if not self.titles:
            return None
        return max(self.titles, key=lambda entry: len(entry[1].title or ""))


@dataclass
class SpeakerIndex:
    """People found so far in a document, and the mentions of each article."""

    people: list[_Person] = field(default_factory=list)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)

    def add_article(self, article: Article) -> list[Mention]:
        """Find and register the mentions of one article; return them in reading order."""
        article = article.view
        found = with_byline(article.text, with_interview(article.text, find_mentions(article.text)))
        self.mentions[article.index] = found
        latest: dict[str, _Person] = {}
        for mention in found:
            person = self._person_for(article.index, mention, latest)
            latest[mention.name] = person
            if mention.speaks and person.first_act is None:
                person.first_act = (article.index, mention)
        return found

    def _person_for(
        self, article: int, mention: Mention, latest: dict[str, _Person]
    ) -> _Person:
        if mention.title is None:
            return latest.get(mention.name) or self._new_or_untitled(mention.name)
        for person in self.people:
            if person.name == mention.name and person.accepts(mention.title):
                person.titles.append((article, mention))
                return person
        person = _Person(mention.name, [(article, mention)])
        self.people.append(person)
        return person

    def _new_or_untitled(self, name: str) -> _Person:
        for person in reversed(self.people):
            if person.name == name:
                return person
        person = _Person(name)
        self.people.append(person)
        return person

    def speakers(self, document: PreparedDocument) -> list[Speaker]:
        """One Speaker per person who speaks, in order of first speech."""
        acting = [p for p in self.people if p.first_act is not None]
        acting.sort(key=lambda p: (p.first_act[0], p.first_act[1].start) if p.first_act else (0, 0))
        return [_speaker(document, p) for p in acting]


def _speaker(document: PreparedDocument, person: _Person) -> Speaker:
    """The person in the page's own words: name and title cut from the original."""
    assert person.first_act is not None
    article_index, mention = person.first_act
    article = document.articles[article_index].view
    end = mention.act_end if mention.act_end is not None else mention.name_end
    return Speaker(
        name=document.verbatim(article, mention.name_start, mention.name_end),
        title=_title(document, person),
        article=article.index,
        evidence=document.evidence(article, mention.start, end),
    )


def _title(document: PreparedDocument, person: _Person) -> str | None:
    fullest = person.fullest_title()
    if fullest is None:
        return None
    article_index, mention = fullest
    return document.verbatim(document.articles[article_index].view, *mention.title_span)
