"""Word tokens of a normalised text and phrase matching over them.

Matching runs on the *token string*: the folded words of the text joined by single
spaces, so that "TP.HCM", "TP. Hồ Chí Minh" and "tp hcm" are all ``tp hcm``. Each match
maps back to a character span of the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Iterable, Iterator

import ahocorasick

from .normalise import canonical_abbreviations, fold_same_length, matching_key

_WORD = re.compile(r"[a-z0-9]+")
_WORD_SPLIT = re.compile(r"([a-z0-9]+)")


@dataclass
class TokenText:
    """A text with its folded words: ``spans[i]`` is the character span of word ``i`` and
    ``joined`` the folded words separated by single spaces (``starts[i]`` is where word
    ``i`` begins in ``joined``)."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    joined: str = ""
    starts: list[int] = field(default_factory=list)
    char_starts: list[int] = field(default_factory=list)
    key: str = ""

    @classmethod
    def of(cls, text: str) -> "TokenText":
        key = matching_key(text)
        # one split gives gaps and words in turn, and their offsets by summing lengths: no
        # match object per word
        pieces = _WORD_SPLIT.split(key)
        words = pieces[1::2]
        offsets = list(accumulate(map(len, pieces), initial=0))
        char_starts = offsets[1:-1:2]
        spans = list(zip(char_starts, offsets[2::2]))
        starts = list(accumulate([len(w) + 1 for w in words[:-1]], initial=0)) if words else []
        return cls(text, spans, words, " ".join(words), starts, char_starts, key)

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of words ``[i, j)``."""
        return self.spans[i][0], self.spans[j - 1][1]

    def word_at(self, char_pos: int) -> int:
        """Index of the first word starting at or after ``char_pos``."""
        return bisect_left(self.char_starts, char_pos)


class PhraseMatcher:
    """Whole-word, longest-first matching of many folded phrases (Aho-Corasick).

    Examples
    --------
    >>> m = PhraseMatcher([("lai chau", "P1"), ("lao cai", "P2")])
    >>> [(i, j, v) for i, j, v in m.find(TokenText.of("BVĐK tỉnh Lai Châu và Lào Cai"))]
    [(2, 4, 'P1'), (5, 7, 'P2')]
    """

    def __init__(self, phrases: Iterable[tuple[str, object]]):
        self._automaton = ahocorasick.Automaton()
        values: dict[str, list] = {}
        for phrase, value in phrases:
            key = " ".join(_WORD.findall(fold_same_length(canonical_abbreviations(phrase))))
            if key:
                values.setdefault(key, [])
                if value not in values[key]:
                    values[key].append(value)
        for key, vals in values.items():
            # padded with spaces, a phrase can only match whole words of the padded text
            self._automaton.add_word(f" {key} ", (len(key) + 2, key.count(" ") + 1, vals))
        self._empty = not values
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, tokens: TokenText, overlapping: bool = False) -> Iterator[tuple[int, int, object]]:
        """Yield ``(first word, end word, value)``; without ``overlapping`` the longest
        match wins and matches do not overlap. A phrase with several values yields the first."""
        for i, j, values in self.find_all(tokens, overlapping):
            yield i, j, values[0]

    def find_all(self, tokens: TokenText, overlapping: bool = False) -> Iterator[tuple[int, int, list]]:
        if self._empty or not tokens.joined:
            return
        starts = tokens.starts
        hits = []
        for end, (length, n_words, values) in self._automaton.iter(f" {tokens.joined} "):
            i = bisect_left(starts, end - length + 1)  # the phrase starts after its leading space
            hits.append((i, i + n_words, values))
        if overlapping:
            yield from sorted(hits, key=lambda h: (h[0], h[1]))
            return
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last_end = -1
        for i, j, values in hits:
            if i >= last_end:
                yield i, j, values
                last_end = j
