"""The gazetteer: provinces (before and after the 1 July 2025 merger) and named organisations.

The data lives in ``loaders/gazetteer/*.yaml`` (see ``docs/gazetteer-format.md``); this
module loads it once per process and answers look-ups by any spelling: with or without
diacritics, old or new tone marks, English or German names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

import yaml

from .resources import data_file
from .text import fold, nfc

# the C loader is ~10x faster; fall back where libyaml is missing
_YamlLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path) -> dict:
    """Load one YAML data file shipped under ``loaders/``."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YamlLoader) or {}


@lru_cache(maxsize=None)
def _concept_file(name: str) -> tuple[dict, ...]:
    data = load_yaml(data_file("loaders", "lexicon", f"{name}.yaml"))
    return tuple(c for c in data.get("concepts") or [] if isinstance(c, dict) and c.get("id"))


def load_concepts(name: str) -> list[dict]:
    """The SKOS concepts of ``loaders/lexicon/<name>.yaml`` (``techniques`` or ``specialties``).

    Returns
    -------
    list of dict
        ``{id, vi: [labels, preferred first], en, de, broader?}`` per concept.

    Examples
    --------
    >>> next(c for c in load_concepts("specialties") if c["id"] == "paediatrics")["en"]
    'paediatrics'
    """
    return [dict(c) for c in _concept_file(name)]


@dataclass(frozen=True)
class Province:
    id: str
    name: str
    era: str  # "pre2025" | "post2025"
    type: str = "province"
    merged_into: str | None = None
    formed_from: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    names: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.names.values())


@dataclass(frozen=True)
class KnownOrganisation:
    id: str
    name: str
    kind: str
    tier: str | None = None
    province: str | None = None
    operator: str | None = None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    names: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every full name: canonical, aliases, former names and translations (not ``short``)."""
        return (self.name, *self.aliases, *self.former_names, *self.names.values())


class Gazetteer:
    """Look-ups over the provinces and named organisations.

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.find_provinces("Lao Cai")[0].id
    'lao-cai'
    >>> g.province_2025("yen-bai").id
    'lao-cai-2025'
    """

    def __init__(self, provinces: Iterable[Province], organisations: Iterable[KnownOrganisation]):
        self.provinces = {p.id: p for p in provinces}
        self.organisations = {o.id: o for o in organisations}
        self._province_keys: dict[str, list[Province]] = {}
        for p in self.provinces.values():
            for label in p.labels:
                bucket = self._province_keys.setdefault(fold(label), [])
                if p not in bucket:
                    bucket.append(p)
        for bucket in self._province_keys.values():
            bucket.sort(key=lambda p: p.era != "pre2025")  # the older, smaller territory first

    def province(self, province_id: str | None) -> Province | None:
        return self.provinces.get(province_id) if province_id else None

    def province_2025(self, province_id: str | None) -> Province | None:
        """Return the post-2025 province that contains ``province_id`` (itself if post-2025)."""
        p = self.province(province_id)
        if p is None or p.era == "post2025":
            return p
        return self.province(p.merged_into)

    def find_provinces(self, name: str) -> list[Province]:
        """Provinces called ``name`` in any spelling, pre-2025 territory first."""
        key = fold(name)
        for prefix in ("tinh ", "thanh pho ", "tp ", "provinz ", "province of "):
            if key.startswith(prefix) and key[len(prefix):] in self._province_keys:
                key = key[len(prefix):]
        for suffix in (" province", " city"):
            if key.endswith(suffix) and key[: -len(suffix)] in self._province_keys:
                key = key[: -len(suffix)]
        return list(self._province_keys.get(key, ()))


def _province(entry: dict) -> Province:
    return Province(
        id=entry["id"],
        name=nfc(entry["name"]),
        era=entry.get("era", "pre2025"),
        type=entry.get("type", "province"),
        merged_into=entry.get("merged_into"),
        formed_from=tuple(entry.get("formed_from") or ()),
        aliases=tuple(nfc(a) for a in entry.get("aliases") or ()),
        names={k: nfc(v) for k, v in (entry.get("names") or {}).items() if v},
    )


def _organisation(entry: dict) -> KnownOrganisation:
    return KnownOrganisation(
        id=entry["id"],
        name=nfc(entry["name"]),
        kind=entry.get("kind", "organisation"),
        tier=entry.get("tier"),
        province=entry.get("province"),
        operator=entry.get("operator"),
        aliases=tuple(nfc(a) for a in entry.get("aliases") or ()),
        short=tuple(nfc(a) for a in entry.get("short") or ()),
        former_names=tuple(nfc(a) for a in entry.get("former_names") or ()),
        names={k: nfc(v) for k, v in (entry.get("names") or {}).items() if v},
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer (loaded once per process)."""
    provinces = load_yaml(data_file("loaders", "gazetteer", "provinces.yaml")).get("provinces", [])
    organisations = load_yaml(data_file("loaders", "gazetteer", "organisations.yaml")).get("organisations", [])
    return Gazetteer(map(_province, provinces), map(_organisation, organisations))
