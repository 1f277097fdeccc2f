"""Atomic writes (base.atomic): all targets replaced together, or none."""

from __future__ import annotations

import pytest

from base.atomic import atomic_writes


def test_atomic_writes_replace_every_target_on_success(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "sub" / "b.txt"
    a.write_text("old")
    with atomic_writes(a, b) as (ta, tb):
        ta.write_text("new a")
        tb.write_text("new b")
        assert a.read_text() == "old"  # nothing is visible before the block ends
    assert (a.read_text(), b.read_text()) == ("new a", "new b")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "b.txt", "sub"]


def test_atomic_writes_keep_the_earlier_files_and_leave_no_temporaries_on_failure(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("old a")
    with pytest.raises(RuntimeError), atomic_writes(a, b) as (ta, tb):
        ta.write_text("new a")
        tb.write_text("half")
        raise RuntimeError("stopped half way")
    assert a.read_text() == "old a" and not b.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_atomic_writes_give_ordinary_permissions(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_writes(target) as (tmp,):
        tmp.write_text("x")
    assert target.stat().st_mode & 0o044  # readable by group/others as a normal file is
