"""Helpers for BENCHMARKS.md: synthetic data shaped like a real build, bulk load, one query.

>>> data = synthetic_nquads(2_000)            # doctest: +SKIP
>>> load_and_query("oxigraph", data, DEPENDENTS_QUERY, params={"hospital": "central-0"})  # doctest: +SKIP
{'kind': 'oxigraph', 'quads': 2012, 'load_seconds': ..., 'query_seconds': ..., 'rows': 37}
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from ..model import Document, DocumentFacts, Evidence, Organisation, Partnership, TechniqueTransfer

# Which hospitals depend on a central hospital (satellites or supported), by its canonical id.
DEPENDENTS_QUERY = """
PREFIX hg: <https://w3id.org/healthgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?hospital ?dependent ?kind WHERE {
  ?central dcterms:identifier ?hospital .
  ?agreement hg:supporter ?central ; hg:recipient ?dependent ; hg:kind ?kind .
}
"""


def synthetic_facts(n_documents: int, seed: int = 0, centrals: int = 20, provincials: int = 500):
    """Yield ``n_documents`` DocumentFacts: each a central hospital supporting a provincial one."""
    rng = random.Random(seed)
    kinds = ("satellite", "support", "transfer", "agreement")
    for i in range(n_documents):
        c, p = f"central-{rng.randrange(centrals)}", f"prov-{rng.randrange(provincials)}"
        doc = Document(f"syn-{i}", "", language="vi", title=f"Bài {i}", published_on=f"20{10 + i % 15}-0{1 + i % 9}")
        ev = Evidence(doc.id, f"Bệnh viện {c} hỗ trợ bệnh viện {p} ({i}).", "vi", start=0, end=40)
        orgs = [Organisation(c, f"Bệnh viện Trung ương {c}", "hospital", "central", mentions=[c]),
                Organisation(p, f"Bệnh viện Đa khoa {p}", "hospital", "provincial", mentions=[p])]
        kind = kinds[i % 4]
        partnership = Partnership((c, p), kind, ev, supporter=None if kind == "agreement" else c,
                                  signed_on=f"20{10 + i % 15}-05-1{i % 10}", activities=["đào tạo"])
        transfers = [TechniqueTransfer(f"kỹ thuật {i % 50}", ev, source=c, recipient=p, date=f"20{10 + i % 15}")]
        yield DocumentFacts(doc, orgs, [partnership], transfers if i % 3 == 0 else [])


def synthetic_nquads(n_quads: int, seed: int = 0) -> bytes:
    """N-Quads of about ``n_quads`` quads, mapped exactly as ``healthgraph build`` maps facts."""
    from rdflib import Dataset

    from .mapping import document_graph

    out: list[bytes] = []
    total = 0
    for facts in synthetic_facts(10**9, seed):
        graph = document_graph(facts, gazetteer=_empty_gazetteer())
        ds = Dataset()
        target = ds.graph(graph.identifier)
        for t in graph:
            target.add(t)
        out.append(ds.serialize(format="nquads", encoding="utf-8"))
        total += len(graph)
        if total >= n_quads:
            break
    return b"".join(out)


def _empty_gazetteer():
    from ..gazetteer import Gazetteer

    return Gazetteer([], [])


def load_and_query(kind: str, data: bytes | Path, query: str = DEPENDENTS_QUERY, params: dict | None = None,
                   store_dir: str | Path | None = None) -> dict:
    """Bulk-load N-Quads ``data`` into a fresh store of ``kind`` and run ``query`` once.

    Parameters
    ----------
    kind : {"oxigraph", "memory"}
    data : bytes or Path
        N-Quads (e.g. from :func:`synthetic_nquads`).
    query : str
        SPARQL; parameters must be SELECTed variables.
    params : dict, optional
        ``{"hospital": "central-0"}``: bound as RDF terms.
    store_dir : path, optional
        An empty folder for a persistent store; in memory when ``None``.

    Returns
    -------
    dict
        ``kind``, ``quads``, ``load_seconds``, ``query_seconds``, ``rows``.
    """
    from .sparql import parse_params
    from .store import open_store

    with open_store(store_dir, kind=kind, create=True) as store:
        start = time.perf_counter()
        store.bulk_load(data, fmt="nq")
        loaded = time.perf_counter()
        result = store.query(query, parse_params(params))
        done = time.perf_counter()
        return {"kind": kind, "quads": len(store), "load_seconds": loaded - start,
                "query_seconds": done - loaded, "rows": len(result.rows)}
