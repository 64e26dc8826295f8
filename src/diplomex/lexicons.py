"""Read the lexicon data files under ``diplomex/resources/`` (loaded once, cached).

Formats: ``*.txt`` one entry per line; ``*.tsv`` tab-separated rows. In both, blank lines and
lines starting with ``#`` are ignored.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


def _rows(name: str) -> list[str]:
    text = files("diplomex").joinpath("resources", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line lexicon, stripped."""
    return tuple(line.strip() for line in _rows(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV lexicon, each a tuple of stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _rows(name))


@lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    """A two-column TSV lexicon as a dict from the first column to the second."""
    return {row[0]: row[1] for row in table(name) if len(row) >= 2}
