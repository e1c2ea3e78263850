"""The ``attribution`` command: parses arguments and calls the library, nothing more."""
from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

from . import __version__
from .errors import AttributionError, InputError, UsageError, message
from .extract import METHODS
from .inputs import InputDocument, expand_inputs, read_input
from .output import annotate_each, unique_name, write_document
from .writers import FORMATS

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="attribution", description="Find who says what in English news text.")
    parser.add_argument("--version", action="version", version=f"attribution {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    annotate = commands.add_parser("annotate", help="find the claims of text files")
    annotate.add_argument("inputs", nargs="+", metavar="INPUT",
                          help="text or TEI (.xml) files, directories (recursively) or -")
    annotate.add_argument("-o", "--output", default="out", metavar="DIR",
                          help="output directory (default: out/), or - for standard output (one document, one format)")
    annotate.add_argument("--format", default=["tei"], type=formats, metavar="FORMAT[,FORMAT]",
                          help=f"output formats, comma-separated: {', '.join(FORMATS)} (default: tei)")
    annotate.add_argument("--models", metavar="DIR", help="Stanza resources directory with English models")
    annotate.add_argument("--tei-style", choices=("standoff", "inline"), default="standoff",
                          help="TEI: claims in standOff only (default), or also inline as <said> where possible")
    annotate.add_argument("--method", choices=METHODS, default="hybrid",
                          help="hybrid (rules plus confident tagger claims, default), learned (tagger first), or rules")
    annotate.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                          help="invalid UTF-8: refuse the file (strict) or replace bad bytes")
    annotate.add_argument("--batch-size", type=int, default=8, metavar="N", help="documents per Stanza batch")
    annotate.add_argument("--quiet", action="store_true", help="no progress bar")
    annotate.add_argument("--debug", action="store_true", help="show tracebacks")
    evaluate = commands.add_parser("evaluate", help="score attributions against PolNeAR-style BRAT gold")
    evaluate.add_argument("--gold", required=True, type=Path, metavar="DIR", help="gold: DIR/text + DIR/attributions")
    evaluate.add_argument("--text", type=Path, metavar="DIR", help="texts, if not in GOLD/text")
    evaluate.add_argument("--pred", type=Path, metavar="DIR", help="predicted NAME.ann files (default: annotate now)")
    evaluate.add_argument("--json", type=Path, metavar="FILE", help="also write the scores as JSON")
    evaluate.add_argument("--models", metavar="DIR", help="Stanza resources directory with English models")
    evaluate.add_argument("--method", choices=METHODS, default="hybrid", help="extraction method to score")
    evaluate.add_argument("--debug", action="store_true", help="show tracebacks")
    corpus = commands.add_parser("corpus", help="build an annotated corpus")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", required=True)
    build = corpus_commands.add_parser("build", help="annotate many documents into a resumable, validated corpus")
    build.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="directories of .txt / TEI files, files, or a JSONL file of {id, text, title, date, source, url}")
    build.add_argument("-o", "--output", required=True, type=Path, metavar="CORPUS_DIR")
    build.add_argument("--workers", type=int, metavar="N", help="processes (default: number of cores)")
    build.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local process pool (default) or Dask distributed")
    build.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    build.add_argument("--force", action="store_true", help="redo every document, even unchanged ones")
    build.add_argument("--method", choices=METHODS, default="hybrid", help="extraction method")
    build.add_argument("--models", metavar="DIR", help="Stanza resources directory with English models")
    build.add_argument("--batch-size", type=int, default=4, metavar="N", help="documents per task")
    build.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("--debug", action="store_true", help="show tracebacks")
    validate = commands.add_parser("validate", help="check files the tool wrote (JSON, BRAT) against their schemas")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def formats(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or value!r} (choose from {', '.join(FORMATS)})")
    return names


def report(error: BaseException, debug: bool) -> None:
    if debug:
        traceback.print_exception(error)
    text = str(error) if isinstance(error, AttributionError) else f"internal error: {type(error).__name__}: {error}"
    print(f"attribution: error: {' '.join(text.split())}", file=sys.stderr)


def readable(paths: list[str | InputError], errors: str, failed: list[str], debug: bool) -> Iterator[InputDocument]:
    for item in paths:
        if isinstance(item, InputError):
            report(item, debug)
            failed.append(item.path)
            continue
        try:
            yield read_input(item, errors)
        except InputError as error:
            report(error, debug)
            failed.append(item)


def annotate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .annotator import Annotator, freeze_loaded_pipeline

    paths = list(expand_inputs(args.inputs))
    out_dir = None if args.output == "-" else Path(args.output)
    several_files = len(args.format) != 1 or hasattr(FORMATS[args.format[0]], "outputs")  # brat: .ann and .txt
    if out_dir is None and (len(paths) != 1 or several_files):
        raise UsageError(message("stdout_one", asked=f"{len(paths)} document(s), {','.join(args.format)}"))
    annotator = Annotator(args.models, method=args.method, batch_size=args.batch_size)
    freeze_loaded_pipeline()
    failed: list[str] = []
    taken: set[str] = set()
    with tqdm(total=len(paths), unit="doc", disable=args.quiet or len(paths) < 2, file=sys.stderr) as bar:
        for doc_input, result in annotate_each(annotator, readable(paths, args.encoding_errors, failed, args.debug)):
            bar.update(1)
            if isinstance(result, BaseException):
                report(InputError(doc_input.path, getattr(result, "problem", str(result)))
                       if isinstance(result, AttributionError) else result, args.debug)
                failed.append(doc_input.path)
                continue
            for warning in doc_input.notes + result.warnings:
                print(f"attribution: warning: {doc_input.path}: {warning}", file=sys.stderr)
            if doc_input.source_header or doc_input.notes:
                from dataclasses import replace

                result = replace(result, source_header=doc_input.source_header,
                                 warnings=doc_input.notes + result.warnings)
            try:
                write_document(result, doc_input, args.format, out_dir, unique_name(result.id, taken),
                               inline=args.tei_style == "inline")
            except AttributionError as error:
                report(error, args.debug)
                failed.append(doc_input.path)
        bar.update(len(paths) - bar.n)
    return 1 if failed else 0


def evaluate(args: argparse.Namespace) -> int:
    import json

    from .corpus import evaluate_directory
    from .output import write_atomic

    report = evaluate_directory(args.gold, args.text, args.pred, args.models, method=args.method)
    print(report.to_markdown())
    if args.json:
        write_atomic(args.json, json.dumps(report.to_dict(), indent=1) + "\n")
    return 0


def validate(args: argparse.Namespace) -> int:
    from .validate import VALIDATORS, validate_file

    usage = [p for p in args.files if p.suffix not in VALIDATORS or not p.is_file()]
    for path in usage:
        why = "no such file" if not path.is_file() else f"cannot validate {path.suffix or 'extensionless'} files"
        report(InputError(path, message("cannot_validate", why=why, supported=", ".join(VALIDATORS))), args.debug)
    if usage:
        return 2
    invalid = 0
    for path in args.files:
        problems = validate_file(path)
        invalid += bool(problems)
        for problem in problems:
            print(f"{path}: {problem}")
    print(f"{len(args.files) - invalid} valid, {invalid} invalid", file=sys.stderr)
    return 1 if invalid else 0


def corpus(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .build import build_corpus

    bar = tqdm(unit="doc", disable=args.quiet, dynamic_ncols=True)
    words = 0

    def progress(result) -> None:  # noqa: ANN001 - build.Result
        nonlocal words
        words += result.words
        if result.status == "failed":
            bar.write(f"attribution: error: {result.path}: {result.error}", file=sys.stderr)
        elapsed = bar.format_dict["elapsed"] or 1e-9
        bar.set_postfix_str(f"{words / elapsed:.0f} words/s", refresh=False)
        bar.update(1)

    def planned(total: int) -> None:
        bar.reset(total=total)  # known once unchanged documents are set aside: gives the ETA

    report_ = build_corpus(args.inputs, args.output, workers=args.workers, engine=args.engine,
                           scheduler=args.scheduler, force=args.force, method=args.method, models=args.models,
                           batch_size=args.batch_size, encoding_errors=args.encoding_errors, progress=progress,
                           planned=planned)
    bar.close()
    print(f"attribution: {report_.done} documents built, {report_.skipped} unchanged, {report_.failed} failed; "
          f"{report_.words} words, {report_.claims} claims in {report_.seconds:.1f} s "
          f"({report_.summary['documents']} documents, {report_.summary['claims']} claims in the corpus)",
          file=sys.stderr)
    return 1 if report_.failed else 0


COMMANDS = {"annotate": annotate, "evaluate": evaluate, "validate": validate, "corpus": corpus}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AttributionError as error:
        report(error, args.debug)
        return 1
    except KeyboardInterrupt:
        print("attribution: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
