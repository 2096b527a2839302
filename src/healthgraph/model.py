"""The typed data model shared by every loader and backend.

An extraction run turns each source :class:`Document` into a :class:`DocumentFacts`:
the organisations it mentions (resolved to canonical ids), the partnerships between them
and the techniques transferred, each fact carrying its :class:`Evidence`. Many
``DocumentFacts`` merge into one :class:`Corpus`, which every backend (RDF, Neo4j,
networkx) and every export reads.

All dates are ISO 8601 strings, possibly partial (``"2017"``, ``"2017-07"``,
``"--05-29"`` when the year is unknown), so that nothing is invented.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Iterable, Iterator

@dataclass(frozen=True)
class OrgKind:
    """One kind of organisation and what each projection calls it: the property-graph label,
    the ontology and schema.org classes, the HL7 FHIR organization-type code, the shape on a
    network page, and the support capacity the kind implies when a sentence leaves the
    direction open (``None``: the tier decides)."""

    id: str
    label: str
    ontology_class: str | None  # local name in hg: ("Hospital")
    schema_class: str | None    # local name in schema: ("Hospital")
    hl7_type: str
    shape: str
    rank: float | None = None


# the one registry of organisation kinds (docs/architecture.md)
KINDS: dict[str, OrgKind] = {k.id: k for k in (
    OrgKind("hospital", "Hospital", "Hospital", "Hospital", "prov", "dot"),
    OrgKind("health_department", "HealthDepartment", "HealthDepartment", "GovernmentOrganization", "govt", "diamond", 2),
    OrgKind("people_committee", "PeopleCommittee", "PeopleCommittee", "GovernmentOrganization", "govt", "triangle", 2),
    OrgKind("health_centre", "HealthCentre", "HealthCentre", "MedicalOrganization", "prov", "square", 1),
    OrgKind("university", "University", "University", "CollegeOrUniversity", "edu", "triangleDown", 3),
    OrgKind("company", "Company", "Company", "Corporation", "bus", "hexagon", 4.5),
    OrgKind("ministry", "Ministry", "Ministry", "GovernmentOrganization", "govt", "star", 5),
    OrgKind("institute", "Institute", "Institute", "ResearchOrganization", "edu", "triangleDown"),
    OrgKind("foreign_body", "ForeignBody", "ForeignBody", "Organization", "other", "hexagon", 4),
    OrgKind("organisation", "Organisation", None, None, "other", "square"),
)}
ORG_KINDS = tuple(KINDS)
TIERS = ("central", "provincial", "district", "commune", "private", "foreign")
PARTNERSHIP_KINDS = ("agreement", "support", "transfer", "satellite")


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short deterministic id built from ``parts`` (same input, same id, every run)."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the document, the sentence, its language and position."""

    document: str
    sentence: str
    language: str
    source: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Document:
    """A source article (or a curated file) as read from disk."""

    id: str
    text: str
    path: str | None = None
    language: str | None = None
    title: str | None = None
    source: str | None = None
    published_on: str | None = None


@dataclass
class Organisation:
    """A canonical organisation with every surface form seen for it.

    ``id`` is canonical (``bach-mai``, ``bvdk-lai-chau``, ``syt-son-la``) when the
    organisation resolved against the gazetteer or a naming pattern; unresolved
    organisations get an id derived from their folded name, prefixed ``x-``.
    ``province`` is a province id from the gazetteer (pre- or post-2025 territory).
    """

    id: str
    name: str
    kind: str = "organisation"
    tier: str | None = None
    province: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    mentions: list[str] = field(default_factory=list)
    resolved: bool = True
    former_names: list[str] = field(default_factory=list)

    def add_mention(self, surface: str) -> None:
        if surface and surface not in self.mentions:
            self.mentions.append(surface)

    def merge(self, other: "Organisation") -> None:
        """Fold another record of the same organisation into this one (fill gaps, union names)."""
        for surface in other.mentions:
            self.add_mention(surface)
        for lang, name in other.names.items():
            self.names.setdefault(lang, name)
        for former in other.former_names:
            if former not in self.former_names:
                self.former_names.append(former)
        self.tier = self.tier or other.tier
        self.province = self.province or other.province
        if self.kind == "organisation":
            self.kind = other.kind


@dataclass
class Field:
    """A medical specialty or field of cooperation, with an English gloss when known."""

    name: str
    en: str | None = None
    concept: str | None = None


@dataclass
class Partnership:
    """A relation between two organisations read from one document.

    ``kind`` is one of ``agreement`` (signed cooperation), ``support`` (one side supports
    the other), ``transfer`` (technique transfer) or ``satellite`` (``parties[0]`` or
    ``recipient`` is a satellite of ``supporter``). ``supporter`` is the side that gives
    support or transfers techniques, or ``None`` for a partnership between equals.
    """

    parties: tuple[str, str]
    kind: str
    evidence: Evidence
    supporter: str | None = None
    signed_on: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    activities: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    confidence: float = 1.0
    curated: bool = False
    id: str = ""

    def __post_init__(self) -> None:
        self.parties = tuple(self.parties)  # type: ignore[assignment]
        if not self.id:
            self.id = agreement_id(self.parties, self.kind, self.evidence.document)

    @property
    def recipient(self) -> str | None:
        """The party that receives support, or ``None`` for a partnership between equals."""
        if self.supporter is None:
            return None
        return next((p for p in self.parties if p != self.supporter), None)


def agreement_id(parties: Iterable[str], kind: str, document: str | None) -> str:
    """Return the id of the agreement binding ``parties`` as reported by ``document``.

    The id does not depend on the order of the parties, so the same agreement read twice
    gets the same id, and a curated record naming the same document overrides it.
    """
    return "agr-" + stable_id(*sorted(parties), kind, document)


@dataclass
class TechniqueTransfer:
    """A technique (or package of techniques) transferred from one organisation to another."""

    name: str
    evidence: Evidence
    source: str | None = None
    recipient: str | None = None
    en: str | None = None
    concept: str | None = None
    date: str | None = None
    curated: bool = False

    @property
    def id(self) -> str:
        return "tt-" + stable_id(self.concept or self.name.lower(), self.source, self.recipient, self.evidence.document)


@dataclass
class DocumentFacts:
    """Everything extracted from one document."""

    document: Document
    organisations: list[Organisation] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    techniques: list[TechniqueTransfer] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # sentences an extraction fault skipped, and the fault

    def organisation(self, org_id: str) -> Organisation | None:
        return next((o for o in self.organisations if o.id == org_id), None)

    def to_dict(self) -> dict:
        """Return the JSON-ready form (the contract of ``healthgraph extract --format json``)."""
        doc = self.document
        return {
            "id": doc.id,
            "path": doc.path,
            "language": doc.language,
            "title": doc.title,
            "source": doc.source,
            "published_on": doc.published_on,
            "dates": dict(self.dates),
            "organizations": [_org_dict(o) for o in self.organisations],
            "partnerships": [_partnership_dict(p) for p in self.partnerships],
            "techniques": [_technique_dict(t) for t in self.techniques],
            "fields": [asdict(f) for f in self.fields],
            "skipped": list(self.skipped),
        }


def facts_record(facts: DocumentFacts) -> dict:
    """Every field of ``facts`` as JSON-ready data (what ``build`` keeps in the store); the
    inverse of :func:`facts_from_record`.

    >>> f = DocumentFacts(Document("d", "text"), [Organisation("bach-mai", "Bệnh viện Bạch Mai", "hospital")])
    >>> facts_from_record(facts_record(f)) == f
    True
    """
    return _plain(facts)


def _plain(value):
    """``dataclasses.asdict`` without its deep copies of every leaf (a fifth of a first build's time)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def facts_from_record(record: dict) -> DocumentFacts:
    """The :class:`DocumentFacts` a :func:`facts_record` holds."""
    return DocumentFacts(
        document=Document(**record["document"]),
        organisations=[Organisation(**o) for o in record["organisations"]],
        partnerships=[Partnership(**{**p, "parties": tuple(p["parties"]), "evidence": Evidence(**p["evidence"]),
                                     "fields": [Field(**f) for f in p["fields"]]}) for p in record["partnerships"]],
        techniques=[TechniqueTransfer(**{**t, "evidence": Evidence(**t["evidence"])}) for t in record["techniques"]],
        fields=[Field(**f) for f in record["fields"]],
        dates=dict(record["dates"]),
        skipped=list(record["skipped"]),
    )


def _org_dict(org: Organisation) -> dict:
    return {
        "id": org.id,
        "name": org.name,
        "kind": org.kind,
        "tier": org.tier,
        "province": org.province,
        "names": dict(org.names),
        "mentions": list(org.mentions),
        "resolved": org.resolved,
    }


def _partnership_dict(p: Partnership) -> dict:
    return {
        "id": p.id,
        "parties": list(p.parties),
        "supporter": p.supporter,
        "recipient": p.recipient,
        "kind": p.kind,
        "signed_on": p.signed_on,
        "valid_from": p.valid_from,
        "valid_to": p.valid_to,
        "activities": list(p.activities),
        "fields": [asdict(f) for f in p.fields],
        "confidence": p.confidence,
        "evidence": asdict(p.evidence),
    }


def _technique_dict(t: TechniqueTransfer) -> dict:
    return {
        "id": t.id,
        "name": t.name,
        "en": t.en,
        "concept": t.concept,
        "from": t.source,
        "to": t.recipient,
        "date": t.date,
        "evidence": asdict(t.evidence),
    }


@dataclass
class Corpus:
    """Facts merged over many documents: one record per canonical organisation.

    Curated facts (``curated=True``) replace extracted facts with the same id: a user's
    correction of an agreement wins over what the extractor read.
    """

    organisations: dict[str, Organisation] = field(default_factory=dict)
    partnerships: dict[str, Partnership] = field(default_factory=dict)
    techniques: dict[str, TechniqueTransfer] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    def add(self, facts: DocumentFacts) -> None:
        """Merge one document's facts into the corpus."""
        self.documents[facts.document.id] = facts.document
        for org in facts.organisations:
            self.add_organisation(org)
        for p in facts.partnerships:
            current = self.partnerships.get(p.id)
            if current is None or p.curated or not current.curated:
                self.partnerships[p.id] = p
        for t in facts.techniques:
            known = self.techniques.get(t.id)
            if known is None or t.curated or not known.curated:
                self.techniques[t.id] = t

    def add_organisation(self, org: Organisation) -> None:
        known = self.organisations.get(org.id)
        if known is None:
            self.organisations[org.id] = Organisation(**{**asdict(org)})
        else:
            known.merge(org)

    @classmethod
    def from_facts(cls, facts: Iterable[DocumentFacts]) -> "Corpus":
        corpus = cls()
        for f in facts:
            corpus.add(f)
        return corpus

    def iter_partnerships(self) -> Iterator[Partnership]:
        return iter(sorted(self.partnerships.values(), key=lambda p: p.id))
