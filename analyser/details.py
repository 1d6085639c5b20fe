"""Details worth showing beside a verdict: retention days, regions, breach hours, law and courts."""
from __future__ import annotations

import re

from .text_utils import NUMBER_WORDS, PERIOD_UNITS

_UNIT_DAYS = {"hour": 1 / 24, "uur": 1 / 24, "day": 1, "dag": 1, "business day": 1, "werkdag": 1, "week": 7,
              "month": 30, "maand": 30, "year": 365, "jaar": 365}
_DURATION = re.compile(
    r"\b(?P<n>\d{1,4}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?:\s*\(\d{1,4}\))?[\s-]*"
    r"(?:calendar |kalender)?(?P<unit>" + PERIOD_UNITS + r")\b",
    re.IGNORECASE,
)
_REGIONS = {
    "EU": r"\b(?:EU|European Union|Europese Unie)\b",
    "EEA": r"\b(?:EEA|EER|European Economic Area|Europese Economische Ruimte)\b",
    "Netherlands": r"\b(?:Netherlands|Nederland|Dutch territory)\b",
    "United States": r"\b(?:United States|U\.S\.A?\.?|USA|US|Verenigde Staten|VS)\b",
    "United Kingdom": r"\b(?:United Kingdom|UK|Verenigd Koninkrijk)\b",
    "Switzerland": r"\b(?:Switzerland|Zwitserland)\b",
    "China": r"\b(?:China|People's Republic of China|PRC)\b",
    "Singapore": r"\bSingapore\b",
    "Ireland": r"\b(?:Ireland|Ierland)\b",
    "France": r"\b(?:France|Frankrijk)\b",
    "Germany": r"\b(?:Germany|Duitsland)\b",
    "Australia": r"\b(?:Australia|Australië)\b",
    "Canada": r"\bCanada\b",
    "India": r"\bIndia\b",
    "Japan": r"\bJapan\b",
}
_REGION_PATTERNS = {name: re.compile(p) for name, p in _REGIONS.items()}
_LAW = re.compile(
    r"(?:laws? of (?:the )?(?:State of )?(?P<en>[A-Z][\w ]{2,40}?)(?=[,.;)]| and| without| excluding| shall| applies| will)|"
    r"(?P<nl>Nederlands|Frans|Duits|Belgisch|Iers|Engels|Californisch)\s+recht)",
)
_COURT = re.compile(
    r"(?:courts? (?:located )?(?:of|in) (?:the )?(?:County of |city of )?(?P<en>[A-Z][\w ]{2,40}?)(?=[,.;)]| and| shall| will| for)|"
    r"(?:rechtbank|rechter)\s+(?:te\s+|in\s+|van\s+)?(?P<nl>[A-Z][\w-]{2,30}))",
)


def _to_number(token: str) -> int | None:
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token.lower())


def durations_in_days(text: str) -> list[float]:
    found = []
    for match in _DURATION.finditer(text):
        n = _to_number(match.group("n"))
        unit = match.group("unit").lower()
        key = next((k for k in _UNIT_DAYS if unit.startswith(k)), None)
        if n is not None and key:
            found.append(n * _UNIT_DAYS[key])
    return found


def extract(kind: str, sentences: list[str]) -> dict:
    text = " ".join(sentences)
    if kind == "retention_days":
        days = [d for d in durations_in_days(text) if d >= 1]
        return {"retention_days": int(max(days))} if days else {}
    if kind == "breach_hours":
        hours = [d * 24 for d in durations_in_days(text) if d <= 30]
        return {"breach_hours": int(min(hours))} if hours else {}
    if kind == "regions":
        regions = [name for name, pattern in _REGION_PATTERNS.items() if pattern.search(text)]
        return {"regions": regions} if regions else {}
    if kind in ("governing_law", "courts"):
        # Every law or court named, in order: contracts often name one per customer region.
        pattern = _LAW if kind == "governing_law" else _COURT
        found = list(dict.fromkeys((m.group("en") or m.group("nl")).strip() for m in pattern.finditer(text)))
        return {kind: ", ".join(found)} if found else {}
    if kind == "subprocessor_list":
        match = re.search(r"https?://\S+", text)
        return {"subprocessor_list": match.group(0).rstrip(".,;)")} if match else {}
    return {}
