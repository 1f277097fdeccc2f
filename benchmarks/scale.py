"""Corpus scale: a corpus into a store, against bare spaCy, then incremental builds and queries.

Prints, for ``--corpus`` (a JSON Lines file of articles, its first ``--limit`` lines, or a folder
of articles; default: all of ``../shared/corpus/reuters21578.jsonl``):
- bare spaCy ``nlp.pipe(n_process=P)`` on the same texts, words/s;
- ``diplograph build CORPUS -o OUT --processes P`` into a new store: wall time, peak resident
  memory of the whole process tree (the build and its workers, sampled), words/s, and the
  ratio to bare spaCy; with ``--one``, the same build with one process and the speed-up;
- the same build again (nothing to extract), and ``--add`` articles removed with
  ``diplograph remove`` and built back in, each as a share of the full build;
- the canned queries on ``OUT/store``: p50 of five runs on Oxigraph, beside rdflib's
  in-memory engine on the same data as TriG (loaded once; each query stopped after
  ``--cutoff`` seconds);
- ``diplograph --help`` wall time.

    .venv/bin/python benchmarks/scale.py --limit 2000 --processes 2
    .venv/bin/python benchmarks/scale.py --corpus ../shared/corpus/bbc --add 10 --one
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "corpus" / "reuters21578.jsonl"
DG = Path(sys.executable).with_name("diplograph")


def _subset(source: Path, limit: int | None, target: Path) -> tuple[Path, list[str], list[str], int]:
    """The corpus to build (a JSONL subset, or the folder itself), its texts and article ids."""
    from extract.sources import iter_sources

    if source.is_file():
        with target.open("w", encoding="utf-8") as out, source.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    break
                out.write(line)
        source = target
    texts, ids = [], []
    for kind, item in iter_sources([source]):
        if kind == "article":
            texts.append(item.text)
            ids.append(item.id)
    return source, texts, ids, sum(len(t.split()) for t in texts)


def _timed_build(args: list[str]) -> tuple[float, float, str]:
    """Run a build, sampling the resident memory of its whole process tree: seconds, peak MB, stdout."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen([str(DG), "build", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {err.strip().splitlines()[-1:]}")
    return seconds, peak / 2**20, out


def _bare(texts: list[str], processes: int) -> float:
    import spacy

    from extract.model import resolve_model_name

    nlp = spacy.load(resolve_model_name(None))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
        pass
    return time.perf_counter() - start


def _rdflib_worker(trig: str, queries: list[str], conn: object) -> None:
    """Load the TriG into rdflib's in-memory dataset once, then answer the queries in turn
    (with rdflib's own engine: ``load_graph`` would put the file in an Oxigraph store)."""
    from rdflib import Dataset

    from graph.query import run_query

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(trig, format="trig")
    conn.send(("loaded", time.perf_counter() - t0))  # type: ignore[attr-defined]
    for sparql in queries:
        t0 = time.perf_counter()
        run_query(ds, sparql)
        conn.send(("answered", time.perf_counter() - t0))  # type: ignore[attr-defined]


def _rdflib_times(trig: Path, queries: list[str], cutoff: float, load_cutoff: float) -> tuple[str, list[str]]:
    """rdflib's load time, and each query's time or the cut-off it ran into. A query that runs
    out of time kills the process; the next query starts from a fresh load."""
    answers: list[str] = []
    load = "not loaded"
    while len(answers) < len(queries):
        parent, child = multiprocessing.Pipe(duplex=False)
        todo = queries[len(answers) :]
        proc = multiprocessing.get_context("fork").Process(target=_rdflib_worker, args=(str(trig), todo, child))
        proc.start()
        if not parent.poll(load_cutoff):
            proc.kill()
            proc.join()
            return f"no load in {load_cutoff:g} s", answers + ["-"] * len(todo)
        load = f"{parent.recv()[1]:.1f} s"
        for _ in todo:
            if parent.poll(cutoff):
                answers.append(f"{parent.recv()[1] * 1000:8.1f} ms")
            else:
                answers.append(f"no answer in {cutoff:g} s")
                break
        proc.kill()
        proc.join()
    return load, answers


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT, help="JSON Lines file of articles, or a folder")
    ap.add_argument("--limit", type=int, default=None, help="first N lines only (default: all)")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--cutoff", type=float, default=60.0, help="seconds rdflib may take per query")
    ap.add_argument("--load-cutoff", type=float, default=900.0, help="seconds rdflib may take to load the TriG")
    ap.add_argument("--add", type=int, default=10, help="articles to remove and build back in (0: skip)")
    ap.add_argument("--one", action="store_true", help="also build with one process, for the speed-up")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: not present")
    work = Path(tempfile.mkdtemp(prefix="diplograph-scale-"))
    corpus, texts, ids, words = _subset(args.corpus, args.limit, work / "stories.jsonl")
    print(f"{len(texts)} articles, {words:,} words ({args.corpus}, first {args.limit or 'all'} lines)")
    bare_s = _bare(texts, args.processes)
    print(f"bare spaCy nlp.pipe(n_process={args.processes}): {bare_s:8.1f} s  {words / bare_s:9,.0f} words/s")

    out = work / "out"
    build_s, peak_mb, stdout = _timed_build([str(corpus), "-o", str(out), "--processes", str(args.processes)])
    summary = " / ".join(line for line in stdout.splitlines() if line.startswith(("read ", "extracted ")))
    print(
        f"diplograph build --processes {args.processes}: {build_s:8.1f} s  {words / build_s:9,.0f} words/s  "
        f"ratio {bare_s / build_s:.2f}  peak {peak_mb:,.0f} MB  ({summary})"
    )
    if args.one:
        one_s, one_mb, _ = _timed_build([str(corpus), "-o", str(work / "one"), "--processes", "1"])
        print(f"diplograph build --processes 1: {one_s:8.1f} s  peak {one_mb:,.0f} MB  {args.processes} vs 1: "
              f"{one_s / build_s:.2f}x")
        shutil.rmtree(work / "one", ignore_errors=True)
    again_s, _, stdout = _timed_build([str(corpus), "-o", str(out), "--processes", str(args.processes)])
    line = next((x for x in stdout.splitlines() if x.startswith("extracted ")), "")
    print(f"the same build again: {again_s:8.1f} s = {again_s / build_s:.1%} of the full build  ({line})")
    if args.add:
        gone = ids[-args.add :]
        subprocess.run([str(DG), "remove", str(out), *gone], capture_output=True, check=True)
        add_s, _, stdout = _timed_build([str(corpus), "-o", str(out), "--processes", str(args.processes)])
        line = next((x for x in stdout.splitlines() if x.startswith("extracted ")), "")
        print(f"adding {len(gone)} articles: {add_s:8.1f} s = {add_s / build_s:.1%} of the full build  ({line})")
    trig = work / "graph.trig"
    subprocess.run([str(DG), "export", str(out), "--format", "trig", "-o", str(trig)], capture_output=True, check=True)

    import pyoxigraph as ox

    from graph.namespace import PREFIXES
    from graph.query import canned_queries

    store = ox.Store.read_only(str(out / "store"))
    canned = sorted(canned_queries().items())
    load, rdflib_answers = _rdflib_times(trig, [q for _, q in canned], args.cutoff, args.load_cutoff)
    print(f"canned queries (rdflib's in-memory dataset of the same TriG: loaded in {load}):")
    for (name, sparql), rd in zip(canned, rdflib_answers, strict=True):
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            rows = len(list(store.query(sparql, prefixes=dict(PREFIXES))))
            times.append(time.perf_counter() - t0)
        print(f"  {name:18s} {rows:7d} rows  Oxigraph p50 {statistics.median(times) * 1000:8.1f} ms   rdflib {rd}")
    t0 = time.perf_counter()
    subprocess.run([str(DG), "--help"], capture_output=True, check=True)
    print(f"diplograph --help: {time.perf_counter() - t0:.2f} s")
    del store
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
