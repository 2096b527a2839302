"""``synth_corpus``: a synthetic :class:`~healthgraph.model.Corpus` built directly, without text.

For backend benchmarks at hundreds of thousands of partnerships, where writing and
extracting articles would take hours.
"""
from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import date, timedelta

from ..gazetteer import load_gazetteer
from ..model import Corpus, Document, Evidence, Partnership, TechniqueTransfer
from . import templates
from .phrasing import years_later
from .world import SCENARIO_WEIGHTS, SynthOrg, World, _general_hospital, choose_cast

# the article scenarios that state one partnership each (a programme article states two)
_KINDS = ["agreement", "supported", "transfer", "satellite", "support", "department"]


SOLE_SUPPORTED_PER = 5_000  # partnerships per planted single-supporter hospital (at least one)


@dataclass
class Gaps:
    """The gaps :func:`synth_corpus` plants: hospitals whose support all comes from one supporter
    (``sole_supporter``: hospital id -> supporter id) and post-2025 provinces where no organisation
    is a central hospital or supported by one (``uncovered``: province ids)."""

    sole_supporter: dict[str, str]
    uncovered: list[str]


def planted_gaps(partnerships: int, hospitals: int | None = None, seed: int = 0,
                 world: World | None = None) -> Gaps:
    """The gaps :func:`synth_corpus` plants with the same arguments (the answer key of the
    single-points-of-failure and coverage-gaps queries)."""
    return _plan(partnerships, seed, world or World(hospitals=_hospitals(partnerships, hospitals), seed=seed))[0]


def _hospitals(partnerships: int, hospitals: int | None) -> int:
    return hospitals or max(30, partnerships // 20)


def _plan(partnerships: int, seed: int, world: World) -> tuple[Gaps, World, list[tuple[str, SynthOrg, SynthOrg]]]:
    """The gaps, the world the other partnerships are drawn from (without the uncovered
    province's organisations), and the planted partnerships as (kind, supporter or party, recipient)."""
    rng = random.Random(f"gaps:{seed}:{partnerships}")
    gazetteer = load_gazetteer()
    post = {p.id: getattr(gazetteer.province_2025(p.id), "id", p.id) for p in world.provinces}  # pre- -> post-2025
    # covered whatever the draw: where a central hospital, a city or an organisation of another kind is
    covered = {post[o.province.id] for o in [*world.centrals, *world.others] if o.province and o.province.id in post}
    covered |= {post[p.id] for p in world.provinces if p.type == "city"}
    plain = [p for p in world.provinces if post[p.id] not in covered]
    rest = copy.copy(world)
    planted: list[tuple[str, SynthOrg, SynthOrg]] = []
    uncovered: list[str] = []
    if plain and world.provincials:
        gap = rng.choice(sorted({post[p.id] for p in plain}))
        uncovered.append(gap)
        rest.provincials = [o for o in world.provincials if o.province is None or post[o.province.id] != gap]
        rest.provinces = [p for p in world.provinces if post[p.id] != gap]
        member = next(p for p in plain if post[p.id] == gap)
        partner = rng.choice(rest.provincials or rest.centrals)
        planted.append(("agreement", _general_hospital(member), partner))  # between equals: no support
    sole: dict[str, str] = {}
    homes = [p for p in rest.provinces if p.type != "city"] or rest.provinces
    for i in range(max(1, partnerships // SOLE_SUPPORTED_PER)):
        # a numbered general hospital far beyond those of the world: no other partnership names it
        hospital = _general_hospital(rng.choice(homes), 10_000 + i)
        supporter = rng.choice(world.centrals)
        sole[hospital.key] = supporter.key
        planted.append(("support", supporter, hospital))
    return Gaps(sole, uncovered), rest, planted


def synth_corpus(partnerships: int, hospitals: int | None = None, seed: int = 0,
                 world: World | None = None) -> Corpus:
    """Return a synthetic :class:`Corpus` of ``partnerships`` facts (no article text), for benchmarks.

    Partnerships follow the article generator's mix (agreements, support, transfers with
    one to three techniques, satellites); each has its own source document, so none
    merge away. Hospitals default to one per 20 partnerships (numbered general
    hospitals extend the world beyond the gazetteer's provinces).

    Real gaps are planted among them (:func:`planted_gaps`): a post-2025 province whose
    only organisation has a partner between equals and no central support, and one
    hospital per 5,000 partnerships supported by a single central hospital, so that the
    single-points-of-failure and coverage-gaps queries return rows at every size (a small
    corpus can have more by chance: a hospital the draw gave one supporter).

    Examples
    --------
    >>> c = synth_corpus(50, hospitals=30)
    >>> len(c.partnerships)
    50
    """
    hospitals = _hospitals(partnerships, hospitals)
    _, drawn_from, planted = _plan(partnerships, seed, world or World(hospitals=hospitals, seed=seed))
    rng = random.Random(f"corpus:{seed}:{partnerships}:{hospitals}")
    corpus = Corpus()
    for org in drawn_from.hospitals:
        corpus.add_organisation(org.to_model())
    kind_weights = [SCENARIO_WEIGHTS[k] for k in _KINDS]
    base = date(2013, 1, 1)
    for i in range(partnerships):
        if i < len(planted):
            scenario, a, b = planted[i]
        else:
            scenario = rng.choices(_KINDS, kind_weights)[0]
            cast = choose_cast(drawn_from, scenario, rng)
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
            for c in rng.sample(drawn_from.techniques, min(len(drawn_from.techniques), rng.randrange(1, 4))):
                t = TechniqueTransfer(name=c["vi"][0], evidence=evidence, source=a.key, recipient=b.key,
                                      en=c.get("en"), concept=c["id"], date=signed)
                corpus.techniques[t.id] = t
    return corpus
