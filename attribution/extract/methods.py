"""How the rules' drafts and the tagger's combine into the drafts of one extraction method (docs/evaluation.md,
steps 14, 16-19, 23, 25-29, 31, 33 and 37-40): the rules know the constructions, the tagger learned PolNeAR's spans."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import load_lexicon
from ..model import ClaimKind
from .draft import Draft
from .link import QUOTE_MARKS
from .others import faced, reduced_relative, rejected
from .verbs import LINKING_PREPOSITIONS, claim_object, labels_nothing
from .view import DocView

ALONE_MIN = 0.6  # a tagger claim on a cue no rule found is kept from this cue probability (docs: steps 28, 33, 36)
# constructions PolNeAR's guidelines rarely annotate, so the tagger rarely marks them: in learned mode the rules add
# them where the tagger marked no cue
FUNCTION_TAGS = {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PART", "AUX"}
ARTICLES = {"a", "an", "the"}
RULE_KINDS = {ClaimKind.EVIDENTIAL, ClaimKind.ADVERBIAL, ClaimKind.ACCORDING_TO, ClaimKind.PASSIVE, ClaimKind.NOMINAL}


def combine(method: str, rules: list[Draft], tagged: list[Draft], view: DocView) -> list[Draft]:
    """The drafts of ``method`` from the rules' drafts and the tagger's (see :func:`extract_claims`)."""
    rule_cues = {i for d in rules for i in d.cue}
    tagged = [whole_cue(d, view) for d in tagged]
    learned = [d for d in tagged if says_something(d, view) and (rule_cues & set(d.cue) or d.confidence >= ALONE_MIN)
               and not (d.source and all(view.words[k].lower in ARTICLES for k in d.source))  # "[a] claim the firm"
               and not labels_nothing_tagged(d, view)]
    if method == "hybrid":
        hosts = [d.content_words(view) for d in tagged if (r := on_same_cue(d, rules)) is not None
                 and not names_what_came_before(r, r.content_words(view), d.content_words(view))]
        rules = [d for d in rules if backed(d, tagged, view, hosts)]
        taken = {i for d in rules for i in d.cue}
        drafts = [with_tagged_parts(d, learned, view, rules) for d in rules] + [
            without_faced_source(d, view) for d in learned if not taken & set(d.cue)]
        return with_tagged_quotations(drafts, learned, view)
    taken = {i for d in learned for i in d.cue}
    return learned + [d for d in rules if d.kind in RULE_KINDS and not taken & set(d.cue)]


def whole_cue(draft: Draft, view: DocView) -> Draft:
    """A tagged cue without the determiner it stopped on, and the preposition before it ("said [in a] filing with
    regulators"): the tagger cut the phrase, and the verb alone is the cue that was meant."""
    cue = list(draft.cue)
    while len(cue) > 1 and view.words[cue[-1]].upos == "DET":
        cue.pop()
    if len(cue) == len(draft.cue):
        return draft
    while len(cue) > 1 and view.words[cue[-1]].upos == "ADP":
        cue.pop()
    return replace(draft, cue=cue)


def says_something(draft: Draft, view: DocView) -> bool:
    """Has the draft a content with a word of meaning, not only "the" or "to" (a cut the tagger made)? A quotation
    ("“Out!”"), a demonstrative ("hailed [these]") and "what" say something."""
    words = [view.words[k] for k in draft.content_words(view)]
    return any(w.text in QUOTE_MARKS or w.upos not in FUNCTION_TAGS or w.upos == "DET" and w.lower not in ARTICLES
               for w in words)


def labels_nothing_tagged(draft: Draft, view: DocView) -> bool:
    """A tagged claim on a labelling verb that labels nothing ("called both candidates"), which the rules refuse
    (:func:`.verbs.labels_nothing`)."""
    verbs = [k for k in draft.cue if view.words[k].upos == "VERB"]
    others = [view.words[k] for k in draft.cue if k not in verbs]
    entry = load_lexicon().lookup(view.words[verbs[0]].lemma, view.words[verbs[0]].text, "VERB") if len(verbs) == 1 \
        and all(w.upos == "ADP" and w.lower not in LINKING_PREPOSITIONS for w in others) else None
    return entry is not None and entry.frame == "label" and labels_nothing(view, verbs[0], draft.content_words(view))


def backed(rule: Draft, tagged: list[Draft], view: DocView, hosts: list[set[int]]) -> bool:
    """Does ``hybrid`` keep this rule claim? Always a construction of RULE_KINDS or a cue the tagger also marked;
    a verb claim the tagger passed over only with a speaker of its own that the tagger does not read as part of
    another speaker ("a shop owner who declined to be named"), and only for an act that took place, not an
    infinitive ("declined to comment", "wanted to ask"); and not where cue and speaker both lie inside one of the
    ``hosts``, the contents the tagger gives cues the rules also found ("said [… Americans who want ready access to
    firearms]"), unless the words are marked as the speaker's: quoted, or a free relative ("in what she called “a
    gross violation”", "what the senators said was …"). On PolNeAR's held-out tenth these claims were attributions
    3 times in 36 and 4 in 32, and the nested ones 1 in 38 (docs/evaluation.md, steps 29, 31 and 37)."""
    if rule.kind in RULE_KINDS or on_same_cue(rule, tagged) is not None:
        return True
    cue, source = set(rule.cue), set(rule.source)
    infinitive = any(view.words[m].lower == "to" for k in rule.cue for m in view.kids(k, "mark"))
    nested = any(cue & words and source <= words for words in hosts)
    marked_as_theirs = any(view.text[a] in QUOTE_MARKS for a, _ in rule.content) or any(
        view.words[k].rel.startswith("acl") and (head := view.words[k].head) is not None
        and view.words[head].lower == "what" for k in rule.cue)
    return bool(source) and not infinitive and not any(cue & set(d.source) for d in tagged) and (
        marked_as_theirs or not nested)


def on_same_cue(draft: Draft, others: list[Draft]) -> Draft | None:
    """The first of ``others`` whose cue shares a word with the draft's."""
    cue = set(draft.cue)
    return next((d for d in others if cue & set(d.cue)), None)


def with_tagged_parts(rule: Draft, tagged: list[Draft], view: DocView, rules: list[Draft]) -> Draft:
    """A rule claim whose cue the tagger also marked takes the tagger's source; its content where it ends sooner or
    otherwise differs (for RULE_KINDS only where the two share less than half their words), and where it goes on
    past the rule's if the two share less than half their words or it adds a fronted part; and the words the
    tagger's cue adds before its own ("[later] said", "[analysis] shows"; not before an adverb: PolNeAR's cue is
    "reportedly" alone). The rules find the construction; the tagger learned from PolNeAR which words name the
    speaker and the act and, where the parse misleads the rules, what was said (docs/evaluation.md, steps 16, 17,
    23, 25, 26 and 36-39). Kept from the rule: a content where the tagger's ends inside a phrase, extends it
    where :func:`extends_fairly` says no, or stops short of the :func:`addressees`, a source the tagger's cuts
    inside a coordination ("officials in the Donetsk[, Kharkiv, and Kherson regions]"), the source where the
    tagger's lies inside the rule's cue (the medium in "was quoted [by the RIA news agency] as saying"), and no
    source where the construction names none (:func:`speakerless`)."""
    match = on_same_cue(rule, tagged)
    if match is None:
        return rule
    ours, theirs = rule.content_words(view), match.content_words(view)
    if ours < theirs:  # the tagger's goes on past the rule's, or starts before it ("Voters, she said, don't …")
        better = (len(ours) <= len(theirs) / 2 or min(theirs) < min(ours)) and extends_fairly(
            rule, theirs - ours, view, rules)
    else:
        better = (rule.kind not in RULE_KINDS or len(ours & theirs) < len(ours | theirs) / 2) and not stops_at_aside(
            view, theirs, ours) and not addressees(view, rule.cue) & (ours - theirs) \
            and not object_before(view, rule, ours - theirs, theirs) and not names_what_came_before(rule, ours, theirs)
    if better and not ends_inside_phrase(view, theirs):
        rule = replace(rule, content=match.content)
    left_out = set(rule.source) - set(match.source)
    if match.source and not any(view.words[k].rel == "conj" and view.words[k].head in match.source
                                for k in left_out) and not speakerless(view, rule, set(match.source), ours) \
            and not any(min(rule.cue) < k < max(rule.cue) for k in match.source) \
            and not (rule.source and reduced_relative(view, sorted(ours) + rule.source)) \
            and not across_coordination(view, match.source, rule.source):  # "an accusation [Kyiv] rejects": the
        # rule read the reduced relative, where the tagger may take the sentence's subject
        rule = replace(rule, source=match.source)
    if rule.kind not in RULE_KINDS and set(rule.cue) < set(match.cue) and max(match.cue) == max(rule.cue) \
            and not set(match.cue) & set(rule.source):
        rule = replace(rule, cue=sorted(match.cue))
    return rule


def across_coordination(view: DocView, theirs: list[int], ours: list[int]) -> bool:
    """Does the tagger's speaker stand before the coordinating conjunction right before the rule's ("The governor's
    office declined to respond, but [a spokeswoman] said …")? It is the first clause's subject."""
    if not theirs or not ours or max(theirs) >= min(ours):
        return False
    before = next((k for k in range(min(ours) - 1, max(theirs), -1) if view.words[k].upos != "PUNCT"), None)
    return before is not None and view.words[before].upos == "CCONJ" and any(
        view.words[k].upos in ("NOUN", "PROPN", "PRON") for k in ours)


def object_before(view: DocView, rule: Draft, extra: set[int], theirs: set[int]) -> bool:
    """Are the rule's extra words the cue's object before the tagger's that-clause, a claim noun or what a denial
    takes ("rejected [the notion] that …", "repeated [the claim] that …")? PolNeAR's contents keep it ("rejected
    the notion that": 5 times in 6 in train and dev); not an addressee ("asked [Richards] what …")."""
    return bool(extra) and bool(theirs) and max(extra) < min(theirs) and view.words[min(theirs)].lower == "that" \
        and any(view.words[k].rel == "obj" and view.words[k].head in rule.cue and claim_object(view, k, rule.cue_class)
                for k in extra)


def names_what_came_before(rule: Draft, ours: set[int], theirs: set[int]) -> bool:
    """Is the rule's content a phrase between the tagger's and the cue that stands for it ("…, an accusation Kyiv
    rejects")? PolNeAR's content is the pointing phrase, as for "which" (docs/evaluation.md, step 42)."""
    return bool(ours) and bool(theirs) and max(theirs) < min(ours) and max(ours) < min(rule.cue)


def without_faced_source(draft: Draft, view: DocView) -> Draft:
    """A tagged nominal claim without the speaker the tagger gave it where that is the subject of the verb its cue
    noun hangs from, which is no cue ("[He]'s endured relentless questions about whether …", "[The senator] faces
    allegations that …"): as :func:`speakerless` has it for the rules' nominal claims."""
    lexicon = load_lexicon()
    nouns = [k for k in draft.cue if lexicon.lookup(view.words[k].lemma, view.words[k].text, "NOUN") is not None]
    if draft.kind is not ClaimKind.NOMINAL or not draft.source or not nouns \
            or not faced(view, nouns[-1], set(draft.source), lexicon):
        return draft
    return replace(draft, source=[])


def speakerless(view: DocView, rule: Draft, source: set[int], content: set[int]) -> bool:
    """Is ``source`` the subject of a construction that names no speaker ("[The mayor] allegedly took bribes",
    "[Mr. Quiros] was accused of …")? It is part of what is alleged, not who alleges it (docs/evaluation.md,
    step 43); an expletive "[It] is claimed that …" is no one; and who "rejected claims that …" or "faces
    charges that …" made none of them."""
    lexicon = load_lexicon()
    return not rule.source and (rule.kind in (ClaimKind.ADVERBIAL, ClaimKind.PASSIVE) and (
        bool(source & content) or [view.words[k].lower for k in source] == ["it"])
        or rule.kind is ClaimKind.NOMINAL and (rejected(view, rule.cue[0], lexicon) or rule.cue_class == "accusation"
                                               and faced(view, rule.cue[0], source, lexicon)))


def ends_inside_phrase(view: DocView, content: set[int]) -> bool:
    """Does the content stop before the head of its last word (", as another deadly [Russian missile attack]")? The
    tagger's spans sometimes do; a rule's content is a whole subtree (docs/evaluation.md, step 39)."""
    words = sorted(k for k in content if view.words[k].upos != "PUNCT") or [max(content)]
    gaps = [(k, after) for k, after in zip(words, words[1:]) if after != k + 1]
    if any((head := view.words[k].head) is not None and k < head < after and view.words[k].rel == "det"
           for k, after in gaps):
        return True  # a part that stops on an article or demonstrative: "[those] … that aid enters" skips "figures"
    last = words[-1]
    head = view.words[last].head
    return head is not None and head > last and head not in content


def addressees(view: DocView, cue: list[int]) -> set[int]:
    """The objects of a cue that also governs a to-infinitive: those urged or asked to act, who are part of what
    is said ("urging [allies] “to act right now”"; docs/evaluation.md, step 38)."""
    return {m for k in cue if any(view.words[x].lower == "to" for c in view.kids(k, "xcomp", "advcl")
                                  for x in view.kids(c, "mark")) for m in view.kids(k, "obj", "iobj")}


def stops_at_aside(view: DocView, theirs: set[int], ours: set[int]) -> bool:
    """Does the tagger's content stop where the rule's goes on into a dash aside ("allies -- known as the Ramstein
    group -- to discuss …")? PolNeAR keeps such asides inside a content (docs/evaluation.md, steps 3 and 36)."""
    after = max(theirs, default=-1) + 1
    dash = view.words[after].text if after in ours else ""
    return theirs < ours and bool(dash) and not dash.strip("-—–")


def extends_fairly(rule: Draft, added: set[int], view: DocView, rules: list[Draft]) -> bool:
    """May the tagger add these words to a rule claim's content ("said his staff “did the wrong thing” [, but that
    the DNC's blocking …]")? Not to a kind PolNeAR rarely annotates (RULE_KINDS: the tagger learned no contents
    for "could not be verified"), not words of another claim's content, and not a verb coordinated with the cue
    that has no subject of its own: another act of the speaker ("says its troops are not mistreating civilians
    [and invited the UN …]"), not "said Sanders has been “a tremendously important part of my caucus,” [and
    Democrats would need to …]", which the parse hangs from "said" too (docs/evaluation.md, steps 23 and 40). Nor
    words of an earlier sentence that has no quotation, unless the rule's content closes one ("distanced
    themselves from [the claim]. Ryan said he had seen no evidence …"; step 55)."""
    others = {k for d in rules if d is not rule for k in d.content_words(view)}
    quoted = any(view.text[b - 1] in QUOTE_MARKS for _, b in rule.content)  # '"… They are evil. Children …,"'
    cue_sentence = view.words[min(rule.cue)].sent
    earlier = set() if quoted else {view.words[k].sent for k in added if view.words[k].sent < cue_sentence}
    return rule.kind not in RULE_KINDS and not added & others and not any(
        not any(view.in_quote(k) for k in range(*view.sentence_ranges[s])) for s in earlier) and not any(
        view.words[k].rel == "conj" and view.words[k].head in rule.cue and not view.kids(k, "nsubj", "nsubj:pass")
        and not view.kids(k, "aux:pass") for k in added)  # but "revealed [PCP] was found …": the object's passive


def with_tagged_quotations(drafts: list[Draft], tagged: list[Draft], view: DocView) -> list[Draft]:
    """Each claim also takes the quotations the tagger gives its cue that no claim has taken: a quotation running
    on past other words ("“…,” he tweeted, along with a photo. “…”"), which the rules' continuations
    (:func:`link_quotes`) leave alone (docs/evaluation.md, step 19)."""
    occupied = [r for d in drafts for r in d.char_ranges(view)]
    out = []
    for draft in drafts:
        match = on_same_cue(draft, tagged)
        extra = [(a, b) for a, b in match.content if view.text[a] in QUOTE_MARKS and not any(
            a < y and x < b for x, y in occupied)] if match is not None else []
        occupied += extra
        out.append(replace(draft, content=sorted(draft.content + extra)) if extra else draft)
    return out


def complete(draft: Draft, rules: list[Draft]) -> Draft:
    """A tagged cue on a rule claim's cue borrows a missing source or content from it, and takes its cue lemma,
    cue class and, for the constructions of RULE_KINDS, its kind: the rules know the construction."""
    match = on_same_cue(draft, rules)
    if match is None:
        return draft
    kind = match.kind if match.kind in RULE_KINDS or not draft.content else draft.kind
    return Draft(kind, draft.cue, match.cue_lemma, draft.source or match.source, draft.content or match.content,
                 draft.confidence, match.cue_class)
