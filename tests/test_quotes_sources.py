"""diplomex_quotes: speakers named through statements, documents and views (sentences written for these tests)."""

from __future__ import annotations

import pytest

from diplomex.components.quotes import quotes_of


def only(quote_nlp, text):
    found = quotes_of(quote_nlp(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, speaker", [
    ("In einer Mitteilung des Auswärtigen Amtes heißt es: „Wir verurteilen den Angriff auf das Schärfste.“",
     "des Auswärtigen Amtes"),
    ("„Wir verurteilen den Angriff auf das Schärfste“, heißt es in einer Erklärung des Außenministeriums.",
     "des Außenministeriums"),
    ("„Die Lage bleibt sehr ernst“, hieß es in einer gemeinsamen Stellungnahme der Europäischen Kommission.",
     "der Europäischen Kommission"),
])
def test_document_of_a_body_names_the_body(quote_nlp, text, speaker):
    q = only(quote_nlp, text)
    assert q.speaker == speaker and q.speaker_kind == "organisation"


def test_document_without_author_names_no_one(quote_nlp):
    q = only(quote_nlp, "„Die Lage bleibt sehr ernst“, hieß es in einer Stellungnahme am Abend.")
    assert q.speaker is None


def test_document_of_a_named_minister(quote_nlp):
    q = only(quote_nlp, "„Wir stehen an der Seite der Ukraine“, heißt es in einer Erklärung von Außenminister Karl Brandt.")
    assert q.speaker == "Karl Brandt"


def test_nach_aussagen_names_the_body(quote_nlp):
    q = only(quote_nlp, "Nach Aussagen der Polizei handelte es sich um einen „gezielten Angriff“.")
    assert q.speaker == "der Polizei" and q.cue == "laut"


def test_possessive_view_of_a_named_person(quote_nlp):
    q = only(quote_nlp, "Wolfgang Schäuble will das Verfahren ändern. Nach Schäubles Ansicht soll „im Zweifel die Mehrheit der Stimmen“ entscheiden.")
    assert q.speaker == "Schäuble"


@pytest.mark.parametrize("text, speaker", [
    ("Außenminister Karl Brandt traf am Montag seinen Amtskollegen. Seiner Ansicht nach „sind wir wohl Zeugen eines schwarzen Tages“.",
     "Karl Brandt"),
    ("Die Ministerin Anna Berger traf am Montag ihren Amtskollegen. Nach ihren Worten sind beide Länder „enge Partner in schwierigen Zeiten“.",
     "Anna Berger"),
])
def test_possessive_pronoun_view_resolves(quote_nlp, text, speaker):
    assert only(quote_nlp, text).speaker == speaker


def test_seiner_ansicht_does_not_resolve_to_a_woman(quote_nlp):
    text = "Außenministerin Anna Berger traf am Montag ihren Amtskollegen. Seiner Ansicht nach „sind wir wohl Zeugen eines schwarzen Tages“."
    assert only(quote_nlp, text).speaker is None


def test_laut_after_a_quote_ending_its_sentence_belongs_to_the_next_sentence(quote_nlp):
    text = ("Die Agentur Tass zitiert dazu Karl Brandt mit folgenden Worten: „Diese Banken haben ihre Aufgabe verloren.“ "
            "Laut der gleichen Agentur hält er das für richtig.")
    q = only(quote_nlp, text)
    assert q.speaker == "Karl Brandt" and q.cue != "laut"


def test_a_noun_is_no_speech_verb(quote_nlp):
    text = ("Die Anwältin übergab dem Richter ein Schreiben der Staatsanwaltschaft. "
            "„Wir haben davon nichts gewusst.“")
    assert only(quote_nlp, text).speaker != "der Staatsanwaltschaft"


def test_name_inside_a_prepositional_phrase_is_no_speaker(quote_nlp):
    text = ("Wie die Ministerpräsidentin Anna Berger erklärte, habe sie den Zivilschutz alarmiert. "
            "Bayern sei Österreich nach Sturm Xaver Huber dankbar: „Sie haben uns geholfen, und wir helfen ihnen.“")
    assert only(quote_nlp, text).speaker != "Xaver Huber"


def test_sie_after_a_naming_verb_is_the_object(quote_nlp):
    text = ("In der Studie untersuchte Autorin Vera Holm fast fünfzig Methoden. "
            "Der Hauptgeschäftsführer des BPI nannte sie „fahrlässig“.")
    q = only(quote_nlp, text)
    assert q.speaker == "BPI" and q.speaker_kind == "organisation"


@pytest.mark.parametrize("text, speaker", [
    ("Innenminister Karl Brandt sieht grünes Licht für seine Pläne: „Ich gehe davon aus, dass das Gesetz rasch "
     "kommt“, zitiert die Zeitung den Minister.", "Karl Brandt"),
    ("„Wir bleiben bei unserer Linie“, zitiert die Agentur Außenministerin Anna Berger.", "Anna Berger"),
    ("„Wir bleiben bei unserer Linie“, zitiert die Agentur.", "die Agentur"),
    # a medium named in marks after its article
    ("„Die Betonung liegt auf Video“, schreibt die „Computerwoche“.", "Computerwoche"),
    ("„Das wird das größte Update aller Zeiten“, zitiert die „Computerwoche“ Entwicklerchef Tom Lynch.", "Tom Lynch"),
])
def test_the_one_a_source_quotes_speaks(quote_nlp, text, speaker):
    assert only(quote_nlp, text).speaker == speaker


def test_role_in_the_dative_before_zufolge(quote_nlp):
    text = "Außenministerin Anna Berger traf ihren Kollegen. Der Ministerin zufolge sei das Treffen „ein voller Erfolg“ gewesen."
    assert only(quote_nlp, text).speaker == "Anna Berger"


def test_heading_label_before_the_subject(quote_nlp):
    text = "Europapolitik: Die SPD will am Kurs der Erweiterung festhalten. „Wir wollen ein Europa, auf das man sich verlassen kann.“"
    q = only(quote_nlp, text)
    assert q.speaker == "Die SPD" and q.speaker_kind == "organisation"


def test_possessive_view_before_a_colon(quote_nlp):
    text = ("Bundespräsident Karl Brandt nahm kein Blatt vor den Mund. "
            "Seine Meinung zu dem Streit: „Das darf doch nicht wahr sein, dass man so miteinander umgeht.“")
    assert only(quote_nlp, text).speaker == "Karl Brandt"


def test_regnal_number_does_not_end_the_sentence(quote_nlp):
    text = ("Der Sprecher lobte den Papst. Später sagte Bundeskanzlerin Angela Merkel vor der Presse, Benedikt XVI. "
            "„ist und bleibt einer der bedeutendsten Denker unserer Zeit“.")
    assert only(quote_nlp, text).speaker == "Angela Merkel"


def test_apposition_after_a_description_but_not_after_a_titled_name(quote_nlp):
    text = ("Im Verfahren sollen laut dem Chefankläger des Strafgerichts, Luis Moreno Ocampo, Verbrechen "
            "„von unbeschreiblicher Brutalität“ begangen worden sein.")
    assert only(quote_nlp, text).speaker == "Luis Moreno Ocampo"


def test_er_before_the_speech_verb_is_its_subject_and_a_date_ends_no_sentence(quote_nlp):
    text = ("Botschafter Jonas Weber startete im Hafen. Nach einer Fahrt mit seinen Kollegen Paul Graf und Tim Roth steuerte "
            "er am 20. Juli 1969 das Schiff „Adler“ in den Hafen und meldete sich mit den Worten: „Wir sind angekommen.“")
    quote = quotes_of(quote_nlp(text))[-1]
    assert quote.speaker == "Jonas Weber"


def test_laut_before_a_common_noun_names_no_one(quote_nlp):
    text = "Die Spuren seien laut Gutachtern „unerwartet gering“ gewesen."
    assert only(quote_nlp, text).speaker is None


def test_hiess_es_vom_names_the_speaker(quote_nlp):
    q = only(quote_nlp, "„Alle Anzeichen deuten auf einen Anschlag hin“, hieß es vom Abgeordneten des Föderationsrates Viktor Orlow.")
    assert q.speaker == "Viktor Orlow"


def test_adjectives_and_place_names_in_a_prepositional_phrase(quote_nlp):
    text = ("Seit Jahren ist Berater Jonas Weber in dem kleinen brandenburgischen Ort Kirchdorf an der Havel aktiv. "
            "Im Jahr 2008 erklärte er: „Wir machen das in zehn Sekunden.“")
    assert only(quote_nlp, text).speaker == "Jonas Weber"
