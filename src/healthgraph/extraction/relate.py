"""Stage 5: relate organisations — who signed with whom, who supports whom.

Rules, per sentence, over the cue phrases of ``loaders/lexicon/cues.yaml``:

* "between A and B" (giữa A và B, zwischen A und B) with a signing or cooperation cue;
* a signing cue with exactly two organisations, or "A ... with B" (với, mit, with);
* "A hợp tác với B": cooperation with an explicit "with";
* "A supports/transfers ... (to) B" (hỗ trợ / chuyển giao ... cho B): A is the supporter;
  "B receives ... from A" (nhận chuyển giao từ A): A is the supporter;
* "B is a satellite of A" (là bệnh viện vệ tinh của A).

A sentence about a visit, an inspection, a request or an award yields nothing unless it
also states a signing or names the visit only after its relation. Without an explicit
direction, the supporter of an agreement is the side of clearly higher capacity (a company
or a ministry over a hospital, central or foreign over provincial; a centrally-run
city's department over a province's); between equals there is none.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from ..gazetteer import load_yaml
from ..model import KINDS, Organisation
from ..resources import data_file
from ..text import fold
from .tokens import DOCUMENT_PHRASES, PhraseMatcher, TokenText

KIND_PRIORITY = {"satellite": 4, "transfer": 3, "support": 2, "agreement": 1}
_TIER_RANK = {"central": 4, "foreign": 4, "provincial": 2, "district": 1, "commune": 0, "private": 2}
# a company that signs with a hospital brings money, equipment or know-how: it is the giving side
_KIND_RANK = {kind.id: kind.rank for kind in KINDS.values() if kind.rank is not None}  # model.KINDS


@dataclass
class Relation:
    a: Organisation
    b: Organisation
    kind: str
    supporter: Organisation | None
    explicit: bool  # direction stated by the sentence, not inferred from rank


_ON_DEMAND = ("org_anaphor", "school_anaphor", "fund_anaphor", "company_anaphor", "envoy_anaphor", "generic_org")  # read only where a sentence needs them (see bare_heads)


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher:
    """One matcher for every cue phrase; a phrase's values are its (category, language)."""
    data = load_yaml(data_file("loaders", "lexicon", "cues.yaml"))
    return PhraseMatcher(((spelling, (category, lang)) for category, by_lang in data.items() if category not in _ON_DEMAND
                          for lang, phrases in by_lang.items() for phrase in phrases
                          for spelling in (_vietnamese_spellings(phrase) if lang == "vi" else (phrase,))),
                         DOCUMENT_PHRASES)


_SI = re.compile(r"(?<=\bs)i\b")


def _vietnamese_spellings(phrase: str) -> tuple[str, ...]:
    """A cue as the lexicon writes it, and with "sĩ" spelt "sỹ" ("bác sỹ", "nha sỹ"): both
    spellings are in use, and folded they differ."""
    other = _SI.sub("y", phrase)
    return (phrase, other) if other != phrase else (phrase,)


@lru_cache(maxsize=1)
def _head_matcher() -> PhraseMatcher:
    data = load_yaml(data_file("loaders", "lexicon", "cues.yaml"))
    return PhraseMatcher(((phrase, category) for category in _ON_DEMAND
                          for phrases in data[category].values() for phrase in phrases), DOCUMENT_PHRASES)


_ANAPHOR_KINDS = {"org_anaphor": "hospital", "school_anaphor": "university", "fund_anaphor": "foreign_body",
                  "company_anaphor": "company", "envoy_anaphor": "mission"}


def bare_heads(tokens: TokenText, named: frozenset[int]) -> list[tuple[int, str]]:
    """``(word position, kind)`` of each head without a name ("Bệnh viện đã phối hợp với …",
    "the hospital", "nhà trường"), not of a plural or generic one ("các bệnh viện", "bệnh viện
    tuyến trên") and not inside a name, in order."""
    return [(a, _ANAPHOR_KINDS[category]) for a, b, category in _head_matcher().find(tokens)
            if category in _ANAPHOR_KINDS and not any(k in named for k in range(a, b)) and a not in tokens.in_links]


def capacity_rank(org: Organisation, city_ids: frozenset[str]) -> float:
    """How much support capacity an organisation's level implies (higher supports lower)."""
    rank = _KIND_RANK.get(org.kind, _TIER_RANK.get(org.tier or "", 2))
    if org.tier in ("central", "foreign"):
        rank = max(rank, 4)
    if org.province in city_ids and org.tier != "central":
        rank += 0.5
    return rank


_CORE_KINDS = frozenset({"hospital", "health_centre", "university", "institute", "organisation"})
_CONNECTORS = frozenset({"between", "and", "with", "to", "by", "from", "invited_by"})
_DIRECTED = ("transfer", "support", "receive", "receive_transfer")
_FUNCTION_WORDS = _CONNECTORS | {"of", "pair_pronoun", "reporter_before", "dispatch_to"}


# German makes new compounds of its cue words: "Technologiepartnerschaft", "Forschungskooperation", "Millionenspende"
_GERMAN_COMPOUND_CUES = {"partnerschaft": "cooperate", "partnerschaften": "cooperate", "kooperation": "cooperate",
                         "kooperationen": "cooperate", "zusammenarbeit": "cooperate", "spende": "support",
                         "spenden": "support", "forderung": "support", "unterstutzung": "support",
                         "abkommen": "sign", "abkommens": "sign", "vereinbarung": "sign", "vereinbarungen": "sign",
                         "vertrag": "sign", "vertrages": "sign", "vertrags": "sign"}
_GERMAN_COMPOUND_ENDINGS = tuple(_GERMAN_COMPOUND_CUES)
_GERMAN_JOINT_BODIES = ("netzwerk", "netzwerks", "netzwerkes", "verbund", "allianz")  # "Schlaganfallnetzwerk"


def find_cues(tokens: TokenText, named: frozenset[int] = frozenset(), language: str | None = None
              ) -> list[tuple[int, str]]:
    """``(word position, category)`` of every cue in the text, in order (one pass).

    A cue that starts inside a name is no cue ("Thanh Nhàn chuyển giao" is not "nhận
    chuyển giao"); a cue inside a longer cue of another category is not counted
    ("chuyển giao" inside "nhận chuyển giao" is a receipt, "hỗ trợ" inside "hỗ trợ sinh
    sản" a field); a connector is dropped only inside a longer connector ("dem" inside
    "von dem"). Connectors count in the document's ``language`` only: the folded
    Vietnamese "án" is not the German "an".
    """
    hits = []
    # Vietnamese written without its marks reads "tu" as "từ": only marks tell the words apart
    marked = language in (None, "vi") and not tokens.text.isascii()
    links = tokens.in_links
    bodies = []  # a joint body is read inside a name too: "ein „Neurovaskuläres Netzwerk Ostbayern“ gegründet"
    for i, j, values in cue_matcher().find_all(tokens, overlapping=True):
        if ("joint_body", language) in values or language is None and any(c == "joint_body" for c, _ in values):
            bodies.append(i)
        if i in named or i in links:
            continue
        known = _CATEGORIES.get((id(values), language))
        if known is None or known[0] is not values:
            categories = sorted({c for c, lang in values if c not in _CONNECTORS or language in (None, lang)})
            function_only = all(c in _FUNCTION_WORDS for c in categories)
            known = _CATEGORIES[id(values), language] = values, categories, function_only
        _, categories, function_only = known
        if marked and (spelt := _CUE_SPELLING.get(tokens.words[i])) and tokens.written(i) != spelt[0]:
            categories = [c for c in categories if c not in spelt[1]]  # "hạt nhân hỗ trợ" is not "nhận hỗ trợ"
        if categories and not (function_only and j - i == 1
                               and (_capitalised_inside(tokens, i) or marked and _misspelt(tokens, i))):
            hits.append((i, j, categories))  # "BSCK2 Đỗ Công Hương": a capitalised "Đỗ" is a name, not "do" (by)
    if language == "de":
        cued = {i for i, _, _ in hits}
        compounds = [(i, i + 1, [_GERMAN_COMPOUND_CUES[next(e for e in _GERMAN_COMPOUND_ENDINGS if word.endswith(e))]])
                     for i, word in enumerate(tokens.words) if i not in cued and i not in named
                     and len(word) > 12 and word.endswith(_GERMAN_COMPOUND_ENDINGS)]
        if compounds:
            hits = sorted(hits + compounds, key=lambda hit: hit[0])
        bodies += [i for i, word in enumerate(tokens.words) if len(word) > 10 and word.endswith(_GERMAN_JOINT_BODIES)]
        hits += _made_together(tokens.words)
    covering: dict[int, list[tuple[int, int, list[str]]]] = {}  # word -> the longer cues over it
    for a, b, cats in hits:
        if b - a > 1:
            for k in range(a, min(b, a + 6)):
                covering.setdefault(k, []).append((a, b, cats))
    cues: list[tuple[int, str]] = []
    for i, j, categories in hits:
        containers = [cats for a, b, cats in covering.get(i, ()) if j <= b and (b - a) > (j - i)]
        if not containers:  # most cues stand alone; a passive's agent marker stands at its last word, right
            # before the agent ("nhờ sự giúp đỡ của | các chuyên gia Bệnh viện A")
            cues.extend((j - 1 if category == "by" else i, category) for category in categories)
            continue
        for category in categories:
            connector = category in _CONNECTORS
            inside = any(category not in cats and (not connector or any(
                c in _CONNECTORS or c.startswith("reporter") or c == "aim" for c in cats))
                         for cats in containers)  # the "cho" of "cho biết", the "với" of "với mục tiêu" mark no party
            if not inside:
                cues.append((j - 1 if category == "by" else i, category))
    # "từ năm 2020", "from 2019 to 2024", "vom 1. Mai": a time, no source
    # "10 to 15 doctors", "2 đến 3 tháng": a range, no recipient; "Center for Tropical Diseases", "Klinik für
    # Neurologie": a unit's field, no recipient
    words = tokens.words
    # "Theo đó, A, B và C đã trao tặng …" (accordingly), "theo dõi" (follow up): no one reports the news
    cues = [(i, c) for i, c in cues if i + 1 >= len(words) or not (
        c == "from" and (words[i + 1] in _TEMPORAL or words[i + 1].isdigit())
        or c in ("to", "dispatch_to") and i and words[i - 1].isdigit() and words[i + 1].isdigit()
        or c == "to" and i and words[i] in ("for", "fur") and words[i - 1] in _UNIT_WORDS
        and tokens.text[tokens.char_starts[i - 1]].isupper()
        or c == "reporter_before" and words[i + 1] in ("do", "doi"))]
    if marked:
        cues = sorted(cues + _counted_gifts(tokens, named))
    cues = _founded_together(cues, bodies)
    # "Đề án 1816 của Bộ Y tế", "theo chủ trương của Bộ Y tế": the "of" names the policy's owner,
    # who gives nothing and is no party
    after_programme = {i + d for i, category in cues if category == "programme" for d in range(1, 6)}
    if after_programme:
        cues = [(i, "policy_owner" if c == "of" and i in after_programme else c) for i, c in cues]
    return sorted(cues)  # an agent marker moved to its last word


_TOGETHER_ADJECTIVES = frozenset({"gemeinsames", "gemeinsame", "gemeinsamen", "gemeinsamer"})
_MADE_TOGETHER = ("zentrum", "zentrums", "station", "abteilung", "institut", "projekt", "netzwerk", "klinik", "praxis",
                  "plattform", "verbund", "einrichtung", "labor", "ambulanz", "studiengang", "programm")


def _made_together(words: list[str]) -> list[tuple[int, int, list[str]]]:
    """"ein gemeinsames Bauch- und Tumorzentrum", "eine gemeinsame interdisziplinäre Station": what
    two make together (within four words of "gemeinsam-") is their cooperation, and it is no party
    itself ("founded_body")."""
    made = []
    for i, word in enumerate(words):
        if word in _TOGETHER_ADJECTIVES:
            j = next((j for j in range(i + 1, min(i + 5, len(words))) if words[j].endswith(_MADE_TOGETHER)), None)
            if j is not None:
                made += [(i, i + 1, ["cooperate"]), (j, j + 1, ["founded_body"])]
    return made


def _founded_together(cues: list[tuple[int, str]], bodies: list[int]) -> list[tuple[int, str]]:
    """A founding within six words of a joint body is a cooperation cue, and the body a "founded_body"
    ("A, B und C haben ein Netzwerk gegründet", "A and B launched a stroke network"); a founding alone
    (a hospital "founded in 1900") is no cue."""
    if not any(c == "founding" for _, c in cues):
        return [(i, c) for i, c in cues if c != "joint_body"] if bodies else cues
    kept = []
    for i, c in cues:
        if c == "founding":
            body = min(bodies, key=lambda b: abs(b - i), default=None)
            if body is not None and abs(body - i) <= 6:
                kept += [(i, "cooperate"), (body, "founded_body")]
        elif c != "joint_body":
            kept.append((i, c))
    return sorted(kept)


# what is handed over by count: "trao 10 máy tạo oxy", "trao 2.000 bộ kít" (not "trao 17 giải": awards)
_COUNTED_GIFTS = frozenset({"may", "bo", "xe", "chiec", "giuong", "thiet", "phong", "tan", "ty", "trieu", "lo", "hop",
                            "kien", "thung", "binh", "goi"})


def _counted_gifts(tokens: TokenText, named: frozenset[int]) -> list[tuple[int, str]]:
    """Support cues at a Vietnamese "trao" (hand over) whose object is counted equipment or money."""
    words, found = tokens.words, []
    for i, word in enumerate(words):
        if word == "trao" and i not in named and tokens.written(i).lower() == "trao":
            k = i + 1 + (i + 1 < len(words) and words[i + 1] == "tang")
            if k < len(words) and words[k].isdigit():
                while k < len(words) and words[k].isdigit():
                    k += 1
                if k < len(words) and words[k] in _COUNTED_GIFTS:
                    found.append((i, "support"))
    return found


# per phrase (its values list, which lives as long as the cue matcher) and language: the
# categories, and whether all are function words; worked out once, not in every document
_CATEGORIES: dict[tuple[int, str | None], tuple[list, list[str], bool]] = {}

_UNIT_WORDS = frozenset({"center", "centre", "department", "division", "unit", "institute", "klinik", "abteilung",
                         "institut", "zentrum", "poliklinik"})
_TEMPORAL = frozenset({"nam", "ngay", "thang", "dau", "cuoi", "khi", "sau", "truoc", "giua", "quy", "tuan"})


# Vietnamese function words as written: folded, "do" (by) is also "đó" (that), "tới" (to) is
# also "tôi" (I), "từ" (from) is also "tư" (private)
_VI_SPELLING = {"do": "do", "tu": "từ", "toi": "tới", "den": "đến", "voi": "với", "cua": "của", "duoc": "được",
                "boi": "bởi", "theo": "theo", "cung": "cùng", "va": "và"}
# The first word of cues of these categories as written: "nhận" (receive) is also "nhân" (core,
# "hạt nhân"), "cử" (send) also "cũ" (old), "mời" (invite) also "mới" (new), "về" (to) also "vệ" ("vệ tinh")
_CUE_SPELLING = {"nhan": ("nhận", {"receive", "receive_transfer"}), "cu": ("cử", {"dispatch", "support"}),
                 "moi": ("mời", {"invite"}),
                 "ve": ("về", {"dispatch_to"}), "xuong": ("xuống", {"dispatch_to"}), "len": ("lên", {"dispatch_to"})}


def _misspelt(tokens: TokenText, i: int) -> bool:
    """A folded Vietnamese function word whose marks say it is another word."""
    expected = _VI_SPELLING.get(tokens.words[i])
    return expected is not None and tokens.written(i) != expected


def _capitalised_inside(tokens: TokenText, i: int) -> bool:
    """A one-word cue written with a capital inside a sentence: a name's syllable ("Đỗ", "Từ", "Cho")."""
    start = tokens.char_starts[i]
    if not tokens.text[start].isupper() or start == 0:
        return False
    k = start - 1  # the character before, across spaces (not a copy of all the text before: that is quadratic)
    while k >= 0 and tokens.text[k].isspace():
        k -= 1
    return k >= 0 and tokens.text[k] not in ".!?:;\n\"“”«»(-–—•*"


def cue_positions(cues: list[tuple[int, str]], i: int, j: int) -> dict[str, list[int]]:
    """Word positions of each cue category within words ``[i, j)``."""
    positions: dict[str, list[int]] = {}
    for k in range(bisect_left(cues, (i, "")), len(cues)):  # by index: a slice would copy the rest each time
        pos, category = cues[k]
        if pos >= j:
            break
        positions.setdefault(category, []).append(pos)
    return positions


def relate_sentence(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]],
                    city_ids: frozenset[str], verb_final: bool = False,
                    receiving: frozenset[str] = frozenset()) -> list[Relation]:
    """Relations stated by one sentence.

    Parameters
    ----------
    cues : dict
        Cue category -> word positions (see :func:`cue_positions`).
    mentions : list of (word position, Organisation)
        The organisations named in the sentence, in order.
    city_ids : frozenset
        Provinces that are centrally-run cities.
    verb_final : bool
        German word order: the verb may stand after both parties.
    receiving : frozenset
        Organisations placed in countries that mostly receive support.
    """
    relations = _stated(cues, mentions, city_ids, verb_final, receiving)
    if relations and ("sign" in cues or "cooperate" in cues) and "pair_anaphor" not in cues:
        # "A and B launched a twinning partnership, supported by C": the partners of what C gives to (not
        # "A phối hợp với B tổ chức lễ bàn giao … cho C": A gives, B helps hand over, no partner of A's)
        givers = {r.supporter.id for r in relations if r.supporter is not None}
        relations += [agreement(a, b, city_ids, receiving) for a, b in cooperation_pairs(cues, mentions)
                      if a.id not in givers and b.id not in givers]
    relations += [agreement(a, b, city_ids, receiving) for a, b in _possessed_partners(cues, mentions)
                  if not any({a.id, b.id} == {r.a.id, r.b.id} for r in relations)]
    terms = cues.get("satellite_term")
    if not terms:
        return relations
    # "A hỗ trợ cho 5 bệnh viện vệ tinh gồm B, C …": support that names its takers satellites
    at = {o.id: p for p, o in reversed(mentions)}
    return [Relation(r.a, r.b, "satellite", r.supporter, True)
            if r.kind in ("support", "transfer") and r.explicit and r.supporter is not None
            and any(at[r.supporter.id] < t < at[(r.b if r.supporter is r.a else r.a).id] for t in terms) else r
            for r in relations]


def _possessed_partners(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]]
                        ) -> list[tuple[Organisation, Organisation]]:
    """"A und deren Partneruniversität B", "A and its sister hospital, B": the one named right
    after the partner is the partner of the one named right before the possessive."""
    nouns = set(cues.get("partner_noun", ()))
    pairs = []
    for pos in cues.get("possessive", ()):
        if pos + 1 not in nouns:
            continue
        owner_at, owner = _before_with_position(mentions, pos)
        partner_at, partner = _after_with_position(mentions, pos + 1)
        if owner is not None and partner is not None and owner.id != partner.id \
                and pos - owner_at <= _LIST_WORDS and partner_at - pos <= 5:
            pairs.append((owner, partner))
    return pairs


def _stated(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], city_ids: frozenset[str],
            verb_final: bool, receiving: frozenset[str]) -> list[Relation]:
    orgs = _distinct(mentions)
    if len(orgs) < 2:
        return []
    signed = "sign" in cues
    if contract := _contract_sides(cues, mentions, city_ids, receiving):
        return contract
    if vetoed(cues):
        return []
    relations: list[Relation] = []
    joins = set(cues.get("and", []))
    for pos in cues.get("satellite", []):
        if any(pos - 5 <= q < pos for q in cues.get("programme", ())):
            continue  # "Đề án Bệnh viện vệ tinh của Bộ Y tế": the programme's owner, no core
        core_pos, core = _after_with_position(mentions, pos)
        # "B và C là bệnh viện vệ tinh của A": every listed subject; "Là bệnh viện vệ tinh của A
        # từ năm 2021, Bệnh viện B đã …": the subject may follow
        satellites = _listed_before(mentions, pos, joins) or [o for p, o in mentions if p > core_pos and o is not core][:1]
        # "B là 1 trong 6 bệnh viện vệ tinh của A, cùng với C, D và E": those along with B are A's too
        along = next((w for w in cues.get("with", []) if core_pos < w <= core_pos + 14), None)
        if along is not None and satellites:
            satellites += [o for o in listed_after(mentions, along, joins) if o not in satellites]
        relations += [Relation(s, core, "satellite", core, True) for s in satellites if core and s.id != core.id]
    for pos in cues.get("takes_satellite", []):
        # "A nhận B làm bệnh viện vệ tinh"; "A ký kết với B và C, nhận hai đơn vị này làm bệnh viện
        # vệ tinh", "A signed with B, C and D, which become its satellites": the list before the
        # cue are the satellites, the name before the list is the core
        if any(pos < s <= pos + 2 for s in cues.get("satellite", [])):
            continue  # "B là bệnh viện vệ tinh của A": the core follows
        listed = list(reversed(_listed_before(mentions, pos, joins)))
        first = min((p for p, o in mentions if p < pos and any(o is x for x in listed)), default=None)
        core = _before(mentions, first) if first is not None else None
        if core is None and len(listed) > 1:  # "A ký kết với B và C, …": "với" joined the core to the list
            core, listed = listed[0], listed[1:]
        if core is not None and core.kind not in _CORE_KINDS:
            continue  # "Sở Y tế công nhận B là bệnh viện vệ tinh": a department recognises, it is no core
        relations += [Relation(s, core, "satellite", core, True) for s in listed if core and s.id != core.id]
    relations += _satellites_opened(cues, mentions, joins)
    for pos in cues.get("satellite_hub", []):  # "A is the satellite hub for 10 hospitals, including B and C"
        core = _before(mentions, pos)
        if core is not None and core.kind in _CORE_KINDS:
            relations += [Relation(s, core, "satellite", core, True) for s in listed_after(mentions, pos, joins)
                          if s.id != core.id]
    if thanked := _thanked_for_help(cues, mentions):
        return relations + thanked
    if dispatched := _dispatched(cues, mentions, joins):
        return relations + dispatched
    if verb_final and (trained := _trained_where(cues, mentions, joins)):
        return relations + trained
    if operated := _operated_at(cues, mentions, joins):
        return relations + operated
    if any(c in cues for c in _DIRECTED) and (marked := _by_markers(cues, mentions, verb_final)) is not None:
        return relations + marked
    by = set(cues.get("by", []))
    receipts = cues.get("receive", []) + cues.get("receive_transfer", []) + cues.get("receive_from", [])
    for category, kind in (("transfer", "transfer"), ("support", "support")):
        for pos in cues.get(category, []):
            if any(r < pos and not any(r < p < pos for p, _ in mentions) for r in receipts):
                continue  # "tiếp nhận hơn 30 gói kỹ thuật từ …": what is received, not who gives
            between = next((b for b in cues.get("between", []) if pos < b <= pos + 15), None)
            sides = listed_after(mentions, between, joins) if between is not None and not signed \
                and "cooperate" not in cues else []  # (a signed "hợp tác hỗ trợ giữa A và B" is an agreement)
            if len(sides) >= 2:
                # "chuyển giao kỹ thuật X giữa A với B": the verb's subject is no side; the upper level gives
                directed = [(a, b, agreement(a, b, city_ids, receiving).supporter) for a, b in _all_pairs(sides)]
                relations += [Relation(a, b, kind, giver, True) for a, b, giver in directed if giver is not None]
                continue
            giver_pos, giver = _before_with_position(mentions, pos)
            fronted = verb_final and giver is not None and any(
                giver_pos - 3 <= f < giver_pos for f in cues.get("prepositional", ()))
            if verb_final and (giver is None or fronted):
                # "Seit 2018 unterstützt das A das B": German puts the subject after the verb it follows; "Neben der
                # C unterstützt das A auch das B": the name in the fronted phrase is an object as well
                after = [(p, o) for p, o in mentions if p > pos]
                objects = [o for p, o in mentions if p < pos] if fronted else []
                if (len(after) >= 2 or fronted and after) and after[0][0] - pos <= 3 \
                        and not any(pos < b < after[min(1, len(after) - 1)][0] for b in by):
                    subject = after[0][1]
                    relations += [Relation(subject, t, kind, subject, True)
                                  for t in objects + listed_after(mentions, after[0][0], joins) if t.id != subject.id]
                    continue
            givers = _listed_before(mentions, pos, joins) if giver is not None else []  # "A và B đã trao tặng"
            # "A phối hợp với B và C tổ chức lễ bàn giao …": those A works with hand nothing over; A does
            listed_at = sorted(p for p, o in mentions if p < pos and o in givers)
            # (not "A worked with Japan and B supports …": "with" must open the list it splits)
            split = next((w for w in cues.get("with", []) if listed_at and listed_at[0] < w < listed_at[-1]
                          and any(w < p <= w + 3 for p in listed_at)), None)
            if split is not None:
                givers = [o for p, o in mentions if p < split and o in givers]
                giver_pos, giver = max((p, o) for p, o in mentions if p < split and o in givers)
            # "viện trợ không hoàn lại của A dành cho B": the giver follows "của"; "B với sự hỗ trợ của A": the agent
            # marker is the support cue's own last word
            of = next((p for p in sorted(cues.get("of", []) + [b for b in by if pos < b <= pos + 4]) if pos < p <= pos + 6),
                      None)
            giver_pos, giver = next(((p, o) for p, o in mentions if of is not None and of < p <= of + 2),
                                    (giver_pos, giver))  # "of A", "of the A"
            # "Thay mặt Chính phủ A, ông X, Thứ trưởng Bộ B, trao … cho C": A gives, not the envoy's ministry
            behalf = max((b for b in cues.get("behalf", []) if b < pos), default=None)
            giver_pos, giver = next(((p, o) for p, o in mentions if behalf is not None and behalf < p <= behalf + 3),
                                    (giver_pos, giver))
            if giver not in givers:
                givers = [giver] if giver is not None else []
            target_pos = min((p for p in cues.get("to", []) if p > max(pos, giver_pos)), default=None)
            if giver is not None and giver_pos - 1 in by and target_pos is None:
                # "B ... do A chuyển giao": A gives, B takes
                takers = [t for t in [_before(mentions, giver_pos - 1) or _after(mentions, pos)] if t]
            else:  # "A hỗ trợ ... cho B, C và D", "viện trợ của A dành cho B"
                takers = (target_pos is not None and listed_after(mentions, target_pos, joins)) \
                    or listed_after(mentions, pos, joins)
                if giver_pos > pos and not [t for t in takers if t is not giver]:
                    takers = [t for t in [_before(mentions, pos)] if t]  # "B … under a grant of A"
                if not takers:  # "At the invitation of B, doctors of A transferred …": the host receives
                    takers = [o for w in cues.get("invited_by", []) for o in listed_after(mentions, w, joins)[:1]]
            relations += [Relation(g, taker, kind, g, True) for g in givers for taker in takers if g.id != taker.id]
    for category, kind in (("receive_transfer", "transfer"), ("receive", "transfer" if "transfer" in cues else "support")):
        for pos in cues.get(category, []):
            taker = _before(mentions, pos)
            # "B tiếp nhận … từ các bệnh viện như A1, A2 và A3": every listed giver; one marked as a
            # recipient ("tổ chức tiếp nhận … cho C") gives nothing
            first_to = min((p for p in cues.get("to", []) if p > pos), default=None)
            givers = [g for g in listed_after(mentions, pos, joins)
                      if first_to is None or next(p for p, o in mentions if o is g) < first_to]
            relations += [Relation(giver, taker, kind, giver, True) for giver in givers
                          if taker is not None and giver.id != taker.id]
    markers = sorted(cues.get("from", []) + cues.get("by", []) + cues.get("of", []))
    for pos in cues.get("receive_from", []):  # "B tiếp nhận … từ A": only a source marked near it gives
        taker = _before(mentions, pos)
        first = next((p for p, _ in mentions if p > pos), None)
        marker = max((m for m in markers if pos < m < (first if first is not None else -1) and m - pos <= 15),
                     default=None)
        # "… cấp cứu từ 45-50 trường hợp": a marker far from the next name names no source, nor one
        # that a recipient's marker follows ("… đã được ký kết … cho C")
        givers = listed_after(mentions, marker, joins) if marker is not None and first is not None \
            and first - marker <= 10 and not any(marker < t < first for t in cues.get("to", [])) else []
        kind = "transfer" if "transfer" in cues else "support"
        relations += [Relation(g, taker, kind, g, True) for g in givers if taker is not None and g.id != taker.id]
    if relations:
        return relations
    if "pair_anaphor" in cues and not _joined(mentions[0][0], mentions[1][0], joins):
        return []  # "ký kết giữa hai đơn vị": the two sides are no names here (unless "A and B … the two parties")
    last_named = max(p for p, _ in mentions)
    giving = [p for c in _DIRECTED[:2] for p in cues.get(c, ()) if p > last_named]
    tos = cues.get("to", ())
    if not signed and giving and any(p > min(giving) for p in tos) and not any(last_named < p < min(giving) for p in tos):
        # "A phối hợp với B trao tặng xe cho 6 bệnh viện": A and B give together, to others unnamed (not "A works
        # in partnership with B to provide training to teams": a partnership for a purpose)
        return []
    if signed or "cooperate" in cues:
        return [agreement(a, b, city_ids, receiving) for a, b in cooperation_pairs(cues, mentions)]
    return []


def _trained_where(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], joins: set[int]
                   ) -> list[Relation]:
    """German training stated at its place: "Ärzte des B werden am A ausgebildet", "Seit 2019
    hospitieren im A und im C Pflegekräfte aus B": those the place marks train the staff of the
    organisation named nearest to them that is no place."""
    verbs, places = cues.get("trained_here"), cues.get("trained_place")
    if not verbs or not places:
        return []
    marked = [(p, o) for k, (p, o) in enumerate(mentions) if _place_marked(mentions, k, places)]
    if not marked:
        return []
    trainers = distinct_orgs(o for p, _ in marked for o in listed_after(mentions, p - 1, joins))
    others = [(p, o) for p, o in mentions if o not in trainers]
    if not others:
        return []
    first = marked[0][0]
    _, trainee = min(others, key=lambda item: (abs(item[0] - first), item[0] > first))
    return [Relation(t, trainee, "support", t, True) for t in trainers if t.id != trainee.id]


def _place_marked(mentions: list[tuple[int, Organisation]], k: int, places: list[int]) -> bool:
    """Whether a place word ("am", "im", "tại", "at") stands in the three words before mention
    ``k``, after the mention before it."""
    p = mentions[k][0]
    return any(max(p - 3, mentions[k - 1][0] if k else -1) < w < p for w in places)


def funded_partners(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]],
                    partners: Sequence[Organisation]) -> list[Relation]:
    """A partnership funded by a donor: "A und B sind durch eine vom BMZ geförderte
    Klinikpartnerschaft verbunden", "Die Partnerschaft wird vom BMZ gefördert", "The partnership
    is funded by X", "Dự án hợp tác do X tài trợ": the donor supports each partner, those the
    sentence lists or else ``partners``, the pair the document has named."""
    if "cooperate" not in cues or "support" not in cues or vetoed(cues):
        return []
    markers = cues.get("by", []) + cues.get("from", [])
    joins = set(cues.get("and", []))
    funders = distinct_orgs(o for m in markers for o in listed_after(mentions, m, joins)
                            if next(p for p, x in mentions if x is o) - m <= 3)
    only = _distinct(mentions)
    if not funders and len(only) == 1 and partners and "to" not in cues:
        # "Seit 2017 fördert das BMZ die Klinikpartnerschaft", "X funds the partnership": the one body named
        # before the partnership, the verb before that, supports the pair
        first_support, last_cooperate = min(cues["support"]), max(cues["cooperate"])
        if first_support < last_cooperate and mentions[0][0] < last_cooperate:
            funders = only
    if not funders:
        return []
    named = [o for o in _distinct(mentions) if o not in funders]
    takers = named if len(named) >= 2 else list(partners)
    return [Relation(f, t, "support", f, True) for f in funders for t in takers if f.id != t.id]


def _thanked_for_help(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]]) -> list[Relation]:
    """"(Giám đốc) A cảm ơn B đã hỗ trợ …", "A thanked B for its support", "A dankte B für die
    Unterstützung": B, thanked for the help that follows, helped A."""
    helped = [p for c in ("support", "transfer") for p in cues.get(c, [])]
    for pos in cues.get("thanks", ()):
        thanker_at, thanker = _before_with_position(mentions, pos)
        thanked_at, thanked = _after_with_position(mentions, pos)
        if thanker is None or thanked is None or thanker.id == thanked.id or pos - thanker_at > 8 \
                or thanked_at - pos > 4:
            continue
        following = next((p for p, _ in mentions if p > thanked_at), 1 << 30)
        if any(thanked_at < h < min(following, thanked_at + 12) for h in helped):
            kind = "transfer" if any(thanked_at < h < thanked_at + 12 for h in cues.get("transfer", ())) else "support"
            return [Relation(thanked, thanker, kind, thanked, True)]
    return []


def _satellites_opened(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], joins: set[int]
                       ) -> list[Relation]:
    """"A ra mắt Đơn vị vệ tinh chuyên ngành Nội tiết tại B và C", "A opened a satellite unit at B":
    those the place word marks after the cue are satellites of the core named before it (an English
    list after "at" is read as the owners of what precedes it, and is lost)."""
    relations = []
    places = cues.get("trained_place", [])
    for pos in cues.get("opens_satellite", []):
        core = _before(mentions, pos)
        at = next((p for k, (p, o) in enumerate(mentions) if p > pos and _place_marked(mentions, k, places)), None)
        if core is None or at is None or core.kind not in _CORE_KINDS or at - pos > 15:
            continue
        relations += [Relation(s, core, "satellite", core, True) for s in listed_after(mentions, at - 1, joins)
                      if s.id != core.id]
    return relations


def _operated_at(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], joins: set[int]
                 ) -> list[Relation]:
    """"A team of doctors from A performed the first kidney transplant at B", "Ê kíp Bệnh viện A
    đã thực hiện ca ghép thận tại B", "Ärzte des A operierten im B", "các chuyên gia về tim
    mạch, ung bướu… của A đã thảo luận ca bệnh … tại B, C và D": A's staff help B (and each
    listed with it)."""
    verbs, places = cues.get("performed"), cues.get("trained_place")
    staff = sorted(cues.get("team", []) + cues.get("staff_from", []) + cues.get("staff_of", []))
    if not verbs or not places or not staff:
        return []
    verb = verbs[0]
    owners = cues.get("of", [])  # "các chuyên gia về A, B, C của X": the fields between, then whose
    team = next((o for p, o in mentions if p < verb and any(  # (its owner marked, maybe with a kind after it:
        s < p <= s + 6 or s < p <= s + 20 and any(p - 3 <= q < p for q in owners) for s in staff)), None)  # "của tổ chức X")
    at = next((p for k, (p, o) in enumerate(mentions) if p > verb and _place_marked(mentions, k, places)), None)
    if team is None or at is None or any(verb < s < at for s in staff):
        return []  # ("… performed X with assistance from a team at B": B's team helped, B hosted nothing)
    return [Relation(team, host, "support", team, True) for host in listed_after(mentions, at - 1, joins)
            if host.id != team.id]


def _dispatched(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], joins: set[int]
                ) -> list[Relation]:
    """"A cử 15 lượt cán bộ xuống B và C để chuyển giao …", "A luân phiên bác sĩ về B": the
    organisation that sends staff supports (or transfers to) those it sends them to."""
    relations = []
    kind = "transfer" if "transfer" in cues else "support"
    goals = cues.get("dispatch_to", [])
    for pos in cues.get("dispatch", []):
        giver_pos, giver = _before_with_position(mentions, pos)
        first = next((g for g in goals if pos < g <= pos + 15), None)
        if giver is None or first is None or pos - giver_pos > 15:
            continue
        # "A sent doctor X to work at B; doctor Y to work at C": each clause's goal, up to the next sending
        following = min((d for d in cues["dispatch"] if d > pos), default=1 << 30)
        for goal in (g for g in goals if first <= g < following):
            if any(goal < p <= goal + 5 for p, _ in mentions):  # "xuống (làm việc tại) B"
                relations += [Relation(giver, taker, kind, giver, True)
                              for taker in listed_after(mentions, goal, joins) if taker.id != giver.id]
    for pos in cues.get("invite", []):
        # "B mời các chuyên gia của A về phẫu thuật, chuyển giao kỹ thuật", "B invited doctors of A to
        # operate and transfer techniques": A gives what B invited
        taker_pos, taker = _before_with_position(mentions, pos)
        giver_pos, giver = _after_with_position(mentions, pos)
        if taker is None or giver is None or pos - taker_pos > 12 or giver_pos - pos > 20 or giver.id == taker.id:
            continue
        if any(p > giver_pos for c in ("support", "transfer") for p in cues.get(c, [])):
            relations.append(Relation(giver, taker, kind, giver, True))
    return relations


def _contract_sides(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], city_ids: frozenset[str],
                    receiving: frozenset[str]) -> list[Relation]:
    """"đại diện bên A (bên nhận chuyển giao kỹ thuật) là X, …, bên B (bên chuyển giao kỹ thuật) là Y": a
    contract's sides named as such sign it, whoever attends; a side marked as the receiving one is given to."""
    if "side_a" not in cues or "side_b" not in cues:
        return []
    sides = [next((o for p, o in mentions if p > cues[side][0]), None) for side in ("side_a", "side_b")]
    a, b = sides
    if a is None or b is None or a.id == b.id:
        return []
    relations = [agreement(a, b, city_ids, receiving)]
    takes = cues.get("receiving_side", [])
    taker = next((o for side, o in zip(("side_a", "side_b"), sides) if any(
        cues[side][0] < t <= cues[side][0] + 4 for t in takes)), None)
    if taker is not None:
        giver = b if taker is a else a
        kind = "transfer" if "transfer" in cues or "receive_transfer" in cues else "support"
        relations.append(Relation(giver, taker, kind, giver, True))
    return relations


def vetoed(cues: dict[str, list[int]]) -> bool:
    """Guests of a signing are no parties, a patient transfer, a takeover or a merger is no
    partnership even when signed; and unless a signing is stated, a needs survey or a visit
    framing the sentence states none."""
    if "attendance" in cues and "between" not in cues:  # "Tham dự lễ ký kết có ông A (B), …": guests, not parties
        return True
    if "not_partnership" in cues or _patients_moved(cues):  # a merger or a takeover is signed too
        return True
    if "co_organised" in cues and "sign" not in cues:
        # (a gift or a transfer stated beside the event stands; one in the event's title, "hội nghị tổng kết công
        # tác chỉ đạo tuyến", does not)
        events = cues["co_organised"]
        stated = [p for c in ("support", "transfer", "satellite") for p in cues.get(c, [])
                  if not any(e < p <= e + 10 for e in events)]
        if not stated:
            return True
    return asked_or_surveyed(cues)


def _patients_moved(cues: dict[str, list[int]]) -> bool:
    """A transfer whose object is patients ("transfer 200 patients and their relatives to B",
    "all patients at the hospital have been transferred to B") moves patients, no technique:
    the patients stand up to eight words before the verb, or after it and before its "to". So does
    one handed over ("The patient was safely handed over to specialists at B")."""
    patients = cues.get("patients")
    moved = cues.get("transfer", []) + cues.get("hand_over", [])
    if not patients or not moved:
        return False
    tos = cues.get("to", [])
    return any(i - 8 <= p < i or i < p < min((t for t in tos if t > i), default=i + 8)
               for i in moved for p in patients)


def asked_or_surveyed(cues: dict[str, list[int]]) -> bool:
    """Unless a signing is stated, a needs survey, or a visit or request framing the sentence:
    what it names is asked for or looked at, not given ("mong muốn … chuyển giao kỹ thuật X")."""
    return "sign" not in cues and ("needs_survey" in cues or "negative" in cues and "approved" not in cues
                                   and _negative_first(cues))


_POSITIVE = ("cooperate", "transfer", "support", "receive", "receive_transfer", "receive_from", "satellite",
             "takes_satellite", "satellite_hub")


def _negative_first(cues: dict[str, list[int]]) -> bool:
    """A visit or an inspection frames the sentence when it comes before every relation cue:
    "Đoàn đến thăm và làm việc với B" yields nothing, but "A đã chuyển giao ... cho B. Tại
    buổi khảo sát, ..." (one sentence to the splitter) keeps its transfer."""
    first_positive = min((p for c in _POSITIVE + ("dispatch",) for p in cues.get(c, ())), default=None)
    if first_positive is None:
        return True
    # "đã thăm, trao tặng …", "chuyến thăm, làm việc và trao thiết bị cho B": a visit that gives, gives
    giving = [p for c in ("support", "transfer") for p in cues.get(c, ())]
    # "A cử 3 bác sĩ xuống làm việc tại B": staff sent to work there, no visit
    sent_to = [t for t in cues.get("dispatch_to", ()) if any(d < t <= d + 10 for d in cues.get("dispatch", ()))]
    gives = set(giving)  # a visit is followed by its gift, or by the next visit word that is ("thăm, làm việc và trao")
    for n in reversed(cues["negative"]):
        if any(n < g <= n + 3 for g in gives):
            gives.add(n)
    framing = [n for n in cues["negative"] if n not in gives
               and not any(t < n <= t + 2 for t in sent_to)]
    return bool(framing) and framing[0] < first_positive


def cooperation_pairs(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]]
                      ) -> list[tuple[Organisation, Organisation]]:
    """The pairs a cooperation sentence binds.

    * "between A and B (and C)": every pair of the listed parties;
    * "A (and B) ... with C (and D)": each party before "with" with each after it;
    * "A and B signed", "A, B and C will work together": every pair of the listed parties;
    * otherwise the two parties of a sentence that names exactly two.
    """
    joins = set(cues.get("and", []))
    if "between" in cues:
        start = cues["between"][0]
        # "giữa A, B và C với D và E": the list before "với" signs with the list after it
        for pos in (p for p in cues.get("with", []) if p > start):
            before = [o for p, o in mentions if start < p < pos]
            after = listed_after(mentions, pos, joins)
            pairs = [(a, b) for a in distinct_orgs(before) for b in after if a.id != b.id]
            if before and pairs and before == listed_after(mentions, start, joins)[:len(before)]:
                return pairs
        listed = listed_after(mentions, start, joins)
        if len(listed) >= 2:
            return _all_pairs(listed)
    if "sign" in cues and (signed_by := _signed_with_by(cues, mentions, joins)):
        return signed_by
    for pos in cues.get("with", []):
        before = _listed_before(mentions, pos, joins)
        after = listed_after(mentions, pos, joins)
        pairs = [(a, b) for a in before for b in after if a.id != b.id]
        if pairs:
            return pairs
    for pos in cues.get("join", []):  # "A and B had joined the C Network": each joins C
        joined = _after(mentions, pos)
        if joined is None:
            return []  # "A, B and C joined the programme": what they joined is no one named, nor each other
        pairs = [(a, joined) for a in _listed_before(mentions, pos, joins) if a.id != joined.id]
        if pairs:
            return pairs
    first_position = mentions[0][0] if mentions else -1
    if any(first_position - 3 <= p < first_position for p in cues.get("with", [])):
        # "the collaboration with A, B and C": they are partners of an unnamed other side; but "Mit dem A hat
        # das B einen Vertrag unterzeichnet": a signing names that side after them
        listed = listed_after(mentions, first_position - 1, joins)
        rest = _distinct([(p, o) for p, o in mentions if o not in listed])
        # ("Mit dem A kooperiert das B seit 2019": the verb between them, the German subject after it)
        between = len(rest) == 1 and any(max(p for p, o in mentions if o in listed) < c < min(
            p for p, o in mentions if o is rest[0]) for c in cues.get("cooperate", ()))
        # "Dank der Zusammenarbeit mit A ist das B gewachsen": the cooperation noun right before "mit" is the other's
        owned = len(rest) == 1 and any(first_position - 3 <= c < first_position - 1 for c in cues.get("cooperate", ())) \
            and rest[0].kind in _CORE_KINDS \
            and 0 < min(p for p, o in mentions if o is rest[0]) - max(p for p, o in mentions if o in listed) <= 8
        return [(a, rest[0]) for a in listed] if len(rest) == 1 and ("sign" in cues or between or owned) else []
    if _visited_after_signing(cues, first_position):
        return []
    group = listed_after(mentions, first_position - 1, joins)
    if len(group) >= 2:
        return _all_pairs(group)
    orgs = _distinct(mentions)
    if any(mentions[0][0] < p < mentions[-1][0] for p in cues.get("alternative", ())):
        return []  # "a sponsor such as the Mayo Clinic, Cleveland Clinic or MD Anderson": examples, not partners
    # "Bộ Y tế đã triển khai đề án … mạng lưới kết nối": a ministry's plan is no partnership of what it names
    ministry_plan = "programme" in cues and any(o.kind == "ministry" for o in orgs)
    if len(orgs) == 2 and ("sign" in cues or "reporter_after" not in cues and not ministry_plan):
        return [(orgs[0], orgs[1])]  # not "the director of B said the cooperation ...": a quote names one side
    closing = cues.get("sign", []) + cues.get("cooperate", [])
    if closing and 2 < len(orgs) <= 4 and all(p < max(closing) for p, _ in mentions):
        # "A, B and C signed a memorandum", "schlossen A, B und C eine Vereinbarung", "A, B and C will work together"
        return _all_pairs(orgs)
    return []


def _signed_with_by(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], joins: set[int]
                    ) -> list[tuple[Organisation, Organisation]]:
    """"Ein Memorandum mit der A wurde von B, C und D unterzeichnet", "an agreement with A was
    signed by B and C": the one after "with" signs with each listed after "von"/"by", the
    signing verb after them."""
    markers = sorted(cues.get("by", []) + cues.get("from", []))
    for w in cues.get("with", []):
        partner_at, partner = _after_with_position(mentions, w)
        if partner is None or partner_at - w > 3:
            continue
        marker = next((m for m in markers if m > partner_at), None)
        if marker is None:
            continue
        listed = listed_after(mentions, marker, joins)
        if not listed or min(p for p, o in mentions if o is listed[0]) - marker > 3:
            continue
        last = max(p for p, o in mentions if o in listed)
        if any(s > last for s in cues["sign"]) or any(s < w for s in cues["sign"]) and "by" in cues:
            return [(partner, o) for o in listed if o.id != partner.id]
    return []


def _visited_after_signing(cues: dict[str, list[int]], first: int) -> bool:
    """"After signing the agreement, the team were shown services at A, B and C hospitals": the
    names after a place marker that follows the signing (the first name at word ``first``) are
    places visited, not the parties ("Tại A, A và B đã ký kết" signs after its place)."""
    venue = max((p for c in ("trained_place", "owner_before") for p in cues.get(c, ()) if first - 4 <= p < first),
                default=None)
    return venue is not None and any(p < venue for c in ("sign", "cooperate") for p in cues.get(c, ()))


def passive_givers(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], recipient: Organisation,
                   recipients: Sequence[Organisation] = ()) -> list[Relation]:
    """"Der Kauf wurde von A, B und C unterstützt", "funded by A and B": the givers are
    named, the recipient is not; it is the article's main organisation ``recipient``, or
    ``recipients``, those the sentence before says the thing was given to. Names after
    "cho"/"to" receive instead, from that main organisation."""
    by = sorted(cues.get("by", []) + cues.get("from", []))
    # ("The project received AUD 22,000 from A": what the sentence before gave was A's gift too)
    kind = "transfer" if "transfer" in cues else "support" if "support" in cues or "receive" in cues and recipients \
        else None
    if not by or kind is None or not recipients and any(org.id == recipient.id for _, org in mentions):
        return []
    joins = set(cues.get("and", []))
    if recipients and mentions[0][0] > by[0]:
        # "Số máy này do E tài trợ", "Toàn bộ số tiền do các đơn vị gồm: E, F và G … quyên tặng": each gave to each
        givers = listed_after(mentions, by[0], joins)
        if len(givers) == len(_distinct(mentions)):
            return [Relation(giver, taker, kind, giver, True) for giver in givers for taker in recipients
                    if taker.id != giver.id]
    if mentions[0][0] < by[0]:
        return []
    to = min((p for p in cues.get("to", []) if by[0] < p < mentions[0][0]), default=None)
    if to is not None:  # "(xe) được lãnh đạo tỉnh tiếp nhận, bàn giao cho A, B và C": they receive the main party's gift
        return [Relation(recipient, taker, kind, recipient, True) for taker in _receivers_after(mentions, to, joins)]
    return [Relation(giver, recipient, kind, giver, True) for giver in listed_after(mentions, by[0], joins)]


def receivers_named(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]]) -> list[Organisation]:
    """Those a sentence says something was given to ("… được cấp cho A, B và C"), when no
    organisation is named before "cho"/"to" (the giver is left to another sentence)."""
    to, joins = cues.get("to", []), set(cues.get("and", []))
    if to and mentions and mentions[0][0] > to[0]:
        return listed_after(mentions, to[0], joins)
    # "A and B have received two equipment packages from benefactors": receivers, the givers unnamed
    receipt = min((p for c in ("receive", "receive_from") for p in cues.get(c, [])), default=None)
    if receipt is not None and mentions and mentions[-1][0] < receipt and not to:
        return _listed_before(mentions, receipt, joins)
    return []


def named_donors(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]],
                 recipients: Sequence[Organisation]) -> list[Relation]:
    """"The donors are A, B and C", "Nhà tài trợ là A và B": the givers of what the sentences
    before say ``recipients`` received."""
    at = cues.get("donors")
    if not at or not recipients:
        return []
    givers = listed_after(mentions, at[0], set(cues.get("and", [])))
    return [Relation(g, r, "support", g, True) for g in givers for r in recipients if g.id != r.id]


def unnamed_giver(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]], ranked: list[Organisation]
                  ) -> list[Relation]:
    """The recipients are named, the giver is not: "(Dự án) cung cấp trang thiết bị cho A, B
    và C; trang bị xe cấp cứu cho D" supports them from the article's main party (the first
    of ``ranked`` that is no recipient); "gửi đào tạo bác sĩ tại A, B và C": the article's
    main party (or the organisation named before) is trained by each of them."""
    if vetoed(cues):
        return []
    joins = set(cues.get("and", []))
    relations = []
    for pos in cues.get("trained_at", []):
        trainers = listed_after(mentions, pos, joins)
        trainee = _before(mentions, pos) or next((o for o in ranked if o.id not in {t.id for t in trainers}
                                                  and o.kind in _CORE_KINDS), None)  # (not the page's publisher)
        relations += [Relation(t, trainee, "support", t, True) for t in trainers if trainee and t.id != trainee.id]
    directed = [p for c in ("support", "transfer") for p in cues.get(c, [])]
    if relations or not directed or mentions[0][0] < min(directed):
        return relations
    takers = distinct_orgs(o for p in cues.get("to", []) if p > min(directed)
                           for o in _receivers_after(mentions, p, joins))
    giver = next((o for o in ranked if o.id not in {t.id for t in takers}), None)
    kind = "transfer" if "transfer" in cues else "support"
    return [Relation(giver, t, kind, giver, True) for t in takers if giver is not None]


_RECIPIENT_KINDS = frozenset({"hospital", "health_centre"})

_COUNTS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "two": 2, "three": 3, "four": 4,
           "five": 5, "six": 6, "seven": 7, "eight": 8, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6,
           "sieben": 7, "acht": 8, "beiden": 2, **{str(n): n for n in range(2, 9)}}
# "the three provincial hospitals", "cả ba bệnh viện", "die beiden Spitäler": a counted plural of bodies
# stands for as many named before
_COUNTED_GROUP = re.compile(
    r"\b(?:the|these|all|both|all the|cac|ca|nhung|cua|die|den|der|diese|alle|allen) (?P<count>"
    + "|".join(_COUNTS) + r")(?: [a-z-]+){0,2}? (?:hospitals|institutions|facilities|health centres|health centers|"
    r"centres|centers|partners|benh vien|don vi|co so|trung tam y te|kliniken|krankenhauser|krankenhausern|hauser|"
    r"hausern|spitaler|spitalern|partnern)\b")


def counted_group(key: str, start: int, end: int) -> tuple[int, int] | None:
    """How many bodies a counted plural in ``key[start:end]`` (folded) stands for, and where its number is."""
    found = _COUNTED_GROUP.search(key, start, end)
    return (_COUNTS[found.group("count")], found.start("count")) if found else None


# "cho hai bệnh viện tuyến huyện", "to two district hospitals", "upgrades to five key primary health care
# facilities", "an zwei Kliniken": receivers counted, not named
_COUNTED_RECEIVERS = re.compile(
    r"\b(?:cho|toi|to|for|an|fur)\s+(?:(?:cac|the|die|den)\s+)?(?P<count>" + "|".join(_COUNTS) +
    r")\s+(?:[a-z-]+\s+){0,3}?(?:benh vien|co so y te|trung tam y te|hospitals|health cent(?:er|re)s|"
    r"(?:health |medical |health care )?facilities|clinics|kliniken|krankenhausern|krankenhauser|spitalern|spitaler|"
    r"(?:gesundheits)?einrichtungen)\b")


def counted_receivers(key: str) -> int:
    """How many receivers a giving sentence counts without naming them ("USAID viện trợ hệ
    thống oxy cho hai bệnh viện tuyến huyện"), or 0. ``key``: the sentence folded.

    >>> counted_receivers("usaid vien tro he thong oxy cho hai benh vien tuyen huyen o quang binh")
    2
    """
    return _count(_COUNTED_RECEIVERS, key)


# "A und drei Krankenhäuser aus dem Landkreis", "A and two rural hospitals", "A và ba bệnh viện": partners counted
_COUNTED_PARTNERS = re.compile(
    r"\b(?:und|and|va|mit|with|voi|cung)\s+(?P<count>" + "|".join(_COUNTS) +
    r")\s+(?:[a-z-]+\s+){0,2}?(?:benh vien|co so y te|trung tam y te|hospitals|health cent(?:er|re)s|clinics|kliniken|"
    r"krankenhauser|krankenhausern|spitaler|spitalern)\b")


def counted_partners(key: str) -> int:
    """How many partners a signing sentence counts without naming them, or 0. ``key``: the sentence folded.

    >>> counted_partners("das klinikum a und drei krankenhauser aus dem landkreis haben unterzeichnet")
    3
    """
    return _count(_COUNTED_PARTNERS, key)


def _count(pattern: re.Pattern, key: str) -> int:
    """The number the first match of ``pattern`` in ``key`` counts, or 0."""
    found = pattern.search(key)
    return _COUNTS[found.group("count")] if found else 0


def counted_takers(mentions: list[tuple[int, Organisation]], giver: Organisation, count: int,
                   receives: bool = False) -> list[Organisation]:
    """The receivers a giving sentence before counted, when this sentence names exactly that
    many hospitals or health centres (and no other body but the giver): "… tại Bệnh viện A … và
    tại Bệnh viện B"; or, when it says they receive ("B will benefit from the investment", "C
    will receive 200 beds"), fewer of them: the others are named in sentences of their own."""
    named = [o for o in _distinct(mentions) if o.id != giver.id]
    if not (len(named) == count or receives and 0 < len(named) < count) \
            or any(o.kind not in _RECIPIENT_KINDS for o in named):
        return []
    return named


def hosted_gift(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]]) -> list[Relation]:
    """"Tại Bệnh viện X, đoàn của Bệnh viện Y đã trao tặng …", "At X Hospital, Y handed over …":
    in a sentence that opens on a hospital as the place, a gift that names no receiver goes to
    that hospital, from the one named before the giving verb."""
    giving = [p for c in ("support", "transfer") for p in cues.get(c, [])]
    if not giving or len(mentions) < 2 or "to" in cues or "by" in cues or vetoed(cues):
        return []
    host, giver = mentions[0][1], _before(mentions, min(giving))
    if host.kind not in _RECIPIENT_KINDS or giver is None or giver.id == host.id or mentions[1][0] > min(giving):
        return []
    kind = "transfer" if "transfer" in cues else "support"  # "bàn giao gói kỹ thuật …" hands over techniques
    return [Relation(giver, host, kind, giver, True)]


def unnamed_recipient(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]],
                      topic: list[Organisation], start: int) -> list[Relation]:
    """The giver is named, the recipient is not (a Vietnamese report of a gift): "(Khánh thành
    Trung tâm Y tế X.) Nhân dịp này, Tập đoàn Y trao tài trợ hệ thống trang thiết bị …": the one
    organisation named, the subject at the sentence's start, gives to the hospital the sentences
    before were about (``topic``). ``start``: the sentence's first word."""
    support = cues.get("support", [])
    orgs = _distinct(mentions)
    if not support or len(orgs) != 1 or not topic or vetoed(cues) or "by" in cues:
        return []
    giver, recipient = orgs[0], topic[0]
    if mentions[0][0] - 1 in cues.get("trained_place", []):
        # "Tại Bệnh viện X, đoàn đã trao …": the one named is where the gift was handed over, so it receives
        giver, recipient = recipient, giver
    if not mentions[0][0] - start <= 6 or mentions[0][0] > min(support) or recipient.id == giver.id \
            or recipient.kind not in _RECIPIENT_KINDS:
        return []
    return [Relation(giver, recipient, "support", giver, False)]


def unnamed_partner(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]],
                    topic: list[Organisation], city_ids: frozenset[str], start: int) -> list[Relation]:
    """"Intensive Kooperationen bestehen mit dem A, dem B und dem C", "Partnerships exist with A
    and B": a sentence that opens on the cooperation names one side only; the other is the
    topic of the sentences before (``topic``), when they name one. ``start``: the sentence's
    first word."""
    opening = [p for c in ("cooperate", "sign") for p in cues.get(c, []) if p - start <= 3]
    if not opening or not mentions or not topic or vetoed(cues):
        return []
    first = mentions[0][0]
    if not any(first - 3 <= p < first for p in cues.get("with", [])):
        return []
    listed = listed_after(mentions, first - 1, set(cues.get("and", [])))
    if len(listed) < len(_distinct(mentions)) or any(o.id == topic[0].id for o in listed):
        return []  # the subject is named after all ("Sau khi hợp tác với A, B sẵn sàng …")
    return [agreement(topic[0], org, city_ids) for org in listed]


def _all_pairs(orgs: list[Organisation]) -> list[tuple[Organisation, Organisation]]:
    unique = distinct_orgs(orgs)[:4]
    return [(a, b) for i, a in enumerate(unique) for b in unique[i + 1:]]


def _listed_before(mentions, pos: int, and_positions: set[int]) -> list[Organisation]:
    """The organisation right before ``pos`` and those joined to it by "và"/"und"/"and"."""
    before = [(p, o) for p, o in mentions if p < pos]
    if not before:
        return []
    listed, following = [before[-1][1]], before[-1][0]
    for p, org in reversed(before[:-1]):
        if not _joined(p, following, and_positions):
            break
        listed.append(org)
        following = p
    return listed


def _by_markers(cues: dict[str, list[int]], mentions: list[tuple[int, Organisation]],
                verb_final: bool) -> list[Relation] | None:
    """Direction from the word nearest before each name: "cho B" / "dem B" / "to B" mark
    the recipient, "từ A" / "do A" / "von dem A" / "from A" the source. In Vietnamese and
    English the directing verb stands between the parties; German may put it last ("hat
    das A dem B die Techniken übertragen"). ``None`` when the markers decide nothing; no
    relation when every name is marked as a recipient."""
    verbs = [p for c in _DIRECTED for p in cues.get(c, [])]
    # "gemeinsam mit dem B": the dative after "mit" marks a partner, not a recipient
    to = set(cues.get("to", [])) - {w + 1 for w in cues.get("with", [])}
    source = set(cues.get("from", [])) | set(cues.get("by", []))
    # "với sự hỗ trợ của 8 chuyên gia của Bệnh viện X": the "của" after an agentive phrase marks the giver
    by = cues.get("by", [])
    source |= {p for p in cues.get("of", []) if any(p - 8 <= b < p for b in by)}
    # "doctors from A will receive training at B": those from A are the receivers, A gives nothing
    receipts = sorted(p for c in ("receive", "receive_transfer", "receive_from") for p in cues.get(c, []))
    origin = set(cues.get("from", []))
    # "A trained 40 nurses from B": staff from B, after the giving verb, are those given to
    giving = [p for c in ("support", "transfer") for p in cues.get(c, [])]
    # (not "trained by experts from B": the agent's staff give)
    staff_from = {p for p in origin if any(p - 3 <= s < p and not any(s - 2 <= b <= s for b in by)
                                           for s in cues.get("staff_from", []))
                  and any(v < p for v in giving)}
    # "A will help train 15 doctors of the B": the staff phrase itself marks the one given to
    staff_from |= {s for s in cues.get("staff_of", []) if any(v < s for v in giving)}
    to |= staff_from
    recipients, sources, previous = [], [], -1
    listing = set(cues.get("listing", []))
    teams = cues.get("team", [])
    for k, (pos, org) in enumerate(mentions):
        following = mentions[k + 1][0] if k + 1 < len(mentions) else 1 << 30
        # "cho 8 bệnh viện tuyến huyện gồm A, B và C": a list's marker carries the "cho" before its head; so
        # does a team's ("assistance from a Korean team at the A")
        team = next((t for t in teams if pos - 6 <= t < pos), None)
        reach = pos - team + 12 if team is not None else 10 if pos - 1 in listing else 6
        for p in range(pos - 1, max(previous, pos - reach), -1):
            if p in source and p not in staff_from:
                if not (p in origin and any(pos < r < following for r in receipts)):
                    sources.append(org)
                break
            if p in to:
                recipients.append(org)
                break
        previous = pos
    joins = set(cues.get("and", []))
    # "von A, B und der C unterstützt", "do A và B tài trợ": a marked source's list gives with it
    sources = distinct_orgs(o for s in sources for o in listed_after(
        mentions, next(p for p, o in mentions if o is s) - 1, joins) if o not in recipients)
    taker = recipients[0] if recipients else None
    if staff_from and taker is not None:
        # "(With a grant from C,) A trained 40 nurses from B": A, the one before the verb, trains B; C gives to A
        marker = min(staff_from)
        trainer = _before(mentions, max(v for v in giving if v < marker))
        if trainer is not None and trainer is not taker:
            kind = "transfer" if "transfer" in cues and max(v for v in giving if v < marker) in cues["transfer"] \
                else "support"  # "A transferred the technique to doctors of B"
            # ("… 52 cán bộ y tế của A và B": staff of every listed hospital are trained)
            taken = listed_after(mentions, next(p for p, o in mentions if o is taker) - 1, joins)
            return [Relation(trainer, t, kind, trainer, True) for t in distinct_orgs(taken)
                    if t.id != trainer.id] + [
                Relation(s, trainer, "support", s, True) for s in distinct_orgs(sources)
                if s.id not in (trainer.id, taker.id)] or None
    giver = next((o for o in sources if o is not taker), None)
    if taker is None and giver is None:
        return None
    if giver is None and len(recipients) == len(mentions) >= 2:
        return []  # every name is given to, none gives
    if taker is None and len(sources) == len(_distinct(mentions)) >= 2:
        return []  # every name gives ("ein Geschenk der A und des B"): the one given to is named elsewhere
    if not verb_final and not any(mentions[0][0] < p < mentions[-1][0] for p in verbs) and not sources:
        return None  # with the verb outside the names, a marked source must say who gives ("nhận chuyển giao từ A, B …")
    # (a name marked as a recipient gives nothing: "… được trao cho A, … cho B và … cho C" has no giver)
    given_to = {o.id for o in recipients}
    others = [o for _, o in mentions if o.id not in {getattr(taker, "id", None), getattr(giver, "id", None)}
              and o.id not in given_to]
    if taker is None and giver is not None:
        giver_pos = next(p for p, o in mentions if o.id == giver.id)
        co_givers = {o.id for o in listed_after(mentions, giver_pos - 1, joins)}
        others = [o for o in others if o.id not in co_givers]  # "von A und B unterstützt": B gives too
    if giver is None and not verb_final and any(p < v for p, _ in mentions for v in verbs):
        return None  # the giver stands before the verb unmarked ("A và B đã trao tặng … cho C"): see the support rules
    giver = giver or (others[0] if others else None)
    taker = taker or (others[0] if others else None)
    if giver is None or taker is None or giver.id == taker.id:
        return None
    kind = "transfer" if "transfer" in cues or "receive_transfer" in cues else "support"
    taker_pos = next(p for p, o in mentions if o.id == taker.id)
    takers = listed_after(mentions, taker_pos - 1, joins)  # "cho B, C và D": every listed recipient
    # every marked source gives: "dự án do JICA tài trợ, B tiếp nhận chuyển giao … từ Bệnh viện C"; so
    # does the subject of a giving verb ("A handed over … to B under a grant of C")
    giving = [p for c in ("transfer", "support") for p in cues.get(c, [])]
    subject = mentions[0][1] if giving and mentions[0][0] < min(giving) and not any(
        c in cues for c in ("receive", "receive_transfer", "receive_from")) and not any(
        b < min(giving) for b in cues.get("by", [])) and not any(
        min(giving) < o <= min(giving) + 3 for o in cues.get("of", []) + cues.get("by", [])) else None
    # (not a passive's subject, "B được A hỗ trợ", nor the one who praises "sự hỗ trợ của A")
    # "Der Verbund A und das B haben an das C … gespendet": the subject's whole list gives
    with_subject = listed_after(mentions, mentions[0][0] - 1, joins) if subject is not None else []
    givers = distinct_orgs(o for o in [giver] + sources + [subject] + with_subject if o is not None
                           and o.id not in {t.id for t in takers})
    return [Relation(g, t, kind, g, True) for g in givers for t in distinct_orgs(takers)
            if t.id != g.id] or None


def agreement(a: Organisation, b: Organisation, city_ids: frozenset[str],
              receiving: frozenset[str] = frozenset()) -> Relation:
    if (a.id in receiving) != (b.id in receiving):  # a partner in Ghana or Laos receives
        return Relation(a, b, "agreement", b if a.id in receiving else a, False)
    if a.resolved or b.resolved:
        ra, rb = capacity_rank(a, city_ids), capacity_rank(b, city_ids)
    else:  # two names the gazetteer does not know: their levels are guesses, only their kinds count
        ra, rb = _unknown_rank(a), _unknown_rank(b)
    supporter = a if ra > rb else b if rb > ra else None
    return Relation(a, b, "agreement", supporter, False)


_UNIVERSITY_HOSPITAL = re.compile(r"universit|uniklini|unimedizin|dai hoc|university")


def _unknown_rank(org: Organisation) -> float:
    """The kind's rank; a university hospital ranks as a university ("Rostocker Universitätsklinik"
    supports "Helios Kliniken Schwerin")."""
    rank = _KIND_RANK.get(org.kind, 2)
    if org.kind == "hospital" and _UNIVERSITY_HOSPITAL.search(fold(org.name)):
        rank = _KIND_RANK["university"]
    return rank


def _after_with_position(mentions, pos: int) -> tuple[int, Organisation | None]:
    return next(((p, o) for p, o in mentions if p > pos), (pos, None))


def distinct_orgs(orgs: Iterable[Organisation]) -> list[Organisation]:
    """Each organisation once, by id, in the order first met."""
    seen: dict[str, Organisation] = {}
    for org in orgs:
        seen.setdefault(org.id, org)
    return list(seen.values())


def _distinct(mentions: list[tuple[int, Organisation]]) -> list[Organisation]:
    return distinct_orgs(org for _, org in mentions)


def listed_after(mentions, pos: int, and_positions: set[int]) -> list[Organisation]:
    """The organisation right after ``pos`` and those joined to it by "và"/"und"/"and"."""
    listed: list[Organisation] = []
    previous = pos
    for p, org in mentions:
        if p <= pos:
            continue
        if listed and org is listed[-1]:  # "… Hoa Kỳ (USAID)": the same name again, in brackets
            previous = p
            continue
        if listed and not _joined(previous, p, and_positions):
            break
        listed.append(org)
        previous = p
    return listed


_RECEIVER_REACH = 7  # words from "cho"/"to" to the first name it gives to ("cho 3 bệnh viện tuyến huyện gồm A")


def _receivers_after(mentions, to: int, and_positions: set[int]) -> list[Organisation]:
    """Those listed right after "cho"/"to"; none when the first name is far after it ("giúp giảm
    tải cho các bệnh viện tuyến trên, nhất là khi bệnh viện X …": another clause's)."""
    if _after_with_position(mentions, to)[0] - to > _RECEIVER_REACH:
        return []
    return listed_after(mentions, to, and_positions)


_LIST_WORDS = 12  # words from one listed name to the next: more is another clause
_JOIN_REACH = 8  # the "và"/"und" of a list stands within this many words before the next name


def _joined(previous: int, following: int, and_positions: set[int]) -> bool:
    """Whether the names starting at word ``previous`` and ``following`` stand in one list
    ("A, B và C"), not in two clauses ("A … về kiểm soát nhiễm khuẩn và … C")."""
    if following - previous > _LIST_WORDS:  # a long aside ("A (QSNICH), under the Ministry of X, and B") still
        # lists B when its "and" stands right before it
        return following - previous <= 2 * _LIST_WORDS and any(following - 2 <= a < following for a in and_positions)
    return any(previous < a < following and following - a <= _JOIN_REACH for a in and_positions)


def _before(mentions, pos: int) -> Organisation | None:
    return _before_with_position(mentions, pos)[1]


def _before_with_position(mentions, pos: int) -> tuple[int, Organisation | None]:
    return next(((p, o) for p, o in reversed(mentions) if p < pos), (-1, None))


def _after(mentions, pos: int) -> Organisation | None:
    return _after_with_position(mentions, pos)[1]
