"""Corpus-level operations on PolNeAR-layout directories (``text/`` + ``attributions/``)."""
from __future__ import annotations

from pathlib import Path

from .brat import gold_attributions, read_attributions
from .errors import UsageError, message
from .evaluation import Attribution, Report

__all__ = ["evaluate_directory"]


def evaluate_directory(gold: Path, text_dir: Path | None = None, pred: Path | None = None,
                       models: str | None = None, batch_size: int = 8, method: str = "hybrid") -> Report:
    """Score predictions (BRAT files in ``pred``, or the annotator's own output) against gold BRAT files."""
    text_dir = text_dir or gold / "text"
    ann_dir = gold / "attributions" if (gold / "attributions").is_dir() else gold
    paths = sorted(text_dir.glob("*.txt"))
    if not paths:
        raise UsageError(message("no_texts", path=text_dir))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if pred is None:
        from .annotator import Annotator

        annotator = Annotator(models, method=method, batch_size=batch_size)
        predicted = [[Attribution.of(c) for c in doc.claims]
                     for doc in annotator.annotate_many(texts, ids=[p.stem for p in paths])]
    else:
        predicted = [read_attributions(f.read_text(encoding="utf-8"), t) if (f := pred / f"{p.stem}.ann").exists()
                     else [] for p, t in zip(paths, texts)]
    report = Report.empty()
    for path, text, pred_doc in zip(paths, texts, predicted):
        report.add(text, gold_attributions(ann_dir, path.stem, text), pred_doc)
    return report
