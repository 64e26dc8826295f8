"""Token strings of a whole Doc as plain lists, read from its arrays.

Every ``token.text`` or ``token.lower_`` creates a Token object and decodes the string anew; a
component that reads every token once per Doc reads them here instead. The components of one
pipeline run read the same Doc in turn, so the strings of the last few Docs are kept (each
call returns a new list).
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

_STRINGS: dict[int, str] = {}  # string hash -> string (hashes are the same in every vocab)
MAX_CACHED = 200_000
_RECENT: dict[bytes, tuple[str, ...]] = {}  # the hashes of a Doc's tokens (as bytes) -> their strings
RECENT_DOCS = 4  # kept at most


def token_texts(doc: Doc, attr: int = ORTH) -> list[str]:
    """The string attribute ``attr`` (ORTH: the text, LOWER, LEMMA, …) of every token of ``doc``."""
    hashes = doc.to_array(attr)
    key = hashes.tobytes()
    texts = _RECENT.get(key)
    if texts is None:
        if len(_RECENT) >= RECENT_DOCS:
            _RECENT.clear()
        texts = _RECENT[key] = _strings(hashes.tolist(), doc)
    return list(texts)


def _strings(hashes: list[int], doc: Doc) -> tuple[str, ...]:
    """The strings of ``hashes`` (of ``doc``'s vocab)."""
    try:
        return tuple([_STRINGS[h] for h in hashes])
    except KeyError:
        if len(_STRINGS) > MAX_CACHED:
            _STRINGS.clear()
        strings = doc.vocab.strings
        _STRINGS.update((h, strings[h]) for h in hashes if h not in _STRINGS)
        return tuple([_STRINGS[h] for h in hashes])
