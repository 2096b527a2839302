"""FHIR R5: a Bundle of Organization and OrganizationAffiliation resources (JSON).

Health-information systems exchange organisations in HL7 FHIR; R5's OrganizationAffiliation
is "a relationship between 2 distinct organizations, that is not a part-of relationship":
exactly a cooperation agreement. The mapping (``docs/fhir.md``):

* each organisation is an ``Organization``: ``identifier`` (the healthgraph id), ``name``,
  ``alias`` (other names and spellings), ``type`` (HL7 organization-type and the healthgraph
  kind and tier), ``contact.address`` (province, country: R5 moved the address there);
* each partnership is an ``OrganizationAffiliation``: ``organization`` the supporting side,
  ``participatingOrganization`` the other, ``code`` its kind (agreement, support, transfer,
  satellite), ``specialty`` its fields and the techniques transferred between the two,
  ``period`` its validity (from the signing when no start is stated), ``network`` the
  programme (Đề án 1816, the satellite hospital programme) when the evidence names it;
* an agreement between equals has no supporting side: ``organization`` is then the party
  whose id sorts first, and the kind ``agreement`` says the relation is symmetric;
* the evidence sentence and its document travel in an extension and in ``meta.source``.

:func:`read` turns such a Bundle back into a :class:`~healthgraph.model.Corpus`.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..model import KINDS, Corpus, Evidence, Field, Organisation, Partnership

FORMATS = ("fhir",)
SUFFIX = ".fhir.json"
INPUT = "both"
DESCRIPTION = "FHIR R5 Bundle: Organization and OrganizationAffiliation resources (JSON)"

BASE = "https://w3id.org/healthgraph/fhir/"
ORG_SYSTEM = "https://w3id.org/healthgraph/id/org"
AFFILIATION_SYSTEM = "https://w3id.org/healthgraph/id/partnership"
KIND_SYSTEM = BASE + "CodeSystem/organisation-kind"
TIER_SYSTEM = BASE + "CodeSystem/tier"
RELATION_SYSTEM = BASE + "CodeSystem/partnership-kind"
CONCEPT_SYSTEM = "https://w3id.org/healthgraph/id/concept"
EVIDENCE_URL = BASE + "StructureDefinition/evidence"
SYMMETRIC_URL = BASE + "StructureDefinition/between-equals"  # no supporting side: organization is a convention
SPECIALTY_KIND_URL = BASE + "StructureDefinition/specialty-kind"  # field or technique
PROVINCE_URL = BASE + "StructureDefinition/province"
HL7_ORG_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type"
HL7_TYPES = {kind.id: kind.hl7_type for kind in KINDS.values()}  # healthgraph kind -> HL7 code (model.KINDS)
RELATIONS = {"agreement": "Cooperation agreement", "support": "Support (training, rotation)",
             "transfer": "Technique transfer", "satellite": "Satellite hospital of a core hospital"}
# programmes a partnership belongs to, recognised in its evidence: (id, name, words that name it)
PROGRAMMES = (("de-an-1816", "Đề án 1816 (rotation of staff to lower-level hospitals)", ("1816",)),
              ("de-an-benh-vien-ve-tinh", "Đề án Bệnh viện vệ tinh (satellite hospital programme, 774/QĐ-BYT)",
               ("vệ tinh", "ve tinh", "satellite", "Satelliten")))
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_FHIR_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def fhir_id(value: str) -> str:
    """A FHIR resource id for a healthgraph id (letters, digits, '-' and '.', at most 64).

    >>> fhir_id("bvdk-lai-chau"), fhir_id("x-bệnh-viện-a")
    ('bvdk-lai-chau', 'x-b-nh-vi-n-a')
    """
    if _FHIR_ID.fullmatch(value):
        return value
    from ..model import stable_id

    cleaned = re.sub(r"[^A-Za-z0-9\-.]", "-", value)
    return cleaned if len(cleaned) <= 64 else cleaned[:47] + "-" + stable_id(value)


def to_bundle(corpus: Corpus) -> dict:
    """The FHIR R5 Bundle (a ``collection``) of ``corpus``, as JSON-ready dicts.

    Examples
    --------
    >>> from healthgraph.model import Corpus, Organisation, Partnership, Evidence
    >>> c = Corpus()
    >>> for o in (Organisation("bach-mai", "Bệnh viện Bạch Mai", "hospital"),
    ...           Organisation("bvdk-phu-tho", "Bệnh viện Đa khoa tỉnh Phú Thọ", "hospital", province="phu-tho")):
    ...     c.add_organisation(o)
    >>> p = Partnership(("bach-mai", "bvdk-phu-tho"), "satellite", Evidence("d", "…", "vi"), supporter="bach-mai")
    >>> c.partnerships[p.id] = p
    >>> b = to_bundle(c)
    >>> [e["resource"]["id"] for e in b["entry"]]  # the programme of satellites is an Organization too
    ['bach-mai', 'bvdk-phu-tho', 'de-an-benh-vien-ve-tinh', 'agr-2835e10f603b3b44']
    >>> b["entry"][-1]["resource"]["organization"], b["entry"][-1]["resource"]["participatingOrganization"]
    ({'reference': 'Organization/bach-mai'}, {'reference': 'Organization/bvdk-phu-tho'})
    """
    from ..gazetteer import load_gazetteer

    provinces = load_gazetteer().provinces
    entries = [_entry(_organization(org, provinces)) for _, org in sorted(corpus.organisations.items())]
    techniques = _techniques_by_pair(corpus)
    programmes_used: set[str] = set()
    affiliations = []
    for p in corpus.iter_partnerships():
        affiliation = _affiliation(p, corpus, techniques.get(frozenset(p.parties), []))
        programmes_used.update(ref["reference"].split("/", 1)[1] for ref in affiliation.get("network", []))
        affiliations.append(_entry(affiliation))
    for programme_id, name, _ in PROGRAMMES:
        if programme_id in programmes_used:
            entries.append(_entry({"resourceType": "Organization", "id": programme_id, "active": True,
                                   "identifier": [{"system": ORG_SYSTEM, "value": programme_id}],
                                   "type": [{"coding": [{"system": HL7_ORG_TYPE, "code": "govt",
                                                         "display": "Government"}]}],
                                   "name": name}))
    return {"resourceType": "Bundle", "type": "collection", "entry": entries + affiliations}


def write(data, out_path: Path) -> list[Path]:
    """Write the Bundle of ``data`` (an :class:`~healthgraph.exporters.ExportInput`) to ``out_path``."""
    bundle = to_bundle(data.corpus)
    Path(out_path).write_text(json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [Path(out_path)]


def read(path: str | Path) -> Corpus:
    """The :class:`~healthgraph.model.Corpus` of a Bundle written by :func:`write` (organisations,
    partnerships with their kind, supporter, validity, fields and evidence)."""
    bundle = json.loads(Path(path).read_text(encoding="utf-8"))
    corpus = Corpus()
    ids: dict[str, str] = {}
    for entry in bundle.get("entry", []):
        resource = entry["resource"]
        if resource["resourceType"] == "Organization":
            own = next((i["value"] for i in resource.get("identifier", []) if i["system"] == ORG_SYSTEM), None)
            ids[resource["id"]] = own or resource["id"]
    for entry in bundle.get("entry", []):
        resource = entry["resource"]
        if resource["resourceType"] == "Organization" and not any(resource["id"] == p for p, _, _ in PROGRAMMES):
            corpus.add_organisation(_organisation_of(resource, ids))
        elif resource["resourceType"] == "OrganizationAffiliation":
            p = _partnership_of(resource, ids)
            corpus.partnerships[p.id] = p
    return corpus


def _entry(resource: dict) -> dict:
    return {"fullUrl": f"{BASE}{resource['resourceType']}/{resource['id']}", "resource": resource}


def _organization(org: Organisation, provinces) -> dict:
    coding = [{"system": HL7_ORG_TYPE, "code": HL7_TYPES.get(org.kind, "other")},
              {"system": KIND_SYSTEM, "code": org.kind}]
    if org.tier:
        coding.append({"system": TIER_SYSTEM, "code": org.tier})
    aliases = [n for n in dict.fromkeys([*org.names.values(), *org.former_names, *org.mentions]) if n != org.name]
    resource = {"resourceType": "Organization", "id": fhir_id(org.id), "active": True,
                "identifier": [{"system": ORG_SYSTEM, "value": org.id}], "type": [{"coding": coding}],
                "name": org.name}
    if aliases:
        resource["alias"] = aliases
    if org.province:
        province = provinces.get(org.province)
        # R5 keeps an organisation's address in its contact (ExtendedContactDetail), no longer at the top
        resource["contact"] = [{"address": {"state": province.name if province else org.province, "country": "VN",
                                            "extension": [{"url": PROVINCE_URL, "valueCode": org.province}]}}]
    return resource


def _techniques_by_pair(corpus: Corpus) -> dict[frozenset, list]:
    by_pair: dict[frozenset, list] = {}
    for t in sorted(corpus.techniques.values(), key=lambda t: t.id):
        if t.source and t.recipient:
            by_pair.setdefault(frozenset((t.source, t.recipient)), []).append(t)
    return by_pair


def _concept(name: str, en: str | None, concept: str | None, kind: str) -> dict:
    """A field or a technique as a CodeableConcept: the healthgraph concept when known, the
    words of the article as its text, and which of the two it is."""
    specialty = {"extension": [{"url": SPECIALTY_KIND_URL, "valueCode": kind}], "text": name}
    if concept:
        specialty["coding"] = [{"system": CONCEPT_SYSTEM, "code": concept, "display": en or name}]
    return specialty


def _affiliation(p: Partnership, corpus: Corpus, techniques: list) -> dict:
    first, second = sorted(p.parties)
    organization = p.supporter or first  # an agreement between equals: the party whose id sorts first
    participant = second if organization == first else first
    resource = {"resourceType": "OrganizationAffiliation", "id": fhir_id(p.id),
                "identifier": [{"system": AFFILIATION_SYSTEM, "value": p.id}],
                "organization": {"reference": f"Organization/{fhir_id(organization)}"},
                "participatingOrganization": {"reference": f"Organization/{fhir_id(participant)}"},
                "code": [{"coding": [{"system": RELATION_SYSTEM, "code": p.kind, "display": RELATIONS[p.kind]}]}]}
    specialty = [_concept(f.name, f.en, f.concept, "field") for f in p.fields]
    specialty += [_concept(t.name, t.en, t.concept, "technique") for t in techniques]
    if specialty:
        resource["specialty"] = specialty
    start, end = p.valid_from or p.signed_on, p.valid_to
    period = {k: v for k, v in (("start", start), ("end", end)) if v and _FHIR_DATE.fullmatch(v)}
    if period:
        resource["period"] = period
    said = " ".join([p.evidence.sentence, *p.activities]).lower()
    network = [{"reference": f"Organization/{pid}"} for pid, _, words in PROGRAMMES
               if any(w.lower() in said for w in words) or (pid == "de-an-benh-vien-ve-tinh" and p.kind == "satellite")]
    if network:
        resource["network"] = network
    document = corpus.documents.get(p.evidence.document)
    source = p.evidence.source or (document.source if document else None)
    if source and re.match(r"[a-z][a-z0-9+.-]*:\S+$", source):
        resource["meta"] = {"source": source}
    resource["extension"] = ([{"url": SYMMETRIC_URL, "valueBoolean": True}] if p.supporter is None else []) + [
        {"url": EVIDENCE_URL, "extension": [
        {"url": "document", "valueString": p.evidence.document},
        {"url": "sentence", "valueString": p.evidence.sentence},
        {"url": "language", "valueCode": p.evidence.language}] + (
        [{"url": "signed", "valueDate": p.signed_on}] if p.signed_on and _FHIR_DATE.fullmatch(p.signed_on) else [])}]
    return resource


def _organisation_of(resource: dict, ids: dict[str, str]) -> Organisation:
    codes = {c["system"]: c["code"] for t in resource.get("type", []) for c in t.get("coding", [])}
    address = (resource.get("contact") or [{}])[0].get("address", {})
    province = next((e["valueCode"] for e in address.get("extension", []) if e["url"] == PROVINCE_URL), None)
    return Organisation(ids[resource["id"]], resource["name"], codes.get(KIND_SYSTEM, "organisation"),
                        tier=codes.get(TIER_SYSTEM), province=province, mentions=list(resource.get("alias", [])))


def _partnership_of(resource: dict, ids: dict[str, str]) -> Partnership:
    organization = ids[resource["organization"]["reference"].split("/", 1)[1]]
    participant = ids[resource["participatingOrganization"]["reference"].split("/", 1)[1]]
    kind = resource["code"][0]["coding"][0]["code"]
    said = {e["url"]: next(v for k, v in e.items() if k.startswith("value"))
            for e in next(x for x in resource["extension"] if x["url"] == EVIDENCE_URL)["extension"]}
    fields = [Field(s["text"], (s.get("coding") or [{}])[0].get("display"), (s.get("coding") or [{}])[0].get("code"))
              for s in resource.get("specialty", []) if _specialty_kind(s) == "field"]
    period = resource.get("period", {})
    first, second = sorted((organization, participant))
    p = Partnership((first, second), kind,
                    Evidence(said["document"], said["sentence"], said["language"],
                             source=resource.get("meta", {}).get("source")),
                    supporter=None if any(e["url"] == SYMMETRIC_URL for e in resource["extension"]) else organization,
                    signed_on=said.get("signed"), valid_to=period.get("end"), fields=fields)
    p.valid_from = period.get("start") if period.get("start") != p.signed_on else None
    p.id = next(i["value"] for i in resource["identifier"] if i["system"] == AFFILIATION_SYSTEM)
    return p


def _specialty_kind(specialty: dict) -> str:
    return next(e["valueCode"] for e in specialty["extension"] if e["url"] == SPECIALTY_KIND_URL)
