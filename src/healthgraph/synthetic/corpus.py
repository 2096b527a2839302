"""``synth_corpus``: a synthetic :class:`~healthgraph.model.Corpus` built directly, without text.

For backend benchmarks at hundreds of thousands of partnerships, where writing and
extracting articles would take hours.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from ..model import Corpus, Document, Evidence, Partnership, TechniqueTransfer
from . import templates
from .phrasing import years_later
from .world import SCENARIO_WEIGHTS, World, choose_cast

# the article scenarios that state one partnership each (a programme article states two)
_KINDS = ["agreement", "supported", "transfer", "satellite", "support", "department"]


def synth_corpus(partnerships: int, hospitals: int | None = None, seed: int = 0,
                 world: World | None = None) -> Corpus:
    """Return a synthetic :class:`Corpus` of ``partnerships`` facts (no article text), for benchmarks.

    Partnerships follow the article generator's mix (agreements, support, transfers with
    one to three techniques, satellites); each has its own source document, so none
    merge away. Hospitals default to one per 20 partnerships (numbered general
    hospitals extend the world beyond the gazetteer's provinces).

    Examples
    --------
    >>> c = synth_corpus(50, hospitals=30)
    >>> len(c.partnerships)
    50
    """
    hospitals = hospitals or max(30, partnerships // 20)
    world = world or World(hospitals=hospitals, seed=seed)
    rng = random.Random(f"corpus:{seed}:{partnerships}:{hospitals}")
    corpus = Corpus()
    for org in world.hospitals:
        corpus.add_organisation(org.to_model())
    kind_weights = [SCENARIO_WEIGHTS[k] for k in _KINDS]
    base = date(2013, 1, 1)
    for i in range(partnerships):
        scenario = rng.choices(_KINDS, kind_weights)[0]
        cast = choose_cast(world, scenario, rng)
        a, b = cast["A"], cast["B"]
        for org in (a, b):
            if org.key not in corpus.organisations:
                corpus.add_organisation(org.to_model())
        doc = f"syn{seed}-c{i:07d}"
        signed_day = base + timedelta(days=rng.randrange(0, 12 * 365))
        signed = signed_day.isoformat()
        sentence = templates.language("vi")["evidence"].format(A=a.vi[0], B=b.vi[0])
        evidence = Evidence(document=doc, sentence=sentence, language="vi", source="synthetic")
        kind = "agreement" if scenario in ("supported", "department") else scenario
        supporter = None if scenario == "agreement" else a.key
        p = Partnership(parties=(a.key, b.key), kind=kind, evidence=evidence, supporter=supporter, signed_on=signed,
                        valid_to=years_later(signed_day, rng.choice([1, 3, 5])).isoformat())
        corpus.partnerships[p.id] = p
        corpus.documents[doc] = Document(id=doc, text="", language="vi", source="synthetic")
        if kind == "transfer":
            for c in rng.sample(world.techniques, min(len(world.techniques), rng.randrange(1, 4))):
                t = TechniqueTransfer(name=c["vi"][0], evidence=evidence, source=a.key, recipient=b.key,
                                      en=c.get("en"), concept=c["id"], date=signed)
                corpus.techniques[t.id] = t
    return corpus
