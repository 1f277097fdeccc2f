"""The exception hierarchy (base.errors): one root every deliberate error derives from."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from base import errors
from base.errors import DiplographError, InputError, UnusableArticle

# The library packages whose modules may define exceptions (the application too); the
# heavy optional engines are imported like any other module.
PACKAGES = ("base", "extract", "graph", "scoring", "diplograph")


def _library_exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for package in PACKAGES:
        module = importlib.import_module(package)
        names = [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules(module.__path__)]
        for name in names:
            mod = importlib.import_module(name)
            for obj in vars(mod).values():
                if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == name:
                    found[f"{name}.{obj.__name__}"] = obj
    return found


def test_errors_every_exported_error_is_a_diplograph_error():
    exported = [getattr(errors, name) for name in errors.__all__]
    assert DiplographError in exported
    for cls in exported:
        assert issubclass(cls, DiplographError), cls
    # The root itself is an ordinary Exception, so "except Exception" still sees it.
    assert issubclass(DiplographError, Exception) and not issubclass(DiplographError, (ValueError, OSError))


def test_errors_every_exception_the_library_defines_derives_from_the_root():
    found = _library_exceptions()
    assert "graph.analysis.EntityNotFound" in found  # the walk reaches the stages, not only base
    strays = sorted(name for name, cls in found.items() if not issubclass(cls, DiplographError))
    assert strays == []


def test_errors_unusable_article_is_an_input_error_with_a_kind():
    exc = UnusableArticle("a.txt: empty file", "empty")
    assert isinstance(exc, InputError)
    assert exc.kind == "empty"
    assert str(exc) == "a.txt: empty file"
    with pytest.raises(InputError, match="binary"):
        raise UnusableArticle("b.txt: binary file", "binary")


def test_errors_the_reader_names_the_kind_of_an_unusable_article(tmp_path):
    from extract.reader import read_article

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    kinds = {}
    for path in (empty, binary):
        with pytest.raises(UnusableArticle) as info:
            read_article(path)
        kinds[path.name] = info.value.kind
    assert kinds == {"empty.txt": "empty", "binary.txt": "binary"}
