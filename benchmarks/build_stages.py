"""Where the project's time goes inside one corpus build, without a profiler's overhead: each stage's function is
wrapped in a timer, the build runs once to load the models and fill the caches, then again (``--force``) timed.

    python benchmarks/build_stages.py [--polnear ../shared/data/polnear/dev] [--out DIR]

Prints seconds per stage (nested stages indented under the one that calls them). Stanza's own time is the parse
less our processors. A measurement, not a test: results go to docs/performance.md with this command.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from attribution import annotator
from attribution import extract
from attribution import validate
from attribution.build import build_corpus, work
from attribution.extract.view import DocView
from attribution.labels import label_claims
from attribution.learned import decode, network, tagger
from attribution.processors import attribution as attribution_processor
from attribution.processors import AttributionProcessor, QuotationProcessor
from attribution.writers import tei

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"
SPENT: Counter[str] = Counter()
ORDER: list[str] = []  # callers before what they call, as printed


def timed(name: str, function: Callable) -> Callable:
    ORDER.append(name)

    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - start
    return wrapper


def instrument() -> None:
    annotator.Annotator._parse = timed("Stanza and our processors", annotator.Annotator._parse)
    QuotationProcessor.bulk_process = timed("  quotation processor", QuotationProcessor.bulk_process)
    AttributionProcessor.bulk_process = timed("  attribution processor", AttributionProcessor.bulk_process)
    DocView.from_stanza = classmethod(timed("    views of the parse", DocView.from_stanza.__func__))
    extract.rule_drafts = timed("    rules", extract.rule_drafts)
    tagger.tag = timed("    tagger (features, network, Viterbi)", tagger.tag)
    tagger.word_fields = timed("      word features", tagger.word_fields)
    tagger.encode = timed("      feature indices", tagger.encode)
    tagger.word_vectors = timed("      pretrained encoder", tagger.word_vectors)
    network.SpanTagger.forward = timed("      network", network.SpanTagger.forward)
    decode.decode = timed("    tagged spans to drafts", decode.decode)
    extract.claims_of = timed("    drafts to claims", extract.claims_of)
    attribution_processor.label_claims = timed("    labels", label_claims)
    annotator.to_document = timed("conversion to the library's records", annotator.to_document)
    work.write_outputs = timed("writing and validation", work.write_outputs)
    tei.build = timed("  TEI tree", tei.build)
    tei.serialize = timed("  TEI text", tei.serialize)
    validate.tei_problems = timed("  TEI validation", validate.tei_problems)
    work.claim_rows = timed("  claim rows", work.claim_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT, help="a PolNeAR split (its text/ is the corpus)")
    parser.add_argument("--out", type=Path, help="corpus directory (default: a temporary one)")
    args = parser.parse_args()
    instrument()
    out = args.out or Path(tempfile.mkdtemp(prefix="stages-"))
    build_corpus([str(args.polnear / "text")], out, workers=1)  # models loaded, caches filled
    SPENT.clear()
    start = time.perf_counter()
    build_corpus([str(args.polnear / "text")], out, workers=1, force=True)
    total = time.perf_counter() - start
    ours = SPENT["  attribution processor"] + SPENT["  quotation processor"] + \
        SPENT["conversion to the library's records"] + SPENT["writing and validation"]
    stanza = SPENT["Stanza and our processors"] - SPENT["  attribution processor"] - SPENT["  quotation processor"]
    print(f"| stage (one in-process build, 1 worker, {args.polnear.name}) | s |\n|---|---|")
    for name in ORDER:
        print(f"| {name.replace('  ', '— ')} | {SPENT[name]:.2f} |")
    print(f"| whole build | {total:.1f} |\n| Stanza alone | {stanza:.1f} |\n"
          f"| the project | {ours:.1f} = {100 * ours / stanza:.1f} % of Stanza |")


if __name__ == "__main__":
    main()
