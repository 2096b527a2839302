"""Map the data model onto the healthgraph ontology (``ontology/README.md`` is the contract).

One :class:`~healthgraph.model.DocumentFacts` becomes one named graph whose name is the
document IRI; the gazetteer provinces and the SKOS concept schemes form the reference
graph. Every IRI is built from a canonical id, so the same facts always give the same
triples (no blank nodes): rebuilding is idempotent and graphs compare by set equality.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Collection, Iterable, Iterator
from urllib.parse import quote, unquote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from ..dates import precision
from ..model import KINDS, Corpus, Document, DocumentFacts, Field, Organisation, Partnership, TechniqueTransfer
from ..text import slug

class _Vocabulary(Namespace):
    """A Namespace whose ``NS.term`` is made once (rdflib makes and checks a new URIRef on every
    access, a tenth of a build's time); ``NS["…"]`` (ids) is not kept."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # copy, pickle and the like ask for these
            raise AttributeError(name)
        return _vocabulary_term(self, name)


@lru_cache(maxsize=None)
def _vocabulary_term(namespace: Namespace, name: str) -> URIRef:
    return Namespace.term(namespace, name)


HG = _Vocabulary("https://w3id.org/healthgraph/ontology#")
HGID = Namespace("https://w3id.org/healthgraph/id/")
SCHEMA = _Vocabulary("http://schema.org/")
ORG = _Vocabulary("http://www.w3.org/ns/org#")

REFERENCE_GRAPH = HGID["graph/reference"]
DERIVED_GRAPH = HGID["graph/derived"]
ORGANISATIONS_GRAPH = HGID["graph/organisations"]
TECHNIQUE_SCHEME = HGID["scheme/techniques"]
SPECIALTY_SCHEME = HGID["scheme/specialties"]

PREFIXES = {
    "hg": str(HG), "hgid": str(HGID), "schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV),
    "skos": str(SKOS), "time": str(TIME), "dcterms": str(DCTERMS), "rdf": str(RDF), "rdfs": str(RDFS),
    "xsd": str(XSD), "owl": str(OWL),
}

# model kind -> (ontology class, schema.org class asserted alongside so no reasoner is needed)
KIND_CLASSES = {kind.id: (HG[kind.ontology_class], SCHEMA[kind.schema_class])  # from model.KINDS
                for kind in KINDS.values() if kind.ontology_class and kind.schema_class}
MERGER_DATE = "2025-07-01"

# the RDF datatype and OWL-Time position of each precision of healthgraph.dates
_DATE_FORMS = {
    "year": (XSD.gYear, TIME.inXSDgYear),
    "month": (XSD.gYearMonth, TIME.inXSDgYearMonth),
    "day": (XSD.date, TIME.inXSDDate),
    "month-day": (XSD.gMonthDay, None),
}
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


# the literals of a document's facts, made once each: names, kinds, flags and dates recur across
# documents, and making an rdflib Literal costs more than the rest of mapping the fact
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)


def segment(value: str) -> str:
    """Percent-encode ``value`` as one IRI path segment (ids stay readable: ``bach-mai``)."""
    return quote(str(value), safe="-._~")


@lru_cache(maxsize=1 << 16)
def org_iri(org_id: str) -> URIRef:
    return HGID["org/" + segment(org_id)]


def local_id(iri, kind: str) -> str | None:
    """The id in a healthgraph IRI of ``kind`` ("org", "province"): ``hgid:org/bach-mai`` -> ``bach-mai``."""
    prefix = str(HGID) + kind + "/"
    return unquote(str(iri)[len(prefix):]) if iri is not None and str(iri).startswith(prefix) else None


def province_iri(province_id: str) -> URIRef:
    return HGID["province/" + segment(province_id)]


def agreement_iri(agreement_id: str) -> URIRef:
    return HGID["agreement/" + segment(agreement_id)]


def transfer_iri(transfer_id: str) -> URIRef:
    return HGID["transfer/" + segment(transfer_id)]


def document_iri(document_id: str) -> URIRef:
    """The document node and the name of the graph holding its facts."""
    return HGID["document/" + segment(document_id)]


def technique_iri(concept: str | None, name: str) -> URIRef:
    """Same key as :func:`healthgraph.graph.technique_node_id`: the concept, else the folded name."""
    return HGID["technique/" + segment(concept or "tech-" + slug(name))]


def specialty_iri(f: Field) -> URIRef:
    return HGID["specialty/" + segment(f.concept or "field-" + slug(f.name))]


def date_literal(value: str) -> Literal:
    """Type a partial ISO date by its precision; anything else stays a plain string for SHACL to flag.

    Examples
    --------
    >>> date_literal("2017-07").datatype.endswith("gYearMonth")
    True
    >>> date_literal("2017-13-40").datatype.endswith("#string")
    True
    """
    datatype, _ = _date_form(value)
    return _literal(value, datatype=datatype or XSD.string)


def _date_form(value: str):
    return _DATE_FORMS.get(precision(value) or "", (None, None))


def text(value: str, language: str | None) -> Literal:
    """A language-tagged literal when the language is a valid tag, else a plain string."""
    return _literal(value, lang=language) if language and _LANG.match(language) else _literal(value)


class _Triples:
    """Triples under construction, a plain set (an rdflib Graph's indexes cost more than the
    mapping itself); empty values are skipped."""

    def __init__(self) -> None:
        self.triples: set[tuple] = set()

    def add(self, s, p, o) -> None:
        if o is None or (isinstance(o, Literal) and str(o) == "" and o.datatype is None):
            return
        self.triples.add((s, p, o))

    def graph(self, identifier: URIRef) -> Graph:
        graph = Graph(identifier=identifier)
        for triple in self.triples:
            graph.add(triple)
        return graph


def document_graph(facts: DocumentFacts, gazetteer=None, skip: Collection[str] = frozenset(),
                   curated_source: bool | None = None) -> Graph:
    """Return the named graph of one document's facts (:func:`document_triples` as an rdflib Graph).

    Parameters
    ----------
    facts : DocumentFacts
    gazetteer : Gazetteer, optional
        Used to materialise ``hg:locatedIn2025``; the shipped gazetteer by default.
    skip : set of str
        Agreement and transfer ids not to write here (a curated record elsewhere overrides them).
    curated_source : bool, optional
        Type the document ``hg:CuratedSource``; by default when every fact in it is curated
        and there is at least one.

    Returns
    -------
    rdflib.Graph
        Identifier: the document IRI.

    Examples
    --------
    >>> from healthgraph.model import Document, DocumentFacts, Organisation
    >>> g = document_graph(DocumentFacts(Document("d1", ""), [Organisation("bach-mai", "Bệnh viện Bạch Mai", "hospital")]))
    >>> (org_iri("bach-mai"), RDF.type, SCHEMA.Hospital) in g
    True
    """
    return _document(facts, gazetteer, skip, curated_source).graph(document_iri(facts.document.id))


def document_triples(facts: DocumentFacts, gazetteer=None, skip: Collection[str] = frozenset()) -> set[tuple]:
    """The triples of :func:`document_graph` as a set (what ``build`` writes, without a Graph)."""
    return _document(facts, gazetteer, skip, None).triples


def _document(facts: DocumentFacts, gazetteer, skip: Collection[str], curated_source: bool | None) -> _Triples:
    gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
    doc = facts.document
    out = _Triples()
    if curated_source is None:
        facts_list: list[Partnership | TechniqueTransfer] = [*facts.partnerships, *facts.techniques]
        curated_source = bool(facts_list) and all(f.curated for f in facts_list)
    _add_document(out, doc, curated_source)
    known = {o.id for o in facts.organisations}
    for org in facts.organisations:
        _add_organisation(out, org, gazetteer)
    referenced: set[str | None] = {p for x in facts.partnerships for p in x.parties}
    referenced |= {t.source for t in facts.techniques} | {t.recipient for t in facts.techniques}
    for org_id in sorted(i for i in referenced - known if i):
        # a fact naming an organisation the document did not describe: keep the node typed
        _add_organisation(out, Organisation(org_id, org_id, resolved=False), gazetteer)
    language = doc.language
    for p in facts.partnerships:
        if p.id not in skip:
            add_partnership(out, p, doc.id, language)
    for t in facts.techniques:
        if t.id not in skip:
            add_transfer(out, t, doc.id, language)
    return out


def _add_document(out: _Triples, doc: Document, curated: bool) -> None:
    node = document_iri(doc.id)
    out.add(node, RDF.type, HG.SourceDocument)
    if curated:
        out.add(node, RDF.type, HG.CuratedSource)
    out.add(node, DCTERMS.identifier, _literal(doc.id))
    if doc.title:
        out.add(node, DCTERMS.title, text(doc.title, doc.language))
    if doc.language:
        out.add(node, DCTERMS.language, _literal(doc.language))
    if doc.source:
        out.add(node, DCTERMS.source, _literal(doc.source))
    if doc.published_on:
        out.add(node, DCTERMS.issued, date_literal(doc.published_on))
    if doc.path:
        out.add(node, HG.path, _literal(str(doc.path)))


def _add_organisation(out: _Triples, org: Organisation, gazetteer) -> None:
    node = org_iri(org.id)
    out.add(node, RDF.type, HG.Organisation)
    out.add(node, RDF.type, ORG.FormalOrganization)
    for cls in KIND_CLASSES.get(org.kind, ()):
        out.add(node, RDF.type, cls)
    out.add(node, DCTERMS.identifier, _literal(org.id))
    out.add(node, RDFS.label, _literal(org.name))
    out.add(node, HG.orgKind, _literal(org.kind))
    if org.tier:
        out.add(node, HG.tier, _literal(org.tier))
    out.add(node, HG.resolved, _literal(bool(org.resolved)))
    for lang, name in sorted(org.names.items()):
        out.add(node, SKOS.prefLabel, text(name, lang))
    for mention in org.mentions:
        out.add(node, SKOS.altLabel, _literal(mention))
    for former in org.former_names:
        out.add(node, HG.formerName, _literal(former))
    if org.province:
        out.add(node, HG.locatedIn, province_iri(org.province))
        province = gazetteer.province(org.province) if gazetteer else None
        if province is None:  # not in the gazetteer: keep the node typed so the link is not dangling
            out.add(province_iri(org.province), RDF.type, HG.Province)
            out.add(province_iri(org.province), DCTERMS.identifier, _literal(org.province))
        post = gazetteer.province_2025(org.province) if gazetteer else None
        if post is not None:
            out.add(node, HG.locatedIn2025, province_iri(post.id))


def _add_evidence(out: _Triples, node: URIRef, fact: Partnership | TechniqueTransfer, document_id: str) -> None:
    ev = fact.evidence
    source = document_iri(ev.document or document_id)
    out.add(node, PROV.wasDerivedFrom, source)
    if ev.document and ev.document != document_id:
        # a curated correction of an article: derived from both, and the article is a document too
        out.add(node, PROV.wasDerivedFrom, document_iri(document_id))
        out.add(source, RDF.type, HG.SourceDocument)
        out.add(source, DCTERMS.identifier, _literal(ev.document))
    out.add(node, HG.curated, _literal(bool(fact.curated)))
    sentence = text(ev.sentence, ev.language) if ev.sentence else None
    out.add(node, HG.evidenceText, sentence)
    derivation = URIRef(str(node) + "/derivation")
    out.add(node, PROV.qualifiedDerivation, derivation)
    out.add(derivation, RDF.type, PROV.Derivation)
    out.add(derivation, PROV.entity, source)
    out.add(derivation, HG.evidenceText, sentence)
    if ev.start is not None:
        out.add(derivation, HG.evidenceStart, _literal(int(ev.start)))
    if ev.end is not None:
        out.add(derivation, HG.evidenceEnd, _literal(int(ev.end)))
    if ev.source:
        out.add(derivation, DCTERMS.source, _literal(ev.source))


def _add_interval(out: _Triples, node: URIRef, begin: str | None, end: str | None) -> None:
    interval = URIRef(str(node) + "/validity")
    out.add(node, HG.validity, interval)
    out.add(interval, RDF.type, TIME.Interval)
    for value, link, suffix in ((begin, TIME.hasBeginning, "/begin"), (end, TIME.hasEnd, "/end")):
        if not value:
            continue
        datatype, position = _date_form(value)
        if position is None:  # malformed or year-less: hg:validFrom/To already carries it for SHACL
            continue
        instant = URIRef(str(interval) + suffix)
        out.add(interval, link, instant)
        out.add(instant, RDF.type, TIME.Instant)
        out.add(instant, position, _literal(value, datatype=datatype))


def add_partnership(out: _Triples, p: Partnership, document_id: str, language: str | None = None) -> None:
    """Add the triples of one agreement (see the Agreement table of ``ontology/README.md``)."""
    node = agreement_iri(p.id)
    out.add(node, RDF.type, HG.Agreement)
    if p.kind == "satellite":
        out.add(node, RDF.type, HG.SatelliteRelation)
    out.add(node, DCTERMS.identifier, _literal(p.id))
    out.add(node, HG.kind, _literal(p.kind))
    out.add(node, RDFS.label, _literal(f"{p.kind}: " + " – ".join(p.parties)))
    for party in p.parties:
        out.add(node, HG.party, org_iri(party))
    if p.supporter:
        out.add(node, HG.supporter, org_iri(p.supporter))
        if p.recipient:
            out.add(node, HG.recipient, org_iri(p.recipient))
    for prop, value in ((HG.signedOn, p.signed_on), (HG.validFrom, p.valid_from), (HG.validTo, p.valid_to)):
        if value:
            out.add(node, prop, date_literal(value))
    if p.valid_from or p.valid_to:
        _add_interval(out, node, p.valid_from, p.valid_to)
    lang = p.evidence.language or language
    for activity in p.activities:
        out.add(node, HG.activity, text(activity, lang))
    for f in p.fields:
        concept = specialty_iri(f)
        out.add(node, HG.field, concept)
        out.add(concept, RDF.type, SKOS.Concept)
        out.add(concept, SKOS.altLabel, text(f.name, lang))
        if f.en:
            out.add(concept, SKOS.altLabel, text(f.en, "en"))
    # canonical lexical form ("1", "0.85"): Oxigraph stores decimals canonically, so both stores agree
    confidence = format(Decimal(str(round(float(p.confidence), 4))).normalize(), "f")
    out.add(node, HG.confidence, _literal(confidence, datatype=XSD.decimal))
    _add_evidence(out, node, p, document_id)


def add_transfer(out: _Triples, t: TechniqueTransfer, document_id: str, language: str | None = None) -> None:
    """Add the triples of one technique transfer event."""
    node = transfer_iri(t.id)
    lang = t.evidence.language or language
    out.add(node, RDF.type, HG.TechniqueTransfer)
    out.add(node, DCTERMS.identifier, _literal(t.id))
    if t.name:
        technique = technique_iri(t.concept, t.name)
        out.add(node, HG.technique, technique)
        out.add(node, HG.techniqueName, text(t.name, lang))
        out.add(technique, RDF.type, SKOS.Concept)
        out.add(technique, SKOS.altLabel, text(t.name, lang))
        if t.en:
            out.add(technique, SKOS.altLabel, text(t.en, "en"))
        if not t.concept:
            out.add(technique, RDFS.label, _literal(t.name))
    if t.source:
        out.add(node, HG.transferredFrom, org_iri(t.source))
    if t.recipient:
        out.add(node, HG.transferredTo, org_iri(t.recipient))
    if t.date:
        out.add(node, HG.date, date_literal(t.date))
    _add_evidence(out, node, t, document_id)


# Reference graph: provinces and concept schemes -------------------------------------------

def default_gazetteer():
    """The shipped gazetteer, or an empty one while its data files are missing."""
    from ..gazetteer import Gazetteer, load_gazetteer

    try:
        return load_gazetteer()
    except (FileNotFoundError, OSError):
        return Gazetteer([], [])


def reference_graph(gazetteer=None) -> Graph:
    """Return the reference graph: provinces with the 2025 merger and the SKOS concept schemes."""
    gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
    out = _Triples()
    for p in sorted(gazetteer.provinces.values(), key=lambda p: p.id):
        node = province_iri(p.id)
        out.add(node, RDF.type, HG.Province)
        out.add(node, DCTERMS.identifier, Literal(p.id))
        out.add(node, RDFS.label, Literal(p.name))
        out.add(node, HG.era, Literal(p.era))
        for lang, name in sorted(p.names.items()):
            out.add(node, SKOS.prefLabel, text(name, lang))
        for alias in p.aliases:
            out.add(node, SKOS.altLabel, Literal(alias))
        if p.merged_into:
            out.add(node, HG.mergedInto, province_iri(p.merged_into))
            out.add(node, HG.mergedOn, Literal(MERGER_DATE, datatype=XSD.date))
            out.add(province_iri(p.merged_into), HG.formedFrom, node)
    from ..gazetteer import load_concepts

    techniques, specialties = load_concepts("techniques"), load_concepts("specialties")
    # ``broader`` may name a concept of either scheme (a technique under a specialty)
    where = {str(c["id"]): "specialty/" for c in specialties}
    where.update({str(c["id"]): "technique/" for c in techniques})
    for concepts, scheme, prefix in ((techniques, TECHNIQUE_SCHEME, "technique/"),
                                     (specialties, SPECIALTY_SCHEME, "specialty/")):
        out.add(scheme, RDF.type, SKOS.ConceptScheme)
        for concept in concepts:
            _add_concept(out, concept, scheme, prefix, where)
    return out.graph(REFERENCE_GRAPH)


def _add_concept(out: _Triples, concept: dict, scheme: URIRef, prefix: str, where: dict) -> None:
    node = HGID[prefix + segment(concept["id"])]
    out.add(node, RDF.type, SKOS.Concept)
    out.add(node, SKOS.inScheme, scheme)
    out.add(node, SKOS.notation, Literal(str(concept["id"])))
    for lang in ("vi", "en", "de"):
        labels = concept.get(lang) or []
        labels = [labels] if isinstance(labels, str) else list(labels)
        for i, label in enumerate(labels):
            out.add(node, SKOS.prefLabel if i == 0 else SKOS.altLabel, text(str(label), lang))
    broader = concept.get("broader") or []
    for b in [broader] if isinstance(broader, str) else broader:
        out.add(node, SKOS.broader, HGID[where.get(str(b), prefix) + segment(b)])


# Whole corpora (exports) ------------------------------------------------------------------

def corpus_facts(corpus: Corpus) -> list[DocumentFacts]:
    """Split a merged Corpus back into one DocumentFacts per evidence document.

    Organisations go with every document whose facts name them (merged record); those no
    fact names go to a pseudo-document ``organisations`` (graph ``hgid:graph/organisations``
    is not used: a document graph keeps the provenance uniform).
    """
    by_doc: dict[str, DocumentFacts] = {}

    def facts_for(doc_id: str) -> DocumentFacts:
        if doc_id not in by_doc:
            doc = corpus.documents.get(doc_id) or Document(doc_id, "")
            by_doc[doc_id] = DocumentFacts(doc)
        return by_doc[doc_id]

    for doc_id in sorted(corpus.documents):
        facts_for(doc_id)
    named: set[str] = set()
    for p in corpus.iter_partnerships():
        facts_for(p.evidence.document).partnerships.append(p)
    for t in sorted(corpus.techniques.values(), key=lambda t: t.id):
        facts_for(t.evidence.document).techniques.append(t)
    for facts in by_doc.values():
        ids = {x for p in facts.partnerships for x in p.parties}
        ids |= {x for t in facts.techniques for x in (t.source, t.recipient) if x}
        facts.organisations = [corpus.organisations[i] for i in sorted(ids) if i in corpus.organisations]
        named |= ids
    rest = [o for i, o in sorted(corpus.organisations.items()) if i not in named]
    if rest:
        facts_for("organisations").organisations = rest
    return [by_doc[k] for k in sorted(by_doc)]


def incomplete(facts: DocumentFacts) -> dict[str, str]:
    """Facts of one document the store does not take, by id, with the reason (:mod:`healthgraph.admission`)."""
    from ..admission import rejected

    return rejected(facts.partnerships, facts.techniques)


def iter_graphs(facts: Iterable[DocumentFacts], gazetteer=None) -> Iterator[Graph]:
    """Yield the reference graph, one graph per document, then the derived graph (complete facts only)."""
    gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
    facts = list(facts)
    yield reference_graph(gazetteer)
    graphs = [document_graph(f, gazetteer, skip=set(incomplete(f))) for f in facts]
    yield from graphs
    yield derived_graph(t for g in graphs for t in g)


DERIVATION_SUFFIX = "/derivation"  # an agreement's qualified derivation is its IRI and this
_DOCUMENT_PREFIX = str(HGID["document/"])


class Shortcuts:
    """The derived graph's triples, gathered from agreement triples as they stream by: every
    supporter of an agreement supports each of its recipients (``hg:supports``, and
    ``hg:satelliteOf`` for a satellite agreement), and each recipient's summary of the support
    agreements it receives: ``hg:supportAgreements`` (how many) and ``hg:supportSources``
    (where they were read: each derivation's ``dcterms:source``, else its document's
    identifier; distinct, sorted, joined by ``"; "``). An agreement counts when its derivation
    names a document with an identifier (the mapping always writes one)."""

    def __init__(self) -> None:
        self.supporters: dict = {}
        self.recipients: dict = {}
        self.satellites: set = set()
        self.derivations: dict = {}  # agreement -> its qualified derivations
        self.entities: dict = {}     # derivation -> the documents it names
        self.sources: dict = {}      # derivation (or document) -> its dcterms:source literals
        self.identifiers: dict = {}  # document -> its dcterms:identifier literals
        # a dict lookup is cheaper than a chain of comparisons on every streamed triple
        self._kept = {HG.supporter: self.supporters, HG.recipient: self.recipients,
                      PROV.qualifiedDerivation: self.derivations, PROV.entity: self.entities,
                      DCTERMS.source: self.sources}
        # what settle() folded: the supports/satelliteOf triples, and per recipient its count and sources
        self._settled: set = set()
        self._counts: dict = {}
        self._read: dict = {}

    def add(self, triples: Iterable[tuple]) -> None:
        kept, satellite, rdf_type, identifier = self._kept, HG.SatelliteRelation, RDF.type, DCTERMS.identifier
        others = {rdf_type, identifier}  # a set's test hashes in C; rdflib's == runs Python on every triple
        for s, p, o in triples:
            into = kept.get(p)
            if into is not None:
                into.setdefault(s, set()).add(o)
            elif p in others:
                if p == rdf_type:
                    if o == satellite:
                        self.satellites.add(s)
                elif s.startswith(_DOCUMENT_PREFIX):
                    self.identifiers.setdefault(s, set()).add(o)

    def agreements(self) -> set:
        """The agreements added since the last :meth:`settle`."""
        return {*self.supporters, *self.recipients, *self.derivations}

    def settle(self) -> None:
        """Fold the agreements added so far into their derived facts and forget their triples, so
        that memory grows with the recipients, not the agreements (a first build settles each
        document). An agreement must be whole when settled: its triples added again later would
        count it twice (the build recomputes those from the store)."""
        self._fold(self._settled, self._counts, self._read, None)
        for kept in (*self._kept.values(), self.identifiers):
            kept.clear()
        self.satellites.clear()

    def triples(self, recipients: Collection | None = None) -> set[tuple]:
        """The derived triples, or only those about the given recipients (their incoming
        ``hg:supports``, their ``hg:satelliteOf`` and their summary)."""
        def about(recipient) -> bool:
            return recipients is None or recipient in recipients

        out = {t for t in self._settled if about(t[2] if t[1] == HG.supports else t[0])}
        counts = {r: n for r, n in self._counts.items() if about(r)}
        sources = {r: set(read) for r, read in self._read.items() if about(r)}
        self._fold(out, counts, sources, recipients)
        for rec, n in counts.items():
            out.add((rec, HG.supportAgreements, Literal(n)))
            out.add((rec, HG.supportSources, Literal("; ".join(sorted(sources[rec])))))
        return out

    def _fold(self, out: set, counts: dict, sources: dict, recipients: Collection | None) -> None:
        """Add the agreements' shortcuts to ``out`` and their recipients' counts and sources to ``counts``/``sources``."""
        for agreement, sups in self.supporters.items():
            recs = self.recipients.get(agreement, ())
            if recipients is not None:
                recs = [r for r in recs if r in recipients]
            if not recs:
                continue
            satellite = agreement in self.satellites
            for sup in sups:
                for rec in recs:
                    out.add((sup, HG.supports, rec))
                    if satellite:
                        out.add((rec, HG.satelliteOf, sup))
            read = self._read_from(agreement)
            if read:
                for rec in recs:
                    counts[rec] = counts.get(rec, 0) + 1
                    sources.setdefault(rec, set()).update(read)

    def _read_from(self, agreement) -> set[str]:
        """Where an agreement was read (the ``sources`` of the queries); empty if its derivation names no document."""
        read: set[str] = set()
        for derivation in self.derivations.get(agreement, ()):
            given = self.sources.get(derivation)
            for document in self.entities.get(derivation, ()):
                ids = self.identifiers.get(document)
                if ids:
                    read.update(str(x) for x in (given or ids))
        return read


def derived_graph(triples: Iterable[tuple]) -> Graph:
    """Return the derived graph (``hg:supports``, ``hg:satelliteOf``, the recipients' support summaries) of agreement triples."""
    shortcuts = Shortcuts()
    shortcuts.add(triples)
    graph = Graph(identifier=DERIVED_GRAPH)
    for triple in shortcuts.triples():
        graph.add(triple)
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology (``ontology/healthgraph.ttl``) as an rdflib Graph."""
    from ..resources import data_file

    return Graph().parse(data_file("ontology", "healthgraph.ttl"), format="turtle")
