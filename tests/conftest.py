"""Shared fixtures: paths to the committed test files and the shared corpus, file builders."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = Path(__file__).resolve().parent / "files"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def files() -> Path:
    return FILES


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({CORPUS})")
    return CORPUS


@pytest.fixture(scope="session")
def analyser():
    from analyser.pipeline import Analyser

    return Analyser()


def canvas_pdf(pages: list[list[tuple[float, str, str, float]]], **canvas_args) -> bytes:
    """A PDF drawn line by line: per page, (y, font, text, size) tuples. For layout tests."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, **canvas_args)
    for number, lines in enumerate(pages, start=1):
        c.setFont("Helvetica", 8)
        c.drawString(72, A4[1] - 40, "ACME Cloud - Master Terms")
        c.drawString(280, 30, f"Page {number} of {len(pages)}")
        for y, font, text, size in lines:
            c.setFont(font, size)
            c.drawString(72, y, text)
        c.showPage()
    c.save()
    return out.getvalue()
