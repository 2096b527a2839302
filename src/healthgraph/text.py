"""Unicode helpers for Vietnamese text: NFC, tone-mark placement, ASCII folding, slugs.

Vietnamese has two conventions for where the tone mark sits in the vowel clusters
``oa, oe, uy`` ("hoà" old style vs "hòa" new style). Both, and NFD-decomposed input,
must compare equal, so matching happens on :func:`fold` keys: no diacritics, ``đ``→``d``,
lower case, punctuation as single spaces.
"""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})

# A final cluster "oa", "oe", "uy" carries its tone on the first vowel in the spelling the
# gazetteer uses ("Hòa", "Thủy"); the other style puts it on the second ("Hoà", "Thuỷ").
_TONE_MOVES = {}
for _base, _vowels in (("o", "ae"), ("u", "y")):
    for _tone in "\u0300\u0301\u0303\u0309\u0323":
        for _cap_base in (_base, _base.upper()):
            for _v in _vowels + _vowels.upper():
                second_marked = unicodedata.normalize("NFC", _cap_base + _v + _tone)
                first_marked = unicodedata.normalize("NFC", _cap_base + _tone + _v)
                _TONE_MOVES[second_marked] = first_marked


def _pairs_regex(pairs) -> re.Pattern:
    """A regex for two-letter vowel clusters ending a word, as one character class per first letter (fast)."""
    by_first: dict[str, set[str]] = {}
    for pair in pairs:
        by_first.setdefault(pair[0], set()).add(pair[1])
    # after "q" the "u" belongs to the consonant: "Quỹ" and "quý" keep their tone on the "y"
    # (looked behind for only once the first letter has matched: three times faster)
    return re.compile("(?:" + "|".join(f"{re.escape(first)}(?<![qQ]{re.escape(first)})[{''.join(sorted(seconds))}]"
                                       for first, seconds in by_first.items()) + r")(?!\w)")


_TONE_RE = _pairs_regex(_TONE_MOVES)


def nfc(text: str) -> str:
    """Return ``text`` in NFC with old-style tone marks moved to the new position.

    Examples
    --------
    >>> nfc("Thanh Hoá") == "Thanh Hóa"
    True
    >>> nfc("hoàn") == "hoàn"
    True
    >>> nfc("Quỹ") == "Quỹ"
    True
    """
    text = unicodedata.normalize("NFC", text)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(0)], text) if _TONE_RE.search(text) else text


_OLD_STYLE = {first: second for second, first in _TONE_MOVES.items()}
_OLD_STYLE_RE = _pairs_regex(_OLD_STYLE)


def old_tone_marks(text: str) -> str:
    """Write final ``oa, oe, uy`` in the other tone-mark style ("Hòa" -> "Hoà"); :func:`nfc` undoes it.

    Examples
    --------
    >>> old_tone_marks("Khánh Hòa")
    'Khánh Hoà'
    >>> nfc(old_tone_marks("Thanh Hóa")) == "Thanh Hóa"
    True
    """
    return _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group(0)], text)


def strip_marks(text: str) -> str:
    """Remove every diacritic and map đ→d, keeping case and punctuation."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Return the matching key of ``text``: no diacritics, lower case, words joined by one space.

    Examples
    --------
    >>> fold("Bệnh viện Đa khoa tỉnh Lai Châu")
    'benh vien da khoa tinh lai chau'
    >>> fold("Sở Y tế TP.HCM")
    'so y te tp hcm'
    """
    return _SPACES.sub(" ", _NON_WORD.sub(" ", strip_marks(text).lower())).strip()


# letters that have no base letter to fold to, written in ASCII
ASCII_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "þ": "th", "ı": "i"})


def slug(text: str) -> str:
    """Return an ASCII kebab-case slug, e.g. ``slug("Lào Cai") == "lao-cai"``.

    >>> slug("Universitätsklinikum Gießen-Marburg")
    'universitatsklinikum-giessen-marburg'
    """
    ascii_key = fold(text).translate(ASCII_LETTERS).encode("ascii", "ignore").decode()
    return "-".join(ascii_key.split())
