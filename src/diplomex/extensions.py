"""Doc extensions shared by all diplomex components.

Every extension value diplomex writes is plain msgpack-serialisable data (str, int, float, bool,
None, list, dict), so that Docs survive ``Doc.to_bytes()`` and ``nlp.pipe(n_process>1)``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc


def register() -> None:
    """Register the shared Doc extensions (idempotent)."""
    if not Doc.has_extension("published"):
        # ISO date string of the publication date (the anchor for relative dates), or None.
        Doc.set_extension("published", default=None)


def published_date(doc: Doc) -> date | None:
    """The Doc's publication date as a ``date``, or None."""
    value = doc._.published
    return date.fromisoformat(value) if value else None


register()
