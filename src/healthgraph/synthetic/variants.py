"""Whole-article spelling variants a scraped corpus has, and the gold names to match them.

Vietnamese articles may be ASCII-folded (no diacritics), use the old tone-mark placement
("hoà" for "hòa"), be NFD-decomposed, or write "Bệnh viện đa khoa" in lower case; any
article may be hard-wrapped in mid-sentence.
"""
from __future__ import annotations

import random
import textwrap
import unicodedata

from ..text import old_tone_marks, strip_marks

# Probability of each variant for one article.
VARIANT_RATES = {"ascii": 0.04, "old_tones": 0.15, "nfd": 0.03, "wrapped": 0.12, "lowercase_heads": 0.15}


def spell(text: str, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """``text`` with the variants drawn for it, and their names."""
    variants = []
    if lang == "vi":
        if rng.random() < VARIANT_RATES["lowercase_heads"]:
            variants.append("lowercase_heads")
            text = text.replace("Bệnh viện Đa khoa", "Bệnh viện đa khoa").replace(". Bệnh viện đa khoa", ". Bệnh viện Đa khoa")
        if rng.random() < VARIANT_RATES["ascii"]:
            variants.append("ascii")
            text = strip_marks(text)
        elif rng.random() < VARIANT_RATES["old_tones"]:
            variants.append("old_tones")
            text = old_tone_marks(text)
    if rng.random() < VARIANT_RATES["wrapped"]:
        variants.append("wrapped")
        width = rng.randrange(70, 90)
        text = "\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False) if len(p) > width else p
                         for p in text.split("\n")) + "\n"
    if lang == "vi" and "ascii" not in variants and rng.random() < VARIANT_RATES["nfd"]:
        variants.append("nfd")
        text = unicodedata.normalize("NFD", text)
    return text, variants


def respell(name: str, variants: list[str]) -> str:
    """The name as it appears in an article with ``variants`` (gold names stay NFC and unwrapped)."""
    if "lowercase_heads" in variants:
        name = name.replace("Bệnh viện Đa khoa", "Bệnh viện đa khoa")
    if "ascii" in variants:
        return strip_marks(name)
    if "old_tones" in variants:
        return old_tone_marks(name)
    return name
