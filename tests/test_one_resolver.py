"""One name resolver: query parameters, ``viz --focus``, curated files and the extraction read a
name the same way (``healthgraph.resolve``)."""
from __future__ import annotations

import pytest

from healthgraph.errors import InputError
from healthgraph.extraction import extract_text, resolve_name
from healthgraph.graph import to_networkx, to_property_graph
from healthgraph.loaders.structured import load_structured
from healthgraph.model import Corpus
from healthgraph.queries import query
from healthgraph.visual import find_focus

SPELLINGS = ["BV Bạch Mai", "bach mai", "Bệnh viện Bạch Mai", "BỆNH VIỆN BẠCH MAI", "Bach Mai Hospital",
             "Bệnh viện Bạch Mai".replace("ạ", "a\u0323")]  # NFD-decomposed


def curated(tmp_path, parties: list[str], extra: str = "", name: str = "fix.yaml"):
    path = tmp_path / name
    quoted = ", ".join(f'"{p}"' for p in parties)
    path.write_text(f"{extra}agreements:\n  - parties: [{quoted}]\n    kind: support\n    supporter: \"{parties[0]}\"\n",
                    encoding="utf-8")
    return next(load_structured(path))


@pytest.mark.parametrize("typed", SPELLINGS)
def test_every_surface_resolves_a_spelling_alike(tmp_path, typed):
    facts = curated(tmp_path, [typed, "BVĐK tỉnh Lai Châu"])
    assert facts.partnerships[0].parties == ("bach-mai", "bvdk-lai-chau")
    assert resolve_name(typed).id == "bach-mai"

    graph = to_property_graph(Corpus.from_facts([facts]))
    assert find_focus(graph, typed) == "bach-mai"
    rows = query("dependants", {"hospital": typed}, backend="networkx", graph=to_networkx(graph)).tuples()
    assert [row[0] for row in rows] == ["bach-mai"]


def test_a_curated_name_nobody_knows_gets_the_id_the_extraction_gives_it(tmp_path):
    facts = curated(tmp_path, ["Bệnh viện Bạch Mai", "Bệnh viện Đa khoa Hòa Bình Xanh"])
    extracted = extract_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa Hòa Bình Xanh "
                             "để chuyển giao kỹ thuật can thiệp tim mạch.")
    unknown = facts.partnerships[0].parties[1]
    assert unknown.startswith("x-")
    assert unknown in {o.id for o in extracted.organisations}


def test_a_curated_name_is_matched_to_the_organisations_the_file_declares(tmp_path):
    extra = "organisations:\n  - id: tam-an\n    name: Bệnh viện Tâm An\n    aliases: [TAH]\n"
    facts = curated(tmp_path, ["bach mai", "tah"], extra)
    assert facts.partnerships[0].parties == ("bach-mai", "tam-an")
    facts = curated(tmp_path, ["bach mai", "benh vien tam an"], extra, name="again.yaml")
    assert facts.partnerships[0].parties == ("bach-mai", "tam-an")


def test_an_ambiguous_curated_name_is_one_line_naming_the_candidates(tmp_path):
    extra = ("organisations:\n  - id: tam-an-1\n    name: Bệnh viện Tâm An\n"
             "  - id: tam-an-2\n    name: Phòng khám Tâm An\n    aliases: [Bệnh viện Tâm An]\n")
    with pytest.raises(InputError) as caught:
        curated(tmp_path, ["bach mai", "Bệnh viện Tâm An"], extra)
    message = str(caught.value)
    assert "\n" not in message and "fix.yaml" in message
    assert "tam-an-1" in message and "tam-an-2" in message


def test_two_provinces_general_hospitals_never_resolve_to_one(tmp_path):
    facts = curated(tmp_path, ["BVĐK tỉnh Lai Châu", "Bệnh viện Đa khoa tỉnh Điện Biên"])
    assert facts.partnerships[0].parties == ("bvdk-lai-chau", "bvdk-dien-bien")


@pytest.mark.parametrize(("a", "b"), [
    (("partners", ["Tập đoàn Partner HealthCare"], None, "company", None),
     ("x", ["Parners HealthCare International"], None, "company", None)),  # a typo and a body word
    (("harvard", ["Trường Đại học Harvard"], None, "university", None),
     ("x", ["Trường Y Harvard"], None, "university", None)),
    (("bvdk-lai-chau", ["Bệnh viện Đa khoa tỉnh Lai Châu"], "lai-chau", "hospital", "provincial"),
     ("x", ["BV Lai Chau"], "lai-chau", None, None)),  # what is unknown does not tell them apart
])
def test_same_bodies_merges_one_body_written_two_ways(a, b):
    from healthgraph.resolve import same_bodies

    assert same_bodies([a, b]) == {a[0]: a[0], "x": a[0]}


@pytest.mark.parametrize(("a", "b"), [
    # two provinces' general hospitals, named alike
    (("bvdk-a", ["Bệnh viện Đa khoa Trung tâm"], "an-giang", "hospital", "provincial"),
     ("bvdk-b", ["Bệnh viện Đa khoa Trung tâm"], "tien-giang", "hospital", "provincial")),
    # a central and a provincial hospital of one province
    (("central", ["Bệnh viện Trung ương Thái Nguyên"], "thai-nguyen", "hospital", "central"),
     ("provincial", ["Bệnh viện Đa khoa tỉnh Thái Nguyên"], "thai-nguyen", "hospital", "provincial")),
    # a hospital and a university of one name
    (("hospital", ["Bệnh viện Đại học Y Hà Nội"], "ha-noi", "hospital", None),
     ("school", ["Trường Đại học Y Hà Nội"], "ha-noi", "university", None)),
    # close in letters, other words: eye and lung hospitals; numbered hospitals
    (("eye", ["Nationales Augenkrankenhaus"], None, None, None), ("lung", ["Nationales Lungenkrankenhaus"], None, None, None)),
    (("bv-115", ["Bệnh viện 115"], None, None, None), ("bv-175", ["Bệnh viện 175"], None, None, None)),
    (("generic-a", ["Bệnh viện Đa khoa tỉnh"], None, "hospital", None),
     ("generic-b", ["Bệnh viện Đa khoa tỉnh"], None, "hospital", None)),  # a name that names no one
])
def test_same_bodies_keeps_two_bodies_apart(a, b):
    from healthgraph.resolve import same_bodies

    assert same_bodies([a, b]) == {a[0]: a[0], b[0]: b[0]}
