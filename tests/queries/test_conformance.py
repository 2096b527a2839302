"""Every named query gives identical rows on Oxigraph, a Fuseki endpoint, Neo4j and networkx, on two graphs."""
from __future__ import annotations

import pytest

from healthgraph.queries import list_queries, query
from healthgraph.queries.catalogue import shipped_catalogue
from healthgraph.queries.graphview import view

pytestmark = pytest.mark.neo4j  # the fixtures load every graph into the Neo4j server too

BACKENDS = ("rdf", "sparql", "neo4j", "networkx")
NAMES = [q["name"] for q in list_queries()]


def parameter_sets(spec, g) -> list[dict]:
    """Parameters that exercise the query on graph ``g``: busy and quiet organisations, several provinces."""
    v = view(g)
    supporters = sorted(v.supports_out, key=lambda o: (-len(v.supports_out[o]), o))
    recipients = sorted(v.supports_in, key=lambda o: (-len(v.supports_in[o]), o))
    receivers = sorted(v.transfers_to, key=lambda o: (-len(v.transfers_to[o]), o))
    provinces = sorted({g.nodes[o].get(k) for o in v.organisations for k in ("province", "province_2025")} - {None})
    types = {p.name: p.type for p in spec.params}
    if list(types) == ["source", "target"]:
        pairs = []
        for s in supporters[:6]:
            reach = {t for t, _ in v.supports_out[s]}
            second = {u for t in reach for u, _ in v.supports_out.get(t, ())} - reach - {s}
            pairs += [(s, t) for t in sorted(second)[:2]] + [(s, t) for t in sorted(reach)[:1]]
        pairs.append((recipients[-1], supporters[0]))  # usually no path that way
        return [{"source": s, "target": t} for s, t in pairs if s != t]
    if not types:
        return [{}]
    if list(types) == ["hospital"] or list(types) == ["organisation"]:
        picks = supporters[:3] + recipients[:3] + receivers[:2] + v.organisations[:1]
        return [{next(iter(types)): o} for o in dict.fromkeys(picks)]
    if "province" in types:
        sets = [{"province": p} for p in provinces[:: max(1, len(provinces) // 6)]]
        if "tier" in types:
            sets += [{**sets[0], "tier": "provincial"}, {**sets[-1], "tier": "central"}]
        return sets
    if "days" in types:
        return [{"date": d, "days": n} for d, n in (("2020-01-01", 3650), ("2024-06-01", 365), ("2026-01-01", 30))]
    if "date" in types:
        return [{"date": d} for d in ("2016-06-01", "2020-01-01", "2025-07-01", "2031-01-01")]
    if "min_hospitals" in types:
        return [{"min_hospitals": n} for n in (1, 2, 3)]
    raise AssertionError(f"no parameters chosen for {spec.name}")


@pytest.mark.parametrize("name", NAMES)
def test_same_rows_on_every_backend(dataset, name):
    spec = shipped_catalogue()[name]
    answered = 0
    for params in parameter_sets(spec, dataset["graph"]):
        results = {b: query(name, params, backend=b, store=dataset["store"], graph=dataset["graph"],
                            endpoint=dataset["endpoint"]) for b in BACKENDS}
        rows = results["rdf"]
        assert rows.columns == spec.column_names
        for b in ("sparql", "neo4j", "networkx"):
            assert results[b].columns == rows.columns
            assert results[b].tuples() == rows.tuples(), f"{name} {params}: {b} differs from rdf"
        answered += bool(rows)
    if dataset["name"] == "synth":  # the synthetic graph is big enough that every question has answers
        assert answered, f"{name} returned no rows for any parameters on the synthetic graph"


def test_query_files_agree_on_parameters_and_columns():
    for name, spec in shipped_catalogue().items():
        assert set(spec.files) == {"rdf", "neo4j"}, name
        assert spec.description and spec.columns, name
    # the expected catalogue of issue 5
    assert {"dependants", "supporters", "partners", "transfers-to", "transfers-in-province", "agreements-active",
            "agreements-expiring", "organisations-by-province", "hubs", "single-points-of-failure", "support-path",
            "coverage-gaps"} <= set(NAMES)


def test_dependants_of_bach_mai_in_the_examples(examples):
    """The example article says Bạch Mai takes the Phú Thọ general hospital as a satellite."""
    for backend in BACKENDS:
        rows = query("dependants", {"hospital": "Bạch Mai"}, backend=backend, store=examples["store"],
                     graph=examples["graph"], endpoint=examples["endpoint"])
        by_id = {r["dependant"]: r for r in rows}
        assert by_id["bvdk-phu-tho"]["direct"] is True
        assert 0 < by_id["bvdk-phu-tho"]["share"] <= 1.0


def test_agreement_dates_in_the_examples(examples):
    """Lai Châu – Lào Cai No. 2, signed 2025-10-27 for five years: active in 2026, expiring in autumn 2030."""
    active = query("agreements-active", {"date": "2026-01-01"}, backend="networkx", graph=examples["graph"]).tuples()
    pairs = {(r[3], r[5]): (r[4], r[6]) for r in active}
    assert pairs[("bvdk-lai-chau", "bvdk-lao-cai-2")] == ("Bệnh viện Đa khoa tỉnh Lai Châu",
                                                          "Bệnh viện Đa khoa tỉnh Lào Cai số 2")  # names, not only ids
    before = query("agreements-active", {"date": "2025-10-26"}, backend="rdf", store=examples["store"]).tuples()
    assert ("bvdk-lai-chau", "bvdk-lao-cai-2") not in {(r[3], r[5]) for r in before}
    assert before, "other example agreements were in force the day before"
    soon = query("agreements-expiring", {"date": "2030-10-01", "days": "30"}, backend="neo4j").tuples()
    assert [(r[4], r[9]) for r in soon] == [("bvdk-lai-chau", "2030-10-27")]
    assert query("agreements-expiring", {"date": "2030-10-01", "days": "25"}, backend="neo4j").tuples() == []


def test_old_and_new_province_names(examples):
    """Lào Cai (new, 2025) includes the old Lào Cai and Yên Bái; old Yên Bái does not include Lào Cai."""
    new = query("organisations-by-province", {"province": "Lào Cai"}, backend="rdf", store=examples["store"]).tuples()
    old = query("organisations-by-province", {"province": "lao-cai"}, backend="rdf", store=examples["store"]).tuples()
    other = query("organisations-by-province", {"province": "Yen Bai"}, backend="rdf", store=examples["store"]).tuples()
    assert new[0][0] == "lao-cai-2025" and "bvdk-lao-cai-2" in {r[2] for r in new}
    assert "bvdk-lao-cai-2" in {r[2] for r in old}
    assert "bvdk-lao-cai-2" not in {r[2] for r in other}
