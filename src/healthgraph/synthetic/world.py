"""The synthetic world: its organisations, their names in three languages, and who an article is about.

A :class:`World` holds hospitals (the gazetteer's central ones, then provincial general
and specialty hospitals), the health departments and people's committees of every
province, universities and foreign bodies, and the Ministry of Health. :func:`choose_cast`
chooses the organisations of one article (or one partnership of
:func:`~healthgraph.synthetic.synth_corpus`) for a scenario.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..errors import HealthgraphError
from ..gazetteer import Gazetteer, KnownOrganisation, Province, load_concepts, load_gazetteer
from ..model import Organisation
from ..text import fold, strip_marks
from . import templates

# How often each kind of article is written; negatives are the visits, inspections,
# requests and awards that co-mention two organisations without any agreement.
SCENARIO_WEIGHTS = {
    "agreement": 14, "supported": 18, "transfer": 18, "satellite": 9, "support": 6,
    "department": 12, "programme_transfer": 5, "negative": 18,
}


@dataclass
class SynthOrg:
    """An organisation of the synthetic world with its surface forms per language.

    ``de`` holds German variants as dicts with ``gender`` (m/f/n) and the name after a
    definite article in ``nom``/``dat``/``gen`` (machine-translated articles decline
    "das Allgemeine Krankenhaus", "dem Allgemeinen Krankenhaus").
    """

    key: str
    kind: str
    tier: str | None
    province: Province | None
    vi: list[str]
    vi_abbr: list[str] = field(default_factory=list)
    vi_short: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    de: list[dict[str, str]] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)  # "Bệnh viện Đa khoa tỉnh": only with one such org

    @property
    def province_name(self) -> str | None:
        return self.province.name if self.province is not None else None

    @property
    def home(self) -> Province:
        """The province of an organisation made for one (provincial hospitals and authorities)."""
        if self.province is None:
            raise HealthgraphError(f"synth: {self.key} has no province")
        return self.province

    def to_model(self) -> Organisation:
        return Organisation(id=self.key, name=self.vi[0], kind=self.kind, tier=self.tier,
                            province=self.province.id if self.province is not None else None,
                            names={"en": self.en[0], "de": self.de[0]["nom"]} if self.en and self.de else {},
                            mentions=list(self.vi[:1]))


def _de(nom: str, dat: str | None = None, gen: str | None = None, gender: str = "n") -> dict[str, str]:
    return {"nom": nom, "dat": dat or nom, "gen": gen or nom, "gender": gender}


def _de_invariant(name: str) -> dict[str, str]:
    """A German name that only changes in the genitive of "...krankenhaus"/"...amt"."""
    gen = name + "es" if name.endswith(("krankenhaus", "Krankenhaus", "amt")) else name
    gender = "f" if name.split()[0] in {"Universität", "Medizinische", "Hochschule", "Klinik"} else "n"
    return _de(name, name, gen, gender)


def _province_en(province: Province) -> str:
    return province.names.get("en") or strip_marks(province.name)


def _where(province: Province) -> str:
    return "thành phố" if province.type == "city" else "tỉnh"


def _general_hospital(province: Province, number: int = 1) -> SynthOrg:
    p, pe, where = province.name, _province_en(province), _where(province)
    suffix = f" số {number}" if number > 1 else ""
    en_suffix, de_suffix = (f" No. {number}", f" Nr. {number}") if number > 1 else ("", "")
    head = "Bệnh viện Đa khoa"
    return SynthOrg(
        key=f"bvdk-{province.id}" + (f"-{number}" if number > 1 else ""),
        kind="hospital", tier="provincial", province=province,
        vi=[f"{head} {where} {p}{suffix}", f"Bệnh viện đa khoa {where} {p}{suffix}"],
        vi_abbr=[f"BVĐK {where} {p}{suffix}", f"BV Đa khoa {where} {p}{suffix}", f"BVĐK {p}{suffix}"],
        en=[f"{pe} General Hospital{en_suffix}", f"{pe} Provincial General Hospital{en_suffix}",
            f"General Hospital{en_suffix} of {pe} Province"],
        de=[_de(f"{pe} General Hospital{de_suffix}"),
            _de(f"Allgemeine Krankenhaus{de_suffix} der Provinz {pe}", f"Allgemeinen Krankenhaus{de_suffix} der Provinz {pe}",
                f"Allgemeinen Krankenhauses{de_suffix} der Provinz {pe}"),
            _de(f"Provinzkrankenhaus {pe}{de_suffix}", gen=f"Provinzkrankenhauses {pe}{de_suffix}")],
        bare=[f"{head} {where}", f"BVĐK {where}"] if number == 1 else [],
    )


def _specialty_hospital(province: Province, spec: templates.SpecialtyHospital) -> SynthOrg:
    head, de = spec["vi"], spec["de"]
    p, pe, where = province.name, _province_en(province), _where(province)
    declined = {case: name.format(P=pe) for case, name in de.items() if case != "gender"}
    return SynthOrg(
        key=f"{spec['key_prefix']}-{province.id}", kind="hospital", tier="provincial", province=province,
        vi=[f"{head} {where} {p}"], vi_abbr=[f"BV {head[len('Bệnh viện '):]} {where} {p}"],
        en=[spec["en"].format(P=pe)],
        de=[_de(declined["nom"], declined.get("dat"), declined.get("gen"), de["gender"])],
    )


def _department(province: Province) -> SynthOrg:
    p, pe = province.name, _province_en(province)
    where = _where(province)
    vi = [f"Sở Y tế {where} {p}", f"Sở Y tế {p}"]
    abbr = [f"SYT {p}", f"SYT {where} {p}"]
    if province.type == "city":  # "Sở Y tế TP.HCM", "Sở Y tế TP. Hồ Chí Minh"
        vi += [f"Sở Y tế {a}" for a in province.aliases if a.startswith("TP")][:2] or [f"Sở Y tế TP. {p}"]
    return SynthOrg(
        key=f"syt-{province.id}", kind="health_department", tier=None, province=province,
        vi=vi, vi_abbr=abbr,
        en=[f"{pe} Department of Health", f"Department of Health of {pe}"],
        de=[_de(f"Gesundheitsamt der Provinz {pe}", gen=f"Gesundheitsamtes der Provinz {pe}"),
            _de(f"Gesundheitsbehörde von {pe}", gender="f")],
    )


def _committee(province: Province) -> SynthOrg:
    p, pe, where = province.name, _province_en(province), _where(province)
    return SynthOrg(
        key=f"ubnd-{province.id}", kind="people_committee", tier=None, province=province,
        vi=[f"Ủy ban nhân dân {where} {p}", f"UBND {where} {p}"], vi_abbr=[f"UBND {where} {p}", f"UBND {p}"],
        en=[f"{pe} People's Committee", f"People's Committee of {pe}"],
        de=[_de(f"Volkskomitee der Provinz {pe}", gen=f"Volkskomitees der Provinz {pe}")],
    )


_VI_HEADS = ("Bệnh viện", "Viện", "Trường", "Đại học", "Học viện", "Bộ", "Sở", "Trung tâm", "Tập đoàn", "Công ty")


def _from_gazetteer(org: KnownOrganisation, gazetteer: Gazetteer) -> SynthOrg:
    """A named organisation of the gazetteer with abbreviated forms derived from its name."""
    vi = [org.name] + [a for a in org.aliases if a.startswith(_VI_HEADS) and a != org.name][:2]
    abbr = [a for a in org.aliases if a.startswith(("BV", "ĐH", "BYT", "SYT"))]
    for full, short in (("Bệnh viện Trung ương", "BVTW"), ("Trung ương", "TW"), ("Trung ương", "T.Ư"),
                        ("Bệnh viện", "BV")):
        if full in org.name:
            form = org.name.replace(full, short, 1)
            if form not in abbr:
                abbr.append(form)
    english: str | None = org.names.get("en")
    en = [english] if english else [a for a in org.aliases if a.isascii()][:1]
    de_names = [org.names.get("de") or (en[0] if en else strip_marks(org.name))]
    de_names += [a for a in org.aliases if "krankenhaus" in a.lower() and a not in de_names][:1]
    return SynthOrg(key=org.id, kind=org.kind, tier=org.tier, province=gazetteer.province(org.province),
                    vi=vi, vi_abbr=abbr[:3], vi_short=list(org.short[:1]), en=en or [strip_marks(org.name)],
                    de=[_de_invariant(n) for n in de_names] + ([_de(en[0])] if en and en[0] not in de_names else []))


class World:
    """The organisations and terms a synthetic corpus talks about.

    Parameters
    ----------
    hospitals : int
        How many hospitals: the gazetteer's central hospitals (at most a fifth of them),
        then one general hospital per province, then provincial specialty hospitals, then
        numbered general hospitals ("số 2") until there are enough.
    seed : int
    gazetteer : Gazetteer, optional
    techniques, specialties : list of dict, optional
        Concepts as returned by :func:`healthgraph.gazetteer.load_concepts`.
    """

    def __init__(self, hospitals: int = 100, seed: int = 0, gazetteer: Gazetteer | None = None,
                 techniques: list[dict] | None = None, specialties: list[dict] | None = None):
        if hospitals < 2:
            raise HealthgraphError(f"synth needs at least 2 hospitals, got {hospitals}")
        g = gazetteer or load_gazetteer()
        rng = random.Random(f"world:{seed}:{hospitals}")
        self.techniques = techniques if techniques is not None else load_concepts("techniques")
        self.specialties = specialties if specialties is not None else load_concepts("specialties")
        provinces = sorted((p for p in g.provinces.values() if p.era == "pre2025"), key=lambda p: p.id)
        if not provinces or not self.techniques or not self.specialties:
            raise HealthgraphError("synth needs the gazetteer's provinces and the technique/specialty lexicons")
        known = sorted(g.organisations.values(), key=lambda o: o.id)
        # core hospitals: central ones and the named city end-line hospitals and institutes
        centrals = [_from_gazetteer(o, g) for o in known if o.kind in ("hospital", "institute")
                    and o.tier in ("central", "provincial") and o.province]
        rng.shuffle(centrals)
        n_central = max(1, min(len(centrals), hospitals // 5)) if centrals else 0
        self.centrals = sorted(centrals[:n_central], key=lambda o: o.key)
        self.provincials: list[SynthOrg] = []
        plain = [p for p in provinces if p.type != "city"] or provinces
        need = hospitals - len(self.centrals)
        waves = [[_general_hospital(p) for p in plain]]
        waves.append([_specialty_hospital(p, spec) for p in plain for spec in templates.specialty_hospitals()])
        number = 2
        while sum(map(len, waves)) < need:
            waves.append([_general_hospital(p, number) for p in plain])
            number += 1
        for wave in waves:
            rng.shuffle(wave)
            self.provincials.extend(wave[: need - len(self.provincials)])
            if len(self.provincials) >= need:
                break
        if not self.centrals:  # no gazetteer hospitals: the first provincial ones act as core hospitals
            self.centrals, self.provincials = self.provincials[:1], self.provincials[1:]
        self.departments = {p.id: _department(p) for p in provinces}
        self.committees = {p.id: _committee(p) for p in provinces}
        self.others = [_from_gazetteer(o, g) for o in known
                       if o.kind in ("university", "foreign_body", "company") or o.tier == "foreign"]
        ministries = [o for o in known if o.kind == "ministry" and fold(o.name) == "bo y te"]
        self.ministry = (_from_gazetteer(ministries[0], g) if ministries else
                         SynthOrg("moh", "ministry", None, None, ["Bộ Y tế"], ["BYT"],
                                  en=["Ministry of Health"], de=[_de("Gesundheitsministerium",
                                                                     gen="Gesundheitsministeriums")]))
        self.provinces = provinces

    @property
    def hospitals(self) -> list[SynthOrg]:
        return self.centrals + self.provincials


def choose_cast(world: World, scenario: str, rng: random.Random) -> dict[str, SynthOrg]:
    """Choose the organisations of a positive ``scenario``: ``A`` gives support where there
    is a direction, ``B`` takes it; a programme also names its parties ``C`` and ``D``."""
    provincials = world.provincials or world.centrals
    central = rng.choice(world.centrals)

    def other_province(org: SynthOrg) -> SynthOrg:
        for _ in range(20):
            cand = rng.choice(provincials)
            if cand.key != org.key and (cand.province is None or org.province is None
                                        or cand.province.id != org.province.id):
                return cand
        return next(c for c in world.hospitals if c.key != org.key)

    if scenario == "agreement":
        a = rng.choice(provincials)
        return {"A": a, "B": other_province(a)}
    if scenario in ("supported", "transfer", "satellite", "support"):
        return {"A": central, "B": other_province(central)}
    if scenario == "department":
        province = rng.choice(provincials).home
        dep, com = world.departments[province.id], world.committees[province.id]
        choice = rng.randrange(4)
        if choice == 0:  # a city's health department supports a province's
            cities = [p for p in world.provinces if p.type == "city" and p.id != province.id] or world.provinces
            return {"A": world.departments[rng.choice(cities).id], "B": dep}
        if choice == 3 and world.others:
            return {"A": rng.choice(world.others), "B": com}
        return {"A": central, "B": dep if choice == 1 else com}
    if scenario == "programme_transfer":
        r = other_province(central)
        home = central.province.id if central.province is not None else rng.choice(world.provinces).id
        return {"A": central, "B": r, "C": world.departments[home], "D": world.departments[r.home.id]}
    raise ValueError(scenario)
