"""Token strings of a whole Doc as plain lists, read from its arrays.

Every ``token.text`` or ``token.lower_`` creates a Token object and decodes the string anew; a
component that reads every token once per Doc reads them here instead. The components of one
pipeline run read the same Doc in turn, so the strings of the last few Docs are kept (each
call returns a new list).
"""

from __future__ import annotations

import weakref

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

_STRINGS: dict[int, str] = {}  # string hash -> string (hashes are the same in every vocab)
MAX_CACHED = 200_000
# (id of a Doc, attr) -> (a weak reference to the Doc: it is not kept alive, its token offsets, the strings)
_RECENT: dict[tuple[int, int], tuple[weakref.ref, bytes, tuple[str, ...]]] = {}
RECENT_DOCS = 4  # kept at most


def token_texts(doc: Doc, attr: int = ORTH) -> list[str]:
    """The string attribute ``attr`` (ORTH: the text, LOWER, LEMMA, …) of every token of ``doc``.
    The strings kept for ``doc`` are used while its tokens start where they did (not after a
    retokenization)."""
    offsets = doc.to_array(IDX).tobytes()  # cheaper than the strings' hashes: no lexeme is read
    kept = _RECENT.get((id(doc), attr))
    if kept is None or kept[0]() is not doc or kept[1] != offsets:
        if len(_RECENT) >= RECENT_DOCS:
            _RECENT.clear()
        kept = _RECENT[id(doc), attr] = (weakref.ref(doc), offsets, _strings(doc.to_array(attr).tolist(), doc))
    return list(kept[2])


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
