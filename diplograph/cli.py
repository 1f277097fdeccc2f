"""The ``diplograph`` command: thin wrappers over the library, one example in each help.

Heavy libraries (spaCy, matplotlib, rdflib) are imported inside the commands, so that
``diplograph --help`` is instant. The commands live in ``_cli_build`` (build, remove,
extract), ``_cli_read`` (query, validate, draw, html, export, stats, serve) and ``_cli_eval``
(eval, agree, eval-conll04); importing them registers them on :data:`cli`.
"""

from __future__ import annotations

from diplograph import _cli_build, _cli_eval, _cli_read  # noqa: F401 - registers the commands
from diplograph._cli_common import cli

__all__ = ["main", "cli"]


def main() -> None:
    cli(prog_name="diplograph")


if __name__ == "__main__":
    main()
