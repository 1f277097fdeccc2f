"""Articles in, :class:`~extract.contract.Document` records out.

Extractors are registered by name in :data:`extractors` (spaCy's registry style, built on
``catalogue``); the name is recorded in every fact's provenance.

>>> from extract.reader import Article
>>> docs = extract_documents([Article("a.txt", "Jack Ma met Donald Trump in New York.")])  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import catalogue

from base.settings import DEFAULT_EXTRACTOR
from extract.contract import Document
from extract.reader import Article

__all__ = [
    "DEFAULT_EXTRACTOR",
    "EXTRACTOR_VERSION",
    "extractors",
    "HybridExtractor",
    "RulesExtractor",
    "extract_documents",
    "get_extractor",
    "run_articles",
    "stream_in_order",
]

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "0.3.8"
extractors = catalogue.create("diplograph", "extractors", entry_points=False)


class RulesExtractor:
    """Gazetteer, name propagation, dependency and surface pattern rules, and quotes."""

    name = "rules.v1"
    version = EXTRACTOR_VERSION

    def __init__(self, nlp: Any, min_quote_words: int | None = None) -> None:
        from extract.model import model_label
        from extract.quotes import MIN_QUOTE_WORDS

        self.nlp = nlp
        self.model = model_label(nlp)
        self.rules = nlp.get_pipe("diplograph_relations").rules
        self.min_quote_words = MIN_QUOTE_WORDS if min_quote_words is None else min_quote_words

    def candidates(self, doc: Any, index: Any) -> list[Any]:
        """The relation candidates of one parsed article (before merging)."""
        from extract.implied import name_home_candidates, state_post_candidates
        from extract.relations import read_matches

        found = read_matches(doc, index, self.rules) + name_home_candidates(doc, index)
        return found + state_post_candidates(doc, index, found)

    def __call__(self, doc: Any, article: Article) -> Document:
        from extract.entities import build_entities
        from extract.quotes import extract_quotes
        from extract.relations import to_facts

        index = build_entities(doc)
        candidates = self.candidates(doc, index)
        relations, events = to_facts(
            doc,
            index,
            candidates,
            doc_id=article.id,
            extractor=self.name,
            version=self.version,
            model=self.model,
            article_date=article.date,
        )
        quotes = extract_quotes(
            doc,
            index,
            doc_id=article.id,
            extractor=self.name,
            version=self.version,
            model=self.model,
            min_words=self.min_quote_words,
        )
        return Document(
            id=article.id,
            title=article.title,
            date=article.date,
            source=article.source,
            entities=tuple(index.entities),
            relations=tuple(relations),
            events=tuple(events),
            quotes=tuple(quotes),
            extractor=self.name,
            extractor_version=self.version,
            model=self.model,
        )


class HybridExtractor(RulesExtractor):
    """The rules, then a learned classifier over every entity pair with the rules' matches as
    features (:mod:`extract.learned`); the classifier decides, the rules' titles are kept."""

    name = "hybrid.v1"

    def __init__(self, nlp: Any, min_quote_words: int | None = None, relation_model: Any = None) -> None:
        from extract.learned import load_relation_model

        super().__init__(nlp, min_quote_words)
        self.relation_model = relation_model if relation_model is not None else load_relation_model()

    def candidates(self, doc: Any, index: Any) -> list[Any]:
        from extract.learned import combine, learned_candidates

        rules = super().candidates(doc, index)
        return combine(rules, learned_candidates(doc, index, rules, self.relation_model), self.relation_model)


@extractors.register("hybrid.v1")
def make_hybrid_extractor(model: str | None = None, **options: Any) -> HybridExtractor:
    """The default: rules plus the relation classifier trained on the project's gold corpus."""
    from extract.model import load_pipeline

    return HybridExtractor(load_pipeline(model), **options)


@extractors.register("rules.v1")
def make_rules_extractor(model: str | None = None, **options: Any) -> RulesExtractor:
    """The rule extractor over the English pipeline with diplograph's components."""
    from extract.model import load_pipeline

    return RulesExtractor(load_pipeline(model), **options)


@extractors.register("conll04.v1")
def make_conll04_extractor(model: str | None = None, **options: Any) -> Any:
    """The extractor trained on CoNLL04 (worksFor, basedIn, locatedIn, livesIn)."""
    from extract.statistical import Conll04Extractor, load_conll04_pipeline

    options.pop("min_quote_words", None)  # it finds no quotes
    return Conll04Extractor(load_conll04_pipeline(model), **options)


def get_extractor(name: str) -> Callable[..., Any]:
    """The extractor factory registered as ``name``; an unknown name is an InputError."""
    from base.errors import InputError

    try:
        factory: Callable[..., Any] = extractors.get(name)
        return factory
    except catalogue.RegistryError:
        known = ", ".join(sorted(extractors.get_all()))
        raise InputError(f"unknown extractor {name!r}; known: {known}") from None


def extract_documents(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    batch_size: int = 16,
    min_quote_words: int | None = None,
    processes: int = 1,
) -> Iterator[Document]:
    """Run the pipeline over ``articles`` with ``nlp.pipe`` in batches, yielding documents in
    input order. With ``processes`` > 1, that many worker processes each load the pipeline
    once and extract chunks of articles; at most eight chunks a worker are in flight, so memory
    stays bounded however long the stream."""
    if processes > 1:
        yield from _extract_in_pool(articles, model, extractor, batch_size, min_quote_words, processes)
        return
    run = get_extractor(extractor)(model, min_quote_words=min_quote_words)
    yield from run_articles(run, articles, batch_size)


def run_articles(run: Any, articles: Iterable[Article], batch_size: int) -> Iterator[Document]:
    """The documents a loaded extractor ``run`` makes of ``articles``, through ``run.nlp.pipe``
    in batches, in input order."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in run.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield run(doc, article)


def stream_in_order(
    submit: Callable[[list[Article]], Any], articles: Iterable[Article], chunk: int, in_flight: int
) -> Iterator[Document]:
    """Hand ``articles`` to ``submit`` in chunks (it returns a future whose ``result()`` is the
    chunk's documents), with at most ``in_flight`` chunks pending, and yield the documents in
    input order: memory stays bounded however long the stream. Serves the process pool and Dask."""
    from collections import deque
    from itertools import islice

    source = iter(articles)
    pending: deque[Any] = deque()
    while True:
        while len(pending) < in_flight and (part := list(islice(source, chunk))):
            pending.append(submit(part))
        if not pending:
            return
        yield from pending.popleft().result()


_WORKER: dict[str, Any] = {}


def _init_worker(extractor: str, model: str | None, min_quote_words: int | None, batch_size: int) -> None:
    _WORKER["run"] = get_extractor(extractor)(model, min_quote_words=min_quote_words)
    _WORKER["batch_size"] = batch_size


def _extract_chunk(articles: list[Article]) -> list[Document]:
    return list(run_articles(_WORKER["run"], articles, _WORKER["batch_size"]))


def _extract_in_pool(
    articles: Iterable[Article],
    model: str | None,
    extractor: str,
    batch_size: int,
    min_quote_words: int | None,
    processes: int,
) -> Iterator[Document]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    get_extractor(extractor)  # an unknown name fails here, not in a worker
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(
        max_workers=processes,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(extractor, model, min_quote_words, batch_size),
    ) as pool:
        chunk = max(batch_size, 1) * 2
        # Enough chunks in flight that the workers go on while the caller writes what it has.
        yield from stream_in_order(lambda part: pool.submit(_extract_chunk, part), articles, chunk, 8 * processes)
