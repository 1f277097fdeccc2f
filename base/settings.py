"""Settings from a TOML file (``--config``), overridden by command-line options.

.. code-block:: toml

    [extract]
    model = "en_core_web_sm"     # a pipeline package name or folder
    extractor = "hybrid.v1"      # a registered extractor: hybrid.v1, rules.v1, conll04.v1
    batch_size = 16
    processes = 2                # worker processes for extraction
    min_quote_words = 5

    [build]
    min_confidence = 0.5
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from base.errors import InputError

__all__ = ["DEFAULT_EXTRACTOR", "Settings", "load_settings"]

#: The extractor used when none is named (settings, CLI, benchmarks); registered in extract.pipeline.
DEFAULT_EXTRACTOR = "hybrid.v1"


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    extractor: str = DEFAULT_EXTRACTOR
    batch_size: int = 16
    processes: int = 1
    min_quote_words: int = 5
    min_confidence: float = 0.0

    def override(self, **values: Any) -> Settings:
        """A copy with every non-None value of ``values`` set."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


_EXPECTED: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "str | None": str, "str": str}
_SECTIONS = {
    "extract": ("model", "extractor", "batch_size", "processes", "min_quote_words"),
    "build": ("min_confidence",),
}


def load_settings(path: Path | None) -> Settings:
    """Read a config file; unknown sections or keys are an error, not silently ignored."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such config file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML: {exc}") from None
    values: dict[str, Any] = {}
    types = {f.name: f.type for f in fields(Settings)}
    for section, body in data.items():
        if section not in _SECTIONS or not isinstance(body, dict):
            raise InputError(
                f"{path}: unknown section [{section}]; accepted: {', '.join('[' + s + ']' for s in _SECTIONS)}"
            )
        for key, value in body.items():
            if key not in _SECTIONS[section]:
                raise InputError(
                    f"{path}: unknown key {key!r} in [{section}]; accepted: {', '.join(_SECTIONS[section])}"
                )
            expected = _EXPECTED[str(types[key])]
            if not isinstance(value, expected) or isinstance(value, bool):
                raise InputError(f"{path}: [{section}] {key} has the wrong type ({type(value).__name__})")
            values[key] = value
    return Settings(**values)
