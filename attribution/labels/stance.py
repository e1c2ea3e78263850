"""Stance of the speaker and factuality of the content, both read from the cue and the content's main clause.

Stance starts from the cue (its lemma in stance.tsv, else its lexicon class) and then follows the speech act:
"see X as Y" is a view (``hedge``); a neutral or distancing cue whose content dismisses ("fake news") is
``dismiss``, one whose content charges wrongdoing is ``accuse``, one whose main clause is modalised ("may",
"highly likely") is ``hedge``; "ask whether" is ``question`` and "call X Y" is naming, not a directive. A
first-person "I think" takes the act of what it introduces, and a noun-phrase content the act its noun names
("echoed a call"); so does "it is clear that X" (the act of X). "Would" forecasts only when reported (a
backshifted "will"): in a speaker's own words it is conditional, and "would welcome" is a wish.
"""
from __future__ import annotations

from ..extract.view import DocView
from ..lexicon import load_lexicon
from ..model import Claim, ClaimKind, Factuality, Stance
from .content import DEMONSTRATIVES, content_root, content_words, cue_words, find_markers, top_words, unquoted
from .lexicons import LabelLexicons
from .names import title_case

__all__ = ["stance_of", "factuality_of", "negated_cue"]

NEUTRAL = {Stance.ASSERT, Stance.CLAIM}
NO_TRUTH_VALUE = {Stance.DEMAND, Stance.QUESTION}
LEVEL = {Stance.HEDGE: "PR", Stance.PREDICT: "PR"}  # what the speech act itself makes of the content
RANK = {"CT": 0, "PR": 1, "PS": 2}
RESTRICTIVE = {"just", "only", "merely", "simply", "longer", "least"}
OWN_ATTITUDES = {Stance.DEMAND, Stance.PREDICT, Stance.HEDGE}
PERSONAL = {"i", "we", "he", "she", "they"}
FIRST_PERSON = {"i", "we"}
THAT_CLAUSES = ("ccomp", "csubj", "advcl")
QUESTION_OPENERS = {"about", "whether", "if", "who", "what", "why", "how", "when", "where", "which"}


def stance_of(view: DocView, claim: Claim, lex: LabelLexicons) -> Stance:
    lemma = unquoted(claim.cue_lemma.lower())
    if claim.kind is ClaimKind.EVIDENTIAL:
        return lex.stance_by_class["evidential"]
    stance = lex.stance_of_lemma(lemma) or lex.stance_by_class.get(claim.cue_class, Stance.ASSERT)
    if lex.marker("regard", lemma) and regards_as(view, claim):
        stance = Stance.HEDGE  # "critics see the renewal as an opportunity": a view, not a report
    words = content_words(view, claim)
    first = next((view.words[k].lower for k in words if view.words[k].upos != "PUNCT"), "")
    if lemma == "ask" and not asks_to(view, words, first, set(cue_words(view, claim))):
        return Stance.QUESTION  # "asked whether …", "asked about …", "asked Republicans a question"
    if lex.marker("advice", lemma) and advises(view, claim, words):
        return Stance.DEMAND  # "warned China against provocative behavior", "cautioned them not to …": advice
    if refused(view, claim, lex):
        return Stance.DENY  # "refused to admit that …", "was not willing to say who …"
    if (plea := court_plea(view, claim, lex)) is not None:
        return plea
    if negated_cue(view, claim, lex):
        if lex.marker("certainty", lemma):
            return Stance.QUESTION  # "is not sure she can vote for …": doubt
        if stance in (Stance.DENY, Stance.DISMISS) and any(
                lex.stance_of_lemma(view.words[k].lemma) in (Stance.DENY, Stance.DISMISS)
                and find_markers(view, view.kids(k, "advmod"), "negation", lex) for k in cue_words(view, claim)):
            return Stance.CONFIRM  # "did not dispute that he lends his thoughts to …": a concession
        return stance  # "have not said when …": nothing was said, so the content says nothing of the act
    cue = {view.words[k].lower for k in cue_words(view, claim)}
    if lemma == "call" and claim.kind is not ClaimKind.NOMINAL and first not in ("for", "on", "to") \
            and not cue & {"for", "on"}:
        stance = Stance.ASSERT  # "what she called 'a gross violation'": naming, not a directive
    if stance in NEUTRAL and find_markers(view, words, "dismissal", lex):
        return Stance.DISMISS
    if stance in NEUTRAL and calls_untrue(view, claim, words, lex):
        return Stance.DENY  # "called the testimony “a pack of lies”", "said the allegations were false"
    if stance in NEUTRAL | {Stance.HEDGE} and find_markers(view, words, "accusation", lex) \
            and not negated_main(view, words, lex):  # "its troops are not mistreating civilians" answers a charge
        return Stance.ACCUSE  # "were suspected of forcibly taking …" is a (hedged) charge
    return clause_act(view, claim, words, stance, lex)


def court_plea(view: DocView, claim: Claim, lex: LabelLexicons) -> Stance | None:
    """"pleaded guilty" admits the charge (confirm), "pleaded not guilty" denies it; the plea word may be the cue's
    or, after it, the content's."""
    cue = cue_words(view, claim)
    if not cue:
        return None
    after = list(range(max(cue) + 1, min(max(cue) + 4, len(view.words))))
    verbs = {view.words[k].lemma.lower() for k in cue}  # the tagger's cue may hold the plea word too
    plea = next((k for k in cue + after if lex.marker("plea", view.words[k].lower) in verbs), None)
    if plea is None:
        return None
    return Stance.DENY if find_markers(view, list(range(max(plea - 2, 0), plea)), "negation", lex) else Stance.CONFIRM


def clause_act(view: DocView, claim: Claim, words: list[int], stance: Stance, lex: LabelLexicons) -> Stance:
    """The speech act read from the main clause of ``words``, given the cue's stance."""
    clause, root = modal_words(view, words), content_root(view, words)
    inside = set(words)
    if vouched := vouched_clause(view, root, inside, lex):
        return clause_act(view, claim, vouched, stance, lex)  # "it is clear to me that the president has got to"
    phrase_starts = sorted(set(clause) | {k + 1 for k in clause if k + 1 in inside})  # "it was time to end"
    if stance in NEUTRAL and deontic(view, phrase_starts, {root}, lex) \
            or stance in NEUTRAL | {Stance.HEDGE} and mandative(view, claim, root, lex):
        return Stance.DEMAND  # "the U.S. has to keep Moscow out", "suggested that the program end"
    if stance is not Stance.ASSERT or root is None:
        return stance
    if view.words[root].upos == "NOUN" and not any(
            view.words[k].upos in ("VERB", "AUX") for k in words):
        noun = view.words[root]
        entry = load_lexicon().lookup(noun.lemma, noun.text, "NOUN")
        named = lex.stance_by_class.get(entry.cls) if entry else None  # a speech act, not "support for Kyiv"
        if named not in (None, Stance.ASSERT, Stance.CLAIM):
            return named  # "echoed a call", "repeated the allegation": the act the noun names
    own = lex.stance_of_lemma(view.words[root].lemma)  # "concerned", left as it is
    subjects = {view.words[k].lower for k in view.kids(root, "nsubj")}
    if professes_doubt(view, root, lex):
        return Stance.HEDGE
    if own is Stance.HEDGE and subjects & FIRST_PERSON:
        return opinion_act(view, [k for k in view.subtree(root) if k in inside and k != root], lex)
    if own in OWN_ATTITUDES and view.words[root].upos == "VERB" and subjects & PERSONAL:
        return own  # "said they hoped the move will spur …" is a wish, not an assertion
    if own is Stance.CONFIRM and view.words[root].upos == "VERB" and not negated_main(view, words, lex) \
            and any(vouching(view, k, lex) for k in view.kids(root, "aux")):
        return Stance.CONFIRM  # "said the alliance could confirm that North Korean troops had been sent"
    if lex.marker("truth", view.words[root].lemma.lower()) and view.kids(root, "nsubj"):
        negated = find_markers(view, view.kids(root, "advmod"), "negation", lex)
        return Stance.DENY if negated else Stance.CONFIRM  # "Trump was absolutely right"
    if lex.marker("desire", view.words[root].lemma.lower()) and any(
            view.words[k].lower in ("would", "'d") for k in view.kids(root, "aux")):
        return Stance.DEMAND  # "said he would welcome China's participation": a wish
    if forecasts(view, claim, clause, lex):
        return Stance.PREDICT  # "said it would increase oversight"
    if hedges(view, clause, lex):
        return Stance.HEDGE
    return stance


def vouched_clause(view: DocView, root: int | None, inside: set[int], lex: LabelLexicons) -> list[int]:
    """The words of X in a main clause "it is clear (to me) that X", whose act is the speaker's; else none."""
    if root is None or view.words[root].upos != "ADJ" or not lex.marker("evident", view.words[root].lemma.lower()) \
            or not any(view.words[k].lower == "it" for k in view.kids(root, "nsubj", "expl")):
        return []
    clause = next((k for k in view.kids(root, *THAT_CLAUSES) if k in inside), None) or next(
        (k for k in sorted(inside) if k > root and view.words[k].head not in inside
         and view.words[k].rel in THAT_CLAUSES), None)  # the parser may hang X from the cue instead
    return [] if clause is None else [k for k in view.subtree(clause) if k in inside]


def forecasts(view: DocView, claim: Claim, clause: list[int], lex: LabelLexicons) -> bool:
    """Does the main clause speak of what will happen? In a speaker's own words "would" is conditional ("That
    would be Hillary Clinton"); reported, it is a backshifted "will" ("said it would increase oversight")."""
    return any(claim.kind is not ClaimKind.DIRECT or view.words[idx[0]].lower != "would"
               for idx, _ in find_markers(view, clause, "future", lex))


def deontic(view: DocView, words: list[int], heads: set[int | None], lex: LabelLexicons) -> bool:
    """Obligation or need among ``words``: a phrase ("has to"), an auxiliary ("must"), or a single word that is the
    predicate of one of ``heads`` ("more changes are needed"; not "Ukraine's need for")."""
    return any(len(idx) > 1 or view.words[idx[0]].rel == "aux"
               or idx[0] in heads and view.words[idx[0]].upos in ("VERB", "ADJ")
               for idx, _ in find_markers(view, words, "deontic", lex))


def opinion_act(view: DocView, words: list[int], lex: LabelLexicons) -> Stance:
    """What "I think …" introduces: a directive ("I think she has got to …"), a forecast ("I think this is going to
    destroy …"), agreement ("I think that's right"), or else the speaker's hedged view."""
    futures = [idx for idx, _ in find_markers(view, words, "future", lex) if view.words[idx[0]].lower != "would"]
    if deontic(view, words, set(words), lex):
        obliged = {idx[0] for idx, _ in find_markers(view, words, "deontic", lex)}
        if any(view.words[idx[0]].head in obliged for idx in futures):
            return Stance.PREDICT  # "I guess we'll have to go to war": a necessity foreseen
        return Stance.DEMAND
    if futures:
        return Stance.PREDICT  # under a present "I think", "would" is conditional: a view
    if any(lex.marker("truth", view.words[k].lemma.lower()) and view.kids(k, "nsubj") for k in words):
        return Stance.CONFIRM
    return Stance.HEDGE


def professes_doubt(view: DocView, root: int | None, lex: LabelLexicons) -> bool:
    """"I don't know", "she was not sure whether …": the speaker says they do not know (a hedge that leaves the
    content underspecified); not knowing a thing or a person ("did not know the man") is no doubt."""
    if root is None or view.kids(root, "obj"):
        return False
    subjects = {view.words[k].lower for k in view.kids(root, "nsubj")}
    return bool(subjects & PERSONAL) and bool(lex.marker("certainty", view.words[root].lemma.lower())) \
        and bool(find_markers(view, view.kids(root, "advmod"), "negation", lex))


def asks_to(view: DocView, words: list[int], first: str, cue: set[int]) -> bool:
    """Is "ask" a request ("asked the mayor to resign", "asked partners for help", "asked that …") rather than a
    question ("asked about her plans for …", "asked whether …")? Read from the words: the parser often hangs
    the infinitive from the object."""
    if first in QUESTION_OPENERS or any(view.words[k].lower in QUESTION_OPENERS for k in cue):  # "asked about"
        return False
    return first == "that" and words[0] - 1 in cue or to_infinitive(view, words) or any(
        (view.words[k].lower, view.words[k].upos) == ("for", "ADP") for k in words[:5])


def advises(view: DocView, claim: Claim, words: list[int]) -> bool:
    """A warning addressed to someone *against* something or *to* do something, rather than that something will
    happen."""
    cue = set(cue_words(view, claim))
    return any(view.words[k].lower == "against" for k in [*words, *cue]) or to_infinitive(view, words)


def to_infinitive(view: DocView, words: list[int]) -> bool:
    """An infinitive among a content's first words: "the mayor to resign", "not to return"."""
    return any((view.words[k].lower, view.words[k].upos) == ("to", "PART") for k in words[:5])


def calls_untrue(view: DocView, claim: Claim, words: list[int], lex: LabelLexicons) -> bool:
    """Does the content call a claim untrue: a word of untruth predicated of a claim noun or a pronoun for one
    ("the allegations were false", "That is a lie", "called the testimony a pack of lies"; not "Trump lied", a
    charge, nor "the wrong thing", a judgement of an act)?"""
    def said(k: int) -> bool:
        return view.words[k].upos in ("NOUN", "PRON") and (
            lex.marker("claimnoun", view.words[k].lemma.lower()) is not None
            or view.words[k].lower in DEMONSTRATIVES | {"it"})

    labelled = any(said(o) for c in cue_words(view, claim) for o in view.kids(c, "obj"))
    for k in words:
        w = view.words[k]
        if w.upos not in ("ADJ", "NOUN") or lex.marker("untruth", w.lemma.lower()) is None:
            continue
        predicates = [k] + ([w.head] if w.upos == "NOUN" and w.rel == "nmod" and w.head is not None else [])
        if any(said(s) for p in predicates for s in view.kids(p, "nsubj")) or labelled and w.upos == "NOUN":
            return True
    return False


def refused(view: DocView, claim: Claim, lex: LabelLexicons) -> bool:
    """Does the cue hang from a refusal ("refused to admit", "declined to say", "was not willing to say"), or is it
    a verb of speech that "would not" or "will not" speak ("would not say whether …", "won't comment"), or an
    answer that is none ("neither confirmed nor denied")?"""
    classes = {e.cls for k in cue_words(view, claim)
               if (e := load_lexicon().lookup(view.words[k].lemma, view.words[k].text, "VERB")) is not None}
    if {"confirmation", "denial"} <= classes and negated_cue(view, claim, lex):
        return True
    entry = load_lexicon().lookup(unquoted(claim.cue_lemma.lower()), claim.cue_lemma, "VERB")
    if entry is not None and entry.cls in ("speech", "confirmation") and negated_cue(view, claim, lex) and any(
            view.words[a].lemma.lower() in ("will", "would")
            for k in cue_words(view, claim) for a in view.kids(k, "aux")):
        return True
    for k in cue_words(view, claim):
        w = view.words[k]
        if w.rel != "xcomp" or w.head is None:
            continue
        governor = view.words[w.head]
        if lex.stance_by_lemma.get(governor.lemma.lower()) is Stance.DENY or governor.lemma.lower() == "willing" \
                and find_markers(view, view.kids(governor.i, "advmod"), "negation", lex):
            return True
    return False


def mandative(view: DocView, claim: Claim, root: int | None, lex: LabelLexicons) -> bool:
    """A subjunctive that-clause after a verb that takes one: "suggested that he step down" (a bare verb with a
    singular subject; read from the form, since the tagger rarely tags the mood, and not an "-ed" form the
    lemmatizer did not know: "insist that the administration misled Congress")."""
    if root is None or not lex.marker("mandative", claim.cue_lemma.lower()):
        return False
    verb = view.words[root]
    subjects = [view.words[k] for k in view.kids(root, "nsubj")]
    past = verb.lower.endswith("ed") and not verb.lower.endswith("eed")  # "proceed", "succeed" are bare
    return verb.upos == "VERB" and verb.lower == verb.lemma.lower() and not past and not view.kids(root, "aux", "cop") \
        and any(view.words[k].lower == "that" for k in view.kids(root, "mark")) \
        and any(s.feat("Number") == "Sing" and s.lower not in ("i", "you") for s in subjects)


def regards_as(view: DocView, claim: Claim) -> bool:
    """Does the cue take a complement introduced by "as" ("see X as Y")?"""
    return any(view.words[k].lower == "as" for c in cue_words(view, claim) for child in view.children[c]
               for k in (child, *view.children[child]))


def hedges(view: DocView, words: list[int], lex: LabelLexicons) -> list[tuple[list[int], str]]:
    """Hedge markers, less "could not" (inability, not the speaker's doubt) and "could confirm" (the ability to
    vouch for something)."""
    return [(idx, value) for idx, value in find_markers(view, words, "hedge", lex)
            if not (view.words[idx[0]].lower == "could" and idx[-1] + 1 < len(view.words)
                    and lex.marker("negation", view.words[idx[-1] + 1].lower)) and not vouching(view, idx[0], lex)]


def vouching(view: DocView, k: int, lex: LabelLexicons) -> bool:
    """Is word ``k`` the "can"/"could" of a verb of confirming ("the alliance could confirm that …")?"""
    head = view.words[k].head
    return view.words[k].lower in ("can", "could") and view.words[k].rel == "aux" and head is not None \
        and lex.stance_of_lemma(view.words[head].lemma.lower()) is Stance.CONFIRM


def negated_cue(view: DocView, claim: Claim, lex: LabelLexicons) -> bool:
    """"has not commented on", "did not provide evidence": the cue itself is negated."""
    return bool(find_markers(view, cue_words(view, claim), "negation", lex))


def factuality_of(view: DocView, claim: Claim, stance: Stance, lex: LabelLexicons) -> Factuality:
    """The FactBank value of the content as the speaker presents it."""
    if stance in NO_TRUTH_VALUE or negated_cue(view, claim, lex) and stance not in (Stance.DENY, Stance.DISMISS) \
            or refused(view, claim, lex):
        return Factuality.UU
    words = content_words(view, claim)
    if stance is Stance.HEDGE and professes_doubt(view, content_root(view, words), lex):
        return Factuality.UU  # "I don't know": no commitment either way
    if only_topic(view, claim, words, lex) and stance not in (Stance.DENY, Stance.DISMISS):
        return Factuality.UU  # "spoke about the death of …": a topic, no proposition
    if stance is Stance.PREDICT and (infinitive(view, words) or noun_phrase(view, words)):
        return Factuality.UU  # "promised to end …", "Promises Action": a commitment, no statement of what will be
    if any(lex.marker("refusal", view.words[k].lemma.lower()) is not None for k in cue_words(view, claim)):
        return Factuality.UU  # "declined to comment", "refused to admit that …": a refusal, no statement
    level = lex.marker("cuelevel", claim.cue_lemma.lower()) or LEVEL.get(stance, "CT")
    negative = False
    for _, value in hedges(view, modal_words(view, words), lex):
        level = max(level, value.rstrip("-"), key=RANK.__getitem__)
        negative ^= value.endswith("-")
    if negated_main(view, words, lex):
        negative = not negative
    if stance in (Stance.DENY, Stance.DISMISS):  # "denied that it shelled the port"; but "said Trump was not right"
        negative = True                            # already states the negation itself
    return Factuality(f"{level}{'-' if negative else '+'}")


def negated_main(view: DocView, words: list[int], lex: LabelLexicons) -> bool:
    """Is the content's main predicate negated ("are not mistreating"; not "not just")?"""
    root = content_root(view, words)
    direct = [k for k in top_words(view, words) if k == root or view.words[k].head == root]
    return any(not_restrictive(view, idx) for idx, _ in find_markers(view, direct, "negation", lex))


def prenominal(view: DocView, k: int) -> bool:
    """A participle before its noun ("for continued engagement") modifies it; it is no clause. After a noun it
    is more likely a verb the parser misread ("the developers looted millions")."""
    head = view.words[k].head
    return view.words[k].rel == "amod" and head is not None and k < head \
        and view.words[k - 1].upos not in ("NOUN", "PROPN", "PRON")


def noun_phrase(view: DocView, words: list[int]) -> bool:
    """Is the content a noun phrase ("action on immigration"), not a clause (a copula or subject makes one)?"""
    root = content_root(view, words)
    return root is not None and view.words[root].upos in ("NOUN", "PROPN") and not view.kids(root, "nsubj", "cop")


def infinitive(view: DocView, words: list[int]) -> bool:
    """A content that is a bare to-infinitive ("to end the program"), with no subject of its own; a relative
    pronoun may stand before it as its object, after its antecedent or not ("[the claims, which] Beijing has vowed
    [to ignore]")."""
    spoken = [k for k in words if view.words[k].upos != "PUNCT"]
    relative = next((n for n, k in enumerate(spoken) if view.words[k].feat("PronType") == "Rel"), None)
    if relative is not None:
        spoken = spoken[relative + 1:]
    return bool(spoken) and view.words[spoken[0]].lower == "to" and view.words[spoken[0]].upos == "PART"


def modal_words(view: DocView, words: list[int]) -> list[int]:
    """Words that carry the main clause's modality: its predicate, auxiliaries and adverbs (not "possible ties")."""
    root = content_root(view, words)

    def near_root(k: int) -> bool:
        head = view.words[k].head
        return head is not None and (head == root or view.words[head].head == root)

    return [k for k in top_words(view, words) if k == root
            or view.words[k].rel in ("aux", "advmod", "xcomp", "mark") and near_root(k)
            or view.words[k].head == root and view.words[k].upos in ("ADV", "ADP")]  # "perhaps" tagged ADP


def not_restrictive(view: DocView, idx: list[int]) -> bool:
    """Negation of the content, not "not just" / "no longer" (which only restrict it) nor a contrast set off by
    commas."""
    after = view.words[idx[-1] + 1].lower if idx[-1] + 1 < len(view.words) else ""
    aside = idx[0] > 0 and view.words[idx[0] - 1].text == "," and any(  # "a software failure, not staffing
        view.words[j].text == "," for j in range(idx[-1] + 1, min(idx[-1] + 6, len(view.words))))  # shortages, caused"
    return after not in RESTRICTIVE and not aside \
        and (view.words[idx[0]].lower != "no" or view.words[idx[0]].rel == "det")


def only_topic(view: DocView, claim: Claim, words: list[int], lex: LabelLexicons) -> bool:
    """A verb cue whose content is a noun phrase that is neither quoted nor a reference to claims ("X as Y" and
    "called the plan a scam" are propositions)."""
    root = content_root(view, words)
    entry = load_lexicon().lookup(unquoted(claim.cue_lemma.lower()), claim.cue_lemma, "VERB")
    cue = set(cue_words(view, claim))
    labels = entry is not None and entry.frame == "label" and len(  # "called [the plan] [a scam]"
        [k for k in words if view.words[k].rel in ("obj", "xcomp") and view.words[k].head in cue]) >= 2
    if root is None or claim.kind is not ClaimKind.INDIRECT or regards_as(view, claim) or labels or any(
            view.words[k].upos in ("VERB", "AUX") and not prenominal(view, k) for k in words[1:]) \
            or title_case(view, view.sentence_ranges[view.words[root].sent]):
        return False  # a clause, or a title-case headline (whose verbs the tagger reads as nouns)
    return view.words[root].upos in ("NOUN", "PROPN", "PRON", "NUM") and \
        lex.marker("claimnoun", view.words[root].lemma.lower()) is None
