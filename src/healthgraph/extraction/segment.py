"""Stage 2: split a normalised document into sentences with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A dot after these does not end a sentence ("TP. Hồ Chí Minh", "PGS.TS", "Nr. 2").
_ABBREVIATIONS = {
    "tp", "tx", "gs", "pgs", "ts", "ths", "bs", "bsck", "cki", "ckii", "ck", "dr", "nr", "prof", "st", "mr", "mrs",
    "ms", "no", "vs", "p", "q", "tt", "qd", "nd", "dd", "kts", "ks", "cn", "bsnt", "bv", "byt", "syt", "ubnd", "t",
    "u", "v", "ltd", "co", "inc", "llc", "jr", "etc", "bzw", "z", "b", "ca", "ggf", "u.a", "ing", "med", "dipl",
}
# a sentence end before a capital (or a German quote's „ before it), with a space or, in text pasted without one, a lower-case
# letter, a digit or a currency before the stop ("on July 17.Seongnam will provide …", "Việt Nam.Tại lễ",
# "500.975 USD.Đại sứ", not "TP.Huế")
# (the stop is matched, not looked behind for: a lookbehind is tried at every character; and the
# pattern opens on one character class, which the regex engine skips to, not on an alternation
# that it would try at every character)
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<!\n)(?:(?P<gap>[\"”»“)]?\s+)(?=[\"“«(„‚‹]?[A-ZÀ-Ỹ0-9Đ])"
                       r"|(?:(?<=[a-zà-ỹđ0-9][.!?])|(?<=[A-Z]{3}\.))(?P<pasted>)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ]{2})))")
_LEGAL_FORMS = {"inc", "ltd", "co", "llc", "corp"}
# news-style abbreviations of US states, which a place in brackets ends on
_US_STATES = {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
              "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va",
              "wash", "wis", "wyo", "wa"}
# words that open a sentence, not a name: after "Inc." they end the one before
_OPENER_AHEAD = re.compile(r"(?:In|The|He|She|It|This|They|We|Its|Their|According|However|Die|Der|Das|Im|Er|Sie|Es)\b")
# "vom 27. Oktober 2025": a day number before a month name ends no sentence
_MONTH_AHEAD = re.compile(r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                          r"Dezember|January|February|March|June|July|October|December)\b")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` at sentence ends and line breaks, keeping offsets into ``text``.

    Examples
    --------
    >>> [s.text for s in split_sentences("Sở Y tế TP. Hồ Chí Minh ký kết. Hai bên thống nhất.")]
    ['Sở Y tế TP. Hồ Chí Minh ký kết.', 'Hai bên thống nhất.']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start(match.lastgroup) if match.lastgroup else match.start()  # the sentence keeps its stop
        if match.lastgroup and not text.startswith("\n", end):  # a line break always ends a sentence
            last = _word_before_dot(text, max(start, end - 40), end)
            word = last.lstrip("([{\"“'«")  # "(TP. Hồ Chí Minh)"
            abbreviation = word.lower().rsplit(".", 1)[-1]
            # (an initial is a capital: "J. Smith"; "đồng ý." ends its sentence)
            if last and (abbreviation in _ABBREVIATIONS or len(word) == 1 and word.isupper()) and not (
                    abbreviation in _LEGAL_FORMS and _OPENER_AHEAD.match(text, match.end())):
                continue  # "TP. Hồ Chí Minh", but "… of Infinivan Inc. In his statement, …" ends there
            if word.isdigit() and len(word) <= 2 and _MONTH_AHEAD.match(text, match.end()):
                continue
            if last.startswith("(") and word.lower() in _US_STATES and word[:1].isupper():
                continue  # "Cookeville (Tenn.) Regional Medical Center", "Cookeville (Tenn. Regional …"
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _word_before_dot(text: str, start: int, end: int) -> str:
    """The word (no space, no dot) that ends ``text[start:end]`` on a dot, "" if none: the part of
    the stretch after its last space or dot (found from the right, not by a pattern tried at
    every character)."""
    before = text[start:end - 1]
    if text[end - 1] != "." or not before or before[-1].isspace() or before[-1] == ".":
        return ""
    return before.rsplit(None, 1)[-1].rpartition(".")[2]


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))
