"""Write one synthetic article and its answer-key case.

Article ``i`` of corpus ``seed`` draws everything from one random generator seeded by the
two: its language, its scenario (an agreement, support, a technique transfer, a satellite
hospital, a health programme, or a negative article: a visit, inspection, request, award
or conference that co-mentions two organisations without any agreement), the
organisations it is about (:func:`~.world.choose_cast`), its sentences (:mod:`.templates`)
and its spelling (:mod:`.variants`). The facts the text states make up the case, in the
format of the shared gold annotations.
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta
from typing import Callable, Iterator, Sequence, TypeAlias

from ..errors import HealthgraphError
from ..text import slug
from . import templates
from .phrasing import date_phrase, listing, person, province_vi, validity_date, years_later
from .variants import respell, spell
from .world import SCENARIO_WEIGHTS, SynthOrg, World, choose_cast

LANGUAGES = ("vi", "de", "en")
DEFAULT_LANGUAGE_WEIGHTS = {"vi": 0.8, "de": 0.1, "en": 0.1}
NEGATIVE_KINDS = ("visit", "inspection", "request", "award", "conference")
# the gold key of the i-th phrase of each language's "activities" list
ACTIVITY_KEYS = ["training", "technology_transfer", "staff_rotation", "telehealth", "remote_consultation", "research",
                 "equipment", "quality_management", "delegation_exchange", "specialty_development"]

_GERMAN_ARTICLES = {"nom": {"m": "der", "f": "die", "n": "das"}, "dat": {"m": "dem", "f": "der", "n": "dem"},
                    "gen": {"m": "des", "f": "der", "n": "des"}}
_CASE_OF_ARTICLE = {"das": "nom", "der": "nom", "dem": "dat", "des": "gen"}  # as templates write them
_PLACEHOLDER = re.compile(r"\{(?:(das|dem|des|der) )?(\w+)\}")

Values: TypeAlias = dict[str, str | Callable[[], str]]  # placeholder -> text, or a function drawing it when used


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
    def name(self, org: SynthOrg) -> str:
        """A name of ``org``: the full one at first mention (mostly), any form after."""
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
            surface = (org.de[0] if first else rng.choice(org.de))["nom"]
        self._mention(org, surface)
        return surface

    def de_name(self, org: SynthOrg, case: str) -> str:
        """German article + declined name: ``dem Allgemeinen Krankenhaus ...``."""
        variant = self.rng.choice(org.de) if org.key in self.used else org.de[0]
        self._mention(org, variant[case])
        return f"{_GERMAN_ARTICLES[case][variant['gender']]} {variant[case]}"

    def _mention(self, org: SynthOrg, surface: str) -> None:
        self.orgs[org.key] = org
        names = self.used.setdefault(org.key, [])
        if surface not in names:
            names.append(surface)

    def fill(self, template: str, roles: dict[str, SynthOrg], values: Values) -> str:
        """Render ``template``: ``{A}`` a name, ``{dem A}`` German article + name, ``{x}`` a value."""

        def replace(m: re.Match) -> str:
            article, key = m.group(1), m.group(2)
            if key in roles:
                if article:
                    return self.de_name(roles[key], _CASE_OF_ARTICLE[article])
                return self.name(roles[key])
            value = values[key]
            text = value() if callable(value) else value
            if key == "date" and template[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?"):
                text = text[:1].lower() + text[1:]  # "Thực hiện Đề án 1816, ngày 2/12, ..."
            return text

        return _PLACEHOLDER.sub(replace, template)

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
        return listing([t for t, _ in terms], self.lang)

    def field_list(self, k: int) -> str:
        terms = self.pick_terms(self.world.specialties, k)
        for label, c in terms:
            self.fields.append({"name": label, "en": c.get("en")})
        return listing([t for t, _ in terms], self.lang)

    def activity_list(self, k: int) -> str:
        labels = templates.language(self.lang)["activities"]
        chosen = sorted(self.rng.sample(range(len(labels)), min(k, len(labels))))
        self.activities.extend(ACTIVITY_KEYS[i] for i in chosen)
        return ("; " if self.lang == "de" else ", ").join(labels[i] for i in chosen)


def _negative_cast(world: World, kind: str, rng: random.Random) -> dict[str, SynthOrg]:
    """Two organisations co-mentioned without any agreement; ``C`` is the ministry."""
    cast = choose_cast(world, rng.choice(["supported", "department", "agreement"]), rng)
    if kind in ("inspection", "award"):
        # an authority and one of its hospitals; the cast drawn above is dropped, but its draws
        # stay so that a seed still gives the same corpus
        b = rng.choice(world.provincials or world.hospitals)
        authority = world.departments if rng.random() < 0.7 or b.province is None else world.committees
        cast = {"A": authority.get(b.province.id if b.province else "", world.ministry), "B": b}
    cast.setdefault("C", world.ministry)
    return cast


def _state_facts(art: _Article, scenario: str, cast: dict[str, SynthOrg]) -> None:
    """Every positive scenario binds A and B (and programme_transfer also C and D)."""
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
    kind = rng.choice(NEGATIVE_KINDS) if negative else scenario
    tpl = templates.language(lang)
    cast = _negative_cast(world, kind, rng) if negative else choose_cast(world, scenario, rng)
    provincial_generals = [o for o in cast.values() if o.bare]
    art = _Article(rng, lang, world, bare_ok=len(provincial_generals) == 1 and lang == "vi")

    # -- what the placeholders of the templates stand for
    event = date(2013, 1, 1) + timedelta(days=rng.randrange(0, 12 * 365))
    published = event + timedelta(days=rng.randrange(0, 6))
    event_phrase, event_iso = date_phrase(event, lang, rng)
    years = rng.choice([1, 2, 3, 5])
    vfrom = event if rng.random() < 0.6 else date(event.year, 1, 1)
    vto = years_later(vfrom, years)
    site_province = (cast["B"].province or rng.choice(world.provinces))
    values: Values = {
        "date": event_phrase, "y": str(event.year), "y5": str(event.year + 5), "n": str(rng.randrange(2, 9)),
        "m": str(rng.randrange(10, 99)), "k": str(years), "vfrom": validity_date(vfrom, lang),
        "vto": validity_date(vto, lang),
        "pub": f"{published.day:02d}/{published.month:02d}/{published.year}" if lang == "vi" else
        validity_date(published, lang), "hh": f"{rng.randrange(6, 22):02d}", "mm": f"{rng.randrange(60):02d}",
        "pdate": f"{rng.randrange(1, 28):02d} tháng {rng.randrange(1, 13)} năm {event.year - 1}",
        "site": "bao" + slug(site_province.name).replace("-", "") + ".vn",
        "slug": "", "byline": person(rng), "who": lambda: f"{rng.choice(templates.people()['titles'])} {person(rng)}",
        "role": lambda: rng.choice(tpl["roles"]),
        "techs": lambda: art.transfer(cast["A"], cast["B"] if scenario != "support" else None, rng.randrange(1, 6)),
        "fields": lambda: art.field_list(rng.randrange(1, 5)), "fields0": lambda: art.field_list(1),
        "acts": lambda: art.activity_list(rng.randrange(2, 6)),
    }

    def pick(pool: Sequence[str]) -> str:
        return art.fill(rng.choice(pool), cast, values)

    # -- the page: title, head, caption, lead, then shuffled body sentences in paragraphs, tail
    title = pick(tpl["title"][kind])
    values["slug"] = slug(title)[:80]
    lines = [title, ""]
    if rng.random() < 0.8:
        lines += [pick(tpl["head"]), ""]
    if rng.random() < 0.3:
        lines += [pick(tpl["caption"]), ""]
    lines.append(pick(tpl["lead"][kind]))
    body = list(tpl["body"][kind])
    rng.shuffle(body)
    paragraphs = [art.fill(t, cast, values) for t in body[: rng.randrange(1, len(body) + 1)]]
    if rng.random() < 0.6:
        paragraphs.append(pick(tpl["quote"]))
    if "C" in cast or negative:
        pass  # C is already a party (programme) or the ministry of a negative article
    elif rng.random() < 0.3 and lang == "vi" and cast["A"].kind == "hospital":
        # a bystander authority speaks at the ceremony but is not a party
        province = cast["B"].province
        cast["C"] = world.departments[province.id] if province is not None else world.ministry
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), pick(tpl["bystander"]))
    elif lang != "vi" and rng.random() < 0.2 and cast["B"].province is not None:
        cast["C"] = world.departments[cast["B"].province.id]
        paragraphs.append(pick(tpl["bystander"]))
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
        caption = pick(tpl["caption"])
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), caption + "\n\n" + caption)
    if art.bare_ok and lang == "vi" and provincial_generals:
        paragraphs.append(tpl["home_province"].format(province=province_vi(provincial_generals[0].home, rng),
                                                      visits=rng.randrange(5, 20)))
    lines += [""] + [p for para in paragraphs for p in (para, "")]
    tail = tpl["tail"]
    lines += [art.fill(t, cast, values) for t in rng.sample(tail, rng.randrange(1, min(3, len(tail)) + 1))]
    text = "\n".join(line[:1].upper() + line[1:] for line in lines) + "\n"

    # -- the facts stated
    if not negative:
        _state_facts(art, scenario, cast)
    art.dates = {"event_on": event_iso, "published_on": published.isoformat()}
    if not negative and scenario in ("agreement", "supported", "department"):
        art.dates["signed_on"] = event_iso
        # a sentence saying how long the agreement runs was written: recognised by its opening words
        if "Thời gian" in text or "Kooperationszeitraum" in text or "runs for" in text:
            art.dates.update(valid_from=vfrom.isoformat(), valid_to=vto.isoformat())

    text, variants = spell(text, lang, rng)
    case = {
        "id": f"syn{seed}-{index:06d}", "lang": lang, "source": values["site"],
        "orgs": [{"key": o.key, "names": [respell(n, variants) for n in art.used[o.key]], "kind": o.kind,
                  "province": o.province_name, "tier": o.tier} for o in art.orgs.values()],
        "partnerships": art.partnerships,
        "techniques": [{**t, "name": respell(t["name"], variants)} for t in art.techniques],
        "fields": art.fields, "activities": sorted(set(art.activities)),
        **art.dates, "negative": negative, "scenario": kind, "variants": variants,
    }
    return text, case


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
                  languages: str | Sequence[str] | dict | None = None,
                  world: World | None = None) -> Iterator[tuple[str, dict]]:
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
