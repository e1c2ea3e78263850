"""The library's entry point: one Stanza pipeline per process, any number of documents through it."""
from __future__ import annotations

import gc
import hashlib
import logging
from dataclasses import replace
from functools import lru_cache
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from threading import Lock

from . import mst, processors
from .errors import InputError, message
from .model import AnnotatedDocument, Claim, Span, Token
from .quotes import apostrophe_marks
from .resources import STANZA_PROCESSORS, ModelSource, resolve_models
from .sentences import bounded_sentences, joined_after_honorifics, split_after_datelines, whole_words

__all__ = ["Annotator"]

PIPELINE_PROCESSORS = ",".join((*STANZA_PROCESSORS, *processors.PROCESSORS))
AFTER_TOKENIZE = ("pos", "lemma", "depparse", *processors.PROCESSORS)
MAX_SENTENCE_WORDS = 250  # the parser's time and memory grow with the square of sentence length
_PIPELINES: dict[tuple[str, bool, str], object] = {}
_LOCK = Lock()


def pipeline_for(source: ModelSource, use_gpu: bool, method: str = "hybrid"):  # noqa: ANN201
    """The process-wide Stanza pipeline for these models and method, built on first use."""
    key = (str(source.directory), use_gpu, method)
    with _LOCK:
        if key not in _PIPELINES:
            import stanza

            processors.register()
            mst.install()
            _PIPELINES[key] = stanza.Pipeline(
                "en", dir=str(source.directory), processors=PIPELINE_PROCESSORS, download_method=None,
                use_gpu=use_gpu, logging_level="ERROR", attribution_method=method)
            logging.getLogger("stanza").setLevel(logging.ERROR)
        return _PIPELINES[key]


@lru_cache(maxsize=None)
def freeze_loaded_pipeline() -> None:
    """For processes that only annotate (the CLI, corpus workers), once their pipeline is built: what is loaded by
    then (models, vocabularies, modules) lives as long as the process, so the cyclic garbage collector stops
    walking it. Stanza's documents are full of reference cycles, so full collections are frequent, and each one
    walked the ~375,000 objects of the loaded pipeline: 3.4 s of a 47 s parse of the PolNeAR dev texts."""
    gc.freeze()


class Annotator:
    """Finds the attributed claims of English news texts.

    >>> annotator = Annotator()                      # doctest: +SKIP
    >>> doc = annotator.annotate("Kyiv says its troops are holding.")  # doctest: +SKIP
    """

    def __init__(self, models: str | os.PathLike[str] | None = None, *, method: str = "hybrid",
                 use_gpu: bool = False, batch_size: int = 8) -> None:
        """``models``: a Stanza resources directory (else found as the README says); ``method``: hybrid
        (default), learned or rules; see :func:`attribution.extract.extract_claims`."""
        self.models = resolve_models(models)
        self.method = method
        self.use_gpu = use_gpu
        self.batch_size = max(1, batch_size)
        self._pipeline = pipeline_for(self.models, use_gpu, method)
        self.provenance = provenance(self.models, method)

    def annotate(self, text: str, doc_id: str | None = None) -> AnnotatedDocument:
        """Claims of one text; ``doc_id`` names it in outputs."""
        return next(iter(self.annotate_many([text], ids=[doc_id or "doc1"])))

    def annotate_many(self, texts: Iterable[str], ids: Iterable[str] | None = None) -> Iterator[AnnotatedDocument]:
        """Claims of many texts, in order, pushed through Stanza in batches of ``batch_size`` documents."""
        id_iter = iter(ids) if ids is not None else (f"doc{n}" for n in range(1, 1 << 62))
        pairs = ((next(id_iter), t) for t in texts)
        while batch := list(islice(pairs, self.batch_size)):
            for doc_id, text in batch:
                check_text(text, doc_id)
            todo = [(doc_id, text) for doc_id, text in batch if text.strip()]
            parsed = self._parse([t for _, t in todo])[::-1] if todo else []
            for doc_id, text in batch:
                if text.strip():
                    stanza_doc, warnings = parsed.pop()
                    doc = replace(to_document(doc_id, text, stanza_doc), warnings=warnings)
                    del stanza_doc  # Stanza's copy is freed before the caller writes this document's outputs
                else:
                    doc = AnnotatedDocument(doc_id, text, (), (), 0)
                yield replace(doc, models=self.provenance)

    def _parse(self, texts: list[str]) -> list[tuple[object, tuple[str, ...]]]:
        """Stanza documents with claims: tokenize the batch, repair sentence boundaries (:mod:`.sentences`), then
        parse and annotate."""
        from stanza.models.common.doc import Document

        tokenized = self._pipeline.process([Document([], text=for_stanza(t)) for t in texts],
                                           processors="tokenize,mwt")
        bounded = [bounded_sentences(joined_after_honorifics(split_after_datelines(whole_words(doc))),
                                     MAX_SENTENCE_WORDS)
                   for doc in tokenized]
        done = self._pipeline.process([doc for doc, _ in bounded], processors=",".join(AFTER_TOKENIZE))
        return [(doc, warnings) for doc, (_, warnings) in zip(done, bounded)]


@lru_cache(maxsize=None)
def provenance(models: ModelSource, method: str) -> str:
    """Which models and lexicons made the claims, without machine-specific paths."""
    from importlib import resources

    import stanza

    from .learned.tagger import MODEL, native_bf16

    data = resources.files("attribution").joinpath("data")
    tagger = resources.files("attribution").joinpath(MODEL)
    tagger_id = hashlib.sha256(tagger.read_bytes()).hexdigest()[:12] if tagger.is_file() else "none"
    learned = f", tagger@{tagger_id}{' bf16' if native_bf16() else ''}" if method != "rules" else ""
    return f"stanza {stanza.__version__} en@{models.fingerprint}; attribution {method}{learned}, " \
           f"lexicons@{tables_id(data)}"


def tables_id(folder) -> str:  # noqa: ANN001 - a Path or an importlib Traversable
    """A short hash of the folder's .tsv tables: an edited lexicon changes labels, so a resumed corpus build must
    not take the documents it annotated before as done."""
    digest = hashlib.sha256()
    for table in sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name):
        digest.update(table.name.encode() + b"\0" + table.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def for_stanza(text: str) -> str:
    """The text as Stanza and the processors read it, same length, so that offsets need little mapping back.

    Stanza's tokenizer only knows LF paragraph breaks: a CRLF becomes " \\n" and a lone CR "\\n". It glues a
    pair of apostrophes used as a quotation mark to the word beside it (''taking, look''): an opening pair
    becomes ' "' and a closing one '" ', a straight mark the rules and the tagger know; :func:`to_original`
    widens it back.
    """
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "''" not in text:
        return text
    chars = list(text)
    for i, opening in apostrophe_marks(text):
        chars[i:i + 2] = [" ", '"'] if opening else ['"', " "]
    return "".join(chars)


def to_original(text: str) -> Callable[[int, int], tuple[int, int]]:
    """Offsets in ``for_stanza(text)`` mapped onto ``text``: a mark narrowed to one character covers both of
    its apostrophes again."""
    marks = apostrophe_marks(text) if "''" in text else []
    starts = {i + 1: i for i, opening in marks if opening}
    ends = {i + 1: i + 2 for i, opening in marks if not opening}
    return lambda start, end: (starts.get(start, start), ends.get(end, end))


def rebase(claim: Claim, span: Callable[[Span], Span]) -> Claim:
    """The claim with every span mapped by ``span`` (onto the original text)."""
    return replace(claim, cue=tuple(map(span, claim.cue)), content=tuple(map(span, claim.content)),
                   source=span(claim.source) if claim.source else None,
                   basis=replace(claim.basis, spans=tuple(map(span, claim.basis.spans))))


def check_text(text: object, doc_id: str) -> None:
    if not isinstance(text, str):
        raise InputError(doc_id, message("not_str", type=type(text).__name__))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:  # only lone surrogates cannot be encoded
        raise InputError(doc_id, message("surrogate", offset=error.start)) from error


def to_document(doc_id: str, text: str, doc) -> AnnotatedDocument:  # noqa: ANN001 - stanza Document
    offsets = to_original(text)

    def original(start: int, end: int) -> Span:
        return Span.of(text, *offsets(start, end))

    def span(s: Span) -> Span:
        return original(s.start, s.end)
    sentences = tuple(original(s.tokens[0].start_char, s.tokens[-1].end_char) for s in doc.sentences if s.tokens)
    words = sum(1 for s in doc.sentences for w in s.words if w.upos != "PUNCT")
    claims, entities, links = tuple(doc.claims or ()), tuple(doc.entities or ()), tuple(doc.claim_links or ())
    if doc.text != text:
        links = tuple(replace(k, basis=tuple(map(span, k.basis))) for k in links)
        claims = tuple(rebase(c, span) for c in claims)
        entities = tuple(replace(e, mentions=tuple(map(span, e.mentions))) for e in entities)
    return AnnotatedDocument(doc_id, text, sentences, claims, words, tokens=tuple(tokens_of(doc, text, offsets)),
                             entities=entities, links=links)


def tokens_of(doc, text: str, offsets: Callable[[int, int], tuple[int, int]]) -> Iterator[Token]:  # noqa: ANN001
    """Tokens with offsets into the original ``text``; a widened quotation mark keeps its two apostrophes."""
    for s_idx, sentence in enumerate(doc.sentences):
        for token in sentence.tokens:
            for word in token.words:
                start = word.start_char if word.start_char is not None else token.start_char
                end = word.end_char if word.end_char is not None else token.end_char
                start, end, narrow = *offsets(start, end), (start, end)
                form = word.text if (start, end) == narrow else text[start:end]
                yield Token(s_idx, word.id, form, word.lemma or word.text, word.upos or "X", word.xpos or "_",
                            word.feats or "_", word.head or 0, word.deprel or "dep", start, end)
