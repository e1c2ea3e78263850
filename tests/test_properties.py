"""Properties that hold for any input: exact offsets, well-formed claims, determinism, batch independence,
lossless JSON and TEI round trips that validate, and no error but the documented ones.

Inputs: arbitrary Unicode (controls, NUL, form feeds, combining marks, right-to-left text, emoji), news-like
sentences assembled from templates with random names, cues, quotations and nesting, and random slices of the seed
articles. Profiles "ci" (default) and "thorough" are set in conftest.py.
"""
from __future__ import annotations

import re

from hypothesis import given, strategies as st

from attribution import AttributionError, InputError
from attribution.annotator import rebase
from attribution.model import AnnotatedDocument, Span
from attribution.teireader import parse_tei
from attribution.validate import tei_problems, validate_json, validate_tei
from attribution.writers import json as json_format, tei

from conftest import SEEDS

SEED_TEXT = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
NAMES = ["Volodymyr Zelenskiy", "Ms. Ortega", "the Kremlin", "Pyongyang", "a senior official", "Dr. Amara Okafor",
         "The Ministry of Defence", "Reuters", "officials", "Jean-Luc Picard"]
CUES = ["said", "claimed", "denied", "told reporters", "insisted", "warned", "suggested", "added", "reiterated"]
CLAUSES = ["the troops had withdrawn", "it was highly likely that the talks would fail", "no weapons were sent",
           "the report could not be verified", "prices may rise", "the strike killed six people"]
SPECIALS = ["\x00", "\x0c", "\x07", "\u200f", "\u202e", "\u0301", "\u0308", "😀", "👩‍👩‍👧", "مرحبا", "שלום", "\ufeff",
            "\r\n", "\r", "\n\n", "\t", "“", "”", "‘", "’", '"', "'", "—", "…", "&", "<", "]]>"]
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

names, cues, clauses = st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(CLAUSES)
sentence = st.one_of(
    st.builds("{} {} that {}.".format, names, cues, clauses),
    st.builds('“{},” {} {}.'.format, clauses, names, cues),
    st.builds('{} {}: “{}.”'.format, names, cues, clauses),
    st.builds("According to {}, {}.".format, names, clauses),
    st.builds("{} {} that {} had {} that {}.".format, names, cues, names, cues, clauses),
    st.builds("It was reported that {}, but {} {} it.".format, clauses, names, cues),
    st.builds("{} has reportedly said {}.".format, names, clauses),
)
news = st.lists(sentence, min_size=1, max_size=5).flatmap(
    lambda ss: st.sampled_from([" ", "\n\n", "\r\n", "\n"]).map(lambda sep: sep.join(ss)))
seed_slice = st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(1, 600)).map(
    lambda p: SEED_TEXT[p[0]:p[0] + p[1]])
unicode_text = st.lists(st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
                                  st.sampled_from(SPECIALS), sentence), max_size=12).map("".join)
any_text = st.one_of(news, seed_slice, unicode_text)


def spans_of(doc: AnnotatedDocument) -> list[Span]:
    spans = list(doc.sentences)
    for c in doc.claims:
        spans += [*c.parts(), *c.basis.spans]
    spans += [m for e in doc.entities for m in e.mentions] + [b for k in doc.links for b in k.basis]
    return spans


@given(any_text)
def test_offsets_are_exact_and_claims_well_formed(annotator, text):
    doc = annotator.annotate(text)
    for span in spans_of(doc):
        assert 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text
    for t in doc.tokens:
        assert 0 <= t.start <= t.end <= len(text)
    ids = {c.id for c in doc.claims}
    entities = {e.id for e in doc.entities}
    assert [c.cue[0].start for c in doc.claims] == sorted(c.cue[0].start for c in doc.claims)
    for c in doc.claims:
        parts = sorted(c.parts())
        assert all(a.end <= b.start for a, b in zip(parts, parts[1:])), c  # parts never overlap
        assert list(c.content) == sorted(c.content)
        assert set(c.basis.claims) <= ids and (c.entity is None or c.entity in entities)
        assert bool(c.basis) == (c.evidential.value != "reported")
    assert all(k.source in ids and k.target in ids for k in doc.links)


@given(st.lists(any_text, min_size=1, max_size=3))
def test_deterministic_and_independent_of_batch(annotator, texts):
    together = list(annotator.annotate_many(texts))
    alone = [annotator.annotate(t, f"doc{n}") for n, t in enumerate(texts, 1)]
    for a, b in zip(together, alone):
        assert (a.claims, a.entities, a.links, a.tokens) == (b.claims, b.entities, b.links, b.tokens)
    again = annotator.annotate(texts[0], "doc1")
    assert again == alone[0]


@given(any_text)
def test_json_and_tei_round_trips_validate(annotator, text):
    doc = annotator.annotate(text, "p")
    rendered = json_format.render(doc)
    assert validate_json(rendered) == []
    assert json_format.parse(rendered) == doc
    clean = ILLEGAL.sub("\ufffd", text)  # what XML can carry
    expected = [rebase(c, lambda s: Span.of(clean, s.start, s.end)) for c in doc.claims]
    for inline in (False, True):
        xml = tei.render(doc, inline)
        assert validate_tei(xml) == [] and tei_problems(tei.build(doc, inline)) == []  # as the writers check it
        back = parse_tei(xml)
        assert back.text == clean
        assert list(back.claims) == expected and back.links == doc.links
        assert [[(m.start, m.end) for m in e.mentions] for e in back.entities] == [
            [(m.start, m.end) for m in e.mentions] for e in doc.entities]


@given(st.one_of(any_text, st.builds("{}\ud800{}".format, any_text, any_text), st.integers(), st.none(),
                 st.binary(max_size=20)))
def test_only_documented_errors(annotator, value):
    try:
        doc = annotator.annotate(value)
    except AttributionError as error:
        assert isinstance(error, InputError) and str(error).count("\n") == 0
        assert not isinstance(value, str) or re.search("[\ud800-\udfff]", value)
        return
    assert isinstance(value, str) and doc.text == value


def test_blank_document_round_trips(annotator):
    for text in (" ", "\r\n\t \n"):
        doc = annotator.annotate(text, "blank")
        xml = tei.render(doc)
        assert validate_tei(xml) == [] and parse_tei(xml).text == text
