"""Reading input documents: expanding paths and decoding bytes, with one clear error per bad file."""
from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, message

__all__ = ["InputDocument", "expand_inputs", "read_input", "decode"]

BINARY_SAMPLE = 8192


@dataclass(frozen=True)
class InputDocument:
    """A decoded input: its id (file stem), where it came from, its text, for TEI input the original teiHeader
    to keep in the output, and what decoding had to change (recorded in every output's header)."""

    id: str
    path: str
    text: str
    source_header: str = ""
    notes: tuple[str, ...] = ()


def expand_inputs(paths: list[str]) -> Iterator[str | InputError]:
    """Each input path in order: files as given, directories as their *.txt and *.xml files (recursively, sorted)."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".xml") and p.is_file())
            if not files:
                yield InputError(raw, message("no_txt"))
            yield from (str(p) for p in files)
        elif path.exists():
            yield str(path)
        else:
            yield InputError(raw, message("not_found"))


def read_input(path: str, encoding_errors: str = "strict") -> InputDocument:
    """Read and decode one input (``-`` is standard input)."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return InputDocument("stdin", "-", decode(data, "-", encoding_errors), notes=replaced(data))
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(path, message("unreadable", why=error.strerror or error)) from error
    if Path(path).suffix == ".xml":
        from .teiinput import parse_tei_input

        source = parse_tei_input(data, path)
        return InputDocument(Path(path).stem, path, source.text, source.source_header)
    return InputDocument(Path(path).stem, path, decode(data, path, encoding_errors), notes=replaced(data))


def replaced(data: bytes) -> tuple[str, ...]:
    """A note when ``--encoding-errors replace`` had to change invalid UTF-8 (where, and how often)."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ()
    try:
        body.decode("utf-8")
        return ()
    except UnicodeDecodeError as error:
        count = body.decode("utf-8", errors="replace").count("\ufffd") - body.decode(
            "utf-8", errors="ignore").count("\ufffd")
        return (message("replaced_utf8", count=count, offset=error.start),)


def decode(data: bytes, path: str, errors: str = "strict") -> str:
    """Text from bytes: UTF-8 (BOM dropped) or UTF-16 with a BOM; binary data and invalid UTF-8 are refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(path, message("not_text", why=f"invalid UTF-16 at byte {error.start}")) from error
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        raise InputError(path, message("not_text", why="contains NUL bytes (binary file?)"))
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as error:
        raise InputError(path, message("bad_utf8", offset=error.start)) from error
