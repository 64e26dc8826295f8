"""diplomex_quotes: the words that say who spoke (``speaker_mention``), also when they name no one
(sentences written for these tests)."""

from __future__ import annotations

import pytest

import diplomex
from diplomex.components.quotes import quotes_of


def only(quote_nlp, text):
    found = quotes_of(quote_nlp(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, mention", [
    ("„Wir sind noch weit von einer Einigung entfernt“, sagte ein Polizeisprecher am Abend.", "ein Polizeisprecher"),
    ("Ein Augenzeuge berichtete: „Plötzlich stand das ganze Dach in Flammen.“", "Ein Augenzeuge"),
    ("„Das Feuer war nicht zu stoppen“, sagte die 56-jährige Anwohnerin.", "die 56-jährige Anwohnerin"),
    ("Die Veranstalter sprachen von einem „großen Erfolg für die ganze Region“.", "Die Veranstalter"),
    ("„Die Lage ist unübersichtlich“, sagte ein Reporter des Senders Radio Nord.", "ein Reporter des Senders Radio Nord"),
    ("Nach Aussagen einer Anwohnerin war der Lärm „kaum auszuhalten“.", "einer Anwohnerin"),
    ("„Die Morde hätten verhindert werden können“, so die Vorwürfe der Anwältin.", "die Vorwürfe der Anwältin"),
    # groups, by a quantifier or a partitive "einer der"
    ("Einer der beteiligten Feuerwehrleute sagte: „So etwas habe ich noch nie gesehen.“", "Einer der beteiligten Feuerwehrleute"),
    ("Einige Demonstranten riefen: „Wir wollen Neuwahlen!“", "Einige Demonstranten"),
    ("Beide Seiten erklärten, man wolle „alle Truppen“ abziehen.", "Beide Seiten"),
    ("Die Minister trafen sich in Wien. „Wir sind uns einig“, sagten beide.", "beide"),
    # documents without an author
    ("„Die Grenze bleibt geschlossen“, heißt es in dem Schreiben.", "dem Schreiben"),
    ("Auf der Homepage heißt es dazu: „Der Eintritt ist frei.“", "der Homepage"),
    ("Im Abschlussbericht hieß es knapp: „Die Ursache bleibt unklar.“", "Abschlussbericht"),
    ("In einer Erklärung der Außenminister hatte es geheißen: „Es gibt keine militärische Lösung.“",
     "einer Erklärung der Außenminister"),
    # a possessive instead of an article
    ("Nach dem Urteil teilte dessen Anwalt mit: „Wir gehen in Berufung.“", "dessen Anwalt"),
    ("„Sie ist sehr erleichtert“, sagte ihre Sprecherin am Abend.", "ihre Sprecherin"),
    ("„Die Lage ist ernst“, sagten Vertreter der Opposition am Montag.", "Vertreter der Opposition"),
    # a number before a capitalised word makes a quantity, not a name; the subject speaks
    ("Die Länder erwarten Kosten von zwei Milliarden Euro, die durch einen „erheblichen Nachholbedarf“ entstünden.",
     "Die Länder"),
])
def test_a_nameless_speaker_is_described_not_named(quote_nlp, text, mention):
    q = only(quote_nlp, text)
    assert q.speaker is None  # never a guessed name
    assert q.speaker_mention == mention and q.mention_kind == "description"


def test_a_named_speaker_is_its_own_mention(quote_nlp):
    q = only(quote_nlp, "„Wir setzen die Gespräche fort“, sagte Außenministerin Anna Berger.")
    assert q.speaker == "Anna Berger" and q.speaker_mention == "Anna Berger" and q.mention_kind == "person"


def test_a_pronoun_is_the_mention_and_its_person_the_speaker(quote_nlp):
    text = "Außenministerin Anna Berger traf am Montag ihren Amtskollegen. „Wir bleiben im Gespräch“, sagte sie danach."
    q = only(quote_nlp, text)
    assert q.speaker == "Anna Berger"
    assert q.speaker_mention == "sie" and q.mention_kind == "pronoun"


def test_a_quote_continuing_a_speaker_keeps_the_first_mention(quote_nlp):
    text = "„Wir sind bereit“, sagte ein Sprecher der Regierung in Kiew. „Die Gespräche sind für Mai geplant.“"
    first, second = quotes_of(quote_nlp(text))
    assert second.speaker == first.speaker
    assert second.speaker_mention == first.speaker_mention


def test_a_described_speaker_does_not_hide_a_name_after_the_verb(quote_nlp):
    q = only(quote_nlp, "Der Zeitung sagte der Abgeordnete Jonas Keller: „Wir lehnen den Entwurf ab.“")
    assert q.speaker == "Jonas Keller" and q.speaker_mention == "Jonas Keller"


@pytest.mark.parametrize("text", [
    "Das Buch erschien im Mai. „Es ist ein großer Wurf für die Forschung.“",
    "Der Bau der Pipeline begann 2019. „Wir liegen im Plan.“",
])
def test_a_thing_is_no_speaker_mention(quote_nlp, text):
    q = only(quote_nlp, text)
    assert q.speaker is None and q.speaker_mention is None


def test_a_phrase_inside_the_quote_is_no_source(quote_nlp):
    q = only(quote_nlp, "„Änderungen in einem Minderheitenparlament brauchen Geduld“, hieß es.")
    assert q.speaker_mention is None


def test_mentions_reach_the_quotes_table():
    text = ("Berlin (dpa) - Die Gespräche in Genf dauern an. „Wir sind noch weit von einer Einigung entfernt“, "
            "sagte ein Diplomat am Montag.")
    frames = diplomex.extract_many([{"id": "a1", "text": text, "published": "2025-03-03"}])
    row = frames.quotes.iloc[0]
    assert row["speaker_mention"] == "ein Diplomat" and row["mention_kind"] == "description"
    assert frames.quotes["speaker"].isna().all()


def test_laut_with_a_description_is_the_cue(quote_nlp):
    q = only(quote_nlp, "Das Konzept ist laut einem Jury-Mitglied eine „kluge und mutige Antwort auf die Krise“.")
    assert q.cue == "laut" and q.speaker is None
    assert q.speaker_mention == "einem Jury-Mitglied" and q.mention_kind == "description"


@pytest.mark.parametrize("text, mention, speaker", [
    ("Seine Entwürfe werden von Fachleuten als „Meilensteine der Architektur“ bezeichnet.", "Fachleuten", None),
    ("Der Plan wurde vom Auswärtigen Amt als „unausgegoren“ kritisiert.", "Auswärtigen Amt", "Auswärtigen Amt"),
    # no agent: the subject of a passive is what was spoken of, not who spoke
    ("Der Minister wurde gestern in einem Leitartikel als „ein großer Reformer“ bezeichnet.", None, None),
    ("Kritiker Jonas Keller wurde in der Debatte als „Nestbeschmutzer der Nation“ bezeichnet.", None, None),
])
def test_the_agent_of_a_passive_speech_verb_speaks(quote_nlp, text, mention, speaker):
    q = only(quote_nlp, text)
    assert q.speaker_mention == mention and q.speaker == speaker


def test_a_cue_is_looked_for_in_the_quotes_own_sentence_only(quote_nlp):
    text = ("Die Firma hält die Kritik für ungerechtfertigt: „Wir lagern die Ware nur vorübergehend.“ "
            "Der Geschäftsführer fragte: „Was spricht dagegen?“")
    first, second = quotes_of(quote_nlp(text))
    assert first.cue != "spricht"  # a verb of the next sentence's quote is no cue of the first
    assert first.speaker_mention == "Die Firma" and second.cue == "fragte"


def test_a_document_introduced_by_darin_speaks_for_the_body_before(quote_nlp):
    text = ("Die Staatsanwaltschaft gab am Dienstag eine Stellungnahme ab. Darin steht unter anderem: "
            "„Wir bedauern die Fehler bei der Fahndung.“")
    q = only(quote_nlp, text)
    assert q.speaker == "Die Staatsanwaltschaft" and q.speaker_kind == "organisation"


def test_a_quote_in_reported_speech_takes_the_mention_that_began_it(nlp):
    text = ("Außenminister Jonas Keller sprach am Abend in Wien. Er sagte, die Lage sei ernst. "
            "Das Schicksal der Region stehe „auf Messers Schneide“.")
    q = quotes_of(nlp(text))[0]
    assert q.speaker == "Jonas Keller"
    assert q.speaker_mention == "Er" and q.mention_kind == "pronoun"


def test_heisst_es_aus_a_body_names_the_body(quote_nlp):
    q = only(quote_nlp, "„Die Lage ist ernst“, hieß es am Abend aus dem Auswärtigen Amt.")
    assert q.speaker_kind == "organisation" and q.speaker_mention == "dem Auswärtigen Amt"


def test_a_swiss_title_is_no_part_of_the_mention(quote_nlp):
    q = only(quote_nlp, "Die Schweizer Bundesrätin Karin Keller-Sutter sagte in Bern: «Die Schweiz bleibt neutral.»")
    assert q.speaker == q.speaker_mention == "Karin Keller-Sutter"


def test_a_bare_role_refers_to_the_one_listed_office_holder_before(nlp):
    text = "„Wir haben keine Eile“, sagte Lawrow in Moskau. Der Minister fügte hinzu: „Die Gespräche gehen weiter.“"
    first, second = quotes_of(nlp(text))
    assert second.speaker_mention == "Minister" and second.mention_kind == "role"
    assert second.speaker == first.speaker == "Lawrow"


def test_a_bare_role_with_two_holders_before_stays_unresolved(nlp):
    text = "Lawrow traf Rubio in Riad. „Wir bleiben im Gespräch“, sagte der Minister danach."
    q = quotes_of(nlp(text))[0]
    assert q.speaker is None and q.speaker_mention == "Minister"


@pytest.mark.parametrize("text, speaker, mention", [
    ("Laut der Nachrichtenagentur Reuters bezeichnete ein hochrangiger Diplomat die Gespräche als „konstruktiv“.",
     None, "ein hochrangiger Diplomat"),
    ("Energieminister Rafael Ramirez stellte die Pläne vor. Laut BBC sagte der Minister, das Projekt sei „ein Meilenstein“.",
     "Rafael Ramirez", "Minister"),
])
def test_who_speaks_after_a_laut_source_is_the_speaker(quote_nlp, text, speaker, mention):
    q = only(quote_nlp, text)
    assert q.speaker == speaker and q.speaker_mention == mention


def test_an_institution_takes_the_name_after_it(quote_nlp):
    q = only(quote_nlp, "„Die Verhandlungen sind gescheitert“, meldete die Nachrichtenagentur Reuters am Abend.")
    assert q.speaker == "die Nachrichtenagentur Reuters" and q.speaker_kind == "organisation"


@pytest.mark.parametrize("text, speaker", [
    # the subject right before the verb of the quote's own comma clause
    ("Der Stürmer nannte den Platzverweis „überzogen“, Trainer Jonas Keller bezeichnete die Karten als „übertrieben“.",
     "Jonas Keller"),
    # a titled name after the verb, behind a nominative article of its gender, is the subject
    ("Den Angriff nannte der israelische Ministerpräsident Avi Berger „schnell und entschieden“.", "Avi Berger"),
    ("Die Einigung nannte die Außenministerin Anna Berger „einen Durchbruch“.", "Anna Berger"),
    # the main clause speaks, not the relative clause after its object
    ("Richter Paul Seidl kritisiert Internetforen, in denen die Rechte der Beteiligten „mit Füßen getreten“ wurden.",
     "Paul Seidl"),
    # a title followed by a country in the genitive, then the name in apposition
    ("Nach den Worten des Innenministers Frankreichs, Louis Garnier, ist die Lage „unter Kontrolle“.", "Louis Garnier"),
    # a full name closing a role's apposition, with the comma after it left out
    ("Als „verpasste Chance“ wertete der Geschäftsführer der Fraktion der Grünen, Jonas Keller das Treffen.", "Jonas Keller"),
    # a sentence opened by "Für" and a person gives that person's view
    ("Für den Historiker Paul Seidl sei der Rücktritt „aus vielen Gründen ein Wendepunkt“.", "Paul Seidl"),
    # a compound title after a body's name: the person after it speaks
    ("Human Rights Watch-Sprecherin Berger sagte: „Die Lage der Gefangenen ist dramatisch.“", "Berger"),
    # a pronoun opening the reported clause gives way to the speaker named after the verb
    ("Sie sei „zutiefst erschüttert“ über den Anschlag, sagte die Außenministerin Anna Berger.", "Anna Berger"),
    # the speaker between the auxiliary and the participle
    ("Ihre Arbeit sei „nicht frei von Fehlern“ gewesen, hatte Anna Berger damals gesagt.", "Anna Berger"),
    # speech verbs beyond "sagte": how someone said it
    ("„Das ist ein Witz“, polterte Jonas Keller in der Debatte.", "Jonas Keller"),
    ("„Wir bleiben dabei“, beteuerte Anna Berger am Abend.", "Anna Berger"),
])
def test_speaker_by_clause_structure(quote_nlp, text, speaker):
    assert quotes_of(quote_nlp(text))[-1].speaker == speaker


@pytest.mark.parametrize("text, mention", [
    ("Der Vertreter Libyens nannte die Sanktionen eine Hilfe gegen das „faschistische Regime“.", "Vertreter"),
    ("Die Außenminister Frankreichs und Italiens begrüßten den „mutigen Schritt“.", "Die Außenminister"),
])
def test_a_role_without_a_name_names_no_one(quote_nlp, text, mention):
    text = "Außenminister Luca Bianchi reiste nach Rom. " + text
    q = only(quote_nlp, text)
    assert q.speaker is None and q.speaker_mention == mention


def test_a_spokeswoman_of_a_body_is_not_a_quantified_group(quote_nlp):
    q = only(quote_nlp, "Die Lage sei „weiterhin angespannt“, so eine Sprecherin der Heilsarmee.")
    assert q.speaker == "Heilsarmee" and q.speaker_kind == "organisation"


def test_a_proposal_of_a_named_person_is_theirs(quote_nlp):
    text = "Innenminister Wolfgang Keller schlägt eine Reform vor. Nach Kellers Vorschlag soll „im Zweifel die Mehrheit“ entscheiden."
    assert only(quote_nlp, text).speaker == "Keller"


@pytest.mark.parametrize("text, speaker", [
    # a description clause with the name in apposition, after another clause with its own subject
    ("Ministerin Susanne Ecker wies das zurück, die Sprecherin der Fraktion, Sandra Boser (Grüne), erklärte: "
     "„Neiddebatten schaden allen.“", "Sandra Boser"),
    # the apposition of the name before is no subject of its own
    ("Henk Jaap Meijer, Laborleiter der Emsland Stärke GmbH, erklärte: „Wir sehen keine Möglichkeit.“", "Henk Jaap Meijer"),
    # a coordinated verb keeps the subject of the first: the name after it is its object
    ("In seiner Stellungnahme lobte Ministerpräsident Avi Berger den Einsatz und nannte Trumps Angriffsbefehl "
     "„schnell und entschieden“.", "Avi Berger"),
    # a period without the space after it still ends the sentence
    ("„Ich trete zurück“, sagte der Papst.Der ältere Bruder des Papstes, Georg Ratzinger, war überrascht.", None),
])
def test_speaker_across_commas_and_clauses(quote_nlp, text, speaker):
    assert quotes_of(quote_nlp(text))[0].speaker == speaker


def test_a_genitive_attribute_is_no_acting_body(quote_nlp):
    text = "Demonstranten zogen vor den Sitz der Hongkonger Verwaltung und skandierten Sprüche wie „Gefälschte Demokratie“."
    assert only(quote_nlp, text).speaker is None


@pytest.mark.parametrize("text, speaker", [
    ("Der türkische Außenminister Hakan Yilmaz reiste nach Berlin. „Die Lasten müssen fair verteilt werden“, "
     "so der türkische Chefdiplomat.", "Hakan Yilmaz"),
    ("Der italienische Ministerpräsident Luca Bianchi traf den Kanzler. „Wir sind uns einig“, sagte der "
     "italienische Regierungschef.", "Luca Bianchi"),
    # a party politician: the one politician of the party's country named before
    ("Der deutsche Außenminister Jonas Keller reiste nach Peking. «Wir wollen den Dialog stärken», sagte der CDU-Politiker.",
     "Jonas Keller"),
    # a holder of the noun itself comes before the titles it stands for
    ("Der Linkspolitiker Paul Seidl traf den thailändischen Ministerpräsidenten Somchai Wong. „Hilfe muss ankommen“, "
     "sagte der Politiker.", "Paul Seidl"),
])
def test_a_generic_role_noun_refers_to_the_title_it_stands_for(nlp, text, speaker):
    q = quotes_of(nlp(text))[0]
    assert q.speaker == speaker and q.mention_kind == "role"


@pytest.mark.parametrize("text, speaker", [
    ("Außenministerin Anna Berger traf ihren Amtskollegen Li Wei. Dieser sagte: „China ist zum Dialog bereit.“", "Li Wei"),
    ("Kanzler Jonas Keller traf den Präsidenten Louis Garnier, dieser sagte: „Wir sind Freunde.“", "Louis Garnier"),
])
def test_dieser_refers_to_the_man_named_last(nlp, text, speaker):
    q = quotes_of(nlp(text))[0]
    assert q.speaker == speaker and q.speaker_mention.lower() == "dieser" and q.mention_kind == "pronoun"


def test_laut_a_surname_the_ner_knows_names_the_speaker(nlp):
    q = quotes_of(nlp("Laut Selenskyj ist die Lage an der Front „extrem schwierig“."))[0]
    assert q.speaker == "Selenskyj" and q.speaker_kind == "person" and q.cue == "laut"
    q = quotes_of(nlp("Laut Gutachtern ist der Schaden „erheblich größer als gedacht“."))[0]
    assert q.speaker is None and q.mention_kind == "description"


def test_an_institution_word_before_a_full_name_is_a_title(quote_nlp):
    q = only(quote_nlp, "«Wir lehnen das ab», sagte Bundesrat Ignazio Cassis in Bern.")
    assert q.speaker == "Ignazio Cassis" and q.speaker_kind == "person"


def test_a_place_adjective_before_a_role_is_part_of_the_role(quote_nlp):
    q = only(quote_nlp, "Die Schweizer Außenministerin sagte in Bern: «Die Schweiz bietet ihre guten Dienste an.»")
    assert q.speaker is None and q.speaker_mention == "Außenministerin" and q.mention_kind == "role"


def test_a_noun_in_krat_is_a_person_not_a_council(quote_nlp):
    q = only(quote_nlp, "Der Sozialdemokrat sagte am Abend: „Das machen wir nicht mit.“")
    assert q.speaker is None and q.speaker_mention == "Der Sozialdemokrat" and q.mention_kind == "description"


def test_a_pronoun_does_not_reach_past_a_subject_that_names_no_one():
    from diplomex.quotation import previous_subject

    text = ("Eines der Opfer, Peter Wolf, ist verschwunden. Der Deutsche Ziemer ist Koordinator des Plans. "
            "In einem Interview erklärte er: „Der Anblick ist spektakulär.“")
    rejected = "Deutsche Ziemer"  # as an NER that reads the subject as an organisation would reject it
    is_person = lambda m: None if text[m.start : m.end] == rejected else m  # noqa: E731
    assert previous_subject(text, text.index("In einem"), is_person=is_person) is None
    found = previous_subject(text, text.index("In einem"))
    assert text[found.start : found.end] == rejected
