"""The faster cycle search put into Stanza's dependency decoder gives Stanza's own results."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
# imported at the top: it raises the recursion limit, which hypothesis reports when it happens inside a test
from stanza.models.common import chuliu_edmonds

from attribution import mst
from attribution.mst import tarjan


def stanza_decoder():
    assert mst.install()
    return chuliu_edmonds, mst.REPLACED["tarjan"]


@given(st.lists(st.integers(0, 39), min_size=0, max_size=39), st.integers(1, 40))
def test_cycle_search_finds_stanzas_cycles_in_stanzas_order(heads, size):
    words = heads[: size - 1]
    tree = np.array([0] + [h % (len(words) + 1) for h in words])  # tree[i] heads word i; 0 is the root
    _, original = stanza_decoder()
    ours, theirs = tarjan(tree), original(tree)
    assert len(ours) == len(theirs) and all((a == b).all() for a, b in zip(ours, theirs))


@settings(deadline=None, max_examples=60)
@given(st.integers(2, 40), st.integers(0, 2**31), st.sampled_from([0.5, 2.0, 8.0]), st.booleans())
def test_stanzas_decoder_gives_the_same_tree_with_the_faster_cycle_search(size, seed, spread, ties):
    decoder, original = stanza_decoder()
    scores = np.random.default_rng(seed).normal(size=(size, size)) * spread
    scores = np.round(scores) if ties else scores
    scores = scores - np.log(np.exp(scores).sum(1, keepdims=True))  # log-probabilities, as the parser gives
    ours = decoder.chuliu_edmonds_one_root(scores)
    decoder.tarjan = original
    try:
        theirs = decoder.chuliu_edmonds_one_root(scores)
    finally:
        stanza_decoder()
    assert (ours == theirs).all()
