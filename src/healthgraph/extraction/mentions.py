"""Stage 3: find organisation mentions.

Three matchers run over a document's tokens:

* named organisations of the gazetteer (full names, aliases, translations);
* provinces (to read names built on a province: "BVĐK tỉnh Lai Châu", "Lai Chau General
  Hospital", "Allgemeines Krankenhaus der Provinz Lai Chau", "Sở Y tế Sơn La");
* head words from ``loaders/lexicon/org_heads.yaml`` ("Bệnh viện", "Sở Y tế", "Công ty",
  "General Hospital", "Gesundheitsamt", ...) whose name is read from the capitalised
  words after (Vietnamese, German) or before (English, German) the head.

A mention records its span, kind and, where the name is built on a province, the
template (``bvdk``, ``syt``, ...) so that :mod:`.resolve` can turn it into a canonical
organisation; a template with no province ("Bệnh viện Đa khoa tỉnh") is resolved from
the article's context later.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from ..gazetteer import Gazetteer, KnownOrganisation, Province, load_gazetteer, load_yaml
from ..model import ORG_KINDS
from ..resources import data_file
from ..text import fold
from .names import (HEADLINE_VERBS, NATIONALITY_ADJECTIVE, PROJECT_WORDS, ROLE_STARTS, VI_CLAUSE_KEYS, VI_COUNTED, VI_GROUP_UNITS, find_names,
                    is_country, is_nationality, is_year, occurrences, says_no_which)
from .normalise import fold_same_length
from .tokens import DOCUMENT_PHRASES, PhraseMatcher, TokenText

_NUMBER_WORDS = {"so", "nr", "no", "number", "nummer"}
_PROVINCE_ONLY_TEMPLATES = frozenset({"syt", "ubnd"})
_URL_HINTS = ("http", "www.", ".vn", ".com", ".org", ".net")
_LEGAL_FORMS = {"llc", "ltd", "inc", "jsc", "corp", "gmbh", "ag", "plc", "co"}
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:vn|com|org|net)(?:/\S*)?", re.I)
_STOP_PUNCT = re.compile(r"[,;:()\[\]\"“”«»!?/|]|\.(?!\s*\d)|\s[-–—]\s")


@dataclass
class Mention:
    """An organisation named in the text (before resolution)."""

    start: int
    end: int
    surface: str
    kind: str
    known: KnownOrganisation | None = None
    province: Province | None = None
    template: str | None = None
    number: str | None = None
    modifiers: tuple[str, ...] = ()
    tier: str | None = None
    short: bool = False
    hospital_type: HospitalType | None = None
    aliases: tuple[str, ...] = ()
    alias_of: str | None = None  # an acronym standing alone: the full name it abbreviates

    @property
    def needs_context(self) -> bool:
        return self.known is None and self.template is not None and self.province is None


@dataclass(frozen=True)
class HospitalType:
    """A kind of specialised hospital ("Y học cổ truyền"), with its labels per language."""

    id: str
    vi: str
    en: str
    de: str


@dataclass(frozen=True)
class Head:
    kind: str
    order: str
    template: str | None
    province_required: bool
    tier: str | None
    hospital_type: str | None = None


class Lexicon:
    """Compiled matchers over the gazetteer and ``org_heads.yaml`` (built once per process)."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        data = load_yaml(data_file("loaders", "lexicon", "org_heads.yaml"))
        types = [(entry, HospitalType(entry["id"], entry["vi"], entry["en"], entry["de"]))
                 for entry in data["hospital_types"]]
        self.hospital_type_by_id = {kind.id: kind for _, kind in types}
        self.hospital_types = PhraseMatcher(
            ((label, kind) for entry, kind in types for label in (entry["vi"], entry["en"], *entry.get("aliases", ()))),
            DOCUMENT_PHRASES)
        heads: list[tuple[str, Head]] = []
        for entry in data["heads"]:
            head = Head(entry["kind"], entry["order"], entry.get("template"), bool(entry.get("province_required")),
                        entry.get("tier"), entry.get("hospital_type"))
            heads.extend((phrase, head) for phrase in entry["phrases"])
        self.heads = PhraseMatcher(heads, DOCUMENT_PHRASES)
        self.modifiers = frozenset(data["modifiers"])
        self.generic = frozenset(data["generic_after_head"])
        self.connectors = frozenset(data["connectors"])
        self.provinces = PhraseMatcher(
            ((label, p) for p in gazetteer.provinces.values() for label in p.labels), DOCUMENT_PHRASES)
        self.organisations = PhraseMatcher(
            [(variant, (o, False)) for o in gazetteer.organisations.values() for label in o.labels
             for variant in _spellings(label)]
            + [(variant, (o, True)) for o in gazetteer.organisations.values() for label in o.short
               for variant in _spellings(label)], DOCUMENT_PHRASES)
        # names the gazetteer only knows as an acronym ("CHAI"): not the same word in lower case ("xã Lao Chải")
        labels = [label for o in gazetteer.organisations.values() for label in (*o.labels, *o.short)]
        self.acronym_keys = frozenset(fold(label) for label in labels if label.isupper() and " " not in label) - frozenset(
            fold(label) for label in labels if not label.isupper())
        self._template_index: dict[str, KnownOrganisation] | None = None
        # folded place names: a shaped name made of a place and a weak head ("Ho Chi Minh City") is a place
        self.place_keys = frozenset(fold(label) for p in gazetteer.provinces.values() for label in p.labels)

    def known_by_template(self, org_id: str) -> KnownOrganisation | None:
        """The gazetteer organisation a template name denotes: "Bệnh viện Ung bướu Thành phố
        Hồ Chí Minh" builds ``bv-ung-buou-ho-chi-minh``, which is the gazetteer's ``ung-buou-hcm``."""
        if self._template_index is None:
            self._template_index = {}
            for o in self.gazetteer.organisations.values():
                for label in o.labels:
                    found = [(m, m.province) for m in find_mentions(TokenText.of(label), self, use_gazetteer=False)
                             if m.template and m.province]
                    if len(found) == 1:
                        m, province = found[0]
                        key = f"{m.template}-{province.id}" + (f"-{m.number}" if m.number else "")
                        self._template_index.setdefault(key, o)
        return self._template_index.get(org_id)


_CENTRAL_WORDS = re.compile(r"\b(?:trung uong|tw)\b")


_GERMAN_GENITIVE = re.compile(r"(?:krankenhaus|klinikum|spital|hospital|zentrum|institut)$")


def _spellings(label: str) -> set[str]:
    """A name and its spellings: "Trung ương" written out or as "TW", and a German name's
    genitive ("des Cho-Ray-Krankenhauses", "des Bach-Mai-Hospitals")."""
    key = " ".join(fold_same_length(label).split())
    variants = {label} | {_CENTRAL_WORDS.sub(word, key) for word in ("trung uong", "tw") if _CENTRAL_WORDS.search(key)}
    if _GERMAN_GENITIVE.search(key):  # also "des Bach Mai Hospitals"
        variants |= {key + "es", key + "s"} if key.endswith("haus") else {key + "s"}
    if numbered := _NUMBERED_HEAD.search(key):  # "des Hospitals 175", "des Krankenhauses 108"
        head, number = numbered.groups()
        endings = ("es", "s") if head.endswith("haus") else ("s",)
        variants |= {key[:numbered.start()] + f"{head}{ending} {number}" for ending in endings}
    return variants


_NUMBERED_HEAD = re.compile(r"(krankenhaus|klinikum|spital|hospital|zentrum|institut) (\d+\w*)$")


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon(load_gazetteer())


def find_mentions(tokens: TokenText, lexicon: Lexicon | None = None, any_case: bool = False,
                  use_gazetteer: bool = True, by_shape: bool = True) -> list[Mention]:
    """Return the organisation mentions of a text, in order, without overlaps.

    ``any_case`` accepts names of the gazetteer in lower case, as a user types them in a
    query; running text needs the capital ("cán bộ y tế" is not "Bộ Y tế"). ``by_shape``
    also reads names from their shape (:mod:`.names`), not only from the gazetteer and head
    templates.

    Examples
    --------
    >>> from .tokens import TokenText
    >>> [m.surface for m in find_mentions(TokenText.of("Sở Y tế Sơn La ký kết với Bệnh viện Bạch Mai."))]
    ['Sở Y tế Sơn La', 'Bệnh viện Bạch Mai']
    """
    lexicon = lexicon or default_lexicon()
    words = tokens.words
    if not words:
        return []
    provinces_at: dict[int, tuple[int, list]] = {}
    for i, j, vals in lexicon.provinces.find_all(tokens, overlapping=True):
        if j > provinces_at.get(i, (0,))[0]:  # "Hồ Chí Minh" inside "thành phố Hồ Chí Minh" counts too
            provinces_at[i] = (j, vals)
    types_at = {i: (j, vals[0]) for i, j, vals in lexicon.hospital_types.find_all(tokens)}
    types_end = {end: (start, kind) for start, (end, kind) in types_at.items()}
    # "Lai Chau (Provincial) General Hospital": the province ending where a hospital type starts
    province_ending: dict[int, int] = {}
    for p_start, (p_end, _) in provinces_at.items():
        province_ending.setdefault(p_end, p_start)
    known_hits = list(lexicon.organisations.find_all(tokens)) if use_gazetteer else []
    known_at = {i: (j, vals) for i, j, vals in known_hits}
    found: list[tuple[int, int, Mention]] = []
    for i, j, (o, short) in ((i, j, vals[0]) for i, j, vals in known_hits):
        if j - i == 1 and words[i] in lexicon.acronym_keys and not any_case and _not_an_acronym(tokens, i):
            continue  # "xã Lao Chải" is no "CHAI" (but "Jica" is JICA)
        if any_case or _is_proper(tokens, i):  # "cán bộ y tế" (health staff) is not "Bộ Y tế"
            short = short and not _written_acronym(tokens, i, j)
            found.append((i, j, _mention(tokens, i, j, o.kind, known=o, short=short, tier=o.tier)))
    for i, j, heads in lexicon.heads.find_all(tokens, overlapping=True):
        if _inside_code_or_compound(tokens, i, j):
            continue
        for head in heads:  # "department of health" may open or close a name
            mention = _from_head(tokens, i, j, head, lexicon, provinces_at, known_at, types_at, types_end,
                                 province_ending)
            if mention is not None:
                found.append(mention)
    mentions = _branches(_without_overlaps(found), tokens, lexicon)
    if by_shape:  # names without the gazetteer or a head template (off: an alias read alone)
        mentions = _with_shaped_names(mentions, tokens, lexicon)
    if use_gazetteer:
        mentions = _under_shared_head(mentions, tokens, lexicon)
    if by_shape:
        mentions = _short_forms(mentions, tokens, lexicon)
    skipped: list[tuple[int, int]] = []  # web addresses and titles, merged into disjoint spans
    for start, end in sorted(_url_spans(tokens.text, tokens.key) + _titles(tokens.text, tokens.key)):
        if skipped and start <= skipped[-1][1]:
            skipped[-1] = (skipped[-1][0], max(skipped[-1][1], end))
        else:
            skipped.append((start, end))
    if not skipped:
        return mentions
    starts = [s for s, _ in skipped]
    return [m for m in mentions if not (k := bisect_right(starts, m.start)) or m.start >= skipped[k - 1][1]]


# "Agribank Chi nhánh tỉnh Bến Tre", "Ngân hàng … Việt Nam chi nhánh huyện Ia Grai": a company's branch in a place
_BRANCH = re.compile(r"[ \t]+[Cc]hi nhánh[ \t]+(?:(?:tỉnh|huyện|thành phố|TP\.?|thị xã|quận)[ \t]+)?"
                     r"[A-ZĐ][^\W\d_]*(?:[ \t]+[A-ZĐ][^\W\d_]*){0,4}")


def _branches(mentions: list[Mention], tokens: TokenText, lexicon: Lexicon) -> list[Mention]:
    """A company named with its branch and the branch's place is the branch, a body of its own
    (it gives what the article reports), placed in its province when the place names one."""
    result = []
    for m in mentions:
        branch = _BRANCH.match(tokens.text, m.end) if m.kind == "company" else None
        if branch is not None and not any(o.start < branch.end() and m is not o and o.start >= m.end
                                          for o in mentions):
            surface = tokens.text[m.start:branch.end()]
            provinces = lexicon.gazetteer.find_provinces(surface[len(m.surface):])
            m = replace(m, end=branch.end(), surface=surface, known=None, short=False,
                        province=provinces[0] if provinces else None, template=None)
        result.append(m)
    return result


# A list of hospitals under one head: "các bệnh viện Bạch Mai, Việt Đức và Chợ Rẫy", "Bach Mai and Viet Duc
# hospitals", "the two hospitals, Cho Ray and Kien Giang General Hospital" (folded text around the list)
_VI_PLURAL_HEAD = r"\b(?:cac|hai|ba|bon|\d+)\s+(?:benh vien|bv)"  # "các bệnh viện", "3 BV"
_HEAD_BEFORE_LIST = re.compile(rf"(?:{_VI_PLURAL_HEAD}|\bhospitals|\bkrankenhauser|\bkliniken)\s*[,:]?\s*$")
_HEAD_AFTER_LIST = re.compile(r"^\s*(?:hospitals|krankenhauser|kliniken)\b")
# "Bach Mai, Hue central polyclinic and Cho Ray hospitals": the plural head closes a list of names further on
_HEAD_CLOSING_LIST = re.compile(r"(?:[ \t]*(?:,|\band\b|&)[ \t]*[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}?)+"
                                r"[ \t]+(?:hospitals|Hospitals)\b")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|va\s+)?|(?:va|and|und|sowie|&)\s+)$")
_AND_BEFORE = re.compile(r"\b(?:and|va|und)\s+$")
_SHARED_HEAD_END = re.compile(r"(?:hospital|hospitals)$")


def _under_shared_head(mentions: list[Mention], tokens: TokenText, lexicon: Lexicon) -> list[Mention]:
    """Short names of known hospitals listed under one head are names in full: "các bệnh viện
    Bạch Mai, Việt Đức và Chợ Rẫy", "Bach Mai and Viet Duc hospitals", "Cho Ray and Kien Giang
    General Hospital" (alone, "Bạch Mai" may be a street and is dropped)."""
    if not any(m.short for m in mentions):
        return mentions
    key = tokens.key
    chains: list[list[Mention]] = []
    for m in mentions:
        if chains and _LIST_GAP.match(key[chains[-1][-1].end:m.start]):
            chains[-1].append(m)
        else:
            chains.append([m])
    result: list[Mention] = []
    for chain in chains:
        first, last = chain[0], chain[-1]
        before = key[max(0, first.start - 40):first.start]
        lead = _first_item(tokens, lexicon, before, first.start) if len(chain) > 1 or first.short else None
        headed = bool(_HEAD_BEFORE_LIST.search(key[max(0, (lead or first).start - 40):(lead or first).start]))
        if len(chain) > 1 or lead is not None:
            headed = headed or bool(_HEAD_AFTER_LIST.match(key[last.end:last.end + 20])) \
                or (not last.short and last.kind == "hospital" and bool(_SHARED_HEAD_END.search(key[:last.end])))
        headed = headed or last.short and bool(_HEAD_CLOSING_LIST.match(tokens.text, last.end, last.end + 90)) \
            or last.short and bool(_AND_BEFORE.search(key, max(0, first.start - 6), first.start)) \
            and bool(_HEAD_AFTER_LIST.match(key[last.end:last.end + 20]))  # "…, X and Cho Ray hospitals"
        if headed:
            if lead is not None:
                result.append(lead)
            for m in chain:
                if m.short and m.known is not None and m.known.kind == "hospital":
                    m.short = False
        result.extend(chain)
    return result


# a word with a capital inside, as brands are written: "MedShare", "HealthCare", "PeaceTrees"
_BRAND = re.compile(r"[A-Z][a-z]+[A-Z]\w+")
# two capitalised words (or a hyphenated pair) standing alone: "Alder Hey", "MD Anderson", "Kerckhoff-Klinik"; or a brand
_PROPER_PAIR = re.compile(rf"(?<![\w’'-])([A-Z][\w’'-]+[ \t][A-Z][\w’'-]+|{_BRAND.pattern})(?![\w’'-]|[ \t]+[A-Z])")


@lru_cache(maxsize=4096)  # asked of the words of every name read by its shape
def _head_word(word: str) -> bool:
    return next(iter(default_lexicon().heads.find_all(TokenText.of(word))), None) is not None


def _short_forms(mentions: list[Mention], tokens: TokenText, lexicon: Lexicon) -> list[Mention]:
    """Two proper words of a name read by its shape, standing alone after it, are that body by
    a short name: "University of Texas MD Anderson Cancer Center … MD Anderson will help",
    "Alder Hey Children's Hospital … Alder Hey" (not a place, a country or a head word); so is
    one brand-shaped word of it ("Tổ chức từ thiện MedShare … từ MedShare")."""
    shaped = [m for m in mentions if m.known is None and m.template is None and m.kind != "organisation"]
    if not shaped:
        return mentions
    pairs: dict[str, Mention] = {}
    for m in shaped:
        words = [w for w in re.findall(r"[\w’'-]+", m.surface) if w[:1].isupper()]
        pairs.update((w, m) for w in words if _BRAND.fullmatch(w) and w not in pairs and not _head_word(w))
        if not m.surface.isascii():
            continue
        for a, b in zip(words, words[1:]):
            pair = f"{a} {b}"
            key = fold(pair)
            if key in lexicon.place_keys or is_country(key) or is_nationality(key.split()) \
                    or _head_word(a) or _head_word(b):
                continue
            pairs.setdefault(pair, m)
    if not pairs:
        return mentions
    starts = [m.start for m in mentions]
    added = []
    for found in _PROPER_PAIR.finditer(tokens.text):
        first = pairs.get(found.group(1))
        if first is None or found.start() < first.end:
            continue
        k = bisect_right(starts, found.start())
        if k and mentions[k - 1].end > found.start() or k < len(mentions) and mentions[k].start < found.end():
            continue  # inside a name already read
        added.append(Mention(found.start(), found.end(), found.group(1), first.kind, tier=first.tier,
                             alias_of=first.surface))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_FIRST_ITEM = re.compile(rf"{_VI_PLURAL_HEAD}\s+([^,]{{2,30}}?)\s*(?:,|\bva)\s*$")


def _first_item(tokens: TokenText, lexicon: Lexicon, before: str, end: int) -> Mention | None:
    """The first of a list under a lower-case plural head, which the head's own reading took
    ("các bệnh viện Bạch Mai, …"): a known hospital's short name right before the list's comma."""
    head = _FIRST_ITEM.search(before)
    if head is None:
        return None
    start = end - len(before) + head.start(1)
    stop = end - len(before) + head.end(1)
    item = TokenText.of(tokens.text[start:stop])
    hit = next((v for a, b, v in lexicon.organisations.find_all(item) if a == 0 and b == len(item.words)), None)
    if hit is None or hit[0][0].kind != "hospital" or not tokens.text[start].isupper():
        return None
    return Mention(start, stop, tokens.text[start:stop], "hospital", known=hit[0][0], tier=hit[0][0].tier)


# "Dự án “Xây dựng Trung tâm Chăm sóc bệnh nhân …”", "the project "Hospital of the Future"": a title, no body
_TITLE = re.compile(r"(?:[Dd]ự án|[Cc]hương trình|[Đđ]ề án|[Pp]roject|[Pp]rogramm?e?|[Pp]rojekt|[Ii]nitiative)[ \t]*:?[ \t]*"
                    r"[“\"«„]([^”\"»“]{3,200})[”\"»“]")


# the words a title follows, folded: _TITLE is tried only where the folded text holds one (as a
# scan would, leftmost first and never inside the title before), not at every character
_TITLE_WORDS = ("du an", "chuong trinh", "de an", "project", "program", "projekt", "initiative")


def _titles(text: str, key: str) -> list[tuple[int, int]]:
    if not any(q in text for q in '"“«„'):
        return []
    spans: list[tuple[int, int]] = []
    end = 0
    for start in occurrences(key, _TITLE_WORDS):
        if start >= end and (m := _TITLE.match(text, start)):
            spans.append(m.span(1))
            end = m.end()
    return spans


_SPACE = re.compile(r"\s")


def _url_spans(text: str, key: str) -> list[tuple[int, int]]:
    """Spans of the web addresses in ``text``, read only in the space-free stretches around a
    hint ("http", ".vn", …): the address pattern tried at every character is slow."""
    chunks = set()
    for hint in _URL_HINTS:
        at = key.find(hint)
        while at >= 0:
            space = _SPACE.search(text, at)
            end = space.start() if space else len(text)
            start = max(text.rfind(c, 0, at) for c in " \n\t") + 1
            chunks.add((start, end))
            at = key.find(hint, end)
    return [m.span() for start, end in sorted(chunks) for m in _URL.finditer(text, start, end)]


def _with_shaped_names(mentions: list[Mention], tokens: TokenText, lexicon: Lexicon) -> list[Mention]:
    """Add the names read from their shape (:mod:`.names`) where the gazetteer and the
    province templates found nothing, or where a shaped name extends a gazetteer name by
    more than its own place ("Bệnh viện Hùng Vương Gia Lai" is not "Bệnh viện Hùng Vương")."""
    result = list(mentions)  # in order and without overlaps: the ones a name overlaps are found by bisection
    starts = [m.start for m in result]
    known = {m.start: m.end for m in mentions if m.known is not None or m.template is not None}
    for named in find_names(tokens.text, lexicon.place_keys, tokens.key, known):
        lo, hi = bisect_left(starts, named.start), bisect_left(starts, named.end)
        if lo and result[lo - 1].end > named.start:
            lo -= 1
        overlapping = result[lo:hi]
        if named.kind == "department":  # "Medizinische Klinik des …": the department is no organisation
            del result[lo:hi], starts[lo:hi]
            continue
        shaped = Mention(named.start, named.end, named.surface, named.kind if named.kind in ORG_KINDS else "organisation",
                         aliases=named.aliases, alias_of=named.acronym_of)
        # "chính phủ Nhật Bản", "die japanische Regierung": a name the gazetteer knows, written in lower case
        for alias in (named.surface, *named.aliases) if not named.surface[:1].isupper() else named.aliases:
            # ("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)": GIZ is known)
            alias_tokens = TokenText.of(alias)
            hit = next((v for a, b, v in lexicon.organisations.find_all(alias_tokens)
                        if a == 0 and b == len(alias_tokens.words)), None)
            if hit is not None:
                shaped.known, shaped.kind = hit[0][0], hit[0][0].kind
                break
        if shaped.known is None and named.aliases and named.kind in _TEMPLATE_KINDS \
                and fold(named.surface) in lexicon.place_keys:  # a province listed under a shared head
            _as_its_alias_reads(shaped, named.aliases[0], lexicon)
        if named.kind == "people_committee" and shaped.template is None:  # a province as a party: its People's Committee
            provinces = lexicon.gazetteer.find_provinces(named.surface)
            if provinces:
                shaped.template, shaped.province = "ubnd", provinces[0]
        if not overlapping:
            result.insert(lo, shaped)
            starts.insert(lo, shaped.start)
        elif all(named.start <= m.start and m.end <= named.end and m.end - m.start < len(named.surface)
                 and m.province is None for m in overlapping) \
                and _extends_beyond(named, [m for m in overlapping if m.known is not None], lexicon):
            result[lo:hi], starts[lo:hi] = [shaped], [shaped.start]
        elif all(m.known is None and (m.template or m.province) is not None for m in overlapping) \
                and _proper_beside_template(named, overlapping, lexicon):
            result[lo:hi], starts[lo:hi] = [shaped], [shaped.start]
        elif all(m.known is None and m.template is None and m.end <= named.end for m in overlapping) \
                and _role_before(tokens.key, overlapping[0].start, named.start):
            result[lo:hi], starts[lo:hi] = [shaped], [shaped.start]  # "Partneruniversität Kwame Nkrumah University …"
        else:
            for m in overlapping:
                if m.aliases == () and named.aliases and m.start == named.start:
                    m.aliases = named.aliases
                if m.alias_of is None and named.acronym_of and m.known is None and (m.start, m.end) == (
                        named.start, named.end):  # "Qingdao Municipal Hospital" after "… Hospital Group"
                    m.alias_of = named.acronym_of
    return result


_TEMPLATE_KINDS = frozenset({"hospital", "health_department", "people_committee", "health_centre"})


def _role_before(key: str, start: int, name_start: int) -> bool:
    """Whether one word for the role a body plays ("Partnerklinik", "Kooperationspartner") is all that
    stands between ``start`` and a name read by its shape."""
    role = key[start:name_start].strip()
    return name_start > start and " " not in role and role.startswith(ROLE_STARTS)


def _as_its_alias_reads(shaped: Mention, alias: str, lexicon: Lexicon) -> None:
    """"Cao Bằng" listed under "các Bệnh viện Đa khoa tỉnh …" is the body its alias "Bệnh viện Đa
    khoa tỉnh Cao Bằng" names, read as that alias would be in running text (its province template)."""
    alias_tokens = TokenText.of(alias)
    read = find_mentions(alias_tokens, lexicon, any_case=True, by_shape=False)
    if len(read) == 1 and read[0].start == 0 and read[0].end == len(alias) and read[0].province is not None:
        whole = read[0]
        shaped.known, shaped.template, shaped.province = whole.known, whole.template, whole.province
        shaped.kind, shaped.tier, shaped.hospital_type = whole.kind, whole.tier, whole.hospital_type


_VIETNAM = frozenset({"viet nam", "vietnam", "vietnams", "viet nams"})


def _extends_beyond(named, overlapping: list[Mention], lexicon: Lexicon) -> bool:
    """True if the shaped name says more than the gazetteer names inside it: a word that is no
    place, or a place other than the organisation's own province."""
    if not overlapping:  # only head-word names inside: the shaped name is the fuller one
        return True
    extra = named.surface
    for m in sorted(overlapping, key=lambda m: -m.start):
        extra = extra[:m.start - named.start] + " " + extra[m.end - named.start:]
    words = [w for w in fold(extra).split() if w]
    if not words:
        return False
    if " ".join(words) in _VIETNAM and all(m.known is not None and m.known.province for m in overlapping):
        return False  # "Việt Nam National Hospital of Pediatrics": a Vietnamese body named with its country
    places = lexicon.gazetteer.find_provinces(" ".join(words))
    if not places:  # a proper word, or a nationality: "dem ukrainischen Gesundheitsministerium" is another one
        return any(c.isupper() for c in extra) or is_nationality(words) \
            or all(NATIONALITY_ADJECTIVE.fullmatch(w) for w in words)
    own = {m.known.province for m in overlapping if m.known is not None}
    return not any(p.id in own for p in places)


_DESCRIPTIVE = frozenset({"provincial", "province", "general", "central", "regional", "district", "city", "municipal",
                          "town", "national"})
_LETTER_SUFFIX = re.compile(r"[ \t]+[A-Z]$")


def _proper_beside_template(named, overlapping: list[Mention], lexicon: Lexicon) -> bool:
    """"Sapa Town General Hospital - Lao Cai", "Thai Nguyen Hospital C": an English hospital name
    whose own capitalised words before a province template's reading are no place (or that ends in a
    letter) is another hospital than the province's."""
    if len(overlapping) != 1 or " Hospital" not in named.surface:
        return False
    m = overlapping[0]
    if m.start <= named.start:  # "Thai Nguyen Hospital C": only a letter after the template's reading
        return m.end < named.end and bool(_LETTER_SUFFIX.fullmatch(named.surface[m.end - named.start:]))
    before = named.surface[:m.start - named.start].split()
    return all(w[:1].isupper() for w in before) and not lexicon.gazetteer.find_provinces(" ".join(before)) \
        and any(fold(w) not in lexicon.place_keys and fold(w) not in _DESCRIPTIVE for w in before)


def _inside_code_or_compound(tokens: TokenText, i: int, j: int) -> bool:
    """A head glued to what precedes or follows it is no head: "544/CT-SYT" is a document
    number, "Krankenhaus-Qualitätsmanagement" a compound noun."""
    start, end = tokens.char_span(i, j)
    before = tokens.text[start - 1] if start else " "
    after = tokens.text[end:end + 2]
    return before in "/-" or (after[:1] == "-" and after[1:2].isalpha())


def _mention(tokens: TokenText, i: int, j: int, kind: str, **attrs) -> Mention:
    start, end = tokens.char_span(i, j)
    return Mention(start, end, tokens.text[start:end], kind, **attrs)


def _gap_breaks(tokens: TokenText, k: int) -> bool:
    """True if punctuation between word ``k-1`` and word ``k`` ends a name."""
    gap = tokens.text[tokens.char_ends[k - 1]:tokens.char_starts[k]]
    if gap == " ":
        return False
    if "\n" in gap:
        return True
    if not gap.strip():
        return False
    if gap.strip() == "." and tokens.words[k - 1] in {"tp", "t", "nr", "no", "st"}:
        return False
    if gap.strip() in {"-", "–"} and " " not in gap:  # "Bà Rịa-Vũng Tàu"
        return False
    if gap.strip() == "," and tokens.words[k] in _LEGAL_FORMS:  # "Partners HealthCare, LLC"
        return False
    return bool(_STOP_PUNCT.search(gap)) or "." in gap


def _all_capitals(tokens: TokenText, k: int) -> bool:
    start, end = tokens.char_starts[k], tokens.char_ends[k]
    return tokens.text[start:end].isupper()


def _written_acronym(tokens: TokenText, i: int, j: int) -> bool:
    """A short name written as an acronym in running text ("PATH is working with …", not "path" or a
    headline in capitals) names its organisation on its own."""
    if j - i != 1 or len(tokens.words[i]) < 3 or not _all_capitals(tokens, i):
        return False
    near = [k for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(tokens.words) and len(tokens.words[k]) > 1
            and tokens.words[k].isalpha()]
    return bool(near) and not all(_all_capitals(tokens, k) for k in near)


def _not_an_acronym(tokens: TokenText, k: int) -> bool:
    """A word in lower case, or with Vietnamese marks and not in capitals ("Chải"), is no acronym."""
    written = tokens.text[tokens.char_starts[k]:tokens.char_ends[k]]
    return written.islower() or not written.isascii() and not written.isupper()


def _is_proper(tokens: TokenText, k: int) -> bool:
    first = tokens.text[tokens.char_starts[k]]
    return first.isupper() or first.isdigit() and not is_year(tokens.words[k])  # "Krankenhaus Grafenau 2017"


def _from_head(tokens, i, j, head: Head, lexicon: Lexicon, provinces_at, known_at, types_at, types_end,
               province_ending):
    words = tokens.words
    if head.order == "name_before":
        return _name_before(tokens, i, j, head, lexicon, provinces_at, types_end, province_ending)
    if head.kind == "institute" and not tokens.text[tokens.char_starts[i]].isupper():
        return None  # "nhân viên" is not "Viện"
    # a known organisation starting at the head wins ("Bệnh viện Bạch Mai")
    if i in known_at and not known_at[i][1][0][1]:
        return None
    if _phrase_at(words, j, lexicon.generic) and not (j in provinces_at and _is_proper(tokens, j)):
        return None  # "bệnh viện tuyến trên" is no name, "BVĐK Tuyên Quang" is
    if head.province_required:  # "Chủ tịch Hà Nội", "Gesundheitsamt der Provinz Lai Chau"
        hit = _province_after_connectors(tokens, j, lexicon, provinces_at)
        if hit is None:
            return None
        return (i, hit[0], _mention(tokens, i, hit[0], head.kind, province=hit[1], template=head.template,
                                    tier=head.tier))
    end, number, modifiers = j, None, list(words[i:j])
    proper: list[int] = []
    hospital_type = None
    k = j
    while k < len(words) and k - j < 12:
        if _gap_breaks(tokens, k):
            break
        if k != j and k in known_at and not known_at[k][1][0][1]:
            break
        w = words[k]
        if w in VI_CLAUSE_KEYS and _all_capitals(tokens, k):
            break  # "BỆNH VIỆN ĐA KHOA TỈNH HÀ GIANG KÝ KẾT …": a headline's verb ends the name
        if w in _NUMBER_WORDS and k + 1 < len(words) and words[k + 1].isdigit() and not _gap_breaks(tokens, k + 1):
            number, end, k = words[k + 1], k + 2, k + 2
            break
        if head.kind == "hospital" and hospital_type is None and k in types_at and not proper \
                and not (k in provinces_at and provinces_at[k][0] > types_at[k][0]):  # "Lào Cai" is no "Lao" (TB)
            end, hospital_type = types_at[k]  # "Y học cổ truyền", "Sản - Nhi"
            k = end
            continue
        if k in provinces_at:
            p_end, provinces = provinces_at[k]
            if p_end <= len(words) and all(_is_proper(tokens, x) for x in range(k, p_end)):
                proper.extend(range(k, p_end))
                end = k = p_end
                continue
        if w.isdigit() and k + 1 < len(words) and words[k + 1] in VI_COUNTED:
            if words[k + 1] in VI_GROUP_UNITS:
                return None  # "ngành Y tế 3 tỉnh Bắc Lào" is a group
            break  # "Bệnh viện Sản Nhi 600 giường": a count, not a number in the name
        if _is_proper(tokens, k) and (w not in lexicon.modifiers or proper):  # "Mường Tè": "Tè" is no modifier
            proper.append(k)
        elif w in lexicon.modifiers and not (w in _FOLDED_LIKE_MODIFIERS
                                             and tokens.written(k) in _FOLDED_LIKE_MODIFIERS[w]):
            modifiers.append(w)
        else:
            break
        end = k = k + 1
    if proper and number is None:  # the name ends at its last proper word: "… Quảng Ngãi chính thức"
        end = proper[-1] + 1
    modifiers = [w for k, w in zip(range(j, end), words[j:end]) if k not in proper]
    head_words = words[i:j]
    province, before_province = _province_ending_at(provinces_at, proper)
    if not proper and province is None and (head.template or head.kind == "hospital"):
        # "Allgemeines Krankenhaus (Nr. 2) der Provinz Lai Chau", "Onkologisches Krankenhaus der
        # Provinz X", "Krankenhaus für traditionelle Medizin der Provinz X", "Augenklinik der Provinz X"
        start, after = i, end
        kind_of = lexicon.hospital_type_by_id.get(head.hospital_type) if head.hospital_type else hospital_type
        if kind_of is None and i in types_end:
            start, kind_of = types_end[i]
        if kind_of is None and after in types_at:
            after, kind_of = types_at[after]
        hit = _province_after_connectors(tokens, after, lexicon, provinces_at)
        if hit is not None and (head.template or kind_of):
            template = "bv-" + kind_of.id if kind_of else head.template
            return (start, hit[0], _mention(tokens, start, hit[0], head.kind, province=hit[1], template=template,
                                            number=number, tier=head.tier, hospital_type=kind_of))
    if not proper and province is None:
        # "Bệnh viện Đa khoa tỉnh" with the province left out: resolvable from context only
        if head.template and _is_proper(tokens, i) and (
                "tinh" in modifiers + head_words or "thanh" in modifiers or head.template != "bvdk"):
            return (i, end, _mention(tokens, i, end, head.kind, template=head.template,
                                     modifiers=tuple(modifiers), tier=head.tier))
        if hospital_type is not None and modifiers[-1:] == ["tinh"] and _is_proper(tokens, i):
            # "Bệnh viện Sản - Nhi tỉnh": the province's hospital of that kind, the province from context
            return (i, end, _mention(tokens, i, end, head.kind, template="bv-" + hospital_type.id,
                                     modifiers=tuple(modifiers), tier=head.tier, hospital_type=hospital_type))
        return None
    if province is None and head.template in _PROVINCE_ONLY_TEMPLATES and _is_proper(tokens, i):
        # "Giám đốc Sở Y tế Trần Đắc Thắng": a health department is named by its province only
        return (i, j, _mention(tokens, i, j, head.kind, template=head.template, tier=head.tier))
    if province is None and not _is_proper(tokens, i) and is_country(" ".join(words[k] for k in proper)):
        return None  # "bệnh viện Nhật Bản": a Japanese hospital, no name
    template = head.template
    if province is not None and hospital_type is not None and not before_province:
        # "Bệnh viện Mắt Quốc tế Sài Gòn": a word beyond the type and the province names a hospital
        # of its own, not the province's; so does the city's old name ("Bệnh viện Mắt Sài Gòn" is
        # not the city's eye hospital, "Bệnh viện Mắt TP.HCM")
        if set(modifiers) - _own_words(hospital_type) or words[proper[-1]] in _OLD_CITY_NAMES:
            template, province = None, None  # the name's reading by shape decides
        else:
            template = "bv-" + hospital_type.id
    elif province is not None and head.kind == "hospital" and (template is None or before_province):
        template = _hospital_template(modifiers + [tokens.words[k] for k in before_province])
    mention = _mention(tokens, i, end, head.kind, province=province, template=template if province else None,
                       number=number, modifiers=tuple(modifiers), tier=head.tier, hospital_type=hospital_type)
    return (i, end, mention)


_OLD_CITY_NAMES = frozenset({"gon", "saigon"})  # folded last word of "Sài Gòn", "Saigon"


@lru_cache(maxsize=256)
def _own_words(hospital_type: HospitalType) -> frozenset[str]:
    """The folded words a hospital of ``hospital_type`` in a province is named with."""
    return frozenset(fold(hospital_type.vi).split()) | {"tinh", "thanh", "pho", "tp"}


def _phrase_at(words: list[str], k: int, phrases: frozenset[str]) -> int:
    """Length in words of the longest phrase of ``phrases`` starting at word ``k`` (0 if none)."""
    for n in (3, 2, 1):
        if k + n <= len(words) and " ".join(words[k:k + n]) in phrases:
            return n
    return 0


def _hospital_template(modifiers: list[str]) -> str:
    mods = set(modifiers) - {"tinh", "thanh", "pho", "tp"}
    if mods <= {"da", "khoa"}:
        return "bvdk"
    if {"trung", "uong"} <= mods or "tw" in mods:
        return "bvtw" if mods <= {"trung", "uong", "tw", "da", "khoa"} else "bv-" + "-".join(modifiers)
    return "bv-" + "-".join(m for m in modifiers if m not in {"tinh", "thanh", "pho", "tp"})


def _province_ending_at(provinces_at, proper: list[int]) -> tuple[Province | None, list[int]]:
    """The province that closes the proper part of a name (so "Bệnh viện Nhi Đồng 2" has
    none), and the proper words before it ("Sản Nhi" in "Bệnh viện Sản Nhi Lào Cai")."""
    for start in proper:  # by the name's words, not by every province of the text
        if start in provinces_at and provinces_at[start][0] == proper[-1] + 1:
            return provinces_at[start][1][0], [k for k in proper if k < start]
    return None, proper


def _province_after_connectors(tokens, k, lexicon, provinces_at):
    words = tokens.words
    steps = 0
    while k < len(words) and steps < 4:
        if k in provinces_at:
            p_end, provinces = provinces_at[k]
            return p_end, provinces[0]
        n = _phrase_at(words, k, lexicon.connectors)
        if not n:
            return None
        k += n
        steps += 1
    return None


_NUMBER_OPENERS = frozenset({"the", "of", "and", "with", "at", "by", "from", "to", "for"})
# function words whose folded spelling is a modifier's: "Bệnh viện Đa khoa tỉnh đã …" ("đã" is no "đa")
_FOLDED_LIKE_MODIFIERS = {"da": {"đã"}, "tu": {"từ"}, "noi": {"nơi", "nói"}, "doi": {"đối"}, "mat": {"mất"},
                          "hoi": {"hỏi"}}


_NO_NAME_OPENERS = frozenset({"the", "a", "an", "this", "that", "our", "its", "their", "his", "her",
                              "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer",
                              # a sentence's first word, capitalised: "At Riverside District Hospital, …"
                              "at", "in", "on", "for", "with", "from", "to", "by", "after", "under", "im", "am",
                              "beim", "vom", "zum", "mit", "von", "bei", "nach", "aus"})


def _name_before(tokens, i, j, head: Head, lexicon, provinces_at, types_end, province_ending):
    """English/German "Lai Chau (Provincial) General Hospital (Nr. 2)", "Binh Dinh Eye Hospital"."""
    words = tokens.words
    if head.kind == "hospital" and i in types_end:
        start, kind_of = types_end[i]
        if (p_start := province_ending.get(start)) is not None:
            provinces = provinces_at[p_start][1]
            return (p_start, j, _mention(tokens, p_start, j, head.kind, province=provinces[0],
                                         template="bv-" + kind_of.id, tier=head.tier, hospital_type=kind_of))
    k = i
    while k > 0 and i - k < 6 and tokens.text[tokens.char_starts[k - 1]].isupper() and not _gap_breaks(tokens, k) \
            and words[k - 1] not in HEADLINE_VERBS and words[k - 1] != "partner":
        k -= 1  # "… of Lakeland Visited Harbor Cardiovascular Hospital", "UK Partner Harbor Hospital": no part of it
    while k < i and words[k] in _NO_NAME_OPENERS and not (k in provinces_at and provinces_at[k][0] == i):
        k += 1  # "The hospital and ..." names no hospital (but "An Giang General Hospital" is An Giang's)
    if 0 < k < i and words[k - 1].isdigit() and len(words[k - 1]) <= 3 and not _gap_breaks(tokens, k) \
            and (k == 1 or words[k - 2] in _NUMBER_OPENERS) and head.kind == "hospital":
        k -= 1  # "the 108 Central Military Hospital": its unit number (not a year) is part of the name
        # (not "access to 300 Duke University researchers": a count)
    owner, start = _possessive_province(tokens, i, provinces_at) if head.province_required else (None, i)
    if owner is not None:  # "Lao Cai province's Department of Health"
        return (start, j, _mention(tokens, start, j, head.kind, province=owner, template=head.template,
                                   tier=head.tier))
    if k == i or is_nationality(words[k:i]):  # "the Vietnamese hospital" names no one
        return None
    if head.template is None and not _is_proper(tokens, i) and says_no_which(" ".join(words[k:i]), lexicon.place_keys):
        return None  # "a Hanoi hospital", "HCM City hospital, US university sign deal": which one is not said
    if j < len(words) and words[j] in PROJECT_WORDS:  # "the Satellite Hospital Project": a programme
        return None
    province = None
    for start in range(k, i):
        if start in provinces_at and provinces_at[start][0] == i:
            province = provinces_at[start][1][0]
            k = start
            break
    if head.province_required and province is None:
        return None
    end, number = j, None
    if j + 1 < len(words) and words[j] in _NUMBER_WORDS and words[j + 1].isdigit():
        number, end = words[j + 1], j + 2
    template = head.template if province else None
    return (k, end, _mention(tokens, k, end, head.kind, province=province, template=template, number=number,
                             tier=head.tier))


def _possessive_province(tokens, i, provinces_at):
    """"Lao Cai province's Department of Health", "Hanoi's People's Committee": the province
    owns the body named after its possessive. Returns the province and where the name starts
    (``(None, i)`` when no province stands there)."""
    words = tokens.words
    if i < 2 or words[i - 1] != "s" or tokens.text[tokens.char_starts[i - 1] - 1] not in "'’":
        return None, i
    end = i - 2 if words[i - 2] in ("province", "city") else i - 1
    for start in range(max(0, end - 4), end):
        if start in provinces_at and provinces_at[start][0] == end and _is_proper(tokens, start):
            return provinces_at[start][1][0], start
    return None, i


def _without_overlaps(found: list[tuple[int, int, Mention]]) -> list[Mention]:
    """Keep the best of overlapping mentions: known full names, then longer spans."""
    def rank(item):
        i, j, m = item
        return (m.known is not None and not m.short, m.province is not None, j - i)

    starts: list[int] = []  # the chosen spans, sorted and disjoint: only the neighbours can overlap
    chosen: list[tuple[int, int, Mention]] = []
    for item in sorted(found, key=rank, reverse=True):
        i, j, _ = item
        k = bisect_left(starts, i)
        if (k and chosen[k - 1][1] > i) or (k < len(starts) and starts[k] < j):
            continue
        starts.insert(k, i)
        chosen.insert(k, item)
    return [m for _, _, m in chosen]
