from diplomex.components.sentences import sentence_starts


def split(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_abbreviations_and_ordinals_do_not_end_sentences(nlp):
    text = "Am 3. März traf Dr. Weber u. a. den Gesandten. Danach reiste er ab."
    assert split(nlp, text) == ["Am 3. März traf Dr. Weber u. a. den Gesandten.", "Danach reiste er ab."]


def test_closing_quote_stays_with_its_sentence(nlp):
    text = "Sie sagte: „Wir verhandeln weiter.“ Dann ging die Sitzung zu Ende."
    assert split(nlp, text) == ["Sie sagte: „Wir verhandeln weiter.“", "Dann ging die Sitzung zu Ende."]


def test_quote_followed_by_its_attribution_is_one_sentence(nlp):
    text = "„Das war ein guter Tag!“, sagte der Botschafter. Es folgte ein Empfang."
    assert split(nlp, text) == ["„Das war ein guter Tag!“, sagte der Botschafter.", "Es folgte ein Empfang."]


def test_line_breaks_end_headlines():
    words = ["Gipfel", "in", "Genf", "\n", "Die", "Minister", "kamen", "."]
    assert sentence_starts(words) == [True, False, False, False, True, False, False, False]


def test_empty_input():
    assert sentence_starts([]) == []
