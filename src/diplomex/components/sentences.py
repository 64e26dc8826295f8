"""``diplomex_sentences``: rule-based German sentence splitting for pipelines without a parser.

A sentence ends at ``.``/``!``/``?``/``…`` (the German tokenizer already keeps abbreviations and
ordinals such as "Dr." and "27." whole), together with the closing quotation marks and brackets
that follow; a new sentence starts only where the next word could start one (upper case, digit
or an opening mark), so "„Wir kommen!“, sagte er." stays one sentence. Line breaks always end a
sentence: headlines, datelines and captions have no final stop.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..tokentexts import token_texts

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({"“", "”", "\"", "«", "»", "‘", "’", "'", ")", "]"})
OPENERS = frozenset({"„", "“", "\"", "»", "«", "‚", "‘", "(", "[", "-", "–"})


def sentence_starts(words: list[str]) -> list[bool]:
    """For each token text, whether a sentence starts there."""
    starts = [False] * len(words)
    if not words:
        return starts
    starts[0] = True
    for i in [i for i, word in enumerate(words) if word in TERMINALS or "\n" in word]:
        if words[i] in TERMINALS:
            # the next word after the closing marks (a later stop among them gives the same word)
            j = i + 1
            while j < len(words) and (words[j] in CLOSERS or words[j] in TERMINALS):
                j += 1
            if j < len(words) and _can_start(words[j]):
                starts[j] = True
        elif not words[i].strip() and i + 1 < len(words):
            starts[i + 1] = True
    return starts


def _can_start(word: str) -> bool:
    first = word[:1]
    return first.isupper() or first.isdigit() or word in OPENERS


@Language.factory("diplomex_sentences")
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter()


class SentenceSplitter:
    """Sets ``Token.is_sent_start`` on every token."""

    def __call__(self, doc: Doc) -> Doc:
        # One array write: setting Token.is_sent_start token by token re-checks the whole Doc each time.
        starts = sentence_starts(token_texts(doc))
        values = numpy.where(starts, 1, -1).astype("int64").astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc
