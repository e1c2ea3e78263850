"""The neural span tagger: embeddings of each word's features, a BiLSTM over windows of whole sentences, and a BIO
softmax per word. Small enough to run on a CPU beside Stanza (see docs/performance.md)."""
from __future__ import annotations

import torch
from torch import nn

from .encoding import FIELDS, SHARED

LABELS = ("O", "B-Cue", "I-Cue", "B-Source", "I-Source", "B-Content", "I-Content")
SIZES = {"word": 100, "lemma": 64, "suffix": 24, "shape": 6, "upos": 16, "deprel": 24, "cue": 16, "cue_anc": 16,
         "quote": 6, "head_dir": 12, "left_cue": 8, "right_cue": 8, "edge": 4, "rule": 24}


class SpanTagger(nn.Module):
    """Per-word label scores for a batch of windows given as (batch, words, FIELDS) index tensors."""

    def __init__(self, vocab_sizes: dict[str, int], hidden: int = 192, layers: int = 2, dropout: float = 0.33):
        super().__init__()
        self.config = {"vocab_sizes": vocab_sizes, "hidden": hidden, "layers": layers, "dropout": dropout}
        self.embeddings = nn.ModuleDict({name: nn.Embedding(size, SIZES[name], padding_idx=0)
                                         for name, size in vocab_sizes.items()})
        width = sum(SIZES[SHARED.get(f, f)] for f in FIELDS)
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(width, hidden, layers, batch_first=True, bidirectional=True,
                            dropout=dropout if layers > 1 else 0.0)
        self.out = nn.Linear(2 * hidden, len(LABELS))

    def forward(self, features: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = torch.cat([self.embeddings[SHARED.get(f, f)](features[:, :, k]) for k, f in enumerate(FIELDS)], dim=-1)
        packed = nn.utils.rnn.pack_padded_sequence(self.dropout(x), lengths.cpu(), batch_first=True,
                                                   enforce_sorted=False)
        hidden, _ = self.lstm(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=features.shape[1])
        return self.out(self.dropout(hidden))
