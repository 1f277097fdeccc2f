"""diplograph: knowledge graphs of business-diplomacy relations from news articles.

This package holds the glue between the stages (errors, I/O helpers, the CLI); the stages
themselves live in the top-level packages ``extract`` (spaCy) and ``graph`` (rdflib).
Importing it is cheap: nothing heavy is imported here.
"""

from importlib import metadata as _metadata

try:  # The version is stated once, in pyproject.toml.
    __version__ = _metadata.version("diplograph")
except _metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
__all__ = ["__version__"]
