"""A small corpus with hostile names: quotes, markup, non-BMP characters, control characters."""
from __future__ import annotations

import pytest

from healthgraph.gazetteer import Gazetteer, Province
from healthgraph.graph import to_property_graph
from healthgraph.model import Corpus, Document, DocumentFacts, Evidence, Organisation, Partnership, TechniqueTransfer

EVIL = '<script>alert("x")</script> & \'Bệnh viện\' 𝔘🏥'


@pytest.fixture
def corpus() -> Corpus:
    evidence = Evidence("doc-1", "Bạch Mai hỗ trợ \x0bBV <b>Lai Châu</b> 🏥.", "vi", source="Báo \"Sức khỏe\"")
    facts = DocumentFacts(
        Document("doc-1", "text"),
        organisations=[
            Organisation("bach-mai", "Bệnh viện Bạch Mai", "hospital", "central", "ha-noi",
                         mentions=["Bạch Mai", "BV Bạch Mai"], names={"en": "Bach Mai Hospital"}),
            Organisation("x-evil", EVIL, "hospital", "district", "lai-chau", mentions=[EVIL]),
            Organisation("syt-lai-chau", "Sở Y tế Lai Châu", "health_department", None, "lai-chau"),
        ],
        partnerships=[
            Partnership(("bach-mai", "x-evil"), "support", evidence, supporter="bach-mai", signed_on="2021-03",
                        activities=["đào tạo", "khám chữa bệnh"]),
            Partnership(("bach-mai", "syt-lai-chau"), "agreement", evidence, signed_on="2020"),
        ],
        techniques=[TechniqueTransfer("Phẫu thuật nội soi", evidence, source="bach-mai", recipient="x-evil")],
    )
    return Corpus.from_facts([facts])


@pytest.fixture
def evil() -> str:
    """The hostile organisation name used in the corpus."""
    return EVIL


@pytest.fixture
def gazetteer() -> Gazetteer:
    return Gazetteer([Province("ha-noi", "Hà Nội", "pre2025"), Province("lai-chau", "Lai Châu", "pre2025")], [])


@pytest.fixture
def graph(corpus, gazetteer):
    return to_property_graph(corpus, gazetteer)
