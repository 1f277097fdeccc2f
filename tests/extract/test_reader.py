from pathlib import Path

import pytest

from base.errors import InputError, UnusableArticle
from extract.reader import check_text, collect_paths, read_article

ENGLISH = "Alibaba founder Jack Ma met Donald Trump in New York and said the talks went well.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reader_reads_headline_date_and_id(tmp_path):
    path = _write(tmp_path, "a.txt", b"Headline here\n\nDate: 10 January 2017\n\n" + ENGLISH.encode())
    art = read_article(path, root=tmp_path)
    assert art.id == "a.txt"
    assert art.title == "Headline here"
    assert art.date == "2017-01-10"
    assert "Jack Ma" in art.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("Le président a rencontré le fondateur à New York hier soir.".encode("latin-1"), "not valid UTF-8"),
        (
            "Der Präsident traf gestern Abend den Gründer des Unternehmens in New York.".encode(),
            "does not look like English",
        ),
    ],
)
def test_reader_refuses_bad_files_with_one_line_naming_the_file(tmp_path, data, problem):
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as info:
        read_article(path)
    message = str(info.value)
    assert problem in message
    assert str(path) in message
    assert "\n" not in message


def test_reader_refuses_oversized_files(tmp_path):
    path = _write(tmp_path, "big.txt", ENGLISH.encode() * 100)
    with pytest.raises(InputError, match="too large"):
        read_article(path, max_bytes=1000)


def test_reader_refuses_missing_paths_and_empty_folders(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        collect_paths([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt files"):
        collect_paths([tmp_path / "empty"])


def test_reader_ids_of_folder_articles_are_relative_to_the_folder_parent(tmp_path):
    folder = tmp_path / "bbc" / "business"
    folder.mkdir(parents=True)
    _write(folder, "001.txt", ENGLISH.encode())
    ((path, root),) = collect_paths([tmp_path / "bbc"])
    assert read_article(path, root).id == "bbc/business/001.txt"


def test_reader_accepts_a_byte_order_mark_and_windows_newlines(tmp_path):
    path = _write(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle\r\n\r\n" + ENGLISH.encode())
    art = read_article(path)
    assert art.title == "Title"
    assert "\r" not in art.text


def test_reader_check_text_accepts_english_prose_and_names_what_it_refuses():
    assert check_text(ENGLISH, "x.txt") is None  # no exception: accepted
    refused = {}
    for text in ("   ", "Hello there", "Die Regierung hat am Montag beschlossen, die Steuern deutlich zu senken."):
        with pytest.raises(UnusableArticle) as info:
            check_text(text, "x.txt")
        assert str(info.value).startswith("x.txt: ")
        refused[text] = info.value.kind
    assert list(refused.values()) == ["empty", "too little text", "not English"]
