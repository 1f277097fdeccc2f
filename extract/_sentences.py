"""The sentences of a parsed document, found once: ``doc.sents`` walks every token each time
it is asked, and the extractor's steps ask for it many times per article.

Call these only once the pipeline has run (sentence boundaries are final then).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

__all__ = ["sentence_of", "sentence_starts"]

_KEY = "dg_sent_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """The first token index of each sentence of ``doc``, in order (cached in ``doc.user_data``).

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Ma", "met", "Trump", ".", "They", "talked", "."],
    ...           sent_starts=[True, False, False, False, True, False, False])
    >>> sentence_starts(doc)
    [0, 4]
    """
    starts = doc.user_data.get(_KEY)
    if starts is None:
        starts = doc.user_data[_KEY] = [sent.start for sent in doc.sents]
    return starts


def sentence_of(doc: Doc, i: int) -> int:
    """The position, among the sentences of ``doc``, of the sentence holding token ``i``.

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Ma", "met", "Trump", ".", "They", "talked", "."],
    ...           sent_starts=[True, False, False, False, True, False, False])
    >>> sentence_of(doc, 2), sentence_of(doc, 5)
    (0, 1)
    """
    return bisect.bisect_right(sentence_starts(doc), i) - 1
