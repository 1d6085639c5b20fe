"""Errors a user can act on. Each has a stable code that reports and tests refer to."""
from __future__ import annotations

import zipfile
import zlib

# What zipfile raises on a damaged archive (an odd "version needed" in its directory: NotImplementedError).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


class AnalyserError(Exception):
    """Base class: `code` is stable, `message` (English) is written for a non-programmer."""

    code = "analyser_error"

    def __init__(self, message: str, code: str | None = None, fields: dict | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code

    def localised(self, language: str) -> str:
        """The message in Dutch or English (others: English)."""
        template = MESSAGES.get(self.code, {}).get(language)
        return template.format(**self.fields) if template else self.message


class UnreadableFile(AnalyserError):
    """A file that could not be read; the rest of the run goes on."""

    code = "unreadable_file"


class LibraryError(AnalyserError):
    """The reference library is invalid: every problem is listed with its location."""

    code = "invalid_library"


# Messages per code and language: what is wrong and what to do. `{file}` is filled in.
MESSAGES = {
    "file_not_found": {
        "en": "{file}: the file does not exist. Check the name and the folder.",
        "nl": "{file}: dit bestand bestaat niet. Controleer de naam en de map."},
    "empty_file": {
        "en": "{file}: the file is empty. Save the document again and upload the saved copy.",
        "nl": "{file}: het bestand is leeg. Sla het document opnieuw op en upload die kopie."},
    "unsupported_format": {
        "en": "{file}: this is not a PDF, Word (.docx), Markdown, text or HTML document. "
              "Save the terms in one of those formats and try again.",
        "nl": "{file}: dit is geen PDF-, Word- (.docx), Markdown-, tekst- of HTML-document. "
              "Sla de voorwaarden op in een van die formaten en probeer het opnieuw."},
    "legacy_word": {
        "en": "{file}: this is an old Word (.doc) file. Open it in Word or LibreOffice, save it as .docx and upload that.",
        "nl": "{file}: dit is een oud Word-bestand (.doc). Open het in Word of LibreOffice, sla het op als .docx "
              "en upload dat."},
    "unreadable_pdf": {
        "en": "{file}: the PDF is damaged or incomplete and cannot be read. Download or export it again and try once more.",
        "nl": "{file}: de PDF is beschadigd of onvolledig en kan niet worden gelezen. Download of exporteer hem "
              "opnieuw en probeer het nog eens."},
    "encrypted_pdf": {
        "en": "{file}: the PDF is protected with a password. Ask the vendor for an unprotected copy "
              "or remove the password in a PDF reader, then upload it again.",
        "nl": "{file}: de PDF is beveiligd met een wachtwoord. Vraag de leverancier om een onbeveiligde kopie "
              "of verwijder het wachtwoord in een PDF-lezer en upload hem opnieuw."},
    "unreadable_docx": {
        "en": "{file}: the Word file is damaged or is not a real .docx. Open it in Word or LibreOffice, "
              "save it as .docx again and upload that copy.",
        "nl": "{file}: het Word-bestand is beschadigd of geen echt .docx-bestand. Open het in Word of LibreOffice, "
              "sla het opnieuw op als .docx en upload die kopie."},
    "no_text": {
        "en": "{file}: no readable text was found in this document (also not by OCR). "
              "Check that it is the right file, or ask the vendor for a text version.",
        "nl": "{file}: in dit document is geen leesbare tekst gevonden (ook niet met OCR). "
              "Controleer of het het juiste bestand is, of vraag de leverancier om een tekstversie."},
    "scanned_no_ocr": {
        "en": "{file}: this PDF is a scan without a text layer. Install Tesseract OCR to read it ({hint}), "
              "or ask the vendor for a text PDF.",
        "nl": "{file}: deze PDF is een scan zonder tekstlaag. Installeer Tesseract OCR om hem te lezen ({hint}), "
              "of vraag de leverancier om een PDF met tekst."},
    "too_large": {
        "en": "{file}: the document is larger than the limit ({limit}). Split it, or raise the limit (see the README).",
        "nl": "{file}: het document is groter dan de limiet ({limit}). Splits het, of verhoog de limiet (zie de README)."},
    "too_many_pages": {
        "en": "{file}: the document has {pages} pages, more than the limit of {limit}. "
              "Split it, or raise the limit (see the README).",
        "nl": "{file}: het document heeft {pages} pagina's, meer dan de limiet van {limit}. "
              "Splits het, of verhoog de limiet (zie de README)."},
    "unsafe_file": {
        "en": "{file}: {detail} It was not opened, to protect this computer.",
        "nl": "{file}: {detail} Het is niet geopend, ter bescherming van deze computer."},
    "permission_denied": {
        "en": "{file}: this file may not be read (no permission). Copy it somewhere you can open it.",
        "nl": "{file}: dit bestand mag niet worden gelezen (geen rechten). Kopieer het naar een map die u kunt openen."},
}


def unreadable(file: str, code: str, **fields) -> UnreadableFile:
    fields["file"] = file
    return UnreadableFile(MESSAGES[code]["en"].format(**fields), code=code, fields=fields)
