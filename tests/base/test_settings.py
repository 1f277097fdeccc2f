"""Settings from TOML (base.settings): known keys only, typed, overridden by options."""

from __future__ import annotations

import pytest

from base.errors import InputError
from base.settings import DEFAULT_EXTRACTOR, Settings, load_settings


def test_settings_defaults_without_a_file():
    assert load_settings(None) == Settings()
    assert Settings().extractor == DEFAULT_EXTRACTOR


def test_settings_read_from_toml_and_overridden_by_options(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[extract]\nbatch_size = 4\nextractor = "rules.v1"\n[build]\nmin_confidence = 0.5\n')
    settings = load_settings(path)
    assert (settings.batch_size, settings.extractor, settings.min_confidence) == (4, "rules.v1", 0.5)
    assert settings.override(batch_size=None, processes=2) == Settings(
        batch_size=4, extractor="rules.v1", min_confidence=0.5, processes=2
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[extract]\nmodle = 'x'\n", "unknown key 'modle' in \\[extract\\]"),
        ("[output]\nx = 1\n", "unknown section \\[output\\]"),
        ("[extract]\nbatch_size = 'four'\n", "batch_size has the wrong type \\(str\\)"),
        ("[extract]\nbatch_size = true\n", "batch_size has the wrong type \\(bool\\)"),
        ("[extract\n", "not valid TOML"),
    ],
)
def test_settings_bad_file_is_an_error_naming_it(tmp_path, text, message):
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as err:
        load_settings(path)
    assert str(path) in str(err.value)


def test_settings_missing_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such config file"):
        load_settings(tmp_path / "none.toml")
