import pytest

from extract.dates import resolve_date


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Tuesday", False, "2017-01-10"),  # the article's own day
        ("on Monday", False, "2017-01-09"),
        ("last Friday", False, "2017-01-06"),
        ("on Friday", True, "2017-01-13"),  # planned: the coming Friday
        ("yesterday", False, "2017-01-09"),
        ("12 March 2004", False, "2004-03-12"),
        ("March 12", False, "2017-03-12"),
    ],
)
def test_dates_resolve_against_the_article_date(text, future, expected):
    assert resolve_date(text, "2017-01-10", future=future)[0] == expected


def test_dates_vague_times_keep_their_text_with_the_resolved_year():
    assert resolve_date("last year", "2017-01-10") == (None, "last year (2016)")
    assert resolve_date("in 1986", "2017-01-10") == (None, "in 1986")
    assert resolve_date("on Monday", None) == (None, "on Monday")
