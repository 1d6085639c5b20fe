"""OCR of PDF pages without a text layer, with Tesseract through pytesseract.

Only the pages that need it are rendered (by PDFium) and read. Tesseract is a
system program: where it is missing, `available()` is False and the caller says
how to install it.
"""
from __future__ import annotations

import shutil
from functools import lru_cache

INSTALL_HINT = "sudo apt-get install tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng"
DPI = 300


@lru_cache(maxsize=1)
def available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def languages() -> str:
    import pytesseract

    installed = set(pytesseract.get_languages(config=""))
    chosen = [lang for lang in ("nld", "eng") if lang in installed]
    return "+".join(chosen) or "eng"


def page_lines(page) -> list[tuple[str, float, float, float, float, float]]:
    """(text, top, bottom, left, right, height) per OCR line, in PDF points (y up), for one pdfium page."""
    import pytesseract

    height = page.get_height()
    image = page.render(scale=DPI / 72).to_pil()
    data = pytesseract.image_to_data(image, lang=languages(), output_type=pytesseract.Output.DICT)
    lines: dict[tuple, list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= 0:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    out = []
    scale = 72 / DPI
    for key in sorted(lines, key=lambda k: min(data["top"][i] for i in lines[k])):
        idx = lines[key]
        text = " ".join(data["text"][i] for i in idx)
        top_px = min(data["top"][i] for i in idx)
        bottom_px = max(data["top"][i] + data["height"][i] for i in idx)
        left_px = min(data["left"][i] for i in idx)
        right_px = max(data["left"][i] + data["width"][i] for i in idx)
        out.append((text, height - top_px * scale, height - bottom_px * scale, left_px * scale, right_px * scale,
                    (bottom_px - top_px) * scale))
    return out
