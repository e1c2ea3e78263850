"""Validation of everything the tool writes or reads back: one module, one entry point per file type.

TEI output: ``schemas/attribution-tei.rng``, then ``schemas/attribution-tei.sch``, then pointer resolution.
JSON output: the JSON Schema in ``schemas/claims.schema.json``, then offsets (every span's text equals the
document text at its offsets). BRAT: every entity's offsets and text agree with the ``.txt`` beside it and
every event argument names an entity.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["validate_json", "validate_tei", "tei_problems", "validate_brat", "validate_file", "VALIDATORS"]


@lru_cache(maxsize=None)
def json_validator():  # noqa: ANN201 - jsonschema validator
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files("attribution").joinpath("schemas/claims.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def pointer(path) -> str:  # noqa: ANN001 - a jsonschema deque path
    return "/" + "/".join(str(p) for p in path) if path else "(document)"


def validate_json(text: str) -> list[str]:
    """Problems of one JSON output document, each as 'where: what was expected'."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        return [f"line {error.lineno}: not JSON ({error.msg})"]
    problems = [f"{pointer(e.absolute_path)}: {e.message}"
                for e in sorted(json_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))]
    if problems:
        return problems
    body = data["text"]
    spans = [("/sentences", s) for s in data["sentences"]]
    claim_ids, entity_ids = {c["id"] for c in data["claims"]}, {e["id"] for e in data["entities"]}
    for c in data["claims"]:
        spans += [(f"/claims/{c['id']}/{role}", s) for role in ("cue", "content") for s in c[role]]
        spans += [(f"/claims/{c['id']}/source", c["source"])] if c["source"] else []
        spans += [(f"/claims/{c['id']}/evidential/basis", s) for s in c["evidential"]["basis"]["spans"]]
        if c["entity"] is not None and c["entity"] not in entity_ids:
            problems.append(f"/claims/{c['id']}/entity: no entity {c['entity']!r} in /entities")
        problems += [f"/claims/{c['id']}/evidential/basis: no claim {k!r}" for k in c["evidential"]["basis"]["claims"]
                     if k not in claim_ids]
    for e in data["entities"]:
        spans += [(f"/entities/{e['id']}/mentions", m) for m in e["mentions"]]
    for n, k in enumerate(data["links"]):
        spans += [(f"/links/{n}/basis", s) for s in k["basis"]]
        problems += [f"/links/{n}/{end}: no claim {k[end]!r}" for end in ("source", "target") if k[end] not in claim_ids]
    for where, s in spans:
        if s["end"] > len(body) or s["start"] >= s["end"] or body[s["start"]:s["end"]] != s["text"]:
            problems.append(f"{where}: text {s['text']!r} does not match the document at {s['start']}..{s['end']}")
    return problems


SCHEMATRON_WALK = {"attributes": "'false'", "select-contexts": "'key'"}  # parameters of the ISO skeleton


@lru_cache(maxsize=None)
def tei_validators():  # noqa: ANN201 - (RelaxNG, Schematron)
    from lxml import etree, isoschematron

    schemas = resources.files("attribution").joinpath("schemas")
    rng = etree.RelaxNG(etree.fromstring(schemas.joinpath("attribution-tei.rng").read_bytes()))
    # Only the rules' context nodes are visited (found through a key), never every attribute of every token: our
    # contexts are elements, so this is the same check at under half the cost.
    sch = isoschematron.Schematron(etree.fromstring(schemas.joinpath("attribution-tei.sch").read_bytes()),
                                   store_report=True, compile_params=SCHEMATRON_WALK)
    return rng, sch


SAFE_PARSER_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def validate_tei(text: str) -> list[str]:
    """Problems of one TEI document: RELAX NG, then Schematron, then every #pointer resolving in the document."""
    from lxml import etree

    try:
        tree = etree.fromstring(text.encode("utf-8"), etree.XMLParser(**SAFE_PARSER_OPTIONS))
    except etree.XMLSyntaxError as error:
        return [f"line {error.lineno}: not well-formed XML ({error.msg})"]
    return tei_problems(tree)


def tei_problems(tree) -> list[str]:  # noqa: ANN001 - lxml element
    """:func:`validate_tei` of a parsed tree, or of one built in memory before it is serialized (the tool's own
    output: lxml serializes a tree to text that parses back to it, so the second parse is spared)."""
    rng, sch = tei_validators()
    if not rng.validate(tree):
        return [f"line {e.line}: {e.message}" for e in rng.error_log]
    if not sch.validate(tree):
        report = sch.validation_report
        return [f"Schematron: {' '.join(''.join(f.itertext()).split())}"
                for f in report.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert")]
    return unresolved_pointers(tree)


POINTERS = "//@target | //@who | //tei:said/@ana"


def unresolved_pointers(tree) -> list[str]:  # noqa: ANN001 - lxml element
    """Every #pointer of @target, @who and said/@ana that names no xml:id of this document, by line."""
    from lxml import etree

    namespaces = {"tei": "http://www.tei-c.org/ns/1.0"}
    ids = {f"#{i}" for i in etree.XPath("//@xml:id", smart_strings=False)(tree)}
    if set(" ".join(etree.XPath(POINTERS, namespaces=namespaces, smart_strings=False)(tree)).split()) <= ids:
        return []  # the common case, in one pass; only a broken document is walked attribute by attribute
    return [f"line {a.getparent().sourceline}: pointer {missing[0]} does not resolve in this document"
            for a in tree.xpath(POINTERS, namespaces=namespaces)
            if (missing := [p for p in a.split() if p not in ids])]


def validate_brat(ann: str, text: str) -> list[str]:
    """Problems of a BRAT annotation against its text, each as 'line N: what was expected'."""
    problems, ids = [], set()
    for n, line in enumerate(ann.splitlines(), 1):
        fields = line.split("\t")
        if line.startswith("T"):
            if len(fields) != 3 or " " not in fields[1]:
                problems.append(f"line {n}: expected 'Tn<TAB>Label start end[;start end]<TAB>text'")
                continue
            ids.add(fields[0])
            try:
                pieces = [tuple(map(int, p.split())) for p in fields[1].split(" ", 1)[1].split(";")]
            except ValueError:
                problems.append(f"line {n}: offsets must be integers")
                continue
            covered = " ".join(text[a:b] for a, b in pieces)
            if any(a >= b or b > len(text) for a, b in pieces) or covered != fields[2]:
                problems.append(f"line {n}: entity text {fields[2]!r} does not match the text at its offsets")
        elif line.startswith("E"):
            args = fields[1].split() if len(fields) > 1 else []
            missing = [a for a in args if a.split(":", 1)[-1] not in ids]
            if not args or missing:
                problems.append(f"line {n}: event arguments name no earlier entity: {' '.join(missing) or '(none)'}")
    return problems


def validate_file(path: Path) -> list[str]:
    """Problems of one file, chosen by its suffix; raises KeyError for a type this tool does not write."""
    return VALIDATORS[path.suffix](path)


def _brat_file(path: Path) -> list[str]:
    text_path = path.with_suffix(".txt")
    if not text_path.exists():
        return [f"no {text_path.name} beside it"]
    return validate_brat(path.read_text(encoding="utf-8"), text_path.read_text(encoding="utf-8"))


VALIDATORS: dict[str, Callable[[Path], list[str]]] = {
    ".json": lambda p: validate_json(p.read_text(encoding="utf-8")),
    ".xml": lambda p: validate_tei(p.read_text(encoding="utf-8")),
    ".ann": _brat_file,
}
