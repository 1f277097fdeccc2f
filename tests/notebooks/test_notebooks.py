"""Every notebook runs top to bottom, and what it shows is what a user would see: every drawing
cell's output holds an image and every table cell's an HTML table, with no %matplotlib magic."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
pytestmark = pytest.mark.slow


def _kind(source: str) -> str | None:
    """What a cell shows when it is one ``kg.`` expression: a ``figure`` (``kg.draw``) or a
    ``table`` (every other KnowledgeGraph view is a DataFrame); None for other cells."""
    text = source.strip()
    if not text.startswith("kg.") or "\n" in text and not text.startswith("kg.query("):
        return None
    return "figure" if text.startswith("kg.draw(") else "table"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_run_and_show_images_and_tables(path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    assert not any("%matplotlib" in c.source for c in nb.cells), "the notebooks need no magic"
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    checked = {"figure": 0, "table": 0}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kind = _kind(cell.source)
        if kind is None:
            continue
        data = [o.get("data", {}) for o in cell.outputs if o.output_type in ("execute_result", "display_data")]
        if kind == "figure":
            assert any("image/png" in d for d in data), f"no image from {cell.source!r}"
        else:
            assert any("<table" in d.get("text/html", "") for d in data), f"no HTML table from {cell.source!r}"
        checked[kind] += 1
    assert sum(checked.values()) > 0
