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
(no text), for backend benchmarks at hundreds of thousands of partnerships.

Everything is deterministic for a given seed: article ``i`` depends only on the seed, the
world size and ``i``, so a bigger corpus starts with the articles of a smaller one.
"""
from __future__ import annotations

import json
import random
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Sequence

from .errors import HealthgraphError, InputError
from .gazetteer import Gazetteer, load_concepts, load_gazetteer
from .model import Corpus, Document, Evidence, Organisation, Partnership, TechniqueTransfer
from .text import fold, old_tone_marks, slug, strip_marks

LANGUAGES = ("vi", "de", "en")
DEFAULT_LANGUAGE_WEIGHTS = {"vi": 0.8, "de": 0.1, "en": 0.1}
# How often each kind of article is written; negatives are the visits, inspections,
# requests and awards that co-mention two organisations without any agreement.
SCENARIO_WEIGHTS = {
    "agreement": 14, "supported": 18, "transfer": 18, "satellite": 9, "support": 6,
    "department": 12, "programme_transfer": 5, "negative": 18,
}
# Spelling variants applied to a whole Vietnamese article (probabilities).
VARIANT_RATES = {"ascii": 0.04, "old_tones": 0.15, "nfd": 0.03, "wrapped": 0.12, "lowercase_heads": 0.15}



# --------------------------------------------------------------------------- the world

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
    province: object | None  # gazetteer Province
    vi: list[str]
    vi_abbr: list[str] = field(default_factory=list)
    vi_short: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    de: list[dict] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)  # "Bệnh viện Đa khoa tỉnh": only with one such org

    @property
    def province_name(self) -> str | None:
        return self.province.name if self.province is not None else None

    def to_model(self) -> Organisation:
        return Organisation(id=self.key, name=self.vi[0], kind=self.kind, tier=self.tier,
                            province=self.province.id if self.province is not None else None,
                            names={"en": self.en[0], "de": self.de[0]["nom"]} if self.en and self.de else {},
                            mentions=list(self.vi[:1]))


def _de(nom: str, dat: str | None = None, gen: str | None = None, gender: str = "n") -> dict:
    return {"nom": nom, "dat": dat or nom, "gen": gen or nom, "gender": gender}


def _de_invariant(name: str) -> dict:
    """A German name that only changes in the genitive of "...krankenhaus"/"...amt"."""
    gen = name + "es" if name.endswith(("krankenhaus", "Krankenhaus", "amt")) else name
    gender = "f" if name.split()[0] in {"Universität", "Medizinische", "Hochschule", "Klinik"} else "n"
    return _de(name, name, gen, gender)


def _province_en(province) -> str:
    return province.names.get("en") or strip_marks(province.name)


def _province_vi(province, rng: random.Random | None = None) -> str:
    """The province's name, sometimes in another spelling of the gazetteer (Đăk/Đắk, Hoà/Hòa)."""
    if rng is not None and rng.random() < 0.15:
        same = [a for a in province.aliases if fold(a) == fold(province.name) and a != province.name]
        if same:
            return rng.choice(same)
    return province.name


_SPECIALTY_HOSPITALS = (
    # (id prefix, vi head, en pattern, de nominative/dative/genitive pattern)
    ("bv-san-nhi", "Bệnh viện Sản - Nhi", "{P} Obstetrics and Paediatrics Hospital",
     ("Geburts- und Kinderkrankenhaus der Provinz {P}", None, "Geburts- und Kinderkrankenhauses der Provinz {P}")),
    ("bv-yhct", "Bệnh viện Y học cổ truyền", "{P} Traditional Medicine Hospital",
     ("Krankenhaus für traditionelle Medizin der Provinz {P}", None,
      "Krankenhauses für traditionelle Medizin der Provinz {P}")),
    ("bv-lao-phoi", "Bệnh viện Lao và Bệnh phổi", "{P} Tuberculosis and Lung Disease Hospital",
     ("Krankenhaus für Tuberkulose und Lungenkrankheiten der Provinz {P}", None,
      "Krankenhauses für Tuberkulose und Lungenkrankheiten der Provinz {P}")),
    ("bv-mat", "Bệnh viện Mắt", "{P} Eye Hospital",
     ("Augenklinik der Provinz {P}", None, None)),
    ("bv-phcn", "Bệnh viện Phục hồi chức năng", "{P} Rehabilitation Hospital",
     ("Rehabilitationskrankenhaus der Provinz {P}", None, "Rehabilitationskrankenhauses der Provinz {P}")),
    ("bv-tam-than", "Bệnh viện Tâm thần", "{P} Psychiatric Hospital",
     ("Psychiatrische Krankenhaus der Provinz {P}", "Psychiatrischen Krankenhaus der Provinz {P}",
      "Psychiatrischen Krankenhauses der Provinz {P}")),
    ("bv-ung-buou", "Bệnh viện Ung bướu", "{P} Oncology Hospital",
     ("Onkologische Krankenhaus der Provinz {P}", "Onkologischen Krankenhaus der Provinz {P}",
      "Onkologischen Krankenhauses der Provinz {P}")),
)
_NUMBERS_VI = {2: "số 2", 3: "số 3", 4: "số 4"}


def _where(province) -> str:
    return "thành phố" if province.type == "city" else "tỉnh"


def _general_hospital(province, number: int = 1) -> SynthOrg:
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


def _specialty_hospital(province, spec) -> SynthOrg:
    prefix, head, en, (de_nom, de_dat, de_gen) = spec
    p, pe, where = province.name, _province_en(province), _where(province)
    return SynthOrg(
        key=f"{prefix}-{province.id}", kind="hospital", tier="provincial", province=province,
        vi=[f"{head} {where} {p}"], vi_abbr=[f"BV {head[len('Bệnh viện '):]} {where} {p}"],
        en=[en.format(P=pe)],
        de=[_de(de_nom.format(P=pe), de_dat and de_dat.format(P=pe), de_gen and de_gen.format(P=pe),
                "f" if de_nom.startswith("Augenklinik") else "n")],
    )


def _department(province) -> SynthOrg:
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


def _committee(province) -> SynthOrg:
    p, pe, where = province.name, _province_en(province), _where(province)
    return SynthOrg(
        key=f"ubnd-{province.id}", kind="people_committee", tier=None, province=province,
        vi=[f"Ủy ban nhân dân {where} {p}", f"UBND {where} {p}"], vi_abbr=[f"UBND {where} {p}", f"UBND {p}"],
        en=[f"{pe} People's Committee", f"People's Committee of {pe}"],
        de=[_de(f"Volkskomitee der Provinz {pe}", gen=f"Volkskomitees der Provinz {pe}")],
    )


_VI_HEADS = ("Bệnh viện", "Viện", "Trường", "Đại học", "Học viện", "Bộ", "Sở", "Trung tâm", "Tập đoàn", "Công ty")


def _from_gazetteer(org, gazetteer: Gazetteer) -> SynthOrg:
    """A named organisation of the gazetteer with abbreviated forms derived from its name."""
    vi = [org.name] + [a for a in org.aliases if a.startswith(_VI_HEADS) and a != org.name][:2]
    abbr = [a for a in org.aliases if a.startswith(("BV", "ĐH", "BYT", "SYT"))]
    for full, short in (("Bệnh viện Trung ương", "BVTW"), ("Trung ương", "TW"), ("Trung ương", "T.Ư"),
                        ("Bệnh viện", "BV")):
        if full in org.name:
            form = org.name.replace(full, short, 1)
            if form not in abbr:
                abbr.append(form)
    en = [org.names.get("en")] if org.names.get("en") else [a for a in org.aliases if a.isascii()][:1]
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
        waves.append([_specialty_hospital(p, spec) for p in plain for spec in _SPECIALTY_HOSPITALS])
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


# --------------------------------------------------------------------------- phrasing

_FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh".split()
_MIDDLE = "Văn Thị Đức Thanh Minh Hữu Quang Ngọc Xuân Công Thu Đình Kim".split()
_GIVEN = "Hùng Lan Hương Thắng Tuấn Dũng Long Hạnh Phong Trung Hiếu Thảo Khoa Linh Quyết Cường Nga Bình".split()
_TITLES_VI = ["BS.CKII", "PGS.TS", "TS.BS", "ThS.BS", "GS.TS", "BSCK2", "BS.CKI", "ông", "bà", "TTƯT.BS.CKII"]
_ROLES_VI = ["Giám đốc", "Phó Giám đốc", "Trưởng phòng Chỉ đạo tuyến", "Phó Giám đốc phụ trách chuyên môn"]
_ROLES_DE = ["Direktor", "stellvertretender Direktor", "Direktorin", "stellvertretende Direktorin"]
_ROLES_EN = ["Director", "Deputy Director", "Head of Outreach"]
_MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
_MONTHS_EN = "January February March April May June July August September October November December".split()
_ACTIVITIES = {
    "vi": ["đào tạo nguồn nhân lực", "chuyển giao kỹ thuật", "luân phiên cán bộ", "ứng dụng y học từ xa (Telehealth)",
           "hội chẩn trực tuyến", "hợp tác nghiên cứu khoa học", "hỗ trợ trang thiết bị", "quản lý chất lượng bệnh viện",
           "giao lưu, trao đổi đoàn", "tư vấn phát triển chuyên khoa sâu"],
    "de": ["Aus- und Weiterbildung", "Wissens- und Technologietransfer", "Personalrotation", "Telemedizin",
           "wissenschaftliche Forschung", "Qualitätsmanagement", "Ausstattung mit medizinischen Geräten"],
    "en": ["staff training", "technology transfer", "staff rotation", "telemedicine", "joint research",
           "equipment support", "hospital quality management"],
}
_ACTIVITY_KEYS = ["training", "technology_transfer", "staff_rotation", "telehealth", "remote_consultation", "research",
                  "equipment", "quality_management", "delegation_exchange", "specialty_development"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _vi_date(d: date, rng: random.Random) -> tuple[str, str]:
    """A Vietnamese date phrase and the ISO date it states (``--MM-DD`` without a year)."""
    style = rng.randrange(6)
    if style == 0:
        return f"Ngày {d.day}/{d.month}", f"--{d:%m-%d}"
    if style == 1:
        return f"{rng.choice(['Sáng', 'Chiều'])} {d.day}/{d.month}/{d.year}", d.isoformat()
    if style == 2:
        return f"Ngày {d.day:02d} tháng {d.month} năm {d.year}", d.isoformat()
    if style == 3:
        return f"{rng.choice(['Sáng', 'Chiều'])} ngày {d.day:02d}/{d.month:02d}/{d.year}", d.isoformat()
    if style == 4:
        return f"Vừa qua, ngày {d.day}/{d.month}", f"--{d:%m-%d}"
    return f"Ngày {d.day}-{d.month}-{d.year}", d.isoformat()


def _de_date(d: date, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.3:
        return f"Am {d.day}. {_MONTHS_DE[d.month - 1]}", f"--{d:%m-%d}"
    return f"Am {d.day}. {_MONTHS_DE[d.month - 1]} {d.year}", d.isoformat()


def _en_date(d: date, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.3:
        return f"On {_MONTHS_EN[d.month - 1]} {d.day}", f"--{d:%m-%d}"
    return f"On {d.day} {_MONTHS_EN[d.month - 1]} {d.year}", d.isoformat()


_DATES = {"vi": _vi_date, "de": _de_date, "en": _en_date}


def _listing(items: Sequence[str], lang: str) -> str:
    if len(items) == 1:
        return items[0]
    last = {"vi": " và ", "de": " und ", "en": " and "}[lang]
    return ", ".join(items[:-1]) + last + items[-1]


class _Article:
    """One article being written: its language, the names used so far and the facts stated."""

    def __init__(self, rng: random.Random, lang: str, world: World, bare_ok: bool = True):
        self.rng, self.lang, self.world = rng, lang, world
        self.used: dict[str, list[str]] = {}
        self.orgs: dict[str, SynthOrg] = {}
        self.bare_ok = bare_ok
        self.partnerships: list[dict] = []
        self.techniques: list[dict] = []
        self.fields: list[dict] = []
        self.activities: list[str] = []
        self.dates: dict[str, str] = {}

    # -- names
    def name(self, org: SynthOrg, case: str = "nom") -> str:
        rng, first = self.rng, org.key not in self.used
        if self.lang == "vi":
            pool = org.vi[:1] if first and rng.random() < 0.75 else org.vi + org.vi_abbr
            if not first:
                if org.vi_short and rng.random() < 0.2:
                    pool = org.vi_short
                elif org.bare and self.bare_ok and rng.random() < 0.3:
                    pool = org.bare
            surface = rng.choice(pool)
        elif self.lang == "en":
            surface = org.en[0] if first else rng.choice(org.en)
        else:
            surface = (org.de[0] if first else rng.choice(org.de))[case]
        self.orgs[org.key] = org
        names = self.used.setdefault(org.key, [])
        if surface not in names:
            names.append(surface)
        return surface

    def de_name(self, org: SynthOrg, case: str) -> str:
        """German article + declined name: ``dem Allgemeinen Krankenhaus ...``."""
        variant = self.rng.choice(org.de) if org.key in self.used else org.de[0]
        article = {"nom": {"m": "der", "f": "die", "n": "das"}, "dat": {"m": "dem", "f": "der", "n": "dem"},
                   "gen": {"m": "des", "f": "der", "n": "des"}}[case][variant["gender"]]
        self.orgs[org.key] = org
        names = self.used.setdefault(org.key, [])
        if variant[case] not in names:
            names.append(variant[case])
        return f"{article} {variant[case]}"

    def fill(self, template: str, roles: dict[str, SynthOrg], values: dict[str, Callable[[], str] | str]) -> str:
        """Render ``template``: ``{A}`` a name, ``{dem A}`` German article + name, ``{x}`` a value."""

        def repl(m: re.Match) -> str:
            article, key = m.group(1), m.group(2)
            if key in roles:
                if article:
                    return self.de_name(roles[key], {"das": "nom", "der": "nom", "dem": "dat", "des": "gen"}[article])
                return self.name(roles[key])
            value = values[key]
            value = value() if callable(value) else value
            if key == "date" and template[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?"):
                value = value[:1].lower() + value[1:]  # "Thực hiện Đề án 1816, ngày 2/12, ..."
            return value

        return re.sub(r"\{(?:(das|dem|des|der) )?(\w+)\}", repl, template)

    # -- facts
    def partnership(self, a: SynthOrg, b: SynthOrg, kind: str, supporter: SynthOrg | None) -> None:
        self.partnerships.append({"parties": [a.key, b.key], "supporter": supporter.key if supporter else None,
                                  "kind": kind})

    def pick_terms(self, concepts: list[dict], k: int) -> list[tuple[str, dict]]:
        chosen = self.rng.sample(concepts, min(k, len(concepts)))
        out = []
        for c in chosen:
            label = {"vi": self.rng.choice(c["vi"]), "en": c.get("en"), "de": c.get("de")}[self.lang]
            out.append((label or c["en"] or c["vi"][0], c))
        return out

    def transfer(self, source: SynthOrg, recipient: SynthOrg | None, k: int) -> str:
        terms = self.pick_terms(self.world.techniques, k)
        for label, c in terms:
            self.techniques.append({"name": label, "en": c.get("en"), "from": source.key,
                                    "to": recipient.key if recipient else None})
        return _listing([t for t, _ in terms], self.lang)

    def field_list(self, k: int) -> str:
        terms = self.pick_terms(self.world.specialties, k)
        for label, c in terms:
            self.fields.append({"name": label, "en": c.get("en")})
        return _listing([t for t, _ in terms], self.lang)

    def activity_list(self, k: int) -> str:
        idx = sorted(self.rng.sample(range(len(_ACTIVITIES[self.lang])), min(k, len(_ACTIVITIES[self.lang]))))
        self.activities.extend(_ACTIVITY_KEYS[i] for i in idx)
        return "; ".join(_ACTIVITIES[self.lang][i] for i in idx) if self.lang == "de" else \
            ", ".join(_ACTIVITIES[self.lang][i] for i in idx)


# Templates: {A}/{B} are the two parties (A gives support where there is a direction),
# {C} a bystander organisation, {date} the event date phrase, {techs} techniques,
# {fields} specialties, {acts} activities, {who} a person with title, {n} a number.
_VI = {
    "title": {
        "agreement": ["{A} và {B} ký kết thỏa thuận hợp tác", "Ký kết hợp tác chuyên môn giữa {A} và {B}",
                      "{A} ký biên bản ghi nhớ hợp tác với {B}", "Lễ ký kết hợp tác toàn diện giữa {A} và {B}",
                      "Tăng cường hợp tác giữa {A} và {B}"],
        "supported": ["{B} ký kết hợp tác toàn diện với {A}", "{A} ký kết thỏa thuận hỗ trợ chuyên môn cho {B}",
                      "{A} và {B} ký kết hợp tác phát triển chuyên môn kỹ thuật",
                      "{B} ký kết hợp tác với {A} nâng cao chất lượng khám chữa bệnh"],
        "transfer": ["{A} chuyển giao kỹ thuật cho {B}", "{B} tiếp nhận chuyển giao {n} kỹ thuật từ {A}",
                     "Chuyển giao gói kỹ thuật cho {B}", "{A} chuyển giao {n} kỹ thuật mới cho {B}"],
        "satellite": ["{B} trở thành bệnh viện vệ tinh của {A}", "Ra mắt bệnh viện vệ tinh của {A}",
                      "{A} ký kết hợp tác với bệnh viện vệ tinh {B}"],
        "support": ["{A} cử bác sĩ hỗ trợ chuyên môn cho {B}", "Bác sĩ tuyến trên hỗ trợ {B}",
                    "{A} hỗ trợ {B} theo Đề án 1816"],
        "department": ["{A} và {B} ký kết chương trình hợp tác", "Ký kết hợp tác về y tế giữa {A} và {B}",
                       "{B} làm việc với {A}"],
        "programme_transfer": ["Sơ kết chương trình hợp tác phát triển y tế giữa {C} và {D}",
                               "Hội nghị sơ kết hợp tác y tế giữa {C} và {D}"],
        "visit": ["Đoàn công tác {A} thăm và làm việc tại {B}", "{A} làm việc với {B}",
                  "Lãnh đạo {A} đến thăm {B}"],
        "inspection": ["{A} kiểm tra công tác khám chữa bệnh tại {B}", "Đoàn kiểm tra của {A} làm việc tại {B}"],
        "request": ["{B} đề nghị {A} hỗ trợ chuyên môn", "{B} kiến nghị tăng cường nhân lực"],
        "award": ["{A} trao bằng khen cho {B}", "Khen thưởng tập thể {B}"],
        "conference": ["Hội nghị tổng kết công tác chỉ đạo tuyến năm {y}", "Hội thảo khoa học {fields0}"],
    },
    "lead": {
        "agreement": [
            "{date}, tại {A}, {A} và {B} đã tổ chức lễ ký kết thỏa thuận hợp tác chuyên môn giai đoạn {y}-{y5}.",
            "{date}, {A} đã tổ chức Lễ ký kết Biên bản ghi nhớ hợp tác với {B}.",
            "{date}, lãnh đạo {A} và {B} đã ký kết chương trình hợp tác về chuyên môn, kỹ thuật.",
            "{date}, {A} và {B} đã ký thỏa thuận hợp tác trên tinh thần bình đẳng, cùng có lợi."],
        "supported": [
            "{date}, tại {A} đã diễn ra lễ ký kết hợp tác hỗ trợ toàn diện giữa {A} và {B}.",
            "{date}, {A} và {B} đã ký kết thỏa thuận hợp tác, theo đó {A} sẽ hỗ trợ {B} phát triển chuyên môn.",
            "{date}, {B} đã ký kết hợp tác toàn diện với {A} nhằm nâng cao năng lực khám chữa bệnh.",
            "Sau buổi làm việc {date}, {A} đã ký kết thỏa thuận hợp tác hỗ trợ {B}."],
        "transfer": [
            "{date}, {A} đã chuyển giao cho {B} các kỹ thuật: {techs}.",
            "{date}, {A} tổ chức chuyển giao kỹ thuật {techs} cho {B}.",
            "{date}, {B} đã tiếp nhận thành công các kỹ thuật {techs} do {A} chuyển giao.",
            "Trong khuôn khổ Đề án 1816, {date} các bác sĩ của {A} đã cầm tay chỉ việc, chuyển giao cho {B} "
            "{n} kỹ thuật gồm {techs}."],
        "satellite": [
            "{date}, {B} chính thức trở thành bệnh viện vệ tinh của {A} trong lĩnh vực {fields}.",
            "{date}, {A} đã ký kết hợp tác với {B}; {B} là bệnh viện vệ tinh của {A} theo Đề án Bệnh viện vệ tinh.",
            "Theo Đề án Bệnh viện vệ tinh, {A} là bệnh viện hạt nhân, {B} là bệnh viện vệ tinh. {date}, hai bên "
            "đã tổng kết một năm thực hiện."],
        "support": [
            "{date}, {A} đã cử {n} bác sĩ về luân phiên, hỗ trợ chuyên môn cho {B} trong thời gian 3 tháng.",
            "Thực hiện Đề án 1816, {date}, {A} tiếp tục cử cán bộ hỗ trợ chuyên môn kỹ thuật cho {B}.",
            "{date}, các chuyên gia của {A} đã hỗ trợ {B} khám, điều trị và đào tạo tại chỗ."],
        "department": [
            "{date}, {A} và {B} đã ký kết Chương trình hợp tác phát triển y tế giai đoạn {y}-{y5}.",
            "{date}, {B} đã ký thỏa thuận hợp tác với {A}; theo đó {A} sẽ hỗ trợ ngành y tế địa phương về "
            "đào tạo nhân lực và chuyển giao kỹ thuật.",
            "{date}, {B} làm việc với đoàn công tác {A}. Sau buổi làm việc, {B} đã ký kết thỏa thuận hợp tác "
            "với {A}."],
        "programme_transfer": [
            "{date}, đại diện {A} đã tham gia hội nghị sơ kết chương trình hợp tác phát triển y tế giữa {C} và {D} "
            "(ký ngày {pdate}). Theo chương trình hợp tác, {A} được giao nhiệm vụ hỗ trợ chuyên môn, chuyển giao "
            "kỹ thuật cho {B}. Qua một năm thực hiện, {A} đã hỗ trợ đào tạo cho {B} các kỹ thuật: {techs}."],
        "visit": [
            "{date}, đoàn công tác {A} do {who} dẫn đầu đã đến thăm và làm việc tại {B}.",
            "{date}, {A} đã có buổi làm việc với {B} để khảo sát nhu cầu đào tạo của địa phương.",
            "{date}, lãnh đạo {A} đã đến thăm, động viên cán bộ, nhân viên {B}."],
        "inspection": [
            "{date}, đoàn kiểm tra của {A} đã kiểm tra công tác khám chữa bệnh, phòng chống dịch tại {B}.",
            "{date}, {A} tổ chức kiểm tra việc thực hiện quy chế chuyên môn tại {B}."],
        "request": [
            "{date}, tại buổi làm việc, lãnh đạo {B} đã đề nghị {A} xem xét hỗ trợ đào tạo nhân lực cho đơn vị.",
            "{date}, {B} có văn bản kiến nghị {A} tăng cường bác sĩ về hỗ trợ, nhưng đến nay chưa được đáp ứng."],
        "award": [
            "{date}, {A} đã trao tặng bằng khen cho tập thể {B} vì thành tích xuất sắc trong công tác khám chữa bệnh.",
            "{date}, {B} vinh dự nhận cờ thi đua của {A}."],
        "conference": [
            "{date}, {C} tổ chức hội nghị tổng kết công tác chỉ đạo tuyến với sự tham dự của đại diện {A} và {B}.",
            "{date}, hội thảo khoa học chuyên ngành {fields} đã diễn ra với báo cáo viên đến từ {A} và {B}."],
    },
    "body": {
        "agreement": [
            "Theo thỏa thuận, hai bên sẽ hợp tác trong các lĩnh vực: {fields}.",
            "Nội dung hợp tác gồm: {acts}.",
            "Hai đơn vị thống nhất cùng nhau ký kết thỏa thuận hợp tác toàn diện với các nội dung: {acts}.",
            "Thời gian hợp tác là {k} năm, từ {vfrom} đến {vto}."],
        "supported": [
            "Theo đó, {A} sẽ hỗ trợ {B} về đào tạo nhân lực, chuyển giao kỹ thuật và tư vấn phát triển các "
            "chuyên khoa: {fields}.",
            "Tùy theo nhu cầu khám chữa bệnh của {B}, {A} sẽ cử các bác sĩ, điều dưỡng có trình độ chuyên môn cao "
            "trực tiếp luân phiên hỗ trợ chuyên môn kỹ thuật cho đơn vị.",
            "Nội dung hợp tác gồm: {acts}.",
            "Thời gian thực hiện thỏa thuận là {k} năm, từ {vfrom} đến {vto}."],
        "transfer": [
            "Các kỹ thuật được chuyển giao đều là kỹ thuật cao, trước đây người bệnh phải chuyển lên tuyến trên.",
            "Sau thời gian được cầm tay chỉ việc, đội ngũ y bác sĩ của {B} đã làm chủ được các kỹ thuật này.",
            "Đây là đợt chuyển giao thứ {n} trong năm {y} giữa hai đơn vị."],
        "satellite": [
            "Là bệnh viện vệ tinh, {B} được {A} chuyển giao các gói kỹ thuật và đào tạo nhân lực chuyên khoa {fields}.",
            "Mạng lưới bệnh viện vệ tinh giúp giảm tải cho tuyến trên và hạn chế chuyển tuyến."],
        "support": [
            "Các bác sĩ của {A} đã trực tiếp khám, phẫu thuật và hướng dẫn chuyên môn trong lĩnh vực {fields}.",
            "Đợt hỗ trợ góp phần nâng cao năng lực cho đội ngũ y bác sĩ tuyến dưới."],
        "department": [
            "Nội dung hợp tác gồm: {acts}.",
            "Theo chương trình, {A} sẽ hỗ trợ phát triển các chuyên khoa {fields} cho các cơ sở y tế địa phương."],
        "programme_transfer": ["Nội dung chính của chương trình gồm: {acts}."],
        "visit": [
            "Tại buổi làm việc, hai bên đã trao đổi thông tin về tình hình khám chữa bệnh và nhu cầu đào tạo.",
            "Đoàn đã tham quan khoa {fields} và khu điều trị mới của đơn vị."],
        "inspection": [
            "Đoàn đã kiểm tra hồ sơ bệnh án, quy trình chuyên môn và công tác kiểm soát nhiễm khuẩn.",
            "Kết thúc đợt kiểm tra, đoàn ghi nhận những kết quả đạt được và chỉ ra một số tồn tại cần khắc phục."],
        "request": [
            "Đơn vị hiện còn thiếu bác sĩ chuyên khoa {fields}, nhiều ca bệnh nặng vẫn phải chuyển tuyến.",
            "Lãnh đạo bệnh viện cho biết sẽ tiếp tục báo cáo cấp trên để được xem xét."],
        "award": ["Năm qua, đơn vị đã triển khai nhiều kỹ thuật mới trong lĩnh vực {fields}."],
        "conference": ["Các đại biểu đã trao đổi kinh nghiệm trong điều trị {fields}."],
    },
    "quote": [
        "{who} – {role} {A} cho biết: “Đây là cơ hội để đơn vị nâng cao chất lượng khám chữa bệnh cho người dân.”",
        "Phát biểu tại buổi lễ, {who} – {role} {B} khẳng định sẽ tạo mọi điều kiện để triển khai hiệu quả.",
        "{who}, {role} {A} phát biểu tại buổi làm việc."],
    "bystander": [
        "Dự buổi lễ có {who}, Phó Giám đốc {C}.",
        "{who} – Phó Giám đốc {C} phát biểu chỉ đạo.",
        "Tham dự có đại diện lãnh đạo {C}."],
    "filler": [
        "Nhờ đó, tỷ lệ bệnh nhân chuyển tuyến giảm {n}%; số bệnh nhân khám và điều trị nội trú tăng hơn {m}%.",
        "Người dân được thụ hưởng dịch vụ kỹ thuật cao với chi phí hợp lý mà không phải đi xa.",
        "Thời gian qua, ngành y tế địa phương đã có nhiều nỗ lực trong việc nâng cao chất lượng khám chữa bệnh.",
        "Hiện nay, đơn vị có {m} giường bệnh kế hoạch, tiếp nhận trung bình {n}00 lượt khám mỗi ngày.",
        "Công suất sử dụng giường bệnh thường xuyên ở mức trên {m}%.",
        "Trong thời gian tới, đơn vị tập trung đầu tư trang thiết bị, đẩy mạnh công tác đào tạo cán bộ.",
        "Việc giảm tải cho các cơ sở tuyến trên là mục tiêu quan trọng của ngành y tế.",
        "Bệnh viện hiện có {m} khoa, phòng với gần {n}00 cán bộ, nhân viên, trong đó có nhiều bác sĩ chuyên khoa II, "
        "thạc sĩ.",
        "Năm {y}, tổng số lượt khám bệnh đạt trên {n}{m} nghìn lượt, tăng so với cùng kỳ năm trước.",
        "Công tác cải cách thủ tục hành chính, ứng dụng công nghệ thông tin trong quản lý bệnh viện được đẩy mạnh.",
        "Bên cạnh những kết quả đạt được, đơn vị vẫn còn gặp nhiều khó khăn về nhân lực, đặc biệt là bác sĩ có "
        "trình độ chuyên sâu.",
        "Cơ sở vật chất, trang thiết bị y tế từng bước được đầu tư theo hướng hiện đại, đáp ứng nhu cầu khám chữa "
        "bệnh ngày càng cao của nhân dân.",
        "Mục tiêu đến năm {y5}, đơn vị phấn đấu thực hiện được trên {m}% danh mục kỹ thuật theo phân tuyến.",
        "Người bệnh được tư vấn, khám sàng lọc và điều trị kịp thời ngay tại địa phương, giảm chi phí đi lại.",
        "Trong năm, đơn vị đã tổ chức {n} lớp đào tạo liên tục cho hơn {m}0 lượt cán bộ y tế.",
        "Chất lượng dịch vụ ngày càng được nâng cao, tỷ lệ hài lòng của người bệnh đạt trên 9{n}%."],
    "pos_filler": [
        "Việc ký kết có ý nghĩa quan trọng về mặt chiến lược, nâng cao năng lực khám chữa bệnh cho đội ngũ y bác sĩ "
        "và phát triển các dịch vụ kỹ thuật cao.",
        "Hai bên cam kết phối hợp chặt chẽ, triển khai các nội dung hợp tác một cách thiết thực, hiệu quả.",
        "Đây là bước đi quan trọng, thể hiện tinh thần đoàn kết, hỗ trợ lẫn nhau giữa các cơ sở y tế trong khu vực.",
        "Chương trình hợp tác mở ra nhiều cơ hội phát triển, đặc biệt trong đào tạo nhân lực và ứng dụng công nghệ "
        "thông tin trong quản lý, điều trị."],
    "caption": ["Quang cảnh buổi lễ.", "Các đại biểu dự buổi làm việc.", "Đại diện lãnh đạo hai bên tại buổi lễ.",
                "Bấm vào hình để xem kích thước thật", "Quang cảnh hội nghị"],
    "head": ["Lượt xem: {n}{m}", "Ngày đăng: {pub}", "{hh}:{mm}, {pub} |", "{pub}"],
    "tail": ["Nguồn: https://{site}/{slug}-{n}{m}.htm", "Đăng bởi: {byline}", "[Trở về]\n\nCác tin khác",
             "Ý kiến bạn đọc", "{byline}", "P.v {byline}", "TTXVN"],
}

_DE = {
    "title": {
        "agreement": ["Unterzeichnung einer Kooperationsvereinbarung zwischen {dem A} und {dem B}",
                      "{das A} und {das B} unterzeichnen Kooperationsvereinbarung"],
        "supported": ["{das A} unterstützt {das B} bei der fachlichen Entwicklung",
                      "Umfassende Zusammenarbeit zwischen {dem A} und {dem B}"],
        "transfer": ["{das A} überträgt Techniken an {das B}", "Technologietransfer an {das B}"],
        "satellite": ["{das B} wird Satellitenkrankenhaus {des A}"],
        "support": ["Ärzte {des A} unterstützen {das B}"],
        "department": ["{das A} und {das B} unterzeichnen Kooperationsprogramm"],
        "programme_transfer": ["Bilanz des Kooperationsprogramms zwischen {dem C} und {dem D}"],
        "visit": ["Delegation {des A} besucht {das B}"], "inspection": ["{das A} inspiziert {das B}"],
        "request": ["{das B} bittet um fachliche Unterstützung"], "award": ["Auszeichnung für {das B}"],
        "conference": ["Konferenz zur fachlichen Anleitung {y}"],
    },
    "lead": {
        "agreement": ["{date} unterzeichneten die Leiter {des A} und {des B} ein Memorandum zur Zusammenarbeit "
                      "im Bereich medizinisches Fachwissen.",
                      "Die Zusammenarbeit zwischen {dem A} und {dem B} basiert auf den Grundsätzen der "
                      "Freiwilligkeit, Gleichberechtigung und des gegenseitigen Nutzens. {date} wurde die "
                      "Vereinbarung feierlich unterzeichnet."],
        "supported": ["{date} unterzeichneten {das A} und {das B} eine Vereinbarung über umfassende "
                      "Zusammenarbeit; demnach wird {das A} {dem B} fachliche Unterstützung leisten.",
                      "{date} fand die Unterzeichnung der Vereinbarung statt, nach der {das A} {das B} "
                      "in Ausbildung und Technologietransfer unterstützt."],
        "transfer": ["{date} hat {das A} {dem B} die folgenden Techniken übertragen: {techs}.",
                     "{date} übernahm {das B} von {dem A} die Techniken {techs}."],
        "satellite": ["{date} wurde {das B} offiziell ein Satellitenkrankenhaus {des A} im Bereich {fields}.",
                      "{das B} ist ein Satellitenkrankenhaus {des A}. {date} zogen beide Seiten Bilanz."],
        "support": ["{date} entsandte {das A} {n} Ärzte, die {das B} drei Monate lang fachlich unterstützen."],
        "department": ["{date} unterzeichneten {das A} und {das B} ein Programm zur Zusammenarbeit im "
                       "Gesundheitswesen für den Zeitraum {y} bis {y5}; {das A} unterstützt dabei {das B}."],
        "programme_transfer": ["{date} zogen {das C} und {das D} Bilanz ihres Kooperationsprogramms. Im Rahmen "
                               "des Programms überträgt {das A} {dem B} die Techniken {techs}."],
        "visit": ["{date} besuchte eine Delegation {des A} unter der Leitung von {who} {das B}.",
                  "{date} arbeitete {das A} mit {dem B} zusammen, um den Ausbildungsbedarf zu erheben."],
        "inspection": ["{date} überprüfte eine Inspektionsgruppe {des A} die medizinische Versorgung {des B}."],
        "request": ["{date} bat die Leitung {des B} {das A}, die Ausbildung von Personal zu prüfen."],
        "award": ["{date} überreichte {das A} {dem B} eine Verdiensturkunde."],
        "conference": ["{date} nahmen Vertreter {des A} und {des B} an einer Konferenz {des C} teil."],
    },
    "body": {
        "agreement": ["Gemäß der Vereinbarung werden die beiden Krankenhäuser in vielen Bereichen zusammenarbeiten, "
                      "beispielsweise {fields}.", "Die Maßnahmen umfassen: {acts}.",
                      "Der Kooperationszeitraum beträgt {k} Jahre, vom {vfrom} bis zum {vto}."],
        "supported": ["Die Maßnahmen umfassen: {acts}.", "Schwerpunkte sind {fields}.",
                      "Der Kooperationszeitraum beträgt {k} Jahre, vom {vfrom} bis zum {vto}."],
        "transfer": ["Die Ärzte {des B} beherrschen die übertragenen Techniken inzwischen selbstständig."],
        "satellite": ["Das Satellitenkrankenhaus-Netzwerk entlastet die Krankenhäuser der oberen Ebene."],
        "support": ["Die Ärzte arbeiten in den Bereichen {fields}."],
        "department": ["Die Maßnahmen umfassen: {acts}."], "programme_transfer": ["Die Maßnahmen umfassen: {acts}."],
        "visit": ["Beide Seiten tauschten Informationen über die medizinische Versorgung aus."],
        "inspection": ["Die Gruppe prüfte Krankenakten und Hygienemaßnahmen."],
        "request": ["Es fehlt an Fachärzten in den Bereichen {fields}."],
        "award": ["Das Krankenhaus führte im vergangenen Jahr neue Techniken im Bereich {fields} ein."],
        "conference": ["Die Teilnehmer tauschten Erfahrungen in {fields} aus."],
    },
    "quote": ["{who}, {role} {des A}, erklärte: „Diese Zusammenarbeit trägt zur Verbesserung der "
              "Gesundheitsversorgung der Menschen bei.“", "{who}, {role} {des B}, sprach im Rahmen des Programms."],
    "bystander": ["{who}, stellvertretende Direktorin {des C}, sprach im Rahmen des Programms."],
    "filler": ["Das Programm eröffnet zahlreiche Entwicklungsmöglichkeiten, insbesondere im Bereich der "
               "Personalschulung.", "Die Menschen erhalten Zugang zu hochwertiger medizinischer Versorgung direkt "
               "vor Ort.", "Dies entlastet die Krankenhäuser der oberen Leistungsklasse.",
               "Das Krankenhaus verfügt derzeit über {m} Fachabteilungen und fast {n}00 Mitarbeiter.",
               "Im Jahr {y} wurden mehr als {n}{m}000 Patienten ambulant untersucht.",
               "Ziel ist es, bis {y5} mehr als {m} Prozent der Techniken der jeweiligen Versorgungsstufe anzubieten.",
               "Trotz der Erfolge fehlt es weiterhin an hoch qualifizierten Fachärzten."],
    "pos_filler": ["Die feierliche Unterzeichnung ist ein wichtiger Schritt, der den Geist der Solidarität und "
                   "gegenseitigen Unterstützung zwischen den medizinischen Einrichtungen zeigt.",
                   "Beide Seiten verpflichteten sich zu einer praktischen und wirksamen Zusammenarbeit."],
    "caption": ["Szene der Unterzeichnungszeremonie.", "Delegierte bei der Veranstaltung."],
    "head": ["{pub}"],
    "tail": ["Quelle: https://{site}/{slug}-{n}{m}", "Kommentar (0)"],
}

_EN = {
    "title": {
        "agreement": ["{A} and {B} sign cooperation agreement", "Cooperation agreement between {A} and {B}"],
        "supported": ["{A} to support {B} under new agreement", "{B} signs comprehensive cooperation with {A}"],
        "transfer": ["{A} transfers techniques to {B}", "{B} receives {n} new techniques from {A}"],
        "satellite": ["{B} becomes a satellite hospital of {A}"],
        "support": ["{A} doctors support {B}"],
        "department": ["{A} and {B} sign health cooperation programme"],
        "programme_transfer": ["Review of the health cooperation programme between {C} and {D}"],
        "visit": ["{A} delegation visits {B}"], "inspection": ["{A} inspects {B}"],
        "request": ["{B} asks for more specialist support"], "award": ["{B} receives certificate of merit"],
        "conference": ["Annual conference on outreach direction {y}"],
    },
    "lead": {
        "agreement": ["{date}, the {A} and the {B} signed a memorandum of understanding on professional cooperation.",
                      "{date}, leaders of the {A} and the {B} signed a cooperation agreement for {y}-{y5}."],
        "supported": ["{date}, the {A} signed a comprehensive cooperation agreement with the {B}, under which the "
                      "{A} will support the {B} in training and technology transfer."],
        "transfer": ["{date}, the {A} transferred the following techniques to the {B}: {techs}.",
                     "{date}, the {B} received the techniques {techs} from the {A}."],
        "satellite": ["{date}, the {B} officially became a satellite hospital of the {A} in {fields}."],
        "support": ["{date}, the {A} sent {n} doctors to support the {B} for three months."],
        "department": ["{date}, the {A} and the {B} signed a health cooperation programme for {y}-{y5}; "
                       "the {A} will support the {B} with training and technique transfer."],
        "programme_transfer": ["{date}, the {C} and the {D} reviewed their cooperation programme. Under the "
                               "programme the {A} transferred to the {B} the techniques {techs}."],
        "visit": ["{date}, a delegation of the {A} led by {who} visited the {B}."],
        "inspection": ["{date}, an inspection team of the {A} inspected medical services at the {B}."],
        "request": ["{date}, the {B} asked the {A} to consider sending specialists."],
        "award": ["{date}, the {A} awarded a certificate of merit to the {B}."],
        "conference": ["{date}, representatives of the {A} and the {B} attended a conference of the {C}."],
    },
    "body": {
        "agreement": ["Under the agreement the two sides will cooperate in {fields}.", "Activities include {acts}.",
                      "The agreement runs for {k} years, from {vfrom} to {vto}."],
        "supported": ["Activities include {acts}.", "The focus is on {fields}.",
                      "The agreement runs for {k} years, from {vfrom} to {vto}."],
        "transfer": ["Doctors of the {B} can now perform the techniques on their own."],
        "satellite": ["The satellite network reduces overload at upper-level hospitals."],
        "support": ["The doctors work in {fields}."], "department": ["Activities include {acts}."],
        "programme_transfer": ["Activities include {acts}."],
        "visit": ["The two sides exchanged information on medical services."],
        "inspection": ["The team checked medical records and infection control."],
        "request": ["The hospital lacks specialists in {fields}."],
        "award": ["Last year the hospital introduced new techniques in {fields}."],
        "conference": ["Participants shared experience in {fields}."],
    },
    "quote": ["{who}, {role} of the {A}, said the cooperation would improve care for local people.",
              "{who}, {role} of the {B}, spoke at the ceremony."],
    "bystander": ["{who}, Deputy Director of the {C}, attended the ceremony."],
    "filler": ["Patients can now receive high-tech services close to home.",
               "Upper-level hospitals in the region remain overloaded, officials said.",
               "The hospital has {m} departments and almost {n}00 staff.",
               "In {y} it examined more than {n}{m},000 outpatients.",
               "The aim is to offer more than {m} per cent of the techniques listed for its level by {y5}."],
    "pos_filler": ["The cooperation also aims to reduce referrals to upper-level hospitals.",
                   "Both sides pledged to implement the agreement in a practical and effective way."],
    "caption": ["The signing ceremony.", "Delegates at the event."],
    "head": ["{pub}"],
    "tail": ["Source: https://{site}/{slug}-{n}{m}", "Comments (0)"],
}
_TEMPLATES = {"vi": _VI, "de": _DE, "en": _EN}
_NEGATIVE_KINDS = ("visit", "inspection", "request", "award", "conference")


def _years_later(day: date, years: int) -> date:
    """``day`` moved on by whole years, on the 28th at the latest (29 February is not in every year)."""
    return date(day.year + years, day.month, min(day.day, 28))


def _fmt_valid(d: date, lang: str) -> str:
    if lang == "vi":
        return f"{d.day}/{d.month}/{d.year}" if d.day != 1 or d.month != 1 else str(d.year)
    if lang == "de":
        return f"{d.day}. {_MONTHS_DE[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def _cast(world: World, scenario: str, rng: random.Random) -> dict[str, SynthOrg]:
    """Choose the organisations an article is about: A gives support where there is a direction."""
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
        r = rng.choice(provincials)
        dep, com = world.departments[r.province.id], world.committees[r.province.id]
        choice = rng.randrange(4)
        if choice == 0:  # a city's health department supports a province's
            cities = [p for p in world.provinces if p.type == "city" and p.id != r.province.id] or world.provinces
            return {"A": world.departments[rng.choice(cities).id], "B": dep}
        if choice == 3 and world.others:
            return {"A": rng.choice(world.others), "B": com}
        return {"A": central, "B": dep if choice == 1 else com}
    if scenario == "programme_transfer":
        r = other_province(central)
        home = central.province.id if central.province is not None else rng.choice(world.provinces).id
        return {"A": central, "B": r, "C": world.departments[home], "D": world.departments[r.province.id]}
    raise ValueError(scenario)


def write_article(world: World, index: int, seed: int = 0, language_weights: dict | None = None) -> tuple[str, dict]:
    """Write article ``index`` of the synthetic corpus ``seed``.

    Returns
    -------
    (str, dict)
        The text and its answer-key case (the gold format, plus ``scenario``, dates and
        the spelling ``variants`` applied).
    """
    rng = random.Random(f"article:{seed}:{index}")
    weights = language_weights or DEFAULT_LANGUAGE_WEIGHTS
    lang = rng.choices(list(weights), list(weights.values()))[0]
    scenario = rng.choices(list(SCENARIO_WEIGHTS), list(SCENARIO_WEIGHTS.values()))[0]
    negative = scenario == "negative"
    kind = rng.choice(_NEGATIVE_KINDS) if negative else scenario
    tpl = _TEMPLATES[lang]

    if negative:
        cast = _cast(world, rng.choice(["supported", "department", "agreement"]), rng)
        if kind in ("inspection", "award"):  # an authority and one of its hospitals
            b = rng.choice(world.provincials or world.hospitals)
            authority = world.departments if rng.random() < 0.7 or b.province is None else world.committees
            cast = {"A": authority.get(b.province.id if b.province else "", world.ministry), "B": b}
        cast.setdefault("C", world.ministry)
    else:
        cast = _cast(world, scenario, rng)
    provincial_generals = [o for o in cast.values() if o.bare]
    art = _Article(rng, lang, world, bare_ok=len(provincial_generals) == 1 and lang == "vi")
    event = date(2013, 1, 1) + timedelta(days=rng.randrange(0, 12 * 365))
    published = event + timedelta(days=rng.randrange(0, 6))
    date_phrase, event_iso = _DATES[lang](event, rng)
    years = rng.choice([1, 2, 3, 5])
    vfrom = event if rng.random() < 0.6 else date(event.year, 1, 1)
    vto = _years_later(vfrom, years)
    site_province = (cast["B"].province or rng.choice(world.provinces))
    values = {
        "date": date_phrase, "y": str(event.year), "y5": str(event.year + 5), "n": str(rng.randrange(2, 9)),
        "m": str(rng.randrange(10, 99)), "k": str(years), "vfrom": _fmt_valid(vfrom, lang), "vto": _fmt_valid(vto, lang),
        "pub": f"{published.day:02d}/{published.month:02d}/{published.year}" if lang == "vi" else
        (_fmt_valid(published, lang)), "hh": f"{rng.randrange(6, 22):02d}", "mm": f"{rng.randrange(60):02d}",
        "pdate": f"{rng.randrange(1, 28):02d} tháng {rng.randrange(1, 13)} năm {event.year - 1}",
        "site": "bao" + slug(site_province.name).replace("-", "") + ".vn",
        "slug": "", "byline": _person(rng), "who": lambda: f"{rng.choice(_TITLES_VI)} {_person(rng)}",
        "role": lambda: rng.choice({"vi": _ROLES_VI, "de": _ROLES_DE, "en": _ROLES_EN}[lang]),
        "techs": lambda: art.transfer(cast["A"], cast["B"] if scenario != "support" else None, rng.randrange(1, 6)),
        "fields": lambda: art.field_list(rng.randrange(1, 5)), "fields0": lambda: art.field_list(1),
        "acts": lambda: art.activity_list(rng.randrange(2, 6)),
    }

    def pick(section: str, key: str | None = None) -> str:
        pool = tpl[section][key] if key else tpl[section]
        return art.fill(rng.choice(pool), cast, values)

    title = pick("title", kind)
    values["slug"] = slug(title)[:80]
    lines = [title, ""]
    if rng.random() < 0.8:
        lines += [pick("head"), ""]
    if rng.random() < 0.3:
        lines += [pick("caption"), ""]
    lines.append(pick("lead", kind))
    body = list(tpl["body"][kind])
    rng.shuffle(body)
    paragraphs = [art.fill(t, cast, values) for t in body[: rng.randrange(1, len(body) + 1)]]
    if rng.random() < 0.6:
        paragraphs.append(pick("quote"))
    if "C" in cast or negative:
        pass  # C is already a party (programme) or the ministry of a negative article
    elif rng.random() < 0.3 and lang == "vi" and cast["A"].kind == "hospital":
        # a bystander authority speaks at the ceremony but is not a party
        province = cast["B"].province
        cast["C"] = world.departments[province.id] if province is not None else world.ministry
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), pick("bystander"))
    elif lang != "vi" and rng.random() < 0.2 and cast["B"].province is not None:
        cast["C"] = world.departments[cast["B"].province.id]
        paragraphs.append(pick("bystander"))
    fillers = list(tpl["filler"]) + ([] if negative else list(tpl["pos_filler"]))
    rng.shuffle(fillers)
    paragraphs += [art.fill(t, cast, values) for t in fillers[: rng.randrange(len(fillers) // 2, len(fillers) + 1)]]
    rng.shuffle(paragraphs)
    # sentences run together into paragraphs of one to three
    grouped, i = [], 0
    while i < len(paragraphs):
        step = rng.randrange(1, 4)
        grouped.append(" ".join(paragraphs[i:i + step]))
        i += step
    paragraphs = grouped
    if rng.random() < 0.35:  # captions repeated under photos, as scraped pages have them
        caption = pick("caption")
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), caption + "\n\n" + caption)
    # a sentence that names the province, so "Bệnh viện Đa khoa tỉnh" resolves from context
    if art.bare_ok and lang == "vi" and provincial_generals:
        p = provincial_generals[0].province
        paragraphs.append(f"Đơn vị là bệnh viện tuyến cuối của tỉnh {_province_vi(p, rng)}, phục vụ hơn "
                          f"{rng.randrange(5, 20)}0 nghìn lượt người bệnh mỗi năm.")
    lines += [""] + [p for para in paragraphs for p in (para, "")]
    tail = tpl["tail"]
    lines += [art.fill(t, cast, values) for t in rng.sample(tail, rng.randrange(1, min(3, len(tail)) + 1))]
    text = "\n".join(line[:1].upper() + line[1:] for line in lines) + "\n"

    # facts stated: every positive scenario binds A and B (and programme_transfer also C-D)
    if not negative:
        a, b = cast["A"], cast["B"]
        if scenario == "agreement":
            art.partnership(a, b, "agreement", None)
        elif scenario in ("supported", "department"):
            art.partnership(a, b, "agreement", a)
        elif scenario == "programme_transfer":
            art.partnership(cast["C"], cast["D"], "agreement", cast["C"])
            art.partnership(a, b, "transfer", a)
        else:
            art.partnership(a, b, scenario, a)
    art.dates = {"event_on": event_iso, "published_on": published.isoformat()}
    if not negative and scenario in ("agreement", "supported", "department"):
        art.dates["signed_on"] = event_iso
        if "Thời gian" in text or "Kooperationszeitraum" in text or "runs for" in text:
            art.dates.update(valid_from=vfrom.isoformat(), valid_to=vto.isoformat())

    text, variants = _spell(text, lang, rng)
    case = {
        "id": f"syn{seed}-{index:06d}", "lang": lang, "source": values["site"],
        "orgs": [{"key": o.key, "names": [_respell(n, variants) for n in art.used[o.key]], "kind": o.kind,
                  "province": o.province_name, "tier": o.tier} for o in art.orgs.values()],
        "partnerships": art.partnerships,
        "techniques": [{**t, "name": _respell(t["name"], variants)} for t in art.techniques],
        "fields": art.fields, "activities": sorted(set(art.activities)),
        **art.dates, "negative": negative, "scenario": kind, "variants": variants,
    }
    return text, case


def _spell(text: str, lang: str, rng: random.Random) -> tuple[str, list[str]]:
    """Apply the whole-article spelling variants a scraped corpus has."""
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


def _respell(name: str, variants: list[str]) -> str:
    """The name as it appears in an article with ``variants`` (gold names stay NFC)."""
    if "lowercase_heads" in variants:
        name = name.replace("Bệnh viện Đa khoa", "Bệnh viện đa khoa")
    if "ascii" in variants:
        return strip_marks(name)
    if "old_tones" in variants:
        return old_tone_marks(name)
    return name


# --------------------------------------------------------------------------- public API

def _language_weights(languages: str | Sequence[str] | dict | None) -> dict[str, float]:
    if languages is None:
        return dict(DEFAULT_LANGUAGE_WEIGHTS)
    if isinstance(languages, dict):
        weights = {k: float(v) for k, v in languages.items()}
    else:
        codes = [c.strip() for c in (languages.split(",") if isinstance(languages, str) else languages) if c.strip()]
        weights = {c: DEFAULT_LANGUAGE_WEIGHTS.get(c, 0.1) for c in codes}
    bad = sorted(set(weights) - set(LANGUAGES))
    if bad or not weights or sum(weights.values()) <= 0:
        raise HealthgraphError(f"languages must be among {', '.join(LANGUAGES)}; got {', '.join(bad) or 'none'}")
    return weights


def iter_articles(articles: int, hospitals: int = 100, seed: int = 0,
                  languages: str | Sequence[str] | dict | None = None, world: World | None = None):
    """Yield ``(text, gold case)`` for each synthetic article, without writing files.

    Examples
    --------
    >>> text, case = next(iter_articles(1, hospitals=20, seed=1))
    >>> case["id"]
    'syn1-000000'
    """
    weights = _language_weights(languages)
    world = world or World(hospitals=hospitals, seed=seed)
    for i in range(articles):
        yield write_article(world, i, seed, weights)


def synth(articles: int = 100, hospitals: int = 100, out: str | Path = "synth", seed: int = 0,
          languages: str | Sequence[str] | dict | None = None, jsonl: bool = False) -> dict:
    """Write a synthetic corpus of agreement articles and its answer key.

    Parameters
    ----------
    articles : int
        Number of articles.
    hospitals : int
        Size of the world of hospitals the articles talk about.
    out : str or Path
        Output folder, created if needed: ``<id>.txt`` per article (or one
        ``articles.jsonl`` with ``jsonl=True``) and ``gold.jsonl``.
    seed : int
        Same seed, same corpus.
    languages : str, list or dict, optional
        ``"vi,de,en"``, a list of codes, or weights ``{"vi": 0.8, "de": 0.1, "en": 0.1}`` (default).
    jsonl : bool
        Write one JSONL corpus (``id``, ``text``, ``language``, ``source``, ``published_on``
        per line) instead of text files.

    Returns
    -------
    dict
        Summary: ``out``, ``articles``, per-language counts, ``negative``,
        ``partnerships``, ``techniques``, ``gold``.

    Examples
    --------
    >>> import tempfile
    >>> summary = synth(articles=5, hospitals=20, out=tempfile.mkdtemp(), seed=1)
    >>> summary["articles"]
    5

    Score an extractor on it::

        python score.py --gold DIR/gold.jsonl --texts DIR --run 'healthgraph extract {files} --format json'
    """
    if articles < 0:
        raise HealthgraphError(f"articles must be 0 or more, got {articles}")
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out, f"cannot create the output folder ({exc.strerror})") from exc
    summary = {"out": str(out), "articles": 0, "vi": 0, "de": 0, "en": 0, "negative": 0,
               "partnerships": 0, "techniques": 0, "gold": str(out / "gold.jsonl")}
    corpus = open(out / "articles.jsonl", "w", encoding="utf-8") if jsonl else None
    try:
        with open(out / "gold.jsonl", "w", encoding="utf-8") as gold:
            for text, case in iter_articles(articles, hospitals, seed, languages):
                if corpus is not None:
                    corpus.write(json.dumps({"id": case["id"], "text": text, "language": case["lang"],
                                             "source": case["source"], "published_on": case["published_on"]},
                                            ensure_ascii=False) + "\n")
                else:
                    (out / f"{case['id']}.txt").write_text(text, encoding="utf-8")
                gold.write(json.dumps(case, ensure_ascii=False) + "\n")
                summary["articles"] += 1
                summary[case["lang"]] += 1
                summary["negative"] += case["negative"]
                summary["partnerships"] += len(case["partnerships"])
                summary["techniques"] += len(case["techniques"])
    finally:
        if corpus is not None:
            corpus.close()
    return summary


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
    kinds = ["agreement", "supported", "transfer", "satellite", "support", "department"]
    kind_weights = [SCENARIO_WEIGHTS[k] for k in kinds]
    base = date(2013, 1, 1)
    for i in range(partnerships):
        scenario = rng.choices(kinds, kind_weights)[0]
        cast = _cast(world, scenario, rng)
        a, b = cast["A"], cast["B"]
        for org in (a, b):
            if org.key not in corpus.organisations:
                corpus.add_organisation(org.to_model())
        doc = f"syn{seed}-c{i:07d}"
        signed_day = base + timedelta(days=rng.randrange(0, 12 * 365))
        signed = signed_day.isoformat()
        evidence = Evidence(document=doc, sentence=f"{a.vi[0]} ký kết hợp tác với {b.vi[0]}.", language="vi",
                            source="synthetic")
        kind = "agreement" if scenario in ("supported", "department") else scenario
        supporter = None if scenario == "agreement" else a.key
        p = Partnership(parties=(a.key, b.key), kind=kind, evidence=evidence, supporter=supporter, signed_on=signed,
                        valid_to=_years_later(signed_day, rng.choice([1, 3, 5])).isoformat())
        corpus.partnerships[p.id] = p
        corpus.documents[doc] = Document(id=doc, text="", language="vi", source="synthetic")
        if kind == "transfer":
            for c in rng.sample(world.techniques, min(len(world.techniques), rng.randrange(1, 4))):
                t = TechniqueTransfer(name=c["vi"][0], evidence=evidence, source=a.key, recipient=b.key,
                                      en=c.get("en"), concept=c["id"], date=signed)
                corpus.techniques[t.id] = t
    return corpus
