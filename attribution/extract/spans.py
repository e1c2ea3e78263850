"""Span helpers shared by the rules: verb groups, source phrases and where content stops."""
from __future__ import annotations

from ..lexicon import load_lexicon
from .view import DocView, Word

EXPLETIVES = {"it", "there"}
GROUP_RELS = {"aux", "aux:pass", "cop"}
GROUP_ADVERBS = {"not", "n't", "never", "also", "recently", "repeatedly", "previously", "already", "later", "then",
                 "again", "publicly", "privately", "independently", "still", "once", "first", "further", "initially",
                 "reportedly", "allegedly", "earlier", "finally", "often", "frequently", "openly", "explicitly",
                 "flatly", "strongly", "widely", "long", "just", "even", "only", "categorically", "firmly"}
EDGE_PUNCT = set(",;:.!?—–-()[]") | {"--"}
CLAUSE_STARTERS = {"that", "whether", "if", "how", "what", "why", "when", "where", "who", "which", "to"}
STOP_AFTER_COMMA = {"which", "where", "while", "whereas", "although", "though", "as", "but"}


def verb_group(view: DocView, v: int) -> list[int]:
    """The contiguous verb group around cue verb ``v``: auxiliaries, negation and adverbs that touch it."""
    members = {v} | {c for c in view.children[v] if view.words[c].deprel in GROUP_RELS
                     or view.words[c].deprel in ("advmod", "compound:prt") and view.words[c].lower in GROUP_ADVERBS
                     or view.words[c].deprel == "compound:prt"}
    sentence = view.sentence_of(v)
    lo = hi = v
    while lo - 1 in members and lo - 1 in sentence:
        lo -= 1
    while hi + 1 in members and hi + 1 in sentence:
        hi += 1
    return list(range(lo, hi + 1))


def is_passive(view: DocView, v: int) -> bool:
    if view.kids(v, "aux:pass", "nsubj:pass", "csubj:pass", "obl:agent"):
        return True
    if view.words[v].feat("Voice") != "Pass" or any(view.words[c].deprel == "nsubj" for c in view.children[v]):
        return False
    return any(view.words[c].lemma == "be" for c in view.kids(v, "aux")) or any(
        view.words[m].lower in ("as", "by") for c in view.kids(v, "obl", "mark") for m in [c, *view.kids(c, "case")])


def quoting_host(view: DocView, v: int) -> int | None:
    """The passive verb whose subject speaks through cue ``v`` in "X was quoted (by Y) as saying …": the speaker is
    X, and Y the medium that quotes."""
    w = view.words[v]
    host = w.head
    if host is None or w.rel != "advcl" or not w.lower.endswith("ing") \
            or not any(view.words[m].lower == "as" for m in view.kids(v, "mark")):
        return None
    if not is_passive(view, host) or not view.kids(host, "nsubj:pass"):
        return None
    lexicon, h = load_lexicon(), view.words[host]
    both = lexicon.lookup(w.lemma, w.text, "VERB") and lexicon.lookup(h.lemma, h.text, "VERB")
    return host if both else None  # not "officers were killed …, as reported by media"


def inherits_subject(w: Word) -> bool:
    """A non-finite clause whose subject is its head's: "to say", "citing", and a participle the parser made a
    complement ("Trump said …, adding …"). Not a past participle adjunct: "Asked whether …, Reid said" leaves the
    asker unsaid."""
    if w.rel == "advcl" and w.feat("VerbForm") == "Part" and w.feat("Tense") == "Past":
        return False
    return (w.rel in ("xcomp", "advcl") and w.feat("VerbForm") in ("Ger", "Inf", "Part")
            or w.rel == "ccomp" and w.feat("VerbForm") in ("Ger", "Part"))


def object_controlled(view: DocView, v: int) -> bool:
    """Is ``v`` a gerund after a preposition whose host verb has an object ("accusing [the company] of maintaining
    a monopoly", "charged him with violating", "stopped pundits from speculating")? Its doer is that object, not the
    host's subject."""
    w = view.words[v]
    first = view.subtree(v)[0]
    if w.feat("VerbForm") not in ("Ger", "Part") or first >= v or w.head is None \
            or view.words[first].lower not in ("of", "with", "from"):
        return False  # not "took heat for not condemning": whose deed a "for" names varies
    return any(view.subtree(o)[-1] + 1 == first for o in view.kids(w.head, "obj"))  # not "ideas aside from stating"


def subject(view: DocView, v: int, *, seen: frozenset[int] = frozenset()) -> int | None:
    """The active subject head of ``v``, inherited through coordination and non-finite clauses."""
    for c in view.kids(v, "nsubj", "csubj"):
        w = view.words[c]
        if w.deprel.endswith(":pass") or w.lower == "there":
            return None
        return c
    w = view.words[v]
    if w.head is not None and w.head not in seen and (
            w.deprel == "conj" or inherits_subject(w) and not object_controlled(view, v)):
        return subject(view, w.head, seen=seen | {v})
    return None


def subject_host(view: DocView, v: int) -> int | None:
    """The verb whose subject ``v`` shares, through coordination or a non-finite clause ("said … and added …",
    "said …, citing …"); None where ``v`` has a subject slot of its own."""
    w = view.words[v]
    if w.head is None or not (w.deprel == "conj" or inherits_subject(w) and not object_controlled(view, v)):
        return None
    head = w.head
    if w.deprel == "conj" and form_break(view, head, v) and view.words[head].rel == "ccomp":
        return view.words[head].head  # "Kyiv says its troops are not mistreating … and invited …": Kyiv invited
    if w.rel == "advcl" and w.feat("VerbForm") != "Inf" and reported_clause(view, head):
        return view.words[head].head  # "Analysts said factors grew …, citing …": the analysts cite
    if w.deprel == "conj" and reported_clause(view, head) and declines_to_speak(view, v):
        return view.words[head].head  # "confirmed that talks had taken place but declined to comment"
    if w.deprel == "conj" and reported_clause(view, head, "parataxis") and speaks_again(view, v):
        return view.words[head].head  # "warned that the sale would damage relations, and said it would …"
    return head


def speaks_again(view: DocView, v: int) -> bool:
    """Is ``v`` a verb of speech set off by a comma and a conjunction (", and said …")? Coordinated with a reported
    clause, it is the reporting speaker's next statement."""
    verb = load_lexicon().lookup(view.words[v].lemma, view.words[v].text, "VERB")
    cc = [k for k in view.kids(v, "cc") if k < v]
    return verb is not None and verb.cls == "speech" and bool(cc) and cc[0] > 0 and view.words[cc[0] - 1].text == ","


def declines_to_speak(view: DocView, v: int) -> bool:
    """Is ``v`` a refusal to speak ("declined to comment", "refused to say")? Coordinated with a reported clause,
    it is the reporting speaker's refusal, not a deed reported ("said he posed a threat and refused to drop it")."""
    lexicon = load_lexicon()
    verb = lexicon.lookup(view.words[v].lemma, view.words[v].text, "VERB")
    return verb is not None and verb.cls == "intention" and any(
        (said := lexicon.lookup(view.words[k].lemma, view.words[k].text, "VERB")) is not None
        and said.cls in ("speech", "confirmation") for k in view.kids(v, "xcomp"))


def source_words(view: DocView, v: int, cue: list[int]) -> list[int]:
    """The source of active cue ``v``: all its subjects (the parser often splits a name), extended over a
    title-and-name run to their left ("Russian human rights ombudsman Tatyana Moskalkova")."""
    subjects = [c for c in view.kids(v, "nsubj") if view.words[c].lower != "there"
                and not view.words[c].deprel.endswith(":pass")]
    if not subjects and (host := quoting_host(view, v)) is not None:
        subjects = view.kids(host, "nsubj:pass")
    elif not subjects and (stranded := stranded_subject(view, v)) is not None:
        subjects = [stranded]
    elif not subjects and (root := nominal_root(view, v)) is not None:
        return trim_words(view, phrase(view, root, set(cue) | set(view.subtree(v))))
    elif not subjects and (host := subject_host(view, v)) is not None:
        passive = [c for c in view.kids(host, "nsubj") if view.words[c].deprel == "nsubj:pass"]
        if view.words[v].rel == "advcl" and passive:
            subjects = passive  # "Toney was suspended after admitting …": Toney admitted
        else:
            return trim_words(view, [i for i in source_words(view, host, verb_group(view, host)) if i not in cue])
    if len(subjects) > 1 and view.words[subjects[-1]].upos == "PRON":
        subjects = subjects[-1:]  # "Even Friday, he claimed": the parser made the fronted "Friday" a subject too
    if len(subjects) > 1:  # '"The caucuses are …," said Gov. Branstad': the quotation's subject is not the speaker's
        subjects = [c for c in subjects if not view.in_quote(c)] or subjects
    words = sorted({i for h in subjects for i in phrase(view, h, set(cue))})
    if not words:
        return []
    words = [i for i in range(words[0], words[-1] + 1) if i not in cue]
    words = cut_relative(view, words)
    if words and words[0] > cue[-1]:
        return words
    return with_apposition(view, extend_left(view, words, cue), cue)


def nominal_root(view: DocView, v: int) -> int | None:
    """The noun the parser made its sentence's root, where the cue that follows it hangs from it as a past
    participle and is the sentence's main verb ("The mayor of Riverton, Angela Cruz, vowed on Monday to fight …"): the
    noun phrase is the cue's subject. Not a participle that modifies a subject of a finite verb ("Officials, asked
    about …, said")."""
    w = view.words[v]
    head = view.words[w.head] if w.head is not None else None
    if head is None or w.deprel != "acl" or w.feat("Tense") != "Past" or head.head is not None \
            or head.upos not in ("NOUN", "PROPN") or head.i > v or view.kids(head.i, "cop", "expl", "nsubj"):
        return None  # not "There's also a regular series, called …": a predicate, not a subject
    return head.i


def stranded_subject(view: DocView, v: int) -> int | None:
    """The noun phrase right before a coordinated verb that the parser coordinated with the verb before instead of
    making it the subject ("The governor's office declined to respond, but [a spokeswoman, Jen Ortiz,] said …")."""
    w = view.words[v]
    if w.deprel != "conj" or w.head is None or view.words[w.head].upos != "VERB" or not view.kids(v, "cc"):
        return None
    return next((n for n in view.kids(w.head, "conj") if w.head < n < v and view.words[n].upos in ("NOUN", "PROPN")
                 and all(view.words[k].upos == "PUNCT" for k in range(max(view.subtree(n)) + 1, v))), None)


def reported_clause(view: DocView, v: int, *also: str) -> bool:
    """Is ``v`` the head of a clause reported by a cue verb (as its ``ccomp``, or ``also`` as another relation)?
    (A speech adjunct hanging from it belongs to the reporting verb's subject 21 times in 22 on PolNeAR train: the
    parser attached it to the nearer verb.)"""
    w = view.words[v]
    if w.rel not in ("ccomp", *also) or w.head is None:
        return False
    outer = view.words[w.head]
    return load_lexicon().lookup(outer.lemma, outer.text, "VERB") is not None


def form_break(view: DocView, head: int, conj: int) -> bool:
    """A past-tense conjunct cannot share its head's progressive auxiliary ("are … mistreating … and invited"): the
    parser has coordinated it one clause too low."""
    h = view.words[head]
    return h.lower.endswith("ing") and bool(view.kids(head, "aux")) and view.words[conj].feat("Tense") == "Past" \
        and not view.kids(conj, "aux")


def cut_relative(view: DocView, words: list[int]) -> list[int]:
    """Drop a non-restrictive relative clause: "officials in three regions, which were hit …"."""
    for k, i in enumerate(words[1:], 1):
        if view.words[i].lower in ("which", "who", "whose") and view.words[words[k - 1]].text == ",":
            return trim_words(view, words[:k])
    return words


def with_apposition(view: DocView, words: list[int], cue: list[int]) -> list[int]:
    """Add an apposition between source and cue: "Tatyana Moskalkova, Russia's human rights commissioner, told"."""
    if not words or words[-1] >= cue[0]:
        return words
    gap = list(range(words[-1] + 1, cue[0]))
    if len(gap) < 3 or len(gap) > 20 or view.words[gap[0]].text != "," or view.words[gap[-1]].text != ",":
        return words
    if any(view.words[i].upos in ("VERB", "AUX") and view.words[i].feat("VerbForm") == "Fin" for i in gap):
        return words
    if any(view.words[i].rel == "advcl" and view.words[i].head in cue for i in gap):
        return words  # "The Journal, citing internal documents, reported": an adjunct of the cue, not a name
    return words + gap[:-1]


NAME_CHAIN = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "ADP", "INTJ", "X"}
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "minister"}


def extend_left(view: DocView, words: list[int], cue: list[int]) -> list[int]:
    """Prepend the noun-phrase material the parser cut off: titles, premodifiers, first names.

    A lower-case word tagged VERB is accepted only when the run reaches the sentence start, where
    it is almost always a mis-tagged noun ("Russian human rights ombudsman Tatyana Moskalkova said"), and only
    when it has no auxiliary and is no cue verb (in "Analysts said factors …" it is one).
    """
    if not words or view.words[words[0]].upos == "PRON":
        return words
    start = view.sentence_of(words[0]).start

    def scan(allow_verbs: bool) -> int:
        k = words[0] - 1
        while k >= start:
            w = view.words[k]
            chain = w.upos in NAME_CHAIN or w.lower.rstrip(".") in TITLES or w.text in ("-", "’s", "'s", "&")
            chain = chain or allow_verbs and w.upos == "VERB" and w.text.islower() and not view.kids(k, "aux") \
                and not load_lexicon().lookup(w.lemma, w.text, "VERB")
            if not chain or w.upos == "PUNCT" and w.text != "-" or view.in_quote(k) != view.in_quote(words[0]):
                break
            k -= 1
        return k

    k = scan(True)
    if k >= start:
        k = scan(False)
    run = list(range(k + 1, words[0]))
    while run and view.words[run[0]].upos in ("ADP", "PART", "CCONJ", "VERB"):
        run = run[1:]
    return run + words


def phrase(view: DocView, head: int, exclude: set[int]) -> list[int]:
    """The noun phrase of ``head``: its subtree minus relative clauses and ``exclude``, contiguous around head, edges trimmed."""
    cut = frozenset(c for c in view.children[head] if view.words[c].deprel in ("acl:relcl", "parataxis", "advcl"))
    members = set(view.subtree(head, exclude=cut)) - exclude
    if head not in members:
        return []
    lo = hi = head
    while lo - 1 in members:
        lo -= 1
    while hi + 1 in members:
        hi += 1
    while lo < head and (view.words[lo].upos in ("SCONJ", "CCONJ") or view.words[lo].lower == "that"):
        lo += 1
    return cut_relative(view, trim_words(view, list(range(lo, hi + 1))))


def trim_words(view: DocView, idx: list[int], keep_quotes: bool = False) -> list[int]:
    """Drop punctuation from both ends of a word run (keeping quotation marks when asked)."""
    def edge(i: int) -> bool:
        w = view.words[i]
        if keep_quotes and w.text in ('"', "“", "”", "'", "‘", "’"):
            return False
        return w.upos == "PUNCT" or w.text in EDGE_PUNCT
    def keep_last(i: int) -> bool:
        w = view.words[i]
        return w.text in ("?", "!") or w.text == ")" and any(view.words[k].text == "(" for k in idx)
    while idx and edge(idx[0]):
        idx = idx[1:]
    while idx and edge(idx[-1]) and not keep_last(idx[-1]):
        idx = idx[:-1]
    return idx


def chars(view: DocView, idx: list[int]) -> tuple[int, int]:
    return view.words[idx[0]].start, view.words[idx[-1]].end


def content_end(view: DocView, v: int, start: int, *, stop_at: set[int] | frozenset[int] = frozenset()) -> int:
    """Index of the last word of content that begins at ``start`` for cue ``v`` (may be < start: no content)."""
    sentence = view.sentence_of(v)
    end = sentence.stop - 1
    host = view.words[v].head
    if view.words[v].rel == "advcl" and host is not None and host > v and not reports_its_host(view, v, host):
        end = min(end, view.subtree(v)[-1])  # "Asked whether …, Reid said …": the adjunct ends before its host
    cue_quote = view.quote_at(view.words[v].start)
    for c in view.children[v]:
        w = view.words[c]
        if c > start and (w.deprel == "conj" and w.upos in ("VERB", "AUX") and ends_coordination(view, c)
                          or w.rel == "parataxis" and c not in stop_at
                          or w.rel == "advcl" and w.feat("VerbForm") in ("Ger", "Part") and comma_before(view, c)
                          or w.rel == "advcl" and any(view.words[m].lower in ADVCL_MARKS for m in view.kids(c, "mark"))):
            end = min(end, view.subtree(c)[0] - 1)
    for comp in view.kids(v, "ccomp"):  # "… are not mistreating civilians [and invited …]"
        for c in view.kids(comp, "conj"):
            if c > start and form_break(view, comp, c):
                end = min(end, view.subtree(c)[0] - 1)
    for i in range(start + 1, end + 1):
        w = view.words[i]
        if cue_quote and w.start >= cue_quote.end:
            end = i - 1
            break
        if i in stop_at:
            end = i - 1
            break
        if view.in_quote(i) and not view.in_quote(start):
            continue
        if w.text == ";" and not view.in_quote(i):
            end = i - 1
            break
        if w.text == "," and i + 1 <= end and not view.in_quote(i) and (
                view.words[i + 1].lower in STOP_AFTER_COMMA or reporting_participle(view, i + 1)):
            end = i - 1
            break
    return end


def reports_its_host(view: DocView, v: int, host: int) -> bool:
    """Did the parser hang a cue from the clause it reports ("said A, while officials claimed [their forces had
    captured …]", where "captured" became a second clause of "said")? Then the cue has a subject of its own, and
    the host clause's subject follows it at once."""
    after = view.subtree(v)[-1] + 1
    subjects = view.kids(host, "nsubj")
    return view.words[host].rel == "ccomp" and bool(view.kids(v, "nsubj")) and bool(subjects) \
        and after == view.subtree(subjects[0])[0]


def reporting_participle(view: DocView, i: int) -> bool:
    """", saying …", ", calling it …": a new attribution by the same speaker, whatever the parser attached it to."""
    w = view.words[i]
    gerund = w.feat("VerbForm") == "Ger" or w.feat("VerbForm") == "Part" and w.feat("Tense") == "Pres"
    entry = load_lexicon().lookup(w.lemma, w.text, "VERB") if gerund else None
    return entry is not None and entry.reports


ADVCL_MARKS = {"as", "while", "after", "before", "because", "although", "though", "when", "since"}


def comma_before(view: DocView, c: int) -> bool:
    first = view.subtree(c)[0]
    return first > 0 and view.words[first - 1].text == "," or view.words[first].text == ","


def ends_coordination(view: DocView, c: int) -> bool:
    """Does the conjunct verb ``c`` start new material rather than continue the content?

    Yes when it is itself a cue, when it shares the cue's subject (finite, no subject of its own:
    "says A and invited B"), or when a comma sets off a clause with its own subject ("…, and Y did B"). Never when
    "that" opens it: "said A, and that B" reports B too, whatever the parser hung it on.
    """
    w = view.words[c]
    opening = next((k for k in view.subtree(c) if view.words[k].rel not in ("cc", "punct")), c)
    if view.words[opening].lower == "that" and opening < c:
        return False
    if load_lexicon().lookup(w.lemma, w.text, "VERB"):
        return True
    own_subject = bool(view.kids(c, "nsubj", "csubj"))
    if not own_subject:
        return w.feat("VerbForm") == "Fin"
    return comma_before(view, c)


def is_complementizer(view: DocView, j: int) -> bool:
    """Is "that" at ``j`` introducing a content clause? Trust the parse, else what follows it."""
    w = view.words[j]
    if w.lower != "that":
        return False
    if w.upos == "SCONJ" or w.deprel == "mark":
        return True
    nxt = view.words[j + 1] if j + 1 < len(view.words) and view.words[j + 1].sent == w.sent else None
    return nxt is not None and nxt.upos not in ("VERB", "AUX", "PUNCT", "ADP")


def is_clausal(view: DocView, idx: list[int]) -> bool:
    """Does a run of words look like a clause, infinitive or quotation rather than a bare noun phrase?"""
    if not idx:
        return False
    first = view.words[idx[0]]
    if first.lower in CLAUSE_STARTERS or first.text in ('"', "“", ":"):
        return True
    return any(view.words[i].upos in ("VERB", "AUX") for i in idx)
