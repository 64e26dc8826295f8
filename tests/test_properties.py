"""Hostile input, property-based: ``extract`` returns a record or raises TypeError/ValueError with a
clear message, is deterministic, and its offsets point into the cleaned text.

Texts are built from our own German-ish word lists mixed with quotation marks of every kind, control,
zero-width and bidi characters, HTML fragments, very long tokens and impossible dates. Examples are
derandomized (reproducible in CI); set DIPLOMEX_HYPOTHESIS_SCALE=10 locally to explore ten times more,
randomly.
"""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomex
from diplomex import hygiene
from diplomex.records import ArticleRecord

SCALE = float(os.environ.get("DIPLOMEX_HYPOTHESIS_SCALE", "1"))


def profile(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- vocabulary (our own) ------------------------------------------------------------------------

FUNCTION = "der die das und mit in am im auf nach vor über zu von bei den dem sich nicht auch es sie er".split()
NOUNS = ("Gespräch Gespräche Treffen Verhandlungen Gipfel Besuch Telefonat Ministerin Minister Kanzler Präsidentin "
         "Außenminister Delegation Botschafter Waffenruhe Abkommen Regierung Sprecher Zeitung Runde").split()
VERBS = "traf trafen sagte betonte telefonierte besuchte empfing verhandelten erklärte reiste kündigte sprach".split()
NAMES = ("Aku Virtanen Mara Lindqvist Sergej Lawrow Lavrov Emre Aydın Jean-Luc Moreau Xi Jinping von der Leyen "
         "bin Salman al-Assad O'Neill Li Qiang Joe Jo Jana Jan").split()
PLACES = "Genf Berlin Kiew Ankara Istanbul Riad Tallinn Washington Moskau Brüssel Türkei Deutschland EU NATO UN".split()
DATES = ["am 3. März", "31.02.2025", "am 45. März", "Montag", "am Donnerstag", "2025", "Mitte Februar",
         "Ende 2024", "vergangene Woche", "nächsten Dienstag", "00.00.0000", "am 29. Februar 2023",
         "99.99.9999", "im 13. Monat", "am 0. Januar", "1.1.", "Anfang", "KW 53", "2025-13-45", "gestern",
         "KW 0", "KW 99", "in der 53. Woche", "im Jahr 0", "im Jahr 99999", "am 31. Juni", "vor 10000 Jahren",
         "in 1000000 Tagen", "vor 999999999 Tagen", "in 99999 Wochen", "Ende der 60er", "am 1. 1. 1",
         "9999-12-31", "0001-01-01", "Silvester", "Ostern 9999", "am Montag, dem 32. Mai"]
# Inputs that once crashed a component: they must now give a record (or, for publication years
# outside extract.PUBLISHED_YEARS, a clear ValueError).
FORMER_CRASHES = [
    ("Das Treffen in KW 53.", date(2000, 1, 1)),
    ("Das Treffen 1.1. in Genf.", date(2200, 12, 31)),
    ("Das Treffen gestern in Genf.", date(1800, 1, 1)),
    ("Das Treffen am 31. Juni in Genf.", date(1800, 1, 1)),
    ("Das Treffen am Montag, dem 32. Mai in Genf.", date(2200, 12, 31)),
]
MARKS = list("„“”»«\"‚‘’‹›'`´") + ["„„", "““", "«»", "»«", '""']
PUNCT = list(".,;:!?()[]{}-–—/…*#%&+=@§$€") + ["...", "?!", " - "]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u061c", "\u00ad",
             "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\r", "\u2028", "\u2029", "\ud800",
             "\ue000", "\U0010ffff", "\u0378"]
HTML = ["<p>", "</p>", "<br>", "<br/>", "<b>", "</b>", "<div class='x'>", "</div>", "<script>", "</script>",
        "<style>", "</style>", "&amp;", "&lt;", "&gt;", "&bdquo;", "&ldquo;", "&#8222;", "&#x201C;", "&nbsp;",
        "<!--", "-->", "<", ">", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<?xml?>", "</", "<a href=\"", "&#0;",
        "&#xD800;", "&#99999999;", "<td>", "<table>"]
SPACES = [" ", " ", " ", "", "\n", "\n\n", "\t", "\u00a0", "\u2009"]

word = st.one_of(
    st.sampled_from(FUNCTION), st.sampled_from(NOUNS), st.sampled_from(VERBS), st.sampled_from(NAMES),
    st.sampled_from(PLACES), st.sampled_from(DATES), st.sampled_from(MARKS), st.sampled_from(PUNCT),
    st.sampled_from(INVISIBLE), st.sampled_from(HTML),
    st.text(min_size=1, max_size=8),  # any code point
)
long_token = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "Ä", "„", "<", "x.", "\u200b", "-", "1"]),
                       st.integers(200, 3000))


@st.composite
def german_ish(draw, max_tokens: int = 40, long_tokens: bool = False) -> str:
    tokens = draw(st.lists(st.one_of(word, long_token) if long_tokens else word, max_size=max_tokens))
    spaces = draw(st.lists(st.sampled_from(SPACES), min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, spaces))


published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
                      st.sampled_from(["2025-02-28", "2024-02-29T10:00:00Z", "", "28.02.2025", "gestern", "2025-02-30"]))


# --- the contract --------------------------------------------------------------------------------


def extract_or_clear_error(text, published=None):
    """``extract``'s outcome: a record, or a TypeError/ValueError with a message (anything else fails)."""
    try:
        return diplomex.extract(text, published=published)
    except (TypeError, ValueError) as error:
        assert str(error).strip(), "errors must say what is wrong"
        return error


def check_record(record: ArticleRecord, text: str) -> None:
    """Offsets point into the cleaned text; to_dict() is JSON; warnings are the documented constants."""
    clean, _ = hygiene.prepare(text)
    for quote in record.quotes:
        assert 0 <= quote.start <= quote.end <= len(clean)
        assert clean[quote.start : quote.end] == quote.text
    for mention in record.dates:
        assert 0 <= mention.start < mention.end <= len(clean)
        assert clean[mention.start : mention.end] == mention.text
    for place in record.locations:
        assert clean[place.start : place.end] == place.text
    for meeting in record.meetings:
        assert all(0 <= a <= b <= len(clean) for a, b in meeting.evidence)
    as_json = json.dumps(record.to_dict(), ensure_ascii=False)
    assert json.loads(as_json) == record.to_dict()
    assert set(record.warnings) <= set(hygiene.WARNINGS)


@profile(1100)
@given(german_ish(), published)
def test_extract_returns_a_record_or_a_clear_error(text, published):
    outcome = extract_or_clear_error(text, published)
    if isinstance(outcome, ArticleRecord):
        check_record(outcome, text)
    else:
        assert isinstance(published, str), f"only a malformed published may fail here: {outcome!r}"


@profile(300)
@given(german_ish(max_tokens=25))
def test_extract_is_deterministic(text):
    first, second = diplomex.extract(text, published="2025-03-12"), diplomex.extract(text, published="2025-03-12")
    assert first == second
    assert first.to_dict() == second.to_dict()


@profile(300)
@given(st.text(max_size=300))
def test_any_unicode_string_gives_a_record(text):
    check_record(diplomex.extract(text, published="2025-03-12"), text)


@profile(40)
@given(german_ish(max_tokens=15, long_tokens=True))
def test_very_long_tokens(text):
    check_record(diplomex.extract(text, published="2025-03-12"), text)


@profile(30)
@given(st.lists(st.sampled_from([
    "„Wir reden weiter“, sagte Aku Virtanen am Montag in Genf.",
    "Die Außenministerin traf am 31.02.2025 ihren Amtskollegen Emre Aydın in Ankara.",
    "»Das Treffen am 45. März war gut«, erklärte die Sprecherin.",
    "Lawrow telefonierte mit Jean-Luc Moreau. „Ein offenes Gespräch",
    "<p>Die Delegation reiste &amp; verhandelte in <b>Riad</b>.</p>",
    "Der Kanzler besuchte Kiew\u200b.\u202e Danach: «Non», sagte er.",
]), min_size=20, max_size=80))
def test_article_sized_texts(paragraphs):
    text = "\n\n".join(paragraphs)
    check_record(diplomex.extract(text, published="2025-03-12"), text)


# --- hygiene (cheap, many examples) --------------------------------------------------------------

DROPPED = {"Cc", "Cf", "Cs", "Co", "Cn"}


@profile(1000)
@given(st.one_of(german_ish(max_tokens=60), st.text(max_size=200)))
def test_prepare_output_is_clean_and_stable(text):
    clean, warnings = hygiene.prepare(text)
    assert all(ch in "\n\t" or unicodedata.category(ch) not in DROPPED for ch in clean)
    assert all(ch == " " or unicodedata.category(ch) != "Zs" for ch in clean)
    assert clean == unicodedata.normalize("NFC", clean)
    assert warnings in ([], [hygiene.HTML_STRIPPED])
    if not warnings:
        assert hygiene.prepare(clean) == (clean, [])


@profile(300)
@given(st.lists(st.sampled_from(HTML + FUNCTION + NOUNS + MARKS + PUNCT), max_size=40).map(" ".join))
def test_html_fragments_never_crash_the_cleaner(fragment):
    assert isinstance(hygiene.html_to_text(fragment), str)  # unterminated "<![CDATA[" etc. stay as text


# --- dedicated cases -----------------------------------------------------------------------------


def test_five_megabytes_raise_a_value_error_naming_the_limit():
    with pytest.raises(ValueError, match=r"more than the limit of .*MAX_INPUT_LENGTH"):
        diplomex.extract("Die Ministerin traf ihren Amtskollegen. " * 125_000)


def test_bytes_none_and_numbers_are_type_errors():
    with pytest.raises(TypeError, match="decode"):
        diplomex.extract("„Ja“, sagte er.".encode("utf-16"))
    for value in (None, 0, 3.14, 10**30, date(2025, 1, 1)):
        with pytest.raises(TypeError, match="text must be str"):
            diplomex.extract(value)


@pytest.mark.parametrize("text", [
    "Das Treffen fand am 31.02.2025 statt.",
    "Die Gespräche sind für den 45. März geplant.",
    "Am 29.02.2023 telefonierte der Kanzler mit Emre Aydın.",
    "„" * 500 + "“" * 3,
    "»«" * 300 + "Er sagte »Ja« und «Nein».",
    "<" * 1000 + "p>",
    "&" * 1000 + "amp;",
])
def test_impossible_dates_and_mark_floods(text):
    check_record(diplomex.extract(text, published="2025-03-12"), text)


@pytest.mark.parametrize("text, published", FORMER_CRASHES)
def test_former_component_crashes_give_records(text, published):
    check_record(diplomex.extract(text, published=published), text)


@pytest.mark.parametrize("published", [date.min, date.max])
def test_extreme_publication_dates_are_a_clear_value_error(published):
    text = "Die Ministerin traf ihren Amtskollegen in Genf. „Wir reden“, sagte sie."
    with pytest.raises(ValueError, match="published year"):
        diplomex.extract(text, published=published)


def test_a_long_article_of_fifty_thousand_characters():
    block = ("Die Außenministerin traf am Montag in Genf ihren Amtskollegen Emre Aydın. „Wir reden weiter“, "
             "sagte sie. Ein weiteres Treffen ist für Mitte April in Ankara geplant.\n\n")
    text = block * (50_000 // len(block))
    record = diplomex.extract(text, published="2025-03-12")
    check_record(record, text)
    assert record.quotes and record.meetings
