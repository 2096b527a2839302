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
    r"(?P<cue>(?:các|những|một số|\d+)?\s*(?:gói\s+)?(?:kỹ thuật|kĩ thuật|ky thuat|dịch vụ kỹ thuật)(?P<gap>[^:.;!?]{0,80}?)"
    r"(?:\s+(?:như|gồm|bao gồm|sau đây|sau))?\s*:"
    r"|(?:các|những|một số)?\s*(?:kỹ thuật|kĩ thuật)(?P<gap2>[^:.;!?,]{0,60}?)\s+(?:như|gồm|bao gồm)\s"
    r"|(?:Techniken|Verfahren|Methoden)\s*(?:wie|:|,\s*darunter)"
    r"|(?:techniques|procedures)\s*(?:such as|including|:|like))\s*",
    re.I)
_FIELD_CUE = re.compile(
    r"(?:lĩnh vực|chuyên khoa|chuyên ngành|Bereichen|Bereich|Fachgebieten|fields?|specialties|areas?)"
    r"(?:[^:.;]{0,40}?)(?:\s*(?:như|gồm|bao gồm|wie|beispielsweise|such as|including|of))?\s*:?\s*",
    re.I)
_SINGLE = re.compile(
    r"(?:chuyển giao|nhận chuyển giao|tiếp nhận)\s+(?:thành công\s+)?(?:gói\s+)?(?:kỹ thuật|kĩ thuật)\s+(?P<name>[^,.;:()]{4,80}?)"
    r"\s+(?=cho|tới|đến|tại|từ|của)",
    re.I)
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


def _enumeration(text: str, start: int) -> list[Item]:
    """Split the enumeration starting at ``start`` (up to the sentence end) into items."""
    end_match = _END.search(text, start)
    end = end_match.start() if end_match else len(text)
    raw = text[start:end]
    parts = _ITEM_SPLIT.split(raw)
    if len(parts) >= 2:
        last = _LAST_AND.split(parts[-1])
        parts = parts[:-1] + last
    items, cursor = [], start
    for part in parts:
        cleaned = _STRIP_TAIL.sub("", _STRIP_LEAD.sub("", part.strip())).strip(" -–\"'“”")
        pos = text.find(part.strip(), cursor, end + 1)
        if pos >= 0:
            cursor = pos + len(part.strip())
        if 2 <= len(cleaned) <= 80 and len(cleaned.split()) <= 10:
            items.append(Item(cleaned, max(pos, start), max(pos, start) + len(part.strip())))
    return items


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
        gap = (m.group("gap") or m.group("gap2") or "")
        if _FIELD_CUE.search(gap):
            continue
        for item in _enumeration(sentence, m.end()):
            if not _DISEASE.match(item.name):
                items.append(item)
    for m in _SINGLE.finditer(sentence):
        name = _STRIP_LEAD.sub("", m.group("name").strip())
        if gloss(name) is not None or _PROCEDURE.match(name):
            items.append(Item(name, m.start("name"), m.end("name")))
    seen: set[str] = set()
    unique = []
    for item in items:
        if fold(item.name) not in seen:
            seen.add(fold(item.name))
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
