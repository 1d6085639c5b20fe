"""Errors a user can act on. Each has a stable code that reports and tests refer to."""
from __future__ import annotations


class AnalyserError(Exception):
    """Base class: `code` is stable, `message` is written for a non-programmer."""

    code = "analyser_error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class UnreadableFile(AnalyserError):
    """A file that could not be read; the rest of the run goes on."""

    code = "unreadable_file"


class LibraryError(AnalyserError):
    """The reference library is invalid: every problem is listed with its location."""

    code = "invalid_library"


# Messages per code: what is wrong and what to do. `{file}` is filled in.
MESSAGES = {
    "file_not_found": "{file}: the file does not exist. Check the name and the folder.",
    "empty_file": "{file}: the file is empty. Save the document again and upload the saved copy.",
    "unsupported_format": (
        "{file}: this is not a PDF, Word (.docx), Markdown, text or HTML document. "
        "Save the terms in one of those formats and try again."
    ),
    "legacy_word": (
        "{file}: this is an old Word (.doc) file. Open it in Word or LibreOffice, "
        "save it as .docx and upload that."
    ),
    "unreadable_pdf": (
        "{file}: the PDF is damaged or incomplete and cannot be read. "
        "Download or export it again and try once more."
    ),
    "encrypted_pdf": (
        "{file}: the PDF is protected with a password. Ask the vendor for an unprotected copy "
        "or remove the password in a PDF reader, then upload it again."
    ),
    "unreadable_docx": (
        "{file}: the Word file is damaged or is not a real .docx. "
        "Open it in Word or LibreOffice, save it as .docx again and upload that copy."
    ),
    "no_text": (
        "{file}: no text was found in this document; it may be a scan. "
        "Install Tesseract OCR (see the README) or ask the vendor for a text PDF."
    ),
    "too_large": "{file}: the document is larger than the limit ({limit}). Split it, or raise the limit (see the README).",
    "too_many_pages": "{file}: the document has {pages} pages, more than the limit of {limit}. Split it, or raise the limit (see the README).",
    "unsafe_file": "{file}: {detail} It was not opened, to protect this computer.",
    "undecodable_text": "{file}: the text encoding could not be recognised. Save it as UTF-8 text and try again.",
}


def unreadable(file: str, code: str, **fields) -> UnreadableFile:
    return UnreadableFile(MESSAGES[code].format(file=file, **fields), code=code)
