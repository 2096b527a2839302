"""Organisation names the gazetteer does not know, read from their shape (vi, de, en).

Three readers share one token list:

* Vietnamese heads with the name after them: "Bệnh viện Hữu nghị Việt Nam – Cuba Đồng Hới",
  "Trường Đại học Kỹ thuật Y tế Hải Dương", "Tổng lãnh sự quán Nhật Bản", "Công ty CP Dược
  Hậu Giang". The name runs over capitalised words, numbers, the lower-case syllables that
  stand inside names ("Hữu nghị", "Y học cổ truyền") and dashes between capitalised words; it
  ends at its last capitalised word, so verbs, dates and function words are left out.
* German and English runs of capitalised words that hold a head ("Klinikum Ingolstadt",
  "Kantonsspital Baselland", "Helios Kliniken Schwerin", "Inselspital Bern", "University of
  Malaya", "Taipei Veterans General Hospital", "Humedica e.V."). Openers ("Das", "The",
  titles) are cut off; "Director of the X Hospital" keeps "X Hospital"; "A Hospital and
  B Hospital" are two names.
* Acronyms in parentheses after a name ("Universitätsmedizin Rostock (UMR)") become aliases,
  and the acronym alone later in the text is the same organisation.

Every name comes back as a :class:`NamedSpan`; :mod:`.mentions` merges them with the
gazetteer's names.

Examples
--------
>>> [n.surface for n in find_names("Das Klinikum Ingolstadt arbeitet künftig mit dem Klinikum Augsburg zusammen.")]
['Klinikum Ingolstadt', 'Klinikum Augsburg']
>>> [n.surface for n in find_names("Trường Đại học Kỹ thuật Y tế Hải Dương ký kết với Công ty CP Thiết bị Y tế Việt Nhật.")]
['Trường Đại học Kỹ thuật Y tế Hải Dương', 'Công ty CP Thiết bị Y tế Việt Nhật']
>>> [(n.surface, n.aliases) for n in find_names("Das Universitätsspital Basel (USB) und das Kantonsspital Baselland (KSBL).")]
[('Universitätsspital Basel', ('USB',)), ('Kantonsspital Baselland', ('KSBL',))]
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Iterable

from ..gazetteer import load_yaml
from ..resources import data_file
from ..text import fold
from .normalise import fold_same_length
from .tokens import DOCUMENT_KEY

__all__ = ["NamedSpan", "find_names", "is_country", "is_nationality", "is_year", "occurrences"]

# words (with inner hyphens/apostrophes and a suspension hyphen: "Lepra- und"), abbreviations
# that keep their full stop, legal forms with stops, and single punctuation marks
# a slash between two capitalised words joins them ("Bitterfeld/Wolfen", "Wernigerode/Quedlinburg")
_TOKEN = re.compile(r"e\.\s?V\.|(?:Dr|St|Prof|Nr|Mt|Ft|Co|Inc|Ltd)\.(?=\s)|St\.-[^\W\d_]+"
                    r"|[^\W_]+(?:['’&-][^\W_]+|(?<=[^\W\d_])/(?=[A-ZÄÖÜ])[^\W_]+)*(?:-(?!-)|(?<=s)['’](?![^\W_]))?|[^\w\s]",
                    re.UNICODE)  # "X--which": a dash; "Childrens' Hospital": a plural's possessive is its word
_DASHES = {"-", "–", "—"}


@dataclass(frozen=True)
class NamedSpan:
    """An organisation name found by its shape: character span, kind and its acronyms."""

    start: int
    end: int
    surface: str
    kind: str
    aliases: tuple[str, ...] = ()
    acronym_of: str | None = None  # for an acronym or a listed short name standing alone: the full name it stands for


_YEAR = re.compile(r"(?:19|20)\d\d")


def is_year(word: str) -> bool:
    """"2017" is a year, "19-8" and "108" are not (a year is no part of a name)."""
    return bool(_YEAR.fullmatch(word))


class _Token:
    """A word or punctuation mark at ``start:end``; its folded ``key`` is made when first read."""

    __slots__ = ("text", "start", "end", "_key", "is_word", "cap")
    _key: str | None

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self._key = None
        first = text[:1]
        self.is_word = first.isalnum()
        # a number may stand in a name ("Hospital 108"), a year does not ("Krankenhaus Grafenau 2017")
        self.cap = first.isupper() or first.isdigit() and not is_year(text)

    @property
    def key(self) -> str:
        if self._key is None:  # an English possessive is no part of the word: "Clinic’s" is read as "Clinic"
            self._key = _fold_word(self.text[:-2] if self.possessive else self.text)
        return self._key

    @property
    def possessive(self) -> bool:
        return len(self.text) > 3 and self.text.endswith(("’s", "'s"))

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= 2 and self.text[:1].isupper()


class _Shapes:
    """The compiled lexicon of ``loaders/lexicon/name_shapes.yaml``."""

    def __init__(self):
        data = load_yaml(data_file("loaders", "lexicon", "name_shapes.yaml"))
        self.vi_heads: dict[tuple[str, ...], tuple[str, bool]] = {}
        self.vi_lower_heads: set[tuple[str, ...]] = set()  # with diacritics: "trường", never "trưởng"
        for kind, entry in data["vi_heads"].items():
            for phrase in entry["phrases"]:
                self.vi_heads.setdefault(tuple(phrase.split()), (kind, False))
            for phrase in entry.get("lower", ()):
                self.vi_lower_heads.add(tuple(phrase.split()))
        self.vi_lower_keys = frozenset(fold(" ".join(p)) for p in self.vi_lower_heads)
        self.vi_lower_written = frozenset(" ".join(p) for p in self.vi_lower_heads)
        self.vi_head_lengths = sorted({len(p) for p in self.vi_heads}, reverse=True)
        self.vi_head_starts = frozenset(p[0] for p in self.vi_heads)
        self.vi_inner = frozenset(data["vi_inner"])  # with diacritics, compared to the lower-cased word
        self.vi_closing = frozenset(data["vi_closing"])
        self.vi_compounds = frozenset(tuple(c.split()) for c in data["vi_compounds"])
        self.vi_compound_starts = frozenset(c[0] for c in self.vi_compounds)
        self.vi_final = _by_first_word(data["vi_final"])
        self.vi_generic = _by_first_word(data["vi_generic_after"])
        self.vi_events = _by_first_word(data["vi_events"])
        self.head_words: dict[tuple[str, ...], str] = {}
        self.suffixes: list[tuple[str, str]] = []
        for kind, entry in data["heads"].items():
            for word in entry["words"]:
                self.head_words.setdefault(tuple(word.split()), kind)
            self.suffixes.extend((suffix, kind) for suffix in entry.get("suffixes", ()))
        self.head_lengths = sorted({len(p) for p in self.head_words}, reverse=True)
        self.head_starts = frozenset(p[0] for p in self.head_words)
        self.word_head = lru_cache(maxsize=65536)(self._word_head)
        # where a name may start (Vietnamese heads) or hold its head (German/English), found in
        # the folded text so that only the words around them are read
        self.vi_anchor = _Anchors(" ".join(p) for p in self.vi_heads)
        # a compound's ending needs no word start: "Inselspital"
        self.west_anchor = _Anchors((" ".join(p) for p in self.head_words), {suffix for suffix, _ in self.suffixes})
        self.weak = frozenset(data["weak_heads"])
        self.health_fields = frozenset(data["health_fields"])
        self.joined_fields = frozenset(data["en_joined_fields"])
        self.connectors = frozenset(data["connectors"])
        self.openers = frozenset(data["openers"])
        self.titles = frozenset(data["person_titles"])
        self.vi_titles: dict[str, set[str]] = {}  # folded -> as written ("ba" -> {"bà"})
        for title in data["vi_person_titles"]:
            self.vi_titles.setdefault(fold(title), set()).add(title)
        self.surnames = frozenset(data["vi_surnames"])
        self.legal = frozenset(data["legal_forms"])
        self.party_markers = _Anchors(data["party_markers"])
        receiving = load_yaml(data_file("loaders", "lexicon", "countries.yaml"))["receiving"]
        self.countries = frozenset(fold(c) for c in data["countries"] + [n for group in receiving for n in group])
        self.nationalities = frozenset(data["nationalities"])
        self.plain_acronyms = frozenset(data["plain_acronyms"])
        self.descriptor_kinds = {word: kind for kind, words in data["descriptors"].items() for word in words}
        self.descriptors = tuple(self.descriptor_kinds)


    def descriptor_kind(self, key: str) -> str:
        return next(kind for word, kind in self.descriptor_kinds.items() if key.endswith(word))

    def _word_head(self, key: str) -> str | None:
        """The kind of head one word is: "e.V." whole, or a compound by its ending ("Inselspital")."""
        if tuple(key.split()) in self.head_words:
            return self.head_words[tuple(key.split())]
        parts = key.replace("-", " ").split()
        word = parts[-1] if parts else ""
        if len(parts) > 1 and (word,) in self.head_words:  # "Enzkreis-Kliniken"
            return self.head_words[(word,)]
        kind = next((kind for suffix, kind in self.suffixes if word.endswith(suffix) and (
            len(word) > len(suffix) + 2 or len(parts) > 1)), None)  # "Inselspital", "Insel-Spitalgruppe"
        if kind is None and word.endswith("s") and len(word) > 4:  # a German genitive: "des Forschungszentrums"
            return self._word_head(key[:-1])
        return kind


def _by_first_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        grouped.setdefault(words[0], []).append(words)
    return grouped


class _Anchors:
    """Where folded phrases stand in a folded text, as whole words (found in the pass over a
    document's key that :data:`.tokens.DOCUMENT_KEY` shares). ``endings`` need not start a word
    ("spital" in "inselspital")."""

    def __init__(self, phrases: Iterable[str], endings: Iterable[str] = ()) -> None:
        words: dict[str, tuple[int, bool]] = {}  # spelling -> (length, whole word)
        for phrase in phrases:
            for spelling in {phrase, phrase.replace(" ", ".") + "."}:  # "e v" is written "e.V."
                words[spelling] = (len(spelling), True)
        for ending in endings:
            words[ending] = (len(ending), False)
        self._number = DOCUMENT_KEY.add(words)

    def find(self, key: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each match, by start; the longest at a start; a compound from its word start."""
        spans: dict[int, int] = {}
        for start, (length, whole) in DOCUMENT_KEY.find(key, self._number):
            last, end = start + length - 1, start + length
            if end < len(key) and key[end].isalnum() and key[last] != ".":
                continue
            if start and key[start - 1].isalnum():
                if whole:
                    continue
                while start and key[start - 1].isalnum():
                    start -= 1
            if end > spans.get(start, -1):
                spans[start] = end
        return sorted(spans.items())


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    return _Shapes()


_fold_word = lru_cache(maxsize=65536)(fold)  # articles repeat their words: fold each once


@lru_cache(maxsize=8)
def place_names(provinces: frozenset[str]) -> frozenset[str]:
    """The folded names of ``provinces`` and of the countries (made once, not per name read)."""
    return provinces | _shapes().countries


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """The tokens of ``text[start:end]``, a stretch of one line (offsets stay those of ``text``)."""
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


_WINDOW = 240  # characters read around an anchor; longer than any name
_SHORT_WINDOW = 45
# "các Bệnh viện …", "hai BV Sản lớn nhất": many, or a count (not a date's number: "2024-10-15\nBệnh viện …")
_PLURAL_BEFORE = re.compile(r"(?:cac|nhung|nhieu|moi|mot so|(?<![\w/.-])(?:hai|ba|bon|nam|sau|\d{1,3}))[ \t]+$")


def _line_window(text: str, start: int, end: int, reach: int = _WINDOW) -> tuple[int, int]:
    """``[start, end)`` widened by ``reach`` characters each way, within its line, cut at spaces."""
    left = max(text.rfind("\n", 0, start) + 1, start - reach)
    right = text.find("\n", end)
    right = min(len(text) if right < 0 else right, end + reach)
    if left > 0 and text[left - 1] not in " \n":
        left = text.find(" ", left, start) + 1 or start
    if right < len(text) and text[right] not in " \n":
        right = max(text.rfind(" ", end, right), end)
    return left, right


def find_names(text: str, provinces: frozenset[str] = frozenset(), key: str | None = None,
               known: dict[int, int] | None = None) -> list[NamedSpan]:
    """Organisation names in ``text`` by their shape, in order, without overlaps.

    ``provinces`` holds folded place names that are never a name's only proper part
    ("Ho Chi Minh City" is a place, "Seongnam City" a city government). ``key`` is the text
    folded at the same length (:func:`.normalise.matching_key`), when the caller has it.
    ``known`` maps the start of each name the caller has already read to its end: a
    Vietnamese name there is not read again unless a word that could extend it follows.
    """
    shapes = _shapes()
    key = fold_same_length(text) if key is None else key
    known = known or {}
    found: list[NamedSpan] = []
    last_end = 0
    for anchor, head_end in shapes.vi_anchor.find(key):
        if anchor < last_end or not (text[anchor].isupper() or key[anchor:head_end] in shapes.vi_lower_keys):
            continue  # inside the name before, or "cán bộ", "nhân viên": no head
        written = text[anchor:head_end]
        if key[anchor:head_end] in shapes.vi_lower_keys and not written.isascii() \
                and written.lower() not in shapes.vi_lower_written:
            continue  # "SÓNG CHỮA LÀNH": its marks tell "chữa" (heal) from "chùa" (a pagoda)
        if _PLURAL_BEFORE.search(key, max(0, anchor - 12), anchor) or not (
                _may_continue(text, head_end, shapes) or _descriptive_head(key[anchor:head_end], shapes)
                and _capital_soon(text, head_end, shapes)):
            continue  # "các Bệnh viện Trung ương" (many), "bệnh viện tuyến trên" (no name follows)
        if anchor in known and not _may_continue(text, known[anchor], shapes):
            last_end = known[anchor]
            continue
        for reach in (_SHORT_WINDOW, _WINDOW):  # most names are short: read a little first
            right = _line_window(text, anchor, anchor, reach)[1]
            tokens = _tokens(text, anchor, right)
            span = _vietnamese_name(tokens, 0, shapes, provinces) if tokens else None
            if span is None or right == len(text) or text[right] == "\n" or (
                    span[1] < len(tokens) - 1 and not _lower_to_the_end(tokens, span[1])
                    and tokens[span[1]].text != "("):
                break  # read further only if the name may go on past the window (or past a bracket in it)
        if span is not None:
            found.append(_named(text, tokens, *span))
            last_end = found[-1].end
    if "Bộ" in text:
        ministries = _ministries_of_many_fields(text, key, shapes)
        found = [n for n in found if not any(m.start <= n.start < m.end for m in ministries)] + ministries
    hits = _anchor_hits(key)
    listed = _listed_under_plural_head(text, hits, place_names(provinces))
    found = [n for n in found if not any(n.start < e and s < n.end for s, e in listed.spans)] + listed.names
    taken = _Taken([(n.start, n.end) for n in found] + listed.spans)
    # a head and its name in quotes before names read by case: the quoted name may hold full stops
    # ("Krankenhaus „Centre Hospitalier Préfectoral C.H.P. Bassar“")
    for named in _quoted_names(text, taken):
        found.append(named)
        taken.add(named.start, named.end)
    for left, right in _windows(text, key, shapes):
        tokens = _tokens(text, left, right)
        for span in _capitalised_names(tokens, shapes, provinces):
            named = _named(text, tokens, *span)
            if named.surface.endswith(" City") and _PLACE_BEFORE.search(text, max(0, named.start - 4), named.start):
                continue  # "… in New York City": where, not the city's government
            if not taken.overlaps(named.start, named.end):
                found.append(named)
                taken.add(named.start, named.end)
    for span in known.items():
        taken.add(*span)
    for reader in (lambda: _bodies_of_listed_provinces(text, key, taken),
                   lambda: _province_pairs(text, taken, provinces),
                   lambda: _twinned_towns(text, taken),
                   lambda: _agents(text, taken, shapes),
                   lambda: _partners_by_verb(text, taken, shapes, provinces),
                   lambda: _province_partners(text, hits, taken, provinces),
                   lambda: _placed_heads(text, hits, taken, found, provinces),
                   lambda: _foreign_subjects(text, hits, taken, shapes, provinces,
                                             {bare: n.surface for n in found for bare in _bare_form(n)}),
                   lambda: _country_branches(text, taken, shapes),
                   lambda: _governments_in_lower_case(text, taken, shapes),
                   lambda: _city_governments(text, taken),
                   lambda: _without_borders(text, taken),
                   lambda: _vietnam_branches(text, taken, place_names(provinces)),
                   lambda: _determined_acronyms(text, taken, shapes, {alias for n in found for alias in n.aliases}),
                   lambda: _partners_by_their_kind(text, taken)):
        for named in reader():  # each reader sees the names the ones before it found
            found.append(named)
            taken.add(named.start, named.end)
    found = _campuses(text, _units_at_their_organisation(text, sorted(found, key=lambda n: n.start)))
    departments = [n for n in found if n.kind == "department"]
    found = _expansions_in_brackets(text, _faculties_with_their_university(
        text, _spelled_by_acronym(text, sorted((n for n in found if n.kind != "department"), key=lambda n: n.start))))
    found = [_with_seat(text, n) for n in _with_coordinated(text, key, found, shapes, provinces, known)
             if not _place_and_plural(n.surface, provinces) and not _a_kind_of_body(text, n)]
    # an acronym another reader took alone ("TMV, TVF và VCF", coordinated) is still the name it abbreviates,
    # and so is a name's short form without its corporate ending ("Northumbria Healthcare NHS Foundation Trust …
    # Northumbria Healthcare")
    found = _acronyms_of_their_capitals(text, found)
    spelled: dict[str, NamedSpan] = {}
    for n in found:  # the first name an acronym spells, the one it was defined for
        for alias in n.aliases:
            if " " not in alias:
                spelled.setdefault(alias, n)
    spelled.update((short, n) for n in found if (short := _without_corporate_ending(n.surface)))
    # ("Verein PDUM" after "Verein Partnerschaft Deutschland-Ukraine/Moldova e.V. (PDUM)": a word for what it is,
    # then the acronym)
    found = [replace(n, kind=spelled[n.surface].kind, acronym_of=spelled[n.surface].surface)
             if not n.aliases and n.acronym_of is None and n.surface in spelled else
             replace(n, kind=spelled[n.aliases[0]].kind, acronym_of=spelled[n.aliases[0]].surface)
             if len(n.aliases) == 1 and n.acronym_of is None and n.aliases[0] in spelled
             and spelled[n.aliases[0]] is not n and n.surface.endswith(" " + n.aliases[0]) else n for n in found]
    found = _programmes_of_their_owners(_acronyms_of_names(_called_for_short(text, _with_teaching_titles(text, found))))
    return sorted(found + departments, key=lambda n: n.start) + _acronyms(text, found)


# "der Klinikverbund X – kurz BG Kliniken –", "Bệnh viện X (gọi tắt là Y)": the name after is the one before's
_FOR_SHORT = re.compile(r"[ \t]*[–—(,][ \t]*(?:kurz|abgekürzt|in short|short|gọi tắt là|viết tắt là|gọi tắt)[ \t]*:?[ \t]*$",
                        re.IGNORECASE)


def _called_for_short(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """A name the text says the one before it is called for short stands for that one, there
    and wherever it stands alone after.

    >>> [(n.surface, n.acronym_of) for n in find_names("Der Klinikverbund der gesetzlichen Unfallversicherung – kurz BG Kliniken – wächst.")]
    [('Klinikverbund der gesetzlichen Unfallversicherung', None), ('BG Kliniken', 'Klinikverbund der gesetzlichen Unfallversicherung')]
    """
    ordered = sorted(names, key=lambda n: n.start)
    short: dict[str, NamedSpan] = {}
    for before, name in zip(ordered, ordered[1:]):
        called = _FOR_SHORT.match(text, before.end, name.start)
        if called is not None and called.end() == name.start and name.acronym_of is None:
            short.setdefault(name.surface, before)
    if not short:
        return names
    return [replace(n, kind=short[n.surface].kind, acronym_of=short[n.surface].acronym_of or short[n.surface].surface)
            if n.surface in short and n.acronym_of is None and n.start > short[n.surface].start else n for n in names]


_PLURAL_HEAD = re.compile(r"[ \t]+(?:hospitals|clinics|health centres|health centers|medical centers|medical centres)$")


# "a Philanthropic Organization"; "mit einem „Neurovaskulären Netzwerk“": what the parties make, in quotes
_INDEFINITE_BEFORE = re.compile(r"(?:^|[\s,(])(?:(?:a|an)\s+|(?:ein|eine|einem|einen|einer|eines)\s+[„“\"])$")


def _a_kind_of_body(text: str, name: NamedSpan) -> bool:
    """"Health Hope Zambia, a Philanthropic Organization": two capitalised words after "a" say
    what kind of body one is; they name none."""
    return len(name.surface.split()) <= 2 and not name.aliases \
        and bool(_INDEFINITE_BEFORE.search(text, max(0, name.start - 9), name.start))


def _place_and_plural(surface: str, provinces: frozenset[str]) -> bool:
    """"Quang Ngai hospitals": the hospitals of a place, no one's name."""
    m = _PLURAL_HEAD.search(surface)
    return m is not None and fold(surface[:m.start()]) in place_names(provinces)


_UNIT = re.compile(r"(?:Center|Centre|Department|Unit|Division|Institute|Laboratory|Ward|Program|Programme)$"
                   r"|(?:Center|Centre|Department|Dept\.?|Division|Unit|Ward)[ \t]+(?:of|for)[ \t]")
_AT_GAP = re.compile(r"[ \t]+at(?:[ \t]+the)?[ \t]+")
_POSSESSIVE_GAP = re.compile(r"['’]s[ \t]+")


def _units_at_their_organisation(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """"the Heart Center at the Second Affiliated Hospital of X", "the Department of Neurology at
    X", "X's Department of Neurology": a unit named right beside the hospital or university it
    belongs to is a department; its organisation is the party.

    >>> [(n.surface, n.kind) for n in find_names("The Heart Center at the Lakeside University Hospital helped.")]
    [('Heart Center', 'department'), ('Lakeside University Hospital', 'hospital')]
    >>> [(n.surface, n.kind) for n in find_names("Lakeside University Hospital's Center for Stroke Care helped.")]
    [('Lakeside University Hospital', 'hospital'), ('Center for Stroke Care', 'department')]
    """
    def owner(k: int, step: int, gap: re.Pattern) -> bool:
        other, (left, right) = k + step, sorted((k, k + step))
        return 0 <= other < len(names) and names[other].kind in ("hospital", "university") \
            and gap.fullmatch(text, names[left].end, names[right].start) is not None
    return [replace(name, kind="department") if _UNIT.search(name.surface)
            and (owner(k, 1, _AT_GAP) or owner(k, -1, _POSSESSIVE_GAP)) else name for k, name in enumerate(names)]


_STATE_UNIVERSITY = re.compile(r"University of [A-Z][\w-]*(?: [A-Z][\w-]*)?$")
_CAMPUS = re.compile(r"[ \t]+at[ \t]+(?P<city>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2})")


def _campuses(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """"the University of Alabama at Birmingham (Health System)": a state university's campus is
    named by its city after "at", with what it runs after that.

    >>> [n.surface for n in find_names("Lakeside Hospital partnered with the University of Texas at Austin.")]
    ['Lakeside Hospital', 'University of Texas at Austin']
    """
    merged: list[NamedSpan] = []
    skip = -1
    for k, name in enumerate(names):
        if k == skip:
            continue
        m = _CAMPUS.match(text, name.end) if _STATE_UNIVERSITY.search(name.surface) else None
        if m is not None:
            after = names[k + 1] if k + 1 < len(names) and names[k + 1].start == m.start("city") else None
            end = after.end if after is not None else m.end("city")
            skip = k + 1 if after is not None else skip
            name = NamedSpan(name.start, end, text[name.start:end], name.kind, name.aliases)
        merged.append(name)
    return merged


_FACULTY = re.compile(r"(?:Faculty|School|College|Department|Fakultät|Medizinische Fakultät|Khoa)\b")
_FACULTY_BEFORE = re.compile(r"(?:Medizinischen?[ \t]+Fakultät|Fachbereichs?[ \t]+Medizin|Medizinischen?[ \t]+Hochschule)"
                             r"(?:[ \t]+[A-ZÄÖÜ][\w-]+)?[ \t]+(?:der|des)[ \t]+$")
_FACULTY_GAP = re.compile(r"[ \t]*(?:[-–—,]|der|des)[ \t]*")


def _faculties_with_their_university(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """"Faculty of Medicine - Vietnam National University Ho Chi Minh City", "School of
    Nursing, Duke University": a faculty named with its university right after is one body.

    >>> [n.surface for n in find_names("Faculty of Medicine - Marlow University and Kestrel Hospital signed an MoU.")]
    ['Faculty of Medicine - Marlow University', 'Kestrel Hospital']
    """
    merged: list[NamedSpan] = []
    for name in names:
        before = merged[-1] if merged else None
        faculty = _FACULTY_BEFORE.search(text, max(0, name.start - 60), name.start) if name.kind == "university" else None
        if faculty is not None and (before is None or before.end <= faculty.start()):
            # "der Medizinischen Fakultät Mannheim der Uni Heidelberg", "Fachbereich Medizin der Philipps-Universität"
            merged.append(NamedSpan(faculty.start(), name.end, text[faculty.start():name.end], "university", name.aliases))
            continue
        if before is not None and name.kind == "university" and _FACULTY.match(before.surface) \
                and not _FACULTY.match(name.surface) and _FACULTY_GAP.fullmatch(text, before.end, name.start):
            merged[-1] = NamedSpan(before.start, name.end, text[before.start:name.end], "university",
                                   before.aliases + name.aliases)
        else:
            merged.append(name)
    return merged


_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}")


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{2,7})\)")
_EXPANSION_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|,")
_EXPANSION_GLUE = frozenset({",", "and", "of", "for", "the", "und", "für", "de", "&"})


def _spelled_by_acronym(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """"the Foreign, Commonwealth and Development Office (FCDO)": words that commas cut into
    pieces are one name when the acronym in brackets after them spells their capitals.

    >>> [(n.surface, n.aliases) for n in find_names("It was funded by the Foreign, Commonwealth and Development Office (FCDO).")]
    [('Foreign, Commonwealth and Development Office', ('FCDO',))]
    """
    if "," not in text:
        return names
    for m in _BRACKETED_ACRONYM.finditer(text):
        acronym = "".join(c for c in m.group(1) if c.isupper())
        window = max(0, m.start() - 150)
        tokens = list(_EXPANSION_TOKEN.finditer(text, window, m.start()))
        initials, start = "", None
        for token in reversed(tokens):
            word = token.group()
            if word.lower() in _EXPANSION_GLUE:
                continue
            if not word[:1].isupper() or len(initials) >= len(acronym):
                break
            initials, start = word[0] + initials, token.start()
        end = len(text[:m.start()].rstrip())
        if start is None or initials != acronym or "," not in text[start:end]:
            continue
        inside = [n for n in names if start <= n.start and n.end <= end]
        kind = inside[-1].kind if inside else "foreign_body"
        names = sorted([n for n in names if n not in inside]
                       + [NamedSpan(start, end, text[start:end], kind, (m.group(1),))], key=lambda n: n.start)
    return names


# "(HIU)", and "(HIU – under Nguyen Hoang Education Group)": the acronym, then a remark
_ACRONYM_IN_BRACKETS = re.compile(r"[ \t]*\(([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}(?:[ \t][A-ZÄÖÜ]{2,5})?)(?:\)|[ \t]*[–—,;:][ \t])")


def _acronyms_of_their_capitals(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """An acronym in brackets right after a name whose capitals it takes in order is that name's
    alias, when no reader gave the name one; its letters may also come from inside a compound,
    when it begins with the name's first capital ("Herz- und Diabeteszentrum NRW (HDZ NRW)").

    >>> [(n.surface, n.aliases) for n in find_names("Der Verein Partnerschaft Deutschland-Ukraine/Moldova e.V. (PDUM) hilft.")]
    [('Verein Partnerschaft Deutschland-Ukraine/Moldova e.V.', ('PDUM',))]
    >>> [(n.surface, n.aliases) for n in find_names("Das Herz- und Diabeteszentrum NRW (HDZ NRW) hilft.")]
    [('Herz- und Diabeteszentrum NRW', ('HDZ NRW',))]
    """
    result = []
    for name in names:
        m = None if name.aliases or name.acronym_of else _ACRONYM_IN_BRACKETS.match(text, name.end)
        capitals = "".join(c for c in name.surface if c.isupper())
        letters = m.group(1).replace(" ", "") if m is not None else ""
        if m is not None and (_in_order(letters, capitals) or capitals[:1] == letters[:1]
                              and _in_order(letters.lower(), name.surface.lower())):
            name = replace(name, aliases=(m.group(1),))
        result.append(name)
    return result


def _acronyms_of_names(names: list[NamedSpan]) -> list[NamedSpan]:
    """An acronym that a determiner named, defined nowhere ("das ZGKS", "das LUKS"), is the one
    name of the text it abbreviates: its first letter the name's, its last from the name's last
    word, all of them in order ("Zuger Kantonsspital", "Luzerner Kantonsspitals").

    >>> [(n.surface, n.acronym_of) for n in find_names("Das Zuger Kantonsspital baut. Das ZGKS hilft.")]
    [('Zuger Kantonsspital', None), ('ZGKS', 'Zuger Kantonsspital')]
    """
    lone = [n for n in names if n.kind == "organisation" and n.aliases == (n.surface,) and n.acronym_of is None
            and _ACRONYM.fullmatch(n.surface)]
    if not lone:
        return names
    full = [n for n in names if " " in n.surface and n.kind != "organisation" and not n.surface.isupper()]
    spelled = {}
    for acronym in lone:
        found = {n.surface.rstrip("s"): n for n in full if _abbreviates(acronym.surface, n.surface)}
        if len(found) == 1:
            spelled[acronym.surface] = next(iter(found.values()))
    return [replace(n, kind=spelled[n.surface].kind, acronym_of=spelled[n.surface].surface)
            if n in lone and n.surface in spelled else n for n in names]


_PROGRAMME_TAIL = re.compile(r"(?:[ \t]+(?:Care|Health|Telehealth|Telemedicine|Satellite|Partner|Partnership|Clinical))*"
                             r"[ \t]+(?:Network|Programme|Program|Project|Alliance)"
                             # "the Australian Embassy’s Direct Aid Program": whose it is, then its name
                             r"|['’]s(?:[ \t]+[A-Z][\w-]*){0,4}[ \t]+(?:Network|Programme|Program|Project|Fund|Initiative)")


def _programmes_of_their_owners(names: list[NamedSpan]) -> list[NamedSpan]:
    """A network or programme named after an organisation the text names ("the Mayo Clinic
    Care Network" after "Mayo Clinic") is that organisation's: who joins it joins the owner.

    >>> [(n.surface, n.acronym_of) for n in find_names("Lakeview Health joined the Mayo Clinic Care Network, "
    ...                                                "run by the Mayo Clinic.")]
    [('Lakeview Health', None), ('Mayo Clinic Care Network', 'Mayo Clinic'), ('Mayo Clinic', None)]
    """
    owners = {n.surface: n for n in names if n.kind != "department" and " " in n.surface}
    result = []
    for n in names:
        owner = next((o for surface, o in owners.items() if n.surface.startswith(surface) and n.surface != surface
                      and _PROGRAMME_TAIL.fullmatch(n.surface, len(surface))), None)
        result.append(replace(n, kind=owner.kind, acronym_of=owner.surface) if owner is not None and n.acronym_of is None
                      else n)
    return result


_DASH_GAP = re.compile(r"[ \t]*[–—-][ \t]*")
_TEACHING_TITLE = re.compile(r"(?:Universitätsklinikum|Universitätsklinik|Uniklinikum|Akademisches Lehrkrankenhaus|"
                             r"Lehrkrankenhaus|University Hospital|Teaching Hospital)[ \t]+(?:der|des|of)[ \t]")


def _with_teaching_titles(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """"Marien Hospital Herne – Universitätsklinikum der Ruhr-Universität Bochum": a hospital's
    title after a dash is its name's part (the university it teaches for is no party beside it).

    >>> [(n.surface, n.acronym_of) for n in find_names("Sie arbeiten im Marien Hospital Herne – Universitätsklinikum "
    ...                                                "der Ruhr-Universität Bochum.")]
    [('Marien Hospital Herne – Universitätsklinikum der Ruhr-Universität Bochum', 'Marien Hospital Herne')]
    """
    result: list[NamedSpan] = []
    for name in names:
        if result and result[-1].kind == "hospital" and _DASH_GAP.fullmatch(text, result[-1].end, name.start) \
                and _TEACHING_TITLE.match(name.surface):
            first = result.pop()
            name = NamedSpan(first.start, name.end, text[first.start:name.end], first.kind, first.aliases, first.surface)
        result.append(name)
    return result


def _abbreviates(acronym: str, surface: str) -> bool:
    letters, name = acronym.lower(), surface.lower()
    # every capitalised word gives its initial ("Nationalen Medizinischen Universität Bogomolez" is no "NDSB"), up to
    # a place after a connector ("Fondation Sociale Suisse du Nord-Cameroun" is the "FSS")
    core = re.split(r"\s(?:du|de|des|der|of|in|für|fur)\s", surface)[0]
    initials = "".join(w[0] for w in core.split() if w[:1].isupper()).lower()
    return len(letters) >= 3 and name[:1] == letters[:1] and _in_order(letters[1:], name[1:]) \
        and letters[-1] in core.lower().split()[-1] and (len(initials) < 2 or _in_order(initials, letters))


def _in_order(letters: str, capitals: str) -> bool:
    """Whether ``letters`` are ``capitals`` with some left out, the first one kept or not."""
    found = iter(capitals)
    return len(letters) >= 2 and all(letter in found for letter in letters)


def _expansions_in_brackets(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """"Das UKSH (Universitätsklinikum Schleswig-Holstein)": an acronym and its expansion in
    brackets right after are one body, the expansion its name and the acronym its alias.

    >>> [(n.surface, n.aliases, n.acronym_of) for n in find_names("Das UKSH (Universitätsklinikum Schleswig-Holstein) hilft.")]
    [('UKSH', (), 'Universitätsklinikum Schleswig-Holstein'), ('Universitätsklinikum Schleswig-Holstein', ('UKSH',), None)]
    """
    for k in range(len(names) - 1):
        short, full = names[k], names[k + 1]
        if _ACRONYM.fullmatch(short.surface) and short.acronym_of is None \
                and text[short.end:full.start].strip() == "(" and text[full.end:full.end + 1] == ")" \
                and full.surface[:1] == short.surface[:1] and short.surface not in full.aliases:
            names[k] = NamedSpan(short.start, short.end, short.surface, full.kind, (), full.surface)
            names[k + 1] = NamedSpan(full.start, full.end, full.surface, full.kind, full.aliases + (short.surface,),
                                     full.acronym_of)
    return names


class _Taken:
    """Character spans already named, with overlap tests by bisection: a long article has
    thousands of names, and a scan of all of them per candidate would make reading quadratic.

    >>> taken = _Taken([(10, 20)])
    >>> taken.overlaps(15, 30), taken.overlaps(20, 25), taken.overlaps(0, 11)
    (True, False, True)
    """

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # a span that overlaps starts after start - longest (it is no longer) and before end
        first = bisect_left(self._spans, (start - self._longest + 1,))
        last = bisect_left(self._spans, (end,))
        return any(e > start for _, e in self._spans[first:last])


_DE_ITEM = r"(?:St\.[ \t]?|Bad[ \t]+)?[A-ZÄÖÜ][\w'’-]*(?:[ \t]+(?:an[ \t]+der|am|im)[ \t]+[A-ZÄÖÜ][\w'’-]*)?"
_EN_ITEM = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
_ACRONYM_AFTER = r"(?:[ \t]*\([A-ZÄÖÜ]{2,6}\))?"  # "die Kantonsspitäler Aarau (KSA) und Baden (KSB)"
_VI_UPPER = "".join(chr(c) for c in range(0xC0, 0x1F00) if chr(c).isupper())
_VI_ITEM = rf"[A-Z{_VI_UPPER}0-9][^\W_]*(?:[ \t]+[A-Z{_VI_UPPER}0-9][^\W_]*){{0,3}}"


def _around(hits: dict[str, list[int]], anchors: tuple[str, ...], before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches ``[i - before, j + after)`` around the anchors' places in the folded text
    (``hits``: see :func:`_anchor_hits`): a pattern that would be tried at every character is
    run only there."""
    spans = sorted((max(0, at - before), at + len(anchor) + after) for anchor in anchors for at in hits.get(anchor, ()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _anchor_hits(key: str) -> dict[str, list[int]]:
    """Where each anchor of the readers below stands in the folded ``key`` (in the shared pass over it)."""
    hits: dict[str, list[int]] = {}
    for start, anchor in DOCUMENT_KEY.find(key, _reader_anchors()):
        hits.setdefault(anchor, []).append(start)
    return hits


@lru_cache(maxsize=1)
def _reader_anchors() -> int:
    """The number of the readers' anchors in :data:`.tokens.DOCUMENT_KEY`."""
    anchors = {a for entry in _PLURAL_LISTS for a in entry[3]} | {a for entry in _PROVINCE_PARTNERS for a in entry[2]} \
        | set(_PLACED_ANCHORS) | set(_VI_PARTY_VERBS)
    return DOCUMENT_KEY.add({anchor: anchor for anchor in anchors})


def _item_list(item: str, joiner: str) -> str:
    return rf"{item}(?:[ \t]*,[ \t]*{item})*[ \t]*,?[ \t]*(?:{joiner})[ \t]+{item}"


# "die Krankenhäuser Hainburg und Kittsee", "den Kantonsspitälern Aarau, Baden und Luzern", "the
# Cho Ray and Thong Nhat hospitals", "các bệnh viện Bạch Mai, Việt Đức và K": one head, many names
_PLURAL_LISTS = (
    # (pattern, one item, the head after the items, where to look: anchors in the folded text and the
    # characters read before and after each)
    (re.compile(r"(?<![\w-])(?P<head>(?:[A-ZÄÖÜ][a-zäöüß]*?)?(?:[Kk]rankenhäusern?|[Kk]liniken|[Ss]pitälern?|"
                r"[Mm]edizinen))[ \t]+(?:(?:in|von|aus)[ \t]+)?(?P<items>"
                + _item_list(_DE_ITEM + _ACRONYM_AFTER, "und|sowie") + r")(?![\w-])"), _DE_ITEM, False,
     ("krankenhauser", "kliniken", "spitaler", "medizinen"), 30, 200),
    (re.compile(r"(?<![\w-])(?P<items>" + _item_list(_EN_ITEM, "and|&") + r")[ \t]+(?P<head>hospitals|clinics)\b"),
     _EN_ITEM, True, ("hospitals", "clinics"), 200, 0),
    # "các bệnh viện A, B và C", "8 bệnh viện tuyến huyện gồm Phú Ninh, Quế Sơn và Nông Sơn" (a level needs its "gồm")
    (re.compile(r"(?<![\w/.,])(?:các|những|hai|ba|bốn|năm|sáu|\d+)[ \t]+(?P<head>[Bb]ệnh viện|BV)[ \t]+"
                r"(?:là[ \t]+|gồm[ \t]+|:[ \t]*|(?P<level>(?:đa[ \t]+khoa[ \t]+)?(?:tuyến[ \t]+)?(?:huyện|quận))"
                r"[ \t]*(?:gồm(?:[ \t]+có)?[ \t]+|là[ \t]+|:[ \t]*))?"
                r"(?P<items>" + _item_list(_VI_ITEM, "và") + r")(?!\w)"), _VI_ITEM, False,
     ("cac benh vien", "nhung benh vien", "hai benh vien", "ba benh vien", "bon benh vien", "cac bv", "nhung bv",
      "benh vien tuyen huyen", "benh vien huyen", "benh vien da khoa huyen", "benh vien da khoa tuyen huyen"),
     8, 200),
    # "cho các bệnh viện: Chợ Rẫy, Phạm Ngọc Thạch, Bình Dân, …": a list its colon or "gồm" announces needs no "và"
    (re.compile(r"(?<![\w/.,])(?:các|những|\d+)[ \t]+(?P<head>[Bb]ệnh viện|BV)[ \t]*(?::|gồm|bao gồm)[ \t]*"
                r"(?P<items>" + _VI_ITEM + r"(?:[ \t]*,[ \t]*" + _VI_ITEM + r"){2,})(?=[ \t]*[,.;]|[ \t]+và\b)"),
     _VI_ITEM, False, ("cac benh vien", "nhung benh vien", "cac bv"), 8, 200),
)
_SINGULAR = (("krankenhäusern", "krankenhaus"), ("krankenhäuser", "krankenhaus"), ("kliniken", "klinik"),
             ("medizinen", "medizin"),
             ("spitälern", "spital"), ("spitäler", "spital"), ("hospitals", "Hospital"), ("clinics", "Clinic"),
             ("bệnh viện", "Bệnh viện"), ("bv", "Bệnh viện"))


@dataclass
class _Listed:
    names: list[NamedSpan]
    spans: list[tuple[int, int]]  # the whole lists, head included: no other reading there


def _listed_under_plural_head(text: str, hits: dict[str, list[int]], places: frozenset[str]) -> _Listed:
    """Each name of a list that one plural head introduces, called by the name and by the
    singular head with it ("Hainburg", "Krankenhaus Hainburg"). A list that names a place,
    or a name with a head of its own, is read otherwise."""
    shapes = _shapes()
    listed = _Listed([], [])
    for pattern, item, head_after, anchors, before, after in _PLURAL_LISTS:
        for m in (m for s, e in _around(hits, anchors, before, after) for m in pattern.finditer(text, s, e)):
            # (an acronym in brackets after an item is that item's)
            found = [(i.start(), i.end(), i.group()) for i in re.finditer(item, m.group("items"))]
            bracketed = {k for k, (start, _, _) in enumerate(found) if m.group("items")[start - 1:start] == "("}
            items = [x for k, x in enumerate(found) if k not in bracketed]
            acronyms = {found[k - 1][0]: found[k][2] for k in bracketed if k}
            words = [w for _, _, name in items for w in name.split()]
            if any(fold(name) in places for _, _, name in items) or any(shapes.word_head(_fold_word(w)) for w in words) \
                    or all(is_nationality(fold(name).split()) for _, _, name in items):
                continue  # (nor "Ukrainian and German hospitals": of which countries, not which ones)
            head = m.group("head")
            singular = next((head[:len(head) - len(plural)] + one for plural, one in _SINGULAR
                             if head.lower().endswith(plural)), head)
            singular = singular[:1].upper() + singular[1:]
            level = m.groupdict().get("level")
            if level:  # "Bệnh viện huyện Phú Ninh": each one of the level the list names
                singular = " ".join([singular] + [w for w in level.split() if w != "tuyến"])
            offset = m.start("items")
            for start, end, name in items:
                full = f"{name} {singular}" if head_after else f"{singular} {name}"
                aliases = (full, acronyms[start]) if start in acronyms else (full,)
                # called by the head with it: "Bệnh viện huyện Phú Ninh", not the district "Phú Ninh"
                listed.names.append(NamedSpan(offset + start, offset + end, name, "hospital", aliases, full))
            listed.spans.append(m.span())
    return listed


# "Sở Y tế của 5 tỉnh Nam Lào gồm Savannakhet, Champasak và Attapu", "Sở Y tế 3 tỉnh: A, B, C", "các
# Bệnh viện Đa khoa tỉnh Hà Giang, Cao Bằng và Bắc Kạn": one body per province listed (found from " tinh "
# in the folded text, the head then looked for before it: a scan for the heads would be slow)
_PROVINCE_WORD = re.compile(r" tinh(?: |$|(?=:))")  # "… các tỉnh A, B", "… các tỉnh: A, B"
_BODY_HEADS = "so y te|syt|benh vien da khoa|bv da khoa|bvdk|uy ban nhan dan|ubnd|trung tam y te|ttyt"
_COUNT = r"(?:cac|nhung|\d+|hai|ba|bon|nam)"
_PROVINCES_HEAD = re.compile(rf"(?<!\w)(?:(?P<head>{_BODY_HEADS})(?: cua)? {_COUNT}|{_COUNT} (?P<head_after>{_BODY_HEADS}))$")
_LIST_MARKER = re.compile(r"(?:[a-z-]+ ){0,2}?(?:(?:gom|la)\b ?|: ?)")  # "(Nam Lào) gồm", ":"
_TOWN = r"[A-ZÄÖÜ][\w’'-]*(?:[ \t]+[A-ZÄÖÜ][\w’'-]*){0,2}"
_TWINNING = re.compile(r"(?:Städtepartnerschaft|Städtefreundschaft|[Ss]ister[- ][Cc]ity (?:[Pp]artnership|[Rr]elationship|"
                       r"[Aa]greement|[Tt]ies)|[Tt]own [Tt]winning)[ \t]+(?:zwischen|between)[ \t]+"
                       rf"(?:den Städten[ \t]+|the cities of[ \t]+)?(?P<a>{_TOWN})[ \t]+(?:und|and)[ \t]+(?P<b>{_TOWN})")


def _twinned_towns(text: str, taken: _Taken) -> list[NamedSpan]:
    """"die Städtepartnerschaft zwischen Aachen und Ningbo", "the sister-city partnership between
    A and B": twinned towns are parties (their governments)."""
    if "tädte" not in text and "ity" not in text and "winning" not in text:
        return []
    towns = []
    for m in _TWINNING.finditer(text):
        sides = [m.span("a"), m.span("b")]
        if not any(taken.overlaps(s, e) for s, e in sides):
            towns += [NamedSpan(s, e, text[s:e], "people_committee") for s, e in sides]
    return towns


_VI_PLACE_ITEM = rf"[A-Z{_VI_UPPER}][^\W_]*(?:[ \t-]+[A-Z{_VI_UPPER}][^\W_]*){{0,3}}"
_PROVINCE_ITEMS = re.compile(rf"{_VI_PLACE_ITEM}(?:[ \t]*,[ \t]*{_VI_PLACE_ITEM})*(?:[ \t]*,?[ \t]*và[ \t]+{_VI_PLACE_ITEM})?")
_PROVINCES_HEAD_KINDS = {"so y te": "health_department", "syt": "health_department", "ubnd": "people_committee",
                         "uy ban nhan dan": "people_committee", "trung tam y te": "health_centre",
                         "ttyt": "health_centre"}


def _bodies_of_listed_provinces(text: str, key: str, taken: _Taken) -> list[NamedSpan]:
    """One body per province that a plural head lists, called by the province and by the
    head with it ("Champasak", "Sở Y tế tỉnh Champasak").

    >>> text = "ký kết với Sở Y tế của 2 tỉnh Savannakhet và Attapu (Lào)."
    >>> [n.surface for n in _bodies_of_listed_provinces(text, fold_same_length(text), _Taken())]
    ['Sở Y tế của 2 tỉnh', 'Savannakhet', 'Attapu']

    >>> text = "ký kết với Sở Y tế của 3 tỉnh Nam Lào gồm Savannakhet, Champasak và Attapu."
    >>> [(n.surface, n.aliases) for n in _bodies_of_listed_provinces(text, fold_same_length(text), _Taken())][1:]
    [('Savannakhet', ('Sở Y tế tỉnh Savannakhet',)), ('Champasak', ('Sở Y tế tỉnh Champasak',)), ('Attapu', ('Sở Y tế tỉnh Attapu',))]

    When the head and the first province were read as one name, the rest of the list follows it:

    >>> text = "chuyển giao cho các bệnh viện Đa khoa tỉnh Hà Giang, Cao Bằng và Bắc Kạn."
    >>> [n.surface for n in _bodies_of_listed_provinces(text, fold_same_length(text), _Taken([(20, 51)]))]
    ['Cao Bằng', 'Bắc Kạn']
    """
    found = []
    for word in _PROVINCE_WORD.finditer(key):
        before = key[max(0, word.start() - 4):word.start()]
        if not (before[-1:].isdigit() or before.endswith(("cac", " ba", "hai", "bon", "nam", "hoa", " te", "syt",
                                                            "bvdk", "ubnd", "dan", "ttyt"))):
            continue  # most "tỉnh" are one province's: no head to look for
        m = _PROVINCES_HEAD.search(key, max(0, word.start() - 30), word.start())
        if m is None:
            continue
        marker = _LIST_MARKER.match(key, word.end(), word.end() + 30)
        items = _PROVINCE_ITEMS.match(text, marker.end() if marker else word.end())
        if items is None or not ("," in items.group() or " và " in items.group()):
            continue
        listed = [(items.start() + i.start(), i.group()) for i in re.finditer(_VI_PLACE_ITEM, items.group())]
        # "Bệnh viện Đa khoa tỉnh Hà Giang" read whole: the others follow it
        read_whole = taken.overlaps(listed[0][0], listed[0][0] + len(listed[0][1]))
        if read_whole:
            listed = listed[1:]
        if not listed or any(taken.overlaps(start, start + len(name)) for start, name in listed):
            continue
        if not read_whole:  # the shared head names no body of its own (read as a department is: nothing stands there)
            head_end = word.start() + len(" tinh")
            found.append(NamedSpan(m.start(), head_end, text[m.start():head_end], "department", ()))
        group = "head" if m.group("head") else "head_after"
        head = text[m.start(group):m.end(group)]
        kind = _PROVINCES_HEAD_KINDS.get(m.group(group), "hospital")
        found += [NamedSpan(start, start + len(name), name, kind, (f"{head} tỉnh {name}",)) for start, name in listed]
    return found


def _descriptive_head(head: str, shapes: _Shapes) -> bool:
    """A company's or a fund's head: its name may begin with what it does in lower case."""
    return shapes.vi_heads.get(tuple(head.split()), ("",))[0] in ("company", "foreign_body")


def _capital_soon(text: str, end: int, shapes: _Shapes) -> bool:
    """A capitalised word within the next four words, and no function word or verb before it
    ("Tập đoàn xăng dầu Việt Nam"; "Tổ chức từ thiện MedShare": "từ" begins a word of two)."""
    words = text[end:end + 60].split()[:5]
    for index, word in enumerate(words):
        if word[:1].isupper():
            return True
        compound = index + 1 < len(words) and (word.lower(), words[index + 1].lower()) in shapes.vi_compounds
        if not compound and (word.lower() in _VI_FUNCTION_WORDS or word.lower() in _VI_VERB_SYLLABLES
                             or not word.isalpha()):
            return False
    return False


def _may_continue(text: str, end: int, shapes: _Shapes) -> bool:
    """Whether a name could go on after ``end``: a capital, a number, a dash or a bracket
    follows, or syllables that stand inside names and then a capital ("… Y dược học dân tộc
    TP Hồ Chí Minh"), or a syllable that may close a name ("Bộ Y tế")."""
    following = text[end:end + 48]
    if following[:1] in "-–—(." and following[1:2] not in (" ", ""):
        return True  # "X-Y", "(BVĐK)", "TP.HCM"
    words = text[end:end + 64].split(maxsplit=6)[:6]  # "… kiểm soát bệnh tật tỉnh Hà Tĩnh"
    lowered = [word.lower() for word in words]
    for index, word in enumerate(words):
        first = word[:1]
        if first.isupper() or first.isdigit() or first in "-–—(":
            return True
        syllable = lowered[index].rstrip(",.;:!?)")
        if index == 0 and syllable in shapes.vi_closing:
            return True
        in_compound = any(tuple(lowered[i:i + n]) in shapes.vi_compounds
                          for n in (2, 3) for i in range(max(0, index - n + 1), index + 1))
        if syllable != lowered[index] or not (syllable in shapes.vi_inner or in_compound):
            return False
    return False


def _windows(text: str, key: str, shapes: _Shapes) -> list[tuple[int, int]]:
    """Stretches of text around German/English heads, overlapping ones merged."""
    windows: list[tuple[int, int]] = []
    for start, end in shapes.west_anchor.find(key):
        if not (text[start].isupper() or key[start:end] in _LOWER_HEADS):
            continue  # "sẽ" is no "SE", "trust" in a sentence no "NHS Trust"
        left, right = _line_window(text, start, end)
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows


_CORPORATE_ENDING = re.compile(r"(?:[ \t]+(?:NHS|Foundation|Trust|Inc\.?|Ltd\.?|LLC|Group|GmbH|gGmbH|AG|e\.[ \t]?V\.))+$")


def _without_corporate_ending(surface: str) -> str | None:
    """"Northumbria Healthcare NHS Foundation Trust" without its ending, when two words or more stay."""
    ending = _CORPORATE_ENDING.search(surface)
    short = surface[:ending.start()] if ending else ""
    return short if len(short.split()) >= 2 else None


def _named(text, tokens, start, end, kind, aliases) -> NamedSpan:
    shapes = _shapes()
    # "Bộ Y tế GS.TS. Nguyễn Thanh Long": a person's title after the name opens the person
    while end - start > 1 and tokens[end - 1].is_word and tokens[end - 1].text[:1].isupper() \
            and tokens[end - 1].key in shapes.titles and text.startswith(".", tokens[end - 1].end):
        end -= 1
    s, e = tokens[start].start, tokens[end - 1].end
    if text.endswith(("'s", "’s"), s, e):  # "the University of Chicago's hospital"
        e -= 2
    if placed := _PLACE_ADJECTIVE.match(text, s, e):  # "die Bad Nauheimer Kerckhoff-Klinik" is the Kerckhoff-Klinik
        aliases = [*aliases, text[placed.end():e]]
    return NamedSpan(s, e, text[s:e], kind, tuple(aliases))


# a town's adjective before a name of its own (a hyphenated one, or a saint's): "Bad Nauheimer Kerckhoff-Klinik",
# "Leipziger St. Georg Klinikum" (not "Basler Universitätsspital": the head alone names no one)
_PLACE_ADJECTIVE = re.compile(r"(?:Bad[ \t]+|St\.[ \t]?)?[A-ZÄÖÜ][a-zäöüß]{2,}er[ \t]+(?=[A-ZÄÖÜ][\w]*-[A-ZÄÖÜ]|St\.)")


def _phrase(tokens, k, phrases_lengths, table):
    for n in phrases_lengths:
        key = tuple(t.key for t in tokens[k:k + n])
        if len(key) == n and key in table and all(t.is_word for t in tokens[k:k + n]):
            return n, table[key]
    return 0, None


def _vi_head_at(tokens, k, shapes: _Shapes) -> int:
    if tokens[k].key not in shapes.vi_head_starts:
        return 0
    return _phrase(tokens, k, shapes.vi_head_lengths, shapes.vi_heads)[0]


def _starts_with(tokens, k, phrases: dict[str, list[tuple[str, ...]]]) -> int:
    """Length of the first of ``phrases`` (grouped by first word) that starts at token ``k``."""
    for phrase in phrases.get(tokens[k].key, ()) if k < len(tokens) else ():
        if tuple(t.key for t in tokens[k:k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


# after a number: a group of places or units ("3 tỉnh"), or a count ("600 giường"), never part of a name
VI_GROUP_UNITS = frozenset({"tinh", "huyen", "xa", "benh", "bv", "don", "co", "nuoc", "thanh"})
VI_COUNTED = VI_GROUP_UNITS | {"giuong", "ty", "trieu", "nguoi", "ca", "nam", "thang", "ngay", "km", "usd",
                                    "dong", "euro", "may", "xe", "chiec", "thung", "lieu", "suat",
                                    # "chuyển giao cho Bệnh viện X 5 kỹ thuật": a count after the name
                                    "ky", "goi", "luot", "lan", "bac", "chuyen", "can", "dieu", "lop", "khoa", "de",
                                    "dot", "hop", "bo", "tan"}


# one-word heads as written: folded, "Quy Nhơn" would be "Quỹ" (fund), "So" "Sở"
_VI_HEAD_SPELLING = {"quy": "quỹ", "so": "sở", "bo": "bộ", "vien": "viện", "hoi": "hội", "cuc": "cục",
                     "truong": "trường"}  # "Trưởng phòng" is a title, "Trường" a school


def _vietnamese_name(tokens, k, shapes: _Shapes, provinces: frozenset[str] = frozenset()):
    """``(start, end, kind, aliases)`` of a Vietnamese head and its name at token ``k``."""
    if tokens[k].key not in shapes.vi_head_starts:
        return None
    spelt = _VI_HEAD_SPELLING.get(tokens[k].key)
    if spelt is not None and tokens[k].lower != spelt:
        return None  # "QUY NHON" is a city, the fund is "Quỹ" (names without marks come from the gazetteer)
    n, value = _phrase(tokens, k, shapes.vi_head_lengths, shapes.vi_heads)
    if not n or tokens[k].key == "benh" and tokens[k + 1].lower == "xã":
        return None  # "Bệnh xã hội" (social diseases) is no "Bệnh xá" (infirmary)
    kind = value[0]
    if not tokens[k].cap and tuple(t.lower for t in tokens[k:k + n]) not in shapes.vi_lower_heads:
        return None
    j = k + n
    # ("bệnh viện tư" is generic, "Tổ chức từ thiện X" and "bệnh viện Từ Dũ" names: folded, "tư" is "từ")
    if j >= len(tokens) or (not tokens[j].cap and not _compound_at(tokens, j, shapes)
                            and _starts_with(tokens, j, shapes.vi_generic)) \
            or _starts_with(tokens, k, shapes.vi_events):
        return None  # "bệnh viện tuyến trên", "Hội nghị", "Hội thảo": no one's name
    if not tokens[k].cap and (_vi_head_at(tokens, j, shapes) or _starts_with(tokens, j, shapes.vi_events)
                              or _vi_verb_at(tokens, j)):
        return None  # "tổ chức Hội nghị", "tổ chức Ngày hội", "tổ chức khai mạc …": a verb before a name or an event
    aliases, last, m = [], None, j
    stops_at_person = kind in ("ministry", "foreign_body", "health_department", "people_committee")
    while m < len(tokens):
        t = tokens[m]
        if not t.is_word:
            if (t.text == "," or t.text in _DASHES) and last == m - 1 and _unit_of_hospital(tokens, k, j, m, m + 1, shapes):
                m += 1 + _vi_head_at(tokens, m + 1, shapes)  # "Viện Tim mạch, (–) Bệnh viện Bạch Mai": a hospital's
                continue  # institute, named with its hospital
            if t.text in _DASHES and m > j and tokens[m - 1].is_word and m + 1 < len(tokens) and tokens[m + 1].cap \
                    and tokens[m + 1].is_word and not _weekday_at(tokens, m + 1):
                m += 1  # (not "Trường Đại học Y Dược Cần Thơ - Thứ ba - 25/04/2023": a dateline's weekday)
                continue
            if t.text in _DASHES and m > j and tokens[m - 1].is_word and m + 3 < len(tokens) \
                    and (tokens[m + 1].lower, tokens[m + 2].lower) == ("cơ", "sở") and tokens[m + 3].cap:
                last, m = m + 2, m + 3  # "Bệnh viện Đại học Y Dược - cơ sở Linh Đàm": a campus, written in lower case
                continue
            initial = len(tokens[m - 1].text) == 1 and tokens[m - 1].cap and m >= 2 and tokens[m - 2].cap \
                and tokens[m - 2].is_word and m + 1 < len(tokens) and tokens[m + 1].lower not in _VI_FUNCTION_WORDS
            if t.text == "." and (tokens[m - 1].key in ("tp", "st", "h", "q", "tx") or initial) \
                    and m + 1 < len(tokens) and tokens[m + 1].cap:  # "TP. Hồ Chí Minh", "Quỹ Lawrence S. Ting"
                m += 1
                continue
            if t.text == "(" and m > j and m + 5 < len(tokens) and tokens[m + 1].cap and tokens[m + 2].text == ")" \
                    and (tokens[m + 3].lower, tokens[m + 4].lower) == ("chi", "nhánh") and tokens[m + 5].cap:
                aliases.append(tokens[m + 1].text)
                last, m = m + 4, m + 5  # "Ngân hàng X (Agribank) chi nhánh Tràng An": its branch
                continue
            if t.text == "(" and (last is not None or m == j):  # "Bệnh viện Đa khoa Trung ương (BVĐKTƯ) Cần Thơ"
                close = m + 1
                while close < len(tokens) and close - m < 6 and tokens[close].text != ")":
                    close += 1
                inner = tokens[m + 1:close]
                if close < len(tokens) and len(inner) == 1 and inner[0].acronym:
                    if not _vi_head_at(tokens, m + 1, shapes):  # "Bệnh viện (BV) X": "BV" says "hospital", no alias
                        aliases.append(inner[0].text)
                    nxt = close + 1
                    if nxt < len(tokens) and tokens[nxt].cap and tokens[nxt].is_word and \
                            not _vi_head_at(tokens, nxt, shapes):
                        m = nxt
                        continue
            break
        if not t.cap and last == m - 1 and (tokens[m - 1].lower, t.lower) in shapes.vi_compounds:
            last = m  # "Bệnh viện Dã chiến", "… - Cơ sở Linh Đàm": a compound begun in capitals
            m += 1
            continue
        if t.lower == "số" and last is not None and m + 1 < len(tokens) and tokens[m + 1].text.isdigit():
            last = m + 1  # "Bệnh viện Dã chiến số 3": a number closes the name
            m += 2
            continue
        place = _to_place(tokens, m, shapes) if tokens[k].cap and last is not None and not t.cap else None
        if place is not None:
            m = place  # "Hội Bảo trợ bệnh nhân nghèo và người tàn tật tỉnh Bến Tre": the body of a province
            continue
        compound = t.lower in shapes.vi_compound_starts and next(
            (n for n in (3, 2) if m + n <= len(tokens) and tuple(x.lower for x in tokens[m:m + n]) in shapes.vi_compounds
             and all(x.is_word for x in tokens[m:m + n])), 0)
        if compound and m == j and not t.cap:
            m += compound  # "Bệnh viện thực hành Clermont-Ferrand": a description, the name follows
            continue
        if m == j and (t.lower, tokens[m + 1].lower if m + 1 < len(tokens) else "") in _FUND_DESCRIPTIONS \
                and m + 2 < len(tokens) and tokens[m + 2].cap:
            m += 2  # "Quỹ tài trợ VinaCapital": what the fund does, right after its head, then its name
            continue
        if compound and (t.cap or (last == m - 1 or last is None and m > j and tokens[k].cap
                                   and all(x.lower in shapes.vi_inner and not x.cap for x in tokens[j:m]))
                         and not tokens[m - 1].cap and tokens[m - 1].lower in shapes.vi_inner):
            # "Kiểm soát bệnh tật", "Trung tâm kiểm soát bệnh tật tỉnh X" (a description in lower case), not
            # "Bạch Mai bệnh tật"
            last = m + compound - 1  # "Hàng không", "Ung thư", "bệnh tật": whole, whatever each syllable is alone
            m += compound
            continue
        if t.cap and t.text.isupper() and len(t.text) > 1 and (
                t.lower in _VI_CLAUSE_WORDS or t.text.isascii() and t.key in VI_CLAUSE_KEYS):
            break  # a headline in capitals: "BỆNH VIỆN … KÝ KẾT HỢP TÁC VỚI …" ends at its verb
        if t.cap:
            if m > j and last == m - 1 and _unit_of_hospital(tokens, k, j, m, m, shapes):
                m += _vi_head_at(tokens, m, shapes)  # "Trung tâm Đột quỵ Bệnh viện Bạch Mai": the hospital's centre
                continue
            if m > j and _vi_head_at(tokens, m, shapes) \
                    and t.key not in ("y", "vien", "truong", "trung", "dai", "hoc", "hoi", "chi"):
                break  # another body begins (not its branch: "Ngân hàng X Chi nhánh Hà Giang")
            if stops_at_person and t.key in shapes.surnames and m + 1 < len(tokens) and tokens[m + 1].cap \
                    and tokens[m + 1].is_word and not any(" ".join(x.key for x in tokens[m:m + n]) in provinces
                                                          for n in (2, 3)):  # "Hà Nam" is a province
                break  # "Chính phủ Việt Nam Nguyễn Chí Dũng": a person follows ("Hoàng gia Anh" is no person)
            if t.text[:1].isdigit() and m + 2 < len(tokens) and tokens[m + 1].text in ".," \
                    and tokens[m + 2].text[:1].isdigit():
                break  # "Chính phủ Luxembourg 2.012.334 Euro": an amount, not "Bệnh viện 103"
            if t.text[:1].isdigit() and m + 1 < len(tokens) and tokens[m + 1].key in VI_COUNTED:
                if tokens[m + 1].key in VI_GROUP_UNITS:
                    return None  # "ngành Y tế 3 tỉnh Bắc Lào" is a group
                break  # "bệnh viện Sản Nhi 600 giường": a count, not "Bệnh viện 19-8"
            last = m
            m += 1
            continue
        final = _starts_with(tokens, m, shapes.vi_final)
        if final and last is not None:
            last = m + final - 1
            break
        if t.lower in _EN_CONNECTORS and last == m - 1 and tokens[m - 1].cap \
                and not _VI_SYLLABLE.fullmatch(tokens[m - 1].key):
            n = m + 1 + (m + 1 < len(tokens) and tokens[m + 1].lower in _EN_CONNECTORS)
            if n < len(tokens) and tokens[n].cap and tokens[n].is_word and not _VI_SYLLABLE.fullmatch(tokens[n].key):
                m = n  # an English name under a Vietnamese head: "tổ chức Facing the World", "Quỹ Bill and Melinda Gates"
                continue
        if t.key == "va" and m > j and not tokens[m - 1].cap and tokens[m - 1].lower in shapes.vi_inner \
                and m + 1 < len(tokens) and tokens[m + 1].cap \
                and not _vi_head_at(tokens, m + 1, shapes):
            m += 1
            continue
        if not t.cap and last == m - 1 and tokens[m - 1].cap and _vi_verb_at(tokens, m):
            break  # "Bệnh viện Chợ Rẫy phòng chống COVID-19": a verb after the proper name begins the clause
        if kind in ("foreign_body", "company") and _ends_description(tokens, m, shapes):
            break  # "Chính phủ Nhật Bản dành …", "Quỹ X tài trợ …": the clause begins
        if kind in ("foreign_body", "company") and _descriptive(tokens, m, last, j, shapes):
            last = m  # "Quỹ Bảo trợ trẻ em", "Hội Bảo trợ bệnh nhân nghèo": a fund's name says what it does
            m += 1
            continue
        if t.lower in shapes.vi_inner or kind in ("company", "foreign_body") and t.lower != "và" \
                and _capital_ahead(tokens, m, shapes):
            # a company's or an agency's name bridges lower-case words to its next capital ("Công ty CP Ô tô
            # Trường Hải", "Ngân hàng phát triển Việt Nam")
            if last is not None and m - last <= 2 and tokens[m].lower in shapes.vi_closing and all(
                    x.lower in shapes.vi_closing or (x.lower, tokens[n + 1].lower) in shapes.vi_compounds
                    for n, x in enumerate(tokens[last + 1:m], last + 1)):
                last = m  # "Bộ Y tế", "Bộ Quốc phòng": a name may close on lower-case syllables
            m += 1
            continue
        break
    if last is None:
        return None
    if " ".join(t.key for t in tokens[k:j]) in _MISSION_HEADS_VI and last + 2 < len(tokens) \
            and tokens[last + 1].lower == "tại" and tokens[last + 2].cap and tokens[last + 2].is_word:
        # "Đại sứ quán Việt Nam tại Vương quốc Campuchia": a mission is named by where it is too
        n = last + 2
        while n < len(tokens) and n - last <= 6 and (tokens[n].is_word and (tokens[n].cap or (
                tokens[n].lower in shapes.vi_inner and n + 1 < len(tokens) and tokens[n + 1].cap))
                or tokens[n].text == "." and tokens[n - 1].key == "tp"):
            n += 1  # ("Vương quốc Campuchia", "TP. Hồ Chí Minh")
        last = n - 1
    if kind in ("company", "foreign_body", "ministry") and not aliases:
        last = _to_bracketed_alias(tokens, last, aliases, shapes)
    proper = [t for t in tokens[j:last + 1] if t.cap and t.is_word]
    first = tokens.index(proper[0]) if proper else 0
    if proper and _is_title(proper[0], shapes) and not (
            first + 1 < len(tokens) and (proper[0].lower, tokens[first + 1].lower) in shapes.vi_compounds):
        return None  # "Bà Nguyễn Thị A", not "Hội Thầy thuốc trẻ": a title, unless it begins a word of two
    if not tokens[k].cap and not any(t.text[:1].isupper() for t in proper):
        return None  # "tổ chức 6 lớp đào tạo": a lower-case head needs a capitalised name
    if not tokens[k].cap and " ".join(t.key for t in tokens[j:last + 1]) in place_names(provinces) \
            and " ".join(t.key for t in tokens[k:j]) not in _NAMED_BY_PLACE:
        return None  # "hệ thống y tế Hà Nội", "bệnh viện Nhật Bản": a place's, no one organisation (but
        # "chính phủ Nhật Bản" is Japan's government)
    last = _without_country_suffix(tokens, j, last, shapes)
    return k, last + 1, kind, aliases


# heads that a place or country alone names, even in lower case
_FUND_DESCRIPTIONS = frozenset({("tài", "trợ"), ("hỗ", "trợ")})
_MISSION_HEADS_VI = frozenset({"dai su quan", "tong lanh su quan", "lanh su quan"})
_NAMED_BY_PLACE = _MISSION_HEADS_VI | {"chinh phu"}


# clause words that no name holds (as written: folded, "dò" would be "do" and "khí" "khi")
_EN_CONNECTORS = frozenset({"the", "of", "for", "and", "&"})
_VI_CLAUSE_WORDS = frozenset({"đã", "sẽ", "đang", "được", "bị", "là", "có", "cho", "với", "của", "tại", "ở", "từ",
                              "đến", "ký", "kết", "trao", "tặng", "hỗ", "trợ", "chuyển", "giao", "nhận", "tiếp",
                              "thực", "hiện", "phối", "hợp", "tác", "vừa", "này", "do", "theo", "khi", "nhưng",
                              "khảo", "thăm", "gồm", "trích"})


# function words and two-syllable verbs end a descriptive name ("Quỹ Bảo trợ trẻ em đã tài trợ …")
_VI_FUNCTION_WORDS = frozenset({"đã", "sẽ", "đang", "được", "bị", "là", "có", "cho", "với", "của", "tại", "ở", "từ",
                                "đến", "thuộc", "vừa", "này", "do", "theo", "khi", "nhưng", "cũng", "và", "đều", "luôn", "mới",
                                "thì", "mà", "để", "vì", "nên", "sau", "trước", "trong", "ngoài", "trên", "dưới",
                                "các", "những", "một", "hai", "ba", "nhằm", "qua", "về", "cùng", "vào", "ra", "năm",
                                "ngày", "tháng", "rất", "không", "chưa", "vẫn", "luôn", "gồm", "trích"})
_VI_VERBS = frozenset({"tài trợ", "hỗ trợ", "ủng hộ", "trao tặng", "bàn giao", "phối hợp", "ký kết", "tổ chức",
                       "khai mạc", "bế mạc", "tổng kết",
                       "khám chữa", "phẫu thuật", "tiếp nhận", "chuyển giao", "thực hiện", "triển khai", "cho biết",
                       "vừa qua", "thăm khám", "khám bệnh", "phát biểu", "cam kết", "đồng hành", "quyên góp",
                       "vận động", "trao quà", "tặng quà", "chia sẻ", "chăm sóc", "mổ tim", "khám sàng", "cấp phát",
                       "tăng cường", "đẩy mạnh", "mở rộng", "nâng cao", "cung cấp", "hợp tác", "liên kết", "tiếp tục",
                       "đồng ý", "thống nhất", "chính thức", "lần đầu", "xây dựng", "hoàn thành", "khánh thành",
                       "kêu gọi", "gây quỹ", "phát động", "tham gia", "đóng góp", "góp phần", "tiến hành",
                       "thấu hiểu", "khảo sát", "kiểm tra", "làm việc", "đề xuất", "đề nghị", "đánh giá", "đón tiếp",
                       "tiếp đón", "thăm hỏi", "trao đổi", "phòng chống", "chống dịch", "ứng phó", "điều trị",
                       "mua sắm", "đầu tư", "đóng vai", "vai trò"})


_VI_VERB_SYLLABLES = frozenset({"dành", "giúp", "gửi", "đưa", "mang", "tặng", "trao", "ký", "xây", "cấp", "cử", "hỗ",
                                "mở", "làm", "đặt", "tiếp", "nhận", "chuyển", "thăm", "khám", "mổ", "phẫu", "đầu"})


_HOSPITAL_HEADS = frozenset({"bv", "bvdk", "bvdktw", "bvdkkv"})


_VI_WEEKDAYS = frozenset({"hai", "ba", "tư", "năm", "sáu", "bảy"})


def _weekday_at(tokens, k: int) -> bool:
    """"Thứ ba", "Chủ nhật": a weekday, as a dateline writes it."""
    return k + 1 < len(tokens) and (tokens[k].lower == "thứ" and tokens[k + 1].lower in _VI_WEEKDAYS
                                    or (tokens[k].lower, tokens[k + 1].lower) == ("chủ", "nhật"))


def _unit_of_hospital(tokens, k: int, j: int, end: int, m: int, shapes: _Shapes) -> bool:
    """Whether the "Trung tâm"/"Viện" at ``k``, named by a field of medicine (``j`` to ``end``: "Tim mạch",
    "Đột quỵ"), is a unit of the hospital whose name begins at ``m``."""
    if " ".join(t.key for t in tokens[k:j]) not in ("trung tam", "vien") or m >= len(tokens) - 1 or not 0 < end - j <= 4:
        return False
    hospital = tokens[m].key in _HOSPITAL_HEADS or (tokens[m].key, tokens[m + 1].key) == ("benh", "vien")
    return hospital and tokens[m].cap and all(t.is_word and t.lower in shapes.vi_inner for t in tokens[j:end])


def _compound_at(tokens, m: int, shapes: _Shapes) -> bool:
    """Whether a word of two lower-case syllables ("từ thiện", "từ tâm") begins at word ``m``."""
    return m + 1 < len(tokens) and (tokens[m].lower, tokens[m + 1].lower) in shapes.vi_compounds


def _vi_verb_at(tokens, m: int) -> bool:
    """Whether a verb of two syllables ("hỗ trợ", "phòng chống") begins at word ``m``."""
    return m + 1 < len(tokens) and f"{tokens[m].lower} {tokens[m + 1].lower}" in _VI_VERBS


def _ends_description(tokens, m: int, shapes: _Shapes) -> bool:
    """A lower-case two-syllable verb, function word or verb at word ``m`` (one that no name
    holds: "thiết bị" keeps its "bị"): no name goes on."""
    t = tokens[m]
    if not t.is_word or t.cap or _compound_at(tokens, m, shapes):  # "Quỹ Khởi sự từ tâm": "từ" begins a word
        return False
    return _vi_verb_at(tokens, m) or t.lower not in shapes.vi_inner and (
        t.lower in _VI_FUNCTION_WORDS or t.lower in _VI_VERB_SYLLABLES)


def _descriptive(tokens, m: int, last: int | None, j: int, shapes: _Shapes) -> bool:
    """Whether lower-case word ``m`` goes on a Vietnamese name that says what the body does:
    after a Vietnamese capitalised word ("Quỹ Bảo trợ trẻ em", not "Tổ chức Operation Smile
    phẫu thuật"), up to seven such words, never a clause word, a verb or another head."""
    t = tokens[m]
    if last is None or not t.is_word or t.cap or t.lower in _VI_FUNCTION_WORDS and not _compound_at(tokens, m, shapes) \
            or m - j > 10:
        return False
    capitals = [k for k in range(j, m) if tokens[k].cap and tokens[k].is_word]
    if not capitals or not _VI_SYLLABLE.fullmatch(tokens[capitals[-1]].key) or m - capitals[-1] > 7:
        return False
    return not _vi_verb_at(tokens, m) and not _vi_head_at(tokens, m, shapes)


_PLACE_MARKERS = frozenset({"tỉnh", "huyện", "quận", "tp", "thị", "thành"})
_PLACE_REACH = 8  # lower-case words a descriptive name runs before its province


def _to_place(tokens, m: int, shapes: _Shapes) -> int | None:
    """The index of the province word ("tỉnh", "thành phố", "huyện") that lower-case words from
    ``m`` lead to, if they are a description (no verb, no clause word but "và", no other head)
    and a capitalised place follows: "Trường Trẻ em khuyết tật tỉnh Quảng Trị"."""
    for n in range(m, min(m + _PLACE_REACH, len(tokens) - 1)):
        t = tokens[n]
        if not t.is_word or t.cap:
            return None
        if t.lower in _PLACE_MARKERS and n > m:
            words = 2 if t.lower in ("thị", "thành") else 1  # "thị xã", "thành phố"
            after = n + words
            if words == 2 and tokens[n + 1].lower not in ("xã", "phố"):
                return None
            return n if after < len(tokens) and tokens[after].cap and tokens[after].is_word else None
        if _vi_verb_at(tokens, n) or (t.lower in _VI_FUNCTION_WORDS and t.lower != "và") \
                or t.lower in _VI_VERB_SYLLABLES or _vi_head_at(tokens, n, shapes):
            return None
    return None


def _capital_ahead(tokens, m: int, shapes: _Shapes) -> bool:
    """Whether a capitalised word follows word ``m`` within four lower-case words that hold no
    clause word and no head of another name ("… giám hiệu trường Đại học")."""
    for k in range(m, min(m + 5, len(tokens))):
        t = tokens[k]
        if t.cap and t.is_word:
            return True
        if not t.is_word or t.lower in _VI_CLAUSE_WORDS or _vi_head_at(tokens, k, shapes):
            return False
    return False


_JOINED_MINISTRY = re.compile(r"(?<!\w)Bộ(?= [^\n]{0,80}? và )")
_MINISTRY_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|,")
_MINISTRY_STOPS = frozenset({"ky", "ket", "voi", "ho", "tro", "tiep", "nhan", "trao", "da", "se", "dang", "duoc", "cho",
                             "cua", "tai", "la", "bo", "benh", "so", "vien", "truong", "ubnd", "uy", "giua", "tu"})


def _ministries_of_many_fields(text: str, key: str, shapes: _Shapes) -> list[NamedSpan]:
    """A foreign ministry whose name joins fields with "và" and ends on its country or state:
    "Bộ Y tế và dịch vụ con người Hoa Kỳ", "Bộ Kinh tế, Lao động và Y tế bang Mecklenburg-Vorpommern"
    (not "Bộ Y tế và Bộ Y tế Lào": a second head opens a second name).

    >>> [n.surface for n in find_names("Bộ Y tế Việt Nam và Bộ Y tế và dịch vụ con người Hoa Kỳ đã ký.")][-1]
    'Bộ Y tế và dịch vụ con người Hoa Kỳ'
    """
    found = []
    for m in _JOINED_MINISTRY.finditer(text):  # (most ministries join no fields: one pass finds the few that may)
        words = list(_MINISTRY_WORD.finditer(key, m.end(), min(len(key), m.end() + 120)))[:16]
        joined = False
        for k, w in enumerate(words):
            word = w.group()
            if word in _MINISTRY_STOPS or "\n" in key[m.end():w.start()]:
                break
            if word == "va":
                joined = k > 0
                continue
            if not joined or not text[w.start()].isupper() and word != "bang" \
                    or word == "y" and k + 1 < len(words) and words[k + 1].group() == "te":
                continue  # ("Y tế" is health, not "Ý", Italy)
            end: int | None
            if word == "bang" and k + 1 < len(words) and text[words[k + 1].start()].isupper():
                end = words[k + 1].end()  # "… bang Mecklenburg-Vorpommern": a state
            else:
                end = next((words[q - 1].end() for q in (k + 3, k + 2, k + 1) if q <= len(words)
                            and (place := " ".join(x.group() for x in words[k:q])) in shapes.countries
                            and place not in ("viet nam", "vietnam")), None)
            if end is not None:
                found.append(NamedSpan(m.start(), end, text[m.start():end], "ministry"))
                break
    return found


# the same, folded, for capitals written without marks ("KY KET VOI"); "DO" and "KHI" are left out
VI_CLAUSE_KEYS = frozenset({"ky", "ket", "voi", "hop", "tac", "chuyen", "giao", "ho", "tro", "tiep", "nhan", "trao",
                             "tang", "da", "se", "dang", "duoc", "cho", "cua", "tai", "va", "la", "phoi"})


def _lower_to_the_end(tokens, m: int) -> bool:
    """Whether only lower-case words that may lead to a bracketed abbreviation follow word ``m``."""
    return all(t.is_word and not t.cap and t.lower not in _VI_CLAUSE_WORDS for t in tokens[m:])


def _to_bracketed_alias(tokens, last: int, aliases: list[str], shapes: _Shapes) -> int:
    """"Công ty TNHH Thăm dò và khai thác dầu khí (ExxonMobil)": a company's or agency's
    descriptive name runs in lower case up to the abbreviation in brackets that closes it."""
    m = last + 1
    while m < len(tokens) and m - last <= 8 and tokens[m].is_word and not tokens[m].cap \
            and tokens[m].lower not in _VI_CLAUSE_WORDS:
        m += 1
    if m == last + 1 or m + 2 >= len(tokens) or tokens[m].text != "(" or tokens[m + 2].text != ")" \
            or not tokens[m + 1].acronym:
        return last
    aliases.append(tokens[m + 1].text)
    return m - 1


def says_no_which(folded: str, places: frozenset[str]) -> bool:
    """Whether the words before a head written in lower case only place it: a place, a country or
    a plain abbreviation ("a Hanoi hospital", "US university"), not a name ("Bundang Jesaeng hospital")."""
    return folded in places or is_country(folded) or all(w in _shapes().plain_acronyms for w in folded.split())


def _without_country_of(words, a: int, b: int, head_positions: set[int], shapes: _Shapes) -> int:
    """The end of a name read from ``words[a:b]`` without a country it is "of" when a name of
    its own comes before: "Wonkwang University Hospital of the Republic of Korea" (but the
    "Embassy of Japan" is named by its country)."""
    for of in (p for p in range(a + 1, b - 1) if words[p].key == "of"):
        country = " ".join(w.key for w in words[of + 1:b] if w.key != "the")
        proper = [p for p in range(a, of) if p not in head_positions and words[p].cap
                  and words[p].key not in shapes.connectors]
        if is_country(country):
            return of if proper else b
        # "Saint Benedict Menni Health Center of Monrovia": a town after a name of its own says where it is
        # (not "Children's Hospital of Philadelphia", a name by its town)
        if len([p for p in proper if words[p].key not in shapes.health_fields]) >= 2 \
                and of - 1 in head_positions and b - of == 2 and words[b - 1].cap \
                and (b - 1) not in head_positions and not _ends_in_descriptor(words[b - 1].key) \
                and words[b - 1].key not in _FIELDS_OF_NAMES:  # (nor "… University of Technology")
            return of
    return b


def is_country(folded: str) -> bool:
    """Whether the folded words name a country ("nhat ban", "ghana")."""
    return folded in _shapes().countries


def is_nationality(folded_words) -> bool:
    """Whether every one of the folded words is a nationality or a bare qualifier ("vietnamese",
    "rural"): "the Vietnamese hospital" names no one."""
    words = list(folded_words)
    nationalities = _shapes().nationalities
    # "the South Australian hospital": a compass word narrows a nationality
    return any(w in nationalities for w in words) and all(w in nationalities or w in _COMPASS for w in words)


_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "nord", "sud", "ost", "west"})


def _is_title(token: _Token, shapes: _Shapes) -> bool:
    """A person's title; the Vietnamese ones by their marks ("Bà" is a title, "Ba Đồn" a town)."""
    if token.key in shapes.vi_titles:
        return token.lower in shapes.vi_titles[token.key]
    return token.key in shapes.titles


def _without_country_suffix(tokens, j: int, last: int, shapes: _Shapes) -> int:
    """"bệnh viện Kyoto Miniren - Nhật Bản" is the hospital of Kyoto Miniren; the country after
    the dash says where it is. A friendship hospital keeps it ("Hữu nghị Việt Nam - Lào")."""
    dashes = [m for m in range(j + 1, last) if tokens[m].text in _DASHES]
    if not dashes or any(t.key == "huu" for t in tokens[j:last + 1]):
        return last
    tail = " ".join(t.key for t in tokens[dashes[-1] + 1:last + 1])
    return dashes[-1] - 1 if tail in shapes.countries else last


_CAPITALS_ONLY = frozenset({"ngo", "ag", "se", "kg", "jsc"})  # heads only as acronyms: "NGO", "AG", not "Ngô", "sẽ"


# compounds that name a role or a level of care, no one body: "Partnerkrankenhaus", "Grundversorgungsspital",
# "Zentrumsversorger", "Maximalversorger", "Akutspital"
_COMMON_NOUN_STARTS = ("partner", "kooperations", "grundversorg", "zentrumsversorg", "zentrumsspital", "schwerpunktversorg",
                       "maximalversorg", "regelversorg", "akutspital", "akutkrankenh", "akutklinik")


_KIND_WORDS = frozenset({"unternehmensgruppe", "firmengruppe", "konzern", "unternehmen"})  # what a named company is
# what a body is, written before its name ("die Kieler Organisation X", "der NGO X"): no part of the name
_FIELDS_OF_NAMES = frozenset({"technology", "science", "sciences", "medicine", "pharmacy", "health", "nursing",
                              "engineering", "arts", "law", "education", "dentistry", "management", "economics",
                              "research", "surgery", "oncology", "cardiology", "pediatrics", "paediatrics", "excellence"})
_ZU_IDIOMS = frozenset({"gast", "besuch", "ende", "beginn", "hause", "fuss", "gunsten", "lasten", "zeit"})
_LEADING_DESCRIPTORS = frozenset({"organisation", "organization", "ngo", "hilfsorganisation"})
_GERMAN_PLACE_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er")
ROLE_STARTS = ("partner", "kooperations", "lehrkrankenhaus", "lehrklinik")  # folded: the role a body plays, before its name


def _head_at(tokens, k, shapes: _Shapes) -> tuple[int, str | None]:
    """Length and kind of a German/English head at token ``k`` (a compound counts by its ending)."""
    if tokens[k].key in _CAPITALS_ONLY and not tokens[k].text.isupper():
        return 0, None  # "NGO", "AG" are heads; "Ngô" is a surname, "sẽ" a word
    if tokens[k].key in shapes.head_starts:
        n, kind = _phrase(tokens, k, shapes.head_lengths, shapes.head_words)
        if n == 1 and tokens[k].key == "health" and not _closes_a_health_name(tokens, k, shapes):
            return 0, None
        if n:
            return n, kind
    if not tokens[k].is_word or tokens[k].key.startswith(_COMMON_NOUN_STARTS) or tokens[k].text[:1].isdigit():
        return 0, None  # "Partnerkrankenhaus", "Kooperationskrankenhaus": the partner, a common noun, no name;
        # "1500-Betten-Klinik": its size
    kind = shapes.word_head(tokens[k].key)
    if kind is None and _compound_descriptor(tokens[k], shapes):
        kind = shapes.descriptor_kind(tokens[k].key)
    return (1, kind) if kind else (0, None)


def _closes_a_health_name(tokens, k, shapes: _Shapes) -> bool:
    """"Sanford Health", "Mercy Health": "Health" closes a name after a proper word (not a field's,
    "Public Health") when no capitalised word goes on ("World Health Organization")."""
    if tokens[k].text != "Health" or not k:
        return False
    before = tokens[k - 1]
    if not (before.is_word and before.cap) or before.key.replace("'s", "").replace(" s", "") in shapes.health_fields \
            or before.key in shapes.connectors or before.key in shapes.openers:
        return False
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return after is None or not (after.is_word and after.cap)


# verbs and prepositions an English headline capitalises: they end a name already holding its head
HEADLINE_VERBS = frozenset({"signs", "signed", "sign", "visits", "visited", "visit", "launches", "launched", "opens",
                             "opened", "joins", "joined", "receives", "received", "donates", "donated", "supports",
                             "supported", "inks", "inked", "renews", "renewed", "teams", "ties", "partnered", "with",
                             "helps", "helped", "trains", "trained", "welcomes",
                             "expands", "extends", "forms", "announces", "agree", "agrees", "collaborate",
                             "collaborates", "unterzeichnet", "unterzeichnen", "kooperiert", "kooperieren"})


def _fields_of_a_ministry(tokens, run: list[int], m: int) -> bool:
    """Whether the comma at ``m`` joins the fields of the ministry the run names, up to its "und"/"and":
    "Ministerium für Arbeit, Soziales, Gesundheit, Frauen und Familie", "Ministry of Health, Labour
    and Welfare" (each field one or two capitalised words; not "the Ministry of Health, Hanoi …")."""
    if not any(tokens[r].key.endswith("ministerium") or tokens[r].key == "ministry" for r in run) \
            or not any(tokens[r].key in ("fur", "of") for r in run):
        return False
    k, words = m + 1, 0
    while k < min(len(tokens), m + 16):
        t = tokens[k]
        if t.is_word and t.cap and words < 2:
            k, words = k + 1, words + 1
        elif t.text == "," and words:
            k, words = k + 1, 0
        else:
            return words > 0 and t.key in ("und", "and") and k + 1 < len(tokens) and tokens[k + 1].is_word \
                and tokens[k + 1].cap
    return False


def _capitalised_names(tokens, shapes: _Shapes, provinces: frozenset[str]):
    """Runs of capitalised words (with connectors) that hold a German or English head."""
    k = 0
    while k < len(tokens):
        if not (tokens[k].is_word and tokens[k].text[:1].isupper()) and not _nationality_before_head(tokens, k, shapes) \
                or tokens[k].key in HEADLINE_VERBS or tokens[k].key in ("mou", "moa", "loi"):
            k += 1  # (nor does a headline's verb or an "MoU" open one: "… Signs MoU With Hue Central Hospital")
            continue
        run, aliases, m = [k], [], k + 1
        while m < len(tokens):
            t = tokens[m]
            if tokens[run[-1]].key in ("e v", "ev", "ggmbh", "gmbh") and run[-1] == m - 1:
                break  # "Förderverein X e.V. Einrichtungen wie …": a legal form closes the name
            if t.is_word and t.key in _CAPITAL_ARTICLES and t.text[:1].isupper():
                break  # "Plus Das Klinikum …": a capitalised article begins the next name (a sentence)
            if t.is_word and t.cap and t.key in HEADLINE_VERBS and any(_head_at(tokens, r, shapes)[0] for r in run):
                break  # "Cho Ray Hospital Signs MoU With Hue Central Hospital": a headline's verb ends the name
            if t.is_word and t.cap and (t.text.endswith("-based") or m + 2 < len(tokens) and tokens[m + 1].text == "-"
                                        and tokens[m + 2].key == "based") and any(_head_at(tokens, r, shapes)[0] for r in run):
                break  # "NCH Healthcare System and Miami-based Nicklaus …": a place that a next name is based in
            if t.is_word and (t.cap or (t.key in shapes.legal and t.text != t.lower)):
                run.append(m)
                m += 1
                if t.possessive and _head_at(tokens, m - 1, shapes)[0] and (
                        not _head_follows(tokens, m, shapes) or _UNIT_OF.match(tokens[m].text if m < len(tokens) else "")):
                    # "the Georgetown Public Hospital Corporation’s Chief Executive": the name closes; so it does
                    # before "Bach Mai Hospital’s Department of Neurology", its department (not "Sun Yat-sen
                    # University’s Xinhua College", a unit with a name of its own)
                    break
                continue
            if t.text == "," and _fields_of_a_ministry(tokens, run, m):
                run.append(m)  # "Ministerium für Arbeit, Soziales, Gesundheit, Frauen und Familie"
                m += 1
                continue
            if t.key in _LOWER_ARTICLES and t.text.islower() and tokens[m - 1].key not in ("fur", "for"):
                break  # "… zusammen mit der Else Kröner-Fresenius-Stiftung die Initiative X": an article opens a phrase
            if t.key == "zu" and m + 1 < len(tokens) and tokens[m + 1].key in _ZU_IDIOMS:
                break  # "das Spital Kibara zu Gast in …": a guest, no "Universität zu Lübeck"
            if t.is_word and t.key in shapes.connectors and m + 1 < len(tokens) and tokens[m + 1].is_word \
                    and (tokens[m + 1].cap or (
                        (tokens[m + 1].key in shapes.connectors or _adjective_may_join(tokens, m)
                         and _GERMAN_ADJECTIVE.fullmatch(tokens[m + 1].text))
                        and m + 2 < len(tokens) and tokens[m + 2].cap
                        and tokens[m + 2].is_word)):  # "Klinikum rechts der Isar", "Hochschule für angewandte Kunst"
                run.append(m)
                m += 1
                continue
            if t.is_word and _GERMAN_ADJECTIVE.fullmatch(t.text) and _adjective_may_join(tokens, m - 1) \
                    and run[-1] == m - 1 and m + 1 < len(tokens) and tokens[m + 1].is_word and tokens[m + 1].cap:
                # "Hochschule für angewandte Wissenschaft", "Bundesministerium für wirtschaftliche Zusammenarbeit"
                run.append(m)
                m += 1
                continue
            if t.is_word and t.key in _LOWER_HEADS and not tokens[m - 1].text.endswith(("'s", "’s")):
                run.append(m)  # "Bundang Jesaeng hospital", "Seongnam city"; not "X University's clinic"
                m += 1
                continue
            if t.text in ("-", "‑") and t.start == tokens[m - 1].end and m + 2 < len(tokens) \
                    and tokens[m + 1].key in ("und", "and") and tokens[m + 2].cap and tokens[m + 2].is_word:
                run.extend((m, m + 1))  # "Kantonsspital Ob- und Nidwalden": a compound cut short, then its other half
                m += 2
                continue
            if t.key in ("und", "oder") and tokens[m - 1].text.endswith("-") and m + 1 < len(tokens) \
                    and tokens[m + 1].cap and tokens[m + 1].is_word:
                run.append(m)  # the same with the hyphen in its word: "Herz- und Gefäßzentrum", "Nord- und Mittelhessen"
                m += 1
                continue
            if t.text in _DASHES and t.text != "—" and m + 1 < len(tokens) and tokens[m + 1].cap \
                    and tokens[m + 1].is_word and tokens[m - 1].cap and not tokens[m - 1].text.isupper() \
                    and tokens[m + 1].key not in shapes.openers and t.start == tokens[m - 1].end:
                # "Helios–Klinikum", but not a dateline "Bad Neustadt – Das …", "QUY NHON, Vietnam – Mercy …"
                # "Helios – Klinikum", but not the dateline "MILWAUKEE — Lakeshore Medical Center"
                run.append(m)
                m += 1
                continue
            if t.text == "&" and m + 1 < len(tokens) and tokens[m + 1].cap:
                run.append(m)
                m += 1
                continue
            if t.text == "(":
                close = m + 1
                while close < len(tokens) and close - m < 6 and tokens[close].text != ")":
                    close += 1
                inner = tokens[m + 1:close]
                if close < len(tokens) and len(inner) == 1 and inner[0].acronym:
                    aliases.append((len(run), inner[0].text))
                    m = close + 1
                    continue
            break
        if _from_follows(tokens, m):
            run = _before_person_from(tokens, run, shapes)
        named = list(_names_in_run(tokens, run, aliases, shapes, provinces))
        yield from named
        # ("X University and the Y Chest nonprofit": the words after the last name, up to a description)
        yield from _described_after(tokens, [i for i in run if not named or i >= named[-1][1]], m, shapes,
                                    provinces)
        k = m


def _from_follows(tokens, k: int) -> bool:
    """Whether "from" is word ``k``: capitalised words without a head right before it are a person
    who comes from somewhere ("… and Anna Berg from the City Hospital"), no organisation."""
    return k < len(tokens) and tokens[k].text == "from"


def _before_person_from(tokens, run: list[int], shapes: _Shapes) -> list[int]:
    """"… of the City Hospital of Kassel and Anna Berg from the …": the run without the person after
    its last "and" (:func:`_from_follows`), who is not the end of the name before them."""
    joins = [n for n, i in enumerate(run) if tokens[i].key == "and"]
    if not joins or any(_head_at(tokens, i, shapes)[0] for i in run[joins[-1]:]):
        return run
    return run[:joins[-1]]


_DESCRIBED_AFTER = {"nonprofit": "foreign_body", "non-profit": "foreign_body", "charity": "foreign_body",
                    "organisation": "foreign_body", "organization": "foreign_body", "ngo": "foreign_body",
                    "foundation": "foreign_body", "company": "company", "firm": "company", "corporation": "company",
                    "group": "company", "conglomerate": "company"}


def _described_after(tokens, run: list[int], m: int, shapes: _Shapes, provinces):
    """"the Community Chest of Korea nonprofit organisation", "Doosan Vina company", "Choice
    Humanitarian, a social organization": capitalised words without a head, then a lower-case word
    for what they are, name it (not "a Korean company", "the Hanoi firm": a nationality or a place
    says which, not who)."""
    apposition = bool(run) and m + 2 < len(tokens) and tokens[m].text == "," and tokens[m + 1].key in ("a", "an")
    if apposition:  # "Choice Humanitarian, a social organization", "Helping Hands, a US-based charity"
        m += 2
        while m < len(tokens) and m - run[-1] < 7 and tokens[m].is_word and tokens[m].key not in _DESCRIBED_AFTER \
                and (tokens[m].text.islower() or "-" in tokens[m].text):
            m += 1
    if not run or m >= len(tokens) or not tokens[m].text.islower() or tokens[m].key not in _DESCRIBED_AFTER \
            or run[0] and tokens[run[0] - 1].key in ("a", "an", "one"):
        return  # "a Milwaukee-based charity": what it is like, not its name
    words = [tokens[i] for i in run]
    a = 0
    while a < len(words) and (words[a].key in shapes.openers or words[a].key in shapes.connectors):
        a += 1
    proper = [w.key for w in words[a:]]
    if not proper or not all(w.is_word for w in words[a:]) or words[-1].key in shapes.connectors \
            or is_nationality(proper) or says_no_which(" ".join(proper), place_names(provinces)) \
            or any(w in shapes.titles for w in proper):
        return
    if apposition and len(proper) == 1 and (run[a] == 0 or not tokens[run[a] - 1].is_word):
        return  # "Yesterday, a local charity …": one word opening a sentence is no name it describes
    yield run[a], run[-1] + 1, _DESCRIBED_AFTER[tokens[m].key], ()


def _head_follows(tokens, m: int, shapes: _Shapes) -> bool:
    """Whether the capitalised words from ``m`` hold a head of their own."""
    while m < len(tokens) and tokens[m].is_word and tokens[m].cap:
        if _head_at(tokens, m, shapes)[0]:
            return True
        m += 1
    return False


_GERMAN_ADJECTIVE = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es|em)")
_CAPITAL_ARTICLES = frozenset({"das", "die", "der", "dem", "den"})
_LOWER_ARTICLES = frozenset({"das", "die", "dem", "den"})  # not "der": "Klinikum der Universität", "rechts der Isar"
# German adjectives of nationality ("der japanischen Regierung", "die deutschen Ärzte"), not every "-isch"
# adjective ("ein telemedizinisches Netzwerk")
NATIONALITY_ADJECTIVE = re.compile(
    r"(?:deut|japan|vietnames|korean|chines|amerikan|brit|austral|französ|schweizer|österreich|thailänd|laot|"
    r"kambodsch|ugand|tansan|kenian|ghana|malaw|äthiop|ind|nepal|ruand|sambi|mongol|moldau|niederländ|belg|"
    r"italien|span|kanad|taiwan|singapur|philippin|indones|malays|europä|afrikan|asiat|russ|israel|türk|poln|"
    r"tschech|ungar|dän|schwed|norweg|finn|luxemburg|irisch|schott|engl|ukrain|griech|portugies|brasilian|"
    r"mexikan|ägypt|nigerian|südafrikan|kuban|kroat|serb|rumän|bulgar|slowak|slowen|iran|irak|arab|pakistan|"
    r"bangladesch|myanmar|kasach|usbek|lett|estn|litau|bosn|alban|georg|armen)[a-zäöü]{0,4}?"
    r"(?:ischen|ische|ischer|isches|schen|sche|em|en|er|es|e)")


def _nationality_before_head(tokens, k, shapes: _Shapes) -> bool:
    """"der japanischen Regierung", "der deutschen Wirtschaftsdelegation": a nationality names the body."""
    return k + 1 < len(tokens) and bool(NATIONALITY_ADJECTIVE.fullmatch(tokens[k].text)) and tokens[k + 1].cap \
        and _head_at(tokens, k + 1, shapes)[1] in ("foreign_body", "ministry")


def _municipal(words, a: int, b: int, heads) -> bool:
    """"Städtisches Klinikum München", "des Städtischen Klinikums Karlsruhe": written with a capital right
    before its head, the town's ownership is part of the name (not "das städtische Krankenhaus")."""
    return words[a].text.startswith("Städtisch") and a + 1 < b and any(i == a + 1 for i, _, _ in heads)


_ONE_OF = (("eines", "der"), ("einer", "der"), ("eine", "der"), ("one", "of", "the"), ("one", "of"))


def _one_of_many(tokens, k: int) -> bool:
    """Whether "one of the" (and lower-case words, "grössten radio-onkologischen") stands right
    before word ``k``."""
    words: list[str] = []
    for m in range(k - 1, max(-1, k - 6), -1):
        if not tokens[m].is_word or tokens[m].text[:1].isupper() and tokens[m].key not in ("eines", "einer", "eine",
                                                                                               "one"):
            return False
        words.insert(0, tokens[m].key)
        if any(tuple(words[:len(one)]) == one for one in _ONE_OF):
            return True
    return False


def _initials_of(words) -> str:
    """"Tropical Health and Education Trust" -> "THET": what its acronym would be."""
    return "".join(w.text[0] for w in words if w.is_word and w.text[:1].isupper())


def _names_in_run(tokens, run: list[int], aliases, shapes: _Shapes, provinces):
    """Cut a run of capitalised words into names: openers off, "X of the <name>" to the
    name, "<name> and <name>" into two."""
    words = [tokens[i] for i in run]
    heads = []
    i = 0
    while i < len(words):
        n, kind = _head_at(tokens, run[i], shapes)
        if n:
            heads.append((i, n, kind))
            i += n
        else:
            i += 1
    if not heads:
        return
    pieces = _split_pieces(words, heads, shapes, frozenset(position for position, _ in aliases))
    whole = next(((start, position) for position, alias in aliases for start in range(position)
                  if _initials_of(words[start:position]) == alias and words[start].text[:1].isupper()), None)
    if whole is not None and not (whole[0] and words[whole[0] - 1].key in ("der", "des", "of")
                                  and any(a < whole[0] and b >= whole[1] for a, b in pieces)):
        # "Tropical Health and Education Trust (THET)": the acronym spells the whole name (not "Klinikum rechts
        # der Isar der Technischen Universität München (TUM)": it spells the owner the name ends on)
        pieces = sorted([p for p in pieces if p[1] <= whole[0] or p[0] >= whole[1]] + [whole])
    for a, b in pieces:
        owner = _after_department(words, a, b, heads)
        if owner > a:  # the department itself is no party: marked so that no head reading takes it
            yield run[a], run[owner - 2] + 1, "department", ()
            a = owner
        possessive = [p for p in range(a, b) if words[p].text.endswith(("’s", "'s"))
                      and any(" ".join([w.key for w in words[q:p]] + [_fold_word(words[p].text[:-2])])
                              in place_names(provinces) for q in range(a, p + 1))]
        if possessive and possessive[-1] + 1 < b and any(
                words[p].cap and not _head_at_word(words[p], shapes) for p in range(possessive[-1] + 1, b)):
            # "Korea’s Seongnam City": a country's, not "St. Anne's Regional Hospital"; "Japan's
            # Embassy" is named by its country
            a = possessive[-1] + 1
        based = [p for p in range(a, b - 1) if words[p].key.endswith(" based") or words[p].text.endswith("-based")]
        if based:
            a = based[-1] + 1  # "Dallas-based Steward Health Care": where it sits, then its name
        labels = [p for p in range(a, b - 1) if words[p].text == "Partner" and any(p < i < b for i, _, _ in heads)]
        if labels:
            a = labels[-1] + 1  # "UK Partner Riverside Hospital": a form's label, then the name
        while a < b and (words[a].key in shapes.openers or words[a].key in shapes.connectors
                         or words[a].text in _DASHES) and not _particle(words, a, b) and not _place_word(words, a, b) \
                and not _name_syllable_an(tokens, run[a]) and not _municipal(words, a, b, heads):
            a += 1
        if b - a > 1 and words[a].text[:1].islower() and NATIONALITY_ADJECTIVE.fullmatch(words[a].text) \
                and any("-" in w.text.strip("-") or w.cap and not _head_at_word(w, shapes) for w in words[a + 1:b]):
            a += 1  # "der deutschen Siegfried-Neumann-Stiftung": the name itself (not "der japanischen Regierung")
        while b > a and (words[b - 1].key in shapes.connectors or words[b - 1].text in _DASHES):
            b -= 1
        if b - a > 3 and words[a].text.endswith("-") and words[a + 1].key in ("und", "and") \
                and _compound_descriptor(words[a + 2], shapes):
            a += 2  # "Elektro- und Gesundheitskonzern Philips": a descriptor cut short, then its other half
        described_as = None
        if b - a > 2 and _GERMAN_PLACE_ADJECTIVE.fullmatch(words[a].text) and not _head_at_word(words[a], shapes) \
                and (_compound_descriptor(words[a + 1], shapes) or words[a + 1].key in _LEADING_DESCRIPTORS):
            a += 1  # "das Potsdamer Laborunternehmen Diagnostik X": where it sits, what it is, then its name
        while b - a > 1 and (_compound_descriptor(words[a], shapes)  # "Gesundheitsversorger MU Health Care"
                             or (words[a].key.startswith(ROLE_STARTS) or words[a].key in _KIND_WORDS)
                             and any(a < i < b for i, _, _ in heads)):  # "Unternehmensgruppe X Plastic Group"
            # "Partnerklinik Hôpital Saint-Jean": the role it plays, then its own name
            described_as = next((kind for i, _, kind in heads if i == a), described_as or "organisation")
            a += 1
            while b - a > 1 and words[a].key in shapes.connectors:
                a += 1  # "Lehrkrankenhaus des Universitätsklinikums X": the role, then whose
        piece_heads = [(i, n, kind) for i, n, kind in heads if a <= i and i + n <= b]
        if described_as and not piece_heads and a < b and words[a].cap and words[a].key not in shapes.openers:
            # "Medizintechnikkonzern Siemens Healthineers": the compound was the only head
            yield run[a], run[_proper_end(words, a, b, shapes) - 1] + 1, described_as, ()
            continue
        if a == 0 and _one_of_many(tokens, run[0]):
            continue  # "eines der grössten Institute der Schweiz", "one of the leading Hospitals of Asia": a class
        if not piece_heads or a >= b or all(words[i].key.endswith("delegation") for i, _, _ in piece_heads):
            continue  # a delegation visits; it is no organisation ("Delegation des X" names X, read above)
        if words[b - 1].key in PROJECT_WORDS:
            continue  # "the Satellite Hospital Project": a programme that the parties run, no party
        # "Los Angeles-based hospital CHA Hollywood Presbyterian Medical Center": a head written in
        # lower case describes the name after it
        described = [i + n for i, n, _ in piece_heads if not words[i].cap and i + n < b
                     and any(j >= i + n for j, _, _ in piece_heads)]
        if described:
            a = described[-1]
            piece_heads = [h for h in piece_heads if h[0] >= a]
        b = _name_end(words, a, b, piece_heads, shapes)
        head_positions = {p for i, n, _ in piece_heads for p in range(i, i + n)}
        b = _without_country_of(words, a, b, head_positions, shapes)
        proper = [w for p, w in enumerate(words[a:b], a) if p not in head_positions and w.is_word
                  and w.key not in shapes.connectors and w.key not in shapes.legal]
        if not proper and not (len(piece_heads) == 1 and piece_heads[0][1] == 1
                               and _compound(words[piece_heads[0][0]], shapes)):
            continue
        all_weak = all(" ".join(w.key for w in words[i:i + n]) in shapes.weak for i, n, _ in piece_heads)
        if all_weak and (not proper or " ".join(w.key for w in proper) in provinces
                         or " ".join(w.key for w in words[a:b]) in provinces):  # "HCM City" is a place
            continue
        last_head = piece_heads[-1]
        if not words[last_head[0]].cap and says_no_which(" ".join(w.key for w in words[a:last_head[0]]), provinces):
            continue  # "a Hanoi hospital", "HCM City hospital, US university sign deal": which one is not said
        # ("the Korean Foundation for International Healthcare": two heads joined by "for" make a name)
        joined_heads = any(words[p].key in ("for", "of", "fur") for p in range(piece_heads[0][0], piece_heads[-1][0]))
        by_country = all(words[i].key in _NAMED_BY_COUNTRY for i, _, _ in piece_heads)
        if proper and (all(w.key in shapes.openers for w in proper) or is_nationality(w.key for w in proper)
                       and not by_country) and not joined_heads:
            continue  # "Die Klinik", "the Vietnamese hospital" (but "the Australian Government" is one)
        if all(w.text.isupper() for w in words[a:b] if w.is_word) and any(len(w.text) > 5 for w in words[a:b]):
            continue  # a headline in capitals ("EINES DER WICHTIGSTEN KRANKENHÄUSER"): no case to read names by
        if last_head[0] + last_head[1] == b and words[b - 1].key in _PLURAL_HEADS and b - a > 1 \
                and not (words[b - 2].cap and words[b - 1].cap):
            continue  # "Masken an Krankenhäuser", "dedicated COVID-19 hospitals": a plural head in lower case or
            # after a preposition is a group, no one's name (but "Apollo Hospitals", "Helios Kliniken" are)
        kind = _kind_of(piece_heads)
        found_aliases = tuple(alias for position, alias in aliases if a < position <= b)
        if piece_heads[0][0] == a and b - a > piece_heads[0][1] and words[a].key in shapes.descriptors \
                and not any(i > a for i, _, _ in piece_heads):
            # "Verein Archemed", "NGO Swiss Medical Teams": a word for what the body is, then its
            # name; the name alone is how others call it
            found_aliases += (" ".join(w.text for w in words[a + piece_heads[0][1]:b]),)
        elif last_head[1] == 1 and words[last_head[0]].key in shapes.descriptors and last_head[0] + 1 < b:
            found_aliases += (" ".join(w.text for w in words[last_head[0] + 1:b]),)  # "Nürnberger Verein Fi Bassar"
        yield run[a], run[b - 1] + 1, kind, found_aliases


PROJECT_WORDS = frozenset({"project", "projects", "projekt", "projekts"})  # a programme, no party
_LOWER_HEADS = frozenset({"hospital", "hospitals", "clinic", "city", "government"})  # may close a name in lower case
_PLURAL_HEADS = frozenset({"krankenhauser", "krankenhausern", "kliniken", "spitaler", "spitalern", "hospitals", "clinics"})
_PARTICLES = frozenset({"de", "di", "da", "del", "della", "van", "la", "le", "du", "dos"})


def _place_word(words, a: int, b: int) -> bool:
    """"New York", "New England": a capitalised "New" before another capital opens a place's name."""
    return words[a].key == "new" and words[a].text == "New" and a + 1 < b and words[a + 1].cap


def _name_syllable_an(tokens, k: int) -> bool:
    """"…, An Phu General Hospital", "with An Binh Hospital": a capitalised "An" inside a sentence
    (after a comma or a lower-case word) is the Vietnamese syllable, not the article."""
    return tokens[k].text == "An" and k > 0 and (tokens[k - 1].text == "," or tokens[k - 1].is_word
                                                 and tokens[k - 1].text[:1].islower())


def _particle(words, a: int, b: int) -> bool:
    """"De Martino Hospital", "Van Andel Institute": a capitalised particle opens a surname."""
    return words[a].key in _PARTICLES and words[a].text[:1].isupper() and a + 1 < b and words[a + 1].cap
_TAIL_KEEPS = frozenset({"of", "for", "fur", "zu", "der", "des", "de", "du", "la", "di", "del", "rechts", "links"})
_NUMBER_WORDS = frozenset({"no", "nr", "number", "nummer"})
_ARTICLES = frozenset({"die", "das", "den", "dem", "the", "und", "and", "mit", "with"})
# heads a country names ("Government of Japan", "Embassy of Ireland")
_NAMED_BY_COUNTRY = frozenset({"government", "embassy", "consulate", "ministry", "regierung", "botschaft",
                               "konsulat", "ministerium"})
_GENERIC_PLACES = frozenset({"stadt", "landes", "region", "kantons", "provinz", "city", "state", "country"})


def _name_end(words, a: int, b: int, heads, shapes: _Shapes) -> int:
    """Where a name ends after its last head: "University of Malaya" and "Klinikum der
    Universität Jimma" keep their tail, "Hospital No 2" its number, "Inselspital Bern" one
    place name; "Hanoi Oncology Hospital Bui Vinh Quang" (a person) and "X Hospital and TVGH"
    end at the head."""
    i, n, _ = heads[-1]
    head_end = i + n
    if words[b - 1].key in shapes.legal:  # "Verein Hoffnung für Nepal e.V.": the legal form closes it
        return b
    tail = words[head_end:b]
    if not tail:
        return b
    first = tail[0]
    if first.key in _TAIL_KEEPS:
        if len(tail) == 2 and tail[1].key in _GENERIC_PLACES:  # "Klinikum der Stadt" names no one
            return head_end
        if first.key in ("of", "in") and " ".join(w.key for w in tail[1:]) in shapes.countries \
                and words[i].key not in _NAMED_BY_COUNTRY:
            return head_end  # "Oita Minami Medical Center of Japan": the country says where, not who
        return b
    if first.text[:1].isdigit():
        # "Military Hospital 103 of the Vietnam People's Army": the owner after the number is part of the name
        return b if len(tail) > 2 and tail[1].key == "of" and tail[-1].cap else head_end + 1
    if first.key in _NUMBER_WORDS and len(tail) > 1 and tail[1].text[:1].isdigit():
        return head_end + 2
    named_after = i == a and words[i].key in shapes.descriptors and first.cap  # "Verein Partnerschaft Gesunde Welt"
    if first.key in shapes.connectors or first.key in shapes.titles or first.key in shapes.openers and not named_after \
            or first.key in shapes.surnames:  # "Director of Cho Ray Hospital Nguyen Tri Thuc"
        return head_end
    first_word = a + 2 if _suspended(words, a + 1) else a  # "Herz- und Gefäßzentrum X" starts with its head
    if heads[0][0] == first_word and i == first_word:
        # head first: "Spital Muri", "Hospital Canselor Tuanku Muhriz", "Centre Hospitalier Régional de Sokodé"
        proper = 0
        for k, w in enumerate(tail):
            if k < proper:
                continue  # a word of the town or the owner read below
            if _ampersand_inside(tail, k):
                proper += 1
                continue
            if k and _river_town(tail, k, shapes) or words[i].key not in _PLURAL_HEAD_KEYS and _owner_described(tail, k):
                proper = k + 3  # "an der Donau", "der gesetzlichen Unfallversicherung": three words of the name
                continue
            if (not w.is_word or w.key in _ARTICLES or w.key in shapes.titles or w.key in shapes.connectors and not (
                    k + 1 < len(tail) and tail[k + 1].cap) or k and w.key in shapes.openers) \
                    and not _suspended(words, head_end + k):
                break  # "Bundeswehrkrankenhaus Ulm die Erklärung", "Klinikum Darmstadt Dr. Noetzel", "Herzzentrum
                # Dresden Ärzte aus …": a new phrase
            proper += 1
        return head_end + min(_without_dangling_ampersand(tail, proper), 4)
    proper = 0
    for k, w in enumerate(tail):
        if _ampersand_inside(tail, k):
            proper += 1
            continue
        if w.key in shapes.connectors or not w.is_word:
            break
        proper += 1
    proper = _without_dangling_ampersand(tail, proper)
    if n == 1 and words[i].key in shapes.descriptors and 1 <= proper <= 5:
        return head_end + proper  # "der Nürnberger Verein Fi Bassar": what the body is, then its name
    return head_end + 1 if proper == 1 else head_end


# plural heads: "Krankenhäuser der oberen Leistungsklasse" are a class of hospitals, no name
_PLURAL_HEAD_KEYS = frozenset({"krankenhauser", "kliniken", "spitaler", "hospitals", "clinics", "universitaten"})


def _adjective_may_join(tokens, k: int) -> bool:
    """Whether an adjective may follow the connector at ``k`` inside a name: "Hochschule für
    angewandte Wissenschaft", "Klinikverbund der gesetzlichen Unfallversicherung"; not after a plural."""
    return tokens[k].key == "fur" or tokens[k].key in ("der", "des") and k > 0 \
        and tokens[k - 1].key not in _PLURAL_HEAD_KEYS


def _owner_described(tail, k: int) -> bool:
    """"Klinikverbund der gesetzlichen Unfallversicherung": an owner in the genitive, with its adjective."""
    return k + 2 < len(tail) and tail[k].key in ("der", "des") and tail[k + 1].text.islower() \
        and bool(_GERMAN_ADJECTIVE.fullmatch(tail[k + 1].text)) and tail[k + 2].cap and tail[k + 2].is_word


def _river_town(tail, k: int, shapes: _Shapes) -> bool:
    """"Stadtgemeinde Hainburg an der Donau", "Klinikum Halle an der Saale": a town named by its
    river is one place."""
    return k + 2 < len(tail) and tail[k].key == "an" and tail[k + 1].key == "der" and tail[k + 2].cap \
        and tail[k + 2].is_word and tail[k + 2].key not in shapes.openers


def _ampersand_inside(tail, k: int) -> bool:
    """"Unternehmensgruppe Jiangyin Mould & Plastic": an ampersand between capitals is inside one name."""
    return tail[k].text == "&" and 0 < k < len(tail) - 1 and tail[k + 1].cap


def _without_dangling_ampersand(tail, proper: int) -> int:
    """"Klinikum Bonn & Partner": an ampersand the name's words stopped after joined nothing."""
    return proper - 1 if proper and tail[proper - 1].text == "&" else proper


def _suspended(words, i: int) -> bool:
    """"Ob- und Nidwalden", "Herz- und Gefäßzentrum": an "und" after a word cut short by a hyphen
    joins the two halves of one name."""
    return words[i].key in ("und", "oder") and 0 < i < len(words) - 1 and words[i - 1].text.endswith("-") \
        and words[i + 1].cap


def _proper_end(words, a: int, b: int, shapes: _Shapes) -> int:
    """End of the capitalised words from ``a`` (connectors inside kept)."""
    end = a
    for k in range(a, b):
        if words[k].cap and words[k].is_word:
            end = k + 1
        elif words[k].key not in shapes.connectors or words[k].key in ("and", "und"):
            break
    return end


def _compound_descriptor(token: _Token, shapes: _Shapes) -> bool:
    """"Medizintechnikkonzern", "Gesundheitsversorger": a compound that says what the body
    is; no part of its name ("Konzern" alone may be)."""
    return token.is_word and _ends_in_descriptor(token.key)


@lru_cache(maxsize=8192)  # asked of most capitalised words, and the same words come back
def _ends_in_descriptor(key: str) -> bool:
    return any(key.endswith(d) and len(key) > len(d) + 2 for d in _shapes().descriptors)


def _compound(token: _Token, shapes: _Shapes) -> bool:
    """A one-word name made on a head ("Inselspital", "Herz-Kreislaufzentrum"), not the head
    itself ("Klinikum") nor a generic compound ("Universitätsklinikum", "Herzzentrum")."""
    if "-" in token.text.strip("-") and (token.key,) not in shapes.head_words:
        return True
    return (token.key,) not in shapes.head_words and not token.key.startswith(
        ("uni", "kantons", "kreis", "land", "stadt", "bezirks", "kinder", "bundes", "fach", "lehr", "spezial", "privat",
         "akut", "reha", "tages", "partner")) and not token.key.endswith(("zentrum", "netzwerk", "netzwerks"))


def _inside_name(words, i: int, shapes: _Shapes) -> bool:
    """"St. John of God Hospital", "Our Lady of the Lake Hospital": an "of" between two
    names' words belongs to the name; after a title ("Director of the X") it does not. So does
    an "and" between two fields the name joins ("Guangzhou Women and Children's Hospital")."""
    if words[i].key in ("and", "&") and 0 < i < len(words) - 1:
        return all(w.key in shapes.joined_fields for w in (words[i - 1], words[i + 1]))
    after = i + 2 if i + 2 < len(words) and words[i + 1].key == "the" else i + 1
    return words[i].key == "of" and 0 < i and after < len(words) and words[i - 1].cap and words[after].cap \
        and words[i - 1].key not in shapes.openers and words[i - 1].key not in shapes.titles \
        and not _head_at_word(words[i - 1], shapes)


def _head_at_word(word, shapes: _Shapes) -> bool:
    return word.is_word and shapes.word_head(word.key) is not None


def _split_pieces(words, heads, shapes: _Shapes, closed: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Cut a run of capitalised words at the joins between names; ``closed``: the positions an
    acronym in brackets closed a name before ("… Development (USAID) and Pathfinder International")."""
    # "Director of the Hong Kong Centre": the part before the last "of" ahead of the first head holds no head
    start = 0
    # "Lewisham and Greenwich NHS Trust", "Guy's and St Thomas' NHS Foundation Trust": a British trust is
    # named after the places it joins
    trust = any(w.key == "nhs" for w in words)
    for i, w in enumerate(words[:heads[0][0]]):
        # ("Under the Joint Understanding the Australian Government", "Master Plan for the Lae ANGAU Hospital": a
        # "the" after a capitalised word, or a "for", before any head opens the name)
        if w.key == "the" and i and words[i - 1].key not in ("of", "for", "and", "&") or w.key == "for":
            start = i + 1
        if w.key in ("of", "des", "der", "at", "bei", "am", "beim", "and", "und", "&", "von", "vom") \
                and not _inside_name(words, i, shapes) and not (trust and w.key in ("and", "&")) \
                and not _suspended(words, i) and not (w.key == "von" and i and words[i - 1].key in ("dr", "prof")):
            # ("Dr. von Haunersches Kinderspital": a "von" after a title is the namesake's, not "from")
            start = i + 1
    # "A Hospital and B Hospital", "Klinikum A und Klinikum B": two names; so are "X-Stiftung die
    # Initiative": an article opens another phrase
    end, result = len(words), []
    for i in range(start, end):
        if words[i].key in ("and", "und", "&", "die", "das", "den", "dem") and not words[i - 1].text.endswith("-"):
            left = [h for h in heads if start <= h[0] < i]
            right = [h for h in heads if i < h[0] < end]
            right_proper = any(words[p].cap and (not any(h[0] <= p < h[0] + h[1] for h in heads)
                                                 or "-" in words[p].text or _compound(words[p], shapes))
                               for p in range(i + 1, end))  # "Enzkreis-Kliniken", "Inselspital" name themselves
            in_head = [any(h[0] <= p < h[0] + h[1] for h in heads) for p in (i - 1, i + 1) if 0 <= p < end]
            # "Da Nang City Obstetrics and Pediatrics Hospital": specialties joined under one head, after a place
            joined = not any(in_head) and i + 1 < end and words[i + 1].cap and words[i + 1].key not in shapes.openers \
                and all(" ".join(w.key for w in words[h[0]:h[0] + h[1]]) in shapes.weak for h in left)
            # ("UNIVERSITY of Dodoma (UDOM) and Benjamin Mkapa ultramodern Hospital": the brackets closed the
            # first name even when the second's head lies beyond the run)
            # "zwischen Kreiskrankenhaus Saarburg und Landeskrankenhaus": a named body, then a head of its own
            left_named = any(words[p].cap and not any(h[0] <= p < h[0] + h[1] for h in heads) for p in range(start, i))
            own_head = bool(right) and right[0][0] == i + 1 and left_named and words[i].key in ("and", "und", "&")
            if left and (right and (right_proper or own_head) and (not joined or i in closed) or not right and i in closed):
                result.append((start, i))
                start = i + 1
    result.append((start, end))
    return result


# the head of a department that a possessive names the owner of ("X Hospital's Department of Cardiology")
_UNIT_OF = re.compile(r"(?:Department|Dept|Division|Unit|Ward|Faculty|Center|Centre)\b")
_DEPARTMENTS = ("klinik", "abteilung", "station", "ambulanz", "delegation", "zentrum", "zentrums")


def _after_department(words, a: int, b: int, heads) -> int:
    """"Klinik für Kardiologie am St. Vinzenz-Hospital", "Frauenklinik des USB", "Delegation of
    X": a department or a delegation names the organisation it belongs to, which starts after
    "am", "des", "im", "vom", "of" or "from"."""
    first = next((i for i, _, _ in heads if a <= i < b), None)
    # "Neurologischen Kliniken des Universitätsklinikums Jena" (not "Kliniken des Landkreises Lörrach", a group)
    if first is None or not (words[first].key.endswith(_DEPARTMENTS) or words[first].key == "kliniken" and first > a
                             and _GERMAN_ADJECTIVE.fullmatch(words[first - 1].key)):
        return a
    return next((i + 1 for i in range(first + 1, b - 1) if words[i].key in ("am", "des", "der", "im", "vom", "of", "from")
                 and words[i + 1].cap and words[i + 1].key not in _GENERIC_PLACES), a)  # not "… der Provinz Long An"


_KIND_ORDER = ("hospital", "university", "ministry", "company", "institute", "foreign_body")


def _kind_of(heads) -> str:
    return min((kind for _, _, kind in heads), key=_KIND_ORDER.index)


_PROVINCE = r"((?:tỉnh|thành phố|TP\.?)[ \t]*)?([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})"
_PROVINCE_PAIR = re.compile(r"(?<!\w)(?:giữa|Giữa)[ \t]+" + _PROVINCE + r"[ \t]+(?:và|với)[ \t]+" + _PROVINCE + r"(?!\w)")


def occurrences(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each of ``words`` starts in ``text`` (every occurrence), in order."""
    positions = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            positions.append(at)
            at = text.find(word, at + 1)
    return sorted(positions)


def _province_pairs(text: str, taken: _Taken, provinces) -> list[NamedSpan]:
    """"thỏa thuận hợp tác giữa TP. Hồ Chí Minh và tỉnh Nghệ An": two provinces between whom
    an agreement stands are parties (their People's Committees)."""
    if "iữa" not in text:
        return []
    pairs = []
    for m in (_PROVINCE_PAIR.match(text, found_at) for found_at in occurrences(text, ("giữa", "Giữa"))):
        if m is None:
            continue
        sides = []
        for prefix, name in ((1, 2), (3, 4)):
            words = m.group(name).split()
            while words and not words[-1][:1].isupper():  # "Nghệ An đã được": the name is its capitalised words
                words.pop()
            end = m.start(name) + len(" ".join(words))
            sides.append((m.start(prefix) if m.group(prefix) else m.start(name), end, " ".join(words)))
        if all(name and fold(name) in provinces for _, _, name in sides) \
                and not any(taken.overlaps(s, e) for s, e, _ in sides):
            pairs += [NamedSpan(s, e, text[s:e], "people_committee") for s, e, _ in sides]
    return pairs


_PLACE_ITEM = rf"(?:(?:tỉnh|thành phố|TP\.?)[ \t]*)?[A-Z{_VI_UPPER}][^\W\d_]*(?:[ \t]+[A-Z{_VI_UPPER}][^\W\d_]*){{0,3}}"
# "hợp tác toàn diện với Hà Tĩnh, Nghệ An, Thanh Hóa", "with Thai Binh Province": provinces as parties
# (a pattern opens on its words' first letters, each looked behind only then: the regex engine skips to them)
_PROVINCE_PARTNERS = (  # (the list, one item of it, anchors in the folded text, characters read before and after,
    #                      whether the provinces that open a longer list count without the rest)
    (re.compile(rf"(?:v(?<!\wv)ới|c(?<!\wc)ùng)[ \t]+(?P<list>{_PLACE_ITEM}(?:[ \t]*(?:,|và)[ \t]*{_PLACE_ITEM})*)"),
     _PLACE_ITEM, ("voi ", "cung "), 1, 160, False),
    # "trao tặng 30 xe cứu thương cho TP. Hà Nội", "bàn giao … cho tỉnh Hà Tĩnh, Nghệ An và Thanh Hóa": recipients
    # "hỗ trợ 2 tỉnh Bắc Giang và Bắc Ninh": a count before them
    (re.compile(rf"(?:c(?<!\wc)ho|t(?<!\wt)ặng|t(?<!\wt)rợ)[ \t]+(?:(?:các|[2-9]|hai|ba|bốn|năm)[ \t]+)?"
                rf"(?P<list>(?:tỉnh|thành phố|TP\.?)[ \t]*{_PLACE_ITEM}(?:[ \t]*(?:,|và)[ \t]*{_PLACE_ITEM})*)"),
     _PLACE_ITEM, tuple(f"{verb} {count}{place}" for verb in ("cho", "tang", "tro")
                        for count in ("", "cac ", *(f"{n} " for n in "23456789"), "hai ", "ba ", "bon ", "nam ")
                        for place in ("tinh", "thanh pho", "tp")), 1, 160, True),
    (re.compile(r"(?P<list>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]+[Pp]rovince)\b"), r".+", ("province",), 60, 8,
     False),
    # "tỉnh Thanh Hóa đã hỗ trợ cho …": a province that gives
    (re.compile(rf"(?<!\w)(?P<list>(?:[Tt]ỉnh|[Tt]hành phố)[ \t]+{_VI_PLACE_ITEM})[ \t]+(?:(?:đã|vừa|sẽ|cũng)[ \t]+)*"
                r"(?:hỗ trợ|trao tặng|tặng|ủng hộ|viện trợ|bàn giao|tài trợ)(?!\w)"), r".+",
     ("tinh ", "thanh pho "), 0, 80, False),
)
_APPOSED = re.compile(rf"[A-Z{_VI_UPPER}][^\W_]*,[ \t]*$")  # right after a capitalised word and its comma
_COUNTRY_IN_BRACKETS = re.compile(r"[ \t]*\((?:Lào|Campuchia|Trung Quốc|Hàn Quốc|Nhật Bản|Thái Lan|Myanmar|Mông Cổ|"
                                  r"Cuba|Nga|Pháp|Đức|Hoa Kỳ|Mỹ|Úc|Laos|Cambodia|China|Korea|Japan|Thailand)\)")
_PLACE_PREFIX = re.compile(r"^(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)[ \t]*|[ \t]+[Pp]rovince$")


def _province_partners(text: str, hits: dict[str, list[int]], taken: _Taken, provinces
                       ) -> list[NamedSpan]:
    """Provinces named as the other side ("… với Hà Tĩnh, Nghệ An và Thanh Hóa", "Vietnam's
    Thai Binh Province"): their People's Committees; every listed name must be a province."""
    found = []
    for pattern, item, anchors, before, after, opening_ones in _PROVINCE_PARTNERS:
        for m in (m for s, e in _around(hits, anchors, before, after) for m in pattern.finditer(text, s, e)):
            items = [(i.start(), i.end()) for i in re.finditer(item, m.group("list"))]
            names = [_PLACE_PREFIX.sub("", m.group("list")[a:b]) for a, b in items]
            # (a foreign province says whose: "tỉnh Hủa Phăn (Lào)")
            places = next((n for n, name in enumerate(names) if fold(name) not in provinces
                           and not _COUNTRY_IN_BRACKETS.match(text, m.start("list") + items[n][1])), len(names))
            if opening_ones:
                items = items[:places]
            if not items or places < len(items):
                continue
            spans = [(m.start("list") + a, m.start("list") + b) for a, b in items]
            if any(taken.overlaps(s, e) for s, e in spans) or _APPOSED.search(text, max(0, spans[0][0] - 30), spans[0][0]):
                continue  # ("do Bệnh viện Chợ Rẫy, Thành phố Hồ Chí Minh hỗ trợ": where the name before is)
            found += [NamedSpan(s, e, text[s:e], "people_committee") for s, e in spans]
    return found


_CAPITALISED_RUN = r"[A-ZÄÖÜ][\w&'’.-]*(?:[ \t]+(?:[A-ZÄÖÜ][\w&'’.-]*|for|of|and|und|de|du|für))*"
_AGENT = re.compile(  # "die von Veterans For America gesponserte Einheit", "funded by Lakeside Trust"
    r"(?<!\w)von[ \t]+(?:(?:der|dem|den)[ \t]+)?(?P<de>" + _CAPITALISED_RUN + r")[ \t]+"
    r"(?:gesponsert|finanziert|unterstützt|gefördert|gespendet|getragen)"
    r"|(?<!\w)(?:funded|sponsored|supported|donated|financed|backed)[ \t]+by[ \t]+(?:the[ \t]+)?(?P<en>"
    + _CAPITALISED_RUN + r")")
_TRAILING_CONNECTOR = re.compile(r"(?:[ \t]+(?:for|of|and|und|de|du|für))+$")


# "Quỹ “Ngành y tế cùng ngư dân bám biển”", "nhóm “Vườn măng cụt”", "Klinik „Eisenmoorbad“": a head and
# the name it has in quotes (whatever its words' case)
# (found from the opening quote, rare, then the head before it: a scan for every head would be slow)
_OPENING_QUOTE = re.compile(r"[“„\"«»](?P<name>[^“”„\"«»\n]{2,60})[”“\"«»]")
_HEAD_BEFORE_QUOTE = re.compile(r"(?<!\w)(?P<head>[Qq]uỹ|[Nn]hóm|[Hh]ội|[Cc]âu lạc bộ|CLB|Verein|Stiftung|Klinik|"
                                r"Klinikum|Krankenhaus|Spital|Hospital|Foundation|Fund|[Gg]roup)[ \t]+$")
_QUOTED_KINDS = {"klinik": "hospital", "klinikum": "hospital", "krankenhaus": "hospital", "spital": "hospital",
                 "hospital": "hospital"}


def _quoted_names(text: str, taken: _Taken) -> list[NamedSpan]:
    """Bodies named in quotes after the head that says what they are.

    >>> [n.surface for n in _quoted_names("các nhà hảo tâm trong nhóm “Vườn măng cụt” đã trao tặng", _Taken())]
    ['nhóm “Vườn măng cụt”']
    """
    found = []
    for m in _OPENING_QUOTE.finditer(text):
        head = _HEAD_BEFORE_QUOTE.search(text, max(0, m.start() - 16), m.start())
        if head is not None and not taken.overlaps(head.start(), m.end()):
            # (the name in quotes alone is the body too: "Klinik „Eisenmoorbad“ … das „Eisenmoorbad“")
            found.append(NamedSpan(head.start(), m.end(), text[head.start():m.end()],
                                   _QUOTED_KINDS.get(head.group("head").lower(), "organisation"),
                                   (m.group("name").strip(),)))
    return found


def _agents(text: str, taken: _Taken, shapes: _Shapes) -> list[NamedSpan]:
    """Names without a head that a passive names as the giver ("von X gesponsert", "funded by X")."""
    if "von " not in text and " by " not in text:
        return []
    agents = []
    for m in _AGENT.finditer(text):
        group = "de" if m.group("de") else "en"
        start = m.start(group)
        name = _TRAILING_CONNECTOR.sub("", m.group(group))
        end = start + len(name)
        first = _fold_word(name.split()[0])
        if taken.overlaps(start, end) or first in shapes.titles or first in shapes.openers \
                or is_nationality(_fold_word(w) for w in name.split()):
            continue  # (nor "by the South Australian hospital": a nationality describes who, it names no one)
        agents.append(NamedSpan(start, end, name, "foreign_body"))
    return agents


_EN_RUN = r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|and|for|&))*"
# "UnityPoint Health partnered with Access TeleCare": a partnership's sides, heads or not; the subject and
# the object are read in passes of their own, so that one verb names both
_PARTNER_SUBJECT = re.compile(
    r"(?<![\w.’'-])(?P<subject>" + _EN_RUN + r")[ \t]+(?:(?:has|have|had|will|recently|also|officially|is|are)[ \t]+)*"
    r"(?:partnered|partners|partnering|affiliating|affiliated|affiliates|teamed[ \t]+up|joined[ \t]+forces|"
    r"joined[ \t]+hands|join[ \t]+hands|collaborated|collaborates|signed|inked|"
    r"(?:has|have|had)[ \t]+an?[ \t]+(?:[a-z-]+[ \t]+){0,2}relationship|"
    r"(?:is|are|has[ \t]+been|have[ \t]+been)[ \t]+working|works)"
    r"[ \t]+(?:with|an?|the)[ \t]")
_PARTNER_OBJECT = re.compile(
    r"(?<!\w)(?:partnered|partnering|partners|partner|partnership|affiliating|affiliated|affiliation|teamed[ \t]+up|"
    r"joined[ \t]+forces|joined[ \t]+hands|"
    r"join[ \t]+hands|collaborat\w*|agreement|memorandum[ \t]+of[ \t]+understanding|MoU|MOU|contract|deal|"
    r"relationship)[ \t]+"
    r"with[ \t]+(?:the[ \t]+)?(?P<object>" + _EN_RUN + r")")
_WORD_AFTER = re.compile(r"[ \t]+(\w)")
_PLACE_BEFORE = re.compile(r"\b(?:in|at)[ \t]+$")


def _owner_of_a_thing(text: str, end: int) -> bool:
    """"with COCHE's vision": a name ending at ``end`` in "'s" before a word in lower case owns that thing."""
    after = _WORD_AFTER.match(text, end)
    return text.endswith(("'s", "’s"), 0, end) and after is not None and after.group(1).islower()


# "her Thai counterpart Wittaya Buranasiri", "Health Minister Nguyen Thi Kim Tien": a person, right after a role
_TITLE_BEFORE = re.compile(r"\b(?:counterpart|[Mm]inister|[Aa]mbassador|[Dd]irector|CEO|[Pp]resident|[Cc]hairman|"
                           r"[Dd]ean|[Ss]ecretary|[Pp]rofessor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)[ \t]+$")
_BASED_AFTER = re.compile(r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?-based\b")
_SENTENCE_STOP = re.compile(r"(?<!\bSt)(?<!\bDr)(?<!\bMt)(?<!\bFt)(?<!\bCo)\w\.[ \t]")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "throughout"})
_NO_PARTNER = frozenset({"it", "they", "we", "he", "she", "this", "that", "these", "both", "in", "on", "at", "by", "since",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                         "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december", "today", "yesterday", "last", "next", "earlier", "later"})


def _new_place(words: list[str]) -> bool:
    """"New York Cancer & Blood Specialists", "New Delhi Hospital": "New" begins a place's name, no adjective."""
    return words[0] == "New" and len(words) > 1 and words[1][:1].isupper()


def _partners_by_verb(text: str, taken: _Taken, shapes: _Shapes, provinces: frozenset[str]) -> list[NamedSpan]:
    """English names without a head that a partnering verb names as its sides: the subject before
    "partnered with", "signed an agreement", the one after "partnered with", "an agreement with".

    >>> [n.surface for n in find_names("UnityPoint Health partnered with Access TeleCare in 2017.")]
    ['UnityPoint Health', 'Access TeleCare']
    """
    if " with " not in text and " signed " not in text and " inked " not in text:
        return []
    found = []
    for m, group in chain(((m, "subject") for m in _PARTNER_SUBJECT.finditer(text)),
                          ((m, "object") for m in _PARTNER_OBJECT.finditer(text))):
        if group == "subject" and _PLACE_BEFORE.search(text, max(0, m.start(group) - 4), m.start(group)):
            continue  # "The Brooklyn Hospital Center in New York City is partnering with …": a place, no side
        if group == "object" and (_BASED_AFTER.match(text, m.end(group)) or _owner_of_a_thing(text, m.end(group))):
            continue  # "with the Durham, N.C.-based Duke Cancer Network": a place, the partner follows it;
            # "in agreement with COCHE's vision": whose vision, no partner
        name = _TRAILING_CONNECTOR.sub("", m.group(group))
        stop = _SENTENCE_STOP.search(name)
        if stop is not None:
            name = name[:stop.start() + 1]  # "… with Sidra Medicine. This MoU …": the name ends with its sentence
        if name.endswith(".") and not name.endswith(("Inc.", "Co.", "Ltd.", "Corp.")):
            name = name[:-1]  # the sentence's full stop
        start = m.start(group)
        words = name.split()
        placed = False  # "In Cameroon World Child Cancer is working with …": where, then who
        while words and (_fold_word(words[0]) in shapes.openers and not _new_place(words)
                         or _fold_word(words[0]) in _NO_PARTNER
                         or placed and len(words) > 2 and _fold_word(words[0]) in place_names(provinces)):
            placed = _fold_word(words[0]) in _PLACE_PREPOSITIONS
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]  # "In 2017 X", "The X": what opens the sentence is no part of the name
        # "Vancouver, Wa.-based PeaceHealth and Seattle Children's partnered": where each sits off, each side a name
        sides: list[list[str]] = []
        side: list[str] = []
        for word in words:
            if word.endswith("-based"):
                side = []
            elif word in ("and", "&") and group == "subject" and side:
                sides.append(side)
                side = []
            else:
                side.append(word)
        sides.append(side)
        for words in sides:
            name = " ".join(words)
            start = text.find(name, start) if words else start
            end = start + len(name)
            folded = " ".join(_fold_word(w) for w in words)
            if not words or len(words) > 6 or start < 0 or taken.overlaps(start, end) \
                    or _TITLE_BEFORE.search(text, max(0, start - 40), start) and not shapes.word_head(_fold_word(words[-1])) \
                    or len(sides) > 1 and any(
                    w.endswith(("'s", "’s")) or shapes.word_head(_fold_word(w)) for w in words) \
                    or _fold_word(words[0]) in shapes.titles or is_nationality(_fold_word(w) for w in words) \
                    or says_no_which(folded, place_names(provinces)) or not words[-1][:1].isupper():
                continue
            found.append(NamedSpan(start, end, name, "organisation"))
            start = end
    return found


# "mit dem Krankenhaus in St. Gallen", "the hospital in Bo": a bare head and its town name a hospital
_PLACED_HEAD = re.compile(r"\b(?:dem|das|des|der|den|die|im|ins|the)[ \t]+(?P<name>(?P<head>Krankenhaus|Krankenhauses|Spital|"
                          r"Spitals|Klinikum|Klinikums|Kantonsspital|Universitätsspital|Universitätsklinikum|Hospital|"
                          r"hospital|[A-ZÄÖÜ][a-zäöüß]+klinik)[ \t]+in[ \t]+(?P<place>(?:St\.[ \t]?|Bad[ \t]+)?[A-ZÄÖÜ][\w-]+"
                          r"(?:[ \t]+(?:am|an[ \t]+der)[ \t]+[A-ZÄÖÜ][\w-]+)?)"
                          # "in Can Tho", "in Ho Chi Minh": a Vietnamese province's further words (kept if it is one)
                          r"(?P<more>(?:[ \t]+[A-Z][a-z]+){0,2}))(?![\w-])")


_PLACED_ANCHORS = ("krankenhaus in ", "krankenhauses in ", "spital in ", "spitals in ", "klinikum in ", "klinikums in ",
                   "hospital in ", "klinik in ")  # ("die Kinderklinik in Kiew")


def _placed_heads(text: str, hits: dict[str, list[int]], taken: _Taken, names: list[NamedSpan],
                  provinces: frozenset[str] = frozenset()) -> list[NamedSpan]:
    """"das Krankenhaus in St. Gallen": a hospital named by its town; the one the article
    has named already when a name of it holds the town ("dem Krankenhaus in Sokodé" after
    "Centre Hospitalier Régional de Sokodé"). A country names no one ("das Spital in Tansania")."""
    found = []
    for m in (m for s, e in _around(hits, _PLACED_ANCHORS, 14, 60) for m in _PLACED_HEAD.finditer(text, s, e)):
        end = m.end("place")
        for cut in range(m.end("more"), m.end("place"), -1):
            if text[cut - 1].isalpha() and (cut == len(text) or not text[cut].isalnum()) \
                    and fold(text[m.start("place"):cut]) in provinces:
                end = cut
                break
        place = fold(text[m.start("place"):end])
        if is_country(place) or taken.overlaps(m.start("name"), end):
            continue
        named = next((n.surface for n in names if n.kind in ("hospital", "institute", "university")
                      and any(f" {place} " in f" {fold(form)} " for form in (n.surface,) + n.aliases)), None)
        found.append(NamedSpan(m.start("name"), end, text[m.start("name"):end], "hospital", (), named))
    return found


# Vietnamese verbs a party does, found in the folded text: a foreign name right before one is a
# party ("Operation Smile Vietnam đã phối hợp với …", "THACO trao tặng …", "Vinamilk ủng hộ …")
_VI_PARTY_VERBS = ("phoi hop", "ky ket", "hop tac", "ho tro", "tai tro", "trao tang", "ung ho", "chuyen giao",
                   "ban giao", "dong hanh",
                   # and an English company's ("Samsung Electronics Vietnam handed over …", "AstraZeneca Vietnam
                   # has partnered with …")
                   "handed over", "donated", "partnered", "has partnered", "funded", "sponsored", "teamed up",
                   "presented")
# (the name opens on its capital, so that the regex engine skips to capitals instead of trying every character)
_SUBJECT_BEFORE = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})[ \t]+"
                             r"(?:(?:đã|đang|sẽ|vừa|cũng|tiếp tục|luôn|has|have|had|will|also|recently)[ \t]+)*$")


def _foreign_subjects(text: str, hits: dict[str, list[int]], taken: _Taken, shapes: _Shapes, provinces,
                      bare_forms: dict[str, str]) -> list[NamedSpan]:
    """Foreign-shaped names (not Vietnamese syllables, or acronyms) that do a Vietnamese
    party's verb: a company, a fund or an NGO named without a head (the one named with a head
    elsewhere, when ``bare_forms`` holds it)."""
    found, mine = [], _Taken()
    for start, end in _around(hits, _VI_PARTY_VERBS, 0, 0):
        if not any(map(str.isupper, text[max(0, start - 30):start])):
            continue  # lower-case words before the verb: no name there (most verbs, cheaply)
        m = _SUBJECT_BEFORE.search(text, max(0, start - 70), start)
        if m is None or taken.overlaps(m.start("name"), m.end("name")) or mine.overlaps(m.start("name"), m.end("name")):
            continue
        words = [t for t in _tokens(text, m.start("name"), m.end("name")) if t.is_word]
        while len(words) > 1 and _VI_SYLLABLE.fullmatch(words[0].key):
            words = words[1:]  # "Hiện Operation Smile Vietnam đang …": the sentence's first word is no part
        before = next(reversed(_tokens(text, max(0, words[0].start - 30), words[0].start)), None) if words else None
        if words and all(t.cap for t in words) and _party_like(words, before, shapes, provinces) \
                and not _VI_SYLLABLE.fullmatch(words[0].key) and not (len(words) == 1 and len(words[0].text) < 3):
            surface = text[words[0].start:words[-1].end]
            found.append(NamedSpan(words[0].start, words[-1].end, surface, "organisation", (), bare_forms.get(surface)))
            mine.add(words[0].start, words[-1].end)
    return found


# "CARE Vietnam", "PATH Deutschland-Luxemburg": an acronym and the country(ies) it works in
# (the character class first, the look-behind checked after: a leading look-behind slows the scan six-fold)
_ACRONYM_AND_PLACE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{2,7}[ \t]+[A-ZÄÖÜĐ][\w]*(?:[ \t-]+[A-ZÄÖÜĐ][\w]*){0,3}")


# "Ärzte ohne Grenzen", "Engineers Without Borders", "Médecins Sans Frontières": a body named by
# its members and the borders it ignores, with no head word
_WITHOUT_BORDERS = re.compile(r"(?<![\w-])(?!(?:Die|Der|Das|The|Organisation|Organization)\s)[A-ZÄÖÜÉ][\w'’-]+(?: (?:[A-ZÄÖÜ][\w'’-]+|für|for|de|du))*"
                              r" (?:ohne Grenzen|[Ww]ithout [Bb]orders|[Ss]ans [Ff]ronti[eè]res)\b")


def _without_borders(text: str, taken: _Taken) -> list[NamedSpan]:
    """Bodies named "X ohne Grenzen", "X Without Borders", "X Sans Frontières".

    >>> [n.surface for n in _without_borders("Die Klinikpartnerschaft zwischen Ingenieure ohne Grenzen und KANHOF", _Taken())]
    ['Ingenieure ohne Grenzen']
    """
    if "renzen" not in text and "orders" not in text and "ronti" not in text:
        return []
    return [NamedSpan(m.start(), m.end(), m.group(), "foreign_body", ()) for m in _WITHOUT_BORDERS.finditer(text)
            if not taken.overlaps(m.start(), m.end())]


_LOWER_GOVERNMENT = re.compile(r"(?<![\w-])(?:government|embassy|ministry of health) of (?:the )?"
                               r"(?P<country>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2})")


def _governments_in_lower_case(text: str, taken: _Taken, shapes: _Shapes) -> list[NamedSpan]:
    """"the government of Japan will extend a grant": a country's government written in lower case.

    >>> [n.surface for n in _governments_in_lower_case("Then the government of Japan will help.", _Taken(), _shapes())]
    ['government of Japan']
    """
    if " of " not in text:
        return []
    return [NamedSpan(m.start(), m.end(), m.group(), "foreign_body") for m in _LOWER_GOVERNMENT.finditer(text)
            if fold(m.group("country")) in shapes.countries and not taken.overlaps(m.start(), m.end())]


_CITY_GOVERNMENT = re.compile(r"(?:(?P<before>[\w-]+)[ \t]+)?(?:die|der|den)[ \t]+(?P<name>Stadt[ \t]+[A-ZÄÖÜ][\w-]+)(?![\w-])")
_NOT_A_CITY_GOVERNMENT = frozenset({"in", "aus", "nach", "von", "vom", "zur", "zum", "bei", "an", "auf", "durch"})


def _city_governments(text: str, taken: _Taken) -> list[NamedSpan]:
    """"die Stadt Würzburg weitet die Unterstützung aus", "mit der Stadt Vinnytsia": a city named as one
    who acts is its government (not "in der Stadt Eger", a place, nor "Kliniken der Stadt Köln", a name).

    >>> [n.surface for n in _city_governments("Die DAHW und die Stadt Würzburg helfen in der Stadt Lviv.", _Taken())]
    ['Stadt Würzburg']
    """
    if "Stadt " not in text:
        return []
    found = []
    for m in _CITY_GOVERNMENT.finditer(text):
        before = (m.group("before") or "").lower()
        if before in _NOT_A_CITY_GOVERNMENT or before.endswith(("klinikum", "kliniken", "krankenhaus", "spital")) \
                or taken.overlaps(m.start("name"), m.end("name")):
            continue
        found.append(NamedSpan(m.start("name"), m.end("name"), m.group("name"), "foreign_body"))
    return found


def _country_branches(text: str, taken: _Taken, shapes: _Shapes) -> list[NamedSpan]:
    """An organisation's branch named by its acronym and the country or countries it serves
    ("von CARE Vietnam, CARE Deutschland-Luxemburg und der KfW"), unless the acronym is a plain
    abbreviation ("vốn ODA Nhật Bản", "USD").

    >>> [n.surface for n in _country_branches("unterstützt von CARE Deutschland-Luxemburg und Partnern.", _Taken(), _shapes())]
    ['CARE Deutschland-Luxemburg']
    """
    found = []
    for m in _ACRONYM_AND_PLACE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            continue  # inside a word ("ABCDE" of "xABCDE"), or a hyphenated one
        acronym, _, tail = m.group().partition(" ")
        if acronym.lower() in shapes.plain_acronyms or taken.overlaps(m.start(), m.end()):
            continue
        words = list(re.finditer(r"[^\s-]+", tail))
        for n in range(len(words), 0, -1):  # the longest run of words that names countries only
            countries = tail[:words[n - 1].end()].split("-")
            if all(fold(c.strip()) in shapes.countries for c in countries):
                end = m.start() + len(acronym) + 1 + words[n - 1].end()
                found.append(NamedSpan(m.start(), end, text[m.start():end], "organisation", ()))
                break
    return found


# "a donation from Samsung Vietnam", "nhận tài trợ từ Pfizer Việt Nam": a company's branch after the word
# that marks a giver or a partner (found from the country, rare, then the words before it)
_IN_VIETNAM = re.compile(r"(?<=[ \t])(?:Vietnam|Viet Nam|Việt Nam)(?![\w-])")
_BRANCH_MARKERS = frozenset({"from", "by", "of", "with", "and", "von", "mit", "từ", "của", "với", "và"})


def _vietnam_branches(text: str, taken: _Taken, places: frozenset[str]) -> list[NamedSpan]:
    """Companies and bodies named by their brand and "Vietnam", after "from", "by", "with", "từ",
    "của", … ("received 10 ventilators from Samsung Vietnam"); not a place ("from Central Vietnam",
    "từ Hà Nội Việt Nam").

    >>> [n.surface for n in _vietnam_branches("a donation of ventilators from Samsung Vietnam.", _Taken(),
    ...                                       frozenset({"ha noi", "hanoi"}))]
    ['Samsung Vietnam']
    >>> _vietnam_branches("doctors from Central Vietnam and from Hanoi Vietnam", _Taken(), frozenset({"ha noi", "hanoi"}))
    []
    """
    found = []
    for country in _IN_VIETNAM.finditer(text):
        window = max(0, country.start() - 48)
        words = text[window:country.start()].split(" ")[:-1]  # the words before the country, its space off
        # one or two capitalised words, right after a marker
        n = next((n for n in (1, 2) if len(words) > n and words[-n - 1].lower().lstrip("(") in _BRANCH_MARKERS
                  and all(w[:1].isupper() for w in words[-n:])), None)
        alias = _BRACKETED_ALIAS.match(text, country.end())
        if n is None and alias:
            # "Doosan Enerbility Vietnam (Doosan Vina)": a branch with its short name in brackets
            n = next((n for n in (3, 2, 1) if len(words) >= n and all(w[:1].isupper() for w in words[-n:])
                      and not is_country(fold(words[-n])) and not words[-n].endswith(("'s", "’s"))), None)
        if n is None:
            continue
        start = country.start() - 1 - len(" ".join(words[-n:]))
        brand = fold(text[start:country.start() - 1])
        if brand in _PLACE_WORDS or is_country(brand) or brand in places or taken.overlaps(start, country.end()):
            continue
        found.append(NamedSpan(start, country.end(), text[start:country.end()], "company",
                               (alias.group().strip(" \t()"),) if alias else ()))
    return found


_BRACKETED_ALIAS = re.compile(r"[ \t]*\([A-Z][\w-]*(?:[ \t][A-Z][\w-]*){0,2}\)")


_PLACE_WORDS = frozenset({"central", "north", "south", "northern", "southern", "east", "west", "rural", "urban",
                          "mien trung", "mien bac", "mien nam", "all", "across"})


# "das USZ", "des USB", "the WHO": a determiner before a short capital word makes it a name
# (and an acronym with a small letter inside, "die SHfS": three capitals at least; the capitals first: rare, so
# cheap to find)
_SHORT_CAPITALS = re.compile(r"[A-ZÄÖÜ](?:[A-ZÄÖÜ0-9]{1,5}|(?:[a-z]?[A-ZÄÖÜ]){2,4}[a-z]?)(?![\w-])")
_DETERMINER_BEFORE = re.compile(r"(?:^|[^\w-])(?:[Dd](?:as|es|em|er|ie|en)|[Tt]he|[Vv]om|[Bb]eim|[Zz]um)[ \t]+$")
# what a determined acronym needs, looser (one class first, so one fast scan): most texts have none
_DETERMINED_CAPITALS = re.compile(r"(?:[DdTt](?:as|es|em|er|ie|en|he)|[Vv]om|[Bb]eim|[Zz]um)[ \t]+\n?"
                                  + _SHORT_CAPITALS.pattern)


# "Kooperation mit (dem) Landeskrankenhaus", "zwischen Kreiskrankenhaus Saarburg und (dem) Herzzentrum": a German
# compound head alone in a partner's place is the one body of that kind the article speaks of
_PARTNER_BY_KIND = re.compile(
    r"(?:(?:Kooperation|Zusammenarbeit|Partnerschaft|Kooperationsvertrag|kooperiert|kooperieren|arbeitet|arbeiten)"
    r"[ \t]+(?:\w+[ \t]+){0,3}?mit|zwischen[ \t]+[^.,;:\n]{3,60}?[ \t]und)[ \t]+(?:dem[ \t]+|der[ \t]+|den[ \t]+)?"
    r"(?P<name>[A-ZÄÖÜ][a-zäöüß]{2,}(?:klinikum|krankenhaus|herzzentrum|spital|uniklinik|universitätsklinikum))\b"
    r"(?![ \t]+[A-ZÄÖÜ])")


def _partners_by_their_kind(text: str, taken: _Taken) -> list[NamedSpan]:
    """A compound head alone where a cooperation names its partner ("startet Kooperation mit
    Landeskrankenhaus"): the body of that kind the article speaks of."""
    if "mit" not in text and "zwischen" not in text:
        return []
    return [NamedSpan(m.start("name"), m.end("name"), m.group("name"), "hospital", ())
            for m in _PARTNER_BY_KIND.finditer(text) if not taken.overlaps(m.start("name"), m.end("name"))]


def _determined_acronyms(text: str, taken: _Taken, shapes: _Shapes, defined: set[str]
                         ) -> list[NamedSpan]:
    """Short capital words a determiner names ("Das HDZ unterstützt …"), unless they are
    plain abbreviations (MoU, ICU, CT), countries, inside a name already read or defined
    by one ("Universitätsmedizin Greifswald (UMG)")."""
    if not _DETERMINED_CAPITALS.search(text):
        return []
    found, seen = [], set()
    for m in _SHORT_CAPITALS.finditer(text):
        word = m.group()
        key = word.lower()
        if (m.start() and text[m.start() - 1].isalnum()) or not _DETERMINER_BEFORE.search(text, max(0, m.start() - 5),
                                                                                          m.start()):
            continue
        if key in shapes.plain_acronyms or key in shapes.countries or key in seen or word in defined \
                or taken.overlaps(m.start(), m.start() + 1):
            continue
        region = _REGION_AFTER.match(text, m.end())
        if region and f"({word}{region.group()})" in text:
            word = word + region.group()  # "das HDZ NRW", after "… Diabeteszentrum NRW (HDZ NRW)": the whole acronym
        if _UNIT_OR_PLACE_AFTER.match(text, m.end()):
            continue  # "the HCM City’s goal", "the GI ward": a place or a unit's subject, no body
        seen.add(key)
        found.append(NamedSpan(m.start(), m.start() + len(word), word, "organisation", (word,)))
    return found


_REGION_AFTER = re.compile(r"[ \t][A-ZÄÖÜ]{2,5}(?![\w-])")


_UNIT_OR_PLACE_AFTER = re.compile(r"[ \t]+(?:City|city|Province|province|ward|wards|department|unit|team|station|"
                                  r"region|regions|Region|area|Stadt|Provinz|Station|Abteilung)\b")


_SEAT = re.compile(r"\s+in\s+([A-ZÄÖÜ][^\W\d_]+(?:[-\s][A-ZÄÖÜ][^\W\d_]+)?)(?=\s*[,.;:)]|\s*$|\s+(?:and|und)\s|"
                   r"\s+[a-zäöü])")


_VI_SEAT = re.compile(r"[ \t]+tại[ \t]+(?:TP\.?[ \t]*|thành phố[ \t]+)?[A-ZĐÀ-Ỹ][^\W\d_]*(?:[ \t]+[A-ZĐ][^\W\d_]*){0,3}")


_DESCRIBED_BEFORE = re.compile(r"(?<![\w-])(?:(?:städtisch|stadtisch|regional|klinisch|national|medizinisch|psychiatrisch|"
                               r"psychoneurologisch|evangelisch|katholisch|kommunal|zentral|allgemein|universitär)"
                               r"(?:e|en|er|es|em)[ \t]+)+$")


def _with_seat(text: str, name: NamedSpan) -> NamedSpan:
    """"Staatliche Universität für Medizin und Pharmazie in Chișinău", "Tổng Lãnh sự quán
    Australia tại TP. Hồ Chí Minh": the seat after a name is part of how the organisation is
    called; kept as another form."""
    if name.kind == "foreign_body" and (seat := _VI_SEAT.match(text, name.end)):
        return NamedSpan(name.start, name.end, name.surface, name.kind,
                         name.aliases + (f"{name.surface} {seat.group().strip()}",), name.acronym_of)
    if name.kind not in ("hospital", "university", "institute", "foreign_body") or name.surface[:1].islower():
        return name
    described = _DESCRIBED_BEFORE.search(text, max(0, name.start - 80), name.start)
    if described is not None:  # "dem regionalen klinischen Krankenhaus Iwano-Frankiwsk": how the text calls it
        name = replace(name, aliases=name.aliases + (described.group().strip() + " " + name.surface,))
    seat = _SEAT.match(text, name.end)
    if seat is None:
        return name
    return NamedSpan(name.start, name.end, name.surface, name.kind, name.aliases + (f"{name.surface} in {seat.group(1)}",),
                     name.acronym_of)


# one Vietnamese syllable, folded: a word that is not one is foreign ("Pfizer", "AstraZeneca", "FPT")
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
_COORDINATORS = frozenset({"and", "und", "va", "&", "with", "mit", "voi", "cung"})
_WITH = frozenset({"with", "mit", "voi"})


_COORDINATOR_AFTER = re.compile(r"[ \t]+(?:and|und|va|&|with|mit|voi|cung)[ \t]+")  # within the line
# "X and the University of Y": an article may stand between the coordinator and the name
_COORDINATOR_BEFORE = re.compile(r"(?:[ \t]+(?:and|und|va|&|with|mit|voi|cung)|[ \t]+(?:and|und|&)[ \t]+(?:the|der|die|das|dem|den))[ \t]+$")
_COORDINATOR_WORDS = tuple(f" {w} " for w in ("and", "und", "va", "&", "with", "mit", "voi", "cung"))
_COORDINATOR_OR_ARTICLE = _COORDINATOR_WORDS + (" the ", " der ", " die ", " das ", " dem ", " den ")
_WITH_AFTER = re.compile(r"(?:\)|[ \t]*\([^()]{1,12}\))?[ \t]+(?:with|mit|voi)[ \t]+")  # "MoU (…) with X", "(MoU) with X"


def _with_coordinated(text, key, found: list[NamedSpan], shapes: _Shapes, provinces,
                      known: dict[int, int]) -> list[NamedSpan]:
    """Add the headless names coordinated with a name, found here or ``known`` ("Pfizer Việt
    Nam và Bệnh viện Bạch Mai", "AstraZeneca Vietnam and Cho Ray Hospital") or named as the
    partner after a cooperation word ("an agreement with Dignity Health")."""
    names = sorted({(n.start, n.end) for n in found} | set(known.items()))
    if not names:
        return found
    candidates = []  # (tokens of a window, index of the run's first token, index after it)
    def after(match):  # the run after a coordinator or "agreement with": tokens from the connecting word on
        tokens = _tokens(text, match.end() - len(match.group().lstrip()), _line_window(text, match.end(),
                                                                                        match.end(), 80)[1])
        first = next((k for k, t in enumerate(tokens) if t.start >= match.end()), len(tokens))
        return tokens, *_run_after(tokens, first)

    starts, ends = {s for s, _ in names}, {e for _, e in names}
    for start, end in names:
        if key.startswith(_COORDINATOR_WORDS, end) and (m := _COORDINATOR_AFTER.match(key, end)) \
                and m.end() not in starts and text[end:m.end()].strip() != "&":  # "A và B": B is a name already
            # (not "Jiangyin Mould & Plastic": an ampersand joins one company's name)
            candidates.append(after(m))
        if key.endswith(_COORDINATOR_OR_ARTICLE, 0, start) \
                and (m := _COORDINATOR_BEFORE.search(key, max(0, start - 11), start)) \
                and m.start() not in ends:
            tokens = _tokens(text, _line_window(text, m.start(), m.start(), 80)[0], m.end())
            last = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].end <= m.start()), -1)
            candidates.append((tokens, *_run_before(tokens, last)))
    for _, end in shapes.party_markers.find(key):
        if m := _WITH_AFTER.match(key, end):
            candidates.append(after(m))
    covered = _Taken(names)
    added = []
    for tokens, a, b in candidates:
        if a >= b:
            continue
        words = tokens[a:b]
        start, end = words[0].start, words[-1].end
        if covered.overlaps(start, end) or _owner_of_a_thing(text, end) or _from_follows(tokens, b):
            continue  # "in agreement with COCHE's vision": whose vision, no partner; "and Anna Berg from …": a person
        if not _party_like(words, tokens[a - 1] if a else None, shapes, provinces):
            continue
        covered.add(start, end)
        added.append(_named(text, tokens, a, b, "company", ()))
    return sorted(found + added, key=lambda n: n.start) if added else found


def _run_after(tokens, k) -> tuple[int, int]:
    # "with Denver-based Mile High Health", "with the Durham, N.C.-based Duke Cancer Network": where it sits
    based = next((m for m in range(k + 1, min(k + 10, len(tokens))) if tokens[m].text == "based"
                  and tokens[m - 1].text == "-"), None)
    if based is not None and all(t.text in (",", ".", "-", "the") or t.cap for t in tokens[k:based - 1]):
        k = based + 1
    m = k
    while m < len(tokens) and m - k < 5 and (tokens[m].is_word and tokens[m].text[:1].isupper()
                                             or m > k and tokens[m].text in _INNER_WORDS and m + 1 < len(tokens)
                                             and tokens[m + 1].is_word and tokens[m + 1].text[:1].isupper()):
        m += 1  # "with Facing the World": a small word between capitals
    return k, m


_INNER_WORDS = frozenset({"the", "of", "for", "without", "de", "du", "des"})


def _run_before(tokens, k) -> tuple[int, int]:
    m = k
    while m >= 0 and k - m < 5 and tokens[m].is_word and tokens[m].text[:1].isupper():
        m -= 1
    return m + 1, k + 1


def _party_like(words, before, shapes: _Shapes, provinces) -> bool:
    """A party, not a person, a place or a sentence's first word: foreign-shaped (not a
    Vietnamese syllable) or an acronym, not after a title, not a place name."""
    first = words[0]
    if first.key in shapes.openers or first.key in shapes.titles or first.key in shapes.surnames \
            or len(words) == 1 and (first.key in shapes.plain_acronyms  # "với tổng kinh phí 5 triệu USD"
                                    or shapes.word_head(first.key)):  # "die Klinik und Poliklinik für …": a head alone
        return False
    if before is not None and (before.key in shapes.titles or before.key in shapes.openers - _WITH
                               and before.key not in ("the", "der", "die", "das", "dem", "den", "and")):
        return False
    if " ".join(w.key for w in words) in place_names(provinces) or is_nationality(w.key for w in words):
        return False  # "ties with Burundi", "and the Ugandan": a place or a people, not a partner
    return first.acronym and len(first.text) >= 3 or not _VI_SYLLABLE.fullmatch(first.key.replace(" ", ""))


_VI_DESCRIPTOR_HEADS = ("tổ chức ", "quỹ ", "công ty ", "tập đoàn ", "hiệp hội ", "hội ")


def _bare_form(name: NamedSpan) -> tuple[str, ...]:
    """"Tổ chức Operation Smile Vietnam" is also called "Operation Smile Vietnam": the foreign
    name after a Vietnamese head that only says what kind of body it is."""
    lower = name.surface.lower()
    head = next((h for h in _VI_DESCRIPTOR_HEADS if lower.startswith(h)), None)
    if head is None:
        return ()
    rest = name.surface[len(head):].strip()
    words = rest.split()
    if not words or not words[0][:1].isupper() or _VI_SYLLABLE.fullmatch(_fold_word(words[0])):
        return ()
    return (rest,)


def _bare_compound_heads(names: list[NamedSpan]) -> dict[str, NamedSpan]:
    """"Bundeswehrkrankenhaus" for "Bundeswehrkrankenhaus Hamburg": a name's first word, a
    compound head, stands for the name when no other name of the text starts with it."""
    shapes = _shapes()
    by_word: dict[str, set[str]] = {}
    first_named: dict[str, NamedSpan] = {}
    for name in names:
        word, _, rest = name.surface.partition(" ")
        key = _fold_word(word)
        if rest and word[:1].isupper() and len(word) >= 10 and (key,) not in shapes.head_words \
                and "-" not in word and shapes.word_head(key) is not None:
            by_word.setdefault(word, set()).add(name.surface)
            first_named.setdefault(word, name)
    return {word: first_named[word] for word, surfaces in by_word.items() if len(surfaces) == 1}


def _acronyms(text: str, names: list[NamedSpan]) -> list[NamedSpan]:
    """Each defined acronym, each foreign name a Vietnamese head introduced ("Tổ chức
    Operation Smile Vietnam") and each name's compound head (:func:`_bare_compound_heads`),
    standing alone elsewhere in the text."""
    defined: dict[str, NamedSpan] = {}
    for name in names:  # the first name an acronym was defined for
        for alias in name.aliases + _bare_form(name):
            if " " not in alias or alias in _bare_form(name):
                defined.setdefault(alias, name)
    for word, name in _bare_compound_heads(names).items():
        defined.setdefault(word, name)
    if not defined:
        return []
    covered = _Taken((n.start, n.end) for n in names)
    pattern = re.compile(r"(?<![\w(])(?:" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True)))
                         + r")(?![\w)])")
    return [NamedSpan(m.start(), m.end(), m.group(), defined[m.group()].kind, (),
                      defined[m.group()].acronym_of or defined[m.group()].surface)
            for m in pattern.finditer(text) if not covered.overlaps(m.start(), m.start() + 1)]
