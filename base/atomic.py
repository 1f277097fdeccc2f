"""Atomic file writes: a reader never sees a half-written output."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_writes"]


@contextlib.contextmanager
def atomic_writes(*targets: Path) -> Iterator[list[Path]]:
    """Yield temporary paths beside ``targets``; rename them over the targets on success.

    Every temporary file is written first and the renames happen only when the block exits
    without an exception, so an earlier output is either kept whole or replaced whole.

    >>> with atomic_writes(Path("out/graph.ttl")) as (tmp,):  # doctest: +SKIP
    ...     tmp.write_text("...")
    """
    temps: list[Path] = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            # mkstemp makes the file private; outputs get the usual permissions instead.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(name, 0o666 & ~umask)
            temps.append(Path(name))
        yield temps
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    finally:
        for tmp in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
