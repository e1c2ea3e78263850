"""The learned span tagger: labels, windows, constrained decoding, the shipped model, and the extraction methods."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from attribution import Annotator, ClaimKind, Stance, UsageError
from attribution.evaluation import Attribution
from attribution.extract import combine
from attribution.extract.draft import Draft
from attribution.extract.view import DocView, Word
from attribution.learned.decode import decode
from attribution.learned.labels import spans_of, word_labels
from attribution.learned.encoding import FIELDS, windows
from attribution.learned.network import LABELS, SIZES, SpanTagger
from attribution.learned.tagger import Tagger, best_path, best_paths, dequantized, load_tagger, quantized
from attribution.model import Span
from parses import parsed

TEXT = "Kyiv says troops hold."


def one_sentence(text: str, rows: list[tuple]) -> DocView:
    """A view of one sentence from (text, upos, head, relation, start, end) rows."""
    words = [Word(i, 0, t, t.lower(), u, "", h, d, a, b) for i, (t, u, h, d, a, b) in enumerate(rows)]
    return DocView(text, words, [(0, len(words))], [])


def tiny_view() -> DocView:
    return one_sentence(TEXT, [("Kyiv", "PROPN", 1, "nsubj", 0, 4), ("says", "VERB", None, "root", 5, 9),
                               ("troops", "NOUN", 3, "nsubj", 10, 16), ("hold", "VERB", 1, "ccomp", 17, 21),
                               (".", "PUNCT", 1, "punct", 21, 22)])


def test_labels_round_trip():
    view = tiny_view()
    gold = [Attribution((Span.of(TEXT, 0, 4),), (Span.of(TEXT, 5, 9),), (Span.of(TEXT, 10, 21),))]
    labels = word_labels(view, gold)
    assert labels == ["B-Source", "B-Cue", "B-Content", "I-Content", "O"]
    assert spans_of(labels, range(5)) == [("Source", 0, 0), ("Cue", 1, 1), ("Content", 2, 3)]


def test_shipped_model_loads_and_is_small():
    from importlib import resources

    tagger = load_tagger()
    assert tagger is not None and len(tagger.networks) == len(tagger.trained) >= 2
    model = resources.files("attribution").joinpath("data/tagger.pt")
    assert model.stat().st_size < 20_000_000


@settings(deadline=None, max_examples=50)
@given(st.integers(1, 30), st.integers(1, 15), st.floats(1e-3, 1e3), st.integers(0, 2**31))
def test_weights_stored_in_8_and_4_bits_come_back_within_half_a_step(rows, half_columns, magnitude, seed):
    torch.manual_seed(seed)
    columns = 2 * half_columns - seed % 2  # an odd width cannot share bytes: an embedding table keeps 8 bits
    table = "embeddings.word.weight"
    state = {"matrix": torch.randn(rows, columns) * magnitude, "vector": torch.randn(columns) * magnitude,
             table: torch.randn(rows, columns) * magnitude}
    packed = quantized(state)
    four_bits = columns % 2 == 0
    assert packed["matrix"].dtype == torch.int8 and packed["vector"].dtype == torch.float16
    assert packed[table].dtype == (torch.uint8 if four_bits else torch.int8)
    assert packed[table].numel() == rows * columns // (2 if four_bits else 1)
    restored = dequantized(packed)
    assert restored.keys() == state.keys()
    for name, levels in (("matrix", 127), (table, 7 if four_bits else 127)):
        step = state[name].abs().amax(dim=1, keepdim=True) / levels
        assert ((restored[name] - state[name]).abs() <= 0.501 * step).all()
    assert torch.allclose(restored["vector"], state["vector"], rtol=1e-3, atol=1e-6)
    repacked = quantized(restored)  # packing a packed model again (another ensemble member) changes nothing
    for name in ("matrix", table):
        assert torch.equal(repacked[name], packed[name])
        assert torch.allclose(repacked[f"{name}.scale"], packed[f"{name}.scale"], rtol=1e-6, atol=0)
    assert torch.equal(repacked["vector"], packed["vector"])


def test_an_ensemble_averages_its_networks_label_probabilities():
    torch.manual_seed(0)
    networks = tuple(SpanTagger({name: 5 for name in SIZES}, hidden=8, layers=1).eval() for _ in range(2))
    features, lengths = torch.randint(0, 5, (3, 7, len(FIELDS))), torch.tensor([7, 4, 1])
    single = [Tagger((n,), (), ({},)).probabilities(features, lengths) for n in networks]
    both = Tagger(networks, (), ({}, {})).probabilities(features, lengths)
    assert torch.allclose(both, (single[0] + single[1]) / 2)
    assert torch.allclose(both.sum(-1), torch.ones(3, 7))


@pytest.mark.parametrize("method", ["rules", "learned", "hybrid"])
def test_methods_find_a_plain_report(method):
    annotator = Annotator(method=method)
    claims = annotator.annotate("The senator said on Tuesday that the bill would pass easily.").claims
    assert any(c.cue_text.startswith("said") and "the bill would pass easily" in c.content_text for c in claims)
    for claim in claims:
        assert 0 < claim.confidence <= 1


@given(st.lists(st.integers(1, 300), min_size=1, max_size=30), st.integers(20, 200))
def test_windows_cover_the_document_in_whole_sentences(lengths, size):
    starts = [sum(lengths[:k]) for k in range(len(lengths))]
    parts = windows(starts, sum(lengths), size)
    assert parts[0][0] == 0 and parts[-1][1] == sum(lengths)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(a in starts for a, _ in parts)
    assert all(b - a <= size or [s for s in starts if a <= s < b] == [a] for a, b in parts)


@given(st.lists(st.lists(st.floats(0.01, 1.0), min_size=len(LABELS), max_size=len(LABELS)), min_size=1,
                max_size=40))
def test_best_path_never_starts_a_span_inside(rows):
    probabilities = np.asarray(rows) / np.asarray(rows).sum(1, keepdims=True)
    names = [LABELS[k] for k in best_path(np.log(probabilities))]
    for before, label in zip(["O", *names], names):
        assert not label.startswith("I-") or before[2:] == label[2:]


@given(st.lists(st.integers(1, 12), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_a_padded_batch_decodes_as_each_window_alone(lengths, random):
    windows = [np.log(np.asarray([[random.uniform(0.01, 1.0) for _ in LABELS] for _ in range(n)])) for n in lengths]
    padded = np.stack([np.pad(w, ((0, max(lengths) - len(w)), (0, 0)), constant_values=random.uniform(-9, 0))
                       for w in windows])
    paths = best_paths(padded, np.array(lengths))
    assert [paths[k, :n].tolist() for k, n in enumerate(lengths)] == [best_path_alone(w) for w in windows]
    assert all(not paths[k, n:].any() for k, n in enumerate(lengths))


def best_path_alone(log_probs: np.ndarray) -> list[int]:
    """The Viterbi recursion written out for one window, as the batched decoder must reproduce it."""
    allowed = np.array([[not (to.startswith("I-") and frm[2:] != to[2:]) for to in LABELS] for frm in LABELS])
    score = np.where([not label.startswith("I-") for label in LABELS], log_probs[0], -np.inf)
    back = []
    for row in log_probs[1:]:
        candidates = score[:, None] + np.where(allowed, 0.0, -np.inf)
        back.append(candidates.argmax(0))
        score = candidates.max(0) + row
    path = [int(score.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def test_best_path_is_the_argmax_when_that_is_valid():
    probabilities = np.full((3, len(LABELS)), 0.01)
    for k, label in enumerate(["B-Source", "I-Source", "O"]):
        probabilities[k, LABELS.index(label)] = 0.9
    assert [LABELS[k] for k in best_path(np.log(probabilities))] == ["B-Source", "I-Source", "O"]


def test_hybrid_rule_claims_take_the_tagged_source_unless_it_cuts_a_coordination():
    text = "Officials in Kyiv and Kharkiv said troops hold."
    rows = [("Officials", "NOUN", 5, "nsubj", 0, 9), ("in", "ADP", 2, "case", 10, 12),
            ("Kyiv", "PROPN", 0, "nmod", 13, 17), ("and", "CCONJ", 4, "cc", 18, 21),
            ("Kharkiv", "PROPN", 2, "conj", 22, 29), ("said", "VERB", None, "root", 30, 34),
            ("troops", "NOUN", 7, "nsubj", 35, 41), ("hold", "VERB", 5, "ccomp", 42, 46),
            (".", "PUNCT", 5, "punct", 46, 47)]
    view = one_sentence(text, rows)
    rule = Draft(ClaimKind.INDIRECT, [5], "say", [0, 1, 2, 3, 4], [(35, 46)], 0.9)
    tagged = Draft(ClaimKind.INDIRECT, [5], "say", [0], [(35, 46)], 0.8)
    assert combine("hybrid", [rule], [tagged], view)[0].source == [0]
    cut = Draft(ClaimKind.INDIRECT, [5], "say", [0, 1, 2], [(35, 46)], 0.8)
    assert combine("hybrid", [rule], [cut], view)[0].source == [0, 1, 2, 3, 4]


def test_hybrid_drops_a_rule_verb_claim_the_tagger_passed_over_without_a_speaker_of_its_own():
    text = "An owner who declined to be named said troops hold."
    rows = [("An", "DET", 1, "det", 0, 2), ("owner", "NOUN", 7, "nsubj", 3, 8), ("who", "PRON", 3, "nsubj", 9, 12),
            ("declined", "VERB", 1, "acl:relcl", 13, 21), ("to", "PART", 6, "mark", 22, 24),
            ("be", "AUX", 6, "aux:pass", 25, 27), ("named", "VERB", 3, "xcomp", 28, 33),
            ("said", "VERB", None, "root", 34, 38), ("troops", "NOUN", 9, "nsubj", 39, 45),
            ("hold", "VERB", 7, "ccomp", 46, 50), (".", "PUNCT", 7, "punct", 50, 51)]
    view = one_sentence(text, rows)
    said = Draft(ClaimKind.INDIRECT, [7], "say", [0, 1, 2, 3, 4, 5, 6], [(39, 50)], 0.95)
    declined = Draft(ClaimKind.INDIRECT, [3], "decline", [2], [(22, 33)], 0.9)
    assert [d.cue for d in combine("hybrid", [declined, said], [said], view)] == [[7]]  # read as part of a speaker
    unmarked = replace(said, source=[0, 1])
    assert [d.cue for d in combine("hybrid", [declined], [unmarked], view)] == [[3], [7]]  # a speaker of its own
    assert combine("hybrid", [replace(declined, source=[])], [unmarked], view) == [unmarked]  # none
    passive = replace(declined, kind=ClaimKind.PASSIVE, source=[])  # a construction the rules are kept for
    assert combine("hybrid", [passive], [unmarked], view)[0].cue == [3]


def test_hybrid_drops_an_infinitive_rule_claim_the_tagger_passed_over():
    text = "He wanted to ask whether troops hold."
    rows = [("He", "PRON", 1, "nsubj", 0, 2), ("wanted", "VERB", None, "root", 3, 9), ("to", "PART", 3, "mark", 10, 12),
            ("ask", "VERB", 1, "xcomp", 13, 16), ("whether", "SCONJ", 6, "mark", 17, 24),
            ("troops", "NOUN", 6, "nsubj", 25, 31), ("hold", "VERB", 3, "ccomp", 32, 36),
            (".", "PUNCT", 1, "punct", 36, 37)]
    view = one_sentence(text, rows)
    ask = Draft(ClaimKind.INDIRECT, [3], "ask", [0], [(17, 36)], 0.9)
    assert combine("hybrid", [ask], [], view) == []  # an act wanted, not one that took place
    assert combine("hybrid", [ask], [replace(ask, confidence=0.5)], view)[0].cue == [3]  # the tagger marks it


def test_hybrid_drops_a_nested_rule_claim_the_tagger_passed_over_unless_the_words_are_the_speakers():
    text = 'Kim said voters who want "change" rallied.'
    rows = [("Kim", "PROPN", 1, "nsubj", 0, 3), ("said", "VERB", None, "root", 4, 8),
            ("voters", "NOUN", 8, "nsubj", 9, 15), ("who", "PRON", 4, "nsubj", 16, 19),
            ("want", "VERB", 2, "acl:relcl", 20, 24), ('"', "PUNCT", 6, "punct", 25, 26),
            ("change", "NOUN", 4, "obj", 26, 32), ('"', "PUNCT", 6, "punct", 32, 33),
            ("rallied", "VERB", 1, "ccomp", 34, 41), (".", "PUNCT", 1, "punct", 41, 42)]
    view = one_sentence(text, rows)
    said = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(9, 41)], 0.95)
    want = Draft(ClaimKind.INDIRECT, [4], "want", [3], [(26, 32)], 0.9)
    assert [d.cue for d in combine("hybrid", [said, want], [said], view)] == [[1]]  # inside Kim's content
    quoting = replace(want, content=[(25, 33)])
    assert [d.cue for d in combine("hybrid", [said, quoting], [said], view)] == [[1], [4]]  # its own words
    speakers_own = replace(want, source=[0])  # another act of a speaker outside it ("Kyiv says … and invited")
    assert [d.cue for d in combine("hybrid", [said, speakers_own], [said], view)] == [[1], [4]]
    text = "Kim said it was what critics called theft."
    rows = [("Kim", "PROPN", 1, "nsubj", 0, 3), ("said", "VERB", None, "root", 4, 8), ("it", "PRON", 4, "nsubj", 9, 11),
            ("was", "AUX", 4, "cop", 12, 15), ("what", "PRON", 1, "ccomp", 16, 20),
            ("critics", "NOUN", 6, "nsubj", 21, 28), ("called", "VERB", 4, "acl", 29, 35),
            ("theft", "NOUN", 6, "obj", 36, 41), (".", "PUNCT", 1, "punct", 41, 42)]
    view = one_sentence(text, rows)
    said = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(9, 41)], 0.95)
    called = Draft(ClaimKind.INDIRECT, [6], "call", [5], [(36, 41)], 0.9)
    assert [d.cue for d in combine("hybrid", [said, called], [said], view)] == [[1], [6]]  # a free relative


def test_learned_keeps_an_unsure_tagged_claim_only_on_a_cue_a_rule_found():
    view = tiny_view()
    unsure = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(10, 21)], 0.5)
    assert combine("learned", [], [unsure], view) == []
    rule = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(10, 21)], 0.9)
    assert combine("learned", [rule], [unsure], view) == [unsure]  # the tagger's parts, on the rule's cue
    assert combine("learned", [], [replace(unsure, confidence=0.95)], view)[0].cue == [1]


def test_hybrid_rule_claims_take_a_tagged_content_that_disagrees_at_any_confidence():
    text = "Officials said troops hold the city."
    rows = [("Officials", "NOUN", 1, "nsubj", 0, 9), ("said", "VERB", None, "root", 10, 14),
            ("troops", "NOUN", 3, "nsubj", 15, 21), ("hold", "VERB", 1, "ccomp", 22, 26),
            ("the", "DET", 5, "det", 27, 30), ("city", "NOUN", 3, "obj", 31, 35), (".", "PUNCT", 1, "punct", 35, 36)]
    view = one_sentence(text, rows)
    rule = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(27, 35)], 0.9)  # a misparse gave the rules "the city"
    whole = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 26)], 0.95)
    assert combine("hybrid", [rule], [whole], view)[0].content == [(15, 26)]
    unsure = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 26)], 0.6)  # no threshold since step 36
    assert combine("hybrid", [rule], [unsure], view)[0].content == [(15, 26)]
    longer = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 35)], 0.95)
    narrow = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 21)], 0.9)  # "troops" only: the tagger extends it
    assert combine("hybrid", [narrow], [longer], view)[0].content == [(15, 35)]


def test_hybrid_rule_claims_take_a_tagged_content_that_ends_sooner_but_not_short_of_a_construction():
    view = one_sentence("Officials said troops hold the city.", [
        ("Officials", "NOUN", 1, "nsubj", 0, 9), ("said", "VERB", None, "root", 10, 14),
        ("troops", "NOUN", 3, "nsubj", 15, 21), ("hold", "VERB", 1, "ccomp", 22, 26), ("the", "DET", 5, "det", 27, 30),
        ("city", "NOUN", 3, "obj", 31, 35), (".", "PUNCT", 1, "punct", 35, 36)])
    rule = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 35)], 0.9)
    shorter = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 26)], 0.9)  # most of the rule's words
    assert combine("hybrid", [rule], [shorter], view)[0].content == [(15, 26)]
    construction = replace(rule, kind=ClaimKind.ADVERBIAL)  # the tagger learned few of these contents
    assert combine("hybrid", [construction], [shorter], view)[0].content == [(15, 35)]
    view = one_sentence("Officials urged allies to act.", [
        ("Officials", "NOUN", 1, "nsubj", 0, 9), ("urged", "VERB", None, "root", 10, 15),
        ("allies", "NOUN", 1, "obj", 16, 22), ("to", "PART", 4, "mark", 23, 25), ("act", "VERB", 1, "xcomp", 26, 29),
        (".", "PUNCT", 1, "punct", 29, 30)])
    rule = Draft(ClaimKind.INDIRECT, [1], "urge", [0], [(16, 29)], 0.9)
    without_addressee = replace(rule, content=[(23, 29)])  # those urged are part of what is said
    assert combine("hybrid", [rule], [without_addressee], view)[0].content == [(16, 29)]


def test_hybrid_rule_claims_are_not_extended_over_another_act_or_claim():
    text = "Officials said troops hold the city and left."
    rows = [("Officials", "NOUN", 1, "nsubj", 0, 9), ("said", "VERB", None, "root", 10, 14),
            ("troops", "NOUN", 3, "nsubj", 15, 21), ("hold", "VERB", 1, "ccomp", 22, 26),
            ("the", "DET", 5, "det", 27, 30), ("city", "NOUN", 3, "obj", 31, 35), ("and", "CCONJ", 7, "cc", 36, 39),
            ("left", "VERB", 1, "conj", 40, 44), (".", "PUNCT", 1, "punct", 44, 45)]
    view = one_sentence(text, rows)
    narrow = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 21)], 0.9)
    beyond_the_act = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 44)], 0.95)  # "… and left": a second act
    assert combine("hybrid", [narrow], [beyond_the_act], view)[0].content == [(15, 21)]
    longer = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 35)], 0.95)
    assert combine("hybrid", [narrow], [longer], view)[0].content == [(15, 35)]
    city = Draft(ClaimKind.INDIRECT, [5], "city", [0], [(27, 35)], 0.9)  # another claim's content
    assert combine("hybrid", [narrow, city], [longer], view)[0].content == [(15, 21)]
    remark = replace(narrow, kind=ClaimKind.EVIDENTIAL)  # the tagger learned no contents of evidential remarks
    assert combine("hybrid", [remark], [longer], view)[0].content == [(15, 21)]
    text = "Officials said troops hold and aid flows."
    rows = [("Officials", "NOUN", 1, "nsubj", 0, 9), ("said", "VERB", None, "root", 10, 14),
            ("troops", "NOUN", 3, "nsubj", 15, 21), ("hold", "VERB", 1, "ccomp", 22, 26),
            ("and", "CCONJ", 6, "cc", 27, 30), ("aid", "NOUN", 6, "nsubj", 31, 34),
            ("flows", "VERB", 1, "conj", 35, 40), (".", "PUNCT", 1, "punct", 40, 41)]
    view = one_sentence(text, rows)
    narrow = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 26)], 0.9)
    own_subject = Draft(ClaimKind.INDIRECT, [1], "say", [0], [(15, 40)], 0.95)  # a clause, not an act of theirs
    assert combine("hybrid", [narrow], [own_subject], view)[0].content == [(15, 40)]


def test_hybrid_rule_claims_take_a_fronted_part_of_the_tagged_content_but_not_one_that_ends_inside_a_phrase():
    text = "Voters, she said, do not worry."
    rows = [("Voters", "NOUN", 7, "nsubj", 0, 6), (",", "PUNCT", 3, "punct", 6, 7), ("she", "PRON", 3, "nsubj", 8, 11),
            ("said", "VERB", 7, "parataxis", 12, 16), (",", "PUNCT", 3, "punct", 16, 17),
            ("do", "AUX", 7, "aux", 18, 20), ("not", "PART", 7, "advmod", 21, 24),
            ("worry", "VERB", None, "root", 25, 30), (".", "PUNCT", 7, "punct", 30, 31)]
    view = one_sentence(text, rows)
    rule = Draft(ClaimKind.INDIRECT, [3], "say", [2], [(18, 30)], 0.9)
    fronted = Draft(ClaimKind.INDIRECT, [3], "say", [2], [(0, 6), (18, 30)], 0.95)
    assert combine("hybrid", [rule], [fronted], view)[0].content == [(0, 6), (18, 30)]
    a_little_more = Draft(ClaimKind.INDIRECT, [3], "say", [2], [(18, 31)], 0.95)  # most words shared, none before
    assert combine("hybrid", [rule], [a_little_more], view)[0].content == [(18, 30)]
    cut = Draft(ClaimKind.INDIRECT, [3], "say", [2], [(18, 24)], 0.95)  # "do not", without its verb
    assert combine("hybrid", [rule], [cut], view)[0].content == [(18, 30)]


def test_hybrid_rule_claims_take_the_words_the_tagger_puts_before_their_cue():
    text = "Officials later said troops hold."
    rows = [("Officials", "NOUN", 2, "nsubj", 0, 9), ("later", "ADV", 2, "advmod", 10, 15),
            ("said", "VERB", None, "root", 16, 20), ("troops", "NOUN", 4, "nsubj", 21, 27),
            ("hold", "VERB", 2, "ccomp", 28, 32), (".", "PUNCT", 2, "punct", 32, 33)]
    view = one_sentence(text, rows)
    rule = Draft(ClaimKind.INDIRECT, [2], "say", [0], [(21, 32)], 0.9)
    later_said = Draft(ClaimKind.INDIRECT, [1, 2], "say", [0], [(21, 32)], 0.95)
    assert combine("hybrid", [rule], [later_said], view)[0].cue == [1, 2]
    said_troops = Draft(ClaimKind.INDIRECT, [2, 3], "say", [0], [(28, 32)], 0.95)  # words after the cue: not taken
    assert combine("hybrid", [rule], [said_troops], view)[0].cue == [2]
    adverb = replace(rule, kind=ClaimKind.ADVERBIAL)  # PolNeAR's cue is "reportedly", not "has reportedly"
    assert combine("hybrid", [adverb], [later_said], view)[0].cue == [2]


def test_tagged_content_joins_its_cue_through_the_parse_or_by_running_on():
    text = '"Troops hold. We stand," Kyiv said, citing reports.\n\n"Help us."'
    rows = [('"', "PUNCT", 2, "punct", 0), ("Troops", "NOUN", 2, "nsubj", 0), ("hold", "VERB", None, "root", 0),
            (".", "PUNCT", 2, "punct", 0), ("We", "PRON", 5, "nsubj", 1), ("stand", "VERB", 9, "ccomp", 1),
            (",", "PUNCT", 5, "punct", 1), ('"', "PUNCT", 5, "punct", 1), ("Kyiv", "PROPN", 9, "nsubj", 1),
            ("said", "VERB", None, "root", 1), (",", "PUNCT", 11, "punct", 1), ("citing", "VERB", 9, "advcl", 1),
            ("reports", "NOUN", 11, "obj", 1), (".", "PUNCT", 9, "punct", 1), ('"', "PUNCT", 15, "punct", 2),
            ("Help", "VERB", None, "root", 2), ("us", "PRON", 15, "obj", 2), (".", "PUNCT", 15, "punct", 2),
            ('"', "PUNCT", 15, "punct", 2)]
    view = parsed(text, rows)
    labels = (["B-Content"] + ["I-Content"] * 3 + ["B-Content"] + ["I-Content"] * 3 + ["B-Source", "B-Cue", "O",
              "O", "B-Content", "O"] + ["B-Content"] + ["I-Content"] * 4)
    (draft,) = decode(view, labels, [0.9] * len(labels))
    # the quotation runs on into the sentence of the cue; "reports" hangs from "citing", a cue the tagger missed;
    # the quotation after the paragraph break is a new turn
    assert [view.text[a:b] for a, b in draft.content] == ['"Troops hold.', 'We stand,"']
    assert draft.source == [8]


def test_a_tagged_cue_sharing_its_hosts_subject_takes_the_hosts_source():
    text = "Kyiv said troops hold, citing reports that Moscow denied."
    rows = [("Kyiv", "PROPN", 1, "nsubj", 0), ("said", "VERB", None, "root", 0), ("troops", "NOUN", 3, "nsubj", 0),
            ("hold", "VERB", 1, "ccomp", 0), (",", "PUNCT", 5, "punct", 0), ("citing", "VERB", 1, "advcl", 0, "cite",
            "VerbForm=Ger"), ("reports", "NOUN", 5, "obj", 0), ("that", "PRON", 9, "obj", 0),
            ("Moscow", "PROPN", 9, "nsubj", 0), ("denied", "VERB", 6, "acl:relcl", 0), (".", "PUNCT", 1, "punct", 0)]
    view = parsed(text, rows)
    labels = ["B-Source", "B-Cue", "B-Content", "I-Content", "O", "B-Cue", "B-Content", "O", "O", "B-Cue", "O"]
    said, citing, denied = decode(view, labels, [0.9] * len(labels))
    assert said.source == citing.source == [0]  # the tagger marks "Kyiv" once; "citing" shares its subject
    assert denied.source == []  # a subject slot of its own, though the tagger left it unmarked


def test_hybrid_claims_take_the_tagged_quotations_no_claim_has():
    text = '“We hold,” he said, smiling. “We stay.” Aides urged “calm”.'
    rows = [("“", "PUNCT", 2, "punct", 0), ("We", "PRON", 2, "nsubj", 0), ("hold", "VERB", 5, "ccomp", 0),
            (",", "PUNCT", 2, "punct", 0), ("”", "PUNCT", 2, "punct", 0), ("he", "PRON", 6, "nsubj", 0),
            ("said", "VERB", None, "root", 0, "say"), (",", "PUNCT", 8, "punct", 0), ("smiling", "VERB", 6, "advcl", 0),
            (".", "PUNCT", 6, "punct", 0), ("“", "PUNCT", 12, "punct", 1), ("We", "PRON", 12, "nsubj", 1),
            ("stay", "VERB", None, "root", 1), (".", "PUNCT", 12, "punct", 1), ("”", "PUNCT", 12, "punct", 1),
            ("Aides", "NOUN", 16, "nsubj", 2), ("urged", "VERB", None, "root", 2, "urge"),
            ("“", "PUNCT", 18, "punct", 2), ("calm", "NOUN", 16, "obj", 2), ("”", "PUNCT", 18, "punct", 2),
            (".", "PUNCT", 16, "punct", 2)]
    view = parsed(text, rows)
    first, second, calm = (text.index(q) for q in ("“We hold", "“We stay", "“calm"))
    said = Draft(ClaimKind.DIRECT, [6], "say", [5], [(first, first + 10)], 0.9)
    urged = Draft(ClaimKind.INDIRECT, [16], "urge", [15], [(calm, calm + 6)], 0.9)
    tagged = Draft(ClaimKind.DIRECT, [6], "say", [5], [(first, first + 10), (second, second + 10), (calm, calm + 6)],
                   0.95)
    drafts = combine("hybrid", [said, urged], [tagged], view)
    assert [text[a:b] for a, b in drafts[0].content] == ["“We hold,”", "“We stay.”"]  # “calm” is urged's
    assert drafts[1].content == [(calm, calm + 6)]


@settings(deadline=None, max_examples=25)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=8), st.integers(0, 2**31))
def test_padded_bilstm_gives_the_packed_states(lengths, seed):
    torch.manual_seed(seed)
    network = SpanTagger({name: 5 for name in SIZES}, hidden=8, layers=2).eval()
    lengths = torch.tensor(lengths)
    x = torch.randn(len(lengths), int(lengths.max()), network.lstm.input_size)
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    expected = pad_packed_sequence(network.lstm(packed)[0], batch_first=True)[0]
    with torch.inference_mode():
        got = network.bilstm(x, lengths)
    for row, length in enumerate(lengths.tolist()):
        assert torch.allclose(got[row, :length], expected[row, :length], atol=1e-5)


@pytest.fixture(scope="module")
def learned() -> Annotator:
    return Annotator(method="learned")


def test_learned_method_keeps_the_rules_evidential_remarks(learned):
    claims = learned.annotate("The reports could not be independently verified.").claims
    assert [(c.kind, c.cue_text) for c in claims] == [(ClaimKind.EVIDENTIAL, "could not be independently verified")]


def test_a_criminal_charge_found_by_the_tagger_is_an_accusation(learned):
    text = "Federal prosecutors in April charged two Vermont developers with defrauding investors from 74 countries."
    claim = next(c for c in learned.annotate(text).claims if c.cue_text == "charged")
    assert claim.stance is Stance.ACCUSE


def test_missing_tagger_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no tagger model there"):
        load_tagger(str(tmp_path / "missing.pt"))


def test_hybrid_gives_no_speaker_to_allegations_that_dog_the_subject(annotator):
    doc = annotator.annotate("The senator has been dogged by allegations that he misused campaign funds.")
    claim = next(c for c in doc.claims if c.cue_text == "allegations")
    assert claim.source is None


def test_hybrid_keeps_an_accusation_and_the_reduced_relative_that_rejects_it(claims_of):
    found = claims_of("The Kremlin has repeatedly accused Ukraine of using Western weapons to strike civilian targets "
                      "inside Russia, an accusation Kyiv rejects.\n\nThe company faces a lawsuit over the leak, a "
                      "claim the firm denies.")
    assert ("Kyiv", "rejects", "an accusation") in found
    assert ("The Kremlin", "has repeatedly accused",
            "Ukraine of using Western weapons to strike civilian targets inside Russia") in found
    assert ("the firm", "denies", "a claim") in found
    assert all(source not in ("a", "A") for source, _, _ in found)  # no article alone as a speaker


def test_hybrid_keeps_a_whole_object_where_the_taggers_part_stops_on_its_determiner(claims_of):
    found = claims_of(
        "Biden, Netanyahu clash over Gaza aid in tense call\n\n"
        "President Joe Biden pressed Israeli Prime Minister Benjamin Netanyahu on Thursday to allow more "
        "humanitarian aid into Gaza, according to two U.S. officials briefed on the call. Netanyahu told "
        "Biden that Israel was already doing more than any other country, one of the officials said.\n\nThe "
        "White House said in a readout that the president \"underscored the need to protect civilians.\" "
        "Netanyahu's office said he had \"made clear that Israel will continue to defend itself.\"\n\nHamas "
        "accused Israel of using starvation as a weapon. Israel denies the charge and says Hamas diverts "
        "aid for its fighters, an accusation the group rejects.\n\nThe United Nations says more than 1 "
        "million people in Gaza face famine. Israeli officials dispute those figures, arguing that hundreds "
        "of aid trucks enter the territory every day.\n\nSpeaking to reporters later, national security "
        "spokesman John Kirby said the call was \"direct and honest.\" He declined to characterize "
        "Netanyahu's response.")
    assert ("Israeli officials", "dispute", "those figures") in found


def test_hybrid_gives_no_speaker_to_a_tagged_allegation_the_subject_stands_trial_on(annotator):
    doc = annotator.annotate("The mayor went on trial on Monday on allegations that he took bribes.")
    claim = next(c for c in doc.claims if c.cue_text == "allegations")
    assert claim.source is None


def test_hybrid_takes_a_tagged_cue_cut_on_a_determiner_as_its_verb_alone():
    text = "Sales fell, the company said in a filing."
    rows = [("Sales", "NOUN", 1, "nsubj", 0, 5), ("fell", "VERB", 5, "ccomp", 6, 10),
            (",", "PUNCT", 1, "punct", 10, 11), ("the", "DET", 4, "det", 12, 15),
            ("company", "NOUN", 5, "nsubj", 16, 23), ("said", "VERB", None, "root", 24, 28),
            ("in", "ADP", 8, "case", 29, 31), ("a", "DET", 8, "det", 32, 33), ("filing", "NOUN", 5, "obl", 34, 40),
            (".", "PUNCT", 5, "punct", 40, 41)]
    view = one_sentence(text, rows)
    tagged = Draft(ClaimKind.INDIRECT, [5, 6, 7], "say", [3, 4], [(0, 10)], 0.9)
    assert [d.cue for d in combine("hybrid", [], [tagged], view)] == [[5]]
    whole = Draft(ClaimKind.INDIRECT, [5, 6, 7, 8], "say", [3, 4], [(0, 10)], 0.9)  # "said in a filing" stays
    assert [d.cue for d in combine("hybrid", [], [whole], view)] == [[5, 6, 7, 8]]
