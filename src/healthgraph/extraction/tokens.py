"""Word tokens of a normalised text and phrase matching over them.

Matching runs on the *token string*: the folded words of the text joined by single
spaces, so that "TP.HCM", "TP. Hồ Chí Minh" and "tp hcm" are all ``tp hcm``. Each match
maps back to a character span of the original text. The stages read every document for
many sets of phrases and words: :data:`DOCUMENT_PHRASES` and :data:`DOCUMENT_KEY` find all
of them in one Aho-Corasick pass over its token string and one over its folded key.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from operator import itemgetter
from typing import Any, Generic, Iterable, Iterator, Mapping, Sequence, TypeVar

import ahocorasick

from ..text import ASCII_LETTERS
from .normalise import canonical_abbreviations, fold_same_length, matching_key

# a word is folded letters and digits; the few letters with no base letter ("ß" in "schließen") are
# letters too, written in ASCII in the word ("schliessen"), so that a German word stays one word
_WORD = re.compile(r"[a-z0-9ßæœøłþı]+")
_LINK = re.compile(r"(?:https?://|www\.)\S+")
_WORD_SPLIT = re.compile(r"([a-z0-9ßæœøłþı]+)")
_OTHER_LETTERS = re.compile(r"[ßæœøłþı]")


@dataclass
class TokenText:
    """A text with its folded words: word ``i`` is the text from ``char_starts[i]`` to
    ``char_ends[i]`` and ``joined`` the folded words separated by single spaces (``starts[i]``
    is where word ``i`` begins in ``joined``)."""

    text: str
    char_starts: list[int] = field(default_factory=list)
    char_ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    joined: str = ""
    starts: list[int] = field(default_factory=list)
    key: str = ""

    @classmethod
    def of(cls, text: str) -> "TokenText":
        key = matching_key(text)
        # one split gives gaps and words in turn, and their offsets by summing lengths: no
        # match object per word, and no span tuple per word either
        pieces = _WORD_SPLIT.split(key)
        words = pieces[1::2]
        if _OTHER_LETTERS.search(key):
            words = [word.translate(ASCII_LETTERS) for word in words]
        offsets = list(accumulate(map(len, pieces), initial=0))
        starts = list(accumulate([len(w) + 1 for w in words[:-1]], initial=0)) if words else []
        return cls(text, offsets[1:-1:2], offsets[2::2], words, " ".join(words), starts, key)

    @cached_property
    def padded(self) -> str:
        """``joined`` between two spaces, where a phrase padded with spaces matches whole words only."""
        return f" {self.joined} "

    @cached_property
    def in_links(self) -> frozenset[int]:
        """The words that are parts of web addresses ("https://site.vn/benh-vien-ky-ket-…"): a
        link's slug is no sentence, its words no cues."""
        if "http" not in self.text and "www." not in self.text:
            return frozenset()
        inside: set[int] = set()
        for link in _LINK.finditer(self.text):
            first = bisect_left(self.char_starts, link.start())
            inside.update(range(first, bisect_left(self.char_starts, link.end(), first)))
        return frozenset(inside)

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of words ``[i, j)``."""
        return self.char_starts[i], self.char_ends[j - 1]

    def written(self, i: int) -> str:
        """Word ``i`` as written, in lower case (its marks kept: "đã", not the folded "da")."""
        return self.text[self.char_starts[i]:self.char_ends[i]].lower()

    def word_at(self, char_pos: int) -> int:
        """Index of the first word starting at or after ``char_pos``."""
        return bisect_left(self.char_starts, char_pos)


class WordSets:
    """Several sets of words looked for in one Aho-Corasick pass: a pass over a document costs
    about as much for many words as for few, so the sets one document needs are found together.
    Each set maps its words to values; a word may stand in several sets.

    Examples
    --------
    >>> WordSets([{"ky thuat": "T"}, {"hop tac": "C", "ky": "K"}]).find("hop tac ky thuat")
    [[(8, 'T')], [(0, 'C'), (8, 'K')]]
    """

    def __init__(self, sets: Sequence[Mapping[str, object]]):
        where: dict[str, list[tuple[int, object]]] = {}  # word -> (set, value) of each set holding it
        for index, words in enumerate(sets):
            for word, value in words.items():
                if word:
                    where.setdefault(word, []).append((index, value))
        self._count = len(sets)
        self._automaton = ahocorasick.Automaton()
        for word, entries in where.items():
            self._automaton.add_word(word, (len(word), tuple(entries)))
        self._empty = not where
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[list[tuple[int, Any]]]:
        """Per set, ``(start, value)`` of every occurrence of its words in ``text``, in the order they end."""
        found: list[list[tuple[int, Any]]] = [[] for _ in range(self._count)]
        if self._empty:
            return found
        for last, (length, entries) in self._automaton.iter(text):
            start = last - length + 1
            for index, value in entries:
                found[index].append((start, value))
        return found


class SharedScan:
    """The word sets of several readers, looked for together: each reader adds its set once
    (a module-level matcher), then asks what a text holds of it; the first to ask about a text
    scans it for every set in one pass (see :class:`WordSets`), the others read what that pass
    found (kept for the last few texts).

    Examples
    --------
    >>> scan = SharedScan()
    >>> techniques, agreements = scan.add({"ky thuat": "T"}), scan.add({"hop tac": "C"})
    >>> scan.find("hop tac ky thuat", techniques), scan.find("hop tac ky thuat", agreements)
    ([(8, 'T')], [(0, 'C')])
    """

    _KEPT = 4  # texts whose findings are kept: a document's, and a few names read between two of its readers

    def __init__(self) -> None:
        self._sets: list[Mapping[str, object]] = []
        self._words: WordSets | None = None  # for all the sets; made again when one is added
        self._found: dict[str, list[list[tuple[int, Any]]]] = {}  # text -> what it holds, per set
        self._lock = threading.Lock()

    def add(self, words: Mapping[str, object]) -> int:
        """Add a set of words (mapped to values) to look for; returns its number for :meth:`find`."""
        with self._lock:
            self._sets.append(words)
            self._words = None
            return len(self._sets) - 1

    def find(self, text: str, number: int) -> list[tuple[int, Any]]:
        """``(start, value)`` of every occurrence in ``text`` of a word of set ``number``, in the order they end."""
        found = self._found.get(text)
        if found is None or number >= len(found):  # not scanned yet, or before the set was added
            with self._lock:
                if self._words is None:
                    self._words = WordSets(self._sets)
                words = self._words
            found = words.find(text)
            with self._lock:
                self._found[text] = found
                if len(self._found) > self._KEPT:
                    del self._found[next(iter(self._found))]
        return found[number]


# what every document's token string (padded with spaces) and folded key are read for
DOCUMENT_PHRASES = SharedScan()
DOCUMENT_KEY = SharedScan()


V = TypeVar("V")  # what a phrase stands for


class PhraseMatcher(Generic[V]):
    """Whole-word, longest-first matching of many folded phrases (Aho-Corasick), alone or in
    a ``scan`` shared with other readers of the same texts (:data:`DOCUMENT_PHRASES`).

    Examples
    --------
    >>> m = PhraseMatcher([("lai chau", "P1"), ("lao cai", "P2")])
    >>> [(i, j, v) for i, j, v in m.find(TokenText.of("BVĐK tỉnh Lai Châu và Lào Cai"))]
    [(2, 4, 'P1'), (5, 7, 'P2')]
    """

    def __init__(self, phrases: Iterable[tuple[str, V]], scan: SharedScan | None = None):
        values: dict[str, list[V]] = {}
        for phrase, value in phrases:
            key = " ".join(_WORD.findall(fold_same_length(canonical_abbreviations(phrase)))).translate(ASCII_LETTERS)
            if key:
                values.setdefault(key, [])
                if value not in values[key]:
                    values[key].append(value)
        self._scan = scan or SharedScan()
        # padded with spaces, a phrase can only match whole words of the padded text
        self._number = self._scan.add({f" {key} ": (key.count(" ") + 1, vals) for key, vals in values.items()})

    def find(self, tokens: TokenText, overlapping: bool = False) -> Iterator[tuple[int, int, V]]:
        """Yield ``(first word, end word, value)``; without ``overlapping`` the longest
        match wins and matches do not overlap. A phrase with several values yields the first."""
        for i, j, values in self.find_all(tokens, overlapping):
            yield i, j, values[0]

    def find_all(self, tokens: TokenText, overlapping: bool = False) -> Iterator[tuple[int, int, list[V]]]:
        return _in_words(tokens, self._scan.find(tokens.padded, self._number), overlapping)


def _in_words(tokens: TokenText, hits: list[tuple[int, tuple[int, list[V]]]], overlapping: bool
              ) -> Iterator[tuple[int, int, list[V]]]:
    """``(first word, end word, values)`` of the phrases found at ``(start, (words, values))`` in the
    padded token string: all of them by position, or the longest of overlapping ones."""
    starts = tokens.starts
    spans = []
    for start, (n_words, values) in hits:
        i = bisect_left(starts, start)  # where its leading space stands in " joined ", the phrase starts in joined
        spans.append((i, i + n_words, values))
    if overlapping:
        yield from sorted(spans, key=itemgetter(0, 1))
        return
    spans.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    last_end = -1
    for i, j, values in spans:
        if i >= last_end:
            yield i, j, values
            last_end = j
