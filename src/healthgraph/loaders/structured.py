"""Curated agreements: facts typed in by hand in YAML, JSON or CSV (format: ``docs/rdf.md``).

A curated file becomes one :class:`~healthgraph.model.DocumentFacts` whose facts are
``curated=True``. An agreement that names the article it corrects (``document:``) gets the
same id as the extracted one (:func:`healthgraph.model.agreement_id`), so it overrides it;
``id:`` may also be given explicitly. Organisations may be given by canonical id or by
name; names resolve as everywhere else (:mod:`healthgraph.resolve`), unknown ones get the id the
extraction gives them.

Every problem raises :class:`~healthgraph.errors.InputError` naming the file and, where it
applies, the record (``agreement 2``) and the field.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Iterator, NoReturn

from ..dates import is_partial_date
from ..errors import InputError
from ..model import (ORG_KINDS, PARTNERSHIP_KINDS, TIERS, Document, DocumentFacts, Evidence, Field,
                     Organisation, Partnership, TechniqueTransfer, agreement_id, stable_id)
from ..resolve import OrganisationIndex, gazetteer_index, read_name
from ..text import nfc, slug

TOP_KEYS = {"id", "title", "source", "language", "published_on", "document", "organisations", "organizations",
            "agreements", "techniques"}
ORG_KEYS = {"id", "name", "kind", "tier", "province", "names", "aliases", "former_names"}
AGREEMENT_KEYS = {"id", "parties", "kind", "supporter", "signed_on", "valid_from", "valid_to", "activities",
                  "fields", "document", "evidence", "language", "source", "confidence"}
TECHNIQUE_KEYS = {"name", "en", "concept", "from", "to", "date", "document", "evidence", "language", "source"}
CSV_LIST_SEPARATOR = ";"


def load_structured(path: str | Path) -> Iterator[DocumentFacts]:
    """Yield the facts of one curated file (``.yaml``/``.yml``, ``.json`` or ``.csv``).

    Parameters
    ----------
    path : str or Path

    Yields
    ------
    DocumentFacts
        One per file; its document id is ``id:`` from the file, else ``cur-<stem>-<hash of the path>``.

    Raises
    ------
    InputError
        Unreadable or undecodable file, invalid YAML/JSON/CSV, empty file, unknown keys,
        agreements without two parties, unknown kinds or tiers, malformed dates.

    Examples
    --------
    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "fix.yaml")
    >>> _ = open(p, "w").write("agreements:\\n  - parties: [bach-mai, bvdk-lai-chau]\\n    kind: satellite\\n"
    ...                        "    supporter: bach-mai\\n")
    >>> facts = next(load_structured(p))
    >>> facts.partnerships[0].recipient, facts.partnerships[0].curated
    ('bvdk-lai-chau', True)
    """
    path = Path(path)
    raw = _read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        data = _parse_yaml(path, raw)
    elif suffix == ".json":
        data = _parse_json(path, raw)
    elif suffix == ".csv":
        data = _parse_csv(path, raw)
    else:
        raise InputError(path, f"unsupported curated file type {suffix or '(none)'!r}; use .yaml, .json or .csv")
    yield _Builder(path, raw).facts(data)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                               "save the file as UTF-8") from exc
    if not text.strip():
        raise InputError(path, "empty file: expected curated agreements (see docs/rdf.md)")
    return text


def _parse_yaml(path: Path, raw: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(path, f"invalid YAML{where}: {problem}") from exc


def _parse_json(path: Path, raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc


def _parse_csv(path: Path, raw: str) -> dict:
    """One agreement per row; list cells (parties, activities, fields) are ``;``-separated."""
    try:
        rows = list(csv.DictReader(io.StringIO(raw)))
    except csv.Error as exc:
        raise InputError(path, f"invalid CSV: {exc}") from exc
    if not rows:
        raise InputError(path, "CSV has a header but no rows")
    agreements: list[dict] = []
    for row in rows:
        if None in row:
            raise InputError(path, f"CSV line {len(agreements) + 2}: more cells than header columns")
        record = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        parties = _split(record.pop("parties", ""))
        parties += [record.pop(k) for k in ("party_a", "party_b") if record.get(k)]
        record.pop("party_a", None), record.pop("party_b", None)
        record = {k: v for k, v in record.items() if v != ""}
        record["parties"] = parties
        for key in ("activities", "fields"):
            if key in record:
                record[key] = _split(record[key])
        agreements.append(record)
    return {"agreements": agreements}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(CSV_LIST_SEPARATOR) if part.strip()]


class _Builder:
    """Turn the parsed data of one file into DocumentFacts, checking every field."""

    def __init__(self, path: Path, raw: str):
        from ..rdf.mapping import default_gazetteer

        self.path = path
        self.raw = raw
        self.gazetteer = default_gazetteer()
        self.organisations: dict[str, Organisation] = {}
        self.names = OrganisationIndex()  # the names of self.organisations

    def fail(self, problem: str) -> NoReturn:
        raise InputError(self.path, problem)

    def facts(self, data: Any) -> DocumentFacts:
        if isinstance(data, list):  # a bare list of agreements
            data = {"agreements": data}
        if not isinstance(data, dict):
            self.fail(f"expected a mapping with 'agreements' (and optionally 'organisations', 'techniques'), "
                      f"found {type(data).__name__}")
        self._check_keys(data, TOP_KEYS, "top level")
        doc_id = str(data.get("id") or f"cur-{slug(self.path.stem) or 'file'}-{stable_id(self.path.resolve(), length=8)}")
        language = data.get("language")
        document = Document(doc_id, self.raw, path=str(self.path), language=language, title=data.get("title"),
                            source=data.get("source"),
                            published_on=self._date(data.get("published_on"), "published_on", "top level"))
        self.default_document = data.get("document")
        self.default_source = data.get("source")
        self.default_language = language
        self.doc_id = doc_id
        orgs = data.get("organisations", data.get("organizations")) or []
        agreements = data.get("agreements") or []
        techniques = data.get("techniques") or []
        for name, value in (("organisations", orgs), ("agreements", agreements), ("techniques", techniques)):
            if not isinstance(value, list):
                self.fail(f"'{name}' must be a list, found {type(value).__name__}")
        if not (orgs or agreements or techniques):
            self.fail("no agreements, techniques or organisations in the file")
        for i, entry in enumerate(orgs, 1):
            self._organisation(entry, f"organisation {i}")
        facts = DocumentFacts(document)
        facts.partnerships = [self._agreement(entry, f"agreement {i}") for i, entry in enumerate(agreements, 1)]
        facts.techniques = [self._technique(entry, f"technique {i}") for i, entry in enumerate(techniques, 1)]
        facts.organisations = list(self.organisations.values())
        return facts

    def _check_keys(self, entry: Any, allowed: set[str], where: str) -> None:
        if not isinstance(entry, dict):
            self.fail(f"{where}: expected a mapping of fields, found {type(entry).__name__}")
        unknown = sorted(str(k) for k in entry if k not in allowed)
        if unknown:
            self.fail(f"{where}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")

    def _date(self, value: Any, key: str, where: str) -> str | None:
        if value in (None, ""):
            return None
        value = value.isoformat() if hasattr(value, "isoformat") else str(value)  # YAML reads 2017-07-15 as a date
        if not is_partial_date(value):
            self.fail(f"{where}: {key} {value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD)")
        return value

    def _organisation(self, entry: Any, where: str) -> str:
        self._check_keys(entry, ORG_KEYS, where)
        if not entry.get("id") and not entry.get("name"):
            self.fail(f"{where}: needs an id or a name")
        org_id = str(entry.get("id") or self._resolve(str(entry["name"]), where))
        kind = entry.get("kind") or "organisation"
        if kind not in ORG_KINDS:
            self.fail(f"{where}: unknown kind {kind!r} (choose one of {', '.join(ORG_KINDS)})")
        tier = entry.get("tier")
        if tier is not None and tier not in TIERS:
            self.fail(f"{where}: unknown tier {tier!r} (choose one of {', '.join(TIERS)})")
        names = entry.get("names") or {}
        if not isinstance(names, dict):
            self.fail(f"{where}: names must be a mapping of language to name, e.g. {{en: Bach Mai Hospital}}")
        base = self._known(org_id)
        name = nfc(str(entry.get("name") or (base.name if base else org_id)))
        org = Organisation(org_id, name, kind=kind if entry.get("kind") or not base else base.kind,
                           tier=tier or (base.tier if base else None),
                           province=entry.get("province") or (base.province if base else None),
                           names={**(base.names if base else {}), **{str(k): nfc(str(v)) for k, v in names.items()}},
                           mentions=[name, *(nfc(str(a)) for a in entry.get("aliases") or [])],
                           resolved=bool(base and base.resolved) or bool(entry.get("id")),
                           former_names=[nfc(str(f)) for f in entry.get("former_names") or []])
        if org.province and self.gazetteer.provinces and self.gazetteer.province(org.province) is None:
            self.fail(f"{where}: unknown province id {org.province!r} (see loaders/gazetteer/provinces.yaml)")
        self._keep(org)
        return org_id

    def _known(self, org_id: str) -> Organisation | None:
        known = self.gazetteer.organisations.get(org_id)
        if known is None:
            return self.organisations.get(org_id)
        return Organisation(known.id, known.name, kind=known.kind, tier=known.tier, province=known.province,
                            names=dict(known.names), mentions=[known.name], resolved=True,
                            former_names=list(known.former_names))

    def _resolve(self, ref: str, where: str) -> str:
        """An organisation id for ``ref``: an id, else a name resolved by the project's one
        resolver (:mod:`healthgraph.resolve`) among the file's organisations, then the
        gazetteer's, then as the extraction reads it; a name nobody knows gets the id the
        extraction would give it, so curated and extracted facts about it meet."""
        ref = nfc(ref.strip())
        if ref in self.organisations or ref in self.gazetteer.organisations:
            return ref
        for index in (self.names, gazetteer_index()):
            found = index.matches(ref, partial=False)
            if len(found) == 1:
                return found[0]
            if found:
                candidates = ", ".join(found[:5]) + (" ..." if len(found) > 5 else "")
                self.fail(f"{where}: {ref!r} is ambiguous ({candidates}); give the id")
        return read_name(ref) or (ref if ref == slug(ref) else "x-" + slug(ref))

    def _party(self, ref: Any, where: str) -> str:
        if not isinstance(ref, (str, int)) or not str(ref).strip():
            self.fail(f"{where}: an organisation must be an id or a name, found {ref!r}")
        org_id = self._resolve(str(ref), where)
        if org_id not in self.organisations:
            base = self._known(org_id)
            if base is None:  # an id or name nobody describes: keep it, marked unresolved
                base = Organisation(org_id, nfc(str(ref)), resolved=False, mentions=[nfc(str(ref))])
            elif str(ref) != base.name:
                base.add_mention(nfc(str(ref)))
            self._keep(base)
        return org_id

    def _keep(self, org: Organisation) -> None:
        self.organisations[org.id] = org
        for label in (org.name, *org.mentions, *org.names.values(), *org.former_names):
            self.names.add(org.id, label, primary=label == org.name)

    def _evidence(self, entry: dict, where: str) -> Evidence:
        sentence = entry.get("evidence") or ""
        if not isinstance(sentence, str):
            self.fail(f"{where}: evidence must be the sentence (text)")
        return Evidence(document=str(entry.get("document") or self.default_document or self.doc_id),
                        sentence=nfc(sentence), language=str(entry.get("language") or self.default_language or ""),
                        source=entry.get("source") or self.default_source)

    def _agreement(self, entry: Any, where: str) -> Partnership:
        self._check_keys(entry, AGREEMENT_KEYS, where)
        parties = entry.get("parties")
        if not isinstance(parties, list) or len(parties) != 2:
            self.fail(f"{where}: needs exactly two parties (parties: [A, B]), found {parties!r}")
        ids = (self._party(parties[0], where), self._party(parties[1], where))
        if ids[0] == ids[1]:
            self.fail(f"{where}: both parties are {ids[0]!r}; an agreement needs two different organisations")
        kind = entry.get("kind")
        if kind not in PARTNERSHIP_KINDS:
            self.fail(f"{where}: unknown kind {kind!r} (choose one of {', '.join(PARTNERSHIP_KINDS)})")
        supporter = entry.get("supporter")
        if supporter is not None:
            supporter = self._resolve(str(supporter), where)
            if supporter not in ids:
                self.fail(f"{where}: supporter {supporter!r} is not one of the parties {list(ids)}")
        elif kind == "satellite":
            self.fail(f"{where}: a satellite agreement needs its supporter (the core hospital)")
        evidence = self._evidence(entry, where)
        activities = entry.get("activities") or []
        activities = [activities] if isinstance(activities, str) else activities
        try:
            confidence = float(entry.get("confidence", 1.0))
        except (TypeError, ValueError):
            self.fail(f"{where}: confidence must be a number between 0 and 1")
        return Partnership(
            ids, kind, evidence, supporter=supporter,
            signed_on=self._date(entry.get("signed_on"), "signed_on", where),
            valid_from=self._date(entry.get("valid_from"), "valid_from", where),
            valid_to=self._date(entry.get("valid_to"), "valid_to", where),
            activities=[nfc(str(a)) for a in activities], fields=[self._field(f, where) for f in entry.get("fields") or []],
            confidence=confidence, curated=True,
            id=str(entry.get("id") or agreement_id(ids, kind, evidence.document)))

    def _field(self, value: Any, where: str) -> Field:
        if isinstance(value, str):
            return Field(nfc(value))
        if isinstance(value, dict) and value.get("name"):
            return Field(nfc(str(value["name"])), en=value.get("en"), concept=value.get("concept"))
        self.fail(f"{where}: a field is a name or {{name, en, concept}}, found {value!r}")

    def _technique(self, entry: Any, where: str) -> TechniqueTransfer:
        self._check_keys(entry, TECHNIQUE_KEYS, where)
        if not entry.get("name") and not entry.get("concept"):
            self.fail(f"{where}: needs the technique name (name: ...)")
        if not entry.get("to"):
            self.fail(f"{where}: needs the recipient organisation (to: ...)")
        return TechniqueTransfer(
            nfc(str(entry.get("name") or entry["concept"])), self._evidence(entry, where),
            source=self._party(entry["from"], where) if entry.get("from") else None,
            recipient=self._party(entry["to"], where), en=entry.get("en"), concept=entry.get("concept"),
            date=self._date(entry.get("date"), "date", where), curated=True)
