"""Name matching, parameters carrying injection text, and the ``healthgraph query`` command."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.errors import HealthgraphError
from healthgraph.queries import query
from healthgraph.resolve import resolve_province

pytestmark = pytest.mark.neo4j  # the fixtures load every graph into the Neo4j server too


def supporters_of(examples, text, backend="networkx"):
    return query("dependants", {"hospital": text}, backend=backend, store=examples["store"], graph=examples["graph"]).tuples()


@pytest.mark.parametrize("text", ["Bệnh viện Bạch Mai", "benh vien bach mai", "BV Bạch Mai", "Bach Mai Hospital",
                                  "bach mai", "BẠCH MAI", "bach-mai", "Bach-Mai-Krankenhaus"])
@pytest.mark.parametrize("backend", ["rdf", "neo4j", "networkx"])
def test_a_hospital_is_found_however_it_is_typed(examples, text, backend):
    rows = supporters_of(examples, text, backend)
    assert rows and {r[0] for r in rows} == {"bach-mai"}


def test_old_tone_marks_and_abbreviations(examples):
    rows = query("partners", {"organisation": "BVĐK tỉnh Lai Châu"}, backend="networkx", graph=examples["graph"]).tuples()
    assert {r[0] for r in rows} == {"bvdk-lai-chau"}
    rows = query("partners", {"organisation": "Sở Y tế Đăk Nông"}, backend="networkx", graph=examples["graph"]).tuples()
    assert {r[0] for r in rows} == {"syt-dak-nong"}


@pytest.mark.parametrize("backend", ["rdf", "neo4j", "networkx"])
def test_an_ambiguous_name_lists_the_candidates(examples, backend):
    with pytest.raises(HealthgraphError) as caught:
        supporters_of(examples, "Lai Chau", backend)
    lines = str(caught.value).splitlines()
    assert "ambiguous" in lines[0]
    assert lines[1:] == ["  bvdk-lai-chau: Bệnh viện Đa khoa tỉnh Lai Châu", "  syt-lai-chau: Sở Y tế Lai Châu"]


@pytest.mark.parametrize("text", ["Bệnh viện Chợ Rẫy", "x' OR 1=1 --", '" } ; DROP ALL ; #', "' }) DETACH DELETE n //"])
def test_an_unknown_name_is_a_clear_error(examples, text):
    with pytest.raises(HealthgraphError, match="no organisation of that name"):
        supporters_of(examples, text, "rdf")


def test_provinces_old_new_and_ids():
    assert resolve_province("Lào Cai") == "lao-cai-2025"
    assert resolve_province("lao cai") == "lao-cai-2025"
    assert resolve_province("Yên Bái") == "yen-bai"
    assert resolve_province("lao-cai") == "lao-cai"
    assert resolve_province("Thanh Hoá") == "thanh-hoa-2025"
    with pytest.raises(HealthgraphError, match="not a province"):
        resolve_province("Atlantis")


@pytest.mark.parametrize("params, message", [
    ({"date": "2024-13-01"}, "not a date"), ({"date": "01/02/2024"}, "not a date"),
    ({"days": "ten"}, "not a whole number"), ({"days": "-1"}, "must not be negative"),
    ({"dayz": "3"}, "unknown parameter 'dayz'")])
def test_bad_parameter_values(examples, params, message):
    with pytest.raises(HealthgraphError, match=message):
        query("agreements-expiring", params, backend="networkx", graph=examples["graph"])


def test_missing_parameter_and_unknown_query(examples):
    with pytest.raises(HealthgraphError, match="missing parameter hospital"):
        query("dependants", {}, backend="networkx", graph=examples["graph"])
    with pytest.raises(HealthgraphError, match="no query named"):
        query("no-such-question", backend="networkx", graph=examples["graph"])


# --- the command line -----------------------------------------------------------------

def run(*args):
    result = CliRunner().invoke(main, ["query", *map(str, args)])
    return result.exit_code, result.output


def test_cli_formats(examples):
    store = examples["store"]
    code, out = run("dependants", "-p", "hospital=BV Bạch Mai", "--store", store, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["hospital"] == "bach-mai" and isinstance(rows[0]["share"], float)
    code, out = run("dependants", "-p", "hospital=BV Bạch Mai", "--store", store, "--format", "csv")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["hospital", "dependant", "name", "direct", "satellite", "agreements", "incoming", "share",
                        "sources"]
    sources = {row[1]: row[8] for row in table[1:]}  # the rows from example data say so
    assert sources["bvdk-phu-tho"].startswith("healthgraph example article")
    assert ["bach-mai", "bvdk-phu-tho"] in [row[:2] for row in table[1:]]
    code, out = run("dependants", "-p", "hospital=BV Bạch Mai", "--store", store, "--backend", "neo4j")
    assert code == 0 and "bvdk-phu-tho" in out and "dependant" in out


def test_cli_list():
    code, out = run("--list", "--format", "json")
    listed = {q["name"]: q for q in json.loads(out)}
    assert code == 0 and "support-path" in listed
    assert listed["agreements-expiring"]["parameters"] == "date (date, default today), days (int, default 90)"


def test_cli_errors_are_one_line_per_candidate(examples):
    code, out = run("dependants", "-p", "hospital=Lai Chau", "--store", examples["store"])
    assert code == 1
    assert out.splitlines()[0].startswith("Error: hospital 'Lai Chau' is ambiguous")
    assert "  syt-lai-chau: Sở Y tế Lai Châu" in out.splitlines()
    code, out = run("dependants", "--param", "hospital", "--store", examples["store"])
    assert code == 1 and "NAME=VALUE" in out
    code, out = run("hubs", "--store", examples["store"] / "missing")
    assert code == 1 and "no healthgraph store" in out


USER_RQ = """# description: Organisations whose canonical name is exactly the given text.
# param: name str - the name
# columns: name organisation
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name ?organisation WHERE { ?o rdfs:label ?name ; dcterms:identifier ?organisation }
ORDER BY ?organisation
"""
USER_CYPHER = """// description: Organisations whose canonical name is exactly the given text.
// param: name str - the name
// columns: name organisation
MATCH (o:Organisation {name: $name}) RETURN $name AS name, o.id AS organisation ORDER BY organisation
"""


@pytest.fixture
def user_queries(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "named.rq").write_text(USER_RQ, encoding="utf-8")
    (folder / "named.cypher").write_text(USER_CYPHER, encoding="utf-8")
    (folder / "count-hospitals.rq").write_text(
        "SELECT (COUNT(DISTINCT ?h) AS ?hospitals) WHERE { ?h a hg:Hospital }\n", encoding="utf-8")
    return folder


def test_user_queries_run_by_name(examples, user_queries):
    store = examples["store"]
    for backend in ("rdf", "neo4j"):
        code, out = run("named", "-p", "name=Sở Y tế Sơn La", "--queries-dir", user_queries, "--store", store,
                        "--backend", backend, "--format", "json")
        assert code == 0, out
        assert json.loads(out) == [{"name": "Sở Y tế Sơn La", "organisation": "syt-son-la"}]
    code, out = run("count-hospitals", "--queries-dir", user_queries, "--store", store, "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "hospitals" and int(out.splitlines()[1]) >= 5
    code, out = run("--list", "--queries-dir", user_queries, "--format", "json")
    assert {"named", "count-hospitals", "dependants"} <= {q["name"] for q in json.loads(out)}
    code, out = run("named", "-p", "name=x", "--queries-dir", user_queries, "--backend", "networkx",
                    "--store", store)
    assert code == 1 and "no networkx version" in out


@pytest.mark.parametrize("evil", ['x" } ; DROP ALL ; SELECT * { "', "x' }) DETACH DELETE o RETURN 1 //",
                                  "Sở Y tế Sơn La\" || true || \""])
def test_injection_text_is_only_ever_a_value(examples, user_queries, evil):
    from healthgraph.neo4j.cypher import cypher

    before = cypher("MATCH (n) RETURN count(n) AS n")[0]["n"]
    for backend in ("rdf", "neo4j"):
        assert query("named", {"name": evil}, backend=backend, store=examples["store"], queries_dir=user_queries) == []
    assert cypher("MATCH (n) RETURN count(n) AS n")[0]["n"] == before
    assert query("named", {"name": "Sở Y tế Sơn La"}, store=examples["store"], queries_dir=user_queries).tuples()


@pytest.mark.parametrize("given", ["BV Bạch Mai", "bach mai", "Bệnh viện Bạch Mai", "bach-mai"])
def test_sparql_and_cypher_take_a_name_as_query_does(examples, given):
    """A parameter that names an organisation, declared in the file's header or called
    `hospital`, takes a name, an alias or an id in every command, and gives the same rows."""
    from healthgraph.neo4j.cypher import cypher
    from healthgraph.rdf.sparql import sparql

    expected = {r[1] for r in query("dependants", {"hospital": given}, backend="rdf", store=examples["store"]).tuples()}
    assert "bvdk-phu-tho" in expected
    shipped = sparql("dependants", store=examples["store"], params={"hospital": given})
    assert {r["dependant"] for r in shipped} == expected
    adhoc = sparql("SELECT DISTINCT ?d WHERE { ?hospital hg:supports ?d }", store=examples["store"],
                   params={"hospital": given})
    assert {r["d"].rsplit("/", 1)[1] for r in adhoc} >= {"bvdk-phu-tho"}
    rows = cypher("MATCH (:Organisation {id: $hospital})-[:SUPPORTS]->(d) RETURN DISTINCT d.id AS d",
                  {"hospital": given})
    assert {r["d"] for r in rows} >= {"bvdk-phu-tho"}


def test_an_unknown_name_in_sparql_or_cypher_is_an_error_not_an_empty_answer(examples):
    from healthgraph.neo4j.cypher import cypher
    from healthgraph.rdf.sparql import sparql

    with pytest.raises(HealthgraphError, match="hospital 'Chợ Rẫy': no organisation of that name"):
        sparql("SELECT ?d WHERE { ?hospital hg:supports ?d }", store=examples["store"], params={"hospital": "Chợ Rẫy"})
    with pytest.raises(HealthgraphError, match="hospital 'Chợ Rẫy': no organisation of that name"):
        cypher("MATCH (:Organisation {id: $hospital})-[:SUPPORTS]->(d) RETURN d.id AS d", {"hospital": "Chợ Rẫy"})
    with pytest.raises(HealthgraphError, match="not a province"):
        sparql("SELECT ?o WHERE { ?o hg:province ?province }", store=examples["store"], params={"province": "Atlantis"})


def test_an_empty_answer_says_what_it_answered(examples):
    import datetime as dt

    code, out = run("agreements-expiring", "-p", "date=today", "-p", "days=1", "--store", examples["store"])
    assert code == 0 and "(no rows)" in out
    assert f"agreements-expiring (date={dt.date.today().isoformat()}, days=1)" in out
