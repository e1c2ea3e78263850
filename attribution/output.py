"""Writing results: every format of a document, each file validated and moved into place atomically, and
batches that isolate a failing document."""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import InputError, OutputInvalidError, message
from .inputs import InputDocument
from .model import AnnotatedDocument

__all__ = ["write_atomic", "annotate_each", "write_document", "tei_text", "unique_name"]


def write_atomic(path: Path, text: str, validate: Callable[[str], list[str]] | None = None) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same directory and an atomic rename.

    With ``validate``, the text is checked first; an invalid output is never written (it would be a bug).
    """
    checked(path, text, validate)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs are for readers
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def checked(path: Path | str, text: str, validate: Callable[[str], list[str]] | None) -> None:
    """Refuse an output that fails its validator: it would be a bug, never something to write."""
    if validate is not None and (problems := validate(text)):
        raise OutputInvalidError(path, problems)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def annotate_each(annotator, docs: Iterator[InputDocument]):  # noqa: ANN001, ANN201
    """(input, document or exception) for each input; a failing batch is retried document by document."""
    from itertools import islice

    while batch := list(islice(docs, annotator.batch_size)):
        try:
            results = list(annotator.annotate_many([d.text for d in batch], ids=[d.id for d in batch]))
        except Exception:  # noqa: BLE001 - isolate the bad document below
            results = []
            for d in batch:
                try:
                    results.append(annotator.annotate(d.text, d.id))
                except Exception as error:  # noqa: BLE001 - reported per document
                    results.append(error)
        yield from zip(batch, results)


def write_document(doc: AnnotatedDocument, doc_input: InputDocument, names: list[str], out_dir: Path | None,
                   stem: str, inline: bool = False) -> None:
    """Every requested format of one document, into ``out_dir`` or, when it is None, onto standard output
    (validated all the same); a text copy never overwrites its own input file."""
    from .validate import validate_brat, validate_json
    from .writers import FORMATS, STDOUT_FORMATS, outputs

    checks = {".json": validate_json, ".ann": lambda ann: validate_brat(ann, doc.text)}  # TEI: see tei_text
    for name in names:
        if name in STDOUT_FORMATS:
            sys.stdout.write(FORMATS[name].render(doc))
            continue
        files = {".xml": tei_text(doc, out_dir / (stem + ".xml") if out_dir else "-", inline)} if name == "tei" \
            else outputs(FORMATS[name], doc)
        for suffix, text in files.items():
            if out_dir is None:
                checked("-", text, checks.get(suffix))
                sys.stdout.write(text)
                continue
            target = out_dir / (stem + suffix)
            if doc_input.path != "-" and target.exists() and target.resolve() == Path(doc_input.path).resolve():
                if target.read_text(encoding="utf-8") == text:
                    continue  # the brat text copy of a .txt input is the input itself
                raise InputError(doc_input.path, message("overwrite_input"))
            write_atomic(target, text, checks.get(suffix))


def tei_text(doc: AnnotatedDocument, path: Path | str, inline: bool = False) -> str:
    """The TEI document, validated as the tree it is serialized from (sparing a parse of the text); an invalid
    one is refused, with its problems located by line in the text it would have been."""
    from .validate import tei_problems, validate_tei
    from .writers import tei

    root = tei.build(doc, inline)
    text = tei.serialize(root)
    if problems := tei_problems(root):
        raise OutputInvalidError(path, validate_tei(text) or problems)
    return text


def unique_name(doc_id: str, taken: set[str]) -> str:
    name, n = doc_id, 1
    while name in taken:
        n += 1
        name = f"{doc_id}-{n}"
    taken.add(name)
    return name
