"""A pretrained contextual encoder read by the span tagger: the first layers of all-MiniLM-L6-v2 (a BERT-style
transformer), giving each word a vector that depends on its sentence. What the tagger lacked is reading an
ordinary word as a report in context ("shot back", "picked … to win"), which its own features, learned from
PolNeAR train alone, could not give it (docs/evaluation.md, step 36). Its layers are fine-tuned with the tagger
(step 43).

Plain PyTorch and a WordPiece tokenizer written here, so that the only runtime dependency stays torch; the weights
travel inside the tagger's model file.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import torch
from torch import nn

MAX_PIECES = 512        # the encoder's positions; a window's words past them get no vector (zeros)
MAX_WORD_CHARS = 100    # longer tokens are [UNK], as in BERT
CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
CJK_BLOCKS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
              (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))  # BERT's "Chinese characters"


class WordPieces:
    """BERT's uncased tokenization of one already-split word: lower case, accents stripped, punctuation apart,
    then greedy longest-match word pieces ("##" marks a continuation)."""

    def __init__(self, vocabulary: list[str]):
        self.vocabulary = vocabulary
        self.index = {piece: i for i, piece in enumerate(vocabulary)}
        self.cls, self.sep, self.unk = self.index[CLS], self.index[SEP], self.index[UNK]
        self.pieces = lru_cache(maxsize=1 << 16)(self._pieces)

    def _pieces(self, word: str) -> tuple[int, ...]:
        return tuple(p for token in basic_tokens(word) for p in self.greedy(token))

    def greedy(self, token: str) -> list[int]:
        if len(token) > MAX_WORD_CHARS:
            return [self.unk]
        out, start = [], 0
        while start < len(token):
            end = len(token)
            while end > start:
                piece = token[start:end] if start == 0 else "##" + token[start:end]
                if piece in self.index:
                    out.append(self.index[piece])
                    break
                end -= 1
            if end == start:
                return [self.unk]
            start = end
        return out


def basic_tokens(word: str) -> list[str]:
    """The word lower-cased, without accents or control characters, cut at whitespace and around punctuation and
    CJK characters."""
    text = unicodedata.normalize("NFD", word.lower())
    tokens: list[str] = []
    current: list[str] = []
    for ch in text:
        if unicodedata.category(ch) == "Mn" or ch in "\x00\ufffd" or control(ch):
            continue
        if ch.isspace():
            tokens.append("".join(current))
            current = []
        elif punctuation(ch) or cjk(ch):
            tokens.extend(["".join(current), ch])
            current = []
        else:
            current.append(ch)
    tokens.append("".join(current))
    return [t for t in tokens if t]


def control(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch).startswith("C")


def punctuation(ch: str) -> bool:
    code = ord(ch)
    return 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126 \
        or unicodedata.category(ch).startswith("P")


def cjk(ch: str) -> bool:
    code = ord(ch)
    return any(a <= code <= b for a, b in CJK_BLOCKS)


class Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, inner: int):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(hidden, 3 * hidden)
        self.attended = nn.Linear(hidden, hidden)
        self.norm1 = nn.LayerNorm(hidden, eps=1e-12)
        self.inner = nn.Linear(hidden, inner)
        self.outer = nn.Linear(inner, hidden)
        self.norm2 = nn.LayerNorm(hidden, eps=1e-12)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length, width = x.shape
        q, k, v = self.qkv(x).view(batch, length, 3, self.heads, width // self.heads).permute(2, 0, 3, 1, 4)
        attended = nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask[:, None, None, :])
        x = self.norm1(x + self.attended(attended.transpose(1, 2).reshape(batch, length, width)))
        return self.norm2(x + self.outer(nn.functional.gelu(self.inner(x))))


class Encoder(nn.Module):
    """Word-piece ids (batch, pieces) -> contextual vectors (batch, pieces, hidden)."""

    def __init__(self, vocabulary: int, hidden: int = 384, layers: int = 3, heads: int = 12, inner: int = 1536,
                 positions: int = MAX_PIECES):
        super().__init__()
        self.config = {"vocabulary": vocabulary, "hidden": hidden, "layers": layers, "heads": heads,
                       "inner": inner, "positions": positions}
        self.words = nn.Embedding(vocabulary, hidden)
        self.positions = nn.Embedding(positions, hidden)
        self.segment = nn.Parameter(torch.zeros(hidden))  # token type 0, the only one used
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList(Layer(hidden, heads, inner) for _ in range(layers))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        steps = torch.arange(ids.shape[1], device=ids.device)
        x = self.norm(self.words(ids) + self.positions(steps)[None] + self.segment)
        for layer in self.layers:
            x = layer(x, mask)
        return x


def word_vectors(encoder: Encoder, pieces: WordPieces, windows: list[list[str]], bf16: bool = False
                 ) -> list[torch.Tensor]:
    """One vector per word of each window (a run of whole sentences): the mean of its pieces' vectors, read with
    the whole window as context; words past MAX_PIECES get zeros. ``bf16``: compute in bfloat16 (the tagger's
    choice, :func:`~.tagger.native_bf16`)."""
    rows = [window_pieces(pieces, words) for words in windows]
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        return pooled(encoder, [ids for ids, _ in rows], [owner for _, owner in rows], [len(w) for w in windows])


def window_pieces(pieces: WordPieces, words: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """A window's word-piece ids ([CLS] … [SEP], cut at MAX_PIECES) and the word each piece belongs to (-1: none)."""
    ids, owner = [pieces.cls], [-1]
    for n, word in enumerate(words):
        split = pieces.pieces(word)
        ids.extend(split)
        owner.extend([n] * len(split))
    return torch.tensor(ids[:MAX_PIECES - 1] + [pieces.sep]), torch.tensor(owner[:MAX_PIECES - 1] + [-1])


def pooled(encoder: Encoder, rows: list[torch.Tensor], owners: list[torch.Tensor], lengths: list[int]
           ) -> list[torch.Tensor]:
    """Each window's word vectors from its :func:`window_pieces`: the mean of each word's piece vectors (zeros for
    a word without pieces), ``lengths`` words a window. Differentiable, so that fine-tuning reads the same."""
    batch = nn.utils.rnn.pad_sequence(rows, batch_first=True)
    mask = nn.utils.rnn.pad_sequence([torch.ones(len(r), dtype=torch.bool) for r in rows], batch_first=True)
    hidden = encoder(batch, mask).float()
    out = []
    for row, (words, word_of) in enumerate(zip(lengths, owners)):
        inside = word_of >= 0
        pieces_of_words = hidden[row, :len(word_of)][inside]
        sums = hidden.new_zeros(words, hidden.shape[-1]).index_add(0, word_of[inside], pieces_of_words)
        counts = hidden.new_zeros(words).index_add(0, word_of[inside], hidden.new_ones(int(inside.sum())))
        out.append(sums / counts.clamp(min=1)[:, None])
    return out


def from_huggingface(state: dict[str, torch.Tensor], layers: int) -> dict[str, torch.Tensor]:
    """This module's state from a BERT checkpoint's (``BertModel`` names), keeping its first ``layers`` layers."""
    out = {"words.weight": state["embeddings.word_embeddings.weight"],
           "positions.weight": state["embeddings.position_embeddings.weight"],
           "segment": state["embeddings.token_type_embeddings.weight"][0],
           "norm.weight": state["embeddings.LayerNorm.weight"], "norm.bias": state["embeddings.LayerNorm.bias"]}
    for n in range(layers):
        old = f"encoder.layer.{n}."
        for part in ("weight", "bias"):
            out[f"layers.{n}.qkv.{part}"] = torch.cat([state[f"{old}attention.self.{m}.{part}"]
                                                       for m in ("query", "key", "value")])
            out[f"layers.{n}.attended.{part}"] = state[f"{old}attention.output.dense.{part}"]
            out[f"layers.{n}.norm1.{part}"] = state[f"{old}attention.output.LayerNorm.{part}"]
            out[f"layers.{n}.inner.{part}"] = state[f"{old}intermediate.dense.{part}"]
            out[f"layers.{n}.outer.{part}"] = state[f"{old}output.dense.{part}"]
            out[f"layers.{n}.norm2.{part}"] = state[f"{old}output.LayerNorm.{part}"]
    return out
