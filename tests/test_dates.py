"""Tests of the diplomex_dates component and diplomex.timex (sentences written for these tests).

Publication date throughout: Friday, 28 February 2025 (ISO week 2025-W09).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import diplomex.components.dates  # noqa: F401  (registers the factory)
import diplomex.extensions  # noqa: F401
from diplomex import timex
from diplomex.components.dates import date_mentions
from diplomex.records import DateMention

PUBLISHED = "2025-02-28"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplomex_dates")
    return nlp


def annotate(nlp, text: str, published: str | None = PUBLISHED) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def found(nlp, text: str, published: str | None = PUBLISHED) -> dict[str, dict]:
    """Expression text -> its timex dict (exact expression text, not the token span)."""
    doc = annotate(nlp, text, published)
    return {doc.text[s._.timex["start"]:s._.timex["end"]]: s._.timex for s in doc.spans["diplomex_dates"]}


def values(nlp, text: str, published: str | None = PUBLISHED) -> dict[str, str | None]:
    return {t: info["value"] for t, info in found(nlp, text, published).items()}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Abkommen wurde am 27. Februar 2025 in Genf unterzeichnet.", {"27. Februar 2025": "2025-02-27"}),
        ("Die Frist läuft am 15.03.2025 ab.", {"15.03.2025": "2025-03-15"}),
        ("Bis zum 3.3. soll eine Antwort aus Ankara vorliegen.", {"3.3.": "2025-03-03"}),
        ("Der Vertrag vom 12. Jan. 2024 gilt weiter.", {"12. Jan. 2024": "2024-01-12"}),
        ("Im Jänner 2025 reiste die Ministerin nach Wien.", {"Jänner 2025": "2025-01"}),
        ("Im Februar hatten die Gespräche in Riad begonnen.", {"Februar": "2025-02"}),
        ("Die Botschaft in Tiflis war 1998 eröffnet worden.", {"1998": "1998"}),
        ("Im Jahr 2019 brach der Dialog ab.", {"Jahr 2019": "2019"}),
        ("Die Verhandlungen sollen am 4. April beginnen.", {"4. April": "2025-04-04"}),
        ("Die Konsultationen endeten am 20. Dezember ohne Ergebnis.", {"20. Dezember": "2024-12-20"}),
        ("Die Gespräche finden am Montag, den 3. März 2025, in Oslo statt.", {"Montag, den 3. März 2025": "2025-03-03"}),
    ],
)
def test_full_and_partial_dates(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Am Mittwoch trafen sich die Außenminister in Genf.", {"Mittwoch": "2025-02-26"}),
        ("Mittwoch hatte die Delegation das Hotel verlassen.", {"Mittwoch": "2025-02-26"}),
        ("Am Dienstag wollen die Delegationen erneut verhandeln.", {"Dienstag": "2025-03-04"}),
        ("Am Freitag trafen sich die Unterhändler im Außenministerium.", {"Freitag": "2025-02-28"}),
        ("Der Gipfel wird am Freitag eröffnet.", {"Freitag": "2025-02-28"}),
        ("Vergangenen Freitag hatte der Botschafter protestiert.", {"Vergangenen Freitag": "2025-02-21"}),
        ("Der Gipfel beginnt kommenden Montag.", {"kommenden Montag": "2025-03-03"}),
        # present tense leans to the coming day unless the past one is much nearer
        ("Am Montag beginnt in Genf die Konferenz.", {"Montag": "2025-03-03"}),
        ("Am Donnerstag beginnt in Genf die Konferenz.", {"Donnerstag": "2025-02-27"}),
        ("Am Montag nächster Woche wird der Bericht vorgelegt.", {"Montag nächster Woche": "2025-03-03"}),
        ("Am Donnerstagabend unterzeichneten beide Seiten das Papier.", {"Donnerstagabend": "2025-02-27"}),
        ("Er landete Donnerstag um 15 Uhr in Ankara.", {"Donnerstag": "2025-02-27"}),
        ("Am späten Mittwochabend hatte er Kiew erreicht.", {"späten Mittwochabend": "2025-02-26"}),
    ],
)
def test_weekdays_follow_tense(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Heute beginnt in Brüssel das Treffen.", {"Heute": "2025-02-28"}),
        ("Bei ihrem heutigen Besuch sprach sie lange.", {"heutigen": "2025-02-28"}),
        ("Gestern hatte er noch geschwiegen.", {"Gestern": "2025-02-27"}),
        ("Vorgestern war die Note übergeben worden.", {"Vorgestern": "2025-02-26"}),
        ("Die Minister reisen morgen ab.", {"morgen": "2025-03-01"}),
        ("Übermorgen soll das Kommuniqué erscheinen.", {"Übermorgen": "2025-03-02"}),
        ("Am gestrigen Donnerstag wurde verhandelt.", {"gestrigen Donnerstag": "2025-02-27"}),
    ],
)
def test_deictic_days(nlp, text, expected):
    assert values(nlp, text) == expected


def test_capitalised_morgen_is_tomorrow_only_at_sentence_start(nlp):
    doc = annotate(nlp, "Morgen beginnt der Gipfel. Am Morgen hatte es geregnet.")
    assert [(m.text, m.start, m.value) for m in date_mentions(doc)] == [("Morgen", 0, "2025-03-01")]


def test_vortag_and_tags_darauf_count_from_the_last_date(nlp):
    text = "Am 10. Februar landete er in Riad. Am Vortag hatte er Kairo besucht."
    assert values(nlp, text) == {"10. Februar": "2025-02-10", "Vortag": "2025-02-09"}
    text = "Am Mittwoch landete er in Riad, tags darauf reiste er weiter."
    assert values(nlp, text) == {"Mittwoch": "2025-02-26", "tags darauf": "2025-02-27"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In der vergangenen Woche war der Gesandte in Peking.", {"vergangenen Woche": "2025-W08"}),
        ("Nächste Woche soll das Treffen stattfinden.", {"Nächste Woche": "2025-W10"}),
        ("Letzten Monat hatte Moskau die Gespräche abgesagt.", {"Letzten Monat": "2025-01"}),
        ("Nächstes Jahr will die Union neu verhandeln.", {"Nächstes Jahr": "2026"}),
        ("Die Regierung hatte im Vorjahr gewechselt.", {"Vorjahr": "2024"}),
        ("Der Vertrag wurde im März dieses Jahres paraphiert.", {"März dieses Jahres": "2025-03"}),
        ("Im Dezember vergangenen Jahres scheiterte die Runde.", {"Dezember vergangenen Jahres": "2024-12"}),
    ],
)
def test_relative_periods(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vor zwei Tagen war die Note eingegangen.", {"Vor zwei Tagen": "2025-02-26"}),
        ("Vor drei Wochen hatten beide Seiten Gefangene ausgetauscht.", {"Vor drei Wochen": "2025-W06"}),
        ("In zwei Monaten läuft das Mandat aus.", {"In zwei Monaten": "2025-04"}),
        ("Vor einem Jahr wurde das Abkommen gekündigt.", {"Vor einem Jahr": "2024"}),
        ("In 10 Tagen wird gewählt.", {"In 10 Tagen": "2025-03-10"}),
    ],
)
def test_offsets_with_number_words(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text, value, mod",
    [
        ("Zuvor hatten sich Mitte Februar die Minister getroffen.", "2025-02", "MID"),
        ("Die Runde soll Anfang März fortgesetzt werden.", "2025-03", "START"),
        ("Bis Ende des Jahres soll der Vertrag stehen.", "2025", "END"),
        ("Anfang des Monats war der Botschafter abberufen worden.", "2025-02", "START"),
        ("Die Entscheidung fällt Ende kommender Woche.", "2025-W10", "END"),
        ("Mitte 2023 waren die Kontakte abgebrochen.", "2023", "MID"),
        ("Anfang Juni 2026 soll der Gipfel stattfinden.", "2026-06", "START"),
    ],
)
def test_start_mid_end(nlp, text, value, mod):
    (info,) = found(nlp, text).values()
    assert (info["value"], info["mod"]) == (value, mod)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Im Frühjahr 2024 hatte die Mission begonnen.", {"Frühjahr 2024": "2024-SP"}),
        ("Im Sommer soll die Konferenz stattfinden.", {"Sommer": "2025-SU"}),
        ("Im vergangenen Herbst war die Lage ruhiger.", {"vergangenen Herbst": "2024-FA"}),
        ("Am Wochenende hatten Tausende demonstriert.", {"Wochenende": "2025-W08-WE"}),
        ("Am Wochenende wollen die Minister weiterverhandeln.", {"Wochenende": "2025-W09-WE"}),
        ("Bis Weihnachten soll eine Waffenruhe gelten.", {"Weihnachten": "2025-12-25"}),
        ("Zu Ostern 2024 war er in Rom.", {"Ostern 2024": "2024-03-31"}),
        ("Im ersten Quartal 2025 sanken die Exporte.", {"ersten Quartal 2025": "2025-Q1"}),
        ("In den 1990er-Jahren war das anders.", {"1990er-Jahren": "199"}),
        ("Das Bündnis stammt aus dem 20. Jahrhundert.", {"20. Jahrhundert": "19"}),
    ],
)
def test_seasons_weekends_holidays_quarters_decades(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "seit" settles the past even against a future verb
        ("Seit Ende November wird in Genf verhandelt.", {"Ende November": "2024-11"}),
        ("Die Delegation ist seit dem 3. Juni in Genf und wird verhandeln.", {"3. Juni": "2024-06-03"}),
        # a verb tense weighs, but a far-off reading loses against a near one
        ("Am 25. Februar sollen die Gespräche begonnen haben.", {"25. Februar": "2025-02-25"}),
        ("Die Runde soll am 20. Februar begonnen werden.", {"20. Februar": "2025-02-20"}),
        ("Im Dezember will die Union entscheiden.", {"Dezember": "2025-12"}),
        ("Im Dezember hatte die Union entschieden.", {"Dezember": "2024-12"}),
        ("Der Konvoi legte in vier Tagen 300 Kilometer zurück.", {"in vier Tagen": "P4D"}),
    ],
)
def test_tense_cues_for_unyeared_dates(nlp, text, expected):
    assert values(nlp, text) == expected


def test_same_day_needs_a_day_to_refer_to(nlp):
    text = "Seit 2017 fallen beide Sitzungen auf denselben Tag."
    assert values(nlp, text) == {"2017": "2017", "denselben Tag": None}


def test_an_diesem_tag_refers_to_the_last_date(nlp):
    text = "Die Wahl findet am 9. März statt. An diesem Tag bleiben die Grenzen geschlossen."
    assert values(nlp, text) == {"9. März": "2025-03-09", "diesem Tag": "2025-03-09"}


def test_ranges_give_one_expression_per_member(nlp):
    assert values(nlp, "Die Konferenz tagt vom 3. bis 5. März in Genf.") == {"3.": "2025-03-03", "5. März": "2025-03-05"}
    assert values(nlp, "Das Treffen ist für den 24. und 25. September 2025 geplant.") == {
        "24.": "2025-09-24",
        "25. September 2025": "2025-09-25",
    }
    assert values(nlp, "Zwischen Mai und Juni 2024 ruhten die Kontakte.") == {"Mai": "2024-05", "Juni 2024": "2024-06"}
    assert values(nlp, "Für die Jahre 2021 bis 2027 gilt der Haushalt.") == {"2021": "2021", "2027": "2027"}


@pytest.mark.parametrize(
    "text",
    [
        "Die Rechnung 2+2 ergibt vier.",
        "Die G20 berieten in Johannesburg.",
        "Der Sicherheitsrat verwies auf Resolution 2334.",
        "Artikel 5 des Vertrags wurde nie angewandt.",
        "Der Antrag erhielt 1500 Stimmen.",
        "Rund 2000 Soldaten sind im Einsatz.",
        "Das Protokoll steht auf Seite 1990.",
        "Das Spiel endete 2013 zu 45.",
        "Das Paket umfasst 2.000 Seiten.",
        "August Winter leitete die Delegation.",
        "Der Dienst zählte allein 1600 Angriffe.",
        "Die Delegation flog weiter nach Chiang Mai.",
        "Der Anschlag geschah an einem Sonntag im Wahlkampf.",
    ],
)
def test_no_false_dates(nlp, text):
    assert [m.text for m in date_mentions(annotate(nlp, text))] == []


def test_durations_are_not_date_mentions(nlp):
    doc = annotate(nlp, "Seit drei Jahren verhandeln beide Länder, seit Monaten ohne Erfolg.")
    kinds = {doc.text[s._.timex["start"]:s._.timex["end"]]: s._.timex["kind"] for s in doc.spans["diplomex_dates"]}
    assert kinds == {"drei Jahren": "duration", "seit Monaten": "duration"}
    assert date_mentions(doc) == []


def test_without_publication_date_only_absolute_dates_resolve(nlp):
    text = "Am Donnerstag sagte sie, das Abkommen vom 27. Februar 2025 gelte seit gestern."
    result = found(nlp, text, published=None)
    assert result["27. Februar 2025"]["value"] == "2025-02-27"
    assert result["Donnerstag"]["value"] is None and result["Donnerstag"]["relative"]
    assert result["gestern"]["value"] is None and result["gestern"]["anchor"] is None


def test_timex_fields_and_anchor(nlp):
    info = found(nlp, "Am Donnerstag trafen sich die Diplomaten.")["Donnerstag"]
    assert info == {
        "value": "2025-02-27",
        "granularity": "day",
        "mod": None,
        "relative": True,
        "anchor": PUBLISHED,
        "kind": "date",
        "start": 3,
        "end": 13,
    }


def test_date_mentions_records(nlp):
    doc = annotate(nlp, "Die Ständige Vertretung existiert seit 2006. Am Donnerstag trafen sich die Minister.")
    mentions = date_mentions(doc)
    assert all(isinstance(m, DateMention) for m in mentions)
    assert [(m.text, m.value, m.relative, m.kind) for m in mentions] == [
        ("2006", "2006", False, "date"),
        ("Donnerstag", "2025-02-27", True, "date"),
    ]
    assert doc.text[mentions[0].start:mentions[0].end] == "2006"
    assert mentions[1].to_dict() == {"text": "Donnerstag", "value": "2025-02-27"}


def test_morphology_is_used_when_present(nlp):
    doc = nlp.make_doc("Am Montag verhandelten die Minister.")
    doc._.published = PUBLISHED
    doc[2].set_morph("Tense=Past|VerbForm=Fin")
    doc = nlp(doc)
    assert doc.spans["diplomex_dates"][0]._.timex["value"] == "2025-02-24"


def test_annotations_survive_to_bytes(nlp):
    doc = annotate(nlp, "Am Mittwoch trafen sich die Minister, Mitte März soll es weitergehen.")
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.text, s._.timex) for s in restored.spans["diplomex_dates"]] == [
        (s.text, s._.timex) for s in doc.spans["diplomex_dates"]
    ]
    assert restored.spans["diplomex_dates"][1]._.timex["mod"] == "MID"


def test_narrative_reference_takes_the_year_of_the_last_date():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("diplomex_dates", config={"reference": "narrative"})
    doc = annotate(nlp, "Der Konflikt begann 1863 im Norden. Am 1. Februar griffen sie an, zwei Tage später zogen sie ab.")
    got = {s.text: s._.timex["value"] for s in doc.spans["diplomex_dates"]}
    assert got == {"1863": "1863", "1. Februar": "1863-02-01", "zwei Tage später": "1863-02-03"}


@pytest.mark.parametrize("text", ["", "   ", "„Am 3. ", "((( 2025 ]]", "„Gestern“ … – 31.02.2025", "Am 1. Mai " * 5000])
def test_bad_input_never_crashes(nlp, text):
    doc = annotate(nlp, text)
    assert all(s._.timex is not None for s in doc.spans["diplomex_dates"])


def test_pure_helpers():
    assert timex.weekday_on(date(2025, 2, 28), 3, "past") == date(2025, 2, 27)
    assert timex.weekday_on(date(2025, 2, 28), 3, "future") == date(2025, 3, 6)
    assert timex.year_for(date(2025, 2, 28), 12, 1, "nearest") == 2024
    assert timex.year_for(date(2025, 12, 29), 1, 1, "nearest") == 2026
    assert timex.holiday_date("easter+1", 2025) == date(2025, 4, 21)
    assert timex.iso_week(date(2025, 2, 28)) == "2025-W09"
    assert timex.sentence_tenses(["Er", "soll", "vereinbart", "worden", "sein"])[1] == "past"
    assert timex.word_tense("erklärte", "Freitag", "Juncker") == "past"
    assert timex.word_tense("geplanten", "die", "Gespräche") == "future"
    assert timex.word_tense("gute", "sehr", "Gespräche") is None


@pytest.mark.skipif(not SHARED.exists(), reason="shared data (../shared) not available")
def test_gold_articles_resolve_like_the_annotation(nlp):
    import json

    gold_dir = SHARED / "gold"
    for path in sorted(gold_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (gold_dir / "texts" / f"{record['id']}.txt").read_text(encoding="utf-8")
        predicted = [(m.text, m.value) for m in date_mentions(annotate(nlp, text, record["published"]))]
        for item in record.get("dates", []):
            assert (item["text"], item["value"]) in predicted, (record["id"], item)


def test_week_53_exists_only_in_long_iso_years():
    import diplomex

    assert diplomex.extract("Das Treffen ist in KW 53.", published="2000-01-01").dates == ()
    (mention,) = diplomex.extract("Das Treffen ist in KW 53.", published="2020-06-01").dates
    assert mention.value == "2020-W53"


GUARD_EXAMPLES = [
    "Die Erklärung vom 2025-02-27 liegt vor.", "Am 27.02.2025 trafen sie sich.",
    "Am Montag, den 3. März 2025, beginnt der Gipfel.", "Am 24. und 25. September wird verhandelt.",
    "Im März soll verhandelt werden.", "Der Krieg 1912/13 war kurz.", "Seit 2019 gibt es Gespräche.",
    "In den 1990er Jahren begann es.", "Im 20. Jahrhundert und im 19. Jh. gab es Kriege.",
    "Am späten Donnerstagabend kamen sie zusammen.", "Sie treffen sich montags in Wien.",
    "Die gestrige Sitzung fiel aus, übermorgen geht es weiter.", "Tags darauf reiste er ab, am Vortag kam sie.",
    "Am selben Tag sprach er.", "Vergangene Woche sprach er, im nächsten Quartal will er wiederkommen.",
    "Ende des Monats will er kommen.", "Im Vorjahr wuchs der Handel, zum Jahresende sank er.",
    "Am Wochenende bleibt er.", "Vor drei Jahren begann es.", "Zwei Tage später kam er.",
    "Sie verhandelten zwei Wochen lang.", "Es wird seit Monaten verhandelt.", "Im Sommer 2024 kam er.",
    "Am Tag der Deutschen Einheit und zu Ostern reist er.", "Im ersten Quartal 2025 wuchs die Wirtschaft.",
    "In der 12. Kalenderwoche und in KW 13 wird gewählt.",
]


def test_guards_skip_only_patterns_that_cannot_match():
    """Every family whose pattern matches a text passes its guard; each family is exercised here."""
    matched = set()
    for text in GUARD_EXAMPLES:
        scanned = {family for family, _ in timex._scanned_patterns(text)}
        for family, pattern in timex._patterns():
            if pattern.search(text):
                matched.add(family)
                assert family in scanned, (family, text)
    assert matched == set(timex._guards())
    assert timex._scanned_patterns("Die Gespräche verliefen gut.") == ()


def test_guard_words_are_found_where_they_overlap_or_nest():
    """Every guard word a text contains is found, also inside or across others ("Sonntags", "Vortag"),
    those of several words ("Tag der Arbeit", not over a line break), and those marked "^" where a
    whitespace-separated chunk starts with them ("Jahr", not "Vorjahr")."""
    words = {word for _, guard in timex._guards().values() for word in guard}
    for text in GUARD_EXAMPLES + ["Am Sonntagsgipfel und am Vortag, 1990er-Jahre, Jh. 19", "Zum Tag der Arbeit, nicht am Tag der\nDeutschen Einheit",
                                  "Im Vorjahr\tJahre später"]:
        lowered = text.lower()
        expected = {word for word in words if word[0] != "^" and word in lowered}
        expected |= {word for word in words if word[0] == "^" and any(chunk.startswith(word[1:]) for chunk in lowered.split())}
        assert timex._guard_words_in(lowered) & words == expected, text


def test_trie_pattern_matches_the_longest_word_at_a_position():
    pattern = re.compile(timex.trie_pattern(["tag", "tags", "tagung", "mai"]))
    assert [pattern.match(w).group() for w in ("tagungen", "tagsüber", "tage", "mais")] == ["tagung", "tags", "tag", "mai"]
    assert pattern.match("ta") is None
