import pytest

from extract.amounts import parse_amount


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("$11bn", None, (11e9, "USD")),
        ("£5.7bn", None, (5.7e9, "GBP")),
        ("1bn euros", None, (1e9, "EUR")),
        ("US$150 billion", None, (150e9, "USD")),
        ("HK$2.5 million", None, (2.5e6, "HKD")),
        ("300 million yuan", None, (300e6, "CNY")),
        ("1 million", "job", (1e6, "job")),
        ("120,000", "barrel", (120000.0, "barrel")),
    ],
)
def test_amounts_are_normalised_to_value_and_unit(text, noun, expected):
    assert parse_amount(text, noun) == expected


def test_amounts_without_a_number_or_unit_are_none():
    assert parse_amount("several", "job") is None
    assert parse_amount("40", None) is None
