"""Checks on the shipped reference data under loaders/ (gazetteer and lexicons).

Plain ``yaml.safe_load`` of the files, no healthgraph imports: these are the facts the
extractor relies on (province merger of 2025-07-01, organisation ids, concept labels).
"""
from __future__ import annotations

import collections
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1] / "loaders"
PROVINCES = ROOT / "gazetteer" / "provinces.yaml"
ORGANISATIONS = ROOT / "gazetteer" / "organisations.yaml"
SPECIALTIES = ROOT / "lexicon" / "specialties.yaml"
TECHNIQUES = ROOT / "lexicon" / "techniques.yaml"
ALL_FILES = [PROVINCES, ORGANISATIONS, SPECIALTIES, TECHNIQUES]

ORG_KINDS = {
    "hospital", "health_department", "people_committee", "health_centre", "university",
    "company", "ministry", "institute", "foreign_body", "organisation",
}
TIERS = {"central", "provincial", "district", "commune", "private", "foreign", None}
OPERATORS = {"moh", "military", "city", "province", "private", "foreign"}

# Nghị quyết 202/2025/QH15: the 23 merged provinces (new slug -> pre-2025 slugs) ...
MERGED = {
    "tuyen-quang": {"ha-giang", "tuyen-quang"},
    "lao-cai": {"lao-cai", "yen-bai"},
    "thai-nguyen": {"thai-nguyen", "bac-kan"},
    "phu-tho": {"phu-tho", "vinh-phuc", "hoa-binh"},
    "bac-ninh": {"bac-ninh", "bac-giang"},
    "hung-yen": {"hung-yen", "thai-binh"},
    "hai-phong": {"hai-phong", "hai-duong"},
    "ninh-binh": {"ninh-binh", "ha-nam", "nam-dinh"},
    "quang-tri": {"quang-tri", "quang-binh"},
    "da-nang": {"da-nang", "quang-nam"},
    "quang-ngai": {"quang-ngai", "kon-tum"},
    "gia-lai": {"gia-lai", "binh-dinh"},
    "khanh-hoa": {"khanh-hoa", "ninh-thuan"},
    "dak-lak": {"dak-lak", "phu-yen"},
    "lam-dong": {"lam-dong", "dak-nong", "binh-thuan"},
    "dong-nai": {"dong-nai", "binh-phuoc"},
    "ho-chi-minh": {"ho-chi-minh", "binh-duong", "ba-ria-vung-tau"},
    "tay-ninh": {"tay-ninh", "long-an"},
    "dong-thap": {"dong-thap", "tien-giang"},
    "vinh-long": {"vinh-long", "ben-tre", "tra-vinh"},
    "an-giang": {"an-giang", "kien-giang"},
    "can-tho": {"can-tho", "hau-giang", "soc-trang"},
    "ca-mau": {"ca-mau", "bac-lieu"},
}
# ... and the 11 that were not merged (pre-2025 id -> post-2025 id)
UNCHANGED = {
    "ha-noi": "ha-noi-2025", "thua-thien-hue": "hue-2025", "lai-chau": "lai-chau-2025",
    "dien-bien": "dien-bien-2025", "son-la": "son-la-2025", "lang-son": "lang-son-2025",
    "quang-ninh": "quang-ninh-2025", "thanh-hoa": "thanh-hoa-2025", "nghe-an": "nghe-an-2025",
    "ha-tinh": "ha-tinh-2025", "cao-bang": "cao-bang-2025",
}
CITIES_PRE = {"ha-noi", "hai-phong", "da-nang", "ho-chi-minh", "can-tho"}
CITIES_POST = {"ha-noi-2025", "hai-phong-2025", "hue-2025", "da-nang-2025", "ho-chi-minh-2025", "can-tho-2025"}


def _load(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def provinces():
    return _load(PROVINCES)["provinces"]


@pytest.fixture(scope="module")
def pre(provinces):
    return {p["id"]: p for p in provinces if p["era"] == "pre2025"}


@pytest.fixture(scope="module")
def post(provinces):
    return {p["id"]: p for p in provinces if p["era"] == "post2025"}


@pytest.fixture(scope="module")
def organisations():
    return _load(ORGANISATIONS)["organisations"]


@pytest.fixture(scope="module")
def concepts():
    return {"specialties": _load(SPECIALTIES)["concepts"], "techniques": _load(TECHNIQUES)["concepts"]}


def _key(s: str) -> str:
    """The matching key the extractor uses: no diacritics, đ→d, lower case, punctuation as spaces."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


# ---------------------------------------------------------------- all files

@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_string_is_nfc(path):
    bad = [s for s in _strings(_load(path)) if unicodedata.normalize("NFC", s) != s]
    assert not bad, bad[:5]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_no_stray_whitespace(path):
    bad = [s for s in _strings(_load(path)) if s != s.strip() or "  " in s]
    assert not bad, bad[:5]


def test_ids_unique_across_gazetteer_files(provinces, organisations):
    ids = [p["id"] for p in provinces] + [o["id"] for o in organisations]
    dupes = [i for i, n in collections.Counter(ids).items() if n > 1]
    assert not dupes


# ---------------------------------------------------------------- provinces

def test_merger_date():
    assert _load(PROVINCES)["merger_date"] == "2025-07-01"


def test_province_counts(provinces, pre, post):
    assert {p["era"] for p in provinces} == {"pre2025", "post2025"}
    assert len(pre) == 63
    assert len(post) == 34
    assert len(provinces) == 97


def test_province_fields(provinces):
    for p in provinces:
        assert p["name"] and p["type"] in {"province", "city"}, p["id"]
        assert p.get("source"), p["id"]
        assert set(p["names"]) == {"en", "de"}, p["id"]
        assert all(p["names"].values()), p["id"]
        assert isinstance(p.get("aliases", []), list), p["id"]
        if "code" in p:
            assert isinstance(p["code"], str) and len(p["code"]) == 2 and p["code"].isdigit(), p["id"]


def test_province_codes_unique_per_era(pre, post):
    for era in (pre, post):
        codes = [p["code"] for p in era.values() if "code" in p]
        assert len(codes) == len(set(codes))


def test_post2025_ids_are_slug_plus_2025(post):
    for pid in post:
        assert pid.endswith("-2025")
    assert set(post) == {s + "-2025" for s in MERGED} | set(UNCHANGED.values())


def test_merged_into_points_at_post2025(pre, post):
    for pid, p in pre.items():
        assert "formed_from" not in p, pid
        assert p.get("merged_into") in post, pid


def test_formed_from_partitions_the_63(pre, post):
    seen = collections.Counter()
    for pid, p in post.items():
        assert "merged_into" not in p, pid
        assert p["formed_from"], pid
        for old in p["formed_from"]:
            assert old in pre, (pid, old)
            seen[old] += 1
    assert set(seen) == set(pre)
    assert all(n == 1 for n in seen.values()), [k for k, n in seen.items() if n != 1]


def test_merged_into_and_formed_from_agree(pre, post):
    for pid, p in post.items():
        for old in p["formed_from"]:
            assert pre[old]["merged_into"] == pid


def test_merger_matches_resolution_202(pre, post):
    for new, olds in MERGED.items():
        assert set(post[new + "-2025"]["formed_from"]) == olds, new
    for old, new in UNCHANGED.items():
        assert post[new]["formed_from"] == [old]
    assert len(MERGED) + len(UNCHANGED) == 34


def test_unchanged_provinces_keep_their_name(pre, post):
    for old, new in UNCHANGED.items():
        p, q = pre[old], post[new]
        assert pre[old]["merged_into"] == new
        assert q["name"] == p["name"] or q["name"] in p.get("aliases", []), (old, new)


def test_merged_province_takes_a_constituent_name(post, pre):
    for new in MERGED:
        names = {pre[o]["name"] for o in post[new + "-2025"]["formed_from"]}
        assert post[new + "-2025"]["name"] in names


def test_city_types(pre, post):
    assert {i for i, p in pre.items() if p["type"] == "city"} == CITIES_PRE
    assert {i for i, p in post.items() if p["type"] == "city"} == CITIES_POST


def test_well_known_codes(pre, post):
    assert pre["ha-noi"]["code"] == "01" and pre["ho-chi-minh"]["code"] == "79"
    assert pre["dak-nong"]["code"] == "67" and pre["ca-mau"]["code"] == "96"
    assert post["ha-noi-2025"]["code"] == "01" and post["ho-chi-minh-2025"]["code"] == "79"
    # a merged province's code is one of its constituents' codes
    for pid, p in post.items():
        if "code" in p:
            assert p["code"] in {pre[o].get("code") for o in p["formed_from"]}, pid


def test_province_aliases_articles_use(pre, post):
    hcm = set(pre["ho-chi-minh"]["aliases"])
    for a in ["TP.HCM", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Sài Gòn", "HCMC", "Ho Chi Minh City"]:
        assert a in hcm, a
    assert {"Đăk Nông", "Dak Nong"} <= set(pre["dak-nong"]["aliases"]) | {pre["dak-nong"]["name"]}
    assert pre["dak-nong"]["name"] == "Đắk Nông"
    assert pre["dak-lak"]["name"] == "Đắk Lắk" and "Đăk Lăk" in pre["dak-lak"]["aliases"]
    assert pre["ha-noi"]["names"]["en"] == "Hanoi" and "Hanoi" in pre["ha-noi"]["aliases"]
    assert {"Hue", "Thua Thien Hue"} <= set(pre["thua-thien-hue"]["aliases"])
    assert post["hue-2025"]["name"] == "Huế"


def test_province_aliases_unique_within_an_era(pre, post):
    for era in (pre, post):
        owner = {}
        for pid, p in era.items():
            for a in [p["name"], *p.get("aliases", []), *p["names"].values()]:
                assert owner.setdefault(_key(a), pid) == pid, (a, owner[_key(a)], pid)


# ---------------------------------------------------------------- organisations

def test_organisation_fields(organisations, pre, post):
    for o in organisations:
        assert o["id"] and o["name"], o
        assert o["kind"] in ORG_KINDS, o["id"]
        assert o.get("tier") in TIERS, o["id"]
        if o.get("operator") is not None:
            assert o["operator"] in OPERATORS, o["id"]
        if o.get("province") is not None:
            assert o["province"] in pre or o["province"] in post, o["id"]
        assert o.get("source"), o["id"]
        assert set(o.get("names", {})) <= {"en", "de"}, o["id"]
        for field in ("aliases", "short", "former_names"):
            assert isinstance(o.get(field, []), list), (o["id"], field)


def test_organisation_ids_are_kebab_ascii(organisations):
    for o in organisations:
        assert o["id"].isascii() and o["id"] == o["id"].lower() and " " not in o["id"], o["id"]
        assert not o["id"].startswith(("x-", "bvdk-")), o["id"]  # reserved for unresolved / pattern ids


def test_no_alias_shared_by_two_organisations(organisations):
    owner = {}
    for o in organisations:
        forms = [o["name"], *o.get("aliases", []), *o.get("former_names", []), *o.get("names", {}).values()]
        for form in set(forms):
            prev = owner.setdefault(_key(form), o["id"])
            assert prev == o["id"], (form, prev, o["id"])


def test_short_names_not_shared_and_not_full_names(organisations):
    full = {}
    for o in organisations:
        for form in [o["name"], *o.get("aliases", []), *o.get("former_names", []), *o.get("names", {}).values()]:
            full[_key(form)] = o["id"]
    short_owner = {}
    for o in organisations:
        for s in o.get("short", []):
            assert _key(s) not in full, (s, o["id"], full.get(_key(s)))
            assert short_owner.setdefault(_key(s), o["id"]) == o["id"], (s, short_owner[_key(s)], o["id"])


def test_place_names_are_never_organisation_aliases(organisations, provinces):
    places = set()
    for p in provinces:
        places.add(_key(p["name"]))
        places.update(_key(a) for a in p.get("aliases", []))
    for o in organisations:
        for form in [o["name"], *o.get("aliases", [])]:
            assert _key(form) not in places, (form, o["id"])
    bach_mai = next(o for o in organisations if o["id"] == "bach-mai")
    assert "Bạch Mai" in bach_mai["short"] and "Bạch Mai" not in bach_mai["aliases"]


def test_central_hospitals_present(organisations):
    ids = {o["id"]: o for o in organisations}
    for i in ["bach-mai", "viet-duc", "cho-ray", "hue-central", "thai-nguyen-central", "k-hospital", "tuqd-108"]:
        assert ids[i]["tier"] == "central" and ids[i]["kind"] == "hospital", i
    assert ids["hue-central"]["province"] == "thua-thien-hue"
    assert ids["cho-ray"]["province"] == "ho-chi-minh"
    assert ids["tuqd-108"]["operator"] == "military"
    assert ids["bo-y-te"]["kind"] == "ministry" and ids["bo-y-te"]["tier"] == "central"


def test_no_generic_provincial_general_hospitals(organisations):
    for o in organisations:
        for form in [o["name"], *o.get("aliases", [])]:
            low = _key(form)
            assert not low.startswith(("benh vien da khoa tinh", "bvdk tinh")), (form, o["id"])


# ---------------------------------------------------------------- lexicons

def test_concepts_have_labels(concepts):
    for file, items in concepts.items():
        assert items, file
        for c in items:
            assert isinstance(c["vi"], list) and c["vi"] and all(isinstance(v, str) and v for v in c["vi"]), c
            assert isinstance(c["en"], str) and c["en"], c["id"]
            assert isinstance(c["de"], str) and c["de"], c["id"]
            assert "(" not in c["en"] + c["de"], c["id"]  # matched as phrases: no parenthetical glosses


def test_concept_ids_kebab_and_unique(concepts):
    ids = [c["id"] for items in concepts.values() for c in items]
    assert len(ids) == len(set(ids)), [i for i, n in collections.Counter(ids).items() if n > 1]
    for i in ids:
        assert i.isascii() and i == i.lower() and " " not in i and "_" not in i, i


def test_broader_resolves(concepts):
    spec_ids = {c["id"] for c in concepts["specialties"]}
    all_ids = spec_ids | {c["id"] for c in concepts["techniques"]}
    for c in concepts["specialties"]:
        if c.get("broader"):
            assert c["broader"] in spec_ids and c["broader"] != c["id"], c["id"]
    for c in concepts["techniques"]:
        if c.get("broader"):
            assert c["broader"] in all_ids and c["broader"] != c["id"], c["id"]


def test_broader_has_no_cycles(concepts):
    parent = {c["id"]: c.get("broader") for items in concepts.values() for c in items}
    for start in parent:
        seen, node = set(), start
        while node:
            assert node not in seen, start
            seen.add(node)
            node = parent.get(node)


def test_labels_unique_across_concepts(concepts):
    owner = {}
    for items in concepts.values():
        for c in items:
            for label in [*c["vi"], c["en"], c["de"]]:
                prev = owner.setdefault(_key(label), c["id"])
                assert prev == c["id"], (label, prev, c["id"])


def test_lexicon_sizes_and_key_terms(concepts):
    assert len(concepts["specialties"]) >= 50
    assert len(concepts["techniques"]) >= 120
    by_id = {c["id"]: c for items in concepts.values() for c in items}
    assert by_id["umbilical-venous-catheterisation"]["vi"][0] == "đặt catheter tĩnh mạch rốn"
    assert "bơm Surfactan" in by_id["surfactant-administration"]["vi"]
    assert by_id["diagnostic-imaging"]["de"] == "diagnostische Bildgebung"
    assert by_id["infection-control"]["de"] == "Infektionskontrolle"


# a key written twice in one mapping would silently drop the first list (YAML keeps the last)
class _StrictLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
        if repeated:
            raise yaml.constructor.ConstructorError(None, None, f"key(s) {', '.join(repeated)} written twice",
                                                    node.start_mark)
        return super().construct_mapping(node, deep)


@pytest.mark.parametrize("path", sorted(ROOT.rglob("*.yaml")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_key_is_written_twice(path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


def test_a_key_written_twice_is_caught():
    with pytest.raises(yaml.constructor.ConstructorError, match="en"):
        yaml.load("pair_anaphor:\n  en: [a]\n  en: [b]\n", Loader=_StrictLoader)
