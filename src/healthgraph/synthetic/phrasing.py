"""Small phrases an article is made of: people, dates, province names, lists."""
from __future__ import annotations

import random
from datetime import date
from typing import Callable, Sequence

from ..gazetteer import Province
from ..text import fold
from . import templates


def person(rng: random.Random) -> str:
    """A Vietnamese full name: family, middle and given name."""
    names = templates.people()
    return f"{rng.choice(names['family_names'])} {rng.choice(names['middle_names'])} {rng.choice(names['given_names'])}"


def province_vi(province: Province, rng: random.Random) -> str:
    """The province's name, sometimes in another spelling of the gazetteer (Đăk/Đắk, Hoà/Hòa)."""
    if rng.random() < 0.15:
        same = [a for a in province.aliases if fold(a) == fold(province.name) and a != province.name]
        if same:
            return rng.choice(same)
    return province.name


def _vi_date(d: date, rng: random.Random) -> tuple[str, str]:
    style = rng.randrange(6)
    if style == 0:
        return f"Ngày {d.day}/{d.month}", f"--{d:%m-%d}"
    if style == 1:
        return f"{rng.choice(['Sáng', 'Chiều'])} {d.day}/{d.month}/{d.year}", d.isoformat()
    if style == 2:
        return f"Ngày {d.day:02d} tháng {d.month} năm {d.year}", d.isoformat()
    if style == 3:
        return f"{rng.choice(['Sáng', 'Chiều'])} ngày {d.day:02d}/{d.month:02d}/{d.year}", d.isoformat()
    if style == 4:
        return f"Vừa qua, ngày {d.day}/{d.month}", f"--{d:%m-%d}"
    return f"Ngày {d.day}-{d.month}-{d.year}", d.isoformat()


def _de_date(d: date, rng: random.Random) -> tuple[str, str]:
    month = _month(d, "de")
    if rng.random() < 0.3:
        return f"Am {d.day}. {month}", f"--{d:%m-%d}"
    return f"Am {d.day}. {month} {d.year}", d.isoformat()


def _en_date(d: date, rng: random.Random) -> tuple[str, str]:
    month = _month(d, "en")
    if rng.random() < 0.3:
        return f"On {month} {d.day}", f"--{d:%m-%d}"
    return f"On {d.day} {month} {d.year}", d.isoformat()


_DATE_PHRASES: dict[str, Callable[[date, random.Random], tuple[str, str]]] = {
    "vi": _vi_date, "de": _de_date, "en": _en_date}


def date_phrase(d: date, lang: str, rng: random.Random) -> tuple[str, str]:
    """A date phrase that opens a sentence and the ISO date it states (``--MM-DD`` without a year)."""
    return _DATE_PHRASES[lang](d, rng)


def _month(d: date, lang: str) -> str:
    return templates.language(lang)["months"][d.month - 1]


def validity_date(d: date, lang: str) -> str:
    """A date in "from ... to ..." of an agreement (Vietnamese: the year alone for 1 January)."""
    if lang == "vi":
        return f"{d.day}/{d.month}/{d.year}" if d.day != 1 or d.month != 1 else str(d.year)
    if lang == "de":
        return f"{d.day}. {_month(d, lang)} {d.year}"
    return f"{d.day} {_month(d, lang)} {d.year}"


def years_later(day: date, years: int) -> date:
    """``day`` moved on by whole years, on the 28th at the latest (29 February is not in every year)."""
    return date(day.year + years, day.month, min(day.day, 28))


def listing(items: Sequence[str], lang: str) -> str:
    """``a, b and c`` in ``lang``."""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + templates.language(lang)["and_before_last"] + items[-1]
