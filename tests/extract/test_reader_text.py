"""Text clean-up when articles are read: character references, hard-wrapped lines, JSONL stories."""

from __future__ import annotations

import json

import pytest

from base.errors import InputError
from extract.reader import clean_text, read_article, unwrap_lines
from extract.sources import read_corpus_document, read_story

WRAPPED = (
    "BIG FIRM TO BUY SMALL FIRM\n\n"
    "Big Firm Inc said it agreed to buy Small Firm Corp for 20 dlrs a\n"
    "share in cash, or about 300 mln dlrs, subject to approval by the\n"
    "shareholders of Small Firm at a meeting to be held next month.\n"
    "    The company said the deal was approved by the boards of both\n"
    "companies and that it expects to close the transaction in May.\n"
)


def test_reader_text_decodes_character_references_and_lost_apostrophes():
    assert clean_text("Blair&#191;s communiqu&#233; &amp; Co") == "Blair's communiqué & Co"
    assert clean_text("¿Qué?") == "¿Qué?"  # an inverted question mark that opens a word stays


def test_reader_text_joins_wrapped_lines_keeping_offsets():
    out = unwrap_lines(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "for 20 dlrs a share in cash" in out
    # The headline and the indented paragraph start keep their breaks.
    assert out.startswith("BIG FIRM TO BUY SMALL FIRM\n\n")
    assert "next month.\n    The company" in out
    # Every character that is not a joined break is where it was.
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(WRAPPED, out, strict=True))


def test_reader_text_leaves_unwrapped_paragraphs_alone():
    text = "Headline\n\nOne paragraph of a news story that runs on without any breaks at all.\n\nAnother one.\n"
    assert unwrap_lines(text) == text


def test_reader_text_reads_a_story_of_a_jsonl_file(tmp_path):
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "w-1", "date": "1987-03-04T10:00:00", "title": "BIG FIRM TO BUY SMALL FIRM", "text": WRAPPED[28:]},
        {"id": "w-2", "title": "OTHER", "text": "Other text."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    art = read_story(path, "w-1")
    assert art.id == "wire.jsonl#w-1"
    assert art.date == "1987-03-04"
    assert art.text.startswith("BIG FIRM TO BUY SMALL FIRM\n\nBig Firm Inc said")
    assert read_corpus_document(tmp_path, "wire.jsonl#w-1") == art
    with pytest.raises(InputError, match="no story with id 'w-9'"):
        read_story(path, "w-9")


def test_reader_text_reads_files_with_character_references(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Blair&#191;s plan\n\nMr Blair&#191;s plan was welcomed by the party and the unions.\n")
    art = read_article(path, tmp_path)
    assert "Blair's plan was welcomed" in art.text
