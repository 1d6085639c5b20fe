"""Build the benchmark inputs into benchmarks/.inputs/ from the shared corpus.

  long.pdf        ~400 pages: many corpus documents' Markdown joined and rendered once
  thirty.pdf      ~30 pages (the dashboard's case)
  corpus/pdf/*    every corpus document rendered to PDF
  corpus/docx/*   every corpus document rendered to DOCX
  manifest.json   page counts and sources

Run: .venv/bin/python benchmarks/make_inputs.py [--corpus DIR] [--pages 400]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

from analyser.render import render_docx, render_pdf

HERE = Path(__file__).resolve().parent
INPUTS = HERE / ".inputs"
DEFAULT_CORPUS = Path("/work/shared/corpus")


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.md") if p.name.lower() != "readme.md")


def page_count(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def slug(path: Path, corpus: Path) -> str:
    return "__".join(path.relative_to(corpus).with_suffix("").parts)


def joined_pdf(texts: list[str], target_pages: int, title: str) -> tuple[bytes, int, int]:
    """Join documents (repeating the set if needed) until the rendered PDF reaches target_pages.

    Estimate the characters per page from a first render, then render once more at
    the right size (at most a few renders, not one per document).
    """
    def build(n_docs: int) -> str:
        return "\n\n".join(texts[i % len(texts)] for i in range(n_docs))

    n_docs = len(texts)
    data = render_pdf(build(n_docs), title)
    pages = page_count(data)
    for _ in range(4):
        if abs(pages - target_pages) <= max(2, target_pages // 20):
            break
        n_docs = max(1, round(n_docs * target_pages / pages))
        data = render_pdf(build(n_docs), title)
        pages = page_count(data)
    return data, pages, n_docs


def thirty_pdf(texts: list[str], target_pages: int, title: str) -> tuple[bytes, int]:
    """~target_pages from the start of the joined corpus, trimmed by characters."""
    joined = "\n\n".join(texts)
    chars = 3500 * target_pages
    data = render_pdf(joined[:chars], title)
    pages = page_count(data)
    for _ in range(4):
        if abs(pages - target_pages) <= 1:
            break
        chars = int(chars * target_pages / pages)
        cut = joined.rfind("\n\n", 0, chars)
        data = render_pdf(joined[: cut if cut > 0 else chars], title)
        pages = page_count(data)
    return data, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=400, help="target pages of the long PDF")
    parser.add_argument("--short-pages", type=int, default=30, help="target pages of the short PDF")
    args = parser.parse_args()

    files = corpus_files(args.corpus)
    if not files:
        print(f"no Markdown documents under {args.corpus}", file=sys.stderr)
        return 2
    INPUTS.mkdir(parents=True, exist_ok=True)
    (INPUTS / "corpus" / "pdf").mkdir(parents=True, exist_ok=True)
    (INPUTS / "corpus" / "docx").mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in files]
    manifest: dict = {"corpus": str(args.corpus), "documents": []}

    t0 = time.perf_counter()
    data, pages, n_docs = joined_pdf(texts, args.pages, "Benchmark: joined vendor terms")
    (INPUTS / "long.pdf").write_bytes(data)
    manifest["long"] = {"file": "long.pdf", "pages": pages, "bytes": len(data), "documents_joined": n_docs}
    print(f"long.pdf: {pages} pages from {n_docs} documents ({time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    data, pages = thirty_pdf(texts, args.short_pages, "Benchmark: short terms")
    (INPUTS / "thirty.pdf").write_bytes(data)
    manifest["thirty"] = {"file": "thirty.pdf", "pages": pages, "bytes": len(data)}
    print(f"thirty.pdf: {pages} pages ({time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    for path, text in zip(files, texts):
        name = slug(path, args.corpus)
        title = path.stem.replace("_", " ")
        pdf = render_pdf(text, title)
        docx = render_docx(text, title)
        (INPUTS / "corpus" / "pdf" / f"{name}.pdf").write_bytes(pdf)
        (INPUTS / "corpus" / "docx" / f"{name}.docx").write_bytes(docx)
        manifest["documents"].append({"source": str(path), "name": name, "pages": page_count(pdf),
                                      "pdf_bytes": len(pdf), "docx_bytes": len(docx)})
    total = sum(d["pages"] for d in manifest["documents"])
    print(f"corpus: {len(files)} documents -> PDF ({total} pages) and DOCX ({time.perf_counter() - t0:.1f} s)")

    (INPUTS / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    print(f"inputs in {INPUTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
