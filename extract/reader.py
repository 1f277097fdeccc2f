"""Reading articles from disk, refusing what is not an English news text.

An article file is UTF-8 plain text; its first non-blank line is the headline. A date is read
from a ``PUBLISHED :``/``Date:`` line near the top when there is one. Every refusal raises an
:class:`~base.errors.InputError` whose message names the file and the problem.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateutil import parser as dateparser

from base.errors import InputError, UnusableArticle
from extract.language import english_problem

__all__ = [
    "Article",
    "MAX_BYTES",
    "collect_paths",
    "read_article",
    "read_articles",
    "check_text",
    "clean_text",
    "decode",
    "unwrap_lines",
]

#: Largest article accepted, in bytes: far above any news story, small enough for memory.
MAX_BYTES = 2_000_000
SUFFIXES = (".txt",)

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
        raise UnusableArticle(f"{name}: empty file; expected an article in UTF-8 plain text", "empty")
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 3:
        raise UnusableArticle(f"{name}: too little text ({len(words)} words); expected an article", "too little text")
    problem = english_problem(text)
    if problem is not None:
        raise UnusableArticle(
            f"{name}: does not look like English text ({problem}); diplograph reads English news articles only",
            "not English",
        )


_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# "¿" between two letters is an apostrophe lost on the way from a Windows code page ("Blair¿s").
_LOST_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\u00bf(?=[^\W\d_])")
_WRAP_MIN, _WRAP_MAX = 50, 90


def clean_text(text: str) -> str:
    """Text with HTML character references decoded and lost apostrophes restored.

    >>> clean_text("Blair&#191;s communiqu&#233; &amp; more")
    "Blair's communiqué & more"
    """
    if "&" in text:
        text = _CHAR_REF.sub(lambda m: html.unescape(m.group(0)), text)
    return _LOST_APOSTROPHE.sub("'", text)


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; every character keeps its offset.

    A text is hard-wrapped when most of its lines are 50 to 90 characters long. In such a
    text a line break inside a paragraph becomes a space; a blank line or an indented line
    still starts a paragraph (the break is kept), so offsets into the result are offsets into
    the original.

    >>> line = "A firm said on Monday that it would buy the unit of a rival for cash"
    >>> unwrap_lines(f"HEADLINE\\n\\n{line}\\n{line}\\n{line}\\n    It said.").splitlines()[2][60:90]
    'for cash A firm said on Monday'
    """
    lines = text.split("\n")
    body = [ln for ln in lines[1:] if ln.strip()]
    if len(body) < 3:
        return text
    wrapped = sum(_WRAP_MIN <= len(ln.rstrip()) <= _WRAP_MAX for ln in body)
    if wrapped < 0.5 * len(body):
        return text
    out = list(text)
    pos = 0
    for n, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[n + 1]
        # Keep the break after a headline, before a blank or indented line, after a short line.
        if n > 0 and line.strip() and nxt.strip() and not nxt[:1].isspace() and len(line.rstrip()) >= _WRAP_MIN - 20:
            out[pos] = " "
        pos += 1
    return "".join(out)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of a file's bytes; binary or wrongly encoded data is an UnusableArticle."""
    if b"\x00" in data[:8192]:
        raise UnusableArticle(f"{name}: binary file (contains NUL bytes); expected UTF-8 plain text", "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnusableArticle(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
            "not UTF-8",
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
            raise UnusableArticle(
                f"{name}: too large ({size:,} bytes); articles of at most {max_bytes:,} bytes are accepted", "too large"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, expected a .txt file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    text = unwrap_lines(clean_text(decode(data, name).replace("\r\n", "\n").replace("\r", "\n")))
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
    """Read every ``.txt`` article named by ``inputs`` (files or folders), checking each one
    (the first unusable one is an error; :func:`extract.sources.iter_sources` reads corpora
    of every kind and skips what cannot be used)."""
    for path, root in collect_paths(inputs):
        yield read_article(path, root, max_bytes=max_bytes)
