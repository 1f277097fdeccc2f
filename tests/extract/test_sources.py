"""Corpora of every kind (extract.sources): JSONL articles, records, HTML, folders, skips."""

from __future__ import annotations

import json

import pytest

from base.errors import InputError, UnusableArticle
from extract.sources import Fields, iter_sources, jsonl_kind, read_html

ENGLISH = "Alibaba founder Jack Ma met Donald Trump in New York and said the talks went well for both."
GERMAN = (
    "Die Regierung hat am Montag beschlossen, die Steuern für kleine und mittlere Firmen im kommenden "
    "Jahr deutlich zu senken, wie ein Sprecher in Berlin am späten Abend mitteilte. Die Opposition "
    "kritisierte den teuren Plan scharf, weil er nach ihrer Ansicht vor allem den großen Konzernen nützen werde."
)


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _kinds(items):
    return [(kind, getattr(item, "id", None) or getattr(item, "source", str(item))) for kind, item in items]


def test_sources_jsonl_articles_are_told_from_records(tmp_path):
    arts = _jsonl(tmp_path / "a.jsonl", [{"id": "s1", "title": "T", "date": "1987-03-04T10:00", "text": ENGLISH}])
    recs = _jsonl(tmp_path / "r.jsonl", [{"id": "x.txt", "entities": [], "relations": []}])
    assert jsonl_kind(arts) == "articles" and jsonl_kind(recs) == "records"
    ((kind, article),) = list(iter_sources([arts]))
    assert kind == "article" and article.id == "a.jsonl#s1" and article.date == "1987-03-04"
    assert article.text == "T\n\n" + ENGLISH
    assert list(iter_sources([recs])) == [("records", recs)]


def test_sources_field_names_are_configurable(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", [{"story": "7", "headline": "H", "body": ENGLISH}])
    with pytest.raises(InputError, match=r"a.jsonl:1: neither an article"):
        list(iter_sources([path]))
    fields = Fields.parse(["id=story", "title=headline", "text=body"])
    ((_, article),) = list(iter_sources([path], fields=fields))
    assert article.id == "a.jsonl#7" and article.title == "H"
    with pytest.raises(InputError, match="bad field mapping 'body'"):
        Fields.parse(["body"])


def test_sources_a_malformed_line_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "1", "text": ENGLISH}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.jsonl:2: not valid JSON"):
        list(iter_sources([path]))
    path.write_text(json.dumps({"id": "1", "text": ENGLISH}) + "\n" + json.dumps({"id": "2"}) + "\n")
    with pytest.raises(InputError, match=r"a.jsonl:2: neither an article"):
        list(iter_sources([path]))


def test_sources_unusable_articles_of_a_corpus_are_skipped_and_named(tmp_path):
    path = _jsonl(
        tmp_path / "a.jsonl", [{"id": "en", "text": ENGLISH}, {"id": "de", "text": GERMAN}, {"id": "e", "text": ""}]
    )
    items = list(iter_sources([path]))
    assert [k for k, _ in items] == ["article", "skipped", "skipped"]
    assert items[1][1].kind == "not English" and "a.jsonl#de" in items[1][1].message
    assert items[2][1].kind == "empty"
    with pytest.raises(UnusableArticle, match="a.jsonl#de: does not look like English"):
        list(iter_sources([path], strict=True))


def test_sources_folders_mix_kinds_and_skip_bad_files(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\n" + ENGLISH, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    _jsonl(folder / "c.jsonl", [{"id": "s1", "text": ENGLISH}])
    (folder / "d.html").write_text(f"<html><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>")
    kinds = [k for k, _ in iter_sources([folder])]
    assert kinds == ["article", "skipped", "article", "article"]
    # The same bad file named on its own is an error.
    with pytest.raises(UnusableArticle, match="b.txt: binary file"):
        list(iter_sources([folder / "b.txt"]))


def test_sources_html_keeps_the_article_and_drops_script_and_style(tmp_path):
    page = (
        "<html><head><title>Ma meets Trump</title><meta name='date' content='2017-01-10'>"
        "<script>var tracking = 'SCRIPTTEXT';</script><style>p { color: red } /* STYLETEXT */</style></head>"
        f"<body><nav>Home | NAVTEXT</nav><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"
        "<footer>FOOTERTEXT copyright</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_html(path)
    assert "Jack Ma met Donald Trump" in article.text
    for junk in ("SCRIPTTEXT", "STYLETEXT", "tracking", "color"):
        assert junk not in article.text
    assert article.title == "Ma meets Trump" and article.date == "2017-01-10"
