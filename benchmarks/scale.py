"""Corpus scale: a JSON Lines newswire into a store, against bare spaCy, and queries on it.

Prints, for the first ``--limit`` stories of ``--jsonl`` (default: all of
``../shared/corpus/reuters21578.jsonl``):
- bare spaCy ``nlp.pipe(n_process=P)`` on the same texts, words/s;
- ``diplograph build JSONL -o OUT --processes P``: wall time, peak resident memory of the build
  process, words/s, and its ratio to bare spaCy;
- the canned queries on ``OUT/store``: p50 of five runs on Oxigraph, beside rdflib's
  in-memory engine on the same TriG (stopped after ``--cutoff`` seconds);
- ``diplograph --help`` wall time.

    .venv/bin/python benchmarks/scale.py --limit 2000 --processes 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
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


def _subset(source: Path, limit: int | None, target: Path) -> tuple[list[str], int]:
    from extract.sources import iter_jsonl_articles

    texts: list[str] = []
    with target.open("w", encoding="utf-8") as out, source.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            out.write(line)
    for item in iter_jsonl_articles(target):
        text = getattr(item, "text", None)
        if text is not None:
            texts.append(text)
    return texts, sum(len(t.split()) for t in texts)


def _bare(texts: list[str], processes: int) -> float:
    import spacy

    from extract.model import resolve_model_name

    nlp = spacy.load(resolve_model_name(None))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=processes, batch_size=16):
        pass
    return time.perf_counter() - start


def _rdflib_query(trig: str, sparql: str, conn: object) -> None:
    from graph.io import load_graph
    from graph.query import run_query

    ds = load_graph(Path(trig))
    start = time.perf_counter()
    run_query(ds, sparql)
    conn.send(time.perf_counter() - start)  # type: ignore[attr-defined]


def _rdflib_time(trig: Path, sparql: str, cutoff: float) -> str:
    parent, child = multiprocessing.Pipe(duplex=False)
    proc = multiprocessing.get_context("fork").Process(target=_rdflib_query, args=(str(trig), sparql, child))
    proc.start()
    answer = f"no answer in {cutoff:g} s"
    if parent.poll(cutoff):
        answer = f"{parent.recv() * 1000:8.1f} ms"
    proc.kill()
    proc.join()
    return answer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="first N lines only (default: all)")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--cutoff", type=float, default=60.0, help="seconds rdflib may take per query")
    args = ap.parse_args()
    if not args.jsonl.is_file():
        raise SystemExit(f"{args.jsonl}: not present")
    work = Path(tempfile.mkdtemp(prefix="diplograph-scale-"))
    subset = work / "stories.jsonl"
    texts, words = _subset(args.jsonl, args.limit, subset)
    print(f"{len(texts)} stories, {words:,} words ({args.jsonl}, first {args.limit or 'all'} lines)")
    bare_s = _bare(texts, args.processes)
    print(f"bare spaCy nlp.pipe(n_process={args.processes}): {bare_s:8.1f} s  {words / bare_s:9,.0f} words/s")

    out = work / "out"
    start = time.perf_counter()
    build = subprocess.run(
        [str(DG), "build", str(subset), "-o", str(out), "--processes", str(args.processes), "--format", "trig"],
        capture_output=True,
        text=True,
    )
    build_s = time.perf_counter() - start
    if build.returncode != 0:
        raise SystemExit(f"build failed: {build.stderr.strip().splitlines()[-1:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = next((line for line in build.stdout.splitlines() if line.startswith("read ")), "")
    print(
        f"diplograph build --processes {args.processes}: {build_s:8.1f} s  {words / build_s:9,.0f} words/s  "
        f"ratio {bare_s / build_s:.2f}  peak {peak_mb:,.0f} MB  ({summary})"
    )

    import pyoxigraph as ox

    from graph.namespace import PREFIXES
    from graph.query import canned_queries

    store = ox.Store.read_only(str(out / "store"))
    for name, sparql in sorted(canned_queries().items()):
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            rows = len(list(store.query(sparql, prefixes=dict(PREFIXES))))
            times.append(time.perf_counter() - t0)
        rd = _rdflib_time(out / "graph.trig", sparql, args.cutoff)
        print(f"  {name:18s} {rows:7d} rows  Oxigraph p50 {statistics.median(times) * 1000:8.1f} ms   rdflib {rd}")
    t0 = time.perf_counter()
    subprocess.run([str(DG), "--help"], capture_output=True, check=True)
    print(f"diplograph --help: {time.perf_counter() - t0:.2f} s")
    del store
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
