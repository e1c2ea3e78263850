"""Sentence boundaries repaired between Stanza's tokenizer and its parser: over-long sentences cut into pieces the
parser can hold, and sentences that end on a form of address ("Sen.", "Mrs."), or unpunctuated on a first name or
title, joined to the name that follows; and words the multi-word-token expander split that are one word."""
from __future__ import annotations

import re

from .labels.lexicons import load_label_lexicons

DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{2,30}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)? )?(?:\([A-Za-z/ -]{1,20}\) )?"
                      r"[—–-]{1,2}\s", re.MULTILINE)

Entry = dict  # one token or word of Stanza's Document.to_dict(): id, text, start_char, end_char, misc


def bounded_sentences(doc, limit: int):  # noqa: ANN001, ANN201 - stanza Document in and out
    """The document with every sentence of more than ``limit`` words cut into pieces (after punctuation where
    possible, never inside a multi-word token), and a warning for each sentence cut."""
    from stanza.models.common.doc import Document

    if all(len(s.words) <= limit for s in doc.sentences):
        return doc, ()
    sentences, warnings = [], []
    for number, sentence in enumerate(doc.to_dict(), 1):
        groups = token_groups(sentence)
        words = sum(1 for e in sentence if isinstance(e["id"], int))
        if words <= limit:
            sentences.append(sentence)
            continue
        warnings.append(f"sentence {number} has {words} words: split into pieces of at most {limit} for the parser")
        piece: list[list[Entry]] = []
        size = 0
        for group in groups:
            width = sum(1 for e in group if isinstance(e["id"], int))
            if piece and size + width > limit:
                sentences.append(renumber(piece))
                piece, size = [], 0
            piece.append(group)
            size += width
            if size >= limit * 3 // 4 and group[-1]["text"] in (",", ";", ":", "—", "-", "--"):
                sentences.append(renumber(piece))
                piece, size = [], 0
        if piece:
            sentences.append(renumber(piece))
    return Document(sentences, text=doc.text), tuple(warnings)


def token_groups(sentence: list[Entry]) -> list[list[Entry]]:
    """The sentence's entries grouped by token: a multi-word token's entry with its words, or one word."""
    groups: list[list[Entry]] = []
    for entry in sentence:
        if isinstance(entry["id"], tuple) or not groups or isinstance(groups[-1][0]["id"], int) or \
                len(groups[-1]) > groups[-1][0]["id"][1] - groups[-1][0]["id"][0] + 1:
            groups.append([entry])
        else:
            groups[-1].append(entry)
    return groups


SPLIT_WITHOUT_APOSTROPHE = {"cannot", "gonna", "wanna", "gotta", "dunno", "gimme", "lemme"}  # UD's own splits


def whole_words(doc):  # noqa: ANN001, ANN201 - stanza Document in and out
    """The document with each token that the expander split into pieces, with no apostrophe to split at and no
    contraction UD splits ("cannot", "gonna"), made one word again: the compact model reads a sentence's first
    "Its" as "It" + "s" (always, in PolNeAR dev and the held-out tenth of train) and "Donna" as "Don" + "na"."""
    from stanza.models.common.doc import Document

    if not any(split_in_error(t.text, [w.text for w in t.words]) for s in doc.sentences for t in s.tokens):
        return doc  # the usual case, decided without converting the document
    sentences = []
    for sentence in doc.to_dict():
        groups = [[{**group[0], "id": 0}] if split_in_error(group[0]["text"], [e["text"] for e in group[1:]])
                  else group for group in token_groups(sentence)]  # the token's entry alone, as one word
        sentences.append(renumber(groups))
    return Document(sentences, text=doc.text)


def split_in_error(token: str, words: list[str]) -> bool:
    """Are these the pieces of a token with no apostrophe, that are no contraction of UD's, put back together?"""
    return len(words) > 1 and "".join(words) == token and "'" not in token and "’" not in token \
        and token.lower() not in SPLIT_WITHOUT_APOSTROPHE


def split_after_datelines(doc):  # noqa: ANN001, ANN201 - stanza Document in and out
    """The document with each wire dateline that opens a sentence ("AUSTIN, Texas (Reuters) - A federal judge …")
    made a sentence of its own: left in, the parser takes the city for the subject of what follows."""
    from stanza.models.common.doc import Document

    ends = {end for _, end in dateline_spans(doc.text)}
    if not ends:
        return doc
    sentences: list[list[Entry]] = []
    for sentence in doc.to_dict():
        groups = token_groups(sentence)
        cut = next((k for k, g in enumerate(groups) if k > 0 and g[0].get("start_char") in ends), None)
        if cut is None:
            sentences.append(sentence)
        else:
            sentences += [renumber(groups[:cut]), renumber(groups[cut:])]
    return Document(sentences, text=doc.text)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of wire datelines that open a paragraph ("WASHINGTON (AP) — ", "BEDFORD, N.H. (AP) — "):
    where and by whom the article was filed, never part of a source or of what was said."""
    return [m.span() for m in DATELINE.finditer(text)]


def joined_after_honorifics(doc):  # noqa: ANN001, ANN201 - stanza Document in and out
    """The document with each sentence that ends on a form of address (the source-type lexicon's honorifics,
    followed by a period) joined to the next one when that starts with a capital in the same paragraph: the
    compact tokenizer reads the period as a sentence end before the name ("… has endorsed Sen. | Ted Cruz"; 210
    times in PolNeAR train and dev), which cuts the speaker's name and the parse in two. A period split off the
    honorific ("Sen" ".") is put back on it. A sentence that ends with no punctuation on a first name or a title
    (:func:`name_end`) joins the next in the same way, unless that opens in capitals (a heading run in)."""
    from stanza.models.common.doc import Document

    lex = load_label_lexicons()
    honorifics, first_names, titles = lex.types.get("honorific", {}), lex.genders.get("first", {}), \
        lex.types.get("title", {})
    joins = {k for k, (this, following) in enumerate(zip(doc.sentences, doc.sentences[1:]))
             if (honorific_end(this.tokens[-2:], honorifics) or name_end(this.tokens[-1], first_names, titles)
                 and not following.tokens[0].text.isupper()) and following.tokens[0].text[:1].isupper()
             and "\n" not in doc.text[this.tokens[-1].end_char:following.tokens[0].start_char]}
    if not joins:
        return doc  # the usual case, decided without converting the document
    joined: list[list[Entry]] = []
    for k, sentence in enumerate(doc.to_dict()):
        if k - 1 in joins:
            joined[-1] = renumber([[e] for e in with_period_glued(joined[-1]) + sentence])
        else:
            joined.append(sentence)
    return Document(joined, text=doc.text)


def name_end(last, first_names: dict, titles: dict) -> bool:  # a Stanza token
    """Does a sentence end, with no punctuation, on a first name or a capitalised title ("said Jennifer | Wu",
    "British Prime Minister | Theresa May said")? Inside a paragraph that is a cut in a name, not a sentence end."""
    return last.text in first_names or last.text[:1].isupper() and not last.text.isupper() \
        and last.text.lower() in titles


def honorific_end(last_tokens: list, honorifics: dict) -> bool:  # Stanza tokens
    """Do a sentence's last tokens end on "Sen." (one token) or "Sen" "." (two, touching)?"""
    last = last_tokens[-1]
    if last.text == "." and len(last_tokens) > 1:
        before = last_tokens[-2]
        return before.end_char == last.start_char and before.text.lower() in honorifics
    return last.text.endswith(".") and last.text[:-1].lower() in honorifics


def with_period_glued(sentence: list[Entry]) -> list[Entry]:
    """The sentence with a final period that was split off an honorific made part of it again."""
    if sentence[-1]["text"] != ".":
        return sentence
    before, period = sentence[-2], sentence[-1]
    glued = {**before, "text": before["text"] + ".", "end_char": period["end_char"]}
    glued.pop("misc", None)
    if "misc" in period:
        glued["misc"] = period["misc"]
    return sentence[:-2] + [glued]


def renumber(groups: list[list[Entry]]) -> list[Entry]:
    """Entries of one new sentence with ids counted from 1 again (heads are not set yet)."""
    out, n = [], 0
    for group in groups:
        for entry in group:
            entry = dict(entry)
            if isinstance(entry["id"], tuple):
                width = entry["id"][1] - entry["id"][0]
                entry["id"] = (n + 1, n + 1 + width)
            else:
                n += 1
                entry["id"] = n
            out.append(entry)
    return out
