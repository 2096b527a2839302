"""Stage 6: dates — signing dates, validity periods and publication dates (vi, de, en).

Dates are ISO strings, partial when the text is: ``"2016-05-06"``, ``"2017-07"``,
``"2016"``, or ``"--05-29"`` for a day without a year. Nothing is invented.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import ahocorasick

_MONTHS = {
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_FINDER = ahocorasick.Automaton()  # one pass for all the names, not one per name
for _name in _MONTHS:
    _MONTH_FINDER.add_word(_name, _name)
_MONTH_FINDER.make_automaton()
# The patterns that begin with a number open on one digit (``\d\d?``, not ``\d{1,2}``; a digit
# looked behind for after it, not before): the regex engine then skips to the digits of a text
# instead of trying every character.
_PATTERNS = [
    # ngày 06 tháng 5 năm 2016 / 6 tháng 5, 2016
    re.compile(r"(?P<d>\d\d?)\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*(?P<y>\d{4}))?", re.I),
    # 29/5/2017, 05-10-2017, 29.5.2017, 29/5 (no digit or slash before the day)
    re.compile(r"(?P<d>\d(?<![\d/]\d)\d?)[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}))?(?![\d/])"),
    # 2017-07-17 (no digit before the year)
    re.compile(r"(?P<y>\d(?<!\d\d)\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    # 27. Oktober 2025 / 27 October 2025
    re.compile(rf"(?P<d>\d\d?)\.?\s+(?P<mn>{_MONTH_NAMES})\.?(?:\s+(?P<y>\d{{4}}))?", re.I),
    # October 27, 2025
    _MONTH_DAY_YEAR := re.compile(rf"(?P<mn>{_MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})", re.I),
    # tháng 7/2017, tháng 7 năm 2017
    re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})", re.I),
]
_NUMERIC_PATTERNS = [p for p in _PATTERNS if "?P<mn>" not in p.pattern]  # for a text that names no month
_WITH_THANG = frozenset(p for p in _PATTERNS if "tháng" in p.pattern)  # tried only where the text says "tháng"
_DIGIT = re.compile(r"\d")
# what "October 27, 2025" needs besides its month: the month-name alternation, tried at every
# character, is ten times slower than this
_DAY_YEAR = re.compile(r"\d,?\s+\d{4}")
# a period names its years (19xx or 20xx, no digit before: looked behind for after the first digit, as above)
_CENTURY = r"(?:1(?<!\d1)9|2(?<!\d2)0)"
_YEAR = re.compile(_CENTURY + r"\d{2}(?!\d)")
_PERIOD = re.compile(rf"(?P<a>{_CENTURY}\d{{2}})\s*[-–—]\s*(?P<b>(?:19|20)\d{{2}})(?!\d)")
_RANGE = re.compile(r"(?:vom|von|từ(?: ngày)?|from)\s+(?P<a>.{4,30}?)\s+(?:bis zum|bis|đến(?: ngày)?|to|until)\s+(?P<b>.{4,30}?)(?=[.;,)\n]|$)",
                    re.I)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str


def _iso(year, month, day) -> str | None:
    """ISO text of a found date, ``None`` for no real day ("29/2/2019" and "31/4" are typos, not dates)."""
    if not (1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if year is not None and not 1900 <= year <= 2100:
        return None
    if day is not None and day > calendar.monthrange(year or 2000, month)[1]:  # 2000: a leap year
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_dates(text: str) -> list[FoundDate]:
    """Every calendar date in ``text``, in order.

    Examples
    --------
    >>> [d.iso for d in find_dates("ký kết số 544/CT-SYT ngày 06 tháng 5 năm 2016; sáng 30/9/2017")]
    ['2016-05-06', '2017-09-30']
    >>> [d.iso for d in find_dates("vom 27. Oktober 2025 bis zum 27. Oktober 2030")]
    ['2025-10-27', '2030-10-27']
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(text):
        return found
    lowered = text.lower()
    named_month = next(_MONTH_FINDER.iter(lowered), None) is not None
    for pattern in _PATTERNS if named_month else _NUMERIC_PATTERNS:
        if pattern is _MONTH_DAY_YEAR and not _DAY_YEAR.search(text):
            continue
        if pattern in _WITH_THANG and "tháng" not in lowered:
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            month = _MONTHS[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
            day = int(groups["d"]) if groups.get("d") else None
            year = int(groups["y"]) if groups.get("y") else None
            iso = _iso(year, month, day)
            if iso:
                found.append(FoundDate(m.start(), m.end(), iso))
                taken.append(m.span())
    return sorted(found, key=lambda d: d.start)


def find_validity(text: str) -> tuple[str | None, str | None]:
    """The validity period stated in ``text``: (from, to) as ISO strings, or (None, None).

    Examples
    --------
    >>> find_validity("Der Kooperationszeitraum beträgt 5 Jahre, vom 27. Oktober 2025 bis zum 27. Oktober 2030")
    ('2025-10-27', '2030-10-27')
    >>> find_validity("Chương trình hợp tác giai đoạn 2016 - 2020")
    ('2016', '2020')
    """
    if not _YEAR.search(text):
        return None, None
    for m in _RANGE.finditer(text):
        a, b = find_dates(m.group("a")), find_dates(m.group("b"))
        if a and b and not a[0].iso.startswith("--"):
            return a[0].iso, b[0].iso
    period = _PERIOD.search(text)
    if period and int(period.group("a")) < int(period.group("b")):
        return period.group("a"), period.group("b")
    return None, None


_NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "ein": 1, "einem": 1, "einen": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
}
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>năm|tháng|Jahren?|Monaten?|years?|months?)"
# how long an agreement runs, said after a word of duration: "thời hạn hợp tác là 5 năm",
# "có hiệu lực trong 3 năm", "gilt für fünf Jahre", "der für zwei Jahre gilt", "Laufzeit von drei
# Jahren", "for a period of five years", "a three-year agreement"
_TERMS = tuple(re.compile(pattern.format(n=_COUNT, unit=_UNIT), re.I) for pattern in (
    r"(?:thời hạn|hiệu lực|thời gian hợp tác|kéo dài)[^.;\n\d]{{0,40}}?(?<!\w){n}\s+{unit}(?!\w)",
    r"(?:gilt|gelten|läuft|laufen|Laufzeit|Dauer|beträgt|befristet)[^.;\n\d]{{0,40}}?(?<!\w){n}\s+{unit}(?!\w)",
    r"(?<!\w)(?:für|auf)\s+{n}\s+{unit}\s+(?:gilt|gelten|läuft|laufen|befristet|angelegt|abgeschlossen|geschlossen)"
    r"(?!\w)",
    r"(?:valid|runs?|running|term|period|duration|lasts?)\s+(?:for|of)\s+(?:a\s+(?:period|term)\s+of\s+)?"
    r"{n}\s+{unit}(?!\w)",
    r"(?<!\w){n}-{unit}\s+(?:agreement|memorandum|MoU|contract|partnership|cooperation|programme|program)",
))
# words every one of those terms holds, folded: a sentence without one is not read for a term
TERM_WORDS = ("thoi han", "hieu luc", "thoi gian hop tac", "keo dai", "gilt", "gelten", "lauft", "laufen", "laufzeit",
              "dauer", "betragt", "befristet", "angelegt", "geschlossen", "valid", "run", "term", "period",
              "duration", "last", "-year", "-month")


def find_term(text: str) -> tuple[int, int] | None:
    """How long an agreement runs, as (years, months), when ``text`` says so; ``None`` otherwise.

    Examples
    --------
    >>> find_term("Thỏa thuận có thời hạn 5 năm kể từ ngày ký."), find_term("Der Vertrag gilt für fünf Jahre.")
    ((5, 0), (5, 0))
    >>> find_term("They signed a three-year agreement."), find_term("valid for a period of 18 months")
    ((3, 0), (0, 18))
    >>> find_term("Hai bệnh viện đã hợp tác 5 năm nay") is None  # how long they have worked together: no term
    True
    """
    m = next((m for m in (pattern.search(text) for pattern in _TERMS) if m), None)
    if m is None:
        return None
    count, unit = m.group("n"), m.group("unit").lower()
    n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
    if not 0 < n <= 50:
        return None
    return (n, 0) if unit in ("năm", "jahre", "jahren", "year", "years") else (0, n)


def end_of_term(start: str, term: tuple[int, int]) -> str | None:
    """The ISO date (to the precision of ``start``) a term of (years, months) ends.

    >>> end_of_term("2025-10-27", (5, 0)), end_of_term("2024-03", (0, 18)), end_of_term("2024-01-31", (0, 1))
    ('2030-10-27', '2025-09', '2024-02-29')
    """
    parts = start.split("-")
    if not parts[0].isdigit():
        return None  # a day without a year ("--05-29")
    year, months = int(parts[0]) + term[0], term[1]
    if len(parts) == 1:
        return None if months else str(year)
    month = int(parts[1]) - 1 + months
    year, month = year + month // 12, month % 12 + 1
    if len(parts) == 2:
        return f"{year:04d}-{month:02d}"
    day = min(int(parts[2]), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def publication_date(text: str) -> str | None:
    """The first full date in the first lines of an article (its dateline), if any."""
    head = text[:400]
    for d in find_dates(head):
        if len(d.iso) == 10:
            return d.iso
    return None
