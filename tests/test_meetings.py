"""Meetings: one record per event, with type, status, participants, parties, place and date."""

import pytest

import diplomex

from meeting_cases import meetings


def test_visit_with_host_guest_place_and_date():
    (m,) = meetings("Der kenianische Präsident Samuel Ruto empfing am Montag in Nairobi den spanischen Ministerpräsidenten Pablo Ortega.")
    assert m.type == "visit"
    assert set(m.participants) == {"Samuel Ruto", "Pablo Ortega"}
    assert set(m.parties) == {"KE", "ES"}
    assert (m.location, m.country, m.date, m.status) == ("Nairobi", "KE", "2025-03-10", "held")


def test_phone_call_has_no_place():
    (m,) = meetings("Bundeskanzlerin Petra Lang hat am Dienstag mit dem japanischen Premierminister Kenji Sato in Tokio telefoniert.")
    assert (m.type, m.location, m.date) == ("call", None, "2025-03-11")


def test_summit():
    (m,) = meetings("Beim Gipfeltreffen der G20 in Johannesburg sprach Präsidentin Amara Diallo über Schulden.")
    assert m.type == "summit"
    assert m.location == "Johannesburg"


def test_mentions_over_several_sentences_are_one_event():
    text = (
        "Die Außenminister Norwegens und Chiles, Lars Jensen und Camila Soto, trafen sich am Montag in Oslo. "
        "Das Treffen dauerte drei Stunden. Nach dem Gespräch sagte Jensen, man habe viel erreicht."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Lars Jensen", "Camila Soto"}
    assert (m.location, m.date) == ("Oslo", "2025-03-10")


def test_different_places_stay_apart():
    text = (
        "Der ägyptische Außenminister Omar Nabil traf am Montag in Kairo den jordanischen Gesandten Hani Saleh. "
        "Zuvor hatte Nabil Mitte Februar in Genf den Schweizer Diplomaten Urs Keller getroffen."
    )
    found = meetings(text)
    assert len(found) == 2
    assert {m.location for m in found} == {"Kairo", "Genf"}


def test_working_level_delegations_are_talks_with_parties_without_persons():
    (m,) = meetings("Diplomaten Indiens und Pakistans haben am Dienstag in Doha Gespräche über den Grenzverlauf geführt.")
    assert m.type == "talks"
    assert set(m.parties) == {"IN", "PK"}
    assert m.location == "Doha"


def test_planned_meeting():
    (m,) = meetings("Die Präsidenten Brasiliens und Argentiniens, Marina Costa und Diego Ruiz, wollen sich kommende Woche in Montevideo treffen.")
    assert m.status == "planned"
    assert m.date == "2025-W12"


def test_cancelled_meeting():
    (m,) = meetings("Das für Freitag geplante Treffen zwischen Außenminister Karl Brenner und seiner Amtskollegin Ana Silva wurde abgesagt.")
    assert m.status == "cancelled"


@pytest.mark.parametrize("further", [
    "Ein weiteres Treffen wurde bereits vereinbart.",
    "Das nächste Treffen ist für Mitte April in Abuja geplant.",
])
def test_follow_up_agreed_is_not_a_new_event(further):
    text = "Unterhändler Ghanas und Nigerias sind am Montag in Accra zusammengekommen. " + further
    (m,) = meetings(text)
    assert m.follow_up is True


def test_press_conference_is_not_a_meeting():
    assert meetings("Auf einer Pressekonferenz in Wien äußerte sich Ministerin Julia Hofer zum Haushalt.") == ()


def test_no_triggers_no_meetings():
    assert meetings("Die Inflation in der Eurozone ist im Februar leicht gesunken.") == ()


@pytest.mark.parametrize("verb", ["kamen am Montag in Riad zusammen", "berieten am Montag in Riad"])
def test_separable_and_plain_verbs(verb):
    (m,) = meetings(f"Die Außenminister Jordaniens und Omans, Ali Haddad und Salim Harthi, {verb}.")
    assert m.location == "Riad"


def test_a_speaker_about_talks_is_not_a_participant_nor_her_country_a_party():
    text = "Die dänische Ministerin Freja Holm erklärte, dass die Verhandlungen zwischen Schweden und Norwegen in Kopenhagen weitergehen müssten."
    (m,) = meetings(text)
    assert m.participants == ()
    assert set(m.parties) == {"SE", "NO"}
    assert m.location == "Kopenhagen"


def test_one_country_alone_is_no_event():
    assert meetings("Die Verhandlungen mit Moldau waren im Herbst ins Stocken geraten.") == ()


def test_ministers_of_an_organisation_meet_in_council():
    text = (
        "Die Außenminister der Mitgliedstaaten der Europäischen Union sind am Montag in Luxemburg zu einem Treffen zusammengekommen. "
        "Beim Treffen ging es um Sanktionen. Nach dem Treffen reisten die Minister ab."
    )
    (m,) = meetings(text)
    assert (m.type, m.location) == ("summit", "Luxemburg")
    assert "EU" in m.parties


def test_talks_with_a_country_make_it_a_party():
    (m,) = meetings("Die kanadische Ministerin Anne Roy führte am Dienstag in Ottawa Gespräche mit Mexiko.")
    assert set(m.parties) == {"CA", "MX"}


def test_genitive_name_in_the_headline_is_the_same_participant():
    text = (
        "Carla Duartes Besuch in Lissabon\n"
        "Die brasilianische Präsidentin Carla Duarte hat am Montag in Lissabon den portugiesischen Premierminister Rui Matos getroffen."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Carla Duarte", "Rui Matos"}


def test_pronoun_subject_continues_the_person_named_before():
    text = (
        "Der chinesische Außenminister Liu Jian wird am Donnerstag zu Gesprächen in Berlin erwartet. "
        "Er soll auch mit Außenminister Paul Kramer zusammentreffen."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Liu Jian", "Paul Kramer"}
    assert (m.status, m.location, m.date) == ("planned", "Berlin", "2025-03-13")


def test_talks_between_a_state_and_an_armed_group():
    (m,) = meetings("Die für Dienstag geplanten Gespräche zwischen Israel und der Hamas in Kairo sind abgesagt worden.")
    assert (m.status, m.location) == ("cancelled", "Kairo")
    assert set(m.parties) == {"IL", "Hamas"}


def test_agreeing_on_a_new_meeting_during_a_call_is_a_follow_up():
    (m,) = meetings("Bei einem Telefonat vereinbarten Kanzler Jonas Vogt und Präsidentin Lea Moreau ein baldiges Treffen in Paris.")
    assert (m.type, m.follow_up) == ("call", True)


def test_the_host_country_of_a_visit_is_a_party():
    (m,) = meetings("Der norwegische Ministerpräsident Erik Dahl ist am Montag zu einem Staatsbesuch in Polen eingetroffen.")
    assert (m.type, m.location) == ("visit", "Polen")
    assert set(m.parties) == {"NO", "PL"}


def test_summit_mentions_with_and_without_names_are_one_summit():
    text = (
        "In Den Haag hat am Montag der Gipfel der G7 begonnen. "
        "Auch Präsidentin Maria Lopes nahm am Gipfel teil und sprach über Handelsfragen."
    )
    (m,) = meetings(text)
    assert (m.type, m.location) == ("summit", "Den Haag")
    assert m.participants == ("Maria Lopes",)


def test_council_of_an_organisations_members_and_postponement():
    (m,) = meetings("Das für Donnerstag geplante Treffen der Außenminister der Nato-Staaten in Brüssel wurde verschoben.")
    assert (m.type, m.status, m.location) == ("summit", "cancelled", "Brüssel")
    assert m.parties == ("NATO",)


def test_a_persons_country_carries_over_to_later_mentions():
    text = (
        "Die lettische Präsidentin Ilze Ozola besuchte am Montag Vilnius. "
        "Am Dienstag traf Ozola in Warschau den polnischen Präsidenten Adam Nowak."
    )
    warsaw = next(m for m in meetings(text) if m.location == "Warschau")
    assert set(warsaw.parties) == {"LV", "PL"}


def test_passing_mention_of_a_planned_conference_does_not_take_the_meeting():
    text = (
        "Kanzlerin Ida Berg hat am Dienstag in Oslo den Premier Leo Falk empfangen. "
        "Die beiden sprachen auch über die geplante Konferenz in Lugano. "
        "„Das war ein gutes Gespräch“, sagte Berg nach dem Treffen."
    )
    (oslo,) = meetings(text)  # the conference names no one taking part: no event of its own
    assert (oslo.location, set(oslo.participants)) == ("Oslo", {"Ida Berg", "Leo Falk"})


def test_an_event_needs_a_person_or_a_party():
    assert meetings("Die Verhandlungen sollen im Frühjahr weitergehen.") == ()


def test_ministers_talking_in_person_is_a_meeting_diplomats_talking_is_talks():
    (ministers,) = meetings("Die Außenminister Kenias und Ghanas, Amina Otieno und Kofi Mensah, berieten am Montag in Accra.")
    (diplomats,) = meetings("Diplomaten Kenias und Ghanas berieten am Montag in Accra.")
    assert (ministers.type, diplomats.type) == ("meeting", "talks")


@pytest.mark.parametrize("phrase, place", [
    ("im georgischen Batumi", "Batumi"),
    ("in der südkoreanischen Hauptstadt Seoul", "Seoul"),
    ("auf der Insel Kreta", "Kreta"),
    ("in der Hafenstadt Odessa", "Odessa"),
])
def test_place_after_adjectives_and_place_nouns(phrase, place):
    (m,) = meetings(f"Die Außenminister Armeniens und Aserbaidschans, Aram Petrosjan und Elchin Mammadow, trafen sich am Montag {phrase}.")
    assert m.location == place


def test_summit_named_after_its_city():
    (m,) = meetings("BRÜSSEL (dpa) - Der Nato-Gipfel von Vilnius hat am Dienstag begonnen.")
    assert (m.type, m.location) == ("summit", "Vilnius")


def test_a_place_in_a_role_is_not_the_meeting_place():
    (m,) = meetings("Regierungschef Ardian Gashi traf am Montag den Leiter der EU-Mission im Kosovo, Henrik Sand, zu einem Gespräch.")
    assert set(m.participants) == {"Ardian Gashi", "Henrik Sand"}
    assert m.location is None


def test_a_place_belongs_to_the_nearest_mention():
    text = "Kanzler Olaf Brandt und Präsident Pierre Lenoir sprachen am Rande des G20-Gipfels in Neu-Delhi miteinander."
    found = {m.type: m for m in meetings(text)}
    assert found["summit"].location == "Neu-Delhi"


def test_country_prefix_on_a_conference_is_its_topic():
    (m,) = meetings("Die Nato-Außenminister wollen sich am Montag zu einer Syrien-Konferenz in Brüssel treffen.")
    assert (m.type, m.status, m.location) == ("summit", "planned", "Brüssel")
    assert m.parties == ("NATO",)


def test_participants_listed_in_a_sentence_without_a_trigger_word():
    text = (
        "Wien (APA) – Die Staats- und Regierungschefs Südamerikas beraten seit Montag auf einem Gipfel in Quito über Energiefragen. "
        "Neben Gastgeber Daniel Noboa nehmen Javier Milei (Argentinien), Gabriel Boric (Chile) und Santiago Peña aus Paraguay teil. "
        "Brasiliens Präsident Marcos Lima lässt sich durch seinen Außenminister Tiago Reis vertreten."
    )
    (m,) = meetings(text)
    assert m.type == "summit"
    assert {"Javier Milei", "Gabriel Boric", "Santiago Peña", "Tiago Reis"} <= set(m.participants)
    assert "Marcos Lima" not in m.participants
    assert {"AR", "CL", "PY", "BR"} <= set(m.parties)


def test_the_head_of_the_organisation_speaking_after_its_council_takes_part():
    text = (
        "Bei einem Treffen der Nato-Außenminister in Brüssel sagte US-Außenministerin Karen Hale, man stehe zusammen. "
        "Nato-Generalsekretär Lars Aasen erklärte die Debatte daraufhin für beendet."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Karen Hale", "Lars Aasen"}


def test_ministers_of_several_countries_agreeing_to_meet_is_a_conference():
    text = (
        "BERLIN (dpa) - Für Donnerstag ist ein Treffen der Vermittler in Genf geplant. "
        "An diesen Gesprächen werden die Außenminister Frankreichs, Italiens, Spaniens und Polens teilnehmen. "
        "Japan wird seinen Vizeaußenminister entsenden."
    )
    (m,) = meetings(text)
    assert (m.type, m.status, m.location, m.date) == ("summit", "planned", "Genf", "2025-03-13")
    assert {"FR", "IT", "ES", "PL", "JP"} <= set(m.parties)


def test_organisation_ministers_in_a_truncated_compound():
    (m,) = meetings("Die EU-Außen- und Verteidigungsminister beraten am Montag in Luxemburg über die Mission.")
    assert (m.type, m.parties, m.location) == ("summit", ("EU",), "Luxemburg")


def test_a_summit_of_named_organisations_is_no_other_summit():
    text = (
        "Präsident Tom Hardy will einen Klimagipfel in Boston ausrichten. "
        "Zuvor nimmt er in Rom am G20-Treffen teil."
    )
    summits = meetings(text)
    assert {m.location for m in summits} == {"Boston", "Rom"}


def test_a_date_after_publication_makes_the_event_planned():
    (m,) = meetings("Die Außenminister Kenias und Ghanas, Amina Otieno und Kofi Mensah, kommen am 20. März in Accra zusammen.")
    assert (m.status, m.date) == ("planned", "2025-03-20")


def test_a_definite_mention_that_says_planned_sets_the_status():
    text = (
        "Die Frist läuft bis zum G20-Gipfel in Rio. "
        "Das Treffen in Rio ist für den 24. und 25. März geplant."
    )
    (m,) = meetings(text)
    assert (m.status, m.location, m.date) == ("planned", "Rio", "2025-03-24")


def test_a_mention_without_names_is_continued_by_the_next_sentence():
    text = (
        "Am Sonntag trafen sich die Präsidenten beider Länder auf der Insel Bali. "
        "Der indonesische Präsident Budi Santoso und sein malaysischer Kollege Anwar Hakim eröffneten gemeinsam eine Schule."
    )
    (m,) = meetings(text)
    assert (m.type, m.location, m.date) == ("meeting", "Bali", "2025-03-09")
    assert set(m.participants) == {"Budi Santoso", "Anwar Hakim"}
    assert set(m.parties) == {"ID", "MY"}


def test_an_organisations_summit_named_in_passing_keeps_its_own_place_and_the_meetings():
    text = (
        "G20-Gipfel: Streit um Zölle\n"
        "Präsident Tom Hardy will einen Klimagipfel ausrichten, der im Mai in Boston stattfinden soll. "
        "Hardy hatte bei seinem Treffen mit Präsident Ivan Petrov in Minsk im Vorfeld des G20-Treffens davor gewarnt. "
        "Nach dem Willen des G20-Gipfels von Osaka sollen die Zölle sinken."
    )
    found = {(m.type, m.location) for m in meetings(text)}
    assert found == {("summit", "Osaka"), ("summit", "Boston"), ("meeting", "Minsk")}


def test_summoning_an_ambassador():
    (m,) = meetings("BERLIN (dpa) - Das Auswärtige Amt bestellte am Dienstag den russischen Botschafter Pawel Iwanow ein.")
    assert (m.participants, m.date) == (("Pawel Iwanow",), "2025-03-11")
    assert "RU" in m.parties


def test_calling_off_with_a_separable_verb():
    (m,) = meetings("Präsident Emil Novak sagte das für Freitag geplante Treffen mit Premier Jan Kral kurzfristig ab.")
    assert m.status == "cancelled"


def test_a_further_meeting_agreed_with_nothing_before_is_a_planned_meeting():
    (m,) = meetings("Die Außenminister Chiles und Perus vereinbarten ein weiteres Treffen im Mai.")
    assert (m.status, set(m.parties), m.date) == ("planned", {"CL", "PE"}, "2025-05")


@pytest.mark.parametrize("text", [
    "Das Gespräch zwischen Kanzler Felix Roth und Präsident Omar Said fand per Videokonferenz statt.",
    "Kanzler Felix Roth sprach am Montag telefonisch mit Präsident Omar Said.",
])
def test_talks_by_video_or_telephone_are_calls(text):
    (m,) = meetings(text)
    assert m.type == "call"


def test_a_bare_title_refers_to_the_person_named_with_it_before():
    text = (
        "Der ghanaische Präsident Kwame Asante warnte vor einer Eskalation. "
        "Am Abend führte der ghanaische Präsident in Accra Gespräche mit dem togoischen Premier Faure Mensah."
    )
    (m,) = meetings(text)
    assert set(m.participants) == {"Kwame Asante", "Faure Mensah"}
    assert set(m.parties) == {"GH", "TG"}


def test_ministers_listed_by_country_are_the_ministers_named_before():
    text = (
        "Die spanische Außenministerin Lucía Romero und der polnische Außenminister Piotr Zieliński äußerten sich am Morgen. "
        "Am Donnerstag beraten die Außenminister Spaniens, Polens und Italiens in Madrid."
    )
    madrid = next(m for m in meetings(text) if m.location == "Madrid")
    assert {"Lucía Romero", "Piotr Zieliński"} <= set(madrid.participants)


def test_a_stay_abroad_is_a_visit_and_a_later_council_elsewhere_another_event():
    text = (
        "Zürich (sda) – Außenministerin Paula Brandt hatte bei ihrem Aufenthalt in Georgien die Reformen gelobt. "
        "Am Freitag sagte Brandt bei einem Treffen der Nato-Außenminister in Brüssel, man stehe an der Seite Kiews."
    )
    found = {m.type: m for m in meetings(text)}
    assert (found["visit"].location, found["summit"].location) == ("Georgien", "Brüssel")


def test_two_leaders_coming_to_terms_have_talked():
    (m,) = meetings("Präsident Milan Kovač und Regierungschef Aleš Horvat haben sich nach langen Diskussionen auf eine gemeinsame Linie verständigt.")
    assert set(m.participants) == {"Milan Kovač", "Aleš Horvat"}


def test_a_conference_named_by_its_subject_is_not_the_summit_before():
    text = (
        "Die G7-Staaten wollen sich im Juni in Rom zu einem Gipfel treffen. "
        "Der auf der Konferenz für Cybersicherheit anwesende Außenminister Indiens, Raj Mehta, reagierte gelassen."
    )
    found = meetings(text)
    assert len(found) == 2
    assert next(m for m in found if m.participants).participants == ("Raj Mehta",)


def test_suffix_lookup_takes_the_longest_then_first_listed_row():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from diplomex.components.meetings import suffix_entry, trigger_table

    rows = trigger_table()[1]
    keys = [key for key, _, _ in rows]

    def scan(forms):  # the plain reading of the table: first row, longest first, that ends a form
        return next(((kind, requires) for key, kind, requires in rows if any(f.endswith(key) for f in forms)), None)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(keys + ["en", "s", "ge", "x", "n"]), min_size=1, max_size=3))
    def check(pieces):
        word = "".join(pieces)
        forms = (word, word[:-1], word[:-2])
        assert suffix_entry(forms) == scan(forms)

    check()


def test_venue_base_strips_case_endings():
    from diplomex.components.meetings import venue_base

    assert venue_base("US-Generalkonsulats") == "US-Generalkonsulat"
    assert venue_base("Hauptquartier") == "Hauptquartier"
    assert venue_base("Wetter") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Auswärtige Amt hat am Dienstag den iranischen Botschafter Hamid Sadeghi einbestellt.", {"DE", "IR"}),
    ("Der Kreml bestellte die estnische Botschafterin Kaja Rebane ein.", {"RU", "EE"}),
])
def test_a_summoning_government_body_makes_its_state_a_party(text, expected):
    (meeting,) = meetings(text)
    assert set(meeting.parties) == expected


def test_a_government_body_in_a_dass_clause_is_no_party():
    (meeting,) = meetings("Der Minister Karl Obermayr traf seinen polnischen Amtskollegen Piotr Nowak, "
                          "nachdem das Weiße Haus Gespräche angeregt hatte.")
    assert "US" not in meeting.parties


def test_a_spokesperson_reporting_on_a_call_is_no_participant():
    text = ("Bundeskanzlerin Marta Keller hat mit dem japanischen Regierungschef Kenji Sato telefoniert. "
            "Das Gespräch habe eine Stunde gedauert, teilte Regierungssprecher Jonas Brandt am Freitag mit.")
    (m,) = meetings(text)
    assert (m.type, m.participants) == ("call", ("Marta Keller", "Kenji Sato"))


@pytest.mark.parametrize("agreement", [
    "Beide vereinbarten, im Herbst zu Konsultationen in Tokio zusammenzukommen.",
    "Sie vereinbarten, sich im Mai in Tokio zu treffen.",
])
def test_agreeing_to_meet_again_is_a_follow_up(agreement):
    text = "Bundeskanzlerin Marta Keller hat mit dem japanischen Regierungschef Kenji Sato telefoniert. " + agreement
    (m,) = meetings(text)
    assert (m.type, m.follow_up) == ("call", True)


def test_trigger_words_are_the_tokens_whose_word_or_lemma_is_listed(annotate):
    from diplomex.components.meetings import trigger_entry, trigger_words

    doc = annotate("Nach dem Gipfel trafen sich die Außenminister zu Gesprächen. Das Treffen dauerte zwei Stunden.")
    expected = [t.i for t in doc if trigger_entry(t.text, t.lemma_)]
    assert expected and trigger_words(doc) == expected == trigger_words(doc)  # (the second time from the cache)
