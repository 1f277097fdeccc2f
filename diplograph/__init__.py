"""diplograph: knowledge graphs of business-diplomacy relations from news articles.

This package holds the glue between the stages (errors, I/O helpers, the CLI); the stages
themselves live in the top-level packages ``extract`` (spaCy) and ``graph`` (rdflib).
Importing it is cheap: nothing heavy is imported here.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
