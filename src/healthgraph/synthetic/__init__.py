"""Synthetic corpora with a known answer key, to measure extraction and scale on any size.

:func:`synth` writes ``N`` news-style articles about hospital cooperation (mostly
Vietnamese, some German and English) over a world of ``M`` hospitals, plus ``gold.jsonl``:
one answer-key case per article in the format of the shared gold annotations (``id``,
``orgs`` with ``key/names/kind/province/tier``, ``partnerships`` with
``parties/supporter/kind``, ``techniques`` with ``name/en/from/to``, ``negative``), so that
``score.py --gold DIR/gold.jsonl --texts DIR`` scores an extractor on it.

Names come from the gazetteer (provinces, named central hospitals, ministries,
universities) and the lexicons (techniques, specialties); the phrasing varies a lot:
titles, date styles, bylines and page boilerplate, hard line breaks in mid-sentence,
abbreviations (BV, BVĐK, SYT, UBND, TW), ASCII-folded, NFD and old-tone-mark spellings,
German machine-translation style, and negative articles (visits, inspections, requests,
awards, conferences) where two organisations are co-mentioned without any agreement.

:func:`synth_corpus` builds the same kind of world directly as a :class:`~healthgraph.model.Corpus`
(no text), for backend benchmarks at hundreds of thousands of partnerships, with real gaps
planted in it (:func:`planted_gaps`).

Everything is deterministic for a given seed: article ``i`` depends only on the seed, the
world size and ``i``, so a bigger corpus starts with the articles of a smaller one.

The modules, in the order an article is made:

- :mod:`.world`: the organisations and their names; who an article is about.
- :mod:`.templates`: the sentences, as data in ``templates/*.json``.
- :mod:`.phrasing`: people, dates, province names, lists.
- :mod:`.articles`: one article and its answer-key case (:func:`write_article`, :func:`iter_articles`).
- :mod:`.variants`: the spelling variants of a whole article.
- :mod:`.folder`: :func:`synth`, a corpus folder; :mod:`.corpus`: :func:`synth_corpus`.
"""
from __future__ import annotations

from .articles import DEFAULT_LANGUAGE_WEIGHTS, LANGUAGES, iter_articles, write_article
from .corpus import Gaps, planted_gaps, synth_corpus
from .folder import synth
from .variants import VARIANT_RATES
from .world import SCENARIO_WEIGHTS, SynthOrg, World

__all__ = ["DEFAULT_LANGUAGE_WEIGHTS", "LANGUAGES", "SCENARIO_WEIGHTS", "VARIANT_RATES", "Gaps", "SynthOrg", "World",
           "iter_articles", "planted_gaps", "synth", "synth_corpus", "write_article"]
