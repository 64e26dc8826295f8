import spacy
from spacy.attrs import LOWER

from diplomex import tokentexts
from diplomex.tokentexts import token_texts


def test_texts_and_lower_forms_of_every_token():
    doc = spacy.blank("de")("Der Gipfel in Genf endete.")
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(doc, LOWER) == [t.lower_ for t in doc]


def test_a_changed_doc_is_read_anew():
    doc = spacy.blank("de")("Angela Merkel traf Emmanuel Macron.")
    assert token_texts(doc)[0] == "Angela"
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert token_texts(doc) == ["Angela Merkel", "traf", "Emmanuel", "Macron", "."]


def test_a_doc_retokenized_to_as_many_tokens_is_read_anew():
    doc = spacy.blank("de")("Angela Merkel traf Emmanuel Macron.")
    assert token_texts(doc)[-2:] == ["Macron", "."]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    with doc.retokenize() as retokenizer:
        retokenizer.split(doc[2], ["Emma", "nuel"], heads=[(doc[2], 1), doc[1]])
    assert token_texts(doc) == ["Angela Merkel", "traf", "Emma", "nuel", "Macron", "."]


def test_docs_are_not_kept_alive():
    import gc
    import weakref

    doc = spacy.blank("de")("Gipfel in Genf")
    token_texts(doc)
    alive = weakref.ref(doc)
    del doc
    gc.collect()
    assert alive() is None


def test_only_the_last_docs_are_kept():
    nlp = spacy.blank("de")
    for i in range(tokentexts.RECENT_DOCS + 3):
        token_texts(nlp(f"Treffen Nummer {i}"))
    assert len(tokentexts._RECENT) <= tokentexts.RECENT_DOCS
