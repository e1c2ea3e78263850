"""The pretrained encoder the tagger reads: BERT's uncased word-piece tokenization, and one vector per word."""
from __future__ import annotations

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.learned.encoder import MAX_PIECES, Encoder, WordPieces, basic_tokens, word_vectors
from attribution.learned.tagger import dequantized, load_tagger, quantized

VOCABULARY = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "hello", ",", "kyiv", "says", "s",
              "##ays", "'", "pre", "-", "war"]


def test_word_pieces_follow_bert_uncased():
    pieces = WordPieces(VOCABULARY)
    names = lambda word: [VOCABULARY[i] for i in pieces.pieces(word)]  # noqa: E731
    assert names("unaffable") == ["un", "##aff", "##able"]        # greedy longest match, "##" continues
    assert names("Héllo,") == ["hello", ","]                       # lower case, accents gone, punctuation apart
    assert names("Kyiv's") == ["kyiv", "'", "s"]
    assert names("pre-war") == ["pre", "-", "war"]
    assert names("Says") == ["says"]
    assert names("unx") == ["[UNK]"]                                # a token with an unmatched rest is unknown
    assert names("a" * 101) == ["[UNK]"]
    assert basic_tokens("“Yes”\u200b") == ["“", "yes", "”"]        # format characters dropped


def tiny_encoder() -> Encoder:
    torch.manual_seed(0)
    return Encoder(len(VOCABULARY), hidden=16, layers=2, heads=4, inner=32).eval()


def test_each_word_gets_the_mean_of_its_pieces_in_context():
    encoder, pieces = tiny_encoder(), WordPieces(VOCABULARY)
    words = ["Kyiv", "says", "unaffable", ","]
    [vectors] = word_vectors(encoder, pieces, [words])
    ids = [2, 9, 10, 4, 5, 6, 8, 3]
    with torch.inference_mode():
        hidden = encoder(torch.tensor([ids]), torch.ones(1, len(ids), dtype=torch.bool))[0]
    expected = torch.stack([hidden[1], hidden[2], hidden[3:6].mean(0), hidden[6]])
    assert vectors.shape == (4, 16)
    assert torch.allclose(vectors, expected, atol=2e-2)  # bfloat16 where the CPU has it


def test_padding_does_not_change_a_window():
    encoder, pieces = tiny_encoder(), WordPieces(VOCABULARY)
    alone = word_vectors(encoder, pieces, [["hello"]])[0]
    beside_a_longer = word_vectors(encoder, pieces, [["hello"], ["Kyiv", "says", "hello", ",", "unaffable"]])[0]
    assert torch.allclose(alone, beside_a_longer, atol=2e-2)


def test_words_past_the_encoders_positions_get_zeros():
    encoder, pieces = tiny_encoder(), WordPieces(VOCABULARY)
    [vectors] = word_vectors(encoder, pieces, [["unaffable"] * (MAX_PIECES // 3 + 5)])
    covered = (MAX_PIECES - 2) // 3
    assert vectors[:covered].abs().sum(-1).gt(0).all()
    assert vectors[covered + 1:].abs().sum().item() == 0


@settings(deadline=None, max_examples=30)
@given(st.integers(1, 20), st.sampled_from([2, 4, 8]), st.integers(1, 4), st.floats(1e-3, 1e3), st.integers(0, 2**31))
def test_grouped_4_bit_weights_come_back_within_half_a_step_of_their_group(rows, group, runs, magnitude, seed):
    torch.manual_seed(seed)
    weights = torch.randn(rows, group * runs) * magnitude
    packed = quantized({"table": weights}, {"table": group})
    assert packed["table"].dtype == torch.uint8 and packed["table.scale"].shape == (rows, runs)
    restored = dequantized(packed)["table"]
    step = packed["table.scale"].float().repeat_interleave(group, dim=1)
    assert ((restored - weights).abs() <= 0.501 * step + 1e-3 * step).all()


def test_the_shipped_encoder_if_any_matches_its_networks():
    tagger = load_tagger()
    assert tagger is not None
    widths = {n.config.get("context", 0) for n in tagger.networks}
    if tagger.encoder is None:
        assert widths == {0}
    else:
        encoder, pieces = tagger.encoder
        assert widths == {encoder.config["hidden"]} and len(pieces.vocabulary) == encoder.config["vocabulary"]
        assert pieces.unk not in pieces.pieces("Zelenskiy") and len(pieces.pieces("Zelenskiy")) > 1
