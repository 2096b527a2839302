"""Extraction of cooperation facts from articles: a pipeline of small stages.

read (:mod:`.reader`) → normalise (:mod:`.normalise`) → detect language (:mod:`.language`)
→ segment (:mod:`.segment`) → find mentions (:mod:`.mentions`) → resolve
(:mod:`.resolve`) → relate (:mod:`.relate`) → techniques and fields (:mod:`.techniques`)
→ dates (:mod:`.dates`). Each stage is a plain function, testable alone.
"""
from __future__ import annotations

import os
import re
import signal
import threading
from bisect import bisect_left, bisect_right
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import ahocorasick

from ..errors import HealthgraphError, InputError
from ..gazetteer import load_gazetteer, load_yaml
from ..model import Document, DocumentFacts, Evidence, Field, Organisation, Partnership, TechniqueTransfer, stable_id
from ..resources import data_file
from ..sources import walk_files
from ..text import fold
from .dates import TERM_WORDS, end_of_term, find_dates, find_term, find_validity, publication_date
from .language import detect_language
from .mentions import default_lexicon, find_mentions
from .names import is_country, is_nationality, place_names
from .normalise import FIELD_LABEL_WORDS, PARTNER_LABEL, fold_same_length, normalise
from .reader import JSONL_SUFFIXES, byte_ranges, count_newlines, read_documents, read_jsonl
from .relate import (KIND_PRIORITY, Relation, agreement, asked_or_surveyed, bare_heads, counted_group,
                     counted_partners, counted_receivers, counted_takers, cue_positions, distinct_orgs, find_cues, funded_partners,
                     hosted_gift, listed_after, named_donors, passive_givers, receivers_named, relate_sentence,
                     unnamed_giver, unnamed_partner, unnamed_recipient, vetoed)
from .resolve import in_brackets_after, known_organisation, resolve_mentions
from .segment import Sentence, split_sentences
from .techniques import FIELD_WORDS, TECHNIQUE_WORDS, Hints, find_fields, find_techniques, gloss, looks_like_technique
from .tokens import DOCUMENT_PHRASES, TokenText

__all__ = ["extract", "extract_iter", "extract_document", "extract_text", "resolve_name"]

_ACTIVITY_CUES = {
    "training": ("dao tao", "ausbildung", "schulung", "training"),
    "technology_transfer": ("chuyen giao", "transfer"),
    "staff_rotation": ("luan phien", "rotation"),
    "telehealth": ("tu xa", "telehealth", "telemedizin", "telemedicine"),
    "research": ("nghien cuu", "forschung", "research"),
    "remote_consultation": ("hoi chan",),
    "equipment": ("trang thiet bi", "ausstattung", "equipment"),
    "quality_management": ("quan ly chat luong", "qualitatsmanagement", "quality management"),
}


def extract_text(text: str, document_id: str = "document", *, path: str | None = None, title: str | None = None,
                 source: str | None = None, language: str | None = None,
                 published_on: str | None = None) -> DocumentFacts:
    """Extract the facts of one article given as a string.

    Parameters
    ----------
    text : str
        The article (plain text; any Unicode normal form, old or new tone marks).
    document_id : str
        Id of the document (the file stem for files).

    Returns
    -------
    DocumentFacts

    Examples
    --------
    >>> facts = extract_text("Bệnh viện Bạch Mai ký kết thỏa thuận hợp tác với Bệnh viện Đa khoa tỉnh Phú Thọ.")
    >>> [(p.parties, p.supporter) for p in facts.partnerships]
    [(('bach-mai', 'bvdk-phu-tho'), 'bach-mai')]
    """
    return extract_document(Document(id=document_id, text=text, path=path, title=title, source=source,
                                     language=language, published_on=published_on))


def extract_document(document: Document) -> DocumentFacts:
    """Run every stage of the pipeline on one :class:`Document`."""
    lexicon = default_lexicon()
    text = normalise(document.text)
    document.text = text
    tokens = TokenText.of(text)
    language = document.language = document.language or detect_language(tokens.words, text)
    document.published_on = document.published_on or publication_date(text)
    mentions = find_mentions(tokens, lexicon)
    resolved = resolve_mentions(tokens, mentions, lexicon, document.id)
    credits = [m.span() for m in _CREDIT.finditer(text)] if "(" in text else []
    if credits:  # "(Ảnh: FHF Việt Nam)", "(Photo: VNA)": who took the picture is no party
        resolved = [(m, org) for m, org in resolved if not any(a <= m.start < b for a, b in credits)]
    facts = DocumentFacts(document=document)

    def evidence_of(sentence: Sentence) -> Evidence:  # where a fact the sentence states was read
        return Evidence(document.id, sentence.text, language, document.source or document.path, sentence.start,
                        sentence.end)

    orgs: dict[str, Organisation] = {}
    for _, org in resolved:
        orgs.setdefault(org.id, org)
    city_ids = _city_ids()
    sentences = split_sentences(text)
    validity = _validity(sentences, tokens.key)
    best: dict[frozenset, tuple[int, Partnership, bool]] = {}
    all_fields: list[Field] = []
    # a cue inside a name is no cue: "Thanh Nhàn chuyển giao" is not "nhận chuyển giao"
    named = frozenset(k for m, _ in resolved for k in range(tokens.word_at(m.start), tokens.word_at(m.end)))
    all_cues = find_cues(tokens, named, document.language)
    # what a head without a name ("Bệnh viện đã …", "nhà trường", "the hospital") stands for
    departments = {org.id for _, org in resolved if _DEPARTMENT.fullmatch(org.name)}
    # (a department named by its field alone is no party: it stands for its hospital, see below)
    ranked, prominent = _ranked_parties([(m, org) for m, org in resolved if org.id not in departments])
    rank_of = {o.id: k for k, o in enumerate(ranked)}
    mains = {kind: [o for o in prominent if o.kind == kind] for kind in ("hospital", "university", "foreign_body", "company")}
    # "Đại sứ Hiroshi Fukada đã ký với …", "the Ambassador handed over …": the envoy acts for the article's mission
    mains["mission"] = [o for o in prominent if fold(o.name).startswith(_MISSION_HEADS)]
    has_main = any(mains.values())
    main_party = next(iter(prominent), None)
    receiving = _in_receiving_countries(resolved, text, document.language)
    sentence_mentions: list[list[tuple[int, Organisation]]] = []
    sentence_lists: list[list[list[Organisation]]] = []  # the lists ("A, B và C") each sentence names
    handed_to: list[Organisation] = []  # those the sentence before says something was given to, with no giver
    given_to, given_at = handed_to, 0  # the same, said in one of the sentences before, and which
    heads = None  # heads without a name, found on first need
    lone_giver: Organisation | None = None  # one who gave, with no receiver named, and in which sentence
    lone_giver_at = -10
    lone_giver_counted, lone_giver_kind = 0, "support"  # how many receivers it counted ("cho hai bệnh viện")
    visitor: Organisation | None = None  # whose delegation the article tells of, and in which sentence
    visitor_at = -100
    previous_takers: list[Organisation] = []  # who the sentence before says received, from a giver it names
    technique_hints, field_hints = Hints(TECHNIQUE_WORDS, tokens.key), Hints(FIELD_WORDS, tokens.key)
    # "UK Partner X" / "Developing Country Partner Y": a form's fields, each one side of the page's partnership
    field_lines = [m for m in _PARTNER_FIELD.finditer(text) if _only_names(m.group("value"))] if "Partner" in text else []
    partner_fields = [m.span("value") for m in field_lines]
    mention_index = 0
    for number, sentence in enumerate(sentences):
        # a fault on one sentence loses that sentence, not the article; it is reported with the facts
        try:
            in_sentence, spans = [], []
            while mention_index < len(resolved) and resolved[mention_index][0].start < sentence.end:
                m, org = resolved[mention_index]
                if m.start >= sentence.start:
                    in_sentence.append((tokens.word_at(m.start), org))
                    spans.append((m.start, m.end))
                mention_index += 1
            i, j = tokens.word_at(sentence.start), tokens.word_at(sentence.end)
            if not in_sentence and has_main and heads is None:
                heads = bare_heads(tokens, named)
            # a sentence that names no one is read only for a head that stands for someone ("the British hospital")
            # or for a word that stands for those a sentence before listed ("unterzeichneten die Partner")
            sentence_cues = cue_positions(all_cues, i, j)  # (the techniques a sentence names are read anyway)
            read = in_sentence or heads and _head_between(heads, i, j) or "group_anaphor" in sentence_cues
            cues = sentence_cues if read else {}
            if has_main and not cues.keys().isdisjoint(_RELATION_CUES):
                present = {org.id for _, org in in_sentence}
                if heads is None:
                    heads = bare_heads(tokens, named)
                taken_kinds = set()
                for pos, kind in heads[bisect_left(heads, (i, "")):]:
                    if pos >= j:
                        break
                    if kind in taken_kinds:
                        continue
                    # the organisation the article names most that this sentence does not name; or, after a
                    # giving verb, the one it names that does not give ("A … and B supports the hospital": A)
                    # ("the British hospital" is the foreign one, "the Vietnamese hospital" one that is not)
                    candidates = _of_nationality(mains[kind], [o for o in ranked if o.kind == kind],
                                                 tokens.words[pos + 1] if pos + 1 < j else "")
                    main = next((o for o in candidates if o.id not in present), None) \
                        or _named_receiver(candidates, in_sentence, cues, pos) \
                        or _named_with_head(tokens.words[pos:min(j, pos + 3)], ranked, kind, present)
                    if main is not None:
                        k = bisect_left([p for p, _ in in_sentence], pos)
                        in_sentence.insert(k, (pos, main))
                        spans.insert(k, tokens.char_span(pos, pos + 1))
                        present.add(main.id)
                        if candidates is mains[kind]:
                            # one bare head of a kind a sentence ("die Medizinische Fakultät und das Universitätsklinikum":
                            # two kinds); but "the British hospital … the Vietnamese hospital": two
                            taken_kinds.add(kind)
            if departments:
                in_sentence, spans = _departments_as_their_hospital(in_sentence, spans, departments, ranked, text)
            if len(in_sentence) > 2:
                in_sentence, spans = _without_speakers(in_sentence, spans, cues, tokens)
            if len(in_sentence) > 1:
                in_sentence, spans = _without_bracketed_aliases(in_sentence, spans, text)
                _join_comma_lists(in_sentence, spans, cues, text)
                _together_before_with(cues, tokens.words)
            in_sentence, spans = _without_bracketed_owners(in_sentence, spans, text)
            in_sentence, spans = _without_bystanders(in_sentence, spans, cues, tokens)
            # (not "các đơn vị nhận viện trợ gồm A, B và C", "4 đơn vị thành viên của X gồm: A, B": a plural its own
            # list names)
            count = None
            if (in_sentence or "group_anaphor" in cues) and (plural := counted_group(tokens.key, sentence.start,
                                                                                    sentence.end)):
                # "… staff from the three provincial hospitals": as many as a sentence before listed
                count, at = plural
                cues.setdefault("group_anaphor", [tokens.word_at(at)])
            group = _group_listed_before(sentence_mentions, sentence_lists, in_sentence, count) \
                if "group_anaphor" in cues and not any(
                g < k <= g + 12 for g in cues["group_anaphor"] for k in cues.get("listing", ())) else []
            if group:  # "… giúp đội ngũ của các đơn vị này": the first of those listed stands for them all
                k = bisect_left([p for p, _ in in_sentence], cues["group_anaphor"][0])
                in_sentence.insert(k, (cues["group_anaphor"][0], group[0]))
                spans.insert(k, tokens.char_span(cues["group_anaphor"][0], cues["group_anaphor"][0] + 1))
            if "there_anaphor" in cues and not group and ("cooperate" in cues or "sign" in cues):
                # "Die erste Station war das Bach Mai Hospital. Mit den Ärzten der dortigen Kardiologie besteht eine
                # Partnerschaft": "dortig" (there) is the one the sentence before named last
                present = {o.id for _, o in in_sentence}
                there = next((o for before in reversed(sentence_mentions[-2:]) for _, o in reversed(before)
                              if o.id not in present), None)
                if there is not None:
                    at = cues["there_anaphor"][0]
                    k = bisect_left([p for p, _ in in_sentence], at)
                    in_sentence.insert(k, (at, there))
                    spans.insert(k, tokens.char_span(at, at + 1))
            sentence_mentions.append(in_sentence)
            joins = set(cues.get("and", ()))
            sentence_lists.append([listed for p, _ in in_sentence
                                   if len(listed := listed_after(in_sentence, p - 1, joins)) > 1])
            relations = [r for part_cues, part in _clauses(cues, in_sentence, i, j)
                         for r in relate_sentence(part_cues, part, city_ids, verb_final=document.language == "de",
                                                  receiving=receiving)]
            if group and not relations and len({o.id for _, o in in_sentence}) == 1 \
                    and ("sign" in cues or "cooperate" in cues) and not vetoed(cues) \
                    and not _signed_with_one(group, best):
                # "A, B und C wollen … Einen Kooperationsvertrag unterzeichneten die Partner heute": among themselves
                relations = relate_sentence({"sign": [len(group)]}, list(enumerate(group)), city_ids,
                                            receiving=receiving)
            elif group:  # each of the others is in the relations the first one is in
                relations += [replace(r, a=other if r.a is group[0] else r.a, b=other if r.b is group[0] else r.b,
                                      supporter=other if r.supporter is group[0] else r.supporter)
                              for r in relations if group[0] in (r.a, r.b) for other in group[1:]
                              if other is not r.a and other is not r.b]
            if relations and "and" in cues:
                relations = _with_co_givers(relations, cues, in_sentence, tokens.words)
            if relations and "by" in cues:
                relations = _funded_implementer(relations, cues, in_sentence, spans, tokens)
            if len(relations) > 1 and ";" in sentence.text:
                relations = _elided_givers(relations, in_sentence, cues, tokens)
            if relations and "to" in cues and ("receive" in cues or "receive_from" in cues):
                relations = _without_go_betweens(relations, cues, in_sentence)
            if relations and "with" in cues:
                relations = _without_unnamed_partners(relations, cues, in_sentence, tokens)
            if not relations and len(in_sentence) > 1 and _opens_on_a_place(tokens, text, i, in_sentence[0][0]):
                relations = hosted_gift(cues, in_sentence)
            if not relations and "guest_staff" in cues:
                relations = _guests_hosted(cues, in_sentence, mains["hospital"] + mains["university"])
            if not relations and "joined_network" in cues:
                relations = _joined_the_network(in_sentence, [o for o in ranked if o.kind in ("hospital", "university")])
            if (delegation := _delegation_of(cues, in_sentence)) is not None:
                visitor, visitor_at = delegation, number
            elif not relations and visitor is not None and number - visitor_at <= 12 \
                    and (host := _agreed_at(cues, in_sentence)) is not None and host.id != visitor.id:
                # "Eine Delegation des A war zu Gast … Am B wurde ebenfalls eine Kooperation vereinbart": A and B
                relations = [agreement(visitor, host, city_ids, receiving)]
            # a giver the sentences just before named without a receiver ("Công ty X đã tặng 2 máy …")
            recent_giver = lone_giver if number - lone_giver_at <= 3 else None
            if not relations and recent_giver is not None and lone_giver_counted:
                # "USAID viện trợ … cho hai bệnh viện tuyến huyện. … tại Bệnh viện A … và tại Bệnh viện B": the two
                # (or "A und drei Krankenhäuser haben … unterzeichnet. Das B, die C und das D …": the three signed)
                relations = [Relation(recent_giver, taker, lone_giver_kind,
                                      None if lone_giver_kind == "agreement" else recent_giver, True)
                             for taker in counted_takers(in_sentence, recent_giver, lone_giver_counted,
                                                         receives="receive" in cues)]
            if not relations and in_sentence and main_party is not None:
                # "(A) được cấp cho B, C và D. Số máy này do E tài trợ.": E gave to those just named; "A bàn giao … cho
                # B và C. Chương trình do E tài trợ": the programme A handed over is E's gift to them as well
                funded = previous_takers if not handed_to and _GIFT_OPENING.match(tokens.key, sentence.start) else []
                relations = passive_givers(cues, in_sentence, recent_giver or main_party,
                                           recipients=handed_to or funded) or named_donors(cues, in_sentence, given_to)
            if not relations and previous_takers and "support" in cues \
                    and len(orgs_named := distinct_orgs(o for _, o in in_sentence)) == 1 \
                    and _TO_THAT_PROJECT.search(tokens.key, sentence.start, sentence.end):
                # "A signed a contract for the project … for B. The Government of C agreed to extend a grant aid to the
                # above project": C gives to B
                relations = [Relation(orgs_named[0], taker, "support", orgs_named[0], True) for taker in previous_takers
                             if taker.id != orgs_named[0].id]
            handed_to = receivers_named(cues, in_sentence) if not relations else []
            # "The donors are …" may follow a caption or two: those given to stay in mind until a relation is stated
            if relations or number - given_at > 3:
                given_to = []
            if handed_to:
                given_to, given_at = handed_to, number
            if not relations and in_sentence and ranked:
                # the topic: the most prominent party the four sentences before name
                recent = {o.id for named in sentence_mentions[-5:-1] for _, o in named}
                first = min((rank_of[oid] for oid in recent if oid in rank_of), default=None)
                topic = [] if first is None else [ranked[first]]
                givers = [recent_giver] + ranked if recent_giver is not None else ranked
                relations = unnamed_giver(cues, in_sentence, givers) or unnamed_partner(
                    cues, in_sentence, topic, city_ids, i) or (
                    unnamed_recipient(cues, in_sentence, topic, i) if document.language == "vi" else [])
            if not relations and (giving := _lone_giver(cues, in_sentence)) is not None:
                counted = counted_receivers(tokens.key[sentence.start:sentence.end])
                # "A trao … cho 3 trung tâm y tế. … A đã tổ chức lễ bàn giao …": named again without a count, the
                # same giver still gives to the three the sentences after name
                if counted or giving is not recent_giver:
                    lone_giver_counted = counted
                lone_giver, lone_giver_at = giving, number
                lone_giver_kind = "transfer" if "transfer" in cues else "support"
            elif not relations and (signer := _lone_signer(cues, in_sentence)) is not None \
                    and (count := counted_partners(tokens.key[sentence.start:sentence.end])):
                lone_giver, lone_giver_at, lone_giver_counted, lone_giver_kind = signer, number, count, "agreement"
            techniques = find_techniques(sentence.text, tokens.key[sentence.start:sentence.end]) \
                if technique_hints.between(sentence.start, sentence.end) \
                or field_hints.between(sentence.start, sentence.end) else []
            # "… từ các bệnh viện như A, B, Viện Huyết học …": a list item that is a name is no technique
            techniques = [t for t in techniques if not any(s <= sentence.start + t.start < e for s, e in spans)]
            techniques = [t for t in map(_without_place, techniques) if t is not None
                          and not _seat_of_a_name(tokens.text, t, sentence.start, spans)]
            if techniques and asked_or_surveyed(cues or sentence_cues):
                techniques = []  # "mong muốn … chuyển giao kỹ thuật X", "khảo sát …": asked for or surveyed, not given
            elif techniques and not in_sentence and not _PASSED_ON.intersection(cues or sentence_cues) and not (
                    "pair_anaphor" in sentence_cues and "cooperate" in sentence_cues):
                # "Các kỹ thuật phức tạp như X, Y còn hạn chế": named, passed on by no one (but "hai bên sẽ hợp tác …,
                # phát triển kỹ thuật X": the partners' technique)
                techniques = []
            if "cooperate" in cues and "support" in cues and in_sentence:
                # "Die Partnerschaft wird vom BMZ gefördert": the donor of the pair the article has named
                pair = next((p.parties for _, p, _ in best.values() if p.kind == "agreement"), ())
                # (not a donor the sentence already relates: "Mit Unterstützung der X baut A gemeinsam mit B …")
                related = {o.id for q in relations for o in (q.a, q.b)}
                relations += [r for r in funded_partners(cues, in_sentence, [orgs[x] for x in pair if x in orgs])
                              if r.a.id not in related]
            if relations and "owner_before" in cues:
                relations = _without_owners(relations, cues, in_sentence, tokens.words)
            # a takeover, a patient moved or a handover vetoes the sentence, whichever reading related it (and a
            # form's field lists one side: "Partner Hospitals A and B" are no partners of each other)
            relations = [] if "not_partnership" in cues or _handed_over(cues, in_sentence) \
                or any(m.start() <= sentence.start and sentence.end <= m.end() + 1 for m in field_lines) \
                else [r for r in relations if not _one_state(r.a, r.b)]
            previous_takers = distinct_orgs(r.b if r.supporter is r.a else r.a for r in relations
                                            if r.supporter is not None) if relations else []
            if relations or techniques:
                evidence = evidence_of(sentence)
                # "Ngày 25/2, A làm việc với B. Sau buổi làm việc, A đã ký kết …": the day told just before
                before = sentences[number - 1].text if number and _GOES_ON.match(sentence.text) else ""
                for rel in relations:
                    _keep_best(best, rel, evidence, sentence.text, validity, signing="sign" in cues, before=before)
                for item in techniques:
                    facts.techniques.append(_transfer(item.name, in_sentence, cues, evidence, document.published_on))
            if field_hints.between(sentence.start, sentence.end):
                for item in find_fields(sentence.text, tokens.key[sentence.start:sentence.end]):
                    concept = gloss(item.name, "specialties")
                    all_fields.append(Field(item.name, concept.en if concept else None, concept.id if concept else None))
        except Exception as exc:  # noqa: BLE001 - any fault, reported with the facts
            facts.skipped.append(f"sentence at {sentence.start}-{sentence.end}: {type(exc).__name__}: {exc}")
            del sentence_mentions[number:], sentence_lists[number:]
            sentence_mentions.append([])
            sentence_lists.append([])
    if len(partner_fields) > 1:
        sides = [distinct_orgs(org for m, org in resolved if a <= m.start < b) for a, b in partner_fields]
        evidence = Evidence(document.id, "\n".join(text[a:b] for a, b in partner_fields), language,
                            document.source or document.path, partner_fields[0][0], partner_fields[-1][1])
        for k, side in enumerate(sides):
            for other in sides[k + 1:]:
                for a, b in ((a, b) for a in side for b in other if a.id != b.id):
                    _keep_best(best, agreement(a, b, city_ids, receiving), evidence, evidence.sentence, validity)
    try:
        _pair_by_anaphor(best, all_cues, sentences, tokens, ranked, sentence_mentions, evidence_of, city_ids,
                         validity, receiving)
    except Exception as exc:  # noqa: BLE001 - as for a sentence: the pairs found so far stay
        facts.skipped.append(f"pairing across sentences: {type(exc).__name__}: {exc}")
    partnerships = [p for _, p, _ in best.values()]
    if validity[2]:  # "có thời hạn 5 năm": the end, from the day it was signed
        for p in partnerships:
            start = p.signed_on or p.valid_from
            if p.valid_to is None and start:
                p.valid_to = end_of_term(start, validity[2])
    # once per document, each field once: per partnership and with repeats, a long article is quadratic
    fields = list({(f.name, f.en, f.concept): f for f in all_fields}.values())
    activities = _activities(tokens)
    for p in partnerships:
        p.fields = list(fields)
        p.activities = list(activities)
    facts.partnerships = partnerships
    facts.fields = all_fields
    _direct_transfers(facts, partnerships)
    facts.techniques = _once_each(facts.techniques)
    active = {x for p in partnerships for x in p.parties} | {t.source for t in facts.techniques} | {
        t.recipient for t in facts.techniques}
    facts.organisations = sorted(orgs.values(), key=lambda o: (o.id not in active, o.id))
    facts.dates = {k: v for k, v in (("published_on", document.published_on), ("valid_from", validity[0]),
                                     ("valid_to", validity[1])) if v}
    return facts


_VALIDITY_CONTEXT = ("hop tac", "ky ket", "thoa thuan", "thoi han", "hieu luc", "zusammenarbeit", "kooperation",
                     "vereinbarung", "zeitraum", "laufzeit", "agreement", "cooperation", "partnership", "memorandum",
                     "valid", "vertrag", "contract", "mou")


@lru_cache(maxsize=1)
def _city_ids() -> frozenset[str]:
    return frozenset(p.id for p in load_gazetteer().provinces.values() if p.type == "city")


def _validity(sentences, key: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The validity period stated where the article speaks of the agreement (a "giai đoạn
    2020 - 2025" of a training plan is not the agreement's), and its term ("có thời hạn 5
    năm", "gilt fünf Jahre"), which dates its end from the signing. ``key`` is the folded text."""
    context = Hints(_VALIDITY_CONTEXT, key)
    term = None
    for sentence in sentences:
        if context.between(sentence.start, sentence.end):
            period = find_validity(sentence.text)
            if period != (None, None):
                return *period, None
            if term is None:
                sentence_key = key[sentence.start:sentence.end]  # sliced once, not per word
                if any(word in sentence_key for word in TERM_WORDS):
                    term = find_term(sentence.text)
    return None, None, term



_MAIN_PARTY_KINDS = frozenset({"hospital", "university", "company", "institute", "foreign_body", "health_centre",
                               "organisation", "health_department", "people_committee", "ministry"})


# after a name, its place in brackets, after a dash or after "in" (or whom it is named after): "A (Lao Cai), B",
# "A - Lao Cai, B - Phu Tho and C", "dem Klinikzentrum A in Uzhgorod, der Universität B nach Danylo Halytskyy und …",
# "dem NDSB „Okhmatdet“, dem …" (a name in quotes after an acronym)
_PLACE_AFTER = (r"(?:\([^()]{0,40}\)|[ \t]+[„“\"«][^„“”\"«»]{1,40}[“”\"»]|(?:[ \t]+[-–]|[ \t]+(?:in|aus|nach|von|named after))[ \t]+[^\W\d_][^\W_]*(?:[ \t]+[^\W\d_][^\W_]*){0,3}"
                r"(?=[ \t]*(?:[,;]|and\b|und\b|và\b)))?")
# (German declines the adjectives before the next name's head: "…, dem regionalen klinischen Krankenhaus X")
_LIST_GAP = re.compile(r"\s*" + _PLACE_AFTER + r"\s*[,;]\s*(?:(?:in der|im|in|am|an der|bei der|beim|at|der|die|das|dem|"
                       r"den|des|the)\s+(?:[a-zäöüß-]+(?:en|er|es|em|e)\s+){0,3})?")


def _without_bracketed_aliases(in_sentence, spans, text: str):
    """"A (VNVC), B và C": the acronym in brackets after a name is that name again, no item of a list."""
    keep = [k for k in range(len(spans)) if not (
        k and in_sentence[k][1] is in_sentence[k - 1][1] and _opens_bracket(text[spans[k - 1][1]:spans[k][0]])
        and text[spans[k][1]:spans[k][1] + 1] == ")")]
    if len(keep) == len(spans):
        return in_sentence, spans
    return [in_sentence[k] for k in keep], [spans[k] for k in keep]


def _opens_bracket(gap: str) -> bool:
    """The words between a name and its alias: a bracket, perhaps after the name's last words that no
    reading took ("Tổ chức Phẫu thuật nụ cười quốc tế (Operation Smile)")."""
    return gap.rstrip().endswith("(") and len(gap) <= 24 and not any(c in gap for c in ",;.")


def _join_comma_lists(in_sentence, spans, cues, text: str) -> None:
    """"A, B và C", "A, B, C": names one comma apart are listed like names joined by "và"/"and"
    (a half position between them marks the join), when the list has three names or ends on
    "và"/"and": "được sự giúp đỡ của A, B đã …" closes a clause with its comma."""
    ands = set(cues.get("and", []))
    run: list[int] = []  # indexes of the names after each comma of the current run
    for k in range(1, len(spans) + 1):
        if k < len(spans) and _LIST_GAP.fullmatch(text, spans[k - 1][1], spans[k][0]):
            run.append(k)
            continue
        # ("A, B and the C nonprofit": the list ends on "and" even when its last item is no name read)
        ends_on_and = k < len(spans) and any(in_sentence[k - 1][0] < a < in_sentence[k][0] for a in ands) \
            or bool(_AND_NEXT.match(text, spans[k - 1][1])) \
            or bool(_LIST_GOES_ON.match(text, spans[k - 1][1]))  # "cho A, B, hệ thống trạm y tế xã, …"
        # "từ các bệnh viện như A, B.": a list its opener announces needs no "và"
        announced = run and _LIST_OPENER.search(text, max(0, spans[run[0] - 1][0] - 30), spans[run[0] - 1][0])
        if len(run) >= 2 or run and (ends_on_and or announced):
            cues.setdefault("and", []).extend(in_sentence[j][0] - 0.5 for j in run)
        run = []


_CREDIT = re.compile(r"\((?:ảnh|photo|foto|bild|nguồn|source|quelle)\s*:[^()]{0,80}\)", re.IGNORECASE)


def _opens_on_a_place(tokens: TokenText, text: str, first_word: int, named_at: int) -> bool:
    """"Tại Bệnh viện X, …", "Sáng 5/3, tại Bệnh viện X, …": the sentence opens on the place its
    first organisation is (after a time, if any)."""
    at = named_at - 1
    if at < first_word or tokens.words[at] not in ("tai", "at"):
        return False
    return at == first_word or at - first_word <= 6 and text[tokens.char_span(at - 1, at)[1]:
                                                              tokens.char_span(at, at + 1)[0]].strip() == ","


_TOGETHER = frozenset({"together", "along", "in", "zusammen", "gemeinsam"})  # "together with", "in partnership with"


def _with_co_givers(relations: list[Relation], cues, in_sentence, words) -> list[Relation]:
    """"Together with B, A donated … to C", "A spendete in einer Partnerschaft mit B und C dem D …":
    those named after "together with" give with the giver next to them, and receive nothing from it."""
    joins = set(cues["and"])
    given = [r for r in relations if r.kind in ("support", "transfer") and r.explicit and r.supporter is not None]
    for pos in cues["and"]:
        if not isinstance(pos, int) or words[pos] not in _TOGETHER or not given:  # (a comma's place is a fraction)
            continue
        co_givers = listed_after(in_sentence, pos, joins)
        if not co_givers or min(p for p, o in in_sentence if o is co_givers[0] and p > pos) - pos > 6:
            continue  # "leitet zusammen mit Dr. X, Leiterin … des Klinikums B": a person, of B
        last = max(p for p, o in in_sentence if o is co_givers[-1])
        nearest = [o for p, o in in_sentence if p < pos][-1:] + [o for p, o in in_sentence if p > last][:1]
        giver = next((o for o in nearest for r in given if r.supporter is o and o not in co_givers), None)
        if giver is None:
            continue
        # "in partnership with B": A and B are partners as well ("together with B": they only give together)
        partners = words[pos] == "in"

        def to_co_giver(r: Relation) -> bool:
            return r.supporter is giver and (r.a in co_givers or r.b in co_givers)
        kept = [replace(r, kind="agreement", supporter=None, explicit=False) if to_co_giver(r) else r
                for r in relations if partners or not to_co_giver(r)]
        receivers = [(r.b if r.a is giver else r.a, r.kind) for r in given if r.supporter is giver
                     and r.a not in co_givers and r.b not in co_givers]
        relations = kept + [Relation(o, taker, kind, o, True) for o in co_givers for taker, kind in receivers
                            if taker is not o and not any(r.supporter is o and taker in (r.a, r.b) for r in kept)]
        if partners:
            relations += [Relation(giver, o, "agreement", None, False) for o in co_givers
                          if not any(giver in (r.a, r.b) and o in (r.a, r.b) for r in relations)]
    return relations


_ASIDE_OPENERS = frozenset({"with", "mit", "voi"})  # "X, with funding from Y, …", "X, mit Unterstützung der Y, …"


def _funded_implementer(relations: list[Relation], cues, in_sentence, spans, tokens: TokenText) -> list[Relation]:
    """"X, with funding from Y, has handed over … to B": Y funds X, and X, who acts, gives to B
    (not Y to B). The funder stands in an aside opened by a comma right after the one who acts."""
    for pos in cues["by"]:  # (the place of the phrase's last word: "with funding from")
        opener = next((w for w in range(max(pos - 4, 0), pos + 1) if tokens.words[w] in _ASIDE_OPENERS), None)
        if opener is None:
            continue
        k = bisect_left([p for p, _ in in_sentence], opener) - 1
        funder = next((o for p, o in in_sentence if pos < p <= pos + 8), None)
        if k < 0 or funder is None or opener - in_sentence[k][0] > 6 or in_sentence[k][1] is funder \
                or tokens.text[spans[k][1]:tokens.char_span(opener, opener + 1)[0]].strip() != ",":
            continue
        actor = in_sentence[k][1]
        given = [r for r in relations if r.supporter is funder and actor not in (r.a, r.b)
                 and r.kind in ("support", "transfer")]
        relations = [r for r in relations if not any(r is g for g in given)] + [
            Relation(actor, r.b if r.a is funder else r.a, r.kind, actor, True) for r in given]
        if any(r.supporter is actor for r in relations) and not any(
                r.supporter is funder and actor in (r.a, r.b) for r in relations):
            relations.append(Relation(funder, actor, "support", funder, True))
    return relations


def _without_owners(relations: list[Relation], cues, in_sentence, words) -> list[Relation]:
    """"A là bệnh viện trực thuộc Bộ Y tế", "B, a subsidiary of C": a body and the one it belongs to
    are no partners, however few others the sentence names (a venue, "at C", "tại trụ sở C", may be)."""
    owned = set()
    for p in (p for p in cues["owner_before"] if words[p] not in _VENUE_WORDS):
        before = next((o for pos, o in reversed(in_sentence) if pos < p), None)
        for _, owner in _owner_after(p, in_sentence):
            if before is not None:
                owned.add(frozenset((before.id, owner.id)))
    return [r for r in relations if frozenset((r.a.id, r.b.id)) not in owned]


def _owner_after(p: int, in_sentence, others=()) -> list[tuple[int, Organisation]]:
    """The name that an owner phrase at word ``p`` names: the first within five words of its first
    ("đơn vị thành viên của X"), with none of the words ``others`` (other cues) between; or none."""
    return next(([(pos, o)] for pos, o in in_sentence if p < pos <= p + 5 and not any(p < q < pos for q in others)), [])


_VENUE_WORDS = frozenset({"at", "tru", "tai"})


def _without_go_betweens(relations: list[Relation], cues, in_sentence) -> list[Relation]:
    """"Hội X đã tiếp nhận 8 tỷ đồng của G tài trợ cho dự án xây dựng Bệnh viện Y": who receives a gift
    meant for another named after "cho"/"to" passes it on; the giver supports Y, not X."""
    received = min(cues.get("receive", []) + cues.get("receive_from", []))
    takers = {o.id for pos, o in in_sentence if pos < received}
    meant = {o.id for pos, o in in_sentence if any(received < t < pos <= t + 8 for t in cues["to"])}
    if not takers or not meant or takers & meant:
        return relations
    givers = {r.supporter.id for r in relations if r.supporter is not None and {r.a.id, r.b.id} & meant}
    return [r for r in relations if not (r.supporter is not None and r.supporter.id in givers
                                         and {r.a.id, r.b.id} & takers)]


def _without_unnamed_partners(relations: list[Relation], cues, in_sentence, tokens: TokenText) -> list[Relation]:
    """"Hospitals such as A, B and C have signed affiliation agreements with smaller community
    hospitals": those listed signed with others the sentence does not name, not with each other. But
    "A, B und C haben mit anderen Krankenhäusern ein Netzwerk gegründet": who found a body together
    are all partners in it."""
    if "founded_body" in cues:
        return relations
    last = max(p for p, _ in in_sentence)
    plurals = cues.get("unnamed_partners", ())
    for w in cues["with"]:
        if not isinstance(w, int) or w < last:
            continue
        if any(w < k < w + 6 and not any(tokens.text[tokens.char_starts[q]].isupper() for q in range(w + 1, k))
               for k in plurals):
            return [r for r in relations if r.kind != "agreement"]
    return relations


def _clauses(cues, in_sentence, i: int, j: int):
    """"A will cooperate with B while C will work with D": two clauses, each relating its own
    names, when each names two at least; else the sentence whole."""
    joiner = next((k for k in cues.get("clause_joiner", ()) if i < k < j - 1), None)
    if joiner is None:
        return [(cues, in_sentence)]
    before = [m for m in in_sentence if m[0] < joiner]
    after = [m for m in in_sentence if m[0] > joiner]
    if len({o.id for _, o in before}) < 2 or len({o.id for _, o in after}) < 2:
        return [(cues, in_sentence)]
    split = [{c: [p for p in ps if p < joiner] for c, ps in cues.items()},
             {c: [p for p in ps if p > joiner] for c, ps in cues.items()}]
    return [({c: ps for c, ps in part.items() if ps}, names) for part, names in zip(split, (before, after))]


def _elided_givers(relations: list[Relation], in_sentence, cues, tokens: TokenText) -> list[Relation]:
    """"A trao tặng B 10 máy thở; trao tặng C 100 máy tạo ô xy": after a semicolon the giving verb
    keeps the clause before's giver, and B, named before the semicolon, gives nothing to C."""
    at: dict[str, int] = {}
    for pos, org in in_sentence:
        at.setdefault(org.id, pos)
    giving = sorted(cues.get("support", []) + cues.get("transfer", []))
    out = []
    for r in relations:
        if r.supporter is None or r.kind not in ("support", "transfer"):
            out.append(r)
            continue
        giver, taker = r.supporter, (r.b if r.supporter is r.a else r.a)
        g, t = at.get(giver.id), at.get(taker.id)
        before = next((q.supporter for q in relations if q.supporter is not None and q.supporter is not giver
                       and giver in (q.a, q.b) and q.kind == r.kind), None)
        if before is None or g is None or t is None or g >= t:
            out.append(r)
            continue
        start, end = tokens.char_span(g, t + 1)
        semicolon = tokens.text.find(";", start, end)
        cue = next((c for c in giving if semicolon < tokens.char_starts[c] < tokens.char_starts[t]), None)
        if semicolon < 0 or cue is None or any(semicolon < tokens.char_starts[p] < tokens.char_starts[cue]
                                               for p, o in in_sentence if o is giver):
            out.append(r)
            continue
        out.append(Relation(before, taker, r.kind, before, True))
    return out


def _together_before_with(cues, words) -> None:
    """"A cùng B, C đã ký thỏa thuận với D và E": a "cùng" (together with) before the sentence's
    "với" joins the signers on one side, like "và"."""
    withs = cues.get("with", ())
    together = [p for p in withs if words[p] == "cung" and any(q > p and words[q] == "voi" for q in withs)]
    if together:
        cues["with"] = [p for p in withs if p not in together]
        cues.setdefault("and", []).extend(together)


_AND_NEXT = re.compile(r"\s*" + _PLACE_AFTER + r"\s*,?\s*(?:and|und|và|sowie)\s", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r",[ \t]+(?:hệ thống|các|những|nhiều|the|other|several|die|weitere|mehrere)\s", re.IGNORECASE)
# (and a partner's marker: "phối hợp với A, B tổ chức …", "phối hợp cùng A, B")
_LIST_OPENER = re.compile(r"(?:\bnhư|\bgồm|\blà|\bincluding|\bsuch as|\bnamely|\bwie|\bdarunter|\bnämlich|"
                          r"\bphối hợp với|\bphối hợp cùng|\bhợp tác với|\bcùng với)\s*:?\s*$", re.IGNORECASE)


_PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be", "being", "wurde", "wurden", "worden", "duoc"})


def _without_speakers(in_sentence, spans, cues, tokens: TokenText):
    """"Sở Y tế TP.HCM cho biết A đã ký kết với B", "Theo Sở Y tế, ...", "X chair Tom Patti
    said": the organisation that reports the news is no party to it, nor is the owner of a
    party ("B under the C Fund", "B (thuộc Tập đoàn C)"), when two others are named."""
    # "…, which was announced": a passive reporting verb has no reporter
    after = {p for p in cues.get("reporter_after", ()) if p == 0 or tokens.words[p - 1] not in _PASSIVE_AUXILIARIES}
    before = set(cues.get("reporter_before", ()))
    if not after and not before and "owner_before" not in cues:
        return in_sentence, spans
    # (not "signed at the ceremony with X": another cue between the phrase and the name)
    others = sorted(q for c, ps in cues.items() if c != "owner_before" for q in ps) if "owner_before" in cues else []
    owners = {pos for p in cues.get("owner_before", ()) for pos, _ in _owner_after(p, in_sentence, others)}
    dropped = set()
    for (pos, org), (_, end) in zip(in_sentence, spans):
        end_word = tokens.word_at(end)
        if any(end_word <= p <= end_word + 4 for p in after) or pos - 1 in before or pos - 2 in before \
                or pos in owners:
            dropped.add(pos)
    kept = [k for k, (pos, _) in enumerate(in_sentence) if pos not in dropped]
    if len({in_sentence[k][1].id for k in kept}) < 2:
        return in_sentence, spans
    return [in_sentence[k] for k in kept], [spans[k] for k in kept]


# "X, a welfare trust under Y, handed over …", "X, eine Tochter der Y, spendet …", "X, đơn vị trực thuộc Y, trao …"
_OWNER_APPOSITION = re.compile(
    r",[ \t]+(?:(?:a|an|the)[ \t]+[^,()]{0,60}?\b(?:under|of|owned[ \t]+by|part[ \t]+of|subsidiary[ \t]+of|arm[ \t]+of|member[ \t]+of)"
    r"|(?:eine?|die|das|der)[ \t]+[^,()]{0,60}?\b(?:der|des)"
    r"|[^,()]{0,40}?\b(?:trực[ \t]+thuộc|thuộc|của))[ \t]+(?:the[ \t]+)?$")


def _without_bracketed_owners(in_sentence, spans, text: str):
    """"Quỹ Thiện Tâm (Tập đoàn Vingroup) trao tặng …", "Chaudhary Foundation, a welfare trust under
    Chaudhary Group, handed over …": the body in brackets or in an apposition after a name is the one
    it belongs to, no party beside it."""
    kept = [k for k in range(len(spans)) if not (k and in_sentence[k][1].id != in_sentence[k - 1][1].id and (
        in_brackets_after(text, spans[k - 1][1], *spans[k]) or text.startswith(",", spans[k][1])
        and _OWNER_APPOSITION.fullmatch(text, spans[k - 1][1], spans[k][0])))]
    if len(kept) == len(spans):
        return in_sentence, spans
    return [in_sentence[k] for k in kept], [spans[k] for k in kept]


_PROGRAMME_OF = re.compile(r"['’]s(?:[ \t]+[\w-]+){0,3}?[ \t]+(?:project|programme|program|scheme|initiative|plan|"
                           r"strategy)\b", re.IGNORECASE)


def _guests_hosted(cues, in_sentence, hosts: list[Organisation]) -> list[Relation]:
    """"zehn Gastärzte der Uniklinik X besuchten …", "visiting doctors from X": staff of X who are
    guests learn at the article's main hospital (or university), the host, which supports X; the
    sentence names no one else."""
    guests = distinct_orgs(o for p, o in in_sentence if any(g < p <= g + 4 for g in cues["guest_staff"]))
    if not guests or len(guests) < len(distinct_orgs(o for _, o in in_sentence)):
        return []
    host = next((o for o in hosts if o not in guests), None)
    return [Relation(host, guest, "support", host, True) for guest in guests] if host is not None else []


def _delegation_of(cues, in_sentence) -> Organisation | None:
    """The organisation whose delegation the sentence tells of ("eine Delegation des A", "a
    delegation from A", "đoàn công tác của A"), named right after the word."""
    return next((o for w in cues.get("delegation_of", ()) for p, o in in_sentence if w < p <= w + 4), None)


def _agreed_at(cues, in_sentence) -> Organisation | None:
    """The one organisation a sentence that agrees a cooperation names, at its place ("Am B wurde
    eine Kooperation vereinbart", "At B, a cooperation agreement was signed")."""
    orgs = distinct_orgs(o for _, o in in_sentence)
    if len(orgs) != 1 or not ("sign" in cues or "cooperate" in cues) or vetoed(cues):
        return None
    places = cues.get("trained_place", ())
    return orgs[0] if any(p - 3 <= w < p for p, _ in in_sentence for w in places) else None


def _joined_the_network(in_sentence, hubs: list[Organisation]) -> list[Relation]:
    """"Seit 2020 sind das Krankenhaus B und das Krankenhaus C an das Netzwerk angebunden": those
    who join the network the article is about join its hub, the hospital the article names most."""
    joiners = distinct_orgs(o for _, o in in_sentence)
    hub = next((o for o in hubs if o not in joiners), None)
    return [Relation(hub, joiner, "support", hub, True) for joiner in joiners] if hub is not None else []


def _without_bystanders(in_sentence, spans, cues, tokens: TokenText):
    """"theo chủ trương của Bộ Y tế", "in the presence of the X Dean", "được Chính phủ chấp thuận", "assigned by
    the Ministry": who set the policy or the task, looked on or approved is no party, however few others the
    sentence names; nor is the network its parties founded."""
    # "to join the Ministry of Health's satellite hospital project with A": a ministry's programme is its policy
    owners = {pos for (pos, org), (_, end) in zip(in_sentence, spans)
              if org.kind == "ministry" and _PROGRAMME_OF.match(tokens.text, end)}
    if "policy_owner" not in cues and "presence" not in cues and "approved" not in cues and "assigned_by" not in cues \
            and "founded_body" not in cues and not owners:
        return in_sentence, spans  # most sentences: no set to build
    aside = {p + d for p in cues.get("policy_owner", ()) for d in (1, 2, 3)} | owners  # "của (Bộ trưởng) Bộ Y tế"
    # "… haben das Netzwerk Ostbayern gegründet": the body its founders made is named, no party beside them
    bodies = [tokens.char_starts[b] for b in cues.get("founded_body", ())]
    aside |= {pos for (pos, _), (start, end) in zip(in_sentence, spans) if any(start <= b < end for b in bodies)}
    # "assigned by the Ministry of Health (MOH) for …": who gave the task (and its acronym after it); "A đã đề nghị và
    # được Chính phủ Việt Nam chấp thuận về việc tài trợ …": who approved
    tasked = {o.id for pos, o in in_sentence if any(a + 2 <= pos <= a + 5 for a in cues.get("assigned_by", ()))}
    tasked |= {o.id for pos, o in in_sentence[1:] if any(a - 6 <= pos < a for a in cues.get("approved", ()))}
    aside |= {pos for pos, o in in_sentence if o.id in tasked}
    ands = set(cues.get("and", ()))
    for p in cues.get("presence", ()):  # the first named within eight words, and those listed with it
        first = next((pos for pos, _ in in_sentence if p < pos <= p + 8), None)
        if first is not None:
            listed = {o.id for o in listed_after(in_sentence, first - 1, ands)}
            aside |= {pos for pos, o in in_sentence if pos >= first and o.id in listed}
    kept = [k for k, (pos, _) in enumerate(in_sentence) if pos not in aside]
    return [in_sentence[k] for k in kept], [spans[k] for k in kept]


@lru_cache(maxsize=1)
def _receiving_countries() -> ahocorasick.Automaton:
    data = load_yaml(data_file("loaders", "lexicon", "countries.yaml"))
    automaton = ahocorasick.Automaton()
    for name in (name.lower() for group in data["receiving"] for name in group):
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _countries_in(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of receiving countries named in ``text`` (whole words; Vietnam not in Vietnamese text)."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: offsets would not match
        return []
    spans = []
    for last, name in _receiving_countries().iter(lower):
        start, end = last - len(name) + 1, last + 1
        if end < len(lower) and lower[end] == "s" and not lower[end + 1:end + 2].isalnum():
            end += 1  # a German genitive: "im Süden Tansanias"
        if (start and lower[start - 1].isalnum()) or (end < len(lower) and lower[end].isalnum()):
            continue
        if language == "vi" and fold(name) in ("viet nam", "vietnam"):
            continue  # at home "Pfizer Việt Nam" is a branch, not a receiver
        spans.append((start, end))
    return spans


# "in Ghana", "in der Mongolei", "im Süden Tansanias", "in northern Malawi", "(Haiti)", "in Kumasi, Ghana",
# "im Fischerdorf Eikwe in Ghana": names and small words only between the organisation and its
# country; not "… schließt Rahmenvertrag mit Klinik in der Mongolei" nor "reisen in die Mongolei"
_PLACED = re.compile(
    r"(?:[ \t,]+(?:[A-ZÄÖÜĐ][\w'’.-]*|im|in|am|an|der|dem|den|des|the|of|de|du|la|near|bei))*?"
    r"[ \t]*(?:(?<!\w)(?:in|im|aus|at|tại|ở)(?:[ \t]+(?:der|dem|the|Süden|Norden|Osten|Westen|northern|southern|"
    r"eastern|western|central|north|south|east|west|of))*|[(,])[ \t]*$")


def _in_receiving_countries(resolved, text: str, language: str | None) -> frozenset[str]:
    """Organisations the article places in a country that mostly receives support: named
    with it ("Chính phủ Lào", "Malawi Ministry of Health") or followed by it ("Komfo Anokye
    Teaching Hospital in Kumasi, Ghana", "Hôpital Espoir (Haiti)")."""
    hits = _countries_in(text, language)
    if not hits:
        return frozenset()
    starts = [start for start, _ in hits]
    found = set()
    for k, (m, org) in enumerate(resolved):
        if org.id in found:
            continue
        if _countries_in(org.name, language) and org.tier not in ("central", "provincial", "district"):
            found.add(org.id)
            continue
        limit = min(m.end + 60, resolved[k + 1][0].start if k + 1 < len(resolved) else len(text))
        index = bisect_left(starts, m.end)
        if index < len(starts) and starts[index] < limit and _PLACED.fullmatch(text, m.end, starts[index]):
            found.add(org.id)
    return frozenset(found)


_RELATION_CUES = ("sign", "cooperate", "support", "transfer", "receive", "receive_transfer", "receive_from", "satellite")


def _pair_by_anaphor(best, all_cues, sentences, tokens: TokenText, ranked, sentence_mentions,
                     evidence_of: Callable[[Sentence], Evidence], city_ids, validity, receiving) -> None:
    """"Hai bên đã ký kết", "Gestern unterzeichneten beide Häuser einen Vertrag": a signing
    or cooperation sentence that speaks of the two sides binds the article's two main
    parties (the two it names most, first named first on a tie), once. A bare pronoun
    ("In einer Mitteilung informieren sie über die Zusammenarbeit") binds the two
    organisations coordinated ("A und B") in one of the two sentences before; a signing
    sentence that names no one ("Der Vertrag wurde am Montag unterzeichnet") those of the
    sentence right before."""
    # "the two sides" of a stated pair add nothing
    main_pair = (ranked[0], ranked[1]) if not best and len(ranked) >= 2 else None
    anchors = [pos for pos, c in all_cues if c in ("pair_anaphor", "pair_pronoun", "sign")]
    if not anchors:
        return
    starts = [tokens.word_at(sentence.start) for sentence in sentences]
    candidates = sorted({bisect_right(starts, pos) - 1 for pos in anchors} - {-1})
    pair: tuple[Organisation, Organisation] | None
    for index in candidates:
        sentence = sentences[index]
        i, j = starts[index], tokens.word_at(sentence.end)
        cues = cue_positions(all_cues, i, j)
        if "negative" in cues or "not_partnership" in cues or not ("sign" in cues or "cooperate" in cues):
            continue  # (nor do "the two" that merge: "… schliessen sich zur X AG zusammen")
        if "pair_anaphor" in cues and main_pair is not None:
            pair, main_pair = main_pair, None  # the main parties are bound once
        elif "pair_pronoun" in cues or "pair_anaphor" in cues:
            pair = next((p for back in range(index - 1, max(index - 3, -1), -1)
                         if (p := _coordinated_pair(sentences[back], sentence_mentions[back], tokens, all_cues))),
                        None)
            if pair is not None and best and "pair_anaphor" in cues and not all(o in ranked[:2] for o in pair):
                pair = None  # "the two institutions", a pair stated: not two departments or sites listed in passing
        elif "sign" in cues and not sentence_mentions[index] and index:
            pair = _coordinated_pair(sentences[index - 1], sentence_mentions[index - 1], tokens, all_cues)
        else:
            continue
        if pair is None:
            continue
        if frozenset(o.id for o in pair) in best:
            continue
        evidence = evidence_of(sentence)
        for rel in relate_sentence({"sign": [0]}, [(0, pair[0]), (1, pair[1])], city_ids, receiving=receiving):
            rel.explicit = False
            _keep_best(best, rel, evidence, sentence.text, validity, signing="sign" in cues)


def _handed_over(cues, in_sentence) -> bool:
    """"ký biên bản bàn giao Bệnh viện X": the organisation named right after the handing-over verb is
    what is handed over (to another's management), not one given something."""
    named_at = {pos for pos, _ in in_sentence}
    return any(p + 2 in named_at for p in cues.get("hand_over", ()))  # every phrase is two words


_EMBASSY_HEADS = ("dai su quan ", "tong lanh su quan ", "lanh su quan ", "embassy of ", "the embassy of ",
                  "consulate general of ", "consulate of ", "botschaft ")
_MISSION_HEADS = _EMBASSY_HEADS + ("generalkonsulat ",)  # the missions an envoy acts for
# bodies that speak for a state: its government and its missions abroad
_STATE_HEADS = ("chinh phu ", "government of ", "the government of ", "regierung ") + _EMBASSY_HEADS


def _one_state(a: Organisation, b: Organisation) -> bool:
    """"Đại sứ quán Nhật Bản" and "Chính phủ Nhật Bản": one state's government and its embassy are
    no partners of each other."""
    countries = []
    for name in (fold(a.name), fold(b.name)):
        head = next((h for h in _STATE_HEADS if name.startswith(h)), None)
        if head is None:
            return False
        countries.append(name[len(head):].split(" tai ")[0].split(" in ")[0].strip())
    return countries[0] == countries[1] and is_country(countries[0])


def _group_listed_before(sentence_mentions: list[list[tuple[int, Organisation]]],
                         sentence_lists: list[list[list[Organisation]]],
                         in_sentence: list[tuple[int, Organisation]], count: int | None = None) -> list[Organisation]:
    """The organisations the nearest of the five sentences before lists (two or more, none of
    them named in this sentence): those "các đơn vị này" (these units) stands for. With a
    ``count`` ("the three provincial hospitals"), a list of that many ("Three hospitals, A, B and
    C, signed with D": A, B and C), else the last ``count`` of the nearest sentence that names as
    many others ("A handed over … to B, C and D": B, C and D)."""
    named = {o.id for _, o in in_sentence}
    for before, lists in zip(reversed(sentence_mentions[-5:]), reversed(sentence_lists[-5:])):
        listed = list({o.id: o for _, o in before}.values())
        counted = next((run for run in lists if len(run) == count and not any(o.id in named for o in run)), None)
        if counted is not None:
            return counted
        if count is not None:
            others = [o for o in listed if o.id not in named]
            if len(others) >= count:
                return others[-count:]
        elif len(listed) >= 2:
            return [] if any(o.id in named for o in listed) else listed
    return []


def _signed_with_one(group: list[Organisation], best) -> bool:
    """Whether each of ``group`` is a partner of one same other already ("Three hospitals, A, B and
    C, signed with D. … representatives of the three hospitals attended the signing": D's signing,
    not theirs among themselves)."""
    partners = [{x for key in best if g.id in key for x in key} - {g.id} for g in group]
    return bool(set.intersection(*partners)) if partners else False


def _head_between(heads: list[tuple[int, str]], i: int, j: int) -> bool:
    k = bisect_left(heads, (i, ""))
    return k < len(heads) and heads[k][0] < j


def _lone_signer(cues: dict[str, list[int]], in_sentence: list[tuple[int, Organisation]]) -> Organisation | None:
    """The one organisation a signing sentence names: "A und drei Krankenhäuser aus dem Landkreis haben
    einen Kooperationsvertrag unterzeichnet" (the next sentence may name the three)."""
    orgs = {o.id: o for _, o in in_sentence}
    if "sign" not in cues or len(orgs) != 1 or vetoed(cues):
        return None
    return in_sentence[0][1]


def _lone_giver(cues: dict[str, list[int]], in_sentence: list[tuple[int, Organisation]]) -> Organisation | None:
    """The one organisation a sentence names, before its giving verb, when it names no receiver:
    "Theo đó, Công ty X đã tặng 2 máy phân tích" (the next sentence may say to whom)."""
    verbs = cues.get("support", []) + cues.get("transfer", [])
    orgs = {o.id: o for _, o in in_sentence}
    # ("handed over three ambulances to hospitals in the province": a receiver, but not by name)
    if not verbs or len(orgs) != 1 or "by" in cues or in_sentence[0][0] > min(verbs) or vetoed(cues):
        return None
    return in_sentence[0][1]


_NATIONAL = frozenset({"vietnamese", "vietnam"})


def _of_nationality(prominent: list[Organisation], named: list[Organisation], word: str) -> list[Organisation]:
    """What a head qualified by ``word`` can stand for: with a foreign nationality ("the British
    hospital") the foreign ones of all those ``named``, with "Vietnamese" the others; without
    one, the ``prominent`` (the same list)."""
    if word in _NATIONAL:
        return [o for o in named if o.tier != "foreign"]
    if is_nationality((word,)) and word not in _LOCAL_WORDS or word in ("uk", "us", "foreign"):
        return [o for o in named if o.tier == "foreign"]
    return prominent


_LOCAL_WORDS = frozenset({"local", "provincial", "rural", "regional", "partner"})


def _named_with_head(words: list[str], ranked: list[Organisation], kind: str, present: set[str]) -> Organisation | None:
    """The one organisation of ``kind`` not in the sentence whose name holds the head that
    ``words`` end on: "das Universitätsklinikum" after "das Würzburger Universitätsklinikum"
    was named (a head too short to tell, "das Haus", stands for no one by itself)."""
    head = next((w for w in reversed(words) if len(w) > 7), None)
    if head is None:
        return None
    found = [o for o in ranked if o.kind == kind and o.id not in present
             and any(w in (head, head + "s") or head == w + "s" for w in fold(o.name).split())]
    return found[0] if len(found) == 1 else None


def _named_receiver(candidates: list[Organisation], in_sentence: list[tuple[int, Organisation]],
                    cues: dict[str, list[int]], pos: int) -> Organisation | None:
    """The one of ``candidates`` a head at word ``pos`` stands for when the sentence names it
    already: right after a giving verb whose giver is another ("Cho Ray has worked with Japan
    and JICA has supported the Vietnamese hospital")."""
    verb = max((p for c in ("support", "transfer") for p in cues.get(c, []) if pos - 4 <= p < pos), default=None)
    if verb is None:
        return None
    giver = next((o for p, o in reversed(in_sentence) if p < verb), None)
    named = {o.id for p, o in in_sentence if p < verb}
    return next((o for o in candidates if o.id in named and giver is not None and o.id != giver.id), None)


# a hospital's department named by its field alone ("Department of Musculoskeletal", "Klinik und Poliklinik für
# Frauenheilkunde", "Trung tâm Tim mạch"): no body of its own, but a part of a hospital the article names
_FIELD_STEMS = (r"(?:cardi|kardi|neuro|onco|onko|ortho|orthop|p(?:a)?ediat|pädiat|radio|surg|chirurg|musculo|obstet|gyn|"
                r"frauenheil|urol|nephr|gastro|dermat|ophthalm|augenheil|an(?:a)?esth|anästh|emergency|notfall|intensiv|"
                r"internal|innere|patho|h(?:a)?emat|hämat|psychiat|rehab|trauma|unfall|endocrin|endokrin|pulmon|pneum|"
                r"respir|otolaryng|dental|zahn|geriat|neonat|transplant|stroke|tim|mạch|ung|bướu|đột|quỵ|nhi|sản|ngoại|"
                r"nội|hồi|sức|cấp|cứu|chấn|thương|chỉnh|hình|thần|kinh|mắt|tiết|niệu|thận|tiêu|hóa|hoá|phổi|huyết|học|"
                r"kinder|jugend|allgemein|vis[zc]eral|gefä|herz|hand|plastisch|mund|kiefer|hals|haut|nuklear|strahlen|"
                r"palliativ|schmerz|sport|wirbel|psych|allgem)")
_DEPARTMENT = re.compile(
    rf"(?:(?:Department|Dept\.|Division|Unit)\s+(?:of|for)|(?:Klinik|Poliklinik|Abteilung)(?:\s+und\s+Poliklinik)?\s+für"
    rf"|Khoa|Trung\s+tâm)(?:\s+(?:{_FIELD_STEMS}[\w-]*|and|und|và|&|,))+", re.IGNORECASE)


_OWNER_NEXT = re.compile(r"[ \t]*,?[ \t]*(?:und[ \t]+(?:seinem|ihrem)[ \t]+Team[ \t]+)?(?:im|am|in der|an der|at|of|des|der)"
                         r"[ \t]+(?:the[ \t]+)?")


def _departments_as_their_hospital(in_sentence, spans, departments: set[str], ranked, text: str):
    """A department named by its field alone stands for the article's most named hospital that the
    sentence does not name (the one it belongs to, not its partner); with none, or with its own
    named right after it ("Direktorin der Klinik für Kinderchirurgie, im Klinikum X"), it is no party."""
    present = {org.id for _, org in in_sentence}
    hospital = next((o for o in ranked if o.kind == "hospital" and o.id not in departments and o.id not in present), None)
    owned = {k for k in range(len(spans) - 1) if in_sentence[k][1].id in departments
             and _OWNER_NEXT.fullmatch(text, spans[k][1], spans[k + 1][0])}
    kept = [k for k, (_, org) in enumerate(in_sentence) if (hospital is not None or org.id not in departments)
            and k not in owned]
    return ([(in_sentence[k][0], hospital if in_sentence[k][1].id in departments else in_sentence[k][1]) for k in kept],
            [spans[k] for k in kept])


def _ranked_parties(resolved) -> tuple[list[Organisation], list[Organisation]]:
    """The article's parties, the most named first (the first named first on a tie), and of
    those the prominent ones: named at least twice or first, as the subject of an article is."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    orgs: dict[str, Organisation] = {}
    for index, (_, org) in enumerate(resolved):
        if org.kind in _MAIN_PARTY_KINDS:
            counts[org.id] = counts.get(org.id, 0) + 1
            first.setdefault(org.id, index)
            orgs[org.id] = org
    ranked = sorted(counts, key=lambda oid: (-counts[oid], first[oid]))
    return [orgs[oid] for oid in ranked], [orgs[oid] for oid in ranked if counts[oid] >= 2 or first[oid] == 0]


def _coordinated_pair(sentence, mentions, tokens: TokenText, all_cues):
    """The two organisations a sentence coordinates ("A und B", "A và B"), if it names just those."""
    distinct = {org.id: org for _, org in mentions}
    if len(distinct) != 2:
        return None
    i, j = tokens.word_at(sentence.start), tokens.word_at(sentence.end)
    joins = set(cue_positions(all_cues, i, j).get("and", []))
    (p, a), (q, b) = mentions[0], next(m for m in mentions if m[1].id != mentions[0][1].id)
    if any(p < x < q for x in joins):
        return a, b
    return None


# a sentence about the gift or programme just told ("Chương trình do E tài trợ", "The project is funded by E")
_GIFT_OPENING = re.compile(r"(?:toan bo |tat ca )?(?:chuong trinh|du an|so (?:may|thiet bi|trang thiet bi|hang|tien)|"
                           r"kinh phi|cac (?:thiet bi|trang thiet bi|may|kien hang)|(?:the|this) (?:programme|program|"
                           r"project|equipment|donation)|(?:das|dieses|die|diese) (?:projekt|programm|gerate|gerat|spende|geschenk))\b")


# what a sentence that names no one must say for the techniques it names to have been passed on
_PASSED_ON = frozenset({"transfer", "receive_transfer", "support", "receive", "receive_from", "performed", "dispatch",
                        "team", "staff_from", "staff_of", "invite"})


# a form's field naming a partner, on a line of its own ("UK Partner X", "Partner Hospitals: A and B")
_PARTNER_FIELD = re.compile(FIELD_LABEL_WORDS + PARTNER_LABEL + r"[ \t]*:?[ \t]+(?P<value>[A-Z][^\n]{2,150})$",
                            re.MULTILINE)
_NAME_GLUE = frozenset({"and", "of", "for", "the", "&", "und", "der", "des", "für", "de"})


def _only_names(value: str) -> bool:
    """Whether a field's value is names only (capitalised words and what joins them), no sentence."""
    return not value.rstrip().endswith(".") and all(
        word[:1].isupper() or word[:1].isdigit() or word in _NAME_GLUE or not word[:1].isalnum()
        for word in value.split())


# the project or programme the sentence before told of, as a gift's recipient
_TO_THAT_PROJECT = re.compile(r"\b(?:to|for) (?:the|this) (?:above |said |same )?(?:project|programme|program)\b"
                              r"|\bcho (?:du an|chuong trinh) (?:nay|tren|noi tren)\b"
                              r"|\b(?:fur|an) (?:das|dieses) (?:projekt|programm)\b")


# a sentence that opens on these goes on from the one before, on the same day
_GOES_ON = re.compile(r"(?:Sau (?:buổi|lễ|khi)|Tại buổi|Trong buổi|Cùng ngày|Ngay sau|Dịp này|Nhân dịp này|"
                      r"Im Anschluss|Anschließend|Am selben Tag|After the (?:meeting|ceremony|visit)|On the same day)")


def _keep_best(best, rel, evidence: Evidence, sentence: str, validity, signing: bool = False,
               before: str = "") -> None:
    """Keep, per pair of parties, the strongest relation the document states. Its signing date is
    read from ``sentence``, or else from ``before``, the sentence it goes on from."""
    key = frozenset((rel.a.id, rel.b.id))
    score = KIND_PRIORITY[rel.kind] * 2 + rel.explicit
    current = best.get(key)
    stronger = current is None or score > current[0]
    if not stronger and current[1].signed_on is not None:
        return  # the pair's stronger relation is kept, and dated: this one adds nothing (nor is it built)
    # a date in the sentence that states an agreement, or that a satellite or support was signed, is its signing
    dates = (find_dates(sentence) or (find_dates(before) if before else [])) if rel.kind == "agreement" or signing else []
    signed = dates[0].iso if dates else None
    if stronger:
        p = Partnership(parties=(rel.a.id, rel.b.id), kind=rel.kind, evidence=evidence,
                        supporter=rel.supporter.id if rel.supporter else None, signed_on=signed,
                        valid_from=validity[0], valid_to=validity[1], confidence=0.9 if rel.explicit else 0.7)
        if current is not None:
            p.signed_on = p.signed_on or current[1].signed_on
            if p.supporter is None and current[2]:
                p.supporter = current[1].supporter
        best[key] = (score, p, rel.explicit)
    elif signed:
        current[1].signed_on = signed


def _transfer(name: str, in_sentence, cues, evidence: Evidence, reported_on: str | None) -> TechniqueTransfer:
    """A technique named in a sentence: from its first organisation to its second; dated by
    the sentence's date, else by the article's (the date it was reported)."""
    concept = gloss(name)
    dates = find_dates(evidence.sentence)
    orgs: list[Organisation] = []
    for _, org in in_sentence:
        if org.id not in (o.id for o in orgs):
            orgs.append(org)
    source = orgs[0].id if orgs else None
    recipient = orgs[1].id if len(orgs) > 1 else None
    if any(c in cues for c in ("receive", "receive_transfer", "receive_from")) and len(orgs) > 1:
        source, recipient = recipient, source
    return TechniqueTransfer(name=name, evidence=evidence, source=source, recipient=recipient,
                             en=concept.en if concept else None, concept=concept.id if concept else None,
                             date=dates[0].iso if dates else reported_on)


def _direct_transfers(facts: DocumentFacts, partnerships: list[Partnership]) -> None:
    """Align a technique's direction with the sentence's stated support direction."""
    directed: dict[frozenset[str | None], Partnership] = {frozenset(p.parties): p for p in partnerships if p.supporter}
    for t in facts.techniques:
        p = directed.get(frozenset((t.source, t.recipient)))
        if p is not None:
            t.source, t.recipient = p.supporter, p.recipient


_BRACKETED_END = re.compile(r"\s*\([^()]*\)$")


def _once_each(techniques: list[TechniqueTransfer]) -> list[TechniqueTransfer]:
    """A technique an article names again ("Lễ chuyển giao kỹ thuật X", "Ca kỹ thuật X đầu tiên") is
    one transfer: the mention that says most of who gave and who received is kept (the first of
    those), not one that says less than it."""
    # ("thụ tinh trong ống nghiệm (IVF)" and "thụ tinh trong ống nghiệm" are one)
    keys = [fold(_BRACKETED_END.sub("", t.name)) for t in techniques]
    by_name: dict[str, list[TechniqueTransfer]] = {}
    for t, key in zip(techniques, keys):
        by_name.setdefault(key, []).append(t)
    kept = []
    for t, key in zip(techniques, keys):
        same = by_name[key]
        fuller = next((u for u in same if u is not t and t.source in (None, u.source)
                       and t.recipient in (None, u.recipient)
                       and ((u.source, u.recipient) != (t.source, t.recipient) or same.index(u) < same.index(t))), None)
        if fuller is None:
            kept.append(t)
    return kept


_IN_BEFORE = re.compile(r"[ \t]+(?:in|im|in der|in dem)[ \t]+$")


def _seat_of_a_name(text: str, item, offset: int, spans) -> bool:
    """"… medical staff at the Mulago Hospital in Kampala": a capitalised word after a name's "in"
    is its seat, unless it reads as a procedure ("… Hospital in Laparoskopie")."""
    start = offset + item.start
    return item.name[:1].isupper() and not looks_like_technique(item.name) \
        and any(start - 12 <= e < start and _IN_BEFORE.match(text, e, start) for _, e in spans)


_PLACE_THEN_IN = re.compile(r"(?P<place>[^\W\d][\w.' -]*?)(?:\s+(?:in der|in dem|in|im)\s+(?P<rest>.+))?", re.DOTALL)


def _without_place(item):
    """"trained colleagues in Hanoi (in laparoscopy)": where they were trained is no technique; what
    follows its "in" is."""
    m = _PLACE_THEN_IN.fullmatch(fold_same_length(item.name))
    if m is None or m["place"] not in _place_keys():
        return item
    if m["rest"] is None:
        return None
    offset = len(item.name) - len(m["rest"])
    return type(item)(item.name[offset:], item.start + offset, item.end)


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    return place_names(default_lexicon().place_keys)


@lru_cache(maxsize=1)
def _activity_cues() -> int:
    """The number of the activities' cues in :data:`.tokens.DOCUMENT_PHRASES` (cues anywhere, not whole words)."""
    activities: dict[str, list[str]] = {}
    for name, cues in _ACTIVITY_CUES.items():
        for cue in cues:
            activities.setdefault(cue, []).append(name)
    return DOCUMENT_PHRASES.add(activities)


def _activities(tokens: TokenText) -> list[str]:
    """The activities a cue of which the folded words hold, in the order of :data:`_ACTIVITY_CUES`."""
    found = {name for _, names in DOCUMENT_PHRASES.find(tokens.padded, _activity_cues()) for name in names}
    return [name for name in _ACTIVITY_CUES if name in found]


def _read(path: Path, on_error, span: tuple[int, int | None, int] | None = None) -> Iterator[Document]:
    try:
        for item in read_jsonl(path, *span) if span else read_documents(path):
            if isinstance(item, InputError):
                on_error(item)
            else:
                yield item
    except InputError as exc:
        on_error(exc)


def _extract_path(path: str, span: tuple[int, int | None, int] | None = None,
                  root: str | None = None) -> tuple[list[DocumentFacts], list[str]]:
    """The facts of one file and its error lines. ``span`` (start, end, newlines before start)
    reads only the lines of a JSONL file that begin in bytes ``[start, end)``; a relative
    ``path`` is found under ``root`` (the caller's working folder, for a Dask worker that has
    another) and named as given, so evidence and errors read as in a local run."""
    full = str(Path(root, path)) if root else path

    def given(text: str) -> str:
        return path + text[len(full):] if full != path and text.startswith(full) else text

    errors: list[str] = []
    documents = _read(Path(full), lambda e: errors.append(given(str(e))), span)
    if full != path:
        documents = (replace(doc, path=given(doc.path or "")) for doc in documents)
    facts = [_safe_extract(doc, errors) for doc in documents]
    return [f for f in facts if f is not None], errors


def _safe_extract(document: Document, errors: list[str]) -> DocumentFacts | None:
    budget = document_budget()
    try:
        with _time_limit(budget):
            return extract_document(document)
    except _OverBudget:
        errors.append(f"{document.path or document.id}: extraction took over {budget:g} s and was stopped "
                      f"(set {BUDGET_VARIABLE} to allow more)")
    except HealthgraphError as exc:
        errors.append(str(exc))
    except Exception as exc:  # a bug on one article must not abort a corpus run
        errors.append(f"{document.path or document.id}: extraction failed ({type(exc).__name__}: {exc})")
    return None


BUDGET_VARIABLE = "HEALTHGRAPH_DOCUMENT_SECONDS"


def document_budget() -> float:
    """Seconds one document may take (``$HEALTHGRAPH_DOCUMENT_SECONDS``, 60 by default; 0: no limit).
    An 8 MB article takes a few seconds: only a pathological input reaches this."""
    try:
        return max(0.0, float(os.environ.get(BUDGET_VARIABLE, "60")))
    except ValueError:
        raise HealthgraphError(f"{BUDGET_VARIABLE} must be a number of seconds") from None


class _OverBudget(Exception):
    pass


@contextmanager
def _time_limit(seconds: float):
    """Stop the block after ``seconds`` (a timer signal: the main thread of a process only)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum, frame):
        raise _OverBudget()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_iter(paths: Iterable[str | Path], *, jobs: int = 1,
                 on_error: Callable[[HealthgraphError], None] | None = None,
                 show_progress: bool = False, dask: Any = None) -> Iterator[DocumentFacts]:
    """Yield the facts of every article under ``paths`` (files or folders).

    Parameters
    ----------
    paths : iterable of path
        Text, HTML or JSONL files, or folders of them.
    jobs : int
        Worker processes (``0`` = one per core).
    on_error : callable, optional
        Called with an :class:`InputError` for each bad file or JSONL line; by default the
        error is raised. Good files are processed either way. With it, a JSONL file larger than
        :data:`STREAM_BYTES` is read one byte range at a time (in one process), so that a corpus
        of any size streams in bounded memory; without it, each file is read whole first, so
        that its first error raises before any of its facts is yielded.
    show_progress : bool
        Show a progress bar on a terminal.
    dask : distributed.Client or str, optional
        Extract on a Dask cluster instead (a client, or the scheduler's address; see
        :mod:`healthgraph.cluster`): the same facts in the same order as a local run.
    """
    def fail(exc: HealthgraphError) -> None:
        if on_error is None:
            raise exc
        on_error(exc)

    files = walk_files(paths, fail)
    jobs = os.cpu_count() or 1 if jobs == 0 else jobs
    from ..output import progress

    seen: dict[str, str] = {}  # document id -> where it was read: a second one is renamed, never overwrites
    # the results of each file (of each Dask partition): one, or one per byte range of a large JSONL file
    results: Iterable[Iterable[tuple[list[DocumentFacts], list[str]]]]
    with ExitStack() as stack:
        total = len(files)
        if dask is not None:
            from ..cluster import connect, extract_on

            cluster = connect(dask)
            stack.callback(cluster.close)
            partitions, total = extract_on(cluster, files)
            results = ([result] for result in partitions)
        elif jobs <= 1 or len(files) < 2:
            # with on_error, a JSONL file larger than STREAM_BYTES is read a byte range at a time: only one
            # range's facts are held; without, whole, so that its first error raises before any of its facts
            results = (_file_results(str(path), STREAM_BYTES if on_error is not None else 0) for path in files)
        else:
            load_gazetteer()
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs))
            done = pool.map(_extract_path, map(str, files), chunksize=max(1, len(files) // (jobs * 8)))
            results = ([result] for result in done)
        # a file's repeated ids are said after its reading errors, as a whole-file read says them
        # (a Dask partition may hold several files: said as they come)
        defer = on_error is not None and dask is None
        for file_results in progress(results, total=total, description="extracting", enabled=show_progress):
            repeated: list[HealthgraphError] = []
            for facts, errors in file_results:
                for message in errors:
                    fail(_as_error(message))
                yield from (_unique_id(f, seen, repeated.append if defer else fail) for f in facts)
            for exc in repeated:
                fail(exc)


STREAM_BYTES = 1 << 22  # a JSONL file is read 4 MiB at a time: about 1,000 articles' facts in memory at once


def _file_results(path: str, range_bytes: int) -> Iterator[tuple[list[DocumentFacts], list[str]]]:
    """:func:`_extract_path`'s results for ``path``: one for the whole file, or one per byte range of
    a JSONL file larger than ``range_bytes`` (each numbered by the newlines before it; 0: whole)."""
    ranges = byte_ranges(path, range_bytes) if range_bytes else []
    if not ranges:
        yield _extract_path(path)
        return
    before = 0
    for start, end in ranges:
        yield _extract_path(path, (start, end, before))
        if end is not None:
            before += count_newlines(path, start, end)


def _unique_id(facts: DocumentFacts, seen: dict[str, str], fail) -> DocumentFacts:
    """``a/news.txt`` and ``b/news.txt`` are two documents: the second is read again under an id
    made from its path, and the user is told (ids name evidence, so they are set before reading)."""
    document = facts.document
    where = document.path or document.id
    if document.id in seen:
        file, _, line = where.rpartition(":")
        if seen[document.id].rpartition(":")[0] == file and line.isdigit() and Path(file).suffix.lower() in JSONL_SUFFIXES:
            new_id = f"{document.id}-{line}"  # a line of the same JSONL file: named by its line number
            fail(InputError(where, f"id '{document.id}' repeats an earlier line: stored as '{new_id}'"))
        else:
            new_id = f"{document.id}-{stable_id(where, length=8)}"
            fail(InputError(where, f"document id '{document.id}' is taken by {seen[document.id]}: stored as '{new_id}'"))
        facts = extract_document(replace(document, id=new_id))
    seen[facts.document.id] = where
    return facts


def _as_error(message: str) -> InputError:
    path, _, problem = message.partition(": ")
    return InputError(path, problem or message)


def extract(paths: Iterable[str | Path], *, jobs: int = 1,
            on_error: Callable[[HealthgraphError], None] | None = None,
            show_progress: bool = False, dask: Any = None) -> list[DocumentFacts]:
    """Extract the facts of every article under ``paths``; see :func:`extract_iter` (``dask``: a
    ``distributed.Client`` or a scheduler address to extract on a Dask cluster).

    Examples
    --------
    >>> extract([])
    []
    """
    return list(extract_iter(paths, jobs=jobs, on_error=on_error, show_progress=show_progress, dask=dask))


def resolve_name(name: str) -> Organisation | None:
    """Resolve one organisation name as a user types it to its canonical organisation.

    Returns ``None`` when the text is not one recognisable organisation name (a bare
    template such as "Bệnh viện Đa khoa tỉnh" has no context here and stays unresolved).

    Examples
    --------
    >>> resolve_name("BVĐK tỉnh Lai Châu").id
    'bvdk-lai-chau'
    >>> resolve_name("Lai Chau General Hospital").id
    'bvdk-lai-chau'
    >>> resolve_name("bach mai").id
    'bach-mai'
    """
    lexicon = default_lexicon()
    tokens = TokenText.of(normalise(name))
    mentions = [m for m in find_mentions(tokens, lexicon, any_case=True) if not m.needs_context]
    if len(mentions) != 1 or len(mentions[0].surface) < 0.6 * len(tokens.text):
        return None
    mention = mentions[0]
    if mention.known is not None:
        return known_organisation(mention.known)
    (_, org), = resolve_mentions(tokens, mentions, lexicon, "query")
    return org
