"""Token strings of a whole Doc as plain lists, read from its arrays.

Every ``token.text`` or ``token.lower_`` creates a Token object and decodes the string anew; a
component that reads every token once per Doc reads them here instead.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

_STRINGS: dict[int, str] = {}  # string hash -> string (hashes are the same in every vocab)
MAX_CACHED = 200_000


def token_texts(doc: Doc, attr: int = ORTH) -> list[str]:
    """The string attribute ``attr`` (ORTH: the text, LOWER, LEMMA, …) of every token of ``doc``."""
    hashes = doc.to_array(attr).tolist()
    try:
        return [_STRINGS[h] for h in hashes]
    except KeyError:
        if len(_STRINGS) > MAX_CACHED:
            _STRINGS.clear()
        strings = doc.vocab.strings
        _STRINGS.update((h, strings[h]) for h in hashes if h not in _STRINGS)
        return [_STRINGS[h] for h in hashes]
