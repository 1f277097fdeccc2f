import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from tests.conftest import EXAMPLES

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_an_example_in_its_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "diplograph " + command in result.output


def test_cli_help_imports_no_heavy_library():
    code = (
        "import sys; from click.testing import CliRunner; from diplograph.cli import cli; "
        "CliRunner().invoke(cli, ['--help']); "
        "print(sorted(m for m in ('spacy', 'matplotlib', 'rdflib', 'pyshacl', 'networkx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    cases = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.txt",
        "undecodable": tmp_path / "latin1.txt",
        "missing": tmp_path / "missing.txt",
        "no-text-folder": tmp_path / "folder",
        "malformed-jsonl": tmp_path / "records.jsonl",
    }
    cases["empty"].write_bytes(b"")
    cases["binary"].write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    cases["undecodable"].write_bytes("Café owners said the minister was wrong.".encode("latin-1"))
    cases["no-text-folder"].mkdir()
    (cases["no-text-folder"] / "notes.md").write_text("nothing")
    cases["malformed-jsonl"].write_text("{not json}\n")
    return cases


@pytest.mark.parametrize("case", ["empty", "binary", "undecodable", "missing", "no-text-folder", "malformed-jsonl"])
@pytest.mark.parametrize("command", ["build", "extract"])
def test_cli_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, case, command):
    bad = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier graph")
    target = str(out) if command == "build" else str(out / "records.jsonl")
    result = CliRunner().invoke(cli, [command, str(EXAMPLES), str(bad), "-o", target])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("diplograph: error: ")
    assert bad.name in lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text() == "earlier graph"


def test_cli_bad_query_and_bad_graph_are_one_line_errors(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("@prefix dg: <https://w3id.org/diplograph/ns#> .\n")
    result = CliRunner().invoke(cli, ["query", str(graph), "SELECT ?x WHERE { ?x "])
    assert result.exit_code == 2 and "bad SPARQL query" in result.stderr
    graph.write_text("this is not turtle")
    result = CliRunner().invoke(cli, ["stats", str(graph)])
    assert result.exit_code == 2 and str(graph) in result.stderr


def test_cli_bad_config_is_an_error(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[extract]\nmodle = 'x'\n")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(tmp_path / "o"), "--config", str(config)])
    assert result.exit_code == 2 and "unknown key 'modle'" in result.stderr


def test_cli_missing_model_says_how_to_install(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(EXAMPLES), "-o", "-", "--model", "no_such_pipeline_xyz"])
    assert result.exit_code == 2
    assert "requirements/model.txt" in result.stderr


@pytest.mark.slow
def test_cli_build_query_validate_draw_end_to_end(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    records = tmp_path / "records.jsonl"
    result = runner.invoke(
        cli, ["build", str(EXAMPLES), "-o", str(out), "--records", str(records), "--validate", "--format", "ttl,trig"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").is_file() and (out / "graph.trig").is_file()
    assert "conforms" in result.output
    result = runner.invoke(cli, ["query", str(out), "who-met-whom", "--format", "csv"])
    assert "Donald Trump,Jack Ma" in result.output
    assert runner.invoke(cli, ["validate", str(out / "graph.ttl")]).exit_code == 0
    result = runner.invoke(cli, ["draw", str(out), "-o", str(out / "g.png")])
    assert result.exit_code == 0 and (out / "g.png").stat().st_size > 10_000

    # Records rebuild to the same graph, and a failed rebuild leaves it whole.
    from rdflib.compare import isomorphic

    from graph.build import union_graph
    from graph.io import load_graph

    again = tmp_path / "again"
    assert runner.invoke(cli, ["build", str(records), "-o", str(again), "--format", "ttl"]).exit_code == 0
    assert isomorphic(union_graph(load_graph(out)), union_graph(load_graph(again)))
    before = (again / "graph.ttl").read_bytes()
    stored = union_graph(load_graph(again))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert runner.invoke(cli, ["build", str(EXAMPLES), str(empty), "-o", str(again)]).exit_code == 2
    assert (again / "graph.ttl").read_bytes() == before
    assert isomorphic(union_graph(load_graph(again)), stored)


def _gold_corpus(tmp_path: Path) -> tuple[Path, Path]:
    import json
    import shutil

    corpus = tmp_path / "corpus"
    (corpus / "examples").mkdir(parents=True)
    shutil.copy(EXAMPLES / "apple-samsung.txt", corpus / "examples" / "apple-samsung.txt")
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            {
                "doc": "examples/apple-samsung.txt",
                "entities": [
                    {"id": "apple", "type": "Organization", "names": ["Apple"]},
                    {"id": "samsung", "type": "Organization", "names": ["Samsung", "Samsung Electronics"]},
                    {"id": "seoul", "type": "Place", "names": ["Seoul"]},
                ],
                "relations": [
                    {"s": "apple", "p": "sued", "o": "samsung"},
                    {"s": "samsung", "p": "basedIn", "o": "seoul"},
                    {"s": "samsung", "p": "partnerOf", "o": "apple"},
                ],
                "quotes": [],
            }
        )
    )
    return corpus, gold


@pytest.mark.slow
def test_cli_eval_prints_table_and_json(tmp_path):
    import json

    corpus, gold = _gold_corpus(tmp_path)
    result = CliRunner().invoke(cli, ["eval", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "sued" in result.output
    data = json.loads(CliRunner().invoke(cli, ["eval", str(gold), "--corpus", str(corpus), "--json"]).output)
    assert data["relations"]["sued"]["tp"] == 1
    assert data["micro"]["tp"] + data["micro"]["fn"] == 3


def test_cli_eval_malformed_gold_is_one_line_error(tmp_path):
    corpus, gold = _gold_corpus(tmp_path)
    gold.write_text(
        '{"doc": "examples/apple-samsung.txt", "entities": [], "relations": [{"s": "a", "p": "x", "o": "b"}]}'
    )
    result = CliRunner().invoke(cli, ["eval", str(gold), "--corpus", str(corpus)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "unknown relation 'x'" in result.stderr and str(gold) in result.stderr


@pytest.mark.slow
def test_cli_throughput_benchmark_prints_its_figures():
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "throughput.py"), "--limit", "4", "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "words/s" in out and "ratio (diplograph/spaCy)" in out


@pytest.mark.slow
def test_cli_scale_benchmark_prints_its_figures(tmp_path):
    import json

    root = Path(__file__).resolve().parents[2]
    wire = tmp_path / "wire.jsonl"
    rows = [{"id": p.stem, "text": p.read_text("utf-8")} for p in sorted(EXAMPLES.glob("*.txt"))[:3]]
    wire.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            str(root / "benchmarks" / "scale.py"),
            "--corpus",
            str(wire),
            "--processes",
            "1",
            "--cutoff",
            "20",
            "--add",
            "1",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "3 articles" in out and "bare spaCy" in out and "ratio" in out
    assert "the same build again" in out and "extracted 0 article(s)" in out
    assert "adding 1 articles" in out and "extracted 1 article(s)" in out
    assert out.count("Oxigraph p50") == 5 and "diplograph --help" in out


def test_cli_build_skips_unusable_articles_of_a_corpus_with_a_warning_each(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for src in sorted(EXAMPLES.glob("*.txt"))[:2]:
        (corpus / src.name).write_text(src.read_text("utf-8"), encoding="utf-8")
    (corpus / "zz-empty.txt").write_text("")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: skipped")]
    assert len(warnings) == 1 and "zz-empty.txt: empty file" in warnings[0]
    assert "read 2 article(s); skipped 1 (1 empty)" in result.stdout
    assert "the store holds 2 article(s)" in result.stdout and (out / "store").is_dir()
    # --strict turns the skip into a failure that writes nothing.
    out2 = tmp_path / "out2"
    strict = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out2), "--strict"])
    assert strict.exit_code == 2 and "zz-empty.txt: empty file" in strict.stderr
    assert not out2.exists()


def test_cli_build_reads_a_jsonl_file_of_articles(tmp_path):
    import json

    stories = tmp_path / "wire.jsonl"
    rows = [
        {"id": f"s{i}", "title": src.read_text("utf-8").splitlines()[0], "text": src.read_text("utf-8")}
        for i, src in enumerate(sorted(EXAMPLES.glob("*.txt"))[:2])
    ]
    stories.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(stories), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "read 2 article(s)" in result.stdout
    from graph.store import run_sparql

    ids = run_sparql(out, "SELECT ?id WHERE { ?d a dg:Article ; dcterms:identifier ?id } ORDER BY ?id").rows
    assert ids == (("wire.jsonl#s0",), ("wire.jsonl#s1",))


def test_cli_query_answers_from_the_store_and_stops_endless_queries(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(out)]).exit_code == 0
    assert (out / "store").is_dir()
    ok = CliRunner().invoke(cli, ["query", str(out), "who-met-whom", "--format", "csv"])
    assert ok.exit_code == 0 and ok.stdout.startswith("a,b,article")
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    stopped = CliRunner().invoke(cli, ["query", str(out), endless, "--timeout", "1"])
    assert stopped.exit_code == 2 and "query stopped after 1 s" in stopped.stderr
    update = CliRunner().invoke(cli, ["query", str(out), "INSERT DATA { <a:b> <a:c> <a:d> }"])
    assert update.exit_code == 2 and "refuses updates" in update.stderr
