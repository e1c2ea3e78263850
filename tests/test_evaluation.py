"""The scorer on small hand-made cases: perfect, empty, shifted, split (at whitespace or not), merged spans;
linking; kinds; BRAT."""
from __future__ import annotations

import pytest

from attribution.brat import read_attributions
from attribution.evaluation import Attribution, Report, kind_of, linked_pairs, score_document
from attribution.model import AnnotatedDocument, Claim, ClaimKind, Span
from attribution.writers import brat

TEXT = "Kyiv said the troops were holding the line and the city was calm."


def sp(start: int, end: int) -> Span:
    return Span.of(TEXT, start, end)


GOLD = Attribution((sp(0, 4),), (sp(5, 9),), (sp(10, 64),))


def role(scores, name, measure="exact"):
    s = scores[name][measure]
    return round(s.precision, 3), round(s.recall, 3)


def test_perfect():
    scores = score_document(TEXT, [GOLD], [GOLD])
    assert all(role(scores, r, m) == (1.0, 1.0) for r in ("source", "cue", "content") for m in ("exact", "overlap"))


def test_empty_prediction_and_empty_gold():
    assert role(score_document(TEXT, [GOLD], []), "content") == (0.0, 0.0)
    assert role(score_document(TEXT, [], []), "content") == (1.0, 1.0)
    assert role(score_document(TEXT, [], [GOLD]), "cue") == (0.0, 0.0)


def test_shifted_content_loses_exact_keeps_most_overlap():
    shifted = Attribution(GOLD.source, GOLD.cue, (sp(14, 64),))  # "troops …", missing "the"
    scores = score_document(TEXT, [GOLD], [shifted])
    assert role(scores, "content") == (0.0, 0.0)
    precision, recall = role(scores, "content", "overlap")
    assert precision == 1.0 and recall == pytest.approx(10 / 11, abs=1e-3)


def test_a_content_split_only_at_whitespace_is_the_same_span():
    # "the troops were holding the line" + "and the city was calm.": brat cannot cross a line break, and annotators
    # sometimes mark a sentence at a time; the words are the same
    split = Attribution(GOLD.source, GOLD.cue, (sp(10, 42), sp(43, 64)))
    assert role(score_document(TEXT, [GOLD], [split]), "content") == (1.0, 1.0)
    report = Report.empty()
    report.add(TEXT, [split], [GOLD])
    assert (report.exact.precision, report.exact.recall) == (1.0, 1.0)


def test_split_and_merged_content():
    split = Attribution(GOLD.source, GOLD.cue, (sp(10, 42), sp(47, 64)))  # drops "and"
    scores = score_document(TEXT, [GOLD], [split])
    assert role(scores, "content") == (0.0, 0.0)
    assert role(scores, "content", "overlap") == (1.0, round(10 / 11, 3))
    merged = Attribution(GOLD.source, GOLD.cue, (sp(0, 64),))
    p, r = role(score_document(TEXT, [GOLD], [merged]), "content", "overlap")
    assert r == 1.0 and p < 1.0


def test_linked_matching_is_one_to_one_and_needs_half_the_content():
    half = Attribution(GOLD.source, GOLD.cue, (sp(10, 42),))  # 6 of 11 tokens: Jaccard 0.55
    assert linked_pairs([GOLD], [half, GOLD]) == [(0, 1)]
    little = Attribution(GOLD.source, GOLD.cue, (sp(10, 20),))
    assert linked_pairs([GOLD], [little]) == []
    no_source = Attribution((), GOLD.cue, GOLD.content)
    assert linked_pairs([GOLD], [no_source]) == []


def test_report_totals_and_kinds():
    report = Report.empty()
    report.add(TEXT, [GOLD], [GOLD, Attribution((), (sp(56, 59),), (sp(60, 64),))])
    assert report.linked.recall == 1.0 and report.linked.precision == 0.5
    assert report.exact.matched_gold == 1
    assert report.by_kind["indirect"].gold == 1
    assert set(report.to_dict()) == {"documents", "roles", "attribution", "by_kind"}


def test_kind_of():
    quote = "“We will win,” he said."
    direct = Attribution((Span.of(quote, 15, 17),), (Span.of(quote, 18, 22),), (Span.of(quote, 0, 14),))
    assert kind_of(direct) == "direct"
    typed = "''We will win,'' he said."
    assert kind_of(Attribution((), (Span.of(typed, 20, 24),), (Span.of(typed, 0, 16),))) == "direct"
    according = Attribution((), (Span.of("According to X, y.", 0, 12),), (Span.of("According to X, y.", 16, 17),))
    assert kind_of(according) == "other"
    assert kind_of(GOLD) == "indirect"


def test_brat_round_trip_with_discontinuous_and_multiline_spans():
    text = "“We will win,” he said.\n“Nobody leaves.”"
    claim = Claim("c1", ClaimKind.DIRECT, (Span.of(text, 18, 22),), "say",
                  (Span.of(text, 0, 14), Span.of(text, 24, 40)), Span.of(text, 15, 17), (0, 1), 0.9)
    doc = AnnotatedDocument("d", text, (), (claim,), 6)
    ann = brat.render(doc)
    assert "T3\tContent 0 14;24 40\t“We will win,” “Nobody leaves.”" in ann
    assert ann.splitlines()[-1] == "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3"
    (back,) = read_attributions(ann, text)
    assert back == Attribution.of(claim)
    across = Claim("c1", ClaimKind.DIRECT, (Span.of(text, 18, 22),), "say", (Span.of(text, 0, 40),), None, (0,), 0.9)
    assert "Content 0 23;24 40" in brat.render(AnnotatedDocument("d", text, (), (across,), 6))


def test_a_repeated_brat_role_joins_the_first():
    # PolNeAR writes a quotation's second part now and then as a second argument, ``Content2``
    text = "“We will win,” he said. “Nobody leaves.”"
    ann = ("T1\tSource 15 17\the\nT2\tCue 18 22\tsaid\nT3\tContent 0 14\t“We will win,”\n"
           "T4\tContent 24 40\t“Nobody leaves.”\nT5\tAttribution 18 22\tsaid\n"
           "E1\tAttribution:T5 Content2:T4 Source:T1 Cue:T2 Content:T3\n")
    (gold,) = read_attributions(ann, text)
    assert [(s.start, s.end) for s in gold.content] == [(0, 14), (24, 40)]
    assert [(s.start, s.end) for s in gold.source] == [(15, 17)]
