"""How claims answer each other: denials, disputes, reiterations, corroborations, responses, evidential remarks.

A claim whose content only points back at other claims ("those claims", "the reports", "his claim") is resolved to
the claims meant; other links compare what two claims say (content keys: lemmas grouped by synonyms, places as
the country they stand for) and who says it.
"""
from __future__ import annotations

from dataclasses import dataclass
from os.path import commonprefix

from ..extract.view import DocView
from ..model import Claim, ClaimKind, ClaimLink, Entity, Factuality, LinkType, SourceType, Stance
from .anaphora import determined_by, relative_antecedent, takes_the
from .content import DEMONSTRATIVES, content_keys, content_root, content_words, find_markers, words_of
from .lexicons import LabelLexicons, load_label_lexicons

__all__ = ["Facts", "link_claims", "independent"]

REITERATING = {"reiterate", "repeat", "restate", "reaffirm"}
DISAGREEING = {Stance.DENY, Stance.DISMISS}
AGREEING = {Stance.ASSERT, Stance.CLAIM, Stance.CONFIRM, Stance.HEDGE, Stance.ACCUSE}
UNSTATED = {Stance.DEMAND, Stance.QUESTION}  # a request or a question, which no account or claim names
ANSWERABLE = {Stance.ACCUSE, Stance.CLAIM, Stance.DEMAND, Stance.QUESTION}  # what the party concerned answers
SAME_SIMILARITY = 0.5     # the same speaker saying this much again reiterates
CORROBORATION = 0.3       # an independent speaker saying this much of it corroborates (and at least MIN_SHARED keys)
MIN_SHARED = 3
MIN_ANSWER = 2            # a response shares this many content words (places aside) with what it answers
DEMONSTRATIVE_REACH = 2  # sentences back that "that suggestion", "those claims" point
MAX_REFERENCE_WORDS = 6   # "Zelenskiy's assertions", "those claims": longer contents say something themselves


@dataclass(frozen=True)
class Facts:
    """What link rules need to know of each claim."""

    claim: Claim
    stance: Stance
    factuality: Factuality
    entity: Entity | None
    keys: frozenset[str]
    speaker_keys: frozenset[str]  # how others may name this claim's speaker


def link_claims(view: DocView, facts: list[Facts], lex: LabelLexicons) -> list[ClaimLink]:
    links: dict[tuple[str, str], ClaimLink] = {}

    def add(kind: LinkType, a: Facts, b: Facts) -> None:
        if a.claim.id != b.claim.id and (a.claim.id, b.claim.id) not in links:
            links[(a.claim.id, b.claim.id)] = ClaimLink(kind, a.claim.id, b.claim.id, a.claim.cue)

    by_id = {f.claim.id: f for f in facts}
    pointing = {f.claim.id for f in facts if is_reference(view, f, lex)}
    refs = {f.claim.id: references(view, f, facts, lex, pointing) for f in facts}
    for f in facts:
        targets = [by_id[t] for t in refs[f.claim.id]]
        if f.stance in DISAGREEING and f.factuality is Factuality.UU:  # "neither confirmed nor denied the report"
            for t in targets:
                add(LinkType.RESPONDS_TO, f, t)
        elif f.stance in DISAGREEING:
            nested = [g for g in nested_in(f, facts) if g.claim.kind is ClaimKind.NOMINAL]
            for t in targets + nested:
                add(LinkType.DENIES, f, t)
            if not targets and not nested:
                for g in facts:
                    if independent(f, g) and about(g, f) and shared(f, g) - lex.countries and g.stance not in DISAGREEING:
                        add(LinkType.DISPUTES, f, g)
        elif f.claim.kind is ClaimKind.EVIDENTIAL:  # "[The mayor's claim that …] could not be verified" too
            nested = [g for g in nested_in(f, facts) if g.claim.kind is ClaimKind.NOMINAL]
            for t in targets + nested:  # "could not verify" questions the claim; "independently verified" backs it
                add(LinkType.EVALUATES if doubts(view, f, lex) else LinkType.CORROBORATES, f, t)
        elif f.claim.cue_lemma in REITERATING:
            for t in targets or [g for g in facts if g.claim.start < f.claim.start and g.entity is not None
                                 and g.entity == f.entity and similarity(f, g) >= CORROBORATION][-1:]:
                add(LinkType.REITERATES, f, t)
        elif targets and f.factuality is not Factuality.UU:
            for t in targets:
                add(LinkType.RESPONDS_TO if independent(f, t) else LinkType.REITERATES, f, t)
    for i, f in enumerate(facts):
        if refs[f.claim.id] or f.claim.kind is ClaimKind.EVIDENTIAL:
            continue
        for g in facts[:i]:
            if refs[g.claim.id] or g.claim.kind is ClaimKind.EVIDENTIAL or (g.claim.id, f.claim.id) in links:
                continue
            if f.entity is not None and f.entity == g.entity and similarity(f, g) >= SAME_SIMILARITY:
                add(LinkType.REITERATES, f, g)
            elif independent(f, g) and f.stance in AGREEING and g.stance in AGREEING and \
                    polarity(f) == polarity(g) and similarity(f, g) >= CORROBORATION and len(shared(f, g)) >= MIN_SHARED:
                add(LinkType.CORROBORATES, f, g)
            elif (independent(f, g) or g.entity is None and f.entity is not None) and about(g, f) \
                    and g.stance in ANSWERABLE and len(shared(f, g) - f.speaker_keys - lex.countries) >= MIN_ANSWER:
                add(LinkType.DISPUTES if polarity(f) != polarity(g) and g.stance is Stance.ACCUSE
                    else LinkType.RESPONDS_TO, f, g)
    for link in [k for k in links.values() if k.type is LinkType.DISPUTES]:
        for h in nested_in(by_id[link.target], facts):  # "… in what she called a gross violation" goes with it
            add(LinkType.DISPUTES, by_id[link.source], h)
    carried = [ClaimLink(LinkType.EVALUATES, e.source, r.source, e.basis) for e in links.values()
               if e.type is LinkType.EVALUATES for r in links.values()
               if r.type is LinkType.REITERATES and r.target == e.target]
    for link in carried:
        links.setdefault((link.source, link.target), link)
    return sorted(links.values(), key=lambda link: (int(link.source[1:]), int(link.target[1:])))


def doubts(view: DocView, f: Facts, lex: LabelLexicons) -> bool:
    """Does an evidential remark say the claim could not be checked ("could not be verified", "was unable to
    verify", "did not provide evidence"), on its cue or the verb the cue completes?"""
    cue = words_of(view, f.claim.cue)
    governors = [h for k in cue if view.words[k].rel == "xcomp" and (h := view.words[k].head) is not None]
    words = cue + governors + [c for g in governors for c in view.kids(g, "advmod", "aux")]
    return bool(find_markers(view, words, "negation", lex) or find_markers(view, words, "inability", lex))


def nested_in(f: Facts, facts: list[Facts]) -> list[Facts]:
    """The claims whose cue lies inside ``f``'s content."""
    return [g for g in facts if g is not f and any(s.start <= g.claim.cue[0].start < s.end for s in f.claim.content)]


def references(view: DocView, f: Facts, facts: list[Facts], lex: LabelLexicons, pointing: set[str]) -> list[str]:
    """Ids of the claims a content like "those claims" or "Zelenskiy's assertions" points back to."""
    if f.claim.id not in pointing:
        return []
    words = [k for k in content_words(view, f.claim) if view.words[k].upos != "PUNCT"]
    root = referent(view, content_root(view, words), lex)
    if root is None:
        return []
    noun = view.words[root]
    plural = noun.feat("Number") == "Plur"
    earlier = [g for g in facts if g.claim.start < f.claim.start and g is not f
               and g.claim.kind is not ClaimKind.EVIDENTIAL and g.claim.id not in pointing
               and not (f.stance in DISAGREEING and g.entity is not None and g.entity == f.entity)]  # not one's own
    owners = view.kids(root, "nmod:poss")
    if owners:
        owner = view.words[owners[0]]
        if owner.upos == "PRON":
            entity = f.entity
        else:
            entity = next((g.entity for g in facts if g.entity and any(
                m.start <= owner.start < m.end for m in g.entity.mentions)), None)
        mine = [g for g in earlier if entity is not None and g.entity == entity]
        return [g.claim.id for g in (mine if plural else mine[-1:])]
    same_sentence = [g for g in facts if g is not f and g.claim.sentences[:1] == f.claim.sentences[:1]
                     and g.claim.start < f.claim.start and g.claim.id in pointing]
    if same_sentence and takes_the(view, root):
        return references(view, same_sentence[-1], facts, lex, pointing)
    if determined_by(view, root, {"a", "an"}):
        earlier = [g for g in earlier if g.claim.sentences[:1] == f.claim.sentences[:1]]
    # "…, a claim that could not be verified" says what the claim just reported in its sentence is, whatever its verb
    named = [g for g in earlier if names_act(noun.lemma.lower(), g.claim.cue_lemma)]
    if determined_by(view, root, DEMONSTRATIVES):
        named = [g for g in named if f.claim.sentences[0] - g.claim.sentences[0] <= DEMONSTRATIVE_REACH]
        # "dismissed that suggestion": what was just said, not a report that "suggested" paragraphs before
    earlier = named or [g for g in earlier if g.stance not in UNSTATED]  # "rejected the findings": what was
    # found, "the reports": what was reported; "disputed that account": not "asked not to be named" beside it
    if not earlier:
        return []
    last = earlier[-1].claim.sentences[0]
    if not plural and noun.upos == "NOUN":
        return [earlier[-1].claim.id]  # "that suggestion": one claim
    return [g.claim.id for g in earlier if g.claim.sentences[0] == last]


def names_act(noun: str, cue: str) -> bool:
    """Does a claim noun name the act of this cue ("findings" / found, "allegation" / alleged, "report" / reported)?"""
    stem = cue.removesuffix("e")
    return len(stem) >= 4 and len(commonprefix([noun, stem])) >= min(len(stem), 5)  # "testimony" / testified


def is_reference(view: DocView, f: Facts, lex: LabelLexicons) -> bool:
    """Does the content only point back at what was said: a claim noun ("those claims"), a pronoun alone that is
    denied or dismissed ("denied this"), or, for an evidential remark, any definite noun phrase or pronoun ("The
    figures could not be independently verified", "could not verify the toll"), since what a remark cannot verify
    was reported before it?"""
    words = [k for k in content_words(view, f.claim) if view.words[k].upos != "PUNCT"]
    predicate = content_root(view, words)
    root = referent(view, predicate, lex)
    if root is None or len(words) > MAX_REFERENCE_WORDS:
        return False
    word = view.words[root]
    if word.upos in ("NOUN", "ADJ") and lex.marker("claimnoun", word.lemma.lower()) is not None:  # "an [accusation]"
        return True
    remark = f.claim.kind is ClaimKind.EVIDENTIAL
    if len(words) == 1 and (view.words[words[0]].lower == "which" and (f.stance in DISAGREEING or remark)
                            or view.words[words[0]].lower == "that" and view.words[words[0]].upos == "PRON" and remark):
        return True  # "…, which the city denies", "…, a figure that could not be verified": what was just reported
        # (not "a deal that was rejected")
    if f.stance in DISAGREEING and (len(words) == 1 or root != predicate) and word.upos == "PRON" \
            and word.feat("PronType") != "Rel" and word.lower in DEMONSTRATIVES | {"it"}:
        return True  # "Kyiv has denied this", "The administration has denied that", "said that was a lie"
    if f.stance in DISAGREEING and word.upos == "NOUN" and root == predicate \
            and determined_by(view, root, DEMONSTRATIVES):
        return True  # "Israeli officials dispute those figures": the figures just reported
    if f.claim.kind is not ClaimKind.EVIDENTIAL or any(view.words[k].upos in ("VERB", "AUX") for k in words) \
            or view.kids(root, "nsubj"):
        return False  # "did not provide evidence [that China was behind the hack]" says something itself
    pointers = DEMONSTRATIVES | {"the", "such"}
    return word.upos == "PRON" and word.lower in DEMONSTRATIVES | {"it"} \
        or word.upos == "NOUN" and determined_by(view, root, pointers)


def referent(view: DocView, root: int | None, lex: LabelLexicons) -> int | None:
    """The word through which a content's predicate points back at a claim: what it calls untrue ("[the
    allegations] were false", "[that] was a lie"), or the noun a relative pronoun stands for ("[allegations] of
    fraud, which it has rejected")."""
    if root is not None and lex.marker("untruth", view.words[root].lemma.lower()) is not None:
        root = next(iter(view.kids(root, "nsubj")), root)
    if root is None or view.words[root].feat("PronType") != "Rel":
        return root
    noun = relative_antecedent(view, root)
    return root if noun is None else noun


def entity_keys(entity: Entity | None) -> frozenset[str]:
    if entity is None:
        return frozenset()
    if entity.type is SourceType.GOVERNMENT:
        return frozenset({entity.name.lower()})
    keys = {entity.name.split()[-1].lower()} if entity.name else set()
    return frozenset(keys | {m.text.split()[-1].lower().strip("’'s") for m in entity.mentions if m.text[:1].isupper()})


def about(g: Facts, f: Facts) -> bool:
    """Does claim ``g`` speak about the speaker of ``f``?"""
    return not f.speaker_keys.isdisjoint(g.keys)


def shared(f: Facts, g: Facts) -> set[str]:
    return set(f.keys & g.keys)


def similarity(f: Facts, g: Facts) -> float:
    union = f.keys | g.keys
    return len(f.keys & g.keys) / len(union) if union else 0.0


def polarity(f: Facts) -> str:
    return f.factuality.value[-1] if f.factuality is not Factuality.UU else "u"


def independent(f: Facts, g: Facts) -> bool:
    """Different speakers, and not one speaking for the other (a Ukrainian president for Ukraine)."""
    a, b = f.entity, g.entity
    if a is None or b is None or a.id == b.id or a.name in b.name or b.name in a.name \
            or a.name.split()[-1:] == b.name.split()[-1:]:
        return False
    return not (affiliated(a, b) or affiliated(b, a))


def affiliated(person: Entity, government: Entity) -> bool:
    if government.type is not SourceType.GOVERNMENT or not person.role:
        return False
    lex = load_label_lexicons()
    role_words = person.role.replace("’s", " ").replace("'s", " ").split()
    places = (lex.place(" ".join(role_words[i:i + n])) for n in (1, 2, 3) for i in range(len(role_words)))
    countries = {place[1] for place in places if place}
    return government.name in countries


def content_facts(view: DocView, claim: Claim, stance: Stance, factuality: Factuality, entity: Entity | None,
                  lex: LabelLexicons) -> Facts:
    return Facts(claim, stance, factuality, entity, frozenset(content_keys(view, content_words(view, claim), lex)),
                 entity_keys(entity))
