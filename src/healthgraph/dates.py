"""Dates of facts: ISO 8601 strings, possibly partial, checked and compared in one place.

Articles often give only a year ("2017") or a month ("tháng 7/2017"), so a fact's date is
``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a real day) or ``--MM-DD`` (a day without its year).
Curated files, query parameters, ``viz --since/--until`` and the RDF mapping all ask this
module what a date is. (Finding dates in article text is :mod:`healthgraph.extraction.dates`.)
"""
from __future__ import annotations

import datetime as dt
import re

from .errors import HealthgraphError

_FORMS = (
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), "month"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), "month-day"),
)


def precision(value: object) -> str | None:
    """``"year"``, ``"month"``, ``"day"`` or ``"month-day"``; ``None`` for anything that is
    not a partial ISO date (a day must exist).

    Examples
    --------
    >>> precision("2017"), precision("2017-07"), precision("2024-02-29"), precision("--07-15")
    ('year', 'month', 'day', 'month-day')
    >>> precision("2023-02-29"), precision("2017-13"), precision("tháng 7")
    (None, None, None)
    """
    text = str(value)
    for pattern, name in _FORMS:
        if pattern.match(text):
            if name == "day":
                try:
                    dt.date.fromisoformat(text)
                except ValueError:
                    return None
            return name
    return None


def is_partial_date(value: object) -> bool:
    """True for ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a real day) and ``--MM-DD``."""
    return precision(value) is not None


def check(value: object, what: str, day_of_year: bool = True) -> str:
    """``value`` as a partial date, or a one-line error naming ``what``.

    ``day_of_year=False`` refuses ``--MM-DD`` (a bound of a period needs its year).

    Examples
    --------
    >>> check("2017-07", "--since")
    '2017-07'
    >>> check("7/2017", "--since")
    Traceback (most recent call last):
    ...
    healthgraph.errors.HealthgraphError: --since '7/2017' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD
    """
    text = str(value).strip()
    form = precision(text)
    if form is None or (form == "month-day" and not day_of_year):
        raise HealthgraphError(f"{what} {text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def day(value: object, what: str) -> str:
    """A whole day ``YYYY-MM-DD``; ``today`` is the date of today.

    Examples
    --------
    >>> day("2026-01-31", "date")
    '2026-01-31'
    >>> day("2026-01", "date")
    Traceback (most recent call last):
    ...
    healthgraph.errors.HealthgraphError: date '2026-01' is not a date; write YYYY-MM-DD (or 'today')
    """
    text = str(value).strip()
    if text.lower() == "today":
        return dt.date.today().isoformat()
    if precision(text) != "day":
        raise HealthgraphError(f"{what} {text!r} is not a date; write YYYY-MM-DD (or 'today')")
    return text


def in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a (possibly partial) date lies within [since, until].

    Dates compare at the precision both sides have; a date without a year never matches.

    Examples
    --------
    >>> in_range("2017", "2017-06", None)
    True
    >>> in_range("2016-12-31", "2017", None)
    False
    >>> in_range(None, "2017", None)
    False
    """
    if since is None and until is None:
        return True
    if not date or not date[:4].isdigit():
        return False
    if since is not None and date[:len(since)] < since[:len(date)]:
        return False
    return until is None or date[:len(until)] <= until[:len(date)]


def in_force(start: str | None, end: str | None, at: str) -> bool:
    """Whether an agreement that started on ``start`` and ended on ``end`` (None: still in
    force) was in force on ``at``; dates compare at the precision both sides have, and an
    agreement without a known start never is.

    Examples
    --------
    >>> in_force("2019-03-02", None, "2019"), in_force("2019", "2021-06", "2022"), in_force(None, None, "2022")
    (True, False, False)
    """
    if not start or not start[:4].isdigit():
        return False
    return in_range(at, start, end if end and end[:4].isdigit() else None)  # ``at`` between the two
