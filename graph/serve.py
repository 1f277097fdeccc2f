"""A SPARQL endpoint over a build's store: the Oxigraph server from the ``oxigraph`` package.

:func:`server_command` says how the server is started: bound to 127.0.0.1, read-only unless
asked otherwise (``serve-read-only``, so other processes may read the store too), with a query
timeout; the store's default graph is the union of the article graphs, each triple once. :func:`start_server` starts
it and waits until it answers; the endpoint is ``http://127.0.0.1:PORT/query`` (SPARQL 1.1
Protocol), and ``/update`` only when writable.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from base.errors import GraphFileError
from graph.corpus import store_path
from graph.store import DEFAULT_TIMEOUT

__all__ = ["HOST", "DEFAULT_PORT", "oxigraph_binary", "server_command", "start_server", "stop_server", "endpoint"]

HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program installed with the ``oxigraph`` package."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise GraphFileError("the oxigraph server is not installed; pip install oxigraph (make install does)")
    return found


def server_command(
    out: Path, port: int = DEFAULT_PORT, writable: bool = False, timeout: float = DEFAULT_TIMEOUT
) -> list[str]:
    """The command line that serves ``out``'s store."""
    store = store_path(out)
    if store is None:
        raise GraphFileError(f"{out}: no Oxigraph store (OUT/store) here; run 'diplograph build -o {out}' first")
    mode = "serve" if writable else "serve-read-only"
    return [
        oxigraph_binary(),
        mode,
        "--location",
        str(store),
        "--bind",
        f"{HOST}:{port}",
        "--timeout-s",
        str(max(1, round(timeout))),
    ]


def endpoint(port: int) -> str:
    """The SPARQL query endpoint of a server on ``port``."""
    return f"http://{HOST}:{port}/query"


def start_server(
    out: Path, port: int = DEFAULT_PORT, writable: bool = False, timeout: float = DEFAULT_TIMEOUT, wait: float = 30.0
) -> subprocess.Popen[bytes]:
    """Start the server and return once it answers a query (or raise, having stopped it)."""
    proc = subprocess.Popen(server_command(out, port, writable, timeout), stdout=subprocess.DEVNULL)
    try:
        _wait_until_up(proc, out, port, wait)
    except BaseException:  # a failed start, or Ctrl-C while starting: never leave the server behind
        stop_server(proc)
        raise
    return proc


def _wait_until_up(proc: subprocess.Popen[bytes], out: Path, port: int, wait: float) -> None:
    url = endpoint(port) + "?query=ASK%7B%7D"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise GraphFileError(
                f"{out}: the Oxigraph server stopped at start (exit {proc.returncode}); is port {port} free?"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - a loopback URL we built
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise GraphFileError(f"{out}: the Oxigraph server did not answer on port {port} within {wait:g} s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server: SIGTERM, then SIGKILL if it has not ended within ten seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
