"""Shared fixtures: one diplomex pipeline and one quotes-only pipeline per test session, and the path to ../shared."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"shared material not found at {SHARED}")


@pytest.fixture(scope="session")
def nlp():
    import diplomex

    return diplomex.load()


@pytest.fixture(scope="session")
def quote_nlp():
    """diplomex_quotes alone on a blank German pipeline with a sentencizer (no NER)."""
    import spacy

    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("diplomex_quotes")
    return pipeline


@pytest.fixture(scope="session")
def annotate(nlp):
    """Run the pipeline on a text with a publication date, as extract() does."""
    from diplomex.extract import make_doc, parse_published

    def run(text: str, published: str | None = "2025-03-12"):
        return nlp(make_doc(nlp, text, parse_published(published)))

    return run
