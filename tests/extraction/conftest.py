import pytest

from healthgraph.extraction import extract_text


@pytest.fixture
def facts_of():
    """Extract one article given as text; returns (facts, {org id: org})."""
    def run(text, doc_id="doc"):
        facts = extract_text(text, doc_id)
        return facts, {o.id: o for o in facts.organisations}
    return run

