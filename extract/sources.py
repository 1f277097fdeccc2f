"""Where articles come from: text files, news HTML, JSON Lines files of articles, and folders
that mix them.

- ``.txt``: UTF-8 plain text, headline first (:func:`extract.reader.read_article`).
- ``.html``/``.htm``: news pages, reduced to headline, date and body text by
  `trafilatura <https://trafilatura.readthedocs.io>`_ (a maintained main-text extractor), so no
  script, style, navigation or boilerplate text reaches the graph.
- ``.jsonl``: one JSON object a line, either articles (fields ``id``, ``title``, ``date``,
  ``text`` by default, renamed with :class:`Fields`) or diplograph records (``id``,
  ``entities``, ``relations``...), told apart by the first line's fields. A line that is
  neither is an :class:`~base.errors.InputError` naming the file and line.

In a corpus (a folder, or a JSON Lines file of articles) an article that cannot be used
(:class:`~base.errors.UnusableArticle`: empty, binary, not English...) is yielded as a
:class:`Skipped` entry for the caller to report and count; with ``strict`` it is raised. A
single named file that cannot be used is always an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateutil import parser as dateparser

from base.errors import InputError, UnusableArticle
from extract.reader import MAX_BYTES, Article, check_text, clean_text, decode, read_article, unwrap_lines

__all__ = [
    "ARTICLE_SUFFIXES",
    "RECORD_FIELDS",
    "DEFAULT_FIELDS",
    "Fields",
    "Skipped",
    "jsonl_kind",
    "read_html",
    "iter_jsonl_articles",
    "iter_sources",
    "read_corpus_document",
    "read_story",
]

#: Suffixes of single-article files; ``.jsonl`` files hold many articles or records.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
CORPUS_SUFFIXES = (*ARTICLE_SUFFIXES, ".jsonl")
#: Fields only diplograph's records have (``diplograph extract`` output).
RECORD_FIELDS = frozenset({"entities", "relations", "events", "quotes", "extractor"})


@dataclass(frozen=True)
class Fields:
    """The field names of a JSON Lines file of articles."""

    id: str = "id"
    title: str = "title"
    date: str = "date"
    text: str = "text"

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> Fields:
        """From ``NAME=KEY`` strings (``text=body``); an unknown name is an InputError."""
        values: dict[str, str] = {}
        for pair in pairs:
            name, sep, key = pair.partition("=")
            if not sep or name not in ("id", "title", "date", "text") or not key:
                raise InputError(
                    f"bad field mapping {pair!r}; expected NAME=KEY with NAME one of id, title, date, text"
                )
            values[name] = key
        return cls(**values)


DEFAULT_FIELDS = Fields()


@dataclass(frozen=True)
class Skipped:
    """An article of a corpus that was not used, and why."""

    source: str
    kind: str
    message: str


def _iso_date(value: Any) -> str | None:
    if not value:
        return None
    try:
        return dateparser.parse(str(value)).date().isoformat()
    except (ValueError, OverflowError):
        return None


def read_html(path: Path, root: Path | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """One news page: headline, date and main text as trafilatura extracts them."""
    import trafilatura

    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    if len(data) > max_bytes:
        raise UnusableArticle(
            f"{name}: too large ({len(data):,} bytes); at most {max_bytes:,} are accepted", "too large"
        )
    html = decode(data, name)
    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = clean_text((meta.title if meta is not None and meta.title else "") or "").strip()
    body = clean_text(body).strip()
    if not body:
        raise UnusableArticle(f"{name}: no article text found in the HTML page", "no text")
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    check_text(text, name)
    doc_id = path.name if root is None else path.relative_to(root).as_posix()
    date = _iso_date(meta.date) if meta is not None else None
    return Article(id=doc_id, text=text, title=title or body.splitlines()[0], date=date, source=name)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    with fh:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and b"\x00" in raw[:8192]:
                raise InputError(f"{path}: binary file; expected JSON Lines of articles or records")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}:{number}: not valid UTF-8 (byte offset {exc.start} of the line)") from None
            if line.strip():
                yield number, line


def _object(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{number}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{path}:{number}: a line must be a JSON object, not {type(obj).__name__}")
    return obj


def _neither(path: Path, number: int, fields: Fields) -> InputError:
    return InputError(
        f"{path}:{number}: neither an article (fields {fields.id!r} and {fields.text!r}, optionally "
        f"{fields.title!r} and {fields.date!r}) nor a diplograph record ('id', 'entities', 'relations')"
    )


def jsonl_kind(path: Path, fields: Fields = DEFAULT_FIELDS) -> str:
    """``"articles"`` or ``"records"``, by the fields of the file's first line."""
    for number, line in _lines(path):
        obj = _object(path, number, line)
        if obj.keys() & RECORD_FIELDS:
            return "records"
        if fields.text in obj:
            return "articles"
        raise _neither(path, number, fields)
    raise InputError(f"{path}: empty file; expected JSON Lines of articles or records")


def _row_article(path: Path, number: int, obj: dict[str, Any], fields: Fields) -> Article:
    """The article of one JSON Lines row: headline, blank line, body (the form gold files and
    character offsets refer to), its id ``FILE#ID``. Raises :class:`UnusableArticle`."""
    if fields.text not in obj or obj.keys() & RECORD_FIELDS:
        raise _neither(path, number, fields)
    story = str(obj.get(fields.id) or f"line-{number}")
    name = f"{path}#{story}"
    title = clean_text(str(obj.get(fields.title) or "")).strip()
    body = str(obj.get(fields.text) or "")
    text = unwrap_lines(clean_text(f"{title}\n\n{body}" if title else body))
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise UnusableArticle(f"{name}: too large; at most {MAX_BYTES:,} bytes are accepted", "too large")
    check_text(text, name)
    return Article(id=f"{path.name}#{story}", text=text, title=title, date=_iso_date(obj.get(fields.date)), source=name)


def iter_jsonl_articles(
    path: Path, fields: Fields = DEFAULT_FIELDS, strict: bool = False
) -> Iterator[Article | Skipped]:
    """The articles of a JSON Lines file, one a line; article ids are ``FILE#ID``."""
    for number, line in _lines(path):
        obj = _object(path, number, line)
        try:
            yield _row_article(path, number, obj, fields)
        except UnusableArticle as exc:
            if strict:
                raise
            story = obj.get(fields.id) or f"line-{number}"
            yield Skipped(f"{path}#{story}", exc.kind, str(exc))


def read_story(path: Path, story_id: str, fields: Fields = DEFAULT_FIELDS) -> Article:
    """One story of a JSON Lines file of articles, by id (an unusable one is an error)."""
    for number, line in _lines(path):
        if f'"{story_id}"' not in line:  # most lines are not it: skip them unparsed
            continue
        obj = _object(path, number, line)
        if str(obj.get(fields.id)) == story_id:
            return _row_article(path, number, obj, fields)
    raise InputError(f"{path}#{story_id}: no story with {fields.id} {story_id!r} in {path}")


def read_corpus_document(corpus: Path, ref: str) -> Article:
    """The article a gold file's ``doc`` names: a path under ``corpus``, or ``FILE.jsonl#ID``."""
    if "#" in ref:
        file, story = ref.split("#", 1)
        return read_story(corpus / file, story)
    return _read_file(corpus / ref, corpus)


def _read_file(path: Path, root: Path | None) -> Article:
    if path.suffix.lower() in (".html", ".htm"):
        return read_html(path, root)
    return read_article(path, root)


def iter_sources(
    inputs: Iterable[Path], fields: Fields = DEFAULT_FIELDS, strict: bool = False
) -> Iterator[tuple[str, Any]]:
    """``("article", Article)``, ``("records", Path)`` and ``("skipped", Skipped)`` items for
    every input: files, folders (every ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` below
    them, sorted) and JSON Lines files. Raises :class:`InputError` for a missing path, an
    empty folder, a malformed line, or an unusable article named on its own."""
    for inp in inputs:
        if inp.is_dir():
            files = sorted(p for p in inp.rglob("*") if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
            if not files:
                raise InputError(f"{inp}: folder has no {', '.join(CORPUS_SUFFIXES)} files; put articles there")
            root = inp.resolve().parent
            for path in (f.resolve() for f in files):
                yield from _corpus_file(path, root, fields, strict)
        elif inp.is_file():
            if inp.suffix.lower() == ".jsonl":
                yield from _jsonl(inp, fields, strict)
            else:
                yield "article", _read_file(inp, None)
        else:
            raise InputError(f"{inp}: no such file or folder")


def _jsonl(path: Path, fields: Fields, strict: bool) -> Iterator[tuple[str, Any]]:
    if jsonl_kind(path, fields) == "records":
        yield "records", path
        return
    for item in iter_jsonl_articles(path, fields, strict):
        yield ("skipped" if isinstance(item, Skipped) else "article"), item


def _corpus_file(path: Path, root: Path, fields: Fields, strict: bool) -> Iterator[tuple[str, Any]]:
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(path, fields, strict)
        return
    try:
        yield "article", _read_file(path, root)
    except UnusableArticle as exc:
        if strict:
            raise
        yield "skipped", Skipped(str(path), exc.kind, str(exc))
