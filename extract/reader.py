"""Reading articles from disk, refusing what is not an English news text.

An article file is UTF-8 plain text; its first non-blank line is the headline. A date is read
from a ``PUBLISHED :``/``Date:`` line near the top when there is one. Every refusal raises an
:class:`~diplograph.errors.InputError` whose message names the file and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateutil import parser as dateparser

from diplograph.errors import InputError

__all__ = ["Article", "MAX_BYTES", "collect_paths", "read_article", "read_articles", "check_text"]

#: Largest article accepted, in bytes: far above any news story, small enough for memory.
MAX_BYTES = 2_000_000
SUFFIXES = (".txt",)

# The commonest English function words: a text with almost none of them is not English.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "as",
        "was",
        "with",
        "be",
        "by",
        "on",
        "not",
        "he",
        "she",
        "his",
        "her",
        "are",
        "this",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "at",
        "but",
        "has",
        "had",
        "were",
        "said",
        "its",
        "their",
        "would",
        "will",
        "been",
        "more",
        "who",
        "also",
        "one",
        "all",
        "there",
        "can",
        "than",
        "said",
        "into",
        "after",
        "over",
    ]
)
_DATE_LINE = re.compile(r"^\s*(?:PUBLISHED|Published|Date|DATE|Dateline)\s*:?\s*(.+)$", re.M)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its id (path relative to the input root), headline, date and text."""

    id: str
    text: str
    title: str = ""
    date: str | None = None
    source: str = ""


def check_text(text: str, name: str) -> None:
    """Raise :class:`InputError` unless ``text`` looks like English prose.

    >>> check_text("The minister said the deal was signed.", "a.txt")
    """
    if not text.strip():
        raise InputError(f"{name}: empty file; expected an article in UTF-8 plain text")
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 3:
        raise InputError(f"{name}: too little text ({len(words)} words); expected an article")
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share < 0.15:
        raise InputError(
            f"{name}: does not look like English text ({share:.0%} English function words); "
            "diplograph reads English news articles only"
        )


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes); expected UTF-8 plain text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8"
        ) from None


def _find_date(text: str) -> str | None:
    head = text[:600]
    match = _DATE_LINE.search(head)
    if match:
        try:
            return dateparser.parse(match.group(1), fuzzy=True).date().isoformat()
        except (ValueError, OverflowError):
            return None
    return None


def read_article(path: Path, root: Path | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """Read and check one article file; its id is the path relative to ``root``.

    Raises :class:`InputError` for a missing, empty, binary, oversized, non-UTF-8 or
    non-English file.
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: too large ({size:,} bytes); articles of at most {max_bytes:,} bytes are accepted"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, expected a .txt file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    text = _decode(data, name).replace("\r\n", "\n").replace("\r", "\n")
    check_text(text, name)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    doc_id = path.name if root is None else path.relative_to(root).as_posix()
    return Article(id=doc_id, text=text, title=title, date=_find_date(text), source=name)


def collect_paths(inputs: Iterable[Path], suffixes: tuple[str, ...] = SUFFIXES) -> list[tuple[Path, Path | None]]:
    """Expand files and folders into ``(file, root)`` pairs, sorted within each folder.

    A folder contributes every file below it with one of ``suffixes``; its ids are relative
    to the folder's parent, so ``examples/articles/a.txt`` gets the id ``articles/a.txt``.
    Raises :class:`InputError` for a missing path or a folder with no such file.
    """
    pairs: list[tuple[Path, Path | None]] = []
    for inp in inputs:
        if inp.is_dir():
            files = sorted(p for p in inp.rglob("*") if p.is_file() and p.suffix in suffixes)
            if not files:
                raise InputError(
                    f"{inp}: folder has no {'/'.join(suffixes)} files; put articles there as UTF-8 .txt files"
                )
            root = inp.resolve().parent
            pairs.extend((f.resolve(), root) for f in files)
        elif inp.is_file():
            pairs.append((inp, None))
        else:
            raise InputError(f"{inp}: no such file or folder")
    return pairs


def read_articles(inputs: Iterable[Path], max_bytes: int = MAX_BYTES) -> Iterator[Article]:
    """Read every article named by ``inputs`` (files or folders), checking each one."""
    for path, root in collect_paths(inputs):
        yield read_article(path, root, max_bytes=max_bytes)
