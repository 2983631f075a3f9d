"""examples/quickstart.ipynb runs as saved, so the README's notebook stays true.

Its code cells are run in order in one namespace from the examples directory (as Jupyter would),
with each cell's last expression rendered as Jupyter renders it (``_repr_html_`` first). When
nbclient and ipykernel are installed the notebook is also executed in a real kernel.
"""

from __future__ import annotations

import ast
import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"


def _load() -> dict[str, Any]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def _code_cells(nb: dict[str, Any]) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_notebook_is_small_self_contained_and_saved_with_outputs() -> None:
    nb = _load()
    assert nb["nbformat"] == 4
    assert NOTEBOOK.stat().st_size < 100_000, "keep the example notebook small"
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 5
    for c in cells:
        assert c["outputs"], f"cell without saved output: {''.join(c['source'])[:60]!r}"
        assert all(o["output_type"] != "error" for o in c["outputs"])
    source = "\n".join(_code_cells(nb))
    for needle in ("http://", "https://", "urllib", "requests", "socket"):
        assert needle not in source, f"the notebook must not use the network ({needle})"
    assert "sputnik-nato-balkans.txt" in source and "process_batch" in source and "to_pandas" in source
    html = [o for c in cells for o in c["outputs"] if "text/html" in o.get("data", {})]
    assert any("cd-article" in "".join(o["data"]["text/html"]) for o in html), "an Article shown as HTML"


def _run_cell(code: str, ns: dict[str, Any]) -> object:
    """Run one cell; return its last expression's value (None if the cell ends in a statement)."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "quickstart.ipynb", "exec"), ns)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "quickstart.ipynb", "eval"), ns)


def test_notebook_code_cells_run_in_order() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    nb = _load()
    ns: dict[str, Any] = {"__name__": "__notebook__"}
    cwd = os.getcwd()
    os.chdir(NOTEBOOK.parent)
    try:
        for code in _code_cells(nb):
            value = _run_cell(code, ns)
            if value is not None:
                rich = getattr(value, "_repr_html_", None)
                shown = rich() if callable(rich) else repr(value)
                assert isinstance(shown, str) and shown
    finally:
        os.chdir(cwd)
    batch = ns["batch"]
    assert len(batch) == 4 and batch[-1].error is not None
    assert len(ns["tables"]["documents"]) == 4
    assert ns["quotes"]["speaker"].notna().any()


def test_notebook_executes_in_a_kernel() -> None:
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    nb = nbformat.reads(NOTEBOOK.read_text(encoding="utf-8"), as_version=4)
    run = copy.deepcopy(nb)
    nbclient.NotebookClient(
        run, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    for cell in run.cells:
        if cell.cell_type == "code":
            assert all(o.output_type != "error" for o in cell.outputs), cell.source
