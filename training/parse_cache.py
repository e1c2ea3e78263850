"""Parse PolNeAR texts once and cache the words (the training and evaluation input of learned components).

    python training/parse_cache.py ../shared/data/polnear/train .cache/train.jsonl [SHARD/SHARDS]

With a shard (e.g. 0/2 and 1/2 in two processes, one per core) each process writes OUTPUT-SHARD.jsonl;
readers take every .cache/NAME*.jsonl file. Rerunning resumes: parsed documents are skipped.

Each output line: {"id", "words": [[sent, text, lemma, upos, feats, head, deprel, start, end], ...]}.
The cache is derived data: git-ignored, rebuilt by this command.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Iterator

from attribution import Annotator
from attribution.annotator import for_stanza
from attribution.extract import DocView
from attribution.extract.view import Word
from attribution.quotes import find_quotes


def cache_files(output: Path) -> list[Path]:
    return sorted(output.parent.glob(f"{output.stem}*.jsonl"))


def cached_views(cache: Path, corpus: Path, only: set[str] | None = None) -> Iterator[tuple[str, str, DocView]]:
    """(name, text, parsed view) of every cached document (or of those named in ``only``), in name order. The
    view reads the text as the processors do (:func:`attribution.annotator.for_stanza`); map its offsets back
    with ``to_original``."""
    lines = sorted(line for f in cache_files(cache) for line in f.read_text(encoding="utf-8").splitlines())
    for line in lines:
        record = json.loads(line)
        if only is not None and record["id"] not in only:
            continue
        text = (corpus / "text" / f"{record['id']}.txt").read_text(encoding="utf-8")
        yield record["id"], text, view_from_cache(for_stanza(text), record["words"])


def view_from_cache(text: str, rows: list) -> DocView:
    words = [Word(i, *row) for i, row in enumerate(rows)]
    ranges, start = [], 0
    for i in range(1, len(words) + 1):
        if i == len(words) or words[i].sent != words[i - 1].sent:
            ranges.append((start, i))
            start = i
    return DocView(text, words, ranges, find_quotes(text))


def main(corpus: Path, output: Path, shard: str = "0/1", batch: int = 8) -> None:
    annotator = Annotator()
    paths = sorted((corpus / "text").glob("*.txt"))
    done = {json.loads(line)["id"] for f in cache_files(output) for line in f.read_text(encoding="utf-8").splitlines()}
    index, count = map(int, shard.split("/"))
    todo = [p for k, p in enumerate(p for p in paths if p.stem not in done) if k % count == index]
    if count > 1:
        output = output.with_name(f"{output.stem}-{index}.jsonl")
    output.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with output.open("a", encoding="utf-8") as out:
        for i in range(0, len(todo), batch):
            chunk = todo[i:i + batch]
            texts = [p.read_text(encoding="utf-8") for p in chunk]
            docs = [doc for doc, _ in annotator._parse(texts)]  # as annotate parses: same text preparation
            for path, text, doc in zip(chunk, texts, docs):
                view = DocView.from_stanza(doc, find_quotes(doc.text))
                words = [[w.sent, w.text, w.lemma, w.upos, w.feats, w.head, w.deprel, w.start, w.end]
                         for w in view.words]
                out.write(json.dumps({"id": path.stem, "words": words}, ensure_ascii=False) + "\n")
            out.flush()
            print(f"{i + len(chunk)}/{len(todo)} {time.perf_counter() - start:.0f}s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4])
