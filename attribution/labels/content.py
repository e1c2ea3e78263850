"""What the labels read in a claim: its words, the content's main predicate, and comparable content keys."""
from __future__ import annotations

from ..extract.view import DocView
from ..model import Claim, Span
from .lexicons import LabelLexicons

__all__ = ["words_of", "content_words", "cue_words", "content_root", "top_words", "content_keys", "find_markers",
           "unquoted", "DEMONSTRATIVES"]

DEMONSTRATIVES = {"this", "that", "these", "those"}  # words that point back at what was said

KEY_UPOS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
LIGHT_LEMMAS = {"be", "have", "do", "say", "make", "get", "go", "take", "give", "tell", "also", "other", "more",
                "most", "such", "many", "much", "some", "last", "new", "first", "day", "week", "year", "month",
                "time", "way", "thing"}
MAX_PLACE_WORDS = 3
QUOTE_CHARS = "'\"‘’“”"


def unquoted(form: str) -> str:
    """A word's form or lemma without the quotation marks the tokenizer may leave on it (the headline "Sarandon
    ‘not sure’ about …" gave ‘not and sure’); a quotation mark alone stays itself."""
    return form.strip(QUOTE_CHARS) or form


def words_of(view: DocView, spans: tuple[Span, ...]) -> list[int]:
    return [k for s in spans for k in view.words_between(s.start, s.end)]


def content_words(view: DocView, claim: Claim) -> list[int]:
    return words_of(view, claim.content)


def cue_words(view: DocView, claim: Claim) -> list[int]:
    return words_of(view, claim.cue)


ADJUNCTS = {"advcl", "obl", "advmod", "mark", "cc", "discourse", "vocative"}
CLAUSES = {"ccomp", "xcomp", "parataxis", "csubj", "root"}  # "root": the parser hung the cue from the content
SUBORDINATORS = {"if", "unless", "when", "whenever", "because", "although", "though", "while", "once", "until",
                 "after", "before", "since"}  # an adverbial clause, whatever relation the parser gave it


def content_root(view: DocView, words: list[int]) -> int | None:
    """The content's main predicate: its first word whose head lies outside the content, preferring a clause and
    passing over a fronted adjunct the parser hung from the cue ("“If he gets in, things will explode,” she
    said")."""
    inside = set(words)
    tops = [k for k in words if view.words[k].upos != "PUNCT" and view.words[k].head not in inside]
    tops = [k for k in tops if view.words[k].upos != "DET"] or tops  # "[an] accusation" both hung from the cue
    clauses = [k for k in tops if view.words[k].rel in CLAUSES  # "say [the power]obj … [overstated]ccomp"
               and not any(view.words[m].lower in SUBORDINATORS for m in view.kids(k, "mark"))]
    own = [k for k in tops if not second_subject(view, k, inside)]
    core = [k for k in own if view.words[k].rel not in ADJUNCTS]
    return next(iter(clauses or core or own or tops), None)


def second_subject(view: DocView, k: int, inside: set[int]) -> bool:
    """A content word the parser made a subject of the cue, which has its own subject outside the content
    ("“Countries should stick to …,” the ministry said")."""
    head = view.words[k].head
    return view.words[k].rel == "nsubj" and head is not None and any(
        j not in inside for j in view.kids(head, "nsubj"))


def top_words(view: DocView, words: list[int], depth: int = 2) -> list[int]:
    """Content words at most ``depth`` dependency steps below the content root (the main clause's modality)."""
    root = content_root(view, words)
    if root is None:
        return []
    inside, out, frontier = set(words), [root], [root]
    for _ in range(depth):
        frontier = [c for k in frontier for c in view.children[k] if c in inside
                    and view.words[c].rel not in ("ccomp", "advcl", "acl", "csubj", "parataxis")]
        out.extend(frontier)
    return sorted(out)


def content_keys(view: DocView, words: list[int], lex: LabelLexicons) -> set[str]:
    """Comparable keys of content words: lemmas grouped by synonyms, place names as the country they stand for."""
    keys: set[str] = set()
    k = 0
    while k < len(words):
        first = view.words[words[k]].text
        widths = range(MAX_PLACE_WORDS, 0, -1) if first[:1].isupper() or first == "the" else ()  # "North Korea"
        for width in widths:
            chunk = words[k:k + width]
            if len(chunk) == width and chunk == list(range(chunk[0], chunk[0] + width)):
                name = " ".join(view.words[j].text for j in chunk)
                place = lex.place(name)
                if place:
                    keys.add(place[1].lower())
                    k += width
                    break
        else:
            w = view.words[words[k]]
            lemma = w.lemma.lower()
            if w.upos in KEY_UPOS and lemma not in LIGHT_LEMMAS and any(ch.isalnum() for ch in lemma):
                keys.add(lex.norm(lemma))
            k += 1
    return keys


def find_markers(view: DocView, words: list[int], kind: str, lex: LabelLexicons) -> list[tuple[list[int], str]]:
    """Markers of ``kind`` among ``words``: (word indices, value); phrases ("fake news") before single words."""
    found: list[tuple[list[int], str]] = []
    taken: set[int] = set()
    lowers = [(k, unquoted(view.words[k].lower).strip("-"), unquoted(view.words[k].lemma.lower()).strip("-"))
              for k in words if view.words[k].text != "-"]  # "cover - up", "cover -up": the tokenizer's "cover-up"
    present = {form for _, lower, lemma in lowers for form in (lower, lemma)}
    for phrase in lex.phrases(kind, present):
        for n in range(len(lowers) - len(phrase) + 1):
            window = lowers[n:n + len(phrase)]
            if all(lo == p or le == p for (_, lo, le), p in zip(window, phrase)):
                idx = [k for k, _, _ in window]
                if not taken & set(idx):
                    found.append((idx, lex.marker(kind, " ".join(phrase)) or "-"))
                    taken |= set(idx)
    for k, lower, lemma in lowers:
        if k not in taken and (value := lex.word_marker(kind, lower, lemma)) is not None:
            found.append(([k], value))
    return found
