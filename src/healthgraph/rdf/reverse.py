"""Read model objects back from RDF (the inverse of :mod:`.mapping`), for exports from a store."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable
from urllib.parse import unquote

from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from ..model import Corpus, Document, Evidence, Field, Organisation, Partnership, TechniqueTransfer
from .mapping import HG, HGID


def _local(iri, kind: str) -> str | None:
    prefix = str(HGID) + kind + "/"
    return unquote(str(iri)[len(prefix):]) if iri is not None and str(iri).startswith(prefix) else None


class _Node:
    def __init__(self, props: dict):
        self.props = props

    def all(self, p) -> list:
        return sorted(set(self.props.get(p, ())), key=str)

    def one(self, p):
        values = self.all(p)
        return values[0] if values else None

    def text(self, p) -> str | None:
        value = self.one(p)
        return None if value is None else str(value)


def corpus_from_quads(quads: Iterable[tuple]) -> Corpus:
    """Rebuild a :class:`Corpus` from the quads of a store (curated facts win, as in the model)."""
    subjects: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o, _g in quads:
        subjects[s][p].append(o)
    nodes = {s: _Node(props) for s, props in subjects.items()}
    corpus = Corpus()
    typed = defaultdict(list)
    for s, node in nodes.items():
        for t in node.all(RDF.type):
            typed[t].append((s, node))
    for s, node in sorted(typed[HG.SourceDocument], key=lambda x: str(x[0])):
        doc_id = node.text(DCTERMS.identifier) or _local(s, "document")
        corpus.documents[doc_id] = Document(doc_id, "", path=node.text(HG.path), language=node.text(DCTERMS.language),
                                            title=node.text(DCTERMS.title), source=node.text(DCTERMS.source),
                                            published_on=node.text(DCTERMS.issued))
    for s, node in sorted(typed[HG.Organisation], key=lambda x: str(x[0])):
        org_id = node.text(DCTERMS.identifier) or _local(s, "org")
        resolved = node.one(HG.resolved)
        corpus.add_organisation(Organisation(
            org_id, node.text(RDFS.label) or org_id, kind=node.text(HG.orgKind) or "organisation",
            tier=node.text(HG.tier), province=_local(node.one(HG.locatedIn), "province"),
            names={l.language: str(l) for l in node.all(SKOS.prefLabel) if isinstance(l, Literal) and l.language},
            mentions=[str(m) for m in node.all(SKOS.altLabel)],
            resolved=True if resolved is None else bool(resolved.toPython()),
            former_names=[str(f) for f in node.all(HG.formerName)]))
    facts = []
    for s, node in typed[HG.Agreement]:
        supporter = _local(node.one(HG.supporter), "org")
        recipient = _local(node.one(HG.recipient), "org")
        parties = sorted(_local(p, "org") for p in node.all(HG.party))
        if supporter and recipient:
            parties = [supporter, recipient]
        fields = []
        for concept in node.all(HG.field):
            labels = nodes.get(concept, _Node({})).all(SKOS.altLabel)
            en = next((str(l) for l in labels if getattr(l, "language", None) == "en"), None)
            name = next((str(l) for l in labels if getattr(l, "language", None) != "en"), en)
            key = _local(concept, "specialty")
            fields.append(Field(name or key, en=en, concept=None if key.startswith("field-") else key))
        confidence = node.one(HG.confidence)
        facts.append(Partnership(
            tuple(parties), node.text(HG.kind), _evidence(node, nodes), supporter=supporter,
            signed_on=node.text(HG.signedOn), valid_from=node.text(HG.validFrom), valid_to=node.text(HG.validTo),
            activities=[str(a) for a in node.all(HG.activity)], fields=fields,
            confidence=1.0 if confidence is None else float(confidence.toPython()),
            curated=bool(node.one(HG.curated) and node.one(HG.curated).toPython()),
            id=node.text(DCTERMS.identifier) or _local(s, "agreement")))
    for p in sorted(facts, key=lambda p: (p.curated, p.id)):
        if p.id not in corpus.partnerships or p.curated:
            corpus.partnerships[p.id] = p
    for s, node in typed[HG.TechniqueTransfer]:
        technique = node.one(HG.technique)
        key = _local(technique, "technique")
        labels = nodes.get(technique, _Node({})).all(SKOS.altLabel)
        t = TechniqueTransfer(
            node.text(HG.techniqueName) or key or "", _evidence(node, nodes),
            source=_local(node.one(HG.transferredFrom), "org"), recipient=_local(node.one(HG.transferredTo), "org"),
            en=next((str(l) for l in labels if getattr(l, "language", None) == "en"), None),
            concept=None if not key or key.startswith("tech-") else key, date=node.text(HG.date),
            curated=bool(node.one(HG.curated) and node.one(HG.curated).toPython()))
        if t.id not in corpus.techniques or t.curated:
            corpus.techniques[t.id] = t
    return corpus


def _evidence(node: _Node, nodes: dict) -> Evidence:
    derivation = nodes.get(node.one(PROV.qualifiedDerivation), _Node({}))
    source = derivation.one(PROV.entity) or node.one(PROV.wasDerivedFrom)
    sentence = derivation.one(HG.evidenceText) or node.one(HG.evidenceText)
    start, end = derivation.one(HG.evidenceStart), derivation.one(HG.evidenceEnd)
    return Evidence(document=_local(source, "document") or "", sentence="" if sentence is None else str(sentence),
                    language=getattr(sentence, "language", None) or "", source=derivation.text(DCTERMS.source),
                    start=None if start is None else int(start), end=None if end is None else int(end))
