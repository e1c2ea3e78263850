"""Corpus-build performance on a fixed corpus (the PolNeAR dev texts, ~69k words), in one run:

- words/s of the bare Stanza pipeline (tokenize, mwt, pos, lemma, depparse) and of the full `corpus build`
  (attribution, labels, TEI writing, validation), and the overhead ratio. Bare Stanza runs with the loaded pipeline
  frozen out of the garbage collector, as the build's workers run it, so that the ratio is the project's own cost;
  one more run with Stanza's defaults gives the overhead over Stanza as users would run it;
- speed-up of 2 workers over 1;
- how much a second torch thread gives bare Stanza (this bounds what 2 workers of 1 thread can gain over 1 worker
  of 2 threads), and what two 1-thread Stanza processes side by side give over one 2-thread process (the same
  bound measured: it also counts what the two cores lose to each other, which no build can win back);
- the project's share measured inside one build process (our processors, conversion, TEI writing and validation
  against Stanza's own time in the same run, so that both see the same machine);
- peak RSS of a build of 10, 42 and all 84 documents (flat means streaming);
- with --profile, where the time of one in-process build goes (cProfile, by package).

    python benchmarks/corpus_build.py [--polnear ../shared/data/polnear/dev] [--profile] [--repeat N]

Each measurement runs in a fresh process (`/usr/bin/time -v` for peak RSS). The machine is a shared virtual one
whose speed drifts by ±10 % over minutes, so the runs are interleaved in ``--repeat`` rounds (default 3) of every
configuration and the median and the fastest are reported. A measurement, not a test: results go to
docs/performance.md with this command.
"""
from __future__ import annotations

import argparse
import inspect
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from attribution.build import build_corpus

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
BARE = """
import gc, sys, time, stanza
from pathlib import Path
from attribution.resources import resolve_models, STANZA_PROCESSORS
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
if len(sys.argv) > 5:  # one of n processes side by side: every n-th document
    k, n = map(int, sys.argv[5].split("/"))
    texts = texts[k::n]
nlp = stanza.Pipeline("en", dir=str(resolve_models(None).directory), processors=",".join(STANZA_PROCESSORS),
                      download_method=None, logging_level="ERROR")
batch = int(sys.argv[2])  # the same documents per Stanza call as the build
import torch
torch.set_num_threads(int(sys.argv[3]))
if sys.argv[4] == "freeze":  # what the build's workers do once their pipeline is loaded
    gc.freeze()
start = time.perf_counter()
from stanza.models.common.doc import Document
for i in range(0, len(texts), batch):
    nlp.process([Document([], text=t) for t in texts[i:i + batch]])
print(time.perf_counter() - start)
"""


def run(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (kB) and stdout of a fresh process."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return seconds, rss, done.stdout


def bare(texts: Path, batch: int, threads: int, collector: str) -> tuple[float, float]:
    """Wall seconds of a bare Stanza process and the seconds it spent processing (models loaded);
    ``collector`` is "freeze" (as the build's workers run) or "default"."""
    wall, _, out = run([sys.executable, "-c", BARE, str(texts), str(batch), str(threads), collector])
    return wall, float(out.strip().splitlines()[-1])


def bare_pair(texts: Path, batch: int) -> tuple[float, float]:
    """Wall seconds of two 1-thread bare Stanza processes started together on alternate documents, and the longer
    of their processing times: a pool of two workers with nothing of the project in it."""
    start = time.perf_counter()
    pair = [subprocess.Popen([sys.executable, "-c", BARE, str(texts), str(batch), "1", "freeze", f"{k}/2"],
                             stdout=subprocess.PIPE, text=True) for k in (0, 1)]
    outputs = [process.communicate()[0] for process in pair]
    wall = time.perf_counter() - start
    if any(process.returncode for process in pair):
        raise SystemExit("bare Stanza pair: a process failed")
    return wall, max(float(out.strip().splitlines()[-1]) for out in outputs)


def build(texts: Path, workers: int, out: Path) -> tuple[float, int, dict]:
    shutil.rmtree(out, ignore_errors=True)
    seconds, rss, _ = run([sys.executable, "-m", "attribution", "corpus", "build", str(texts), "-o", str(out),
                           "--workers", str(workers), "--quiet"])
    return seconds, rss, json.loads((out / "summary.json").read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--profile", action="store_true", help="also profile one in-process build")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds of every timing")
    args = parser.parse_args()
    texts = sorted((args.polnear / "text").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subsets = {}
        for n in (10, 42, len(texts)):
            folder = work / f"in{n}"
            folder.mkdir()
            for path in texts[:n]:
                shutil.copy(path, folder / path.name)
            subsets[n] = folder
        batch = inspect.signature(build_corpus).parameters["batch_size"].default
        everything = subsets[len(texts)]
        bare2, bare2_wall, bare1, default_wall, one, two, pair, pair_wall = [], [], [], [], [], [], [], []
        for _ in range(args.repeat):  # interleaved, so that drift hits every configuration alike
            wall, processing = bare(everything, batch, 2, "freeze")
            bare2.append(processing)
            bare2_wall.append(wall)
            bare1.append(bare(everything, batch, 1, "freeze")[1])
            wall, processing = bare_pair(everything, batch)
            pair.append(processing)
            pair_wall.append(wall)
            default_wall.append(bare(everything, batch, 2, "default")[0])
            seconds, rss_all, summary = build(everything, 1, work / "one")
            one.append(seconds)
            two.append(build(everything, 2, work / "two")[0])
        rss = {n: build(subsets[n], 1, work / f"rss{n}")[1] for n in (10, 42)} | {len(texts): rss_all}
        split = stage_split(everything, work / "split")
        words = summary["words"]
        m = {name: (median(v), min(v)) for name, v in
             (("bare2", bare2), ("bare2_wall", bare2_wall), ("bare1", bare1), ("default_wall", default_wall),
              ("one", one), ("two", two), ("pair", pair), ("pair_wall", pair_wall))}
        print(f"corpus: {len(texts)} PolNeAR dev documents, {words} words, {summary['claims']} claims; "
              f"{args.repeat} interleaved rounds")
        print("| measure | median | fastest |\n|---|---|---|")

        def row(label: str, key: str) -> None:
            print(f"| {label} | {words / m[key][0]:.0f} words/s ({m[key][0]:.1f} s) | "
                  f"{words / m[key][1]:.0f} words/s ({m[key][1]:.1f} s) |")
        row("bare Stanza, processing only (models loaded), 2 torch threads", "bare2")
        row("bare Stanza, processing only, 1 torch thread", "bare1")
        row("bare Stanza, whole process incl. model loading, 2 threads", "bare2_wall")
        row("bare Stanza, two 1-thread processes side by side, processing only", "pair")
        row("bare Stanza, two 1-thread processes side by side, whole processes", "pair_wall")
        row("bare Stanza with its default garbage collection, whole process, 2 threads", "default_wall")
        row("corpus build, 1 worker (2 threads), whole process", "one")
        row("corpus build, 2 workers (1 thread each), whole process", "two")
        for label, key in (("Stanza (whole processes)", "bare2_wall"),
                           ("Stanza with its default garbage collection", "default_wall")):
            ratio = [(m["one"][i] / m[key][i] - 1) * 100 for i in (0, 1)]
            print(f"| overhead of the project over {label} | {ratio[0]:.0f} % | {ratio[1]:.0f} % |")
        print(f"| speed-up, 2 workers over 1 | {m['one'][0] / m['two'][0]:.2f}× | {m['one'][1] / m['two'][1]:.2f}× |")
        gain = m["bare1"][0] / m["bare2"][0]
        print(f"| gain of a second torch thread for bare Stanza | {gain:.2f}× | "
              f"{m['bare1'][1] / m['bare2'][1]:.2f}× |")
        print(f"| bound on the 2-worker speed-up with no overhead at all (2 / that gain) | {2 / gain:.2f}× | |")
        for label, alone, side_by_side in (("processing only", "bare2", "pair"),
                                           ("whole processes", "bare2_wall", "pair_wall")):
            print(f"| the same bound measured: two 1-thread Stanza processes over one 2-thread, {label} | "
                  f"{m[alone][0] / m[side_by_side][0]:.2f}× | {m[alone][1] / m[side_by_side][1]:.2f}× |")
        print(f"\nInside one build process (1 worker, models loaded): Stanza {split['stanza']:.1f} s (a bare "
              f"Stanza pipeline on the same batches, alternating with it: {split['bare']:.1f} s); the project "
              f"{split['ours']:.1f} s = {100 * split['ours'] / split['bare']:.0f} % of bare Stanza's time")
        print("| the project's part | s |\n|---|---|")
        for name in ("processors", "conversion", "writing and validation"):
            print(f"| {name} | {split[name]:.1f} |")
        for n, kb in sorted(rss.items()):
            print(f"| peak RSS, {n} documents, 1 worker | {kb / 1024:.0f} MB |")
        if args.profile:
            profile(subsets[len(texts)], work / "profiled")


def stage_split(texts: Path, out: Path) -> dict[str, float]:
    """Seconds of Stanza and of each of the project's stages within one in-process build (models loaded first),
    and of a bare Stanza pipeline run on every batch too, in alternating order, so that the machine's drift hits
    both alike."""
    import stanza
    from stanza.models.common.doc import Document

    from attribution import annotator
    from attribution.build import work
    from attribution.processors import AttributionProcessor, QuotationProcessor
    from attribution.resources import STANZA_PROCESSORS, resolve_models

    bare = stanza.Pipeline("en", dir=str(resolve_models(None).directory), processors=",".join(STANZA_PROCESSORS),
                           download_method=None, logging_level="ERROR")
    spent = {"parse": 0.0, "processors": 0.0, "conversion": 0.0, "writing and validation": 0.0, "bare": 0.0}
    calls = [0]

    def timed(name: str, function):  # noqa: ANN001, ANN202
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    def bare_too(parse):  # noqa: ANN001, ANN202
        def wrapper(self, batch: list[str]):  # noqa: ANN001, ANN202
            def run_bare() -> None:
                start = time.perf_counter()
                bare.process([Document([], text=t) for t in batch])
                spent["bare"] += time.perf_counter() - start
            calls[0] += 1
            if calls[0] % 2:
                run_bare()
            result = parse(self, batch)
            if not calls[0] % 2:
                run_bare()
            return result
        return wrapper

    annotator.Annotator._parse = timed("parse", annotator.Annotator._parse)
    for processor in (AttributionProcessor, QuotationProcessor):
        processor.bulk_process = timed("processors", processor.bulk_process)
    annotator.to_document = timed("conversion", annotator.to_document)
    work.write_outputs = timed("writing and validation", work.write_outputs)
    build_corpus([str(texts)], out, workers=1)  # models loaded, caches filled
    spent.update(dict.fromkeys(spent, 0.0))
    annotator.Annotator._parse = bare_too(annotator.Annotator._parse)
    build_corpus([str(texts)], out, workers=1, force=True)
    ours = spent["processors"] + spent["conversion"] + spent["writing and validation"]
    return spent | {"stanza": spent["parse"] - spent["processors"], "ours": ours}


def profile(texts: Path, out: Path) -> None:
    """Where the time of one in-process build goes, summed by top-level package of each function."""
    import cProfile
    import pstats

    build_corpus([str(texts)], out, workers=1)  # warm: models loaded, caches filled
    profiler = cProfile.Profile()
    profiler.enable()
    build_corpus([str(texts)], out, workers=1, force=True)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(t for (_, _, _), (_, _, _, t, _) in stats.stats.items())  # type: ignore[attr-defined]
    print("\n| where the time goes (cumulative, in-process build, models loaded) | s | % |\n|---|---|---|")
    for label, file_part, name in STAGES:
        seconds = sum(cum for (filename, _, function), (_, _, _, cum, _) in stats.stats.items()  # type: ignore
                      if file_part in filename and function == name)
        print(f"| {label} | {seconds:.1f} | {100 * seconds / total:.0f} |")


STAGES = (
    ("Stanza tokenize + mwt", "stanza/pipeline/tokenize_processor.py", "process"),
    ("Stanza mwt", "stanza/pipeline/mwt_processor.py", "process"),
    ("Stanza pos", "stanza/pipeline/pos_processor.py", "process"),
    ("Stanza lemma", "stanza/pipeline/lemma_processor.py", "process"),
    ("Stanza depparse", "stanza/pipeline/depparse_processor.py", "process"),
    ("attribution processor in all (bulk_process)", "attribution/processors/attribution.py", "bulk_process"),
    ("  of which rules, tagger and decoding (extract_batch)", "attribution/extract/__init__.py", "extract_batch"),
    ("  of which the tagger's network (SpanTagger.forward)", "attribution/learned/network.py", "forward"),
    ("  of which labels (label_claims)", "attribution/labels/__init__.py", "label_claims"),
    ("TEI writing (building the tree)", "attribution/writers/tei.py", "build"),
    ("TEI writing (serializing it)", "attribution/writers/tei.py", "serialize"),
    ("TEI validation of the tree (RNG, Schematron, pointers)", "attribution/validate.py", "tei_problems"),
    ("corpus files (claims, summary, root)", "attribution/build/corpus.py", "write_corpus_files"),
)


if __name__ == "__main__":
    main()
