"""``attribution corpus build``: many documents, every core or a Dask cluster, resumable, nothing lost or doubled.

Each document's TEI and claim rows are written atomically by the worker that annotated it; only then is a line
appended to ``manifest.jsonl`` (id, input path, input sha256, configuration, status, claims, time, error). A rerun
skips documents whose input hash and configuration are unchanged and whose output is there, retries failed ones,
and rebuilds the corpus-level files; ``force`` redoes everything. After ``kill -9`` the manifest may end in a torn
line (ignored) and outputs are complete or absent, so a rerun repairs everything.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from .. import __version__
from .corpus import write_corpus_files
from .sources import Source, iter_sources
from .work import Job, Result, doc_paths, run_batch

__all__ = ["BuildReport", "build_corpus", "read_manifest", "ENGINES"]

ENGINES = ("local", "dask")
MANIFEST = "manifest.jsonl"


@dataclass(frozen=True)
class BuildReport:
    done: int
    skipped: int
    failed: int
    words: int
    claims: int
    seconds: float
    summary: dict


def configuration(method: str, models: str | None) -> str:
    """What decides a document's output: tool version, method, models (by content) — as a short fingerprint."""
    from ..annotator import provenance
    from ..resources import resolve_models

    text = f"attribution {__version__}; {provenance(resolve_models(models), method)}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read_manifest(out_dir: Path) -> dict[str, dict]:
    """The last complete entry per document (a torn last line from a killed run is ignored)."""
    entries: dict[str, dict] = {}
    path = out_dir / MANIFEST
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                entries[entry["id"]] = entry
            except (ValueError, KeyError, TypeError):
                continue
    return entries


def build_corpus(inputs: list[str], out_dir: str | os.PathLike[str], *, workers: int | None = None,
                 engine: str = "local", scheduler: str | None = None, force: bool = False, method: str = "hybrid",
                 models: str | None = None, batch_size: int = 4, encoding_errors: str = "strict",
                 progress: Callable[[Result], None] | None = None,
                 planned: Callable[[int], None] | None = None) -> BuildReport:
    """Build (or update) the corpus in ``out_dir``; ``planned`` hears how many documents will be processed,
    ``progress`` each document's result as it is recorded."""
    out = Path(out_dir)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    for stale in (out / "docs").glob(".*.part"):
        stale.unlink()  # temporary files of a killed run
    config = configuration(method, models)
    previous = {} if force else read_manifest(out)
    workers = max(1, workers or os.cpu_count() or 1)
    job = Job(str(out), method, models, max(1, (os.cpu_count() or 1) // workers))
    start = time.perf_counter()
    todo, skipped, failed_early, kept = plan(inputs, encoding_errors, previous, config, out)
    if planned is not None:
        planned(len(todo) + len(failed_early))
    results: list[Result] = []
    with (out / MANIFEST).open("a", encoding="utf-8") as manifest:
        def record(result: Result) -> None:
            manifest.write(json.dumps(asdict(result) | {"config": config}, ensure_ascii=False) + "\n")
            manifest.flush()
            os.fsync(manifest.fileno())
            results.append(result)
            if progress is not None:
                progress(result)

        for result in failed_early:
            record(result)
        runner = run_local if engine == "local" else run_dask
        work = batches(reread(inputs, encoding_errors, todo, kept), batch_size)
        for batch_results in runner(job, work, workers, scheduler):
            for result in batch_results:
                record(result)
    entries = {**{e["id"]: e for e in skipped}, **{r.id: asdict(r) | {"config": config} for r in results}}
    compact(out, entries)
    summary = write_corpus_files(out, list(entries.values()), config)
    done = [r for r in results if r.status == "done"]
    return BuildReport(len(done), len(skipped), sum(1 for r in results if r.status == "failed"),
                       sum(r.words for r in done), sum(r.claims for r in done), time.perf_counter() - start, summary)


def plan(inputs: list[str], encoding_errors: str, previous: dict[str, dict], config: str, out: Path
         ) -> tuple[set[str], list[dict], list[Result], list[Source]]:
    """First pass over the inputs, keeping no text: the ids to build, the manifest entries of unchanged documents,
    the inputs that cannot be read, and standard input (which cannot be read twice) kept whole."""
    todo, skipped, failed, kept, seen = set(), [], [], [], set()
    for source in iter_sources(inputs, encoding_errors):
        old = previous.get(source.id)
        if source.id in seen:
            source = Source(source.id, source.path, source.sha256, error="duplicate document id")
        seen.add(source.id)
        if source.error:
            failed.append(Result(source.id, source.path, source.sha256, "failed", error=source.error))
        elif old and old["status"] == "done" and old["sha256"] == source.sha256 and old["config"] == config \
                and all(p.exists() for p in doc_paths(out, source.id)):
            skipped.append(old)
        else:
            todo.add(source.id)
            if source.path == "-":
                kept.append(source)
    return todo, skipped, failed, kept


def reread(inputs: list[str], encoding_errors: str, todo: set[str], kept: list[Source]) -> Iterator[Source]:
    """Second pass: the documents to build, read again one at a time, so that no more than the batches in flight
    are held in memory whatever the size of the corpus."""
    left = set(todo)
    for source in [*kept, *iter_sources([i for i in inputs if i != "-"], encoding_errors)]:
        if source.id in left:  # the first of its id, as in the first pass
            left.discard(source.id)
            yield source


def compact(out: Path, entries: dict[str, dict]) -> None:
    """Rewrite the manifest with one entry per document, in id order."""
    from ..output import write_atomic

    write_atomic(out / MANIFEST, "".join(json.dumps(entries[k], ensure_ascii=False) + "\n" for k in sorted(entries)))


def batches(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    it = iter(sources)
    while batch := list(islice(it, size)):
        yield batch


def run_local(job: Job, work: Iterator[list[Source]], workers: int, scheduler: str | None) -> Iterator[list[Result]]:
    """A process pool; each worker builds its pipeline once (the per-process cache) with its share of threads."""
    if workers == 1:
        for batch in work:
            yield run_batch(job, batch)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")  # torch and fork do not mix
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending = set()
        for batch in work:
            pending.add(pool.submit(run_batch, job, batch))
            if len(pending) >= 2 * workers:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in finished)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (f.result() for f in finished)


def run_dask(job: Job, work: Iterator[list[Source]], workers: int, scheduler: str | None) -> Iterator[list[Result]]:
    """The same batches on Dask distributed: a LocalCluster, or the cluster at ``scheduler``. Workers keep their
    pipeline in the per-process cache; the output directory must be reachable from every worker."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        futures = [client.submit(run_batch, job, batch, pure=False) for batch in work]
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
