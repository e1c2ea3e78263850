"""A faster drop-in for the cycle search inside Stanza's dependency decoder.

Stanza's parser decodes every sentence with Chu-Liu-Edmonds (``stanza.models.common.chuliu_edmonds``), whose
``tarjan`` finds the cycles of the greedy head choice with numpy calls per word; on the compact models the decoder
took about a quarter of the whole pipeline's time, most of it there (docs/performance.md, session 23). :func:`tarjan` returns the same
cycles in the same order — the same algorithm on Python lists, answering at once when there is none — so
the trees are identical (``tests/test_mst.py`` compares the two on random graphs, and the PolNeAR dev parse is
unchanged). :func:`install` puts it in place once per process, and leaves Stanza alone if its decoder has moved.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

__all__ = ["install", "tarjan"]


def tarjan(tree: np.ndarray) -> list[np.ndarray]:
    """The cycles of the head array ``tree`` (tree[i] heads i, tree[0] == 0), each a boolean mask over the words,
    in the order of Stanza's ``tarjan``: strongly connected components of more than one node, as an iterative
    Tarjan search from node 0 upwards, dependents in increasing order, emits them."""
    heads = tree.tolist()
    if not has_cycle(heads):
        return []
    size = len(heads)
    dependents: list[list[int]] = [[] for _ in range(size)]
    for node, head in enumerate(heads):
        if 0 <= head < size:
            dependents[head].append(node)
    index = [-1] * size
    lowlink = [-1] * size
    on_stack = [False] * size
    stack: list[int] = []
    cycles: list[np.ndarray] = []
    counter = 0
    for start in range(size):
        if index[start] != -1:
            continue
        calls = [(start, 0)]  # (node, next dependent to look at); 0: the node is entered now
        while calls:
            node, position = calls.pop()
            if position == 0:
                index[node] = lowlink[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            children = dependents[node]
            while position < len(children):
                child = children[position]
                position += 1
                if index[child] == -1:
                    calls.append((node, position))
                    calls.append((child, 0))
                    break
                if on_stack[child]:
                    lowlink[node] = min(lowlink[node], index[child])
            else:
                if lowlink[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        cycle = np.zeros(size, dtype=bool)
                        cycle[members] = True
                        cycles.append(cycle)
                if calls:
                    parent = calls[-1][0]
                    lowlink[parent] = min(lowlink[parent], lowlink[node])
    return cycles


def has_cycle(heads: list[int]) -> bool:
    """Does following heads from some word come back to it without reaching the root (or a self-loop other than
    the root's)?"""
    state = [0] * len(heads)  # 0 unseen, 1 on the current path, 2 done
    state[0] = 2
    for start in range(1, len(heads)):
        path, node = [], start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node]
            if not 0 <= node < len(heads):
                return True  # not a head array Stanza makes; let the full search decide
        if state[node] == 1:
            return True
        for visited in path:
            state[visited] = 2
    return False


def install() -> bool:
    """Use :func:`tarjan` inside Stanza's decoder; False (and nothing changed) if Stanza no longer has one."""
    try:
        from stanza.models.common import chuliu_edmonds
    except ImportError:
        return False
    original = getattr(chuliu_edmonds, "tarjan", None)
    if not callable(original):
        return False
    if original is not tarjan:
        REPLACED["tarjan"] = original
        chuliu_edmonds.tarjan = tarjan
    return True


REPLACED: dict[str, Callable] = {}  # Stanza's own functions that install() replaced, by name (for comparison)
