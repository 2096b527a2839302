"""The literal text of synthetic articles, kept as data in ``templates/*.json``.

``vi.json``, ``de.json`` and ``en.json`` hold one language each:

- the parts of an article: ``title``, ``lead`` and ``body`` by kind of article; ``quote``;
  ``bystander`` (an authority that attends, not a party); ``filler`` (any article) and ``pos_filler``
  (only articles that state an agreement); photo ``caption``; page ``head`` and ``tail``;
- the ``roles`` of the people quoted and the ``activities`` of a cooperation;
- ``and_before_last``, the word before the last item of a list;
- what only some languages need: ``months`` (de, en); ``home_province``, a sentence naming
  ``{province}`` with ``{visits}`` tens of thousands of patients, and ``evidence``, the
  sentence of each partnership of ``synth_corpus`` (vi).

Placeholders in a sentence:

- ``{A}``, ``{B}``: the two parties; A gives the support where there is a direction.
  ``{C}``, ``{D}``: a bystander (or the ministry), or the two parties of a programme.
- ``{das A}``, ``{dem A}``, ``{des A}``: German definite article and name, declined.
- ``{date}`` the event date phrase, ``{techs}`` techniques transferred, ``{fields}`` and
  ``{fields0}`` specialties, ``{acts}`` activities, ``{who}`` a person with a title,
  ``{role}`` a role, ``{byline}`` a person, ``{n}``, ``{m}``, ``{k}`` numbers, ``{y}``,
  ``{y5}`` the year and five years on, ``{vfrom}``, ``{vto}`` how long an agreement runs,
  ``{pub}``, ``{hh}``, ``{mm}``, ``{pdate}`` page dates and times, ``{site}``, ``{slug}``
  the page address.

``people.json`` holds the Vietnamese names and titles of the people quoted (in every
language); ``specialty_hospitals.json`` the provincial specialty hospitals of the world,
``{P}`` standing for the province.

Each file is read once per process, on first use.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

TEMPLATES_DIR = Path(__file__).parent / "templates"


class _LanguageExtras(TypedDict, total=False):
    months: list[str]  # de, en: dates spell the month out
    home_province: str  # vi: names the province, so that "Bệnh viện Đa khoa tỉnh" resolves from context
    evidence: str  # vi: the sentence quoting each partnership of synth_corpus


class LanguageTemplates(_LanguageExtras):
    """The shape of ``<lang>.json``: the sections of an article, by kind where they depend on it."""

    title: dict[str, list[str]]
    lead: dict[str, list[str]]
    body: dict[str, list[str]]
    quote: list[str]
    bystander: list[str]
    filler: list[str]
    pos_filler: list[str]
    caption: list[str]
    head: list[str]
    tail: list[str]
    roles: list[str]
    activities: list[str]
    and_before_last: str


class People(TypedDict):
    """The shape of ``people.json``."""

    family_names: list[str]
    middle_names: list[str]
    given_names: list[str]
    titles: list[str]


class SpecialtyHospital(TypedDict):
    """One entry of ``specialty_hospitals.json``: ``de`` has ``nom`` and ``gender``, and
    ``dat``/``gen`` where they differ from the nominative."""

    key_prefix: str
    vi: str
    en: str
    de: dict[str, str]


@cache
def _load(name: str) -> Any:
    return json.loads((TEMPLATES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def language(lang: str) -> LanguageTemplates:
    """The sentences of language ``lang`` (shared between callers: copy before changing).

    Examples
    --------
    >>> language("en")["and_before_last"]
    ' and '
    """
    return _load(lang)


def people() -> People:
    return _load("people")


def specialty_hospitals() -> list[SpecialtyHospital]:
    return _load("specialty_hospitals")
