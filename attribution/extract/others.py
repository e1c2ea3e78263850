"""Claims cued by nouns, adverbs, "according to", title-case headlines, colons and quotation dashes."""
from __future__ import annotations

from ..lexicon import DENYING_CLASSES, OBJECT_FRAMES, CueEntry, Lexicon
from ..model import ClaimKind
from ..quotes import Quote
from .draft import Draft
from .spans import (chars, comma_before, content_end, cut_relative, extend_left, is_clausal, is_complementizer, phrase,
                    source_words, trim_words, verb_group)
from .relatives import RELATIVES
from .view import DocView, Word

NOUN_PREPOSITIONS = {"of", "about", "over", "for", "on"}
DASHES = "―—–-"
MAX_DASH_SOURCE_WORDS = 6
MAX_CLOSING_SOURCE_WORDS = 8
SUBJECT_OPENERS = {"DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM"}  # not "as", "by", "and"
CONCESSIVE = {"though", "although", "whereas", "while"}


def noun_claim(view: DocView, n: int, entry: CueEntry, lexicon: Lexicon) -> Draft | None:
    """“X's claim that …”, “reports of …”, “reiterated a call for …”."""
    sentence = view.sentence_of(n)
    nxt = n + 1
    if nxt >= sentence.stop or entry.frame == "proof":
        return None
    w = view.words[nxt]
    cue = [n]
    if w.lower == "that" and in_which_said(view, n, lexicon):
        return None
    if w.lower == "that" and (w.upos == "SCONJ" or w.deprel == "mark"):
        start = nxt
    elif w.lower in NOUN_PREPOSITIONS or w.text == ":":
        cue.append(nxt)
        start = nxt + 1
    else:
        return None
    end = content_end(view, n, start)
    end = min(end, second_finite(view, start, end) - 1)  # "X's claim that … was denied": stop at the main verb
    if w.lower in NOUN_PREPOSITIONS and not (w.lower == "for" and entry.cls == "directive"):
        end = next((k - 1 for k in range(start, end + 1) if view.words[k].text in ("“", '"', ",", ";")
                    or view.words[k].feat("VerbForm") == "Fin"), end)
    content = trim_words(view, list(range(start, end + 1)), keep_quotes=True)
    if not content:
        return None
    source: list[int] = []
    poss = view.kids(n, "nmod:poss")
    if poss:
        source = [i for i in phrase(view, poss[0], set(cue)) if view.words[i].lower not in ("'s", "’s", "'")]
    host = view.words[n].head
    if view.words[n].rel == "obj" and host is not None:
        host_entry = lexicon.lookup(view.words[host].lemma, view.words[host].text, "VERB")
        if host_entry and host_entry.frame in ("object", "light") and not rejected(view, n, lexicon):
            group = verb_group(view, host)
            cue = list(range(group[0], cue[-1] + 1))
            source = source_words(view, host, cue) or source
    return Draft(ClaimKind.NOMINAL, cue, entry.lemma, source, [chars(view, content)],
                 0.7 if source else 0.6, entry.cls)


def rejected(view: DocView, n: int, lexicon: Lexicon) -> bool:
    """Is claim noun ``n`` the object of a verb of denial or dismissal ("rejected [claims] that …")? Then the claims
    are someone else's, whom the sentence need not name, and the verb's subject rejects them."""
    host = view.words[n].head
    entry = lexicon.lookup(view.words[host].lemma, view.words[host].text, "VERB") \
        if view.words[n].rel == "obj" and host is not None else None
    return entry is not None and entry.cls in DENYING_CLASSES


def faced(view: DocView, n: int, source: set[int], lexicon: Lexicon) -> bool:
    """Is ``source`` the subject of a verb that is no cue and takes claim noun ``n`` as its object or oblique
    ("[Kell] faces charges that …", "[The senator] has been dogged by allegations that …")? The subject is who the
    claims are about, not who makes them (PolNeAR: "Mrs. Clinton facing accusations of favoritism" has no source)."""
    host = view.words[n].head
    if host is None or view.words[n].rel not in ("obj", "obl") or view.words[host].upos != "VERB" \
            or lexicon.lookup(view.words[host].lemma, view.words[host].text, "VERB") is not None:
        return False
    return any(k in source for k in view.kids(host, "nsubj", "nsubj:pass"))


def in_which_said(view: DocView, n: int, lexicon: Lexicon) -> bool:
    """Is the noun where a reporting verb says its clause ("said [in a statement] that …", "told CNN [in an
    interview] that …", "told analysts [on a conference call] that …")? The clause is the verb's claim, not a second one of the noun's (but "responded to
    [accusations] that …" reports the accusations too)."""
    host = view.words[n].head
    return view.words[n].rel == "obl" and host is not None and view.words[host].upos == "VERB" \
        and any(view.words[c].lower in ("in", "during", "on") for c in view.kids(n, "case")) \
        and (entry := lexicon.lookup(view.words[host].lemma, view.words[host].text, "VERB")) is not None \
        and entry.cls == "speech"  # not "did not see convincing evidence [in the report] that …"


def second_finite(view: DocView, start: int, end: int) -> int:
    """Index of a finite verb that follows a complete clause without a conjunction (or end + 1)."""
    seen = False
    for k in range(start, end + 1):
        w = view.words[k]
        if w.upos in ("VERB", "AUX") and w.feat("VerbForm") == "Fin" and not view.in_quote(k):
            if seen and view.words[k - 1].lower not in ("and", "or", "but", ",", "that", "which", "who", "not"):
                return k
            seen = True
    return end + 1


def adverb_claim(view: DocView, a: int, entry: CueEntry) -> Draft | None:
    """“North Korea has reportedly been providing …”: the clause around the adverb, source absent."""
    head = view.words[a].head
    if head is None:
        return None
    cut = frozenset(c for c in view.children[head] if view.words[c].rel in ("parataxis",)
                    or view.words[c].deprel == "conj" and view.words[c].upos in ("VERB", "AUX")
                    or c > a and concession(view, c))
    members = set(view.subtree(head, exclude=cut)) - {a}
    lo = hi = head
    while lo - 1 in members or lo - 1 == a:
        lo -= 1
    while hi + 1 in members or hi + 1 == a:
        hi += 1
    left = trim_words(view, list(range(lo, a)), keep_quotes=True)
    right = cut_relative(view, trim_words(view, list(range(a + 1, hi + 1)), keep_quotes=True))
    parts = [chars(view, p) for p in (left, right) if p]
    if not parts:
        return None
    return Draft(ClaimKind.ADVERBIAL, [a], entry.lemma, [], parts, 0.8, entry.cls)


def concession(view: DocView, c: int) -> bool:
    """Is ``c`` a clause the writer concedes after a comma (", though the company said …")? It is not part of what
    is reportedly so."""
    return view.words[c].rel == "advcl" and comma_before(view, c) \
        and any(view.words[m].lower in CONCESSIVE for m in view.kids(c, "mark"))


def according_claim(view: DocView, i: int) -> Draft | None:
    """“According to X, …” and “…, according to X.”"""
    sentence = view.sentence_of(i)
    if i + 2 >= sentence.stop:
        return None
    cue = [i, i + 1]
    stop = next((k for k in range(i + 2, sentence.stop) if view.words[k].text in (",", ";", ".", "—")), sentence.stop)
    source = trim_words(view, list(range(i + 2, stop)))
    if not source:
        return None
    taken = set(range(i, source[-1] + 1))
    left = trim_words(view, [k for k in range(sentence.start, i)], keep_quotes=True)
    right = trim_words(view, [k for k in range(source[-1] + 1, sentence.stop) if k not in taken], keep_quotes=True)
    parts = [chars(view, p) for p in (left, right) if p and is_clausal(view, p) or p and len(p) > 2]
    if not parts:
        return None
    return Draft(ClaimKind.ACCORDING_TO, cue, "according to", source, parts, 0.9, "speech")


def headline_claim(view: DocView, s: int, lexicon: Lexicon) -> Draft | None:
    """“Zelenskiy Claims North Korea Sending Soldiers …”: title case defeats the tagger, so match forms."""
    start, stop = view.sentence_ranges[s]
    words = [view.words[k] for k in range(start, stop)]
    alpha = [w for w in words if w.text[:1].isalpha()]
    if len(alpha) < 4 or words[-1].text in (".", "?", "!") and len(words) > 1 and words[-2].text[-1:] != "'":
        return None
    if sum(w.text[0].isupper() for w in alpha) < 0.6 * len(alpha):
        return None
    last = max((k for k in range(start, stop) if view.words[k].text[:1].isalpha()), default=start)
    for k in [last, *range(start + 1, stop - 1)]:
        w = view.words[k]
        if not (w.lower.endswith("s") or w.lower.endswith("ed")) or w.upos in ("ADP", "DET", "PRON", "CCONJ"):
            continue
        entry = lexicon.lookup(w.lemma, w.text, "VERB")
        if not entry or entry.frame not in ("clause", "recipient", *OBJECT_FRAMES):
            continue
        if k == last:  # "Tesla Recalls 2 Million Cars …, Regulator Says": the speaker and cue close the headline
            comma = next((j for j in range(k - 1, max(start, k - 5), -1) if view.words[j].text == ","), None)
            source, content = (list(range(comma + 1, k)), list(range(start, comma))) if comma else ([], [])
        else:
            source, content = list(range(start, k)), list(range(k + 1, stop))
        source, content = trim_words(view, source), trim_words(view, content, keep_quotes=True)
        if source and content:
            return Draft(ClaimKind.INDIRECT, [k], entry.lemma, source, [chars(view, content)], 0.6, entry.cls)
    return None


def colon_claim(view: DocView, s: int, lexicon: Lexicon) -> Draft | None:
    """“Pat Caddell: Democrat voters worried …” — a name, a colon, then what the named source says."""
    start, stop = view.sentence_ranges[s]
    colon = next((k for k in range(start + 1, min(stop, start + 6)) if view.words[k].text == ":"), None)
    if colon is None:
        return None
    left = [view.words[k] for k in range(start, colon)]
    if not all(w.text[:1].isupper() and (not w.text.isupper() or speaker_label(view, left)) and w.upos in (
            "PROPN", "NOUN", "ADJ") for w in left):
        return None
    if any(lexicon.lookup(w.lemma, w.text, "VERB") for w in left):
        return None
    content = trim_words(view, list(range(colon + 1, stop)), keep_quotes=True)
    if not content or not is_clausal(view, content):
        return None
    return Draft(ClaimKind.INDIRECT, [colon], ":", list(range(start, colon)), [chars(view, content)], 0.55, "speech")


def speaker_label(view: DocView, left: list[Word]) -> bool:
    """Is a label in capitals a transcript's speaker ("TAPPER:", "JAKE TAPPER:")? Only when the document also
    writes its last word as a surname after a capitalised word ("CNN's Jake Tapper"), not a heading ("UPDATE:")."""
    surname = left[-1].text.capitalize()
    return any(w.text == surname and w.i > 0 and view.words[w.i - 1].text[:1].isupper()
               and view.words[w.i - 1].sent == w.sent for w in view.words)


def mistagged_verb_claim(view: DocView, k: int, entry: CueEntry) -> Draft | None:
    """“a missile that Kyiv claims was made in …”: a reporting verb the tagger took for a plural noun."""
    sentence = view.sentence_of(k)
    if not view.words[k].lower.endswith("s") or k - 1 < sentence.start:
        return None
    if closes_sentence(view, k) and view.words[k].text.islower():
        return closing_cue_claim(view, k, entry)
    if k + 1 >= sentence.stop:
        return None
    before, after = view.words[k - 1], view.words[k + 1]
    if before.upos not in ("PROPN", "PRON", "NOUN") or before.text[:1].islower() and before.upos != "PRON":
        return None
    if not (after.upos in ("AUX", "VERB", "DET", "PRON", "PROPN", "NUM") or is_complementizer(view, k + 1)):
        return None
    source = extend_left(view, [k - 1], [k])
    end = content_end(view, k, k + 1)
    content = trim_words(view, list(range(k + 1, end + 1)), keep_quotes=True)
    if not content or not is_clausal(view, content):
        return None
    return Draft(ClaimKind.INDIRECT, [k], entry.lemma, source, [chars(view, content)], 0.6, entry.cls)


def closes_sentence(view: DocView, k: int) -> bool:
    """Is word ``k`` its sentence's last before its closing punctuation?"""
    return all(view.words[j].text in (".", "!", "?") for j in range(k + 1, view.sentence_of(k).stop))


def closing_cue_claim(view: DocView, k: int, entry: CueEntry) -> Draft | None:
    """“Secrecy is not a stranger …, the candidate's former doctor maintains.”: the verb that closes its sentence
    after a comma and its subject, taken for a noun (or, "…, the authors acknowledged.", for a reduced passive)."""
    source = closing_source(view, k)
    if source is None:
        return None
    if reduced_relative(view, source):
        return reduced_relative_claim(view, k, entry)
    content = trim_words(view, list(range(view.sentence_of(k).start, source[0] - 1)), keep_quotes=True)
    if not content or not is_clausal(view, content):
        return None
    return Draft(ClaimKind.INDIRECT, [k], entry.lemma, source, [chars(view, content)], 0.6, entry.cls)


def reduced_relative_claim(view: DocView, k: int, entry: CueEntry) -> Draft | None:
    """“…, an accusation Kyiv rejects.”, “…, a charge it denies.”: what was just reported, and its denier (not "a
    senior official said"), whether the parser took the verb for a noun or gave it two subjects."""
    first = min([k] + [c for c in view.kids(k, "aux", "advmod") if c < k])  # "an allegation he [has] denied"
    source = closing_source(view, k, first)
    if source is None or not reduced_relative(view, source):
        return None
    return Draft(ClaimKind.INDIRECT, list(range(first, k + 1)), entry.lemma, source[2:], [chars(view, source[:2])],
                 0.6, entry.cls)


def closing_source(view: DocView, k: int, first: int | None = None) -> list[int] | None:
    """The subject between the last comma and a verb ``k`` that closes its sentence (or the ``first`` word of its
    verb group), if it looks like one."""
    k = k if first is None else first
    sentence = view.sentence_of(k)
    comma = next((j for j in range(k - 1, sentence.start, -1) if view.words[j].text == ","), None)
    if comma is None or not 0 < k - comma - 1 <= MAX_CLOSING_SOURCE_WORDS:
        return None
    source = list(range(comma + 1, k))
    if view.words[k - 1].upos not in ("NOUN", "PROPN", "PRON") or view.words[source[0]].upos not in SUBJECT_OPENERS \
            or any(view.words[j].upos in ("VERB", "AUX") for j in source):  # not "[by 38 percentage] points"
        return None
    return source


def reduced_relative(view: DocView, words: list[int]) -> bool:
    """Do the words open on an article, a lower-case noun and then a new phrase ("an accusation | Kyiv", "a charge |
    her campaign"; not "a senior official")?"""
    return len(words) > 2 and view.words[words[0]].lower in ("a", "an") and view.words[words[1]].text.islower() \
        and view.words[words[1]].upos in ("NOUN", "ADJ") and view.words[words[2]].upos in ("DET", "PRON", "PROPN") \
        and view.words[words[2]].lower not in RELATIVES | {"that"}  # not "a claim [that] Hamas denied"


def dash_claim(view: DocView, quote: Quote) -> Draft | None:
    """A quotation that opens its line, then a dash and a name that ends its line: “… our greatest shame.” ―
    Sonya Herridge (testimonials and pull quotes; the dash may also open the next line: "- Bernie Sanders.")."""
    if view.text[view.text.rfind("\n", 0, quote.start) + 1:quote.start].strip() or not quote.closed:
        return None  # the quotation must open its line
    dash = quote.end
    while dash < len(view.text) and view.text[dash].isspace():
        dash += 1
    if dash >= len(view.text) or view.text[dash] not in DASHES or view.text.count("\n", quote.end, dash) > 2:
        return None
    cue = view.words_between(dash, dash + 1)
    if not cue:
        return None
    end = view.text.find("\n", dash)
    end = len(view.text) if end < 0 else end  # the name ends its line
    source = []
    for k in range(cue[0] + 1, len(view.words)):
        w = view.words[k]
        if w.start >= end or w.text in (",", "(", ";") or w.upos == "PUNCT" and w.text != "." or \
                w.text == "." and k + 1 < len(view.words) and view.words[k + 1].start >= end:
            break
        source.append(k)
    if not source or len(source) > MAX_DASH_SOURCE_WORDS or not all(
            view.words[k].text[:1].isupper() or view.words[k].text == "." for k in source):
        return None
    return Draft(ClaimKind.INDIRECT, cue, view.words[cue[0]].text, source, [(quote.start, quote.end)], 0.6, "speech")
