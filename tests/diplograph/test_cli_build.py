"""Builds into an existing store (diplograph build, remove): incremental, killable, distributed.

These run the real pipeline and the real command in subprocesses, so they are ``slow``.
"""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

DG = [sys.executable, "-m", "diplograph"]


def _build(*args: object, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DG, "build", *map(str, args)], capture_output=True, text=True, check=check)


def _extracted(output: str) -> tuple[int, int]:
    match = re.search(r"extracted (\d+) article\(s\).*?, (\d+) unchanged", output)
    assert match, output
    return int(match.group(1)), int(match.group(2))


def _committed(out: Path) -> int:
    if not (out / "manifest.sqlite").exists():
        return 0
    db = sqlite3.connect(f"file:{out / 'manifest.sqlite'}?mode=ro", uri=True)
    try:
        return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def test_cli_build_adds_new_articles_skips_unchanged_and_equals_a_clean_build(tmp_path, store_graphs, same_graphs):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    sources = sorted(EXAMPLES.glob("*.txt"))
    for src in sources[:3]:
        (corpus / src.name).write_text(src.read_text("utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert _extracted(_build(corpus, "-o", out).stdout) == (3, 0)
    # One new article: the three others are not extracted again.
    (corpus / sources[3].name).write_text(sources[3].read_text("utf-8"), encoding="utf-8")
    assert _extracted(_build(corpus, "-o", out).stdout) == (1, 3)
    again = _build(corpus, "-o", out).stdout
    assert _extracted(again) == (0, 4) and "wrote 0 article graph(s)" in again
    clean = tmp_path / "clean"
    _build(corpus, "-o", clean)
    assert same_graphs(store_graphs(out), store_graphs(clean))


def test_cli_build_changed_article_is_replaced_and_remove_drops_it(tmp_path, store_graphs, same_graphs):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for src in sorted(EXAMPLES.glob("*.txt")):
        (corpus / src.name).write_text(src.read_text("utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    _build(corpus, "-o", out)
    target = sorted(corpus.glob("*.txt"))[0]
    target.write_text(target.read_text("utf-8") + "\nThe talks will go on next week.\n", encoding="utf-8")
    assert _extracted(_build(corpus, "-o", out).stdout) == (1, 3)
    clean = tmp_path / "clean"
    _build(corpus, "-o", clean)
    assert same_graphs(store_graphs(out), store_graphs(clean))

    removed = subprocess.run([*DG, "remove", str(out), f"articles/{target.name}"], capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    assert "removed 1 article(s)" in removed.stdout and "the store holds 3 article(s)" in removed.stdout
    target.unlink()
    clean2 = tmp_path / "clean2"
    _build(corpus, "-o", clean2)
    assert same_graphs(store_graphs(out), store_graphs(clean2))
    unknown = subprocess.run([*DG, "remove", str(out), "no/such.txt"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "no article 'no/such.txt'" in unknown.stderr


def test_cli_build_killed_half_way_leaves_the_store_whole_and_a_rerun_finishes_it(
    tmp_path, article_copies, store_graphs, same_graphs
):
    out = tmp_path / "out"
    _build(EXAMPLES, "-o", out)
    before = store_graphs(out)
    copies = article_copies(48)
    config = tmp_path / "small-batches.toml"
    config.write_text("[extract]\nbatch_size = 2\n")
    proc = subprocess.Popen(
        [*DG, "build", str(copies), "-o", str(out), "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _committed(out) < 4 + 6 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    committed = _committed(out) - 4
    assert 0 < committed < 48

    # Readable, the earlier articles intact, every article graph whole.
    killed = store_graphs(out)
    for name, graph in before.items():
        if name:
            assert name in killed and same_graphs({name: graph}, {name: killed[name]})
    clean = tmp_path / "clean"
    _build(EXAMPLES, copies, "-o", clean)
    finished = store_graphs(clean)
    for name, graph in killed.items():
        if name and name not in before:
            assert same_graphs({name: graph}, {name: finished[name]})

    # The same build again does only what was not committed, and ends as a clean build.
    rerun = _build(copies, "-o", out).stdout
    assert _extracted(rerun) == (48 - committed, committed)
    assert same_graphs(store_graphs(out), finished)


def test_cli_build_on_a_dask_cluster_equals_the_local_build(tmp_path, store_graphs, same_graphs):
    from distributed import LocalCluster

    local = tmp_path / "local"
    _build(EXAMPLES, "-o", local)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = tmp_path / "dask"
        result = _build(EXAMPLES, "-o", dask, "--engine", "dask", "--scheduler", cluster.scheduler_address)
        assert _extracted(result.stdout) == (4, 0)
    assert same_graphs(store_graphs(local), store_graphs(dask))
    # Without --scheduler, a local cluster of --processes workers is started and stopped.
    own = tmp_path / "own"
    _build(EXAMPLES, "-o", own, "--engine", "dask", "--processes", "2")
    assert same_graphs(store_graphs(local), store_graphs(own))
