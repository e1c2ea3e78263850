"""Corpus-build performance on a fixed corpus (the PolNeAR dev texts, ~69k words), in one run:

- words/s of the bare Stanza pipeline (tokenize, mwt, pos, lemma, depparse) and of the full `corpus build`
  (attribution, labels, TEI writing, validation), and the overhead ratio;
- speed-up of 2 workers over 1;
- peak RSS of a build of 10, 42 and all 84 documents (flat means streaming);
- with --profile, where the time of one in-process build goes (cProfile, by package).

    python benchmarks/corpus_build.py [--polnear ../shared/data/polnear/dev] [--profile] [--repeat N]

Each measurement runs in a fresh process (`/usr/bin/time -v` for peak RSS); timings are the fastest of
``--repeat`` runs (default 2), because a shared machine's noise only ever adds time. A measurement, not a test: results go
to docs/performance.md with this command.
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

from attribution.build import build_corpus

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
BARE = """
import sys, time, stanza
from pathlib import Path
from attribution.resources import resolve_models, STANZA_PROCESSORS
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = stanza.Pipeline("en", dir=str(resolve_models(None).directory), processors=",".join(STANZA_PROCESSORS),
                      download_method=None, logging_level="ERROR")
batch = int(sys.argv[2])  # the same documents per Stanza call as the build
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


def build(texts: Path, workers: int, out: Path) -> tuple[float, int, dict]:
    shutil.rmtree(out, ignore_errors=True)
    seconds, rss, _ = run([sys.executable, "-m", "attribution", "corpus", "build", str(texts), "-o", str(out),
                           "--workers", str(workers), "--quiet"])
    return seconds, rss, json.loads((out / "summary.json").read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT)
    parser.add_argument("--profile", action="store_true", help="also profile one in-process build")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each timing, the fastest reported")
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
        bare_runs = [run([sys.executable, "-c", BARE, str(subsets[len(texts)]), str(batch)])
                     for _ in range(args.repeat)]
        bare_wall = min(wall for wall, _, _ in bare_runs)
        bare = min(float(out.strip().splitlines()[-1]) for _, _, out in bare_runs)
        one, rss_all, summary = min((build(subsets[len(texts)], 1, work / "one") for _ in range(args.repeat)),
                                    key=lambda r: r[0])
        two = min(build(subsets[len(texts)], 2, work / "two")[0] for _ in range(args.repeat))
        rss = {n: build(subsets[n], 1, work / f"rss{n}")[1] for n in (10, 42)} | {len(texts): rss_all}
        words = summary["words"]
        print(f"corpus: {len(texts)} PolNeAR dev documents, {words} words, {summary['claims']} claims")
        print("| measure | value |\n|---|---|")
        print(f"| bare Stanza pipeline, processing only (models loaded) | {words / bare:.0f} words/s ({bare:.1f} s) |")
        print(f"| bare Stanza, whole process incl. model loading | {words / bare_wall:.0f} words/s ({bare_wall:.1f} s) |")
        print(f"| corpus build, 1 worker, whole process | {words / one:.0f} words/s ({one:.1f} s) |")
        print(f"| overhead of the project over Stanza (whole processes) | {100 * (one / bare_wall - 1):.0f} % |")
        print(f"| corpus build, 2 workers | {words / two:.0f} words/s ({two:.1f} s) |")
        print(f"| speed-up, 2 workers over 1 | {one / two:.2f}× |")
        for n, kb in sorted(rss.items()):
            print(f"| peak RSS, {n} documents, 1 worker | {kb / 1024:.0f} MB |")
        if args.profile:
            profile(subsets[len(texts)], work / "profiled")


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
    ("attribution: rules and CRF (extract_claims)", "attribution/extract/__init__.py", "extract_claims"),
    ("attribution: labels (label_claims)", "attribution/labels/__init__.py", "label_claims"),
    ("TEI writing", "attribution/writers/tei.py", "render"),
    ("TEI validation (RNG, Schematron, pointers)", "attribution/validate.py", "validate_tei"),
    ("corpus files (claims, summary, root)", "attribution/build/corpus.py", "write_corpus_files"),
)


if __name__ == "__main__":
    main()
