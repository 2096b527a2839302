"""``--param`` values, read one way for ``query``, ``sparql`` and ``cypher``."""
from __future__ import annotations

import json
from typing import Iterable

from .errors import HealthgraphError


def parse_pairs(pairs: Iterable[str]) -> dict:
    """``NAME=text`` gives the text, ``NAME:=json`` a JSON value (a number, a list).

    Examples
    --------
    >>> parse_pairs(["hospital=Bạch Mai", "days:=30", "ids:=[\\"a\\", \\"b\\"]"])
    {'hospital': 'Bạch Mai', 'days': 30, 'ids': ['a', 'b']}
    """
    params: dict = {}
    for pair in pairs:
        name, sep, value = str(pair).partition("=")
        json_value = name.endswith(":")
        name = name[:-1].strip() if json_value else name.strip()
        if not sep or not name:
            raise HealthgraphError(f"--param {pair!r}: expected NAME=VALUE (or NAME:=JSON)")
        if json_value:
            try:
                params[name] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise HealthgraphError(f"--param {name}: not valid JSON ({exc.msg})") from None
        else:
            params[name] = value
    return params
