"""Fixtures for the RDF backend tests."""
from __future__ import annotations

import pytest

from rdf_helpers import article


@pytest.fixture
def corpus_facts():
    return [article("a1", "bach-mai", "bvdk-lai-chau", technique="lọc máu liên tục"),
            article("a2", "bach-mai", "bvdk-son-la", kind="support"),
            article("a3", "cho-ray", "bvdk-ca-mau", kind="satellite")]

