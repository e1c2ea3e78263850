"""Claims cued by verbs: active reporting verbs, passives, and evidential verify / provide-evidence remarks."""
from __future__ import annotations

from ..lexicon import DENYING_CLASSES, OBJECT_FRAMES, CueEntry, load_lexicon
from ..model import ClaimKind
from .draft import Draft
from .link import QUOTE_MARKS
from .others import closes_sentence, closing_cue_claim, reduced_relative_claim
from .spans import (CLAUSE_STARTERS, chars, content_end, is_clausal, is_complementizer, is_passive, phrase,
                    quoting_host, source_words, subject, trim_words, verb_group)
from .relatives import RELATIVES
from .view import DocView

LINKING_PREPOSITIONS = {"for", "on", "about", "of", "against", "upon"}
PROOF_VERBS = {"back", "support", "substantiate", "prove", "justify", "confirm", "corroborate", "bolster"}
PROOF_NOUNS = {"evidence", "proof", "data", "documentation"}
THAT_WINDOW = 15
LONG_NP = 5
NEGATIONS = {"not", "n't", "never", "cannot", "neither"}
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tonight"}  # "said [Monday] it had paused …", which the parser may make an object
MISREAD_DETERMINERS = {"either", "neither", "both"}  # the parser's prepositions in "verify [either] account"


def verb_claim(view: DocView, v: int, entry: CueEntry) -> Draft | None:
    group = verb_group(view, v)
    if any(quoting_host(view, c) == v for c in view.kids(v, "advcl")):
        return None  # "X was quoted as saying …": the claim is the one cued by "saying"
    if (host := quoting_host(view, v)) is not None:
        group = sorted({*verb_group(view, host), *view.kids(v, "mark"), *group})
    if entry.frame == "verify" or entry.lemma == "confirm" and negated(view, group) and is_passive(view, v):
        return verify_claim(view, v, entry, group)
    if entry.lemma == "confirm" and (negation := negation_before(view, v)) is not None \
            and unconfirmed_object(view, v) is not None:  # "did not immediately confirm the claim"
        return verify_claim(view, v, entry, list(range(min(negation, *view.kids(v, "aux"), group[0]), group[-1] + 1)))
    if entry.lemma == "confirm" and v + 2 < len(view.words) and neither_confirmed(view, v + 2):
        return None  # "neither confirmed [nor denied]": one answer that is none, found from "denied"
    if entry.lemma == "deny" and neither_confirmed(view, v):
        return verify_claim(view, v, entry, list(range(v - 3, v + 1)))  # no answer, whatever the parse made of it
    if entry.frame == "proof":
        return proof_claim(view, v, entry, group)
    if entry.frame == "light":
        return None
    if is_passive(view, v) and closes_sentence(view, v) and not view.kids(v, "aux:pass", "obl:agent", "mark") \
            and (closing := closing_cue_claim(view, v, entry)) is not None:
        return closing  # "…, the authors acknowledged.", parsed as a reduced passive
    if is_passive(view, v):
        return passive_claim(view, v, entry, group)
    if closes_sentence(view, v) and (closing := reduced_relative_claim(view, v, entry)) is not None:
        return closing  # "…, a charge it denies.", parsed as a verb with two subjects
    return active_claim(view, v, entry, group)


def neither_confirmed(view: DocView, v: int) -> bool:
    """Does "neither confirm(s/ed) nor" come right before the denying verb ``v``?"""
    before = view.words[max(v - 3, 0):v]
    confirm = load_lexicon().lookup(before[1].lemma, before[1].text, "VERB") if len(before) == 3 else None
    return len(before) == 3 and before[0].lower == "neither" and before[2].lower == "nor" \
        and confirm is not None and confirm.lemma == "confirm"


def negated(view: DocView, group: list[int]) -> bool:
    return any(view.words[i].lower in NEGATIONS for i in group)


def negation_before(view: DocView, v: int) -> int | None:
    """The "not", "never" or "neither" that negates verb ``v`` from before it, also across an adverb ("did not
    [immediately] confirm") that keeps it out of the verb group."""
    return next((c for c in view.children[v] if c < v and view.words[c].lower in NEGATIONS), None)


def unconfirmed_object(view: DocView, v: int) -> int | None:
    """What an active verb of verifying takes up: its object ("did not confirm [the claim]", "verify [either]
    account"), or the noun its relative clause leaves out (", [a claim] the militant group did not immediately
    confirm", which the parser may read as a second subject)."""
    obj = next((c for c in view.kids(v, "obj")), None) or next((c for c in view.kids(v, "obl") if any(
        view.words[k].lower in MISREAD_DETERMINERS for k in view.kids(c, "case"))), None)
    if obj is not None:
        return obj
    w = view.words[v]
    if w.deprel == "acl:relcl" and w.head is not None:
        return w.head
    subjects = view.kids(v, "nsubj")
    return subjects[0] if len(subjects) > 1 else None


def active_claim(view: DocView, v: int, entry: CueEntry, group: list[int]) -> Draft | None:
    source = source_words(view, v, group)
    cue = list(group)
    content = quote_before(view, cue, source)
    if content:
        return Draft(ClaimKind.DIRECT, cue, entry.lemma, source, [chars(view, content)], 0.95 if source else 0.8,
                     entry.cls)
    start = content_start(view, v, entry, cue, source)
    end = content_end(view, v, start, stop_at=frozenset(source))
    content = trim_words(view, [i for i in range(start, end + 1) if i not in source], keep_quotes=True)
    if entry.frame == "object" and content and view.words[content[0]].lower not in CLAUSE_STARTERS:
        comma = next((k for k, i in enumerate(content) if view.words[i].text == "," and not view.in_quote(i)), None)
        if comma and not is_clausal(view, content[:comma]) and not subject_of_later_verb(view, content, comma):
            content = trim_words(view, content[:comma])
    ok = content and (is_clausal(view, content) or entry.frame in OBJECT_FRAMES
                      or len(content) >= LONG_NP and entry.cls == "speech")  # the tagger missed the verb
    if entry.frame == "quote":  # "continued: “…”", "singing “It's Our Time”", not "would continue “as long …”"
        ok = ok and view.in_quote(content[0]) and (any(view.words[k].upos in ("VERB", "AUX") for k in content) or any(
            view.words[k].text in (":", ",") for k in range(cue[-1] + 1, content[0] + 1)))
    if entry.frame == "label" and ok and (names_only(view, v, cue, source) or labels_nothing(view, v, content)):
        return None
    if not ok:
        content = left_content(view, v, cue, source) or antecedent_content(view, v, entry)
    if not content:
        return None
    return Draft(ClaimKind.INDIRECT, cue, entry.lemma, source, [chars(view, content)],
                 0.9 if source else 0.7, entry.cls)


def antecedent_content(view: DocView, v: int, entry: CueEntry) -> list[int]:
    """The noun a relative clause's cue takes as its object: "[a claim] (that) the militant group denied". What is
    denied is that claim, which the labels resolve; after "which" the relative word is the content (relatives.py)."""
    w = view.words[v]
    relative = [k for k in view.kids(v, "obj") if k < v and view.words[k].lower == "which"]
    if w.rel == "acl" and relative and entry.frame in OBJECT_FRAMES:
        return relative  # "…, which the city denies": the relative word, which the labels resolve
    if w.deprel != "acl:relcl" or w.head is None or entry.frame not in OBJECT_FRAMES \
            or any(k > v or view.words[k].lower in RELATIVES for k in view.kids(v, "obj", "ccomp")) \
            or not any(view.words[k].feat("PronType") != "Rel" for k in view.kids(v, "nsubj")):
        return []  # not "any consumer who asks": there the noun is the one who speaks
    clause = set(view.subtree(v))
    return trim_words(view, [k for k in view.subtree(w.head) if k not in clause and k < v])


def names_only(view: DocView, v: int, cue: list[int], source: list[int]) -> bool:
    """A labelling verb as a past participle with no speaker names rather than reports: "a firm called Cambridge
    Analytica", "a film called “Tenemos Familias”" (while "a statement calling it …", "which Cook called …" and
    "called for …" report)."""
    return (not source and view.words[v].rel == "acl" and view.words[v].feat("Tense") == "Past"
            and not any(view.words[c].lower in LINKING_PREPOSITIONS for c in cue)
            and not any(view.words[c].feat("PronType") in ("Rel", "Int") for c in view.children[v]))


def labels_nothing(view: DocView, v: int, content: list[int] | set[int]) -> bool:
    """A labelling verb with one plain noun phrase after it and no label for it: "called both candidates on
    Tuesday", "called an emergency meeting to discuss …", "called into a radio show" (a telephone call, a summons).
    Read from the words, since the parser seldom sees a small clause: not "called it “a threat”", "called Trump a
    liar", "called the charges unsubstantiated", "called her vote in favor of the war a mistake", "called him out";
    and only where more follows the phrase, since in "called the report fake" the parser may take "fake" for the
    object noun."""
    words = sorted(content)
    times = [c for c in view.kids(v, "obj") if any(view.words[k].lower in WHEN_WORDS
                                                   for k in [c] + view.kids(c, "compound"))]  # "Tuesday night"
    objects = [c for c in view.kids(v, "obj") if c not in times]
    if not words or view.kids(v, "compound:prt", "xcomp", "ccomp", "iobj") or any(
            view.words[c].feat("PronType") in ("Rel", "Int") for c in view.children[v]) or any(
            view.in_quote(k) or view.words[k].text in QUOTE_MARKS for k in words):
        return False
    if not objects:  # "called into Tom Joyner's radio program": a place called, not a label
        after = view.words[v + 1] if v + 1 < len(view.words) else None
        return after is not None and after.upos == "ADP" and after.lower not in LINKING_PREPOSITIONS and any(
            v + 1 in view.subtree(c) for c in view.kids(v, "obl"))
    head = objects[0]
    phrase = [k for k in words if k <= head]
    rest = [view.words[k] for k in words if k > head]
    if len(objects) > 1 or not phrase or view.words[head].upos not in ("NOUN", "PROPN", "PRON"):
        return False
    if view.words[phrase[0]].upos in ("PROPN", "PRON") and phrase[0] != head and not any(
            view.words[k].lower in ("'s", "’s") for k in phrase) or sum(
            view.words[k].upos == "DET" for k in phrase) > 1:
        return False  # "call Pfizer unpatriotic", "calls this a false narrative": two phrases the parser took for one
    return bool(rest) and (rest[0].upos in ("ADP", "SCONJ", "PART", "ADV") or rest[0].lower in WHEN_WORDS) and not any(
        w.lower in ("a", "an") for w in rest)  # "called the report fake" ends on the label the parser took for a noun


def quote_before(view: DocView, cue: list[int], source: list[int]) -> list[int]:
    """“…,” he added — a quotation closing right before the cue-and-source block."""
    block = min(cue + source)
    if set(range(block, max(cue + source) + 1)) - set(cue + source) - {i for i in range(block, max(cue + source))
                                                                      if view.words[i].text == ","}:
        return []
    k = block - 1
    start = view.sentence_of(cue[0]).start
    while k >= start and view.words[k].text == ",":
        k -= 1
    if k < start or view.words[k].text not in ("”", '"', "’") or not view.in_quote(k):
        return []
    quote = view.quote_at(view.words[k].start)
    if quote is None or view.text[quote.start] in "‘'":
        return []
    return [i for i in range(start, k + 1) if view.words[i].start >= quote.start] or [k]


def content_start(view: DocView, v: int, entry: CueEntry, cue: list[int], source: list[int]) -> int:
    sentence = view.sentence_of(v)
    i = cue[-1] + 1
    while i in source or i < sentence.stop and view.words[i].text in (",",):
        i += 1
    w = view.words[v]
    fronted = w.rel == "advcl" and w.head is not None and w.head > v  # "The Journal, citing documents, reported that"
    for j in range(i, min(view.subtree(v)[-1] + 1 if fronted else sentence.stop, i + THAT_WINDOW)):
        w = view.words[j]
        if is_complementizer(view, j):
            return noun_before(view, v, entry, i, j) or j
        if w.text in (";", "“", '"', ":") or w.upos in ("VERB", "AUX") and (
                w.feat("Tense") != "Past" or w.feat("VerbForm") == "Fin"):  # "said they were concerned that"
            break
    if i < sentence.stop and view.words[i].text == ":":
        cue.append(i)
        return i + 1
    if i < sentence.stop and view.words[i].lower in LINKING_PREPOSITIONS and entry.frame in OBJECT_FRAMES:
        cue.append(i)
        return i + 1
    skip = {c for c in view.children[v] if c >= i and (view.words[c].rel in ("obl", "advmod", "nmod")
                                                       and not view.kids(c, "mark") or when_object(view, c))}
    if entry.frame == "recipient":
        skip |= set(view.kids(v, "obj", "iobj"))
    while i < sentence.stop:
        owner = next((c for c in skip if i in view.subtree(c)), None)
        if owner is not None:
            i = view.subtree(owner)[-1] + 1
        elif view.words[i].text == ",":
            i += 1
        else:
            break
    return i


def noun_before(view: DocView, v: int, entry: CueEntry, i: int, j: int) -> int | None:
    """The first word of the cue's object noun whose clause the complementizer at ``j`` opens ("rejected [claims]
    that it turned away patients", "rejected [the notion] that …", as PolNeAR's contents run): what is rejected is
    the claim with its clause. A claim noun after any cue, any noun after a denial ("told [reporters] that" is an
    addressee)."""
    nouns = [k for k in view.kids(v, "obj") if i <= k < j and claim_object(view, k, entry.cls)]
    return view.subtree(nouns[0])[0] if nouns else None  # the parser hangs the clause from the noun or the cue


def claim_object(view: DocView, k: int, cue_class: str) -> bool:
    """Is object ``k`` what the cue takes up as a claim: a claim noun after any cue, any noun after a denial?"""
    return cue_class in DENYING_CLASSES or load_lexicon().lookup(
        view.words[k].lemma, view.words[k].text, "NOUN") is not None


def subject_of_later_verb(view: DocView, content: list[int], comma: int) -> bool:
    """Does the noun phrase before the comma open a clause whose verb follows it ("revealed Tuesday [the
    hallucinogen PCP], or angel dust, was found in …")? Then the comma sets off an apposition, not the content's
    end."""
    later = set(content[comma:])
    return any(view.words[k].rel == "nsubj" and view.words[k].head in later for k in content[:comma])


def when_object(view: DocView, c: int) -> bool:
    """Is the cue's object or indirect object a day ("said Monday it had …", "told Tuesday")? A time, not content."""
    return view.words[c].rel in ("obj", "iobj") and view.words[c].lower in WHEN_WORDS and view.subtree(c) == [c]


def left_content(view: DocView, v: int, cue: list[int], source: list[int]) -> list[int]:
    """Content before a postposed cue: “…,” he said / Russia is losing, officials say."""
    block = min(cue + source)
    if not source and view.words[v].deprel not in ("root", "parataxis"):
        return []
    sentence = view.sentence_of(v)
    if block == sentence.start or view.words[block - 1].text not in (",", "”", '"', "’", ":", "—") \
            and not view.in_quote(block - 1):
        return []
    after = [i for i in range(max(cue + source) + 1, sentence.stop) if view.words[i].upos != "PUNCT"]
    if after and not view.in_quote(after[0]):
        return []
    content = trim_words(view, list(range(sentence.start, block)), keep_quotes=True)
    return content if is_clausal(view, content) else []


def passive_claim(view: DocView, v: int, entry: CueEntry, group: list[int]) -> Draft | None:
    if view.kids(v, "cop", "case"):
        return None  # "who was among those mocked": a participle the parser made a copula's predicate
    agent = next((c for c in view.kids(v, "obl:agent", "obl")
                  if any(view.words[k].lower == "by" for k in view.kids(c, "case"))), None)
    by = set(view.kids(agent, "case")) if agent is not None else set()
    source = [i for i in phrase(view, agent, set(group) | by)] if agent is not None else []
    host = view.words[v].head
    if any(view.words[m].lower == "as" for m in view.kids(v, "mark")) and host is not None:
        own = set(view.subtree(v))
        left = [i for i in view.subtree(host) if i not in own and i < group[0]]
        left = trim_words(view, left[next((k for k, i in enumerate(left) if view.words[i].upos != "SCONJ"), 0):])
        if not left:
            return None
        return Draft(ClaimKind.PASSIVE, group, entry.lemma, source, [chars(view, left)], 0.75, entry.cls)
    parts = []
    subj = next((c for c in view.kids(v, "nsubj:pass", "nsubj") if view.words[c].lower not in ("it", "there")), None)
    if subj is None and view.words[v].rel == "conj" and host is not None and view.kids(v, "cc") \
            and group[-1] + 1 < len(view.words) and view.words[group[-1] + 1].lower == "to":
        subj = next((c for c in view.kids(host, "nsubj:pass", "nsubj") if c < group[0]
                     and view.words[c].lower not in ("it", "there")), None)  # "Meisner pleaded guilty and is
        # expected to testify": what is expected is that Meisner testifies (not "who was nominated … and
        # confirmed by the Senate": no claim)
    if subj is not None:
        subj_words = phrase(view, subj, set(group))
        if subj_words:
            parts.append(chars(view, subj_words))
    start = group[-1] + 1
    if agent is not None and start in view.subtree(agent):
        start = view.subtree(agent)[-1] + 1
    sentence = view.sentence_of(v)
    right: list[int] = []
    if start < sentence.stop and view.words[start].lower in ("that", "to", "of", "whether", ":"):
        end = content_end(view, v, start, stop_at=frozenset(source))
        right = trim_words(view, list(range(start, end + 1)), keep_quotes=True)
        if right and view.words[right[0]].lower == "of":
            group = group + [right[0]]
            right = right[1:]
        if right:
            parts.append(chars(view, right))
    # the subject alone is what was said only where the verb reports a thing ("the casualties were reported", "the
    # claims were denied"), not where it is an addressee or an event ("applicants are asked", "it could be concluded")
    if not parts or not right and entry.frame != "object":
        return None
    return Draft(ClaimKind.PASSIVE, group, entry.lemma, source, parts, 0.8 if source else 0.7, entry.cls)


def verify_claim(view: DocView, v: int, entry: CueEntry, group: list[int]) -> Draft | None:
    if is_passive(view, v):
        head = next((c for c in view.kids(v, "nsubj:pass", "nsubj")), None)
        agent = next((c for c in view.kids(v, "obl:agent")), None)
        source = phrase(view, agent, set(view.kids(agent, "case"))) if agent is not None else []
    else:
        head = unconfirmed_object(view, v)
        subjects = [c for c in view.kids(v, "nsubj") if c != head]
        subj = subjects[-1] if subjects else subject(view, v)
        source = phrase(view, subj, set(group)) if subj is not None else []
        if subj in group:  # "[Israel] neither confirms nor denies": the parser made the cue's first verb the subject
            source = trim_words(view, [k for k in view.subtree(subj) if k < group[0]])
    content = phrase(view, head, set(group)) if head is not None else []
    subjects = view.kids(v, "nsubj:pass", "nsubj") if is_passive(view, v) else []
    if len(subjects) > 1 and content:  # "[The claim that the water meets] [all standards] could not be verified":
        last = max(k for s in subjects for k in view.subtree(s))  # the parser split the subject in two
        content = trim_words(view, [k for k in range(content[0], last + 1) if k not in group])
    if not content:
        return None
    return Draft(ClaimKind.EVIDENTIAL, group, entry.lemma, source, [chars(view, content)], 0.8, "evidential")


def proof_claim(view: DocView, v: int, entry: CueEntry, group: list[int]) -> Draft | None:
    """“did not provide evidence to back up his claim”: cue up to the backing verb, content its object."""
    obj = next((c for c in view.kids(v, "obj") if view.words[c].lemma in PROOF_NOUNS), None)
    if obj is None or obj - group[-1] > 3:
        return None
    cue = list(range(group[0], obj + 1))
    i, sentence = obj + 1, view.sentence_of(v)
    if i + 1 < sentence.stop and view.words[i].lower == "to" and view.words[i + 1].lemma in PROOF_VERBS:
        cue += [i, i + 1]
        i += 2
        if i < sentence.stop and view.words[i].lower == "up":
            cue.append(i)
            i += 1
    elif i < sentence.stop and view.words[i].lower in ("for", "of", "about"):
        cue.append(i)
        i += 1
    elif not (i < sentence.stop and view.words[i].lower == "that"):
        return None
    end = content_end(view, v, i)
    content = trim_words(view, list(range(i, end + 1)), keep_quotes=True)
    if not content:
        return None
    subj = subject(view, v)
    source = phrase(view, subj, set(cue)) if subj is not None else []
    return Draft(ClaimKind.EVIDENTIAL, cue, entry.lemma, source, [chars(view, content)], 0.75, "evidential")
