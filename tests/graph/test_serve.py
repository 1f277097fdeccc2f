"""The SPARQL endpoint (diplograph serve): a real Oxigraph server asked by a real client."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from graph.serve import endpoint
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from click.testing import CliRunner

    from diplograph.cli import cli

    out = tmp_path_factory.mktemp("served") / "out"
    assert CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(out)]).exit_code == 0
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplograph.cli", "serve", str(out), "--port", str(port)], stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(endpoint(port) + "?query=ASK%7B%7D", timeout=2).close()
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    yield port, proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def test_serve_answers_a_sparql_client(server):
    from SPARQLWrapper import JSON, SPARQLWrapper

    from graph.query import canned_queries

    port, _ = server
    client = SPARQLWrapper(endpoint(port))
    client.setQuery(canned_queries()["who-met-whom"])
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    names = {(r["a"]["value"], r["b"]["value"]) for r in rows}
    assert names and all(a and b for a, b in names)


def test_serve_refuses_updates_when_read_only(server):
    port, _ = server
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/update",
        data=b"update=INSERT%20DATA%20%7B%20%3Ca%3Ab%3E%20%3Ca%3Ac%3E%20%3Ca%3Ad%3E%20%7D",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code >= 400
    ask = urllib.request.urlopen(endpoint(port) + "?query=ASK%7B%3Ca%3Ab%3E%20%3Fp%20%3Fo%7D", timeout=10).read()
    assert b"false" in ask


def test_serve_binds_loopback_only_and_stops_cleanly(server):
    port, proc = server
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
