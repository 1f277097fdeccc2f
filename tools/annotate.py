"""Helpers for writing gold files to ../shared/gold/GUIDELINES.md (issue 7).

    python tools/annotate.py show bbc/business/126.txt          # the article, numbered lines
    python tools/annotate.py show reuters21578.jsonl#reuters-1771
    python tools/annotate.py check gold/train/bbc-business-126.json [...]
    python tools/annotate.py stats gold/train gold/sealed
    python tools/annotate.py place gold/pool          # into gold/train or gold/sealed by SPLIT.json

``check`` loads the file with the scorer's own loader, then checks what the loader cannot:
the file is named after its document, every name occurs in the article as written, every
quote opening occurs in the article, and no field carries article text (no ``evidence``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def article_text(doc: str) -> str:
    """The article as diplograph reads it (the text gold names and offsets refer to)."""
    from extract.sources import read_corpus_document

    return read_corpus_document(CORPUS, doc).text


def gold_name(doc: str) -> str:
    if "#" in doc:
        return doc.split("#", 1)[1] + ".json"
    return doc.removesuffix(".txt").replace("/", "-") + ".json"


def check(path: Path) -> list[str]:
    from scoring.gold import load_gold

    problems = []
    try:
        gold = load_gold(path)
    except Exception as exc:  # noqa: BLE001 - report every kind of failure
        return [str(exc)]
    data = json.loads(path.read_text("utf-8"))
    if path.name != gold_name(gold.doc):
        problems.append(f"{path}: file should be named {gold_name(gold.doc)}")
    text = article_text(gold.doc)
    flat = " ".join(text.split())
    for ent in data["entities"]:
        for name in ent.get("names") or []:
            if " ".join(name.split()) not in flat:
                problems.append(f"{path}: entity {ent['id']!r}: name {name!r} is not in the article as written")
    for q in data.get("quotes") or []:
        if " ".join(q["start"].split()) not in flat:
            problems.append(f"{path}: quote start {q['start']!r} is not in the article as written")
    for rel in data["relations"]:
        extra = set(rel) - {"s", "p", "o", "title"}
        if extra:
            problems.append(f"{path}: relation {rel} has fields {sorted(extra)}; only s, p, o, title are kept")
    from extract.contract import SIGNATURES
    from scoring.gold import INVERSES

    types = {e["id"]: e.get("type") for e in data["entities"]}
    for rel in data["relations"]:
        p, s_id, o_id = rel.get("p"), rel.get("s"), rel.get("o")
        if p in INVERSES:
            p, s_id, o_id = INVERSES[p], o_id, s_id
        if p in SIGNATURES and s_id in types and o_id in types:
            subj, obj = SIGNATURES[p]
            if types[s_id] not in subj or types[o_id] not in obj:
                problems.append(
                    f"{path}: {rel['s']} {rel['p']} {rel['o']}: {p} joins {'/'.join(sorted(subj))} to "
                    f"{'/'.join(sorted(obj))}, not {types[s_id]} to {types[o_id]}"
                )
    used = {r["s"] for r in data["relations"]} | {r["o"] for r in data["relations"]}
    used |= {q["speaker"] for q in data.get("quotes") or []}
    for ent in data["entities"]:
        if ent["id"] not in used:
            problems.append(f"{path}: entity {ent['id']!r} takes part in no relation or quote")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "show":
        for doc in args:
            for i, line in enumerate(article_text(doc).splitlines(), 1):
                print(f"{i:3d}  {line}")
        return 0
    if cmd == "check":
        bad = [p for a in args for p in check(Path(a))]
        for p in bad:
            print(p)
        print(f"{len(args)} file(s), {len(bad)} problem(s)")
        return 1 if bad else 0
    if cmd == "place":
        import shutil

        split = json.loads((ROOT / "gold" / "SPLIT.json").read_text("utf-8"))
        where = {gold_name(d): "train" for d in split["train"]} | {gold_name(d): "sealed" for d in split["sealed"]}
        twice = {gold_name(d) for d in split["annotated_twice"]}
        for f in sorted(Path(args[0]).glob("*.json")):
            if f.name not in where:
                print(f"{f}: not in gold/SPLIT.json, left where it is")
                continue
            shutil.copyfile(f, ROOT / "gold" / where[f.name] / f.name)
            if f.name in twice and not (ROOT / "gold" / "agreement" / "first" / f.name).exists():
                shutil.copyfile(f, ROOT / "gold" / "agreement" / "first" / f.name)
        return 0
    if cmd == "stats":
        from collections import Counter

        files = [f for a in args for f in (sorted(Path(a).glob("*.json")) if Path(a).is_dir() else [Path(a)])]
        rels: Counter[str] = Counter()
        for f in files:
            rels.update(r["p"] for r in json.loads(f.read_text("utf-8"))["relations"])
        print(f"{len(files)} files, {sum(rels.values())} relations")
        for p, n in rels.most_common():
            print(f"  {p:12s} {n}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
