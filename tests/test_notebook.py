"""The evaluation notebook runs from the repository (on the shared corpus) and shows the figures."""
from __future__ import annotations

import os

import nbformat
from nbclient import NotebookClient

from conftest import CORPUS, ROOT


def test_notebook_evaluation_runs(corpus, tmp_path):
    notebook = nbformat.read(ROOT / "notebooks" / "evaluation.ipynb", as_version=4)
    os.environ["ANALYSER_CORPUS"] = str(CORPUS)
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = "".join(o.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs)
    assert '"accuracy"' in outputs and "f1_not_met" in outputs
    nbformat.write(notebook, tmp_path / "executed.ipynb")
