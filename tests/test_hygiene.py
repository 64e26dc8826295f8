"""Input hygiene: type checks, length limit, HTML, invisible characters, language and quote warnings."""

import re

import pytest

import diplomex
from diplomex import hygiene
from diplomex.hygiene import HTML_STRIPPED, NO_PUBLISHED, NOT_GERMAN, UNBALANCED_QUOTES, prepare


def words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


# --- types and length ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"Der Kanzler reiste ab.", bytearray(b"abc"), memoryview(b"abc")])
def test_bytes_are_rejected_with_a_hint_to_decode(data):
    with pytest.raises(TypeError, match=r"got bytes: decode it first"):
        prepare(data)


@pytest.mark.parametrize("value", [None, 3, 2.5, True, ["Text"], {"text": "x"}])
def test_non_text_is_a_type_error_naming_the_type(value):
    with pytest.raises(TypeError, match=f"text must be str, got {type(value).__name__}"):
        prepare(value)


def test_five_megabytes_are_rejected_before_cleaning_with_the_limit_in_the_message():
    with pytest.raises(ValueError, match=r"5,000,000 characters, more than the limit of 4,000,000 .*MAX_INPUT_LENGTH"):
        diplomex.extract("Gesprächs " * 500_000)


def test_text_over_the_limit_after_cleaning_is_a_value_error():
    text = "x" * (hygiene.MAX_TEXT_LENGTH + 1)
    with pytest.raises(ValueError, match=r"1,000,001 characters, more than the limit of 1,000,000 .*MAX_TEXT_LENGTH.*split"):
        prepare(text)


def test_the_limit_counts_cleaned_text():
    invisible = "\u200b" * 10
    text = "a" * (hygiene.MAX_TEXT_LENGTH - 5) + invisible
    assert len(prepare(text)[0]) == hygiene.MAX_TEXT_LENGTH - 5


# --- HTML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Inflation lag bei <2 Prozent, die Zinsen bei > 3 Prozent.",
        "Es gilt 3 < 4 und 5 > 2 sowie x<y und y>z.",
        "Der Vertrag <Entwurf> liegt vor, <Anlage 2> folgt.",
        "Tom & Jerry sowie AT&T; und M&M's",
    ],
)
def test_plain_text_with_angle_brackets_or_ampersands_is_not_html(text):
    assert not hygiene.looks_like_html(text)
    assert prepare(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "<p>Die Ministerin reiste ab.</p>",
        "Erste Zeile<br>zweite Zeile<br/>dritte",
        "Kosten &amp; Nutzen &ndash; eine Abwägung",
        "<!-- Kommentar --><DIV CLASS='x'>Text</DIV>",
        "Einmal <b>fett</b> genügt.",
    ],
)
def test_tags_comments_and_entities_are_html(text):
    assert hygiene.looks_like_html(text)


def test_html_is_reduced_to_visible_text():
    page = (
        "<html><head><title>Nachrichten</title><style>p { color: red; }</style>"
        "<script>var s = '<p>nicht sichtbar</p>';</script></head><body>"
        "<div><p>Die <b>Außenministerin</b> traf\n  ihren <a href='/x'>Amtskollegen</a>.</p>"
        "<p>Danach sagte sie: &bdquo;Wir reden weiter&ldquo;.<br>Ende &amp;lt; Anfang</p></div>"
        "<table><tr><td>Ort</td><td>Genf</td></tr></table><noscript>Bitte JavaScript</noscript></body></html>"
    )
    text, warnings = prepare(page)
    assert warnings == [HTML_STRIPPED]
    assert text == (
        "Nachrichten\n\nDie Außenministerin traf ihren Amtskollegen.\n\n"
        "Danach sagte sie: „Wir reden weiter“.\nEnde &lt; Anfang\n\nOrt Genf"
    )


def test_unclosed_tags_and_a_stray_bracket_inside_html_keep_the_text():
    text, _ = prepare("<p>Der Preis lag <3 Euro<p>Die Gespräche <i>gehen <b>weiter")
    assert text == "Der Preis lag <3 Euro\nDie Gespräche gehen weiter"


def test_self_closing_breaks_and_unclosed_hidden_elements():
    page = "<p>Erste<br/>Zweite</p><noscript><template>Versteckt</noscript><p>Wieder sichtbar</p>"
    assert hygiene.html_to_text(page) == "Erste\nZweite\n\nWieder sichtbar"


def test_extract_on_html_warns_and_finds_quotes_in_the_cleaned_text():
    page = "<p>Der Sprecher Ole Brandt sagte: &bdquo;Wir sind bereit.&ldquo;</p><p>Mehr folgt.</p>"
    record = diplomex.extract(page, published="2025-04-02")
    assert HTML_STRIPPED in record.warnings
    clean, _ = prepare(page)
    assert [clean[q.start : q.end] for q in record.quotes] == ["Wir sind bereit."]


# --- invisible characters ------------------------------------------------------------------------


def test_zero_width_bidi_and_control_characters_are_removed():
    text = "Kanz\u200bler\u00ad Merz\u202e traf\u2066 den\x00 Präsidenten\x07.\u200d"
    assert prepare(text)[0] == "Kanzler Merz traf den Präsidenten."


def test_line_breaks_survive_and_exotic_spaces_become_plain_spaces():
    text = "Erste Zeile\r\nzweite\rdritte\u2028vierte\x0cfünfte\tmit Tab, Sergej\u00a0Lawrow\u2009sagte"
    assert prepare(text)[0] == "Erste Zeile\nzweite\ndritte\nvierte\nfünfte\tmit Tab, Sergej Lawrow sagte"


def test_text_is_nfc_normalised():
    assert prepare("Gespra\u0308che in Mu\u0308nchen")[0] == "Gespräche in München"


# --- language ------------------------------------------------------------------------------------

GERMAN = (
    "Die Außenministerin traf am Montag ihren Amtskollegen in Ankara. Beide sprachen über die Lage im "
    "Nahen Osten und vereinbarten ein weiteres Treffen im Frühjahr. Es sei ein gutes Gespräch gewesen, "
    "sagte sie danach vor Journalisten."
)
ENGLISH = (
    "The foreign minister met her counterpart in Ankara on Monday. Both talked about the situation in the "
    "Middle East and agreed to meet again in spring. It was a good conversation, she told reporters."
)
FRENCH = (
    "La ministre a rencontré lundi son homologue à Ankara. Les deux ont parlé de la situation au "
    "Proche-Orient et sont convenus de se revoir au printemps."
)
TURKISH = (
    "Dışişleri bakanı pazartesi günü Ankara'da mevkidaşı ile bir araya geldi. İki bakan durumu görüştü ve "
    "ilkbaharda yeniden buluşmak için anlaştı. Bu çok iyi bir görüşme oldu, dedi."
)


@pytest.mark.parametrize("text", [GERMAN, "Gespräche in Genf beendet", "Scholz trifft Macron in Paris",
                                  "Breaking News: Kanzler reist nach Kiew und trifft dort den Präsidenten."])
def test_german_texts_long_and_short_look_german(text):
    assert hygiene.looks_german(words(text))


@pytest.mark.parametrize("text, language", [(ENGLISH, "en"), (FRENCH, "fr"), (TURKISH, "tr")])
def test_english_french_and_turkish_news_are_not_german(text, language):
    assert not hygiene.looks_german(words(text))
    assert hygiene.guess_language(words(text)) == language


def test_a_long_text_without_german_function_words_is_not_german():
    polish = "Minister spraw zagranicznych spotkał się w poniedziałek z kolegą w Ankarze " * 3
    assert not hygiene.looks_german(words(polish))


@pytest.mark.parametrize("text", [GERMAN, ENGLISH, FRENCH, TURKISH, "Gespräche in Genf beendet", "", "Zoo zoo ZOO zzz " * 9])
def test_the_doc_check_reads_the_same_words_as_the_word_check(text):
    from spacy.lang.de import German

    doc = German().make_doc(text)
    assert hygiene.doc_looks_german(doc) == hygiene.looks_german([t.text for t in doc if t.is_alpha])


def test_guess_language_is_none_without_function_words():
    assert hygiene.guess_language(["Genf", "Kiew"]) is None


def test_not_german_warning_on_the_record():
    assert NOT_GERMAN in diplomex.extract(ENGLISH, published="2025-01-10").warnings
    assert NOT_GERMAN not in diplomex.extract(GERMAN, published="2025-01-10").warnings


# --- quotation marks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "„Wir reden“, sagte er. „Morgen“, fügte er hinzu.",
        "„Gut”, sagte sie.",
        "“Fine”, he said.",
        "»Ja«, sagte er, «non», sagte sie.",
        '"Nein", sagte der Sprecher.',
        "„Er sagte ‚nie‘ und blieb“, hieß es. Merkel’s Kurs, geht’s noch?",
        "‹Oui›, répondit-il.",
    ],
)
def test_balanced_marks_of_every_kind(text):
    assert not hygiene.unbalanced_quotes(text)


@pytest.mark.parametrize(
    "text", ["„Wir reden, sagte er.", "Er sagte „ja“ und „nein.", "»Ja, sagte er.", 'Er sagte "nein.',
             "„Er sagte ‚nie und blieb“", "‹Oui, répondit-il."]
)
def test_unbalanced_marks(text):
    assert hygiene.unbalanced_quotes(text)


def test_unbalanced_and_no_published_warnings_on_the_record():
    record = diplomex.extract("Der Sprecher sagte: „Wir bleiben dabei.")
    assert record.warnings == (NO_PUBLISHED, UNBALANCED_QUOTES)


def test_warnings_are_the_documented_constants():
    assert hygiene.WARNINGS == (NO_PUBLISHED, HTML_STRIPPED, NOT_GERMAN, UNBALANCED_QUOTES)
    assert len(set(hygiene.WARNINGS)) == 4 and all(isinstance(w, str) for w in hygiene.WARNINGS)


def test_characters_kept_without_a_look_are_ones_the_category_rule_keeps():
    for low, high in hygiene.KEPT_RANGES:
        for code in range(ord(low), ord(high) + 1):
            assert hygiene._visible(re.match(".", chr(code), re.S)) == chr(code), hex(code)
    assert hygiene.remove_invisible("Grüße\u00ad aus\u00a0Köln\u200b – „ja“") == "Grüße aus Köln – „ja“"


def test_doc_text_is_the_kept_text_while_it_fits_the_tokens():
    from spacy.lang.de import German

    nlp = German()
    text = "Die Ministerin reiste ab.  Danach"
    doc = hygiene.keep_text(nlp.make_doc(text), text)
    assert hygiene.doc_text(doc) is text
    assert hygiene.doc_text(nlp.make_doc(text)) == text  # nothing kept: built from the tokens
    stale = hygiene.keep_text(nlp.make_doc(text), text + " mehr")
    assert hygiene.doc_text(stale) == text
    assert hygiene.doc_text(nlp.make_doc("")) == ""
