"""Score extraction against hand-made gold facts.

For researchers who annotate their own articles. A gold file is JSON lines, one case per
line, in the format of the shared gold sets::

    {"id": "d001", "lang": "vi", "text": "...",
     "orgs": [{"key": "bach-mai", "names": ["Bệnh viện Bạch Mai", "BV Bạch Mai"], ...}],
     "partnerships": [{"parties": ["a", "b"], "supporter": "a" | null,
                       "kind": "agreement|support|transfer|satellite|visit"}],
     "techniques": [{"name": "as written", "from": "a", "to": "b"}],
     "negative": false, "partial": false}

The text of a case is its ``text`` field, else ``TEXTS/<id>.txt``.

Matching rules (the same as the shared scorer, so the figures agree):

* an extracted organisation is the gold organisation whose name is most similar to any
  of its name and mentions (case, accents and punctuation ignored; similarity ≥ 0.9);
* organisations count for precision only where they take part in a partnership;
* partnerships are compared as unordered pairs; the direction of a pair is judged where
  the gold states a supporter for it;
* a pair of kind ``visit`` is not judged, nor are pairs among the listed organisations
  of a ``partial`` case;
* a technique matches a gold technique when one folded name contains the other or they
  are ≥ 0.85 similar.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

__all__ = ["evaluate", "Evaluation", "load_gold"]

_NAME_MATCH = 0.9
_TECHNIQUE_MATCH = 0.85
_NON_WORD = re.compile(r"[\W_]+")


def _normal(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFC", text or "").lower()).split())


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", _normal(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _similarity(a: str, b: str) -> float:
    a, b = _folded(a), _folded(b)
    if not a or not b:
        return 0.0
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b).ratio()


@dataclass
class Counts:
    """True positives, false positives and false negatives of one fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Difference:
    """One missed or extra fact, with the sentence it was read from (extra facts)."""

    case: str
    fact: str  # organisation | partnership | direction | technique
    status: str  # missed | extra | wrong
    what: str
    evidence: str = ""


@dataclass
class CaseScore:
    case: str
    language: str
    negative: bool
    organisations: Counts = field(default_factory=Counts)
    partnerships: Counts = field(default_factory=Counts)
    techniques: Counts = field(default_factory=Counts)
    direction_right: int = 0
    direction_judged: int = 0
    false_partnerships: int = 0
    differences: list[Difference] = field(default_factory=list)


@dataclass
class Evaluation:
    """Scores of one extraction run against a gold file; see :meth:`to_dict`."""

    cases: list[CaseScore]

    def _total(self, cases) -> dict:
        orgs, pairs, techniques = Counts(), Counts(), Counts()
        right = judged = negatives = 0
        for c in cases:
            orgs.add(c.organisations)
            pairs.add(c.partnerships)
            techniques.add(c.techniques)
            right, judged = right + c.direction_right, judged + c.direction_judged
            negatives += c.false_partnerships
        partnerships = pairs.scores()
        partnerships["direction"] = right / judged if judged else 1.0
        partnerships["direction_judged"] = judged
        return {"organisations": orgs.scores(), "partnerships": partnerships, "techniques": techniques.scores(),
                "negatives": {"false_partnerships": negatives}, "cases": len(cases)}

    def to_dict(self) -> dict:
        """Overall scores plus the same per language (``by_language``)."""
        result = self._total(self.cases)
        languages = sorted({c.language for c in self.cases})
        result["by_language"] = {lang: self._total([c for c in self.cases if c.language == lang])
                                 for lang in languages}
        return result

    @property
    def differences(self) -> list[Difference]:
        return [d for c in self.cases for d in c.differences]

    def table(self) -> list[dict]:
        """One row per fact type and language (``all`` first), for people."""
        rows = []
        scopes = [("all", self.to_dict())] + list(self.to_dict()["by_language"].items())
        for scope, scores in scopes:
            for fact in ("organisations", "partnerships", "techniques"):
                s = scores[fact]
                rows.append({"language": scope, "facts": fact, "precision": f"{s['precision']:.2f}",
                             "recall": f"{s['recall']:.2f}", "f1": f"{s['f1']:.2f}",
                             "direction": f"{s['direction']:.2f}" if "direction" in s else "",
                             "false on negatives": scores["negatives"]["false_partnerships"]
                             if fact == "partnerships" else ""})
        return rows


def load_gold(path: str | Path, texts: str | Path | None = None) -> list[dict]:
    """Read a gold JSONL file; each case gets its ``text`` (from the file or ``texts``)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the gold file ({exc.__class__.__name__})") from None
    cases = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"not JSON ({exc.msg})") from None
        if not isinstance(case, dict) or not isinstance(case.get("id"), str):
            raise InputError(f"{path}:{number}", "a gold case is an object with a string 'id'")
        if case.get("text") is None:
            if texts is None:
                raise InputError(f"{path}:{number}", f"case {case['id']} has no text; give --texts DIR")
            text_file = Path(texts) / f"{case['id']}.txt"
            try:
                case["text"] = text_file.read_text(encoding="utf-8")
            except OSError:
                raise InputError(text_file, "missing: the text of gold case " + case["id"]) from None
        cases.append(case)
    if not cases:
        raise InputError(path, "no gold cases")
    return cases


def evaluate(gold: str | Path, texts: str | Path | None = None, *, system: dict | None = None) -> Evaluation:
    """Extract every gold case's text and score the facts against the gold.

    Parameters
    ----------
    gold : path
        The gold JSONL file.
    texts : path, optional
        Folder of ``<id>.txt`` files for cases without a ``text`` field.
    system : dict, optional
        Score this output of ``healthgraph extract --format json`` instead of extracting.

    Examples
    --------
    >>> import json, tempfile, os
    >>> case = {"id": "c1", "lang": "vi", "text": "Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.",
    ...         "orgs": [{"key": "bm", "names": ["Bệnh viện Bạch Mai"]},
    ...                  {"key": "pt", "names": ["Bệnh viện Đa khoa tỉnh Phú Thọ"]}],
    ...         "partnerships": [{"parties": ["bm", "pt"], "supporter": None, "kind": "agreement"}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "gold.jsonl")
    ...     _ = open(path, "w", encoding="utf-8").write(json.dumps(case) + "\\n")
    ...     evaluate(path).to_dict()["partnerships"]["f1"]
    1.0
    """
    cases = load_gold(gold, texts)
    if system is None:
        system = {"documents": [facts.to_dict() for facts in _extract_cases(cases)]}
    documents = {str(d.get("id")): d for d in system.get("documents", [])}
    return Evaluation([_score_case(case, documents.get(case["id"], {})) for case in cases])


def _extract_cases(cases: list[dict]):
    """Extract each case as a user's file would be: written as ``<id>.txt`` and read back."""
    import tempfile

    from .extraction import extract

    with tempfile.TemporaryDirectory(prefix="healthgraph-evaluate-") as folder:
        paths = []
        for case in cases:
            path = Path(folder) / f"{case['id']}.txt"
            path.write_text(case["text"], encoding="utf-8")
            paths.append(path)
        return extract(paths, on_error=lambda error: None)


def _best_gold(names: list[str], gold_orgs: list[dict]) -> str | None:
    best, key = 0.0, None
    for org in gold_orgs:
        for gold_name in org.get("names", []):
            for name in names:
                score = 1.0 if _normal(name) == _normal(gold_name) else _similarity(name, gold_name)
                if score > best:
                    best, key = score, org["key"]
    return key if best >= _NAME_MATCH else None


def _score_case(case: dict, document: dict) -> CaseScore:
    score = CaseScore(case["id"], case.get("lang") or document.get("language") or "?", bool(case.get("negative")))
    gold_orgs = case.get("orgs", [])
    gold_names = {o["key"]: (o.get("names") or [o["key"]])[0] for o in gold_orgs}
    system_orgs = {str(o.get("id")): o for o in document.get("organizations", [])}
    to_gold = {oid: _best_gold([n for n in [o.get("name", "")] + list(o.get("mentions", [])) if n], gold_orgs)
               for oid, o in system_orgs.items()}
    system_names = {oid: o.get("name", oid) for oid, o in system_orgs.items()}
    gold_pairs: dict[frozenset, str | None] = {}
    visits = set()
    for p in case.get("partnerships", []):
        pair = frozenset(p["parties"])
        if p.get("kind") == "visit":
            visits.add(pair)
        else:
            gold_pairs[pair] = gold_pairs.get(pair) or p.get("supporter")
    gold_active = {k for pair in gold_pairs for k in pair}
    visiting = {k for pair in visits for k in pair} - gold_active
    partnerships = document.get("partnerships", [])

    active = {str(x) for p in partnerships for x in p.get("parties", [])}
    found = {to_gold.get(o) for o in active} - {None} - visiting
    for oid in sorted(active):
        if to_gold.get(oid) is None or to_gold[oid] not in gold_active | visiting:
            score.organisations.fp += 1
            score.differences.append(Difference(case["id"], "organisation", "extra", system_names.get(oid, oid)))
    score.organisations.tp = len(found & gold_active)
    for key in sorted(gold_active - found):
        score.organisations.fn += 1
        score.differences.append(Difference(case["id"], "organisation", "missed", gold_names.get(key, key)))

    listed = {o["key"] for o in gold_orgs}
    seen: set[frozenset] = set()
    for p in partnerships:
        pair = frozenset(to_gold.get(str(x)) for x in p.get("parties", []))
        evidence = (p.get("evidence") or {}).get("sentence", "")
        described = " – ".join(system_names.get(str(x), str(x)) for x in p.get("parties", []))
        if case.get("partial") and len(pair) == 2 and pair <= listed and pair not in gold_pairs:
            continue
        if pair in visits and pair not in gold_pairs:
            continue
        if None in pair or len(pair) != 2 or pair not in gold_pairs:
            score.partnerships.fp += 1
            score.false_partnerships += score.negative
            score.differences.append(Difference(case["id"], "partnership", "extra", described, evidence))
            continue
        if pair in seen:
            continue
        seen.add(pair)
        score.partnerships.tp += 1
        supporter = gold_pairs[pair]
        if supporter:
            score.direction_judged += 1
            if p.get("supporter") is not None and to_gold.get(str(p["supporter"])) == supporter:
                score.direction_right += 1
            else:
                given = system_names.get(str(p.get("supporter")), "none")
                score.differences.append(Difference(case["id"], "direction", "wrong",
                                                    f"{described}: supporter {given}, gold "
                                                    f"{gold_names.get(supporter, supporter)}", evidence))
    for pair in gold_pairs:
        if pair not in seen:
            score.partnerships.fn += 1
            score.differences.append(Difference(case["id"], "partnership", "missed",
                                                " – ".join(sorted(gold_names.get(k, k) for k in pair))))

    gold_techniques = [t["name"] for t in case.get("techniques", [])]
    matched: set[int] = set()
    for t in document.get("techniques", []):
        name = t.get("name", "")
        hit = next((i for i, gold_name in enumerate(gold_techniques) if i not in matched and (
            _folded(gold_name) in _folded(name) or _folded(name) in _folded(gold_name)
            or _similarity(name, gold_name) >= _TECHNIQUE_MATCH)), None)
        if hit is None:
            score.techniques.fp += 1
            score.differences.append(Difference(case["id"], "technique", "extra", name,
                                                (t.get("evidence") or {}).get("sentence", "")))
        else:
            matched.add(hit)
            score.techniques.tp += 1
    for i, name in enumerate(gold_techniques):
        if i not in matched:
            score.techniques.fn += 1
            score.differences.append(Difference(case["id"], "technique", "missed", name))
    return score


def summary_line(result: dict) -> str:
    """The one-line summary in the shared scorer's wording."""
    return (f"SUMMARY org_f1={result['organisations']['f1']:.2f} partnership_f1={result['partnerships']['f1']:.2f} "
            f"direction={result['partnerships']['direction']:.2f} technique_f1={result['techniques']['f1']:.2f} "
            f"neg_fp={result['negatives']['false_partnerships']}")

