"""Is a text English? (extract.language): function words first, the identifier second, tables
and briefs let through."""

from __future__ import annotations

import pytest

from extract.language import ENGLISH_SHARE, LANGUAGES, english_problem, english_share, language_of

FRENCH = (
    "Le gouvernement a annoncé hier une nouvelle loi sur les banques et les assurances pour les petites entreprises."
)
GERMAN = (
    "Die Regierung hat am Montag beschlossen, die Steuern für kleine und mittlere Firmen im kommenden "
    "Jahr deutlich zu senken, wie ein Sprecher in Berlin am späten Abend mitteilte."
)


def test_language_english_share_counts_function_words_among_all_words():
    assert english_share("The cat and the dog") == pytest.approx(3 / 5)
    # Figures and punctuation are not words; no words at all is a share of nothing.
    assert english_share("the 2017 results, 12.5%: the dog") == pytest.approx(2 / 4)
    assert english_share("") == 0.0
    assert english_share("12 34 56") == 0.0


def test_language_of_names_the_language_among_the_allowed_ones():
    assert language_of(FRENCH) == "fr"
    assert language_of(GERMAN) == "de"
    # Latin is not among the languages news arrives in: the answer is still one of them.
    assert language_of("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod") in LANGUAGES


def test_language_english_prose_has_no_problem():
    text = "Ma met Trump in New York, where the two talked about jobs for small firms in the Midwest."
    assert english_share(text) >= ENGLISH_SHARE
    assert english_problem(text) is None


def test_language_other_prose_is_named_with_its_share_of_english_words():
    assert english_problem(FRENCH) == "the language identifier says 'fr' (6% English function words)"
    problem = english_problem(GERMAN)
    assert problem is not None and problem.startswith("the language identifier says 'de'")


def test_language_a_short_foreign_headline_without_figures_is_not_english():
    assert english_problem("Regierung beschließt neue Steuer") == (
        "the language identifier says 'de' (0% English function words)"
    )


def test_language_tables_and_briefs_without_prose_are_let_through():
    # A results table: few words of prose, and figures in a fair share of its tokens.
    assert english_problem("Regierung beschließt neue Steuer 12 34 56 78") is None
    assert english_problem("Shr loss nil vs profit 19 cts Net loss 12,000 vs profit 1,300,000") is None
    # No lower-case prose at all (an upper-case brief, a list of names): nothing to judge,
    # whatever the identifier guesses ('de' for both).
    assert language_of("REGIERUNG BESCHLIESST NEUE STEUER") == "de"
    assert english_problem("REGIERUNG BESCHLIESST NEUE STEUER") is None
    assert english_problem("Gazprom Rosneft Lukoil Sberbank Aeroflot") is None


def test_language_few_function_words_but_the_identifier_says_english():
    text = "Shares rose sharply Monday after strong quarterly earnings beat forecasts"
    assert english_share(text) < ENGLISH_SHARE
    assert english_problem(text) is None
