"""A small cooperation network with every kind of link, and a real headless Chromium."""
from __future__ import annotations

import pytest

from healthgraph.gazetteer import Gazetteer, Province
from healthgraph.graph import to_property_graph
from healthgraph.model import Corpus, Document, DocumentFacts, Evidence, Organisation, Partnership, TechniqueTransfer

EVIL = "<script>alert(1)</script>"


def _ev(doc: str, sentence: str) -> Evidence:
    return Evidence(doc, sentence, "vi", source="VnExpress")


@pytest.fixture
def corpus() -> Corpus:
    orgs = [
        Organisation("bach-mai", "Bệnh viện Bạch Mai", "hospital", "central", "ha-noi",
                     mentions=["Bạch Mai", "BV Bạch Mai"]),
        Organisation("viet-duc", "Bệnh viện Hữu nghị Việt Đức", "hospital", "central", "ha-noi"),
        Organisation("bvdk-lai-chau", "Bệnh viện Đa khoa tỉnh Lai Châu", "hospital", "provincial", "lai-chau"),
        Organisation("bvdk-son-la", "Bệnh viện Đa khoa tỉnh Sơn La", "hospital", "provincial", "son-la"),
        Organisation("syt-lai-chau", "Sở Y tế Lai Châu", "health_department", None, "lai-chau"),
        Organisation("x-evil", EVIL, "hospital", "district", "lai-chau"),
        Organisation("x-bach-mai-2", "Trung tâm Bạch Mai 2", "health_centre", None, "son-la"),
    ]
    partnerships = [
        Partnership(("bach-mai", "bvdk-lai-chau"), "satellite",
                    _ev("d1", "Bạch Mai nhận Lai Châu làm bệnh viện vệ tinh."), supporter="bach-mai",
                    signed_on="2019-03-02"),
        Partnership(("bach-mai", "x-evil"), "support", _ev("d2", f"{EVIL} được hỗ trợ."), supporter="bach-mai",
                    signed_on="2021"),
        Partnership(("syt-lai-chau", "viet-duc"), "agreement", _ev("d3", "Ký kết hợp tác toàn diện."),
                    signed_on="2020-05-29"),
        Partnership(("bach-mai", "bvdk-son-la"), "support", _ev("d5", "Bạch Mai hỗ trợ Sơn La."),
                    supporter="bach-mai"),  # undated
    ]
    techniques = [TechniqueTransfer("Phẫu thuật nội soi", _ev("d4", "Chuyển giao phẫu thuật nội soi."),
                                    source="viet-duc", recipient="bvdk-lai-chau", date="2022-10")]
    return Corpus.from_facts([DocumentFacts(Document("d", "t"), orgs, partnerships, techniques)])


@pytest.fixture
def evil() -> str:
    """The hostile organisation name used in the corpus."""
    return EVIL


@pytest.fixture
def gazetteer() -> Gazetteer:
    return Gazetteer([Province("ha-noi", "Hà Nội", "pre2025"), Province("son-la", "Sơn La", "pre2025"),
                      Province("lai-chau", "Lai Châu", "pre2025", merged_into="lai-chau-2025"),
                      Province("lai-chau-2025", "Lai Châu", "post2025")], [])


@pytest.fixture
def graph(corpus, gazetteer):
    return to_property_graph(corpus, gazetteer)


@pytest.fixture
def browser():
    """Debian's headless Chromium; a missing browser fails the test (never skips it)."""
    from chromium import Chromium  # tests/viz/chromium.py

    with Chromium() as chromium:
        yield chromium
