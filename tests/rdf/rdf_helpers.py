"""Helpers for the RDF backend tests: facts built from model objects and curated files (no extractor)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from healthgraph.model import Document, DocumentFacts, Evidence, Organisation, Partnership, TechniqueTransfer

DEPENDENTS = """
PREFIX hg: <https://w3id.org/healthgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?dependent ?kind WHERE {
  ?agreement hg:supporter ?hospital ; hg:recipient ?dependent ; hg:kind ?kind .
  FILTER(?kind IN ("satellite", "support"))
}
ORDER BY ?dependent
"""


def org(org_id, name, kind="hospital", tier=None, province=None):
    return Organisation(org_id, name, kind, tier, province, mentions=[name])


def article(doc_id: str, supporter: str, recipient: str, kind: str = "satellite", signed_on="2017-07-15",
            technique: str | None = None) -> DocumentFacts:
    """One article's facts: ``supporter`` supports ``recipient``."""
    ev = Evidence(doc_id, f"{supporter} ký kết hỗ trợ {recipient}.", "vi", source="Báo Sức khỏe", start=0, end=30)
    facts = DocumentFacts(
        Document(doc_id, "...", language="vi", title=f"Tin {doc_id}", published_on="2017-07-16"),
        [org(supporter, f"Bệnh viện {supporter}", tier="central", province="ha-noi"),
         org(recipient, f"Bệnh viện Đa khoa {recipient}", tier="provincial", province="lai-chau")],
        [Partnership((supporter, recipient), kind, ev, supporter=supporter, signed_on=signed_on,
                     valid_from="2017-07", valid_to="2020", activities=["đào tạo"])])
    if technique:
        facts.techniques.append(TechniqueTransfer(technique, ev, source=supporter, recipient=recipient, date="2018"))
    return facts



def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def curated_fix(folder: Path) -> Path:
    """A curated file that corrects article art-7's satellite agreement (signed 2017-07-15)."""
    return write(folder / "fix.yaml", """
        agreements:
          - parties: [bvdk-lai-chau, bach-mai]
            kind: satellite
            supporter: bach-mai
            document: art-7
            signed_on: 2017-07-15
            evidence: "Ngày 15/7/2017, Bệnh viện Bạch Mai ký kết ..."
        """)


def cli(*args, cwd=None, check=True):
    """Run ``healthgraph`` in a separate process (the store must persist across processes)."""
    result = subprocess.run([sys.executable, "-c", "from healthgraph.cli import main; main()", *args],
                            capture_output=True, text=True, cwd=cwd, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"healthgraph {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result
