"""The ground floor: what both stages and the application stand on.

- :mod:`base.errors`: the project's exceptions, rooted in :class:`~base.errors.DiplographError`;
- :mod:`base.atomic`: atomic file writes;
- :mod:`base.settings`: the settings a run is configured by (TOML, overridden by options).

It imports nothing of the project and nothing heavy.
"""
