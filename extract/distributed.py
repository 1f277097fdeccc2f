"""Extraction on a Dask cluster (``diplograph build --engine dask``), for corpora beyond one machine.

Articles go to the workers in chunks; each worker process loads the pipeline once (kept in a
module-level cache of that process) and sends back the documents. At most two chunks a worker
are in flight, so neither the client nor the cluster holds the corpus's records, and the
documents come back in input order, as from :func:`extract.pipeline.extract_documents`.

With ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) the build joins a running
cluster; the workers must have diplograph and the pipeline installed. Without it, a local
cluster of ``workers`` processes is started and stopped around the build.

>>> docs = list(extract_with_dask(articles, workers=2))  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from base.errors import InputError
from base.settings import DEFAULT_EXTRACTOR
from extract.contract import Document
from extract.pipeline import get_extractor, run_articles, stream_in_order
from extract.reader import Article

__all__ = ["extract_with_dask"]

log = logging.getLogger(__name__)

# One loaded extractor per worker process and configuration.
_LOADED: dict[tuple[str, str | None, int | None], Any] = {}


def _extract_chunk(
    articles: list[Article], extractor: str, model: str | None, min_quote_words: int | None, batch_size: int
) -> list[Document]:
    key = (extractor, model, min_quote_words)
    if key not in _LOADED:
        _LOADED[key] = get_extractor(extractor)(model, min_quote_words=min_quote_words)
    return list(run_articles(_LOADED[key], articles, batch_size))


def extract_with_dask(
    articles: Iterable[Article],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    model: str | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    batch_size: int = 16,
    min_quote_words: int | None = None,
) -> Iterator[Document]:
    """Extract ``articles`` on a Dask cluster, yielding documents in input order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise InputError("--engine dask needs the 'distributed' package; pip install distributed") from None

    get_extractor(extractor)  # an unknown name fails here, not on a worker
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise InputError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
    try:
        n = max(len(client.scheduler_info().get("workers", {})), 1)

        def submit(part: list[Article]) -> Any:
            return client.submit(_extract_chunk, part, extractor, model, min_quote_words, batch_size, pure=False)

        yield from stream_in_order(submit, articles, max(batch_size, 1) * 2, 2 * n)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
