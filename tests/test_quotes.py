"""diplomex_quotes: direct quotes, their cues and speakers (sentences written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

import diplomex
from diplomex.components.quotes import SPANS_KEY, quotes_of
from diplomex.quotation import find_quoted, is_quotation

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "gold" / "texts" / "seed-000.txt"


def quotes(quote_nlp, text):
    return quotes_of(quote_nlp(text))


def only(quote_nlp, text):
    found = quotes(quote_nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_colon_introduction_with_inverted_subject(quote_nlp):
    q = only(quote_nlp, "Nach dem Gespräch schrieb Costa auf X:\n„Wir setzen auf eine enge Zusammenarbeit mit Ankara.“")
    assert q.text == "Wir setzen auf eine enge Zusammenarbeit mit Ankara."
    assert q.speaker == "Costa" and q.cue == "schrieb" and not q.partial


def test_subject_before_colon(quote_nlp):
    q = only(quote_nlp, "Die Ministerin Anna Berger erklärte: „Die Gespräche werden im Mai fortgesetzt.“")
    assert q.speaker == "Anna Berger" and q.speaker_kind == "person"


def test_cue_after_quote_with_title_and_name(quote_nlp):
    q = only(quote_nlp, "„Wir sind zu weiteren Gesprächen bereit“, sagte Regierungssprecher Steffen Hebestreit am Montag.")
    assert q.text == "Wir sind zu weiteren Gesprächen bereit"
    assert q.speaker == "Steffen Hebestreit" and q.cue == "sagte"


def test_apposition_after_role(quote_nlp):
    q = only(quote_nlp, "„Der Termin steht noch nicht fest“, sagte der Sprecher des Auswärtigen Amtes, Martin Kolbe.")
    assert q.speaker == "Martin Kolbe"


def test_so_cue(quote_nlp):
    q = only(quote_nlp, "„Das war ein konstruktives Treffen mit offenen Worten“, so Lawrow.")
    assert q.speaker == "Lawrow" and q.cue == "so"


def test_zufolge_gives_an_organisation(quote_nlp):
    q = only(quote_nlp, "Dem Außenministerium zufolge war das Treffen „ein wichtiger erster Schritt“.")
    assert q.speaker == "Dem Außenministerium" and q.speaker_kind == "organisation"
    assert q.cue == "zufolge" and q.partial


def test_speaker_in_the_sentence_before(quote_nlp):
    text = "Außenminister Karl Brandt äußerte sich am Abend zu den Gesprächen. „Wir werden nicht nachgeben.“"
    assert only(quote_nlp, text).speaker == "Karl Brandt"


def test_pronoun_points_to_the_last_named_person(quote_nlp):
    doc = quote_nlp("Außenministerin Jana Lindqvist traf am Montag ihren Amtskollegen. Sie sagte: „Wir bleiben im Gespräch.“")
    info = doc.spans[SPANS_KEY][0]._.quote
    assert doc.text[info["speaker"][0] : info["speaker"][1]] == "Jana Lindqvist"


def test_unnamed_role_gives_no_speaker(quote_nlp):
    q = only(quote_nlp, "„Zu laufenden Verhandlungen äußern wir uns nicht“, sagte die Sprecherin.")
    assert q.speaker is None and q.cue == "sagte"


def test_quote_without_attribution_has_no_speaker(quote_nlp):
    q = only(quote_nlp, "Die Sanktionen bleiben in Kraft.\n„Wir haben keine Sanktionen aufgehoben. Nicht jetzt, nein.“")
    assert q.speaker is None and q.cue is None and not q.partial


def test_partial_quote_in_the_authors_sentence(quote_nlp):
    q = only(quote_nlp, "Kanzler Paul Weber bezeichnete den Vorschlag als „völlig unrealistisch“.")
    assert q.text == "völlig unrealistisch" and q.partial and q.speaker == "Paul Weber"


def test_names_and_titles_in_quotation_marks_are_not_quotes(quote_nlp):
    text = (
        "Wie die „Neue Rundschau“ berichtet, begann die Operation „Nordwind“ am Montag. "
        "Der Film „Die lange Nacht“ lief im Sender „Kanal Drei“."
    )
    assert quotes(quote_nlp, text) == []


def test_a_name_noun_in_the_genitive_still_introduces_a_name(quote_nlp):
    text = (
        "Der Planet umkreist den Stern „KX 4711“, teilte die Universität mit. "
        "Laut einem Test des Magazins „auto heute“ sind die Preise gestiegen."
    )
    assert quotes(quote_nlp, text) == []
    q = only(quote_nlp, "Nach der Reform des Gesetzes werde es „ein ausgewogenes Verfahren“ geben, sagte Paul Weber.")
    assert q.text == "ein ausgewogenes Verfahren" and q.speaker == "Paul Weber"


def test_nested_quote_stays_inside_the_outer_one(quote_nlp):
    q = only(quote_nlp, "„Er rief mir zu: ‚Wir kommen morgen‘, und dann ging er“, sagte Müller.")
    assert q.text == "Er rief mir zu: ‚Wir kommen morgen‘, und dann ging er"
    assert q.speaker == "Müller"


def test_quote_over_several_paragraphs_is_one_quote(quote_nlp):
    text = (
        "Die Präsidentin Eva Roth sagte: „Wir haben lange verhandelt.\n\n"
        "„Am Ende stand ein Ergebnis, mit dem alle leben können.“"
    )
    q = only(quote_nlp, text)
    assert q.text.startswith("Wir haben lange verhandelt.") and q.text.endswith("leben können.")
    assert q.speaker == "Eva Roth"


def test_quote_going_on_in_the_next_paragraph_without_a_new_mark(quote_nlp):
    text = "Die Präsidentin Eva Roth sagte: „Wir haben lange verhandelt.\n\nAm Ende stand ein Ergebnis.“ Dann ging sie."
    q = only(quote_nlp, text)
    assert q.text == "Wir haben lange verhandelt.\n\nAm Ende stand ein Ergebnis." and q.speaker == "Eva Roth"


@pytest.mark.parametrize(
    "text",
    [
        '"Wir sind bereit zu weiteren Gesprächen", sagte Lawrow.',
        "»Wir sind bereit zu weiteren Gesprächen«, sagte Lawrow.",
        "«Wir sind bereit zu weiteren Gesprächen», sagte Lawrow.",
    ],
)
def test_other_quotation_mark_styles(quote_nlp, text):
    q = only(quote_nlp, text)
    assert q.text == "Wir sind bereit zu weiteren Gesprächen" and q.speaker == "Lawrow"


def test_unbalanced_marks_keep_the_good_quotes(quote_nlp):
    text = (
        "Er nannte das „einen Fehler. Später hieß es dazu.\n"
        "Am Abend sagte Lawrow: „Wir sind weiter gesprächsbereit“. Dann endete der Termin“ ohne Ergebnis."
    )
    q = only(quote_nlp, text)
    assert q.text == "Wir sind weiter gesprächsbereit" and q.speaker == "Lawrow"


def test_a_quote_runs_over_at_most_max_paragraphs():
    from diplomex.quotation import find_quoted

    text = "\n".join(f"„Absatz {n}" for n in range(10)) + "“"  # re-opened ten times, closed once
    (found,) = find_quoted(text, max_paragraphs=8)
    assert found.paragraphs == 8 and text[found.start : found.end].startswith("Absatz 2")


def test_offsets_and_spans_agree(quote_nlp):
    text = "Am Abend sagte Lawrow: „Die Tür bleibt offen.“"
    doc = quote_nlp(text)
    span = doc.spans[SPANS_KEY][0]
    info = span._.quote
    assert text[info["start"] : info["end"]] == "Die Tür bleibt offen." == span.text
    assert info["kind"] == "direct" and text[info["speaker"][0] : info["speaker"][1]] == "Lawrow"


def test_annotations_survive_serialisation(quote_nlp):
    doc = quote_nlp("„Wir sind bereit“, sagte Regierungssprecher Steffen Hebestreit.")
    restored = Doc(quote_nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.quote for s in restored.spans[SPANS_KEY]] == [s._.quote for s in doc.spans[SPANS_KEY]]
    assert quotes_of(restored) == quotes_of(doc)


def test_empty_and_markless_docs(quote_nlp):
    assert quotes(quote_nlp, "") == []
    assert quotes(quote_nlp, "Keine Anführungszeichen in diesem Satz.") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="„“”\"»«‚‘’‹› a:.,\nWirS", max_size=60))
def test_any_mix_of_marks_never_crashes(text):
    for q in find_quoted(text):
        assert 0 < q.start <= q.end < len(text)
        is_quotation(text, q)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available (../shared)")
def test_seed_article(quote_nlp):
    gold = json.loads((SHARED / "gold" / "seed-000.json").read_text(encoding="utf-8"))["quotes"]
    found = quotes(quote_nlp, SEED.read_text(encoding="utf-8"))
    assert [q.text for q in found] == [g["text"] for g in gold]
    assert [q.speaker for q in found] == [None, "Costa", None, None]
    assert all("Berliner Zeitung" not in q.text for q in found)


def test_bare_role_resolves_only_when_unambiguous(quote_nlp):
    single = "Außenminister Karl Brandt traf am Montag in Ankara ein. „Wir sind bereit“, sagte der Minister."
    assert only(quote_nlp, single).speaker == "Karl Brandt"
    two = "Außenminister Karl Brandt traf Außenminister Ivo Marek. „Wir sind bereit“, sagte der Minister."
    assert only(quote_nlp, two).speaker is None


@pytest.fixture(scope="module")
def nlp_ner():
    """A pipeline with entities (the diplomex lexicon layer), so speakers are checked against them."""
    pipeline = spacy.blank("de")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("diplomex_lexicon")
    pipeline.add_pipe("diplomex_quotes")
    return pipeline


@pytest.mark.parametrize(
    "text, body",
    [
        ("„Die Haushaltslage bleibt angespannt“, sagte ein Sprecher des Finanzministeriums am Dienstag.", "Finanzministeriums"),
        ("„Wir beobachten die Lage an der Grenze genau“, so ein Sprecher der Nato.", "Nato"),
        ("„Der Bericht ist ein Weckruf“, erklärte eine WWF-Sprecherin.", "WWF"),
        ("Das Auswärtige Amt teilte mit: „Die Botschaft bleibt bis auf Weiteres geschlossen.“", "Das Auswärtige Amt"),
    ],
)
def test_spokespeople_speak_for_their_organisation(quote_nlp, text, body):
    q = only(quote_nlp, text)
    assert q.speaker == body and q.speaker_kind == "organisation"


def test_spokesperson_of_no_organisation_gives_no_speaker(quote_nlp):
    assert only(quote_nlp, "„Er ruht sich gerade aus“, sagte ein Sprecher der Familie.").speaker is None


def test_bare_role_with_nationality_needs_the_same_adjective(quote_nlp, nlp_ner):
    lead = "Die französische Präsidentin Claire Morel empfing den brasilianischen Präsidenten Paulo Ferreira. "
    for pipeline in (quote_nlp, nlp_ner):
        assert only(pipeline, lead + "Der brasilianische Präsident sagte: „Wir wollen mehr Handel.“").speaker == "Paulo Ferreira"
        assert only(pipeline, lead + "Der argentinische Präsident sagte: „Wir wollen mehr Handel.“").speaker is None


def test_two_holders_of_a_role_leave_it_open(nlp_ner):
    text = (
        "Präsident Jonas Adler traf in Wien den Präsidenten Milan Horvat. "
        "Der Präsident sagte: „Wir wollen mehr Handel.“"
    )
    assert only(nlp_ner, text).speaker is None


def test_pronoun_after_the_verb_is_the_subject_not_the_phrase_before(quote_nlp):
    assert only(quote_nlp, "Der englischsprachigen Zeitung sagte er: „Wir bleiben.“").speaker is None
    text = "Außenminister Karl Brandt flog nach Rom. Der Tageszeitung sagte er: „Wir bleiben.“"
    assert only(quote_nlp, text).speaker == "Karl Brandt"


def test_with_entities_a_speaker_must_be_a_name(nlp_ner):
    assert only(nlp_ner, "„Wir lassen uns nicht vertreiben“, riefen Demonstranten vor dem Rathaus.").speaker is None


def test_with_entities_a_described_person_is_found_beside_the_description(nlp_ner):
    q = only(nlp_ner, "„Ich freue mich auf den Auftritt“, schrieb die in Hamburg aufgewachsene Jana Lindqvist.")
    assert q.speaker == "Jana Lindqvist" and q.speaker_kind == "person"


def test_title_before_surname_gives_the_name(quote_nlp, nlp_ner):
    for pipeline in (quote_nlp, nlp_ner):
        assert only(pipeline, "„Das Abkommen ist ein Erfolg“, erklärte VW-Chef Winterkorn.").speaker == "Winterkorn"
        q = only(pipeline, "„Wir stehen zu unseren Zusagen“, sagte Regierungssprecher Steffen Seibert.")
        assert q.speaker == "Steffen Seibert"


def test_surname_named_in_full_earlier_is_a_speaker_whatever_ner_says(nlp_ner):
    text = (
        "Der Abgeordnete Karl-Theodor zu Rosenberg warf der Regierung Untätigkeit vor. "
        "„Das Problem ist seit Jahren bekannt“, so Rosenberg wörtlich."
    )
    assert only(nlp_ner, text).speaker == "Rosenberg"


def test_sentence_opening_surname_before_a_late_verb(nlp_ner):
    text = "Innenminister Brandt reiste ab. Brandt hatte zuvor die Rolle der Fraktionen betont: „Die Fraktionen entscheiden.“"
    assert only(nlp_ner, text).speaker == "Brandt"


def test_with_entities_a_place_is_no_person_speaker(nlp_ner):
    assert only(nlp_ner, "„Wir kommen im Herbst wieder“, versprach Kopenhagen den Gästen.").speaker is None


# --- quote detection: names, slogans, reputations --------------------------------------------


def test_period_before_the_mark_ends_the_sentence_not_a_name(quote_nlp):
    text = "Zuvor stand er beim FC Nord unter Vertrag. „Ich freue mich auf die neue Stadt. Mein Ziel ist der Aufstieg“, so Kamara."
    q = only(quote_nlp, text)
    assert q.text.startswith("Ich freue mich") and q.speaker == "Kamara" and q.cue == "so"


@pytest.mark.parametrize(
    "text",
    [
        "Unter dem Motto „Nie wieder Krieg!“ zogen am Samstag Tausende durch die Stadt.",
        "Die Firma (Motto: „Sicherheit ist unser Geschäft“) steht in der Kritik.",
        "Schon damals galt er als „heimlicher Regierungschef“ des Landes.",
    ],
)
def test_mottos_and_reputations_are_not_quotes(quote_nlp, text):
    assert quotes(quote_nlp, text) == []


def test_slogans_are_quotes(quote_nlp):
    q = only(quote_nlp, "Die Demonstranten trugen Schilder mit der Aufschrift „Wir bleiben hier“ durch die Innenstadt.")
    assert q.text == "Wir bleiben hier"


# --- speakers: cue patterns -------------------------------------------------------------------


def test_full_name_after_the_verb_beats_the_dative_before_it(quote_nlp):
    q = only(quote_nlp, "Der englischsprachigen Wochenzeitung sagte Tomas Berger: „Ich gebe nicht auf.“")
    assert q.speaker == "Tomas Berger" and q.speaker_kind == "person"


def test_auxiliary_after_the_quote(quote_nlp):
    q = only(quote_nlp, "„Wir wollen die Werke enger verzahnen“, hatte Konzernchef Paul Weber in einem Interview erklärt.")
    assert q.speaker == "Paul Weber" and q.cue == "erklärt"


def test_title_with_genitive_complement_before_the_name(quote_nlp):
    q = only(quote_nlp, "„Das wäre nicht gerecht“, so der Chef des Aufsichtsrats Peter Krämer.")
    assert q.speaker == "Peter Krämer"


def test_titles_joined_by_und(quote_nlp):
    q = only(quote_nlp, "Der Landtagsabgeordnete und Fraktionschef Jonas Wendt sprach von einem „Feldzug gegen die Schulen“.")
    assert q.speaker == "Jonas Wendt"


def test_so_with_the_speaker_inside_the_sentence(quote_nlp):
    q = only(quote_nlp, "Der Einsatz solle sich, so Berger, „auf schwere Fälle“ beschränken.")
    assert q.speaker == "Berger" and q.cue == "so"


def test_according_to_the_words_of_a_titled_person(quote_nlp):
    q = only(quote_nlp, "Nach den Worten der Sprecherin der Fraktion, Anna Roth, fehle es „an einem klaren Konzept“.")
    assert q.speaker == "Anna Roth"


def test_source_clause_with_wie_leaves_the_subject_to_the_main_clause(quote_nlp):
    text = "Wie der Sender berichtet, gab Regierungssprecher Max Roth eine Erklärung ab: „Wir prüfen den Vorgang.“"
    assert only(quote_nlp, text).speaker == "Max Roth"


def test_coordinated_cue_without_subject_speaks_on(quote_nlp):
    text = (
        "Die Professorin Lena Vogt erläutert die Idee so: „Es gibt zwei Arten von Teilchen“, "
        "und fügt hinzu: „Der Vorbeiflug wird zeigen, welche Idee stimmt.“"
    )
    assert [q.speaker for q in quotes(quote_nlp, text)] == ["Lena Vogt", "Lena Vogt"]


def test_named_subject_of_the_sentence_before_a_bare_quote(quote_nlp):
    q = only(quote_nlp, "Die SPD will am Kurs der Erweiterung festhalten. „Wir wollen ein verlässliches Europa.“")
    assert q.speaker == "Die SPD" and q.speaker_kind == "organisation"


def test_quote_in_parentheses_after_a_name(quote_nlp):
    text = "Auch andere gratulierten, so der Leiter der Behörde, Karim Haddad („Niemand verdient es mehr.“), und weitere."
    assert only(quote_nlp, text).speaker == "Karim Haddad"


# --- speakers: organisations ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, body",
    [
        ("Die Kosten seien „mit Vorsicht zu genießen“, da frühere Arbeiten mehr gekostet hätten, so die FIFA.", "die FIFA"),
        ("„Er war der kreative Kopf der Band“, schrieb „Die Zeit“ in einem Nachruf.", "Die Zeit"),
        ("Die Gewerkschaft bestätigte die Zahl nicht und nannte sie „reine Spekulation“.", "Die Gewerkschaft"),
        ("Am Abend zeigte sich die Bundesregierung bestürzt und verurteilte ihn als „feigen Anschlag“.", "die Bundesregierung"),
        ("Der Einsatzleiter der Polizei erklärte dazu: „So etwas habe ich noch nicht gesehen.“", "Polizei"),
        ("Die Vereinigung schlug Alarm, indem sie den Vorstand aufforderte: „Handeln Sie jetzt.“", "Die Vereinigung"),
        ("Die Nachricht kam überraschend. \"Wir wurden nicht informiert\", kritisierte die Opposition.", "die Opposition"),
        ("Die Operation dauert an. Israels Armee sprach von „gezielten Einsätzen gegen Stellungen“.", "Israels Armee"),
    ],
)
def test_organisations_speak(quote_nlp, text, body):
    q = only(quote_nlp, text)
    assert q.speaker == body and q.speaker_kind == "organisation"


def test_a_person_of_an_authority_is_a_person(nlp_ner):
    q = quotes_of(nlp_ner("Patrick Kamanda von der Nationalen Umweltbehörde sagte, die Stoffe seien „sehr gefährlich“."))[0]
    assert q.speaker == "Patrick Kamanda" and q.speaker_kind == "person"


# --- speakers: pronouns -----------------------------------------------------------------------


def test_sie_skips_a_man_for_the_woman_named_before(quote_nlp):
    text = (
        "Außenministerin Jana Lindqvist kam am Morgen in Rom an. "
        "Außenminister Karl Brandt empfing sie am Flughafen. Sie sagte: „Wir bleiben im Gespräch.“"
    )
    assert only(quote_nlp, text).speaker == "Jana Lindqvist"


def test_er_never_resolves_to_a_woman(quote_nlp):
    text = "Außenministerin Jana Lindqvist kam am Morgen in Rom an. Er sagte: „Wir bleiben im Gespräch.“"
    assert only(quote_nlp, text).speaker is None


def test_plural_sie_resolves_to_no_one(quote_nlp):
    text = "Außenministerin Jana Lindqvist traf Vertreter der Opposition. Sie erklärten: „Wir lehnen den Plan ab.“"
    assert only(quote_nlp, text).speaker is None


def test_pronoun_after_the_quote_finds_the_person_before_it(quote_nlp):
    text = (
        "Der Gastverein verlor zum ersten Mal seit Wochen. Da Nordstadt gewann, war Trainer Thomas Weber "
        "zufrieden: „Ein guter Start“, sagte er dem Sender. „Wir haben hart gearbeitet.“"
    )
    assert [q.speaker for q in quotes(quote_nlp, text)] == ["Thomas Weber", "Thomas Weber"]


def test_a_one_word_genitive_name_heads_a_noun():
    from diplomex.components.quotes import is_genitive_of

    text = "Obamas Wahlkampfteam antwortete"
    assert is_genitive_of(text, len("Obamas"), len("Obamas Wahlkampfteam"))
    assert not is_genitive_of("Lawrow sagte", len("Lawrow"), len("Lawrow"))


def test_subject_of_the_quotes_sentence_without_cue(nlp_ner):
    q = only(nlp_ner, "Auch Außenminister Karl Brandt attackierte den Plan der Regierung als „völlig verfehlt“.")
    assert q.speaker == "Karl Brandt"


def test_a_bare_quote_does_not_continue_across_another_named_person(nlp_ner):
    text = (
        "„Wir bleiben im Gespräch“, sagte Außenminister Karl Brandt am Montag. "
        "Die Opposition um Jana Lindqvist und Ivo Marek lehnt das ab. Beide fürchten Nachteile. "
        "„Das ist ein schwerer Fehler.“"
    )
    assert [q.speaker for q in quotes(nlp_ner, text)] == ["Karl Brandt", None]


def test_a_period_without_space_still_ends_the_sentence(quote_nlp):
    text = "Der Forscher Juan Perez war vor Jahren verschwunden.Der Direktor Klaus Brenner ist neu im Amt. Er erklärte: „Der Anblick ist einzigartig.“"
    assert only(quote_nlp, text).speaker == "Klaus Brenner"


def test_relative_clause_takes_its_antecedent(quote_nlp):
    q = only(quote_nlp, "Kritik kommt vom Fahrgastverband IGEB, der die Maßnahme als „Kapitulation“ vor den Randalierern sieht.")
    assert q.speaker == "Fahrgastverband IGEB" and q.speaker_kind == "organisation"


def test_comma_and_article_is_no_relative_clause(quote_nlp):
    q = only(quote_nlp, "Der Vorsitzende Jonas Adler erklärte am Abend, die Fraktion nehme die Entscheidung „zur Kenntnis“.")
    assert q.speaker == "Jonas Adler"


def test_speaker_named_in_the_next_sentence(quote_nlp):
    q = only(quote_nlp, "„Ja, es gibt Zumutungen.“ Das musste Finanzminister Peer Lindner zu Beginn der Debatte einräumen.")
    assert q.speaker == "Peer Lindner"


def test_next_sentence_without_speech_verb_names_no_speaker(quote_nlp):
    q = only(quote_nlp, "„Ja, es gibt Zumutungen.“ Das Parlament in Berlin tagte danach bis in die Nacht.")
    assert q.speaker is None


def test_a_long_paragraph_of_unclosed_marks_keeps_the_closed_quote():
    text = "„offen " * 800 + "Am Ende sagte Lawrow: „Wir bleiben.“ Danach „wieder offen"
    assert [text[q.start : q.end] for q in find_quoted(text)][-1:] == ["Wir bleiben."]


def test_quote_in_a_prepositional_relative_clause_has_no_speaker(quote_nlp):
    text = (
        "Der Senat hat dem Entwurf mit großer Mehrheit zugestimmt, in dem sich das Land verpflichtet, "
        "jede „grausame oder erniedrigende Behandlung“ zu ächten."
    )
    assert only(quote_nlp, text).speaker is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ÄPr.-’'„“,:1_\n", max_size=40), st.data())
def test_tokens_cut_from_the_whole_text_match_a_fresh_tokenisation(text, data):
    from diplomex.quotation import _scan_tokens, _tokens

    lo = data.draw(st.integers(0, len(text) + 2))
    hi = data.draw(st.integers(0, len(text) + 2))
    assert _tokens(text, lo, hi) == _scan_tokens(text, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ÄPr.-’'„“,:1_\n\u0301", max_size=40), st.integers(-3, 3))
def test_scanned_tokens_lie_where_the_token_pattern_matches(text, lo):
    from diplomex.quotation import _TOKEN, _scan_tokens

    part = text[lo:]
    assert _scan_tokens(text, lo, len(text)) == [(lo + m.start(), lo + m.end(), m.group()) for m in _TOKEN.finditer(part)]


def test_quotes_of_uses_the_text_it_is_given(quote_nlp):
    doc = quote_nlp("„Wir bleiben im Gespräch“, sagte Außenministerin Jana Lindqvist in Wien.")
    given = quotes_of(doc, text=doc.text)
    assert given == quotes_of(doc)
    assert [(q.text, q.speaker) for q in given] == [("Wir bleiben im Gespräch", "Jana Lindqvist")]


def test_a_swiss_federal_councillors_title_is_not_part_of_the_speaker():
    record = diplomex.extract("«Wir sind enttäuscht», sagte Bundesrätin Regula Imhof am Mittwoch in Bern.", published="2025-06-04")
    assert [(q.text, q.speaker) for q in record.quotes] == [("Wir sind enttäuscht", "Regula Imhof")]
