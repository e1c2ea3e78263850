"""The unit of work every engine runs: a batch of sources through one process's pipeline, each document's TEI
and claim rows written atomically (validated) before its result is reported back."""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import AttributionError
from ..model import AnnotatedDocument
from ..output import tei_text, write_atomic
from ..writers.rows import claim_rows
from .sources import Source

__all__ = ["Job", "Result", "run_batch", "set_threads", "doc_paths"]


@dataclass(frozen=True)
class Job:
    """What every worker needs to know; plain data so that it travels to processes and Dask workers."""

    out_dir: str
    method: str
    models: str | None
    threads: int


@dataclass(frozen=True)
class Result:
    id: str
    path: str
    sha256: str
    status: str  # done | failed
    claims: int = 0
    words: int = 0
    seconds: float = 0.0
    error: str = ""


def doc_paths(out_dir: str | Path, doc_id: str) -> tuple[Path, Path]:
    """Where a document's TEI and its claim rows live."""
    base = Path(out_dir) / "docs"
    return base / f"{doc_id}.xml", base / f".{doc_id}.claims.jsonl"


def set_threads(threads: int) -> None:
    """Torch threads for this process, so that workers × threads stays within the cores."""
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    import torch

    torch.set_num_threads(max(1, threads))


def run_batch(job: Job, sources: list[Source]) -> list[Result]:
    from ..annotator import Annotator, freeze_loaded_pipeline

    set_threads(job.threads)
    results = [Result(s.id, s.path, s.sha256, "failed", error=s.error) for s in sources if s.error]
    sources = [s for s in sources if not s.error]  # unreadable since the build was planned
    annotator = Annotator(job.models, method=job.method, batch_size=max(1, len(sources)))
    freeze_loaded_pipeline()
    start = time.perf_counter()
    docs: list[AnnotatedDocument | Exception]
    try:
        docs = list(annotator.annotate_many([s.text for s in sources], ids=[s.id for s in sources]))
    except Exception:  # noqa: BLE001 - one bad document must not cost the batch: retry one by one
        docs = []
        for s in sources:
            try:
                docs.append(annotator.annotate(s.text, s.id))
            except Exception as error:  # noqa: BLE001 - reported in the manifest
                docs.append(error)
    per_doc = (time.perf_counter() - start) / max(1, len(sources))
    for source, doc in zip(sources, docs):
        if isinstance(doc, BaseException):
            message = doc.problem if isinstance(doc, AttributionError) and hasattr(doc, "problem") else str(doc)
            results.append(Result(source.id, source.path, source.sha256, "failed", error=message.splitlines()[0]))
            continue
        doc = replace(doc, source_header=source.header, warnings=source.notes + doc.warnings)
        try:
            write_outputs(job.out_dir, doc)
        except AttributionError as error:
            results.append(Result(source.id, source.path, source.sha256, "failed", error=str(error).splitlines()[0]))
            continue
        results.append(Result(source.id, source.path, source.sha256, "done", len(doc.claims), doc.word_count,
                              round(per_doc, 3)))
    return results


def write_outputs(out_dir: str, doc) -> None:  # noqa: ANN001 - AnnotatedDocument
    tei_path, rows_path = doc_paths(out_dir, doc.id)
    write_atomic(tei_path, tei_text(doc, tei_path))
    rows = claim_rows(doc)
    write_atomic(rows_path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
