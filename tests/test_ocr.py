"""Scanned PDFs: OCR with Tesseract where installed, a clear message naming the install step where not."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from analyser.ingest import ingest_bytes

LINES = ["Artikel 4 Bewaartermijn", "4.1 De Leverancier bewaart Klantgegevens",
         "maximaal 30 dagen en verwijdert ze daarna.", "4.2 Gegevens worden uitsluitend in de EU opgeslagen."]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="Tesseract is not installed (apt-get install tesseract-ocr "
                                            "tesseract-ocr-nld; .ci/run installs it)")


def scan_image():
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    except OSError:
        font = ImageFont.load_default(size=40)
    for n, line in enumerate(LINES):
        draw.text((150, 150 + 80 * n), line, fill=0, font=font)
    return image


def scanned_pdf() -> bytes:
    out = io.BytesIO()
    scan_image().save(out, "PDF", resolution=200)
    return out.getvalue()


def mixed_pdf() -> bytes:
    """Page 1 has a text layer, page 2 is a scan."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Artikel 3 Geheimhouding")
    c.drawString(72, 740, "3.1 De Leverancier houdt alle Klantgegevens geheim.")
    c.showPage()
    c.drawImage(ImageReader(scan_image()), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return out.getvalue()


@needs_tesseract
def test_ocr_reads_scanned_pdf():
    document = ingest_bytes(scanned_pdf(), "scan.pdf")
    text = " ".join(b.text for b in document.blocks)
    assert document.ocr_pages == [1]
    assert "maximaal 30 dagen" in text and "uitsluitend in de EU" in text


@needs_tesseract
def test_ocr_only_pages_that_need_it():
    document = ingest_bytes(mixed_pdf(), "mixed.pdf")
    assert document.ocr_pages == [2]
    text = " ".join(b.text for b in document.blocks)
    assert "3.1 De Leverancier houdt alle Klantgegevens geheim." in text
    assert "maximaal 30 dagen" in text


def _cli_without_tesseract(tmp_path, data: bytes, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    bin_dir = os.path.dirname(sys.executable)
    env = {**os.environ, "PATH": bin_dir}  # a machine where tesseract is not on the PATH
    result = subprocess.run([sys.executable, "-m", "analyser.cli", "analyse", str(path)], capture_output=True,
                            text=True, env=env, timeout=300)
    return result, json.loads(result.stdout)


def test_ocr_missing_tesseract_names_the_install_step(tmp_path):
    result, report = _cli_without_tesseract(tmp_path, scanned_pdf(), "scan.pdf")
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert report["errors"][0]["code"] == "scanned_no_ocr"
    assert "apt-get install tesseract-ocr" in report["errors"][0]["message"]


def test_ocr_missing_tesseract_mixed_document_is_analysed_with_warning(tmp_path):
    result, report = _cli_without_tesseract(tmp_path, mixed_pdf(), "mixed.pdf")
    assert result.returncode == 0
    document = report["documents"][0]
    assert document["pages"] == 2 and document["ocr_pages"] == []
    assert "Page 2 has no text layer" in document["warnings"][0]
