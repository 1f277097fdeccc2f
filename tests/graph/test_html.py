"""The offline page: self-contained, escaped, and rendering in headless Chromium."""

import os
import re
import shutil
import subprocess
import tempfile

import networkx as nx
import pytest

from graph.html import graph_page, write_page
from graph.network import to_networkx

CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--hide-scrollbars",
    "--window-size=1280,850",
    # Any attempt to reach a host fails, so a page that needed the network would show it.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=15000",
]


def test_html_page_loads_nothing_from_the_network(small_dataset):
    page = graph_page(to_networkx(small_dataset), "t")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert "vis.Network" in page and "Jack Ma" in page


def test_html_page_escapes_text_that_would_end_a_script():
    G = nx.MultiDiGraph()
    G.add_node("a", label="A</script><script>alert(1)</script>", type="Person", broad="Person", aliases=[])
    G.add_node("b", label="B", type="Company", broad="Organization", aliases=[])
    G.add_edge("a", "b", key="worksFor", evidence="x</script>y", article="z", confidence=0.9, title=None)
    page = graph_page(G, "<b>title</b>")
    assert page.count("</script>") == 3  # the library, the data and the page's own script
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in page


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; 'make test' installs Debian's chromium package")
        pytest.skip("chromium is not installed")
    return path


def _run(chrome: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [chrome, *CHROME_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from graph.build import build_dataset
    from tests.conftest import hand_records

    path = tmp_path_factory.mktemp("html") / "graph.html"
    G = to_networkx(build_dataset(hand_records()))
    write_page(G, path, "test page")
    return path, sum(1 for n in G if G.degree(n))


@pytest.mark.slow
def test_html_renders_in_headless_chromium_without_console_errors(page):
    chrome = _chromium()
    path, expected = page
    result = _run(chrome, "--dump-dom", path.as_uri())
    body = re.search(r"<body([^>]*)>", result.stdout)
    assert body, result.stderr[-2000:]
    attrs = dict(re.findall(r'data-(\w+)="([^"]*)"', body.group(1)))
    assert attrs.get("rendered") == str(expected)
    assert attrs.get("errors") == "0"
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []


@pytest.mark.slow
def test_html_search_and_edge_click_show_details(page):
    chrome = _chromium()
    path, _ = page
    dom = _run(chrome, "--dump-dom", path.as_uri() + "#entity=jack%20ma").stdout
    details = re.search(r'<aside id="details">(.*?)</aside>', dom, re.S).group(1)
    assert "<h2>Jack Ma</h2>" in details and "founded" in details
    dom = _run(chrome, "--dump-dom", path.as_uri() + "#edge=0").stdout
    details = re.search(r'<aside id="details">(.*?)</aside>', dom, re.S).group(1)
    assert "<blockquote>Jack Ma met Donald Trump today.</blockquote>" in details
    assert "Article: a.txt" in details


@pytest.mark.slow
def test_html_screenshot_is_not_blank(page, tmp_path):
    from PIL import Image

    chrome = _chromium()
    path, _ = page
    shot = tmp_path / "shot.png"
    _run(chrome, f"--screenshot={shot}", path.as_uri())
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert image.size == (1280, 850)
    # A blank page has a handful of colours; drawn nodes, edges and labels have hundreds.
    assert len(colours) > 200
    node_blue = sum(n for n, (r, g, b) in colours if abs(r - 0x4C) < 12 and abs(g - 0x72) < 12 and abs(b - 0xB0) < 12)
    assert node_blue > 200
