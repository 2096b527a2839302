"""Stage 1: normalise text and build its matching key.

The key is the text folded character by character (no diacritics, ``đ``→``d``, lower
case) with exactly the same length, so that a cue found in the key at ``[i:j]`` is the
text at ``[i:j]``: patterns stay ASCII and work on NFD input, old tone marks and
ASCII-only Vietnamese alike, while names keep their original spelling.
"""
from __future__ import annotations

import re
import unicodedata

from ..text import nfc

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# runs of spaces and every other space character (a single plain space needs no replacing;
# a run starts with its first character, so no position is tried twice)
_SPACES = re.compile(r" [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
                     r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*")
# what _SPACES needs besides two plain spaces in a row: most texts have neither, and a class is
# found faster than the alternation above, which is tried at every character
_OTHER_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_TERMINAL = tuple(".!?:;…\"”»)]")
_METADATA_LINE = re.compile(r"^\s*(\d{1,2}[:/.]\d{1,2}|ngày|lượt xem|ngày đăng|nguồn|quelle|source|tác giả|đăng bởi)",
                            re.I)
# a form's field on a line of its own ("UK Partner X", "Developing Country Partner Y", "Partner: Z", "Contact …"):
# no wrapped paragraph line. The partner fields' labels (their words before, then the label) are read again by
# extraction, which pairs what they name
FIELD_LABEL_WORDS = r"^(?:[A-Z][\w-]*[ \t]+){0,3}?"
PARTNER_LABEL = r"(?:Partners?|Partner[ \t]+(?:Hospitals?|Institutions?|Organi[sz]ations?))"
_FIELD_LINE = re.compile(FIELD_LABEL_WORDS + r"(?:" + PARTNER_LABEL + r"|Contact|Fields? of work|Đối tác)\b:?[ \t]+\S")
# a caption's credit ends its line: "… — Photo courtesy of Samsung Viet Nam", "(Ảnh: Minh Anh)", "Foto: KNA"
_CREDIT_END = re.compile(r"(?<!\w)(?:photo courtesy of|(?:photo|ảnh|foto|bild|credit)\s*:)\s*[^.!?:]{1,60}$", re.I)


def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


# str.translate with a table indexed by code point (a string, twice as fast as a dict) folds a
# 4 KB article in microseconds; characters past its end stay as they are
_FOLD_TABLE = "".join(_fold_char(chr(cp)) for cp in range(0x2000))


def fold_same_length(text: str) -> str:
    """Fold ``text`` one character at a time (no diacritics, lower case), keeping its length.

    Examples
    --------
    >>> fold_same_length("Sở Y tế Đắk Nông")
    'so y te dak nong'
    """
    return text.translate(_FOLD_TABLE)


# the "T" is matched before anything is looked behind for: a leading \b is tried at every character
_CENTRAL = re.compile(r"T(?<!\wT)(?:\.\s?[ƯUW]|Ư)\b")


def canonical_abbreviations(text: str) -> str:
    """Write the abbreviation of "trung ương" (central) one way: T.Ư, T.U, TƯ, T.W → TW.

    Examples
    --------
    >>> canonical_abbreviations("Bệnh viện Phong - Da liễu T.Ư Quy Hòa")
    'Bệnh viện Phong - Da liễu TW Quy Hòa'
    """
    return _CENTRAL.sub("TW", text)


def matching_key(text: str) -> str:
    """The folded text with "T.Ư"-style abbreviations read as "tw", keeping the length.

    Examples
    --------
    >>> matching_key("BV Da liễu T.Ư Quy Hòa")
    'bv da lieu tw  quy hoa'
    """
    key = fold_same_length(text)
    if "T" not in text:
        return key
    for m in _CENTRAL.finditer(text):
        key = key[:m.start()] + "tw".ljust(m.end() - m.start()) + key[m.end():]
    return key


def join_wrapped_lines(text: str) -> str:
    """Undo hard line wrapping inside paragraphs (common in pasted articles).

    A line is joined to the next when it does not end a sentence and either the next
    line starts in lower case or the line is long enough to be a wrapped paragraph line and
    the next is no longer than it. Short lines (titles, captions, metadata) and a headline
    above its one-line paragraph stay on their own.
    """
    lines = text.split("\n")
    out: list[str] = []
    previous_length = 0
    for line in lines:
        stripped = line.strip()
        if out and stripped and out[-1]:
            prev = out[-1]
            starts_lower = stripped[0].islower()
            # a wrapped line is about as long as the one before it: a headline followed by its
            # one-line paragraph is no wrapped paragraph
            wrapped = previous_length >= 60 and len(stripped) <= previous_length + 12 \
                and not _METADATA_LINE.match(stripped)
            # ("Quỹ A (TVF), Công ty B (TMV)\nphối hợp với …": a bracket closes no sentence before a lower-case line)
            continues = (not prev.endswith(_TERMINAL) or prev.endswith(":")
                         or starts_lower and prev.endswith((")", "]"))) \
                and not _CREDIT_END.search(prev, max(0, len(prev) - 80))  # "các kỹ thuật:\n a, b"
            if continues and (starts_lower or wrapped and not prev.endswith(":")) \
                    and not (_FIELD_LINE.match(stripped) or _FIELD_LINE.match(prev)):
                out[-1] = prev + " " + stripped
                previous_length = len(stripped)
                continue
        out.append(stripped)
        previous_length = len(stripped)
    return "\n".join(out)


# a page store that lost a line break or a space: "… KrankenhausreformDas Asklepios …" (a headline run into
# its article), "… nach Schlaganfällen.Die Klinik …" (two sentences run together)
_GLUED_HEADLINE = re.compile(r"(?<=[a-zäöüß]{3})(?=(?:Das|Die|Der) [A-ZÄÖÜ])")
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ỹäöüß]{2}[.!?])(?=[A-ZÀ-ỸĐÄÖÜ][a-zà-ỹäöüß])")


def normalise(text: str) -> str:
    """Return NFC text with unified tone marks, no invisible characters, single spaces,
    unwrapped paragraph lines, and what a page store ran together set apart.

    Examples
    --------
    >>> normalise("Bệnh viện Trung ương Huế\\nký kết   hợp tác với BV Hoà Bình")
    'Bệnh viện Trung ương Huế ký kết hợp tác với BV Hòa Bình'
    >>> normalise("Neue KrankenhausreformDas Klinikum wächst.Die Stadt hilft.")
    'Neue Krankenhausreform\\nDas Klinikum wächst. Die Stadt hilft.'
    """
    text = nfc(_INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
    if "  " in text or _OTHER_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    text = _GLUED_SENTENCE.sub(" ", _GLUED_HEADLINE.sub("\n", text))
    return join_wrapped_lines(text).strip()
