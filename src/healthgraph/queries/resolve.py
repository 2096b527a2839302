"""Turn what a user types into the id a query needs, before any query runs.

Organisations are matched against the organisations actually in the graph (their names,
translations, every mention, former names) plus the gazetteer's aliases and short names
for those ids, on :func:`healthgraph.text.fold` keys (no diacritics, no case, old or new
tone marks) with common abbreviations spelled out ("BV" = "bệnh viện", "TW" = "trung
ương"). The first rule that finds anything decides:

1. the text is an organisation id;
2. the text equals a name;
3. the text equals a name once generic words ("bệnh viện", "hospital", "Krankenhaus")
   are dropped from both;
4. the text appears, as whole words, inside exactly the names of one organisation.

More than one organisation at the deciding rule is an error that lists the candidates;
nothing at all is an error too. Provinces are matched with the gazetteer: old (pre-2025)
or new names in any spelling, or an id; a name shared by an old province and the new one
that absorbed it means the new (larger) one, and the old territory is reached by its id.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..errors import HealthgraphError
from ..text import fold

# folded abbreviation -> folded expansion (whole words)
ABBREVIATIONS = {
    "bv": "benh vien", "bvdk": "benh vien da khoa", "bvdktw": "benh vien da khoa trung uong",
    "dk": "da khoa", "tw": "trung uong", "syt": "so y te", "ttyt": "trung tam y te",
    "ubnd": "uy ban nhan dan", "dh": "dai hoc", "dhyd": "dai hoc y duoc", "tp": "thanh pho",
    "hcm": "ho chi minh", "tphcm": "thanh pho ho chi minh", "bvtw": "benh vien trung uong",
}
GENERIC = ("benh vien", "hospital", "krankenhaus", "klinikum", "the", "tinh", "thanh pho", "province")
_GENERIC_RE = re.compile(r"\b(?:" + "|".join(re.escape(g) for g in GENERIC) + r")\b")
MAX_LISTED = 12


def key(text: str) -> str:
    """The matching key of a name: folded, abbreviations spelled out.

    Examples
    --------
    >>> key("BV Bạch Mai")
    'benh vien bach mai'
    >>> key("Bệnh viện TW Huế")
    'benh vien trung uong hue'
    """
    return " ".join(ABBREVIATIONS.get(word, word) for word in fold(text).split())


def core(text_key: str) -> str:
    """``text_key`` without generic words ("bệnh viện", "hospital" ...)."""
    return " ".join(_GENERIC_RE.sub(" ", text_key).split())


class OrganisationIndex:
    """Names of the organisations in one graph, for :meth:`resolve`.

    Parameters
    ----------
    labels : iterable of (id, label) or (id, label, primary)
        Every name the graph knows for each organisation id; ``primary`` marks its
        canonical name (shown in the candidate list of an ambiguous name).
    """

    def __init__(self, labels: Iterable[tuple]):
        from ..gazetteer import load_gazetteer

        self.labels: dict[str, set[str]] = {}
        self.names: dict[str, str] = {}
        for org_id, label, *primary in labels:
            if org_id and label:
                self.labels.setdefault(str(org_id), set()).add(str(label))
                if primary and primary[0]:
                    self.names[str(org_id)] = min(self.names.get(str(org_id), str(label)), str(label))
        gazetteer = load_gazetteer()
        for org_id, bucket in self.labels.items():
            known = gazetteer.organisations.get(org_id)
            if known is not None:
                bucket.update((*known.labels, *known.short))
            self.names.setdefault(org_id, min(bucket))
        self.keys = {org_id: {key(label) for label in bucket} - {""} for org_id, bucket in self.labels.items()}

    def resolve(self, text: str, what: str = "organisation") -> str:
        """Return the id of the one organisation ``text`` names.

        Raises
        ------
        HealthgraphError
            Unknown name, or an ambiguous one (the message lists the candidates, one a line).

        Examples
        --------
        >>> index = OrganisationIndex([("bach-mai", "Bệnh viện Bạch Mai"), ("viet-duc", "Bệnh viện Việt Đức")])
        >>> index.resolve("bv bach mai")
        'bach-mai'
        """
        text = str(text).strip()
        if text in self.labels:
            return text
        wanted = key(text)
        if not wanted:
            raise HealthgraphError(f"{what} {text!r}: give a name or an id")
        wanted_core = core(wanted)
        pattern = re.compile(r"(?:^| )" + re.escape(wanted) + r"(?: |$)")
        rules = (
            lambda keys: wanted in keys,
            lambda keys: bool(wanted_core) and wanted_core in {core(k) for k in keys},
            lambda keys: any(pattern.search(k) for k in keys),
        )
        for rule in rules:
            found = sorted(org_id for org_id, keys in self.keys.items() if rule(keys))
            if len(found) == 1:
                return found[0]
            if found:
                raise HealthgraphError(self._ambiguous(text, found, what))
        raise HealthgraphError(f"{what} {text!r}: no organisation of that name in the graph "
                               f"(try a shorter part of the name, or `healthgraph query organisations-by-province`)")

    def _ambiguous(self, text: str, found: list[str], what: str) -> str:
        lines = [f"{what} {text!r} is ambiguous: it matches {len(found)} organisations; "
                 f"give one of these ids (or a fuller name):"]
        lines += [f"  {org_id}: {self.names.get(org_id, org_id)}" for org_id in found[:MAX_LISTED]]
        if len(found) > MAX_LISTED:
            lines.append(f"  ... and {len(found) - MAX_LISTED} more")
        return "\n".join(lines)


# a parameter a query does not declare (``# param: NAME TYPE``) is read by its name
ORGANISATION_PARAMS = frozenset({"hospital", "organisation", "organization", "org", "partner", "supporter",
                                 "dependant", "dependent", "recipient", "central", "core", "satellite"})
PROVINCE_PARAMS = frozenset({"province"})


def name_params(query_text: str, names: Iterable[str]) -> dict[str, str]:
    r"""Which of the parameters ``names`` of a SPARQL or Cypher query name an organisation or a
    province: as the query's header declares, else by the parameter's name.

    Examples
    --------
    >>> name_params("SELECT * WHERE { ?hospital ?p ?x }", ["hospital", "x", "province"])
    {'hospital': 'organisation', 'province': 'province'}
    >>> name_params("# param: h organisation\nSELECT * WHERE { ?h ?p ?o }", ["h"])
    {'h': 'organisation'}
    """
    from .catalogue import parse_header_text

    declared = {p.name: p.type for p in parse_header_text(query_text)["params"]}
    types = {}
    for name in names:
        kind = declared.get(name) or ("organisation" if name in ORGANISATION_PARAMS else
                                      "province" if name in PROVINCE_PARAMS else None)
        if kind in ("organisation", "province"):
            types[name] = kind
    return types


def resolve_names(types: dict[str, str], values: dict[str, str], labels) -> dict[str, str]:
    """The ids of the organisations and provinces ``values`` name (``types`` from
    :func:`name_params`); ``labels()`` lists the graph's organisation names, asked for once,
    only when an organisation is to be resolved. An unknown name is an error."""
    resolved, index = {}, None
    for name, kind in types.items():
        if kind == "province":
            resolved[name] = resolve_province(values[name])
        else:
            index = index or OrganisationIndex(labels())
            resolved[name] = index.resolve(values[name], what=name)
    return resolved


def resolve_province(text: str) -> str:
    """Return the gazetteer id of the province ``text`` names (see the module docstring).

    Examples
    --------
    >>> resolve_province("Lao Cai"), resolve_province("Yên Bái"), resolve_province("lao-cai")
    ('lao-cai-2025', 'yen-bai', 'lao-cai')
    """
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    text = str(text).strip()
    if text in gazetteer.provinces:
        return text
    found = gazetteer.find_provinces(text)
    if not found:
        raise HealthgraphError(f"province {text!r}: not a province name (pre- or post-2025) or id")
    post = [p for p in found if p.era == "post2025"]
    pre = [p for p in found if p.era != "post2025"]
    # one name for an old province and the new one that absorbed it: the new, larger one
    if len(post) == 1 and all(p.merged_into == post[0].id for p in pre):
        return post[0].id
    if len(found) == 1:
        return found[0].id
    lines = [f"province {text!r} is ambiguous: give one of these ids:"]
    lines += [f"  {p.id}: {p.name} ({p.era})" for p in found]
    raise HealthgraphError("\n".join(lines))
