"""Build the diplomex spaCy pipeline: a German base model plus the diplomex components."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
from .components import dates, lexicon, meetings, quotes, sentences  # noqa: F401

EMBEDDED_MODEL = "de_diplomex_news"
INSTALLED_MODELS = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm")
COMPONENTS = ("diplomex_lexicon", "diplomex_dates", "diplomex_quotes", "diplomex_meetings")
ENV_VARIABLE = "DIPLOMEX_MODEL"


class ModelNotFoundError(OSError):
    """A base model was asked for by name but is not installed."""


def embedded_model_path() -> Path:
    """Where the embedded German pipeline lives inside the installed package."""
    return Path(str(files("diplomex").joinpath("models", EMBEDDED_MODEL)))


def resolve_base(model: str | os.PathLike | None = None) -> str:
    """The base model to use: the argument, ``$DIPLOMEX_MODEL``, an installed de_core_news_*
    (lg, md, sm in that order), else ``"embedded"``."""
    chosen = model if model is not None else os.environ.get(ENV_VARIABLE) or None
    if chosen is not None:
        return str(chosen)
    for name in INSTALLED_MODELS:
        if spacy.util.is_package(name):
            return name
    return "embedded"


def load_base(model: str | os.PathLike | None = None) -> Language:
    """The German base pipeline without diplomex components (see :func:`resolve_base`)."""
    name = resolve_base(model)
    if name == "embedded":
        return _load_embedded()
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed. Install it with "
            f"`python -m spacy download {name}` (e.g. de_core_news_md), pass a path to a saved "
            f"pipeline, or call diplomex.load() without a model to use the embedded German default."
        ) from error


def _load_embedded() -> Language:
    path = embedded_model_path()
    if (path / "config.cfg").exists():
        return spacy.load(path)
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    return nlp


def add_components(nlp: Language, *, indirect: bool = False) -> Language:
    """Add the diplomex components to a German pipeline (any pipeline: blank, de_core_news_*, ours).

    A rule-based sentence splitter is added first when the pipeline sets no sentence boundaries.
    ``indirect``: the quotes component also reports indirect speech in Konjunktiv I (``kind="indirect"``).
    """
    has_sentences = any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer", "diplomex_sentences"))
    if not has_sentences:
        nlp.add_pipe("diplomex_sentences", first=True)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"indirect": True} if indirect and name == "diplomex_quotes" else {})
    return nlp


def load(model: str | os.PathLike | None = None, *, indirect: bool = False) -> Language:
    """A spaCy pipeline with the diplomex components on the chosen German base model.

    ``model``: a spaCy package name or path; default ``$DIPLOMEX_MODEL``, then de_core_news_lg /
    _md / _sm when installed, then the embedded German default shipped with diplomex.
    ``indirect``: also report indirect speech ("Lawrow sagte, man sei bereit …") as quotes of kind
    "indirect" (off by default; record dicts keep direct quotes unless ``to_dict(indirect=True)``).
    """
    return add_components(load_base(model), indirect=indirect)
