"""Helpers shared by the Neo4j tests (imported by conftest.py and the test modules)."""
from __future__ import annotations

import os
from pathlib import Path

from healthgraph.model import (Corpus, Document, DocumentFacts, Evidence, Field, Organisation, Partnership,
                               TechniqueTransfer)

ROOT = Path(__file__).resolve().parents[2]
URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
# A name that breaks naive quoting in Cypher, CSV, HTML and shells alike.
TRICKY_NAME = "Bệnh viện \"Đa khoa\" O'Brien's \\ <script>alert('x')</script>; DROP"


def count(driver, query: str, **params) -> int:
    """Run a query returning one number and return it."""
    records, _, _ = driver.execute_query(query, params)
    return records[0][0]


def graph_counts(driver) -> tuple[int, int]:
    return count(driver, "MATCH (n) RETURN count(n)"), count(driver, "MATCH ()-[r]->() RETURN count(r)")


def small_corpus(name: str = "Bệnh viện Đa khoa tỉnh Lai Châu") -> Corpus:
    """Two hospitals, a health department, a satellite agreement, an equal partnership and a
    technique transfer: every node label and relationship type of graph.py."""
    doc = Document(id="doc-1", text="...", language="vi", source="baolaichau.vn", published_on="2024-05-29")
    ev = Evidence(document="doc-1", sentence="Bệnh viện Bạch Mai ký kết hợp tác với BVĐK tỉnh Lai Châu.",
                  language="vi", source="baolaichau.vn")
    orgs = [
        Organisation("bach-mai", "Bệnh viện Bạch Mai", kind="hospital", tier="central", province="ha-noi",
                     names={"en": "Bach Mai Hospital"}, mentions=["BV Bạch Mai", "Bạch Mai"]),
        Organisation("bvdk-lai-chau", name, kind="hospital", tier="provincial", province="lai-chau",
                     mentions=["BVĐK tỉnh Lai Châu"]),
        Organisation("syt-lai-chau", "Sở Y tế Lai Châu", kind="health_department", province="lai-chau"),
    ]
    partnerships = [
        Partnership(("bach-mai", "bvdk-lai-chau"), "satellite", ev, supporter="bach-mai", signed_on="2024-05-29",
                    activities=["training"], fields=[Field("tim mạch", en="cardiology")]),
        Partnership(("syt-lai-chau", "bvdk-lai-chau"), "agreement", ev, signed_on="2023"),
    ]
    techniques = [TechniqueTransfer("can thiệp mạch vành", ev, source="bach-mai", recipient="bvdk-lai-chau",
                                    en="coronary intervention", date="2024-06")]
    return Corpus.from_facts([DocumentFacts(doc, orgs, partnerships, techniques)])
