"""What a name means: the one resolver of organisation and province names.

Query parameters, ``sparql``/``cypher`` parameters, ``viz --focus`` and curated files all
resolve names here, so "BV Bạch Mai", "bach mai" and "Bệnh viện Bạch Mai" mean the same
organisation everywhere. Names are compared on :func:`key`: :func:`healthgraph.text.fold`
(no diacritics, no case, old or new tone marks) with common abbreviations spelled out
("BV" = "bệnh viện", "TW" = "trung ương"). The first rule that finds anything decides:

1. the text is an organisation id;
2. the text equals a name;
3. the text equals a name once generic words ("bệnh viện", "hospital", "Krankenhaus")
   are dropped from both;
4. the text appears, as whole words, inside exactly the names of one organisation
   (only where a user searches a graph, not in curated files, where an unknown name is a
   new organisation);
5. the extraction reads the text as the name of one organisation (a template name with its
   province: "Lai Chau General Hospital" = "Bệnh viện Đa khoa tỉnh Lai Châu"), and that
   organisation is in the index.

More than one organisation at the deciding rule is an error that lists the candidates;
nothing at all is an error too. Provinces are matched with the gazetteer: old (pre-2025)
or new names in any spelling, or an id; a name shared by an old province and the new one
that absorbed it means the new (larger) one, and the old territory is reached by its id.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .errors import HealthgraphError
from .text import fold

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
    """Names of a set of organisations (a graph's, a curated file's, the gazetteer's), for
    :meth:`resolve` and :meth:`matches`.

    Parameters
    ----------
    labels : iterable of (id, label) or (id, label, primary)
        Every name known for each organisation id; ``primary`` marks its canonical name
        (shown in the candidate list of an ambiguous name). Gazetteer organisations also
        answer to the gazetteer's aliases and short names.
    """

    def __init__(self, labels: Iterable[tuple] = ()):
        self.labels: dict[str, set[str]] = {}
        self.names: dict[str, str] = {}
        self._by_key: dict[str, set[str]] = {}
        self._by_core: dict[str, set[str]] = {}
        for org_id, label, *primary in labels:
            self.add(org_id, label, primary=bool(primary and primary[0]))

    def add(self, org_id: str, label: str, primary: bool = False) -> None:
        """Let ``label`` name ``org_id`` (the first label of an id brings the gazetteer's names)."""
        if not org_id or not label:
            return
        org_id, label = str(org_id), str(label)
        if org_id not in self.labels:
            self.labels[org_id] = set()
            known = _gazetteer().organisations.get(org_id)
            if known is not None:
                for alias in (*known.labels, *known.short):
                    self._add_label(org_id, alias)
        self._add_label(org_id, label)
        if primary or org_id not in self.names:
            self.names[org_id] = label if primary else min(self.names.get(org_id, label), label)

    def _add_label(self, org_id: str, label: str) -> None:
        self.labels[org_id].add(label)
        label_key = key(label)
        if label_key:
            self._by_key.setdefault(label_key, set()).add(org_id)
        label_core = core(label_key)
        if label_core:  # "Bệnh viện" alone names no one in particular
            self._by_core.setdefault(label_core, set()).add(org_id)

    def matches(self, text: str, partial: bool = True) -> list[str]:
        """The ids ``text`` names at the first rule that finds any (see the module docstring);
        ``partial=False`` leaves out rule 4.

        Examples
        --------
        >>> index = OrganisationIndex([("viet-duc", "Bệnh viện Việt Đức"), ("hn-viet-duc", "Bệnh viện Hà Nội Việt Đức")])
        >>> index.matches("Việt Đức"), index.matches("viet duc", partial=False)
        (['viet-duc'], ['viet-duc'])
        """
        text = str(text).strip()
        if text in self.labels:
            return [text]
        wanted = key(text)
        if not wanted:
            return []
        found = self._by_key.get(wanted) or self._by_core.get(core(wanted))
        if not found and partial:
            pattern = re.compile(r"(?:^| )" + re.escape(wanted) + r"(?: |$)")
            found = {org_id for k, ids in self._by_key.items() if pattern.search(k) for org_id in ids}
        if not found:
            read = read_name(text)
            found = {read} if read in self.labels else set()
        return sorted(found)

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
        if not key(str(text)):
            raise HealthgraphError(f"{what} {str(text).strip()!r}: give a name or an id")
        found = self.matches(text)
        if len(found) == 1:
            return found[0]
        if found:
            raise HealthgraphError(self.ambiguous(text, found, what))
        raise HealthgraphError(f"{what} {str(text).strip()!r}: no organisation of that name in the graph "
                               f"(try a shorter part of the name, or `healthgraph query organisations-by-province`)")

    def ambiguous(self, text: str, found: list[str], what: str) -> str:
        """The message for a name that matches the organisations ``found``."""
        lines = [f"{what} {str(text).strip()!r} is ambiguous: it matches {len(found)} organisations; "
                 f"give one of these ids (or a fuller name):"]
        lines += [f"  {org_id}: {self.names.get(org_id, org_id)}" for org_id in found[:MAX_LISTED]]
        if len(found) > MAX_LISTED:
            lines.append(f"  ... and {len(found) - MAX_LISTED} more")
        return "\n".join(lines)


@lru_cache(maxsize=1)
def gazetteer_index() -> OrganisationIndex:
    """Every organisation the gazetteer names (built once per process)."""
    return OrganisationIndex((o.id, o.name, True) for o in _gazetteer().organisations.values())


@lru_cache(maxsize=4096)  # a curated file asks for one name up to three times (its index, the gazetteer's, the id)
def read_name(text: str) -> str | None:
    """The id the extraction gives ``text`` read as an organisation's name (rule 5), if any.

    Examples
    --------
    >>> read_name("BVĐK tỉnh Lai Châu"), read_name("Bệnh viện Đa khoa tỉnh")
    ('bvdk-lai-chau', None)
    """
    from .extraction import resolve_name

    org = resolve_name(text)
    return org.id if org is not None else None


def _gazetteer():
    from .rdf.mapping import default_gazetteer

    return default_gazetteer()


def resolve_province(text: str) -> str:
    """Return the gazetteer id of the province ``text`` names (see the module docstring).

    Examples
    --------
    >>> resolve_province("Lao Cai"), resolve_province("Yên Bái"), resolve_province("lao-cai")
    ('lao-cai-2025', 'yen-bai', 'lao-cai')
    """
    gazetteer = _gazetteer()
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


def province_territory(text: str) -> set[str]:
    """The ids of the province ``text`` names and of the older provinces merged into it, so
    that a filter by province also finds organisations filed under a pre-2025 province.

    Examples
    --------
    >>> sorted(province_territory("Lào Cai"))
    ['lao-cai', 'lao-cai-2025', 'yen-bai']
    """
    province_id = resolve_province(text)
    province = _gazetteer().province(province_id)
    return {province_id, *(province.formed_from if province is not None else ())}


# Words that name the type of body rather than the body: "Tập đoàn Partner HealthCare" and
# "Partners HealthCare International", "Trường Y Harvard" and "Trường Đại học Harvard".
_BODY_WORDS = re.compile(r"\b(?:tap doan|group|international|inc|corporation|cong ty|truong|dai hoc|university|"
                         r"school|y|medical|of|da khoa|general)\b")


@lru_cache(maxsize=1 << 16)  # an organisation's name comes again as its first mention
def _body_key(label: str) -> str:
    return " ".join(_BODY_WORDS.sub(" ", core(key(label))).split())


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _close(a: str, b: str) -> bool:
    """Word by word the same, but for typos: a word of four letters or more, without digits,
    may be one edit per three letters away from the other, if it starts as the other does
    ("Parners" for "Partner"; "Augenkrankenhaus" is no typo of "Lungenkrankenhaus")."""
    words_a, words_b = a.split(), b.split()
    return len(words_a) == len(words_b) and all(
        x == y or (x.isalpha() and y.isalpha() and min(len(x), len(y)) >= 4 and x[:2] == y[:2]
                   and _distance(x, y) <= min(len(x), len(y)) // 3)
        for x, y in zip(words_a, words_b))


def same_bodies(orgs: Iterable[tuple[str, Iterable[str], str | None, str | None, str | None]]) -> dict[str, str]:
    """Which organisations are one body: ``{id: id of the body}`` for every id given.

    Two organisations are one body when one of their names, without the words that only
    say what kind of body it is ("tập đoàn", "international", "trường", "đa khoa" ...),
    is the same or differs by typos (see :func:`_close`), and nothing tells them apart:
    two provinces, two kinds or two tiers never merge, so the "Bệnh viện Đa khoa tỉnh" of
    two provinces stay two, and so do a central and a provincial hospital of one province.
    Names of fewer than four letters merge with none.

    Parameters
    ----------
    orgs : iterable of (id, names, province, kind, tier)
        In order of preference: each body takes the id of its first member.

    Examples
    --------
    >>> bodies = same_bodies([
    ...     ("partners", ["Tập đoàn Partner HealthCare"], None, "company", None),
    ...     ("typo", ["Parners HealthCare International"], None, "company", None),
    ...     ("bvdk-lai-chau", ["Bệnh viện Đa khoa Trung tâm"], "lai-chau", "hospital", "provincial"),
    ...     ("bvdk-son-la", ["Bệnh viện Đa khoa Trung tâm"], "son-la", "hospital", "provincial")])
    >>> bodies["typo"], bodies["bvdk-son-la"]
    ('partners', 'bvdk-son-la')
    """
    members = list(orgs)
    body = {org_id: org_id for org_id, *_ in members}
    rank_of = {org_id: rank for rank, (org_id, *_) in enumerate(members)}

    def find(org_id: str) -> str:
        while body[org_id] != org_id:
            body[org_id] = body[body[org_id]]
            org_id = body[org_id]
        return org_id

    # Only names whose words start alike, and whose short words and words with digits are
    # the same, can be close: compare within those blocks, so big graphs stay near linear.
    blocks: dict[tuple, list[tuple[int, str]]] = {}
    for rank, (_, names, *_) in enumerate(members):
        for name in {_body_key(n) for n in names if n}:
            if len(name.replace(" ", "")) >= 4:
                start = tuple(w[:2] if len(w) >= 4 and w.isalpha() else w for w in name.split())
                blocks.setdefault(start, []).append((rank, name))
    for block in blocks.values():
        for i, (a, name_a) in enumerate(block):
            for b, name_b in block[i + 1:]:
                if a == b or find(members[a][0]) == find(members[b][0]):
                    continue
                if any(x and y and x != y for x, y in zip(members[a][2:], members[b][2:])):
                    continue  # another province, kind or tier
                if _close(name_a, name_b):
                    first, second = sorted((find(members[a][0]), find(members[b][0])), key=rank_of.__getitem__)
                    body[second] = first
    return {org_id: find(org_id) for org_id in body}
