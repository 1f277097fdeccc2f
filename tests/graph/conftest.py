import pytest

from tests.graph.test_build import _docs


@pytest.fixture()
def small_dataset():
    from graph.build import build_dataset

    return build_dataset(_docs())
