import pytest

from extract.countries import country_table


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("America", "United States"),
        ("United States of America", "United States"),
        ("Britain", "United Kingdom"),
        ("UK", "United Kingdom"),
        ("mainland China", "China"),
        ("Russian Federation", "Russia"),
        ("Venezuela", "Venezuela"),
    ],
)
def test_countries_aliases_lead_to_the_country(form, country):
    assert country_table().country_of(form) == country


@pytest.mark.parametrize(
    ("demonym", "country"),
    [
        ("Chinese", "China"),
        ("American", "United States"),
        ("British", "United Kingdom"),
        ("Venezuelan", "Venezuela"),
        ("German", "Germany"),
    ],
)
def test_countries_demonyms_lead_to_the_country(demonym, country):
    assert country_table().country_of_demonym(demonym) == country


def test_countries_codes_that_are_english_words_are_not_countries():
    table = country_table()
    assert table.country_of("IN") is None
    assert table.country_of("New York") is None
    assert table.country_of_capital("Beijing") == "China"
