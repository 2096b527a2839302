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
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import load_concepts
from ..text import fold
from .normalise import fold_same_length
from .tokens import DOCUMENT_KEY, PhraseMatcher, TokenText

# All patterns run on the folded sentence (no diacritics, lower case, same length), so
# ASCII-only Vietnamese and NFD input match alike; names are sliced from the original.
_TECHNIQUE = r"(?:ky thuat|ki thuat|phuong phap)"
# the pattern starts at the technique word (a literal: fast to find); "các/2 (gói) kỹ thuật" before it
# marks several (see _PLURAL_BEFORE)
_LIST_CUE = re.compile(
    rf"{_TECHNIQUE}(?P<gap>[^:.;!?]{{0,120}}?)(?:\s+(?:nhu|gom|bao gom|sau day|sau))?\s*:"
    rf"|{_TECHNIQUE}(?P<gap2>[^:.;!?]{{0,80}}?),?\s+(?:nhu|gom|bao gom)\s"
    # "chuyển giao 8 kỹ thuật, trong đó có (kỹ thuật) thở máy không xâm nhập"
    rf"|{_TECHNIQUE}(?P<gap4>[^:.;!?,]{{0,40}}?),?\s+trong do (?:co|gom)\s+(?:(?:cac\s+)?{_TECHNIQUE}\s+)?"
    r"|(?:techniken|verfahren|methoden|techniques|procedures|skills)(?P<gap3>[^:.;!?]{0,80}?)\s*"
    r"(?:(?:such as|including|like|wie)\s*:?|:)"
    r"\s*")
_PLURAL_BEFORE = re.compile(r"(?:cac|nhung|mot so|\d+)\s*(?:goi\s+)?(?:dich vu\s+)?$")
_FIELD_CUE = re.compile(
    r"(?:linh vuc|chuyen khoa|chuyen nganh|bereichen|bereich|fachgebieten|fields?|specialties|specialities|areas?)"
    r"(?:[^:.;]{0,40}?)(?:\s*(?:nhu|gom|bao gom|wie|beispielsweise|zum beispiel|such as|including)\s*:?|\s*:)\s*")
# "chuyển giao (cho X) (các|2) kỹ thuật A, B và C cho ...", "received the techniques A and B from",
# "übernahm ... die Techniken A und B"
_VERB_LIST = re.compile(
    r"(?:chuyen giao|tiep nhan|nhan|lam chu|trien khai|thuc hien|ho tro|huong dan|ban giao|trao|phat trien)\s+(?:(?:thanh cong|doc lap)\s+)?"
    rf"(?:cho\s+[^,.;:]{{3,60}}?\s+)?(?:(?P<plural>cac|nhung|mot so|\d+)\s+)?(?:goi\s+)?{_TECHNIQUE}"
    r"(?:\s+moi)?(?:\s+(?:gom|bao gom|la|ve))?\s+"
    r"|(?:received|transferred|transfer|transfers|introduced|mastered|performs?|the)\s+(?:the\s+)?"
    r"(?:(?P<plural_en>\d+|new|two|three)\s+)*(?P<noun_en>techniques|procedures|technique|procedure)"
    r"(?:\s+(?:of|for|in))?\s+"
    r"|(?:ubertrug|ubernahm|erhielt|erlernte|die|diese)\s+(?:die\s+)?(?:(?P<plural_de>\d+|neuen)\s+)*"
    r"(?:techniken|verfahren)\s+")
# a preposition that opens the recipient or source ends a list: "... và D cho Bệnh viện X"
_LIST_STOP = re.compile(
    r"\s(?:tai|o)\s+(?:huyen|tinh|xa|thanh pho|tp|trung tam|benh vien|khoa)\b"  # "… tại huyện": a place ends it
    r"|\s(?:cho|toi|den|tu|do|cua|tai|from|to|at|for|von|an|vom|bei|fur|dem|der)\s+"
    r"(?:the\s+|das\s+|dem\s+|den\s+|die\s+)?(?:(?:cac|nhung|hai|ba|bon|nam|\d+|two|three|both|beiden|zwei|drei)\s+)?"
    r"(?=(?:benh vien|bv|bvdk|so y te|trung tam|vien|"
    r"(?:[a-z-]+ ){1,5}(?:general |central )?hospital|[a-z-]*krankenhaus|[a-z-]*klinik))"
    r"|\s(?:in order to|um zu)\s"
    r"|\s(?:with|thanks to|mit|nho|voi)\s+(?:the\s+|su\s+)?(?:[a-z]+\s+){0,3}?(?:help|support|assistance|funding|"
    r"hilfe|unterstutzung|ho tro|giup do)\b")  # "… with (technical) help from B": who helped, not the technique
_CLAUSE_START = re.compile(r"(?:va|and|und|de|nham|cho|tu|trong|to|from|der|des|zu|fur|an|von|in|mit|listed|used|of|"
                           r"for|that|which|this|the jeweiligen|se|giup)\b")  # "(tiếp nhận kỹ thuật) sẽ giúp …": a clause
_ABBREVIATION = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9/-]{1,7}")  # ESD, FNA, ECMO, PiCCO: two capitals at least
_NOT_A_NAME = re.compile(r"(?:nay|tren|noi tren|duoc|moi|cao|these|this|those|diese)\b")
_ITEM_SPLIT = re.compile(r"\s*[,;]\s*")
_LAST_AND = re.compile(r"\s+(?:va|und|and|sowie)\s+")
# Vietnamese writes a word per syllable: "chọc hút tế bào kim nhỏ tuyến giáp dưới hướng dẫn siêu âm" is one
# procedure of 12 (the 80 characters of an item bound the other languages)
MAX_ITEM_WORDS = 16
_STRIP_LEAD = re.compile(r"(?:\d+ ca|cac|nhung|mot so|der|die|das|den|dem|the|a|an|in der|in den|im|bei der|and|und|va|sowie"
                         r"|or|oder|nhu|bao gom|gom|ky thuat|ki thuat"  # "… và kỹ thuật B": the list noun again
                         r"|training in transfer of|training in|transfer of)\s+")  # "Training in transfer of X": X
_STRIP_TAIL = re.compile(r"\s*(?:…|\.\.\.|v\.v\.?|etc\.?|usw\.?)\s*$|[.…]+$"
                         r"|\s+(?:o|cho|tren|bei)\s+\d+\s+(?:truong hop|benh nhan|nguoi benh|ca|patienten|patients)\b.*$"
                         # when: "ghép phổi trong một ngày"
                         r"|\s+trong\s+(?:cung\s+)?(?:mot|\d+)\s+(?:ngay|tuan|thang|nam)\b.*$"
                         r"|\s+(?:durchgefuhrt|gemacht|eingesetzt|angewendet|angewandt)\s+(?:werden|wird)$"
                         # what it treats or for whom: "can thiệp mạch vành trong bệnh lý nhồi máu cơ tim"
                         r"|\s+(?:trong|cho) (?:benh ly|dieu tri|benh nhan|nguoi benh|tre|cac ca)\b.*$"
                         r"|\s+(?:for|in) (?:patients|children|the treatment)\b.*$|\s+as\s+(?:a|an|the)\s.*$"
                         r"|\s+in\s+(?:poor|rural|remote|local|the|its|their|our)\s.*$"
                         # a clause's verb: "(lễ chuyển giao kỹ thuật X) diễn ra sáng 14/10"
                         r"|\s+(?:dien ra|duoc (?:thuc hien|trien khai|to chuc)|da duoc|se duoc|took place|was held)\b.*$"
                         # what it is for: "thụ tinh trong ống nghiệm để đáp ứng nhu cầu …"
                         r"|\s+(?:de|nham|giup)\s+(?:dap ung|nang cao|phuc vu|dieu tri|giam|tang|cai thien|kip thoi|"
                         r"nguoi benh|benh nhan|nguoi dan|cuu|phat hien|chan doan)\b.*$"
                         # a caption's or a label's bracket, a stray closing quote: "… khớp gối (ảnh)", "…cấp\" (kỹ thuật)"
                         r"|[\"”“]?\s*\((?:anh|ky thuat|anh minh hoa|video|clip)\b[^()]{0,30}\)\s*$|\s*[\"”“]\s*$"
                         r"|\s+(?:independently|successfully|for the first time|durch|erfolgreich|selbststandig"
                         r"|dau tien|lan dau|lan dau tien|thanh cong)$")
# diseases, not procedures ("ung thư gan"); folded, so "sỏi thận" (a stone) is spelled out: "soi" is also "soi" (scope)
_DISEASE = re.compile(r"^(?:ung thu|benh|hoi chung|viem|u\s|soi (?:than|mat|tiet nieu|ong mat)|suy|krebs|cancer|"
                      r"disease|syndrome)\b")
_PROCEDURE = re.compile(
    r"^(?:(?:ky thuat|dat|do|lap|bom|phau thuat|mo|tai tao|can thiep|noi soi|chup|ghep|loc|thay|dieu tri|tan|sinh thiet|"
    r"cap cuu|xet nghiem|sieu am|tho|hoi suc|truyen|cat|nong|tiem|choc|dan luu|cay|xa tri|hoa tri|theo doi|sang loc|"
    r"giam dau|gay me|gay te|vi phau|khau|noi|tao hinh|triet dot|dot|hut|ep tim|kep|nut mach|thong tim|cham|dien cham|"
    r"thuy cham|laser cham|xoa bop|bam huyet|vat ly tri lieu|tac dong cot song|phuc hoi chuc nang|tao nhip|lay)\b"
    r"|operation|surgery|implant|transplant|insertion|dialysis|endoscop|ablation|angioplast|biops|resection|"
    r"replacement|bypass|catheter|laparoscop|transplantation|endoskop|operativ)")
# one procedure named as what was trained or performed: "lớp huấn luyện về Hồi sức sơ sinh tại ...",
# "tập huấn với chủ đề “Nội soi mật tụy ngược dòng”", "thực hiện thành công ghép thận từ người hiến sống"
_SINGLE = re.compile(r"(?:huan luyen|tap huan|dao tao)\s+(?:ve\s+)?(?!(?:cac|nhung|mot so|\d+)\s)(?:ky thuat\s+)?(?=\w)"
                     r"|bang (?:phuong phap|ky thuat)\s+(?=\w)"
                     r"|chu de\s*[\"“”«]?\s*(?=\w)|thuc hien thanh cong\s+(?:\d+\s+)?(?:ca\s+|ky thuat\s+)?(?=\w)"
                     r"|performed\s+(?:its\s+|their\s+|the\s+)?first\s+|die\s+ersten\s+(?=\w)"
                     # "successfully performed an adult living donor liver transplantation", as "thực hiện thành công"
                     r"|successfully\s+(?:performed|carried\s+out|conducted)\s+(?:an?\s+|its\s+|their\s+|the\s+)?"
                     r"(?:first\s+)?(?!\d)(?=\w)"
                     # "introducing laparoscopic surgery as a new service", "the setting up of ultrasound services"
                     r"|introduc(?:e|es|ed|ing)\s+(?:the\s+)?(?![^.;:]{0,60}\b(?:techniques?|procedures?)\b)(?=\w)"
                     r"|setting\s+up\s+(?:of\s+)?(?=\w)"
                     # (not "a Master Plan", "a master's degree": the noun)
                     r"|master(?:s|ed)?\s+(?:the\s+)?(?!(?:techniques?|procedures?|skills?|plans?|degrees?|class(?:es)?|"
                     r"programmes?|programs?)\b)(?=\w)"
                     # "lernten von ihr, wie Arthroskopien durchgeführt werden", "learned how to perform X"
                     r"|lern\w*\s+[^.;:]{0,40}?\bwie\s+(?=\w)|learn\w*\s+how\s+to\s+(?:perform|do|carry\s+out)\s+"
                     # "hướng dẫn các bác sĩ ở B cách dẫn lưu màng phổi", "taught them how to perform X"
                     r"|(?:huong dan|chi dan|day|dao tao|tap huan)\s[^.;:]{0,60}?\bcach\s+(?=\w)"
                     r"|(?:taught|teach|teaches|showed|show)\s[^.;:]{0,40}?\bhow\s+to\s+(?:perform|do|carry\s+out)\s+"
                     r"|das\s+verfahren\s+der\s+")
_TRANSFERRED = re.compile(r"\b(?:chuyen giao|transferr?(?:ed|ing|s)?|ubertr|uberg)")
# one of these stands in every match of _SINGLE: a sentence without any is not scanned
_SINGLE_WORDS = ("huan luyen", "tap huan", "dao tao", "bang ", "chu de", "thuc hien thanh cong", "performed", "ersten",
                 "successfully",
                 "introduc", "setting up",
                 "verfahren", "master", "lern", "learn", "huong dan", "how to")
# English names a technique before its noun: "transfer laparoscopic surgery techniques to B"
_NAMED_BEFORE_NOUN = re.compile(
    r"\b(?:transfer(?:s|red|ring)?|receiv(?:e|es|ed|ing)|master(?:s|ed|ing)?|learn(?:s|ed|t|ing)?|introduc(?:e|es|ed|ing)"
    r"|appl(?:y|ies|ied|ying))\s+(?:(?:the|new|modern|advanced|several|\d+)\s+)*"
    r"(?P<item>[a-z][a-z -]{2,50}?)\s+(?:techniques?|procedures?)\b")
# English and German training: "training emergency staff in A and B", "schulen das Personal in der A und in der B"
_TRAINED_IN = re.compile(r"(?:training|trained|trains|train|schulen|schult|geschult|bildeten)\b[^.;:]{0,60}?\bin\s+"
                         r"(?:der\s+|dem\s+)?")
# help given in a procedure: only what reads as one is taken ("support in kidney transplantation", not "in 2020")
_HELPED_IN = re.compile(r"\b(?:assistance|support|supports|supported|expertise|unterstutzung|unterstutzt|unterstutzen|hilfe)\b[^.;:]{0,50}?\bin\s+(?:der\s+|dem\s+)?")
_TRAINED_WORDS = ("train", "schul", "bildeten")  # as _SINGLE_WORDS, for _TRAINED_IN
_PROCEDURE_WORD = re.compile(
    r"(?:ectom|ektom|otomy|otomie|plast|scopy|skopie|graphy|graphie|ostom|therapy|therapie|lysis|lyse\b|dialys|transplant|"
    r"replacement|resuscitation|reanimation|dissection|screening|intervention|implantation|anasthesie|anaesthesia|"
    r"anesthesia|biops|resection|resektion|ablation|bypass|stent|catheter|katheter|sectio|kaiserschnitt|"
    r"thrombectom|angiograph|ultrasound|ultraschall|laparoscop|laparoskop|endoscop|endoskop|microsurg|robotic surg"
    r"|robot-assist|roboterassist|[a-z]{4,}ic surgery|\w+ can thiep\b)")  # "robotic surgery", "tim mạch can thiệp"; not "surgery" alone
_END = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")  # a stop before a space or the end, or a line break (one class first)
_QUOTED = re.compile(r"(?:ky thuat|ki thuat|phuong phap|technique|verfahren|methode)\s*[\"“„«](?P<item>[^\"”“»]{3,80})[\"”“»]")
# "A, B and C have been transferred", "các kỹ thuật A, B đã được chuyển giao": the list before a passive transfer
_TRANSFERRED_AFTER = re.compile(r"\s(?:have|has|had|were|was)\s+been\s+(?:successfully\s+)?transferred\b"
                                r"|\s(?:were|was)\s+(?:successfully\s+)?transferred\b"
                                r"|\s(?:da\s+|deu\s+|cung\s+|se\s+)*duoc\s+chuyen\s+giao\b")
_LIST_NOUN = re.compile(r".{0,40}?(?:(?:cac|nhung|\d+)\s+(?:goi\s+)?|goi\s+)(?:ky thuat|phuong phap)\s+")
_CLAUSE_LEAD = re.compile(r"(?:in addition|moreover|besides|ngoai ra|ben canh do|dong thoi),\s*")
_FIELD_WORD = re.compile(r"\b(?:chuyen nganh|chuyen khoa|linh vuc)\b|^\w+ khoa$|\btechniques$"
                         # a kind of work alone: "chẩn đoán và điều trị"
                         r"|^(?:dieu tri|chan doan|kham benh|kham chua benh|cap cuu|phau thuat|thu thuat|treatment|"
                         r"diagnosis|surgery|behandlung|diagnostik|ky thuat|ki thuat|phuong phap|techniques?|verfahren)$")


_TECHNIQUE_WORD = re.compile(r"ky thuat|ki thuat|phuong phap|techni|verfahren|methoden|procedur|skills")
TECHNIQUE_WORDS = ("ky thuat", "ki thuat", "phuong phap", "techni", "verfahren", "methoden", "procedur", "huan luyen",
                   "tap huan", "chu de", "thuc hien thanh cong", "train", "schul", "bildeten", "performed", "ersten",
                   "master", "lern", "learn", "huong dan", "how to", "skills", "introduc", "setting up",
                   "bang phuong phap", "ho tro thuc hien", "huong dan thuc hien", "unterstutz", "assistance")
# "hỗ trợ thực hiện 6 ca phẫu thuật, trong đó 4 ca A, B; 1 ca C": the procedures of the cases an upper
# hospital helped with (not those a hospital did alone: "đã thực hiện 500 ca mổ")
_ASSISTED = re.compile(r"(?:ho tro|huong dan|chuyen giao)\s+(?:\w+\s+){0,3}?(?:thuc hien|phau thuat|mo)\b")
# a kind of work, not a named procedure: "phẫu thuật phức tạp", "kỹ thuật cao"
_GENERIC = re.compile(r"(?:phau thuat|ky thuat|ca mo|mo|thu thuat)(?:\s+(?:phuc tap|kho|lon|chuyen sau|cao|moi|hien dai|"
                      r"nang|thuong quy|cap cuu))+")
_CASES = re.compile(r"(?<!\w)\d+\s+ca\s+(?=\w)")
FIELD_WORDS = ("linh vuc", "chuyen khoa", "chuyen nganh", "bereich", "fachgebiet", "field", "special", "area")
TECHNIQUE_HINT = re.compile("|".join(TECHNIQUE_WORDS))
FIELD_HINT = re.compile("|".join(FIELD_WORDS))


@lru_cache(maxsize=None)
def _hint_set(words: tuple[str, ...]) -> int:
    """The number of ``words`` in :data:`.tokens.DOCUMENT_KEY`."""
    return DOCUMENT_KEY.add(dict.fromkeys(words))


class Hints:
    """Where one of a few words occurs in a whole folded document (in the pass over it that
    :data:`.tokens.DOCUMENT_KEY` shares), to skip the sentences without one.

    >>> Hints(TECHNIQUE_WORDS, "hop tac. chuyen giao ky thuat moi.").between(9, 33)
    True
    """

    def __init__(self, words: tuple[str, ...], key: str):
        self._starts = sorted(start for start, _ in DOCUMENT_KEY.find(key, _hint_set(words)))

    def between(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end


@dataclass(frozen=True)
class Concept:
    id: str
    en: str | None
    de: str | None


@lru_cache(maxsize=1)
def _concepts() -> dict[str, dict[str, Concept]]:
    """Folded label -> concept, per scheme."""
    out: dict[str, dict[str, Concept]] = {}
    for scheme in ("techniques", "specialties"):
        table: dict[str, Concept] = {}
        for c in load_concepts(scheme):
            concept = Concept(c["id"], c.get("en"), c.get("de"))
            for label in [*(c.get("vi") or []), c.get("en") or "", c.get("de") or ""]:
                if label:
                    table.setdefault(fold(label), concept)
        out[scheme] = table
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


def _enumeration(text: str, key: str, start: int, stop_at_preposition: bool = False,
                 plural: bool = False) -> list[Item]:
    """Split the enumeration starting at ``start`` (up to the sentence end, or the
    preposition that opens the recipient when the list sits inside a clause) into items.
    ``key`` is ``text`` folded (same length): separators are found there."""
    end_match = _END.search(key, start)
    end = end_match.start() if end_match else len(key)
    if stop_at_preposition and (stop := _LIST_STOP.search(key, start, end)):
        end = stop.start()
    spans = _split(key, start, end, _ITEM_SPLIT)
    # the list's "và"/"and" is in its last item, or in the one before a trailing remark ("A, B and C, for six months")
    k = len(spans) - 1 if len(spans) < 2 or _LAST_AND.search(key, *spans[-1]) else len(spans) - 2
    last = _split(key, *spans[k], _LAST_AND)
    # "A, B và C" ends in two items; "cấp cứu và can thiệp tim mạch" alone is one, unless
    # the cue announced several or both halves read as techniques
    if len(last) > 1 and (len(spans) >= 2 or plural or all(looks_like_technique(text[a:b].strip()) for a, b in last)):
        spans = spans[:k] + last + spans[k + 1:]
    elif len(last) == 2 and len(spans) == 1 and _procedure(text[slice(*last[0])].strip()):
        spans = last[:1]  # "kỹ thuật tim mạch can thiệp và hỗ trợ điều trị …": a clause follows the one named
    items = []
    for a, b in spans:
        a, b = _strip(key, a, b)
        name = text[a:b]
        if 2 <= len(name) <= 80 and len(name.split()) <= MAX_ITEM_WORDS and not _NOT_A_NAME.match(key[a:b]):
            items.append(Item(name, a, b))
    return items


def _split(key: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for m in separator.finditer(key, start, end):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


def _strip(key: str, a: int, b: int) -> tuple[int, int]:
    """Trim articles, list markers, ellipses and quotes from the span ``key[a:b]``."""
    while a < b and key[a] in " -–\"'“”":
        a += 1
    if m := _STRIP_LEAD.match(key, a, b):
        a = m.end()
    if m := _STRIP_TAIL.search(key, a, b):
        b = m.start()
    while b > a and key[b - 1] in " -–\"'“”.…":
        b -= 1
    return a, b


@lru_cache(maxsize=4096)  # a sentence asks about its items twice, and articles name the same techniques
def looks_like_technique(name: str) -> bool:
    """A procedure (:func:`_procedure`) or an abbreviation (ESD, FNA)."""
    return _procedure(name) or bool(_ABBREVIATION.fullmatch(name))


def _procedure(name: str) -> bool:
    """A known technique, a phrase opened by a procedure word, or a phrase with an English or
    German procedure word ("hip replacement", "laparoskopische Cholezystektomie")."""
    key = fold_same_length(name)
    return bool(gloss(name) is not None or _PROCEDURE.match(key) or _PROCEDURE_WORD.search(key))


def find_techniques(sentence: str, key: str | None = None) -> list[Item]:
    """Technique names stated in one sentence.

    Examples
    --------
    >>> [i.name for i in find_techniques("hỗ trợ đào tạo các kỹ thuật: đặt catheter tĩnh mạch rốn, bơm Surfactan.")]
    ['đặt catheter tĩnh mạch rốn', 'bơm Surfactan']
    >>> [i.name for i in find_techniques("chuyen giao ky thuat dat stent mach vanh va loc mau cho Benh vien X.")]
    ['dat stent mach vanh', 'loc mau']
    """
    key = key or fold_same_length(sentence)
    items: list[Item] = []
    # a technique word, or a field list after a transfer ("chuyển giao công nghệ … các lĩnh vực như: …")
    hint = TECHNIQUE_HINT.search(key) or FIELD_HINT.search(key) and _TRANSFERRED.search(key)
    if not hint:
        return items
    # the list and verb patterns need a technique word: a list cue starts at one, a verb at most
    # 120 characters before it
    technique_word = _TECHNIQUE_WORD.search(key)
    first_word = technique_word.start() if technique_word else len(key)
    start = max(0, first_word - 120)
    for m in _LIST_CUE.finditer(key, first_word):
        gap = (m.group("gap") or m.group("gap2") or m.group("gap3") or m.group("gap4") or "")
        if FIELD_HINT.search(gap):
            continue
        # "techniques such as A and B", "skills, including A and B" announce several, as "các kỹ thuật" does
        plural = m.group("gap3") is not None or bool(_PLURAL_BEFORE.search(key, max(0, m.start() - 20), m.start()))
        items.extend(i for i in _enumeration(sentence, key, m.end(), stop_at_preposition=True, plural=plural)
                     if not _DISEASE.match(key[i.start:i.end]))
    for m in _VERB_LIST.finditer(key, start):
        if _CLAUSE_START.match(key, m.end()):
            continue  # "chuyển giao các gói kỹ thuật và đào tạo ...": no names follow
        plural = bool(m.group("plural") or m.group("plural_en") or m.group("plural_de")
                      or m.group("noun_en") in ("techniques", "procedures"))
        found = _enumeration(sentence, key, m.end(), stop_at_preposition=True, plural=plural)
        # a lone item must look like a procedure: "chuyển giao kỹ thuật cao" names none
        if len(found) == 1 and not plural and not looks_like_technique(found[0].name):
            continue
        items.extend(i for i in found if not _DISEASE.match(key[i.start:i.end]))
    for m in _NAMED_BEFORE_NOUN.finditer(key, start):
        a, b = m.span("item")
        if not _CLAUSE_START.match(key, a) and not _DISEASE.match(key, a):
            items.append(Item(sentence[a:b], a, b))
    trained = _TRAINED_IN.finditer(key, max(0, hint.start() - 20)) \
        if any(word in key for word in _TRAINED_WORDS) else ()
    for m in trained:
        if (field := _FIELD_CUE.search(key, m.end(), m.end() + 60)) and field.start() - m.end() <= 20:
            continue  # "train … in specialities such as A, B": the field list below reads it
        plural = "techniques" in m.group() or "procedures" in m.group()  # "training … techniques in A and B"
        items.extend(i for i in _enumeration(sentence, key, m.end(), stop_at_preposition=True, plural=plural)
                     if not _DISEASE.match(key[i.start:i.end]))
    for m in _HELPED_IN.finditer(key, max(0, hint.start() - 60)):  # "technical assistance … in kidney transplantation"
        items.extend(i for i in _enumeration(sentence, key, m.end(), stop_at_preposition=True, plural=True)
                     if looks_like_technique(i.name) and not _DISEASE.match(key[i.start:i.end]))
    for m in _QUOTED.finditer(key, start):  # "chuyển giao kỹ thuật “xạ trị ngoài …”": the quotes close the name
        a, b = m.span("item")
        if not _DISEASE.match(key, a):
            items.append(Item(sentence[a:b].strip(), a, b))
    for m in _TRANSFERRED_AFTER.finditer(key, start):
        # "in addition, open heart surgery, kidney transplantation and vascular techniques have been transferred"
        opening = max(key.rfind(c, max(0, m.start() - 200), m.start()) for c in ";:.")
        if (lead := _CLAUSE_LEAD.search(key, opening + 1, m.start())) is not None:
            opening = lead.end() - 1
        if (noun := _LIST_NOUN.match(key, opening + 1, m.start())) is not None:
            opening = noun.end() - 1  # "năm 2023, các kỹ thuật A, B đã được chuyển giao": the names after the noun
        items.extend(i for i in _enumeration(sentence[:m.start()], key[:m.start()], opening + 1, plural=True)
                     if not _DISEASE.match(key[i.start:i.end]))
    assisted = _ASSISTED.search(key)
    for m in _CASES.finditer(key, assisted.end()) if assisted else ():
        items.extend(i for i in _enumeration(sentence, key, m.end(), stop_at_preposition=True, plural=True)
                     if not _DISEASE.match(key[i.start:i.end]))
    # "train doctors in specialities such as bronchoscopy, lobectomy and cardiology": the procedures of a
    # field list after a training or transfer verb are techniques (cardiology stays a field)
    # (and "chuyển giao công nghệ …, tập trung vào các lĩnh vực như: can thiệp mạch vành, …": a procedure word
    # opening an item names one too)
    if any(word in key for word in _TRAINED_WORDS) or _VERB_LIST.search(key, start) or _TRANSFERRED.search(key):
        for m in _FIELD_CUE.finditer(key, start):
            items.extend(i for i in _enumeration(sentence, key, m.end(), stop_at_preposition=True, plural=True)
                         if _procedure(i.name) and gloss(i.name, "specialties") is None)
    single = _SINGLE.finditer(key, max(0, hint.start() - 100)) \
        if any(word in key for word in _SINGLE_WORDS) else ()
    for m in single:
        found = _enumeration(sentence, key, m.end(), stop_at_preposition=True)
        if found and looks_like_technique(found[0].name) and ":" not in found[0].name \
                and not _DISEASE.match(key[found[0].start:found[0].end]):
            items.append(found[0])
    # a list item that reads like no procedure is a goal or a remark ("nâng cấp trang thiết bị",
    # "khó chuyển giao"), unless the text names it as a known technique
    # an item holding a colon is a list's heading run into its first item ("chuyên sâu như: Cấy chỉ")
    return _unique([part for i in _with_shared_heads(items) if looks_like_technique(i.name) and ":" not in i.name
                    and not _names_no_technique(fold(i.name)) for part in _shared_head(i)])


def _names_no_technique(folded: str) -> bool:
    """A kind of work ("phẫu thuật phức tạp", "điều trị"), a branch of medicine ("Nội khoa") or an
    item that names a field ("kỹ thuật cao các chuyên ngành X"): no technique's name."""
    return bool(_GENERIC.fullmatch(folded) or _FIELD_WORD.search(folded))


def _shared_head(item: Item) -> list[Item]:
    """"phẫu thuật nội soi khớp vai và khớp gối", "Implantation von Herzschrittmachern und
    Defibrillatoren" stays whole, but a second half that repeats a word of the first ("khớp") names
    the same procedure on another part: "phẫu thuật nội soi khớp vai", "phẫu thuật nội soi khớp gối"."""
    halves = re.split(r"\s+(?:và|and|und)\s+", item.name)
    if len(halves) != 2:
        return [item]
    first, second = halves[0].split(), halves[1].split()
    repeated = next((k for k, word in enumerate(first) if k and word.lower() == second[0].lower()), None)
    if repeated is None and len(first) > 1 and len(second) > 1 and all(map(_procedure, halves)) \
            and re.search(r"\s(?:and|und)\s", item.name):  # (a Vietnamese "A và B" is often a field and its part)
        # "heart pacemaker implant and laparoscopic surgery": two procedures, each with its own procedure word
        return [Item(halves[0], item.start, item.end), Item(halves[1], item.start, item.end)]
    if repeated is None or len(second) > 4:
        return [item]
    return [Item(halves[0], item.start, item.end), Item(" ".join(first[:repeated] + second), item.start, item.end)]


def _with_shared_heads(items: list[Item]) -> list[Item]:
    """A list item that only names another part ("…: phẫu thuật nội soi khớp vai, khớp gối") takes the
    procedure of the item before it, up to the word they share."""
    result: list[Item] = []
    for item in items:
        words = item.name.split()
        before = result[-1].name.split() if result else []
        repeated = next((k for k, word in enumerate(before) if k and word.lower() == words[0].lower()), None) \
            if words and len(words) <= 4 and not looks_like_technique(item.name) else None
        result.append(Item(" ".join(before[:repeated] + words), item.start, item.end) if repeated else item)
    return result


def _unique(items: list[Item]) -> list[Item]:
    """Drop repeats, and "A và B" when A and B are items too."""
    folded = [fold(i.name) for i in items]
    keys = set(folded)
    seen: set[str] = set()
    unique = []
    for item, key in zip(items, folded):
        halves = [h.strip() for h in _LAST_AND.split(fold_same_length(item.name))]
        if key in seen or (len(halves) > 1 and all(fold(h) in keys for h in halves)):
            continue
        seen.add(key)
        unique.append(item)
    return unique


def find_fields(sentence: str, key: str | None = None) -> list[Item]:
    """Fields of cooperation enumerated in one sentence ("trong lĩnh vực: a, b").

    ``key`` is the sentence folded (see :func:`fold_same_length`), when the caller has it.
    """
    key = key or fold_same_length(sentence)
    items: list[Item] = []
    if not FIELD_HINT.search(key):
        return items
    for m in _FIELD_CUE.finditer(key):
        if m.end() >= len(key) or key[m.end()] in ".;":
            continue
        for item in _enumeration(sentence, key, m.end()):
            if gloss(item.name, "specialties") is not None or len(item.name.split()) <= 6:
                items.append(item)
        if items:
            break
    return items
