"""Facts a name or a post implies (extract.implied), read straight off the real pipeline's parse."""

from __future__ import annotations

import pytest

from extract.entities import build_entities
from extract.implied import name_home_candidates, state_post_candidates

pytestmark = pytest.mark.slow


def _facts(nlp, text, read):
    doc = nlp(text)
    index = build_entities(doc)
    found = read(doc, index)
    names = {e.id: e.name for e in index.entities}  # after reading: a place may have been added
    return {(names[c.subject], c.predicate, names[c.object], c.rule) for c in found}, index


def test_implied_a_home_in_a_name_is_added_as_a_place_when_the_article_lacks_it(nlp):
    facts, index = _facts(nlp, "The Bank of England and Air China grew. China said so.", name_home_candidates)
    assert ("Bank of England", "basedIn", "England", "name-states-home") in facts
    assert ("Air China", "basedIn", "China", "name-states-home") in facts
    (england,) = [e for e in index.entities if e.name == "England"]
    assert england.type == "Place" and index.by_id[england.id] is england
    # The new place is nobody's token: the token map still sends "England" to the bank.
    assert england.id not in index.token_entity.values()


def test_implied_a_state_post_goes_to_the_articles_country_unless_already_placed(nlp):
    text = "Britain grew, the UK said. Chancellor Gordon Brown agreed with Microsoft president Brad Smith."
    facts, _ = _facts(nlp, text, lambda doc, index: state_post_candidates(doc, index, []))
    assert facts == {("Gordon Brown", "worksFor", "United Kingdom", "state-post")}
    doc = nlp(text)
    index = build_entities(doc)
    (brown,) = [e.id for e in index.entities if e.name == "Gordon Brown"]
    (uk,) = [e.id for e in index.entities if e.name == "United Kingdom"]
    placed = [c for c in state_post_candidates(doc, index, []) if c.subject == brown]
    assert state_post_candidates(doc, index, placed) == []  # a person already placed gets nothing more
    assert placed[0].object == uk and placed[0].title == "chancellor"


def test_implied_the_added_place_points_at_the_name_that_holds_it(nlp):
    text = "The Bank raised rates on Monday. On Tuesday the Bank of England said more."
    _, index = _facts(nlp, text, name_home_candidates)
    (england,) = [e for e in index.entities if e.name == "England"]
    (mention,) = england.mentions
    assert text[mention.start : mention.end] == "England"
