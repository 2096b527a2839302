"""Stage 7: techniques transferred and fields of cooperation.

Techniques are read from enumerations a technique cue introduces ("các kỹ thuật: a, b, c",
"kỹ thuật mới ... như: a, b", "Techniken wie a, b und c", "techniques such as a, b") and
from a single named technique after a transfer verb ("chuyển giao kỹ thuật X cho ..."),
accepted only when it is a known technique or reads like a procedure. Enumerations a field
cue introduces ("trong lĩnh vực: ...", "in den Bereichen ...") are fields, not techniques.
Items that name a disease rather than a procedure ("ung thư gan") are dropped.
English glosses come from the SKOS concepts of ``loaders/lexicon/techniques.yaml`` and
``specialties.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import load_yaml
from ..resources import data_file
from ..text import fold
from .tokens import PhraseMatcher, TokenText

_LIST_CUE = re.compile(
    r"(?P<plural>các|những|một số|\d+)?\s*(?:gói\s+)?(?:kỹ thuật|kĩ thuật|ky thuat|dịch vụ kỹ thuật)"
    r"(?P<gap>[^:.;!?]{0,80}?)(?:\s+(?:như|gồm|bao gồm|sau đây|sau))?\s*:"
    r"|(?P<plural2>các|những|một số|\d+)?\s*(?:kỹ thuật|kĩ thuật)(?P<gap2>[^:.;!?,]{0,60}?)\s+(?:như|gồm|bao gồm)\s"
    r"|(?:Techniken|Verfahren|Methoden|techniques|procedures)(?P<gap3>[^:.;!?]{0,80}?)\s*(?:such as|including|like|wie|:)"
    r"\s*",
    re.I)
_FIELD_CUE = re.compile(
    r"(?:lĩnh vực|chuyên khoa|chuyên ngành|Bereichen|Bereich|Fachgebieten|fields?|specialties|areas?)"
    r"(?:[^:.;]{0,40}?)(?:\s*(?:như|gồm|bao gồm|wie|beispielsweise|such as|including|of))?\s*:?\s*",
    re.I)
# "chuyển giao (cho X) (các|2) kỹ thuật A, B và C cho/từ/do ...", "received the techniques A and B from"
_VERB_LIST = re.compile(
    r"(?:chuyển giao|tiếp nhận|nhận|làm chủ|triển khai|thực hiện|hỗ trợ)\s+(?:thành công\s+)?"
    r"(?:cho\s+[^,.;:]{3,60}?\s+)?(?:(?P<plural>các|những|một số|\d+)\s+)?(?:gói\s+)?(?:kỹ thuật|kĩ thuật)"
    r"(?:\s+mới)?(?:\s+(?:gồm|bao gồm|là|về))?\s+"
    r"|(?:received|transferred|introduced|mastered|performs?)\s+(?:the\s+)?(?:(?P<plural_en>\d+|new|two|three)\s+)*"
    r"(?:techniques?|procedures?)(?:\s+(?:of|for))?\s+"
    r"|(?:übertrug|übernahm|erhielt|erlernte)\s+(?:die\s+)?(?:(?P<plural_de>\d+|neuen)\s+)*(?:Techniken|Verfahren)\s+",
    re.I)
_LIST_STOP = re.compile(r"(?:^|\s)(?:cho|tới|đến|từ|do|của|tại|nhằm|để|vào|trong|from|to|at|for|in|von|an|vom|am|bei|für)\s", re.I)
_CLAUSE_START = re.compile(r"^(?:và|and|und|để|nhằm|cho|từ|to|from)\b", re.I)
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9-]{1,7}")
_NOT_A_NAME = re.compile(r"^(?:này|đó|trên|nói trên|được|mới|cao|these|this|those|diese)\b", re.I)
_ITEM_SPLIT = re.compile(r"\s*[,;]\s*")
_LAST_AND = re.compile(r"\s+(?:và|und|and|sowie)\s+", re.I)
_STRIP_LEAD = re.compile(r"^(?:các|những|một số|der|die|das|den|dem|the|a|an|in der|in den|im|bei der)\s+", re.I)
_STRIP_TAIL = re.compile(r"\s*(?:…|\.\.\.|v\.v\.?|etc\.?|usw\.?)\s*$|[.…]+$")
_DISEASE = re.compile(r"^(?:ung thư|bệnh|hội chứng|viêm|u\s|sỏi|suy|krebs|cancer|disease|syndrome)", re.I)
_PROCEDURE = re.compile(
    r"^(?:kỹ thuật|đặt|đo|lập|bơm|phẫu thuật|mổ|can thiệp|nội soi|chụp|ghép|lọc|thay|điều trị|tán|sinh thiết|"
    r"cấp cứu|xét nghiệm|siêu âm|thở|hồi sức|truyền|cắt|nong|tiêm|chọc|dẫn lưu|cấy|xạ trị|hóa trị|theo dõi|"
    r"operation|surgery|implant|transplant|insertion|dialysis|endoscop)",
    re.I)
_END = re.compile(r"[.!?]\s|[.!?]$|\n")


@dataclass(frozen=True)
class Concept:
    id: str
    en: str | None
    de: str | None


_TECHNIQUE_HINT = re.compile(r"kỹ thuật|kĩ thuật|ky thuat|techni|verfahren|methoden|procedur", re.I)
_FIELD_HINT = re.compile(r"lĩnh vực|chuyên khoa|chuyên ngành|bereich|fachgebiet|field|special|area", re.I)


@lru_cache(maxsize=1)
def _concepts() -> dict[str, dict[str, Concept]]:
    out: dict[str, dict[str, Concept]] = {}
    for name in ("techniques", "specialties"):
        table: dict[str, Concept] = {}
        path = data_file("loaders", "lexicon", f"{name}.yaml")
        if path.exists():
            data = load_yaml(path)
            for c in data.get("concepts", data.get(name, [])) or []:
                concept = Concept(c["id"], c.get("en"), c.get("de"))
                labels = list(c.get("vi") or []) + [c.get("en") or "", c.get("de") or ""]
                for label in labels:
                    if label:
                        table.setdefault(fold(label), concept)
        out[name] = table
    return out


@lru_cache(maxsize=2)
def _matcher(scheme: str) -> PhraseMatcher:
    return PhraseMatcher((label, concept) for label, concept in _concepts()[scheme].items() if len(label) > 3)


@lru_cache(maxsize=4096)
def gloss(name: str, scheme: str = "techniques") -> Concept | None:
    """The concept whose label is ``name``, or the longest label contained in it.

    Examples
    --------
    >>> gloss("bơm Surfactan").en
    'surfactant administration'
    """
    key = fold(name)
    exact = _concepts()[scheme].get(key)
    if exact is not None:
        return exact
    hits = sorted(_matcher(scheme).find(TokenText.of(name)), key=lambda h: h[1] - h[0], reverse=True)
    return hits[0][2] if hits else None


@dataclass(frozen=True)
class Item:
    name: str
    start: int
    end: int


def _enumeration(text: str, start: int, stop_at_preposition: bool = False, plural: bool = False) -> list[Item]:
    """Split the enumeration starting at ``start`` (up to the sentence end, or the first
    preposition when the list sits inside a clause) into items."""
    end_match = _END.search(text, start)
    end = end_match.start() if end_match else len(text)
    if stop_at_preposition and (stop := _LIST_STOP.search(text[start:end])):
        end = start + stop.start()
    raw = text[start:end]
    parts = _ITEM_SPLIT.split(raw)
    last = _LAST_AND.split(parts[-1])
    # "A, B và C" ends in two items; "cấp cứu và can thiệp tim mạch" alone is one, unless
    # the cue announced several or both halves read as techniques
    if len(last) > 1 and (len(parts) >= 2 or plural or all(looks_like_technique(x.strip()) for x in last)):
        parts = parts[:-1] + last
    items, cursor = [], start
    for part in parts:
        cleaned = _STRIP_TAIL.sub("", _STRIP_LEAD.sub("", part.strip())).strip(" -–\"'“”")
        pos = text.find(part.strip(), cursor, end + 1)
        if pos >= 0:
            cursor = pos + len(part.strip())
        if 2 <= len(cleaned) <= 80 and len(cleaned.split()) <= 10 and not _NOT_A_NAME.match(cleaned):
            items.append(Item(cleaned, max(pos, start), max(pos, start) + len(part.strip())))
    return items


def looks_like_technique(name: str) -> bool:
    """A known technique, a phrase opened by a procedure word, or an abbreviation (ESD, FNA)."""
    return bool(gloss(name) is not None or _PROCEDURE.match(name) or _ABBREVIATION.fullmatch(name))


def find_techniques(sentence: str) -> list[Item]:
    """Technique names stated in one sentence.

    Examples
    --------
    >>> [i.name for i in find_techniques("hỗ trợ đào tạo các kỹ thuật: đặt catheter tĩnh mạch rốn, bơm Surfactan.")]
    ['đặt catheter tĩnh mạch rốn', 'bơm Surfactan']
    """
    items: list[Item] = []
    if not _TECHNIQUE_HINT.search(sentence):
        return items
    for m in _LIST_CUE.finditer(sentence):
        gap = (m.group("gap") or m.group("gap2") or m.group("gap3") or "")
        if _FIELD_CUE.search(gap):
            continue
        plural = bool(m.group("plural") or m.group("plural2"))
        for item in _enumeration(sentence, m.end(), plural=plural):
            if not _DISEASE.match(item.name):
                items.append(item)
    for m in _VERB_LIST.finditer(sentence):
        if _CLAUSE_START.match(sentence[m.end():]):
            continue  # "chuyển giao các gói kỹ thuật và đào tạo ...": no names follow
        plural = bool(m.group("plural") or m.group("plural_en") or m.group("plural_de"))
        found = _enumeration(sentence, m.end(), stop_at_preposition=True, plural=plural)
        # a lone item must look like a procedure: "chuyển giao kỹ thuật cao" names none
        if len(found) == 1 and not plural and not looks_like_technique(found[0].name):
            continue
        items.extend(i for i in found if not _DISEASE.match(i.name))
    keys = {fold(i.name) for i in items}
    seen: set[str] = set()
    unique = []
    for item in items:
        key = fold(item.name)
        halves = [fold(x) for x in _LAST_AND.split(item.name)]
        if key in seen or (len(halves) > 1 and all(h in keys for h in halves)):
            continue
        seen.add(key)
        unique.append(item)
    return unique


def find_fields(sentence: str) -> list[Item]:
    """Fields of cooperation enumerated in one sentence ("trong lĩnh vực: a, b")."""
    items: list[Item] = []
    if not _FIELD_HINT.search(sentence):
        return items
    for m in _FIELD_CUE.finditer(sentence):
        rest = sentence[m.end():]
        if not rest or rest[0] in ".;":
            continue
        for item in _enumeration(sentence, m.end()):
            if gloss(item.name, "specialties") is not None or len(item.name.split()) <= 6:
                items.append(item)
        if items:
            break
    return items
