"""Label accuracy (speaker entity, source type, stance, evidential status, factuality, pronoun sources) on the
hand-labelled PolNeAR attributions: dev (benchmarks/gold/polnear_dev_labels.tsv, the measurement) or train
(polnear_train_labels.tsv, the set the label rules are developed on).

    python benchmarks/labels_polnear.py [--split dev|train] [--polnear DIR] [--errors]

Labels are scored on the gold attributions the annotator finds (linked match); see attribution/labeleval.py.
A measurement, not a test: results go to docs/evaluation.md with this command.
"""
from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from attribution import Annotator
from attribution.brat import gold_attributions
from attribution.labeleval import LABELS, LabelledAttribution, LabelReport

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
GOLD = Path(__file__).resolve().parent / "gold"


def load_labels(polnear: Path, label_file: Path) -> dict[str, tuple[str, list[LabelledAttribution]]]:
    """Document name → (text, its labelled gold attributions); every row's cue is checked against PolNeAR."""
    lines = [line for line in label_file.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows_by_doc: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in csv.DictReader(lines, delimiter="\t"):
        rows_by_doc[row["doc"]].append(row)
    out = {}
    for name, rows in rows_by_doc.items():
        text = (polnear / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = gold_attributions(polnear / "attributions", name, text)
        labelled = []
        for row in rows:
            attribution = gold[int(row["n"])]
            cue = " ".join(s.text for s in attribution.cue)
            if cue != row["cue"]:
                raise SystemExit(f"{label_file.name}: {name} #{row['n']}: cue is {cue!r}, not {row['cue']!r}")
            labelled.append(LabelledAttribution(attribution, {k: row[k] for k in LABELS}))
        out[name] = (text, labelled)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--polnear", type=Path, help="the split's PolNeAR folder (default ../shared/data/polnear/SPLIT)")
    parser.add_argument("--errors", action="store_true", help="list every wrong label")
    args = parser.parse_args()
    labelled = load_labels(args.polnear or POLNEAR / args.split, GOLD / f"polnear_{args.split}_labels.tsv")
    report = LabelReport()
    docs = Annotator().annotate_many([text for text, _ in labelled.values()], ids=list(labelled))
    for doc, (_, gold) in zip(docs, labelled.values()):
        report.add(doc, gold, [])
    print(f"{len(labelled)} articles, {report.gold} labelled attributions")
    print(report.to_markdown())
    if args.errors:
        print("\n".join(report.errors))


if __name__ == "__main__":
    main()
