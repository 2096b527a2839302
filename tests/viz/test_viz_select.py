"""What the page draws: filters, focus matching, styling, escaping and the big-graph mode."""
from __future__ import annotations

import base64
import gzip
import json
import re

import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.errors import HealthgraphError
from healthgraph.graph import PropertyGraph
from healthgraph.dates import in_range as date_in_range
from healthgraph.visual import build_network, find_focus, viz


def _page_data(path):
    """The data a page packs (gzipped JSON in base64)."""
    (data,) = re.findall(r'hgInflate\("([A-Za-z0-9+/=]+)"\)', path.read_text(encoding="utf-8"))
    return json.loads(gzip.decompress(base64.b64decode(data)))


def _edges(net):
    return {(e["from"], e["to"], e["kind"]) for e in net.edges}


def test_every_kind_of_link_is_drawn_once_between_organisations(graph):
    net = build_network(graph)
    assert _edges(net) == {
        ("bach-mai", "bvdk-lai-chau", "satellite"),
        ("bach-mai", "x-evil", "supports"),
        ("bach-mai", "bvdk-son-la", "supports"),
        ("syt-lai-chau", "viet-duc", "agreement"),
        ("viet-duc", "bvdk-lai-chau", "transfer"),
    }
    ids = {n["id"] for n in net.nodes}
    assert "x-bach-mai-2" in ids  # organisations without links are drawn when no link filter is set
    assert not ids & {"ha-noi", "lai-chau"} and not any(i.startswith(("agr-", "tech-")) for i in ids)
    by_kind = {e["kind"]: e for e in net.edges}
    assert by_kind["agreement"]["arrows"] == "" and by_kind["agreement"]["hgDashes"]
    assert by_kind["supports"]["arrows"] == "to" and not by_kind["supports"]["hgDashes"]


def test_hospitals_coloured_by_tier_sized_by_support_shaped_by_kind(graph):
    nodes = {n["id"]: n for n in build_network(graph).nodes}
    assert nodes["bach-mai"]["color"] != nodes["bvdk-lai-chau"]["color"]  # central vs provincial
    assert nodes["bach-mai"]["size"] > nodes["bvdk-lai-chau"]["size"]
    assert (nodes["bach-mai"]["supports"], nodes["viet-duc"]["supports"]) == (3, 0)  # SUPPORTS out-degree
    assert nodes["bach-mai"]["shape"] == "dot" and nodes["syt-lai-chau"]["shape"] == "diamond"


def test_tooltip_data_carry_names_province_counts_dates_and_evidence(graph, evil):
    # the page builds tooltips from these values as text (the browser tests hover them)
    net = build_network(graph)
    node = next(n for n in net.nodes if n["id"] == "x-evil")
    assert node["label"] == evil and node["province"] == "Lai Châu" and node["dated"] == ["2021", "2021"]
    assert (node["supports"], node["supported_by"]) == (0, 1) and "title" not in node
    satellite = next(e for e in net.edges if e["kind"] == "satellite")
    assert satellite["facts"] == [{
        "kind": "satellite", "start": "2019-03-02", "end": None, "technique": None, "activities": [],
        "evidence": "Bạch Mai nhận Lai Châu làm bệnh viện vệ tinh.", "source": "VnExpress", "document": "d1",
        "title": None, "url": None}]
    transfer = next(e for e in net.edges if e["kind"] == "transfer")
    assert transfer["facts"][0]["technique"] == "Phẫu thuật nội soi"


def test_facts_carry_the_title_of_their_article_when_the_corpus_has_it(corpus, tmp_path):
    # the property graph keeps the document id; viz takes the title from the corpus
    from healthgraph.model import Document

    corpus.documents["d1"] = Document("d1", "", title="Bạch Mai nhận thêm bệnh viện vệ tinh")
    page = viz(corpus, output=tmp_path / "t.html")
    data = _page_data(page.path)
    facts = [f for e in data["edges"] for f in e["facts"]]
    assert {f["document"]: f["title"] for f in facts}["d1"] == "Bạch Mai nhận thêm bệnh viện vệ tinh"
    assert all(f["title"] is None for f in facts if f["document"] != "d1")


@pytest.mark.parametrize("typed", ["Bạch Mai", "bach mai", "BẠCH MAI", "BV Bach Mai", "bach-mai"])
def test_focus_matches_a_name_as_typed(graph, typed):
    assert find_focus(graph, typed) == "bach-mai"


def test_ambiguous_and_unknown_focus_are_errors_listing_candidates(graph):
    with pytest.raises(HealthgraphError) as ambiguous:  # the message of `healthgraph query`: one resolver
        find_focus(graph, "Lai Châu")
    lines = str(ambiguous.value).splitlines()
    assert lines[0].startswith("--focus 'Lai Châu' is ambiguous")
    assert lines[1:] == ["  bvdk-lai-chau: Bệnh viện Đa khoa tỉnh Lai Châu", "  syt-lai-chau: Sở Y tế Lai Châu"]
    with pytest.raises(HealthgraphError, match="--focus 'Chợ Rẫy': no organisation of that name"):
        find_focus(graph, "Chợ Rẫy")


def test_focus_depth_limits_the_neighbourhood(graph):
    one = build_network(graph, focus="Viet Duc", depth=1)
    assert {n["id"] for n in one.nodes} == {"viet-duc", "syt-lai-chau", "bvdk-lai-chau"}
    two = build_network(graph, focus="Viet Duc", depth=2)
    assert {n["id"] for n in two.nodes} == {"viet-duc", "syt-lai-chau", "bvdk-lai-chau", "bach-mai"}
    assert ("bach-mai", "x-evil", "supports") not in _edges(two)


def test_province_kind_and_date_filters(graph):
    lai_chau = build_network(graph, province="lai chau")  # links touching Lai Châu, partners included
    assert {n["id"] for n in lai_chau.nodes} == {"bach-mai", "viet-duc", "bvdk-lai-chau", "syt-lai-chau", "x-evil"}
    assert _edges(build_network(graph, kinds=["satellite"])) == {("bach-mai", "bvdk-lai-chau", "satellite")}
    dated = build_network(graph, since="2020", until="2021-06")
    assert _edges(dated) == {("bach-mai", "x-evil", "supports"), ("syt-lai-chau", "viet-duc", "agreement")}
    with pytest.raises(HealthgraphError, match="unknown link kind 'friends'"):
        build_network(graph, kinds=["friends"])
    with pytest.raises(HealthgraphError, match="--since 'last year' is not a date"):
        build_network(graph, since="last year")
    with pytest.raises(HealthgraphError, match="province 'Atlantis': not a province name"):
        build_network(graph, province="Atlantis")


def test_partial_dates_compare_at_their_own_precision():
    assert date_in_range("2017", "2017-06", "2017-06")
    assert date_in_range("2017-05", None, "2017")
    assert not date_in_range("2016-12-31", "2017", None)
    assert not date_in_range("--05-29", "2017", None)


def test_big_graphs_get_a_precomputed_layout_without_physics():
    pg = PropertyGraph()
    for i in range(60):
        pg.add_node(f"h{i}", ("Organisation", "Hospital"), name=f"H{i}", kind="hospital")
    for i in range(1, 60):
        pg.add_edge(f"h{i % 5}", "SUPPORTS", f"h{i}", kind="support")
    small = build_network(pg)
    assert small.physics and "x" not in small.nodes[0]
    big = build_network(pg, physics_threshold=50)
    assert not big.physics and big.options["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in big.nodes}
    assert len(positions) == 60  # every node placed, none on top of another


def test_page_is_self_contained_and_escaped(graph, tmp_path, evil):
    page = viz(graph, output=tmp_path / "n.html")
    text = page.path.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", text, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert "alert(1)" not in text  # the data is packed: gzipped JSON in base64
    assert evil in {n["label"] for n in _page_data(page.path)["nodes"]}
    # the library and the page's own code, nothing injected
    assert len(re.findall(r"^<script>", text, re.M)) == 2 and text.lower().count("</script") == 2


def test_cli_writes_the_page_and_reports_bad_focus(tmp_path, corpus):
    from healthgraph.rdf.build import build
    from healthgraph.model import DocumentFacts

    facts = DocumentFacts(next(iter(corpus.documents.values())), list(corpus.organisations.values()),
                          list(corpus.partnerships.values()), list(corpus.techniques.values()))
    build([facts], store=tmp_path / "kg", show_progress=False)
    runner = CliRunner()
    out = tmp_path / "bm.html"
    ok = runner.invoke(main, ["viz", "--store", str(tmp_path / "kg"), "--focus", "bach mai", "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    assert "4 organisations, 3 links" in ok.output and out.is_file()
    bad = runner.invoke(main, ["viz", "--store", str(tmp_path / "kg"), "--focus", "Lai Chau", "-o", str(out)])
    assert bad.exit_code == 1
    assert "ambiguous" in bad.output.splitlines()[0] and "  syt-lai-chau: Sở Y tế Lai Châu" in bad.output


def test_one_body_is_drawn_once_but_two_provinces_hospitals_stay_two():
    pg = PropertyGraph()
    pg.add_node("partners", ("Organisation",), name="Tập đoàn Partner HealthCare", kind="company", resolved=True)
    pg.add_node("x-typo", ("Organisation",), name="Parners HealthCare International", kind="company")
    pg.add_node("harvard", ("Organisation",), name="Trường Đại học Harvard", kind="university", resolved=True)
    pg.add_node("x-harvard", ("Organisation",), name="Trường Y Harvard", kind="university")
    for org, province in (("bvdk-lai-chau", "lai-chau"), ("bvdk-son-la", "son-la")):
        pg.add_node(org, ("Organisation", "Hospital"), name="Bệnh viện Đa khoa Trung tâm", kind="hospital",
                    province=province)
    pg.add_edge("x-typo", "SUPPORTS", "bvdk-lai-chau", kind="support", date="2020")
    pg.add_edge("partners", "SUPPORTS", "bvdk-son-la", kind="support", date="2021")
    pg.add_edge("x-harvard", "SUPPORTS", "partners", kind="support", date="2019")
    net = build_network(pg)
    assert {n["id"] for n in net.nodes} == {"partners", "harvard", "bvdk-lai-chau", "bvdk-son-la"}
    assert _edges(net) == {("partners", "bvdk-lai-chau", "supports"), ("partners", "bvdk-son-la", "supports"),
                           ("harvard", "partners", "supports")}
    partners = next(n for n in net.nodes if n["id"] == "partners")
    assert partners["aliases"] == ["Tập đoàn Partner HealthCare", "Parners HealthCare International"]
    assert "parners healthcare international" in partners["search"]


def test_at_keeps_the_agreements_in_force_on_that_date(graph):
    assert _edges(build_network(graph, at="2020-06")) == {("bach-mai", "bvdk-lai-chau", "satellite"),
                                                          ("syt-lai-chau", "viet-duc", "agreement")}
    assert ("viet-duc", "bvdk-lai-chau", "transfer") in _edges(build_network(graph, at="2023"))
    with pytest.raises(HealthgraphError, match="--at 'soon' is not a date"):
        build_network(graph, at="soon")


def test_map_layout_puts_organisations_at_their_province(graph):
    net = build_network(graph, layout="map")
    assert not net.physics
    pos = {n["id"]: (n["x"], n["y"]) for n in net.nodes}
    hanoi, lai_chau = pos["bach-mai"], pos["bvdk-lai-chau"]
    assert lai_chau[0] < hanoi[0] and lai_chau[1] < hanoi[1]  # north-west of Hà Nội, north up
    assert pos["bach-mai"] != pos["viet-duc"]  # one province's organisations do not sit on one another
    with pytest.raises(HealthgraphError, match="unknown layout 'globe'"):
        build_network(graph, layout="globe")


def test_every_province_old_and_new_has_a_point():
    from healthgraph.rdf.mapping import default_gazetteer
    from healthgraph.visual.layout import province_points

    points = province_points()
    assert set(points) == set(default_gazetteer().provinces)  # 63 before 2025, 34 after
    assert all(8 < lat < 24 and 102 < lon < 110 for lat, lon in points.values())  # within Vietnam's box
