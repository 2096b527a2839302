"""Stage 4: resolve mentions to canonical organisations.

* A gazetteer organisation keeps its id (``bach-mai``).
* A name built on a province gets ``<template>-<province id>[-<number>]``
  (``bvdk-lai-chau``, ``bvdk-lao-cai-2``, ``syt-son-la``, ``ubnd-ha-noi``).
* A template without its province ("Bệnh viện Đa khoa tỉnh", "Sở Y tế") takes the province
  from the article: the one same-template name that does carry a province, else the
  province of the source line (a URL such as baophutho.vn, "Nguồn Phú Thọ"), else the
  only province the article names. Otherwise it stays unresolved, with an id private to
  the document, so two provinces' hospitals never merge.
* Any other name gets ``x-<slug of its folded name>``.
"""
from __future__ import annotations

import re

from ..gazetteer import Province
from ..model import Organisation
from ..text import fold, slug
from .mentions import Lexicon, Mention
from .tokens import TokenText

_URL = re.compile(r"https?://([^/\s]+)|\b([a-z0-9-]+\.(?:vn|com|org|net))\b", re.I)
_SOURCE_LINE = re.compile(r"^\s*(?:ngu[oồ]n|quelle|source)\b[\s:]*(.+)$", re.I | re.M)

_TEMPLATE_NAMES = {
    "bvdk": ("Bệnh viện Đa khoa {admin} {p}", "{en} Provincial General Hospital",
             "Allgemeines Krankenhaus der Provinz {de}", "hospital", "provincial"),
    "bvtw": ("Bệnh viện Trung ương {p}", "{en} Central Hospital", "Zentralkrankenhaus {de}", "hospital", "central"),
    "syt": ("Sở Y tế {p}", "{en} Department of Health", "Gesundheitsamt {de}", "health_department", None),
    "ubnd": ("Ủy ban nhân dân {admin} {p}", "{en} People's Committee", "Volkskomitee {de}", "people_committee", None),
}


def document_province(tokens: TokenText, mentions: list[Mention], lexicon: Lexicon, template: str) -> Province | None:
    """The province a bare template name in this document refers to, or ``None``."""
    same = {m.province.id: m.province for m in mentions if m.template == template and m.province is not None}
    if len(same) == 1:
        return next(iter(same.values()))
    if len(same) > 1:
        return None
    from_source = _source_province(tokens.text, lexicon)
    if from_source is not None:
        return from_source
    # "UBND tỉnh, Sở Y tế dự lễ … cho Bệnh viện đa khoa tỉnh Bắc Ninh": the province of the article's other
    # provincial bodies, when they are all of one
    provincial = {m.province.id: m.province for m in mentions if m.template is not None and m.province is not None}
    if len(provincial) == 1:
        return next(iter(provincial.values()))
    named = {}
    covered = [(m.start, m.end) for m in mentions]
    for i, j, provinces in lexicon.provinces.find_all(tokens):
        start, end = tokens.char_span(i, j)
        # (a province is written in capitals: "diễn biến nặng" folds to "dien bien" but names no Điện Biên)
        if tokens.text[start].isupper() and not any(s <= start and end <= e for s, e in covered):
            named[provinces[0].id] = provinces[0]
    return next(iter(named.values())) if len(named) == 1 else None


def _source_province(text: str, lexicon: Lexicon) -> Province | None:
    candidates = []
    for m in _URL.finditer(text):
        host = (m.group(1) or m.group(2)).lower()
        compact = host.replace("-", "").replace(".", " ")
        for province in lexicon.gazetteer.provinces.values():
            key = fold(province.name).replace(" ", "")
            if len(key) > 4 and key in compact:
                candidates.append(province)
    for m in _SOURCE_LINE.finditer(text):
        candidates.extend(p for p in lexicon.gazetteer.find_provinces(m.group(1).split(":")[0].strip()))
    unique = {p.id: p for p in candidates if p.era == "pre2025"} or {p.id: p for p in candidates}
    return next(iter(unique.values())) if len(unique) == 1 else None


_FOREIGN_WORDS = frozenset("international inc llc ltd corporation corp foundation group healthcare health medical "
                           "hospital university gmbh ag co company institute school clinic".split())
_VI_HEAD = re.compile(r"^(?:công ty|tập đoàn|trường đại học|đại học|học viện|viện|bệnh viện|tổ chức|nhãn hàng)\s+",
                      re.I)


def looks_foreign(name: str) -> bool:
    """True for a name written in English/German words inside a Vietnamese text
    ("công ty Partners HealthCare International"): such bodies are foreign.

    Examples
    --------
    >>> looks_foreign("công ty Parners HealthCare International")
    True
    >>> looks_foreign("Công ty Cổ phần Dược Hậu Giang")
    False
    >>> looks_foreign("Klinikum Mittelhessen-Süd")
    True
    """
    proper = _VI_HEAD.sub("", name)
    if _NON_VIETNAMESE_LETTER.search(proper):  # "Klinikum Mittelhessen-Süd", "Hôpital Saint-Jérôme"
        return True
    if not proper.isascii():
        return False
    return any(word in _FOREIGN_WORDS for word in fold(proper).split())


# letters that Vietnamese never writes: German umlauts and ß, French and Spanish accents
_NON_VIETNAMESE_LETTER = re.compile("[äöüßÄÖÜëïËÏçÇñÑåÅøØæÆœ]")


def template_organisation(template: str, province: Province, number: str | None, modifiers: tuple[str, ...],
                          lexicon: Lexicon, surface: str, hospital_type=None) -> Organisation:
    """The canonical organisation ``template`` builds on ``province``."""
    org_id = f"{template}-{province.id}" + (f"-{number}" if number else "")
    known = lexicon.gazetteer.organisations.get(org_id) or lexicon.known_by_template(org_id)
    if known is not None:
        return known_organisation(known)
    admin = "thành phố" if province.type == "city" else "tỉnh"
    en, de = province.names.get("en", province.name), province.names.get("de", province.name)
    suffix_vi = f" số {number}" if number else ""
    suffix_en = f" No. {number}" if number else ""
    if template in _TEMPLATE_NAMES:
        vi, en_name, de_name, kind, tier = _TEMPLATE_NAMES[template]
        name = vi.format(admin=admin, p=province.name) + suffix_vi
        names = {"en": en_name.format(en=en) + suffix_en, "de": de_name.format(de=de) + suffix_vi.replace("số", "Nr.")}
    elif hospital_type is not None:  # "Bệnh viện Y học cổ truyền tỉnh An Giang"
        kind, tier = "hospital", "provincial"
        name = f"Bệnh viện {hospital_type.vi} {admin} {province.name}" + suffix_vi
        names = {"en": f"{en} {hospital_type.en} Hospital" + suffix_en,
                 "de": f"Krankenhaus für {hospital_type.de} der Provinz {de}"}
    else:  # another kind of provincial hospital, named as written
        kind, tier = "hospital", "provincial"
        head = surface.rsplit(" ", len(province.name.split()))[0] if surface else "Bệnh viện"
        name = f"{head} {province.name}"
        names = {}
    return Organisation(id=org_id, name=name, kind=kind, tier=tier, province=province.id, names=names)


def known_organisation(known) -> Organisation:
    """The :class:`Organisation` record of a gazetteer entry."""
    return Organisation(id=known.id, name=known.name, kind=known.kind, tier=known.tier, province=known.province,
                        names=dict(known.names), former_names=list(known.former_names))


def resolve_mentions(tokens: TokenText, mentions: list[Mention], lexicon: Lexicon,
                     document_id: str) -> list[tuple[Mention, Organisation]]:
    """Pair every mention with its canonical :class:`Organisation` (shared per id).

    Short names ("Bạch Mai") count only for an organisation the document also names in
    full; a short name alone is dropped.
    """
    context: dict[str, Province | None] = {}
    orgs: dict[str, Organisation] = {}
    resolved: list[tuple[Mention, Organisation]] = []
    full_known = {m.known.id for m in mentions if m.known is not None and not m.short}
    by_surface: dict[str, Organisation] = {}
    by_alias: dict[str, Organisation] = {}  # each alias a name was given, and whose
    # a short form alone is dropped ("Bạch Mai" may be a street), but a generic ministry's name is
    # Vietnam's in an article about Vietnam, and another country's ministry elsewhere ("the Ministry
    # of Health in Lilongwe"): a body of its own
    about_vietnam = any(m.known is not None and not m.short and m.known.province for m in mentions) \
        or "vietnam" in tokens.key or "viet nam" in tokens.key
    built: dict[tuple[str, str, str | None], Organisation] = {}  # per template, province and number

    def from_template(template: str, m: Mention, province: Province) -> Organisation:
        # the first record of an id is the one kept (below): one is made per id, not per mention
        key = (template, province.id, m.number)
        if key not in built:
            built[key] = template_organisation(template, province, m.number, m.modifiers, lexicon, m.surface,
                                               m.hospital_type)
        return built[key]

    for m in mentions:
        known = m.known
        if known is not None and m.short and known.id not in full_known and m.kind == "ministry":  # a generic one
            if about_vietnam:
                full_known.add(known.id)
            else:
                known = None
        if known is not None:
            if m.short and known.id not in full_known:
                continue
            org = orgs[known.id] if known.id in orgs else known_organisation(known)  # one record per id
        elif m.template is not None and m.province is not None:
            org = from_template(m.template, m, m.province)
        elif m.template is not None and m.needs_context:
            if m.template not in context:
                context[m.template] = document_province(tokens, mentions, lexicon, m.template)
            province = context[m.template]
            if province is not None:
                org = from_template(m.template, m, province)
            else:
                tier = _TEMPLATE_NAMES[m.template][4] if m.template in _TEMPLATE_NAMES else None
                org = Organisation(id=f"unresolved-{m.template}-{slug(document_id)}", name=m.surface, kind=m.kind,
                                   tier=tier, resolved=False)
        elif m.alias_of is not None and m.alias_of in by_surface:
            org = by_surface[m.alias_of]  # "UMR" after "Universitätsmedizin Rostock (UMR)"
        elif m.surface in by_alias:
            org = by_alias[m.surface]  # "das HDZ NRW" after "Herz- und Diabeteszentrum NRW (HDZ NRW)"
        elif resolved and _bracketed_after(tokens.text, resolved[-1][0], m):
            org = resolved[-1][1]  # "Bệnh viện Đại học Y Dược TP.HCM (BV ĐHYD)": the short name in brackets
        else:
            # "công ty Partners HealthCare" is called "Partners HealthCare", "Tổ chức Operation Smile" "Operation Smile"
            bare = _VI_HEAD.sub("", m.surface) if m.kind in ("company", "foreign_body") else m.surface
            name = bare if bare != m.surface and (m.surface[:1].islower() or looks_foreign(bare)) else m.surface
            name = m.alias_of or name
            oid, province = "x-" + _nominative(slug(name)), m.province
            if province is None and fold(name).endswith(" tinh"):
                # "Bệnh xá Công an tỉnh": the province's, which the article names; two provinces' never merge
                if "" not in context:
                    context[""] = document_province(tokens, mentions, lexicon, "")
                province = context[""]
                oid = f"{oid}-{province.id}" if province is not None else f"unresolved-{slug(name)}-{slug(document_id)}"
            org = Organisation(id=oid, name=name, kind=m.kind,
                               tier=m.tier or ("foreign" if looks_foreign(name) else None),
                               province=province.id if province else None, resolved=False)
        org = orgs.setdefault(org.id, org)
        org.add_mention(m.surface)
        for alias in m.aliases:
            org.add_mention(alias)
            by_alias.setdefault(alias, org)
        if not org.resolved:
            org.add_mention(org.name)
        by_surface.setdefault(m.surface, org)
        resolved.append((m, org))
    return _merge_short_forms(resolved)


# German heads in the genitive ("des Klinikums X", "des Schleizer Krankenhauses"): one body, one id
_GENITIVE_ENDINGS = (("krankenhauses", 2), ("hauses", 2), ("verbundes", 2), ("netzwerkes", 2), ("netzwerks", 1),
                     ("klinikums", 1), ("spitals", 1), ("zentrums", 1), ("instituts", 1), ("vereins", 1))


# and its adjectives in any case ("Mitteldeutsches", "des Mitteldeutschen Herzzentrums")
_ADJECTIVE_ENDING = re.compile(r"(?<=sch)(?:en|es|er|em)$")


def _nominative(slugged: str) -> str:
    """The id part of a name with its German head out of the genitive and its adjectives in
    one form.

    >>> _nominative("klinikums-altenburger-land"), _nominative("mitteldeutschen-herzzentrums")
    ('klinikum-altenburger-land', 'mitteldeutsche-herzzentrum')
    """
    parts = slugged.split("-")
    for k, part in enumerate(parts):
        cut = next((n for ending, n in _GENITIVE_ENDINGS if part.endswith(ending)), 0)
        parts[k] = _ADJECTIVE_ENDING.sub("e", part[:-cut] if cut else part)
    return "-".join(parts)


def in_brackets_after(text: str, before_end: int, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone in brackets right after ``before_end`` ("A (B)")."""
    return text[before_end:start].strip() == "(" and text[end:end + 2].lstrip()[:1] == ")"


def _bracketed_after(text: str, before: Mention, mention: Mention) -> bool:
    """Whether ``mention``, shorter, stands alone in brackets right after ``before``: its short name."""
    return in_brackets_after(text, before.end, mention.start, mention.end) and len(mention.surface) < len(before.surface)


_WRITTEN_OUT = {"tphcm": ("tp", "ho", "chi", "minh"), "hcm": ("ho", "chi", "minh"), "tinh": (),
                "bv": ("benh", "vien"), "bvdk": ("benh", "vien", "da", "khoa"), "ttyt": ("trung", "tam", "y", "te"),
                "bvdkkv": ("benh", "vien", "da", "khoa", "khu", "vuc"), "bvdktw": ("benh", "vien", "da", "khoa", "trung",
                                                                                  "uong"),
                "bvyhct": ("benh", "vien", "y", "hoc", "co", "truyen"), "tw": ("trung", "uong"),
                "tyt": ("tram", "y", "te"),
                # "Uniklinikum Tübingen" = "Universitätsklinikum Tübingen"
                "uniklinikum": ("universitatsklinikum",), "uniklinik": ("universitatsklinik",),
                "unispital": ("universitatsspital",), "unimedizin": ("universitatsmedizin",)}


def _name_key(name: str) -> tuple[str, ...]:
    """Folded words of a name, German genitive "-s" off ("Inselspitals Bern" = "Inselspital Bern"),
    one spelling of the city ("thành phố Hồ Chí Minh" = "TP Hồ Chí Minh" = "TPHCM"), no "tỉnh",
    and heads written out ("BV Nguyễn Đình Chiểu" = "Bệnh viện Nguyễn Đình Chiểu", "Uniklinikum" =
    "Universitätsklinikum")."""
    words = fold(name).replace("thanh pho", "tp").split()
    if len(words) > 1 and words[0] in ("st", "sankt", "saint"):  # "St. Marienhospital Vechta" = "Marienhospital"
        words = words[1:]
    if len(words) > 2 and words[:2] == ["to", "chuc"]:  # "Tổ chức Children of Vietnam" = "Children of Vietnam"
        words = words[2:]
    words = [w[:-1] if len(w) > 5 and w.endswith("s") else w for w in words]
    return tuple(part for w in words for part in _WRITTEN_OUT.get(w, (w,)))


_DISTRICT_WORDS = frozenset({"huyen", "quan", "thi", "tx"})  # folded: huyện, quận, thị xã, TX


def _merge_short_forms(resolved: list[tuple[Mention, Organisation]]) -> list[tuple[Mention, Organisation]]:
    """Within one document, a shorter name of an organisation found by its shape is the same
    organisation as the longer name it abbreviates: same first and last word, all its words
    in the longer name ("Bệnh viện Mỹ Thiện" = "Bệnh viện Chuyên Khoa Răng Hàm Mặt Mỹ Thiện"),
    or the same words but for the genitive ("Zollernalb Klinikums"). Gazetteer and province
    names never merge this way, but a district's body named again without its province is the one
    its province's template named ("Bệnh viện Đa khoa huyện Lệ Thủy tỉnh Quảng Bình"), and a national
    body named again without "Việt Nam" the one named with it ("Tập đoàn Dầu khí")."""
    shaped = {org.id: org for _, org in resolved if org.id.startswith("x-")}
    if not shaped or len(shaped) < 2 and len({org.id for _, org in resolved}) < 2:
        return resolved
    named = {org.id: _name_key(org.name) for _, org in resolved}
    keys = {oid: named[oid] for oid in shaped}
    # "Tập đoàn Dầu khí" after "Tập đoàn Dầu khí Việt Nam": a national body named again without its country
    national = {key[:-2]: oid for oid, key in named.items() if key[-2:] == ("viet", "nam")}
    located_by_template = {oid: key for oid, key in named.items()
                           if not oid.startswith("x-") and _DISTRICT_WORDS & set(key)}
    target: dict[str, str] = {}
    for oid, key in sorted(keys.items(), key=lambda item: len(item[1])):
        for other, longer in sorted(keys.items(), key=lambda item: -len(item[1])):
            if other == oid or len(longer) < len(key) or other in target:
                continue
            same = longer == key and other < oid
            shorter_form = (len(longer) > len(key) >= 2 and key[0] == longer[0] and key[-1] == longer[-1]
                            and set(key) <= set(longer))
            compound = len(key) == 1 and longer[0] == key[0] and sum(k[0] == key[0] for k in keys.values()) == 2 and (
                len(key[0]) >= 8 and len(longer) == 2  # "Zollernalb" for "Zollernalb Klinikum", if only it begins so
                or len(key[0]) >= 4 and shaped[oid].kind == "company")  # "Pfizer" for "Pfizer Việt Nam"
            # "Viet Duc Klinik" for "Viet Duc Universitätsklinik": the same name on a compound head
            compound = compound or (len(key) == len(longer) >= 2 and key[:-1] == longer[:-1]
                                    and len(key[-1]) >= 5 and longer[-1].endswith(key[-1]))
            # "Marbrücker Klinikum" for "Klinikum Marbrück": the town's adjective before the head
            by_adjective = len(key) == 2 == len(longer) and key[1] == longer[0] and key[0] == longer[1] + "er"
            if same or shorter_form or compound or by_adjective:
                target[oid] = other
                break
        if oid not in target and len(key) >= 3 and national.get(key, oid) != oid:
            target[oid] = national[key]
        if oid not in target and sum(map(len, key)) >= 4 and not _DISTRICT_WORDS & set(key):
            # "Dana-Farber" after "Dana-Farber Cancer Institute": the name without its head, when only
            # one name of the document goes on from it
            named_on = [other for other, longer in keys.items() if other != oid and 0 < len(longer) - len(key) <= 3
                        and longer[:len(key)] == key and shaped[other].kind != shaped[oid].kind == "organisation"]
            if len(named_on) == 1:
                target[oid] = named_on[0]
        if oid not in target and _DISTRICT_WORDS & set(key):
            # "Trung tâm Y tế huyện Núi Thành" after "… huyện Núi Thành tỉnh Quảng Nam": the same district's body
            # with its province left out, when only one such body is in the document
            located = [other for other, longer in (keys | located_by_template).items() if other != oid
                       and len(longer) > len(key) and longer[:len(key)] == key and len(longer) - len(key) <= 3]
            if len(located) == 1:
                target[oid] = located[0]
    if not target:
        return resolved

    def final(oid: str) -> str:
        seen = set()
        while oid in target and oid not in seen:
            seen.add(oid)
            oid = target[oid]
        return oid

    every = {org.id: org for _, org in resolved}
    for oid in target:  # fold each short form into its long form once
        every[final(oid)].merge(shaped[oid])
    return [(m, every[final(org.id)] if org.id in target else org) for m, org in resolved]
