"""The neural span tagger: embeddings of each word's features, a BiLSTM over windows of whole sentences, and a BIO
softmax per word. Small enough to run on a CPU beside Stanza (see docs/performance.md)."""
from __future__ import annotations

import torch
from torch import nn

from .encoding import FIELDS, SHARED

LABELS = ("O", "B-Cue", "I-Cue", "B-Source", "I-Source", "B-Content", "I-Content")
SIZES = {"word": 100, "lemma": 64, "suffix": 24, "shape": 6, "upos": 16, "deprel": 24, "cue": 16, "cue_anc": 16,
         "quote": 6, "head_dir": 12, "left_cue": 8, "right_cue": 8, "edge": 4, "rule": 24}
CONTEXT_WIDTH = 128


class SpanTagger(nn.Module):
    """Per-word label scores for a batch of windows given as (batch, words, FIELDS) index tensors."""

    def __init__(self, vocab_sizes: dict[str, int], hidden: int = 192, layers: int = 2, dropout: float = 0.33,
                 context: int = 0):
        super().__init__()
        self.config = {"vocab_sizes": vocab_sizes, "hidden": hidden, "layers": layers, "dropout": dropout}
        if context:
            self.config["context"] = context
        self.embeddings = nn.ModuleDict({name: nn.Embedding(size, SIZES[name], padding_idx=0)
                                         for name, size in vocab_sizes.items()})
        width = sum(SIZES[SHARED.get(f, f)] for f in FIELDS)
        self.context = nn.Linear(context, CONTEXT_WIDTH) if context else None
        width += CONTEXT_WIDTH if context else 0
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(width, hidden, layers, batch_first=True, bidirectional=True,
                            dropout=dropout if layers > 1 else 0.0)
        self.out = nn.Linear(2 * hidden, len(LABELS))

    def forward(self, features: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor | None = None) -> torch.Tensor:
        parts = [self.embeddings[SHARED.get(f, f)](features[:, :, k]) for k, f in enumerate(FIELDS)]
        if self.context is not None and context is not None:
            parts.append(self.context(self.dropout(context)))
        x = torch.cat(parts, dim=-1)
        return self.out(self.dropout(self.bilstm(self.dropout(x), lengths.to(x.device))))

    def bilstm(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """``self.lstm`` over a padded batch of windows, layer by layer and one direction at a time: the same
        states as over a packed sequence, but through PyTorch's fused CPU kernel (oneDNN), about twice as fast."""
        for layer in range(self.lstm.num_layers):
            if layer:
                x = nn.functional.dropout(x, self.lstm.dropout, self.training)
            right_to_left = self.direction(reverse_each(x, lengths), layer, "_reverse")
            x = torch.cat([self.direction(x, layer, ""), reverse_each(right_to_left, lengths)], dim=-1)
        return x

    def direction(self, x: torch.Tensor, layer: int, suffix: str) -> torch.Tensor:
        """One direction of one layer; padding only ever follows a window's words, so no word's state reads it."""
        params = [getattr(self.lstm, f"{name}_l{layer}{suffix}")
                  for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
        start = x.new_zeros(1, x.shape[0], self.lstm.hidden_size)
        return torch.lstm(x, (start, start), params, True, 1, 0.0, self.training, False, True)[0]


def reverse_each(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """Each window's words in reverse order, its padding left where it is (the backward direction of a BiLSTM)."""
    steps = torch.arange(x.shape[1], device=x.device).expand(x.shape[0], -1)
    source = lengths[:, None] - 1 - steps
    source = torch.where(source >= 0, source, steps)
    return x.gather(1, source[:, :, None].expand_as(x))
