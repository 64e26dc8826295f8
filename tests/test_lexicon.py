"""The rule/gazetteer layer: places, organisations, persons with roles and countries."""

import pytest

import diplomex
from diplomex import gazetteer
from diplomex.components.lexicon import _place_tokens, gazetteer_label, is_common_noun, nominative_role, phrases, role_base


def people(doc):
    return {e.text: (e._.role, e._.country) for e in doc.ents if e.label_ == "PER"}


def labels(doc):
    return {(e.text, e.label_) for e in doc.ents}


def test_places_in_any_case_and_organisations(annotate):
    doc = annotate("Die Gesandten Kanadas und der Vereinigten Staaten trafen sich in Peking mit Vertretern der Europäischen Union.")
    assert {("Kanadas", "LOC"), ("Vereinigten Staaten", "LOC"), ("Peking", "LOC"), ("Europäischen Union", "ORG")} <= labels(doc)


def test_title_before_name_gives_person_role_and_country(annotate):
    doc = annotate("Die französische Außenministerin Claire Dubois empfing am Montag den Gast.")
    assert people(doc)["Claire Dubois"] == ("französische Außenministerin", "FR")


def test_country_prefix_on_the_title(annotate):
    doc = annotate("Gestern landete UN-Generalsekretär Tomasz Wielicki in Nairobi.")
    assert people(doc)["Tomasz Wielicki"] == ("UN-Generalsekretär", "UN")


def test_apposition_after_the_name(annotate):
    doc = annotate("Geleitet wurde die Runde von Mira Okonkwo, stellvertretende Staatssekretärin für Afrika, und weiteren Beamten.")
    role, _ = people(doc)["Mira Okonkwo"]
    assert role == "stellvertretende Staatssekretärin für Afrika"


def test_apposition_before_the_name_with_an_organisation(annotate):
    doc = annotate("Der Generalsekretär der Nato, Henrik Solberg, sprach von einem Erfolg.")
    assert people(doc)["Henrik Solberg"] == ("Generalsekretär der Nato", "NATO")


def test_inflected_role_is_given_in_the_nominative(annotate):
    doc = annotate("Sie telefonierte mit dem brasilianischen Präsidenten Paulo Ferreira Lima.")
    assert people(doc)["Paulo Ferreira Lima"] == ("brasilianischer Präsident", "BR")


def test_colleague_takes_the_office_of_the_person_before(annotate):
    doc = annotate("Der indische Außenminister Ravi Menon und sein chinesischer Amtskollege Li Qiang trafen sich.")
    assert people(doc)["Li Qiang"] == ("Außenminister", "CN")


def test_delegation_lead_and_its_country(annotate):
    doc = annotate("Die polnische Delegation wurde von Botschafterin Ewa Nowicka geleitet.")
    person = next(e for e in doc.ents if e.label_ == "PER")
    assert (person.text, person._.country, person._.lead) == ("Ewa Nowicka", "PL", True)


def test_surname_of_a_known_office_holder(annotate):
    doc = annotate("Am Abend äußerte sich auch Macron zu den Gesprächen.")
    person = next(e for e in doc.ents if e.label_ == "PER")
    assert (person.text, person._.known_as, person._.country) == ("Macron", "Emmanuel Macron", "FR")


def test_common_nouns_after_a_title_are_not_names(annotate):
    doc = annotate("Der Präsident Sanktionen zu verhängen war nie geplant.")
    assert not [e for e in doc.ents if e.label_ == "PER"]


def test_role_base_and_nominative():
    assert role_base("Präsidenten") == "Präsident"
    assert role_base("US-Außenministerin") == "Außenministerin"
    assert role_base("Außenamtssprecher") == "Sprecher"
    assert role_base("Haus") is None
    assert role_base("Aussenministerin") == "Aussenministerin"  # Swiss spelling, as written


def test_swiss_spelling_keeps_the_role_and_places_with_any_apostrophe():
    record = diplomex.extract("Der ungarische Aussenminister Ferenc Tóth sprach in L\u2032Aquila.", published="2025-03-12")
    assert [(p.name, p.role) for p in record.people] == [("Ferenc Tóth", "ungarischer Aussenminister")]
    assert gazetteer.base_form("L\u2019Aquila", "place") == "L'Aquila"
    assert "L'Aquila" in record.to_dict()["locations"]


def test_gazetteer_lookups():
    assert gazetteer.lookup_place("Moskaus").country == "RU"
    assert gazetteer.country_of_adjective("saudi-arabischen") == "SA"
    assert gazetteer.country_of_prefix("EU-Kommissarin") == "EU"
    assert gazetteer.lookup_organisation("Vereinten Nationen") == "UN"
    assert gazetteer.lookup_place("Haus") is None


def test_known_first_name_starts_a_person(annotate):
    doc = annotate("Am Rande des Treffens sprach Vojtěch Hrubý mit Journalisten über den Staatsbesuch.")
    assert [e.text for e in doc.ents if e.label_ == "PER"] == ["Vojtěch Hrubý"]


def test_a_compound_noun_after_a_name_is_not_part_of_it(annotate):
    doc = annotate("Milena Kovačs Staatsbesuch in Wien endete am Freitag.")
    assert "Milena Kovačs Staatsbesuch" not in {e.text for e in doc.ents}


def test_entities_never_end_in_whitespace(annotate):
    doc = annotate("Es sprach Li\n\nder Gesandte Omar Haddad.")
    assert all(not e[0].is_space and not e[-1].is_space for e in doc.ents)


def test_a_first_name_that_also_names_a_city(annotate):
    doc = annotate("Außenminister Milan Kolar traf in Riad den Gesandten Santiago Pérez.")
    persons = {e.text for e in doc.ents if e.label_ == "PER"}
    assert {"Milan Kolar", "Santiago Pérez"} <= persons
    assert ("Riad", "LOC") in labels(doc)


def test_multi_word_city_with_a_comma(annotate):
    doc = annotate("Die Konferenz soll im Mai in Washington, D.C., stattfinden.")
    assert ("Washington, D.C.", "LOC") in labels(doc)


def test_country_in_parentheses_or_after_aus_and_genitive_before_the_title(annotate):
    doc = annotate(
        "Am Gipfel nehmen Rafael Ortiz (Kolumbien) und Carla Mendes aus Portugal teil. "
        "Frankreichs Präsident Luc Moreau und sein ost-timoresischer Kollege José Belo reisten an."
    )
    found = people(doc)
    assert found["Rafael Ortiz"][1] == "CO"
    assert found["Carla Mendes"][1] == "PT"
    assert found["Luc Moreau"][1] == "FR"
    assert found["José Belo"][1] == "TL"


def test_names_before_a_parenthesised_country_are_a_person(annotate):
    doc = annotate("Es sprachen auch Deoraj Ramsaroop (Guyana) und weitere Gäste.")
    assert ("Deoraj Ramsaroop", "PER") in labels(doc)


def test_a_place_inside_a_longer_organisation_leaves_the_organisation(annotate):
    doc = annotate("Der SC Freiburg gewann gegen Dynamo Dresden, danach feierte die Universität Zürich in Berlin.")
    found = labels(doc)
    assert {("SC Freiburg", "ORG"), ("Dynamo Dresden", "ORG"), ("Universität Zürich", "ORG"), ("Berlin", "LOC")} <= found
    assert not {("Freiburg", "LOC"), ("Dresden", "LOC"), ("Zürich", "LOC")} & found


def test_a_base_form_noun_does_not_extend_a_name(annotate):
    doc = annotate("Nach dem Spiel lobte Ahmet Cakici Trainer und Mannschaft.")
    assert [e.text for e in doc.ents if e.label_ == "PER"] == ["Ahmet Cakici"]


def test_a_capitalised_function_word_does_not_extend_a_name(annotate):
    doc = annotate("Gemeint ist Jonas Wendler Nach dem Treffen reiste er ab.")
    assert [e.text for e in doc.ents if e.label_ == "PER"] == ["Jonas Wendler"]


def test_common_noun_base_forms_but_not_names():
    assert is_common_noun("Trainer") and is_common_noun("Gespräche")
    assert not is_common_noun("Merkel") and not is_common_noun("Peter")


def test_country_of_a_national_organisation_in_any_form():
    assert gazetteer.country_of_organisation("Auswärtigen Amtes") == "DE"
    assert gazetteer.country_of_organisation("Weißen Haus") == "US"
    assert gazetteer.country_of_organisation("Kreml") == "RU"
    assert gazetteer.country_of_organisation("Élysée-Palast") == "FR"
    assert gazetteer.country_of_organisation("Vereinten Nationen") is None
    assert gazetteer.country_of_organisation("Haus") is None


def test_phrases_grow_token_by_token_with_their_whitespace():
    words, spaces = ["Vereinigte", "Staaten", "-", "Russland"], [" ", "", " ", ""]
    assert phrases(words, spaces, 0, 3) == ["Vereinigte", "Vereinigte Staaten", "Vereinigte Staaten-"]
    assert phrases(words, spaces, 2, 5) == ["-", "- Russland"]  # cut at the end of the Doc
    assert phrases(words, spaces, 3, 1) == ["Russland"]


def test_gazetteer_label_prefers_places_and_knows_inflected_names():
    assert gazetteer_label("Frankreich") == "LOC"
    assert gazetteer_label("Vereinigten Staaten") == "LOC"
    assert gazetteer_label("NATO") == "ORG"
    assert gazetteer_label("Gespräche") is None


def test_place_tokens_tries_long_names_only_after_their_first_words():
    assert _place_tokens("Vereinigten") > 1  # "Vereinigte Staaten"
    assert _place_tokens("Frankreich") == 1
    assert _place_tokens("gestern") == 0
    assert _place_tokens("") == 0


def test_entities_give_way_to_overlapping_rule_persons_and_persons_only_to_longer_ones():
    import spacy
    from spacy.tokens import Span

    from diplomex.components.lexicon import _coverage, _replaced_by_person

    doc = spacy.blank("de")("eins zwei drei vier fünf sechs sieben acht")
    cover = _coverage(len(doc), [Span(doc, 3, 5, label="PER")])
    assert _replaced_by_person(Span(doc, 4, 6, label="LOC"), cover)  # an overlapping place or organisation
    assert not _replaced_by_person(Span(doc, 5, 6, label="LOC"), cover)  # touching is not overlapping
    assert _replaced_by_person(Span(doc, 4, 5, label="PER"), cover)  # a shorter person
    assert not _replaced_by_person(Span(doc, 3, 5, label="PER"), cover)  # the same length stays


def test_noun_like_words_include_compounds_with_a_noun_head():
    from diplomex.components.lexicon import is_noun_like_word

    assert is_noun_like_word("Gespräche")
    assert is_noun_like_word("Nordatlantik-Abteilung")
    assert not is_noun_like_word("gespräche")


@pytest.mark.parametrize("published, country", [("2022-05-04", "EE"), ("2025-05-04", "EU"), (None, "EU")])
def test_an_office_holders_country_is_the_one_served_at_publication(published, country):
    record = diplomex.extract("Kaja Kallas sprach am Montag in Brüssel.", published=published)
    assert [(p.name, p.country) for p in record.people] == [("Kaja Kallas", country)]


@pytest.mark.parametrize("text, person", [
    ("„Ein guter Tag“, so Kommissionspräsidentin Ursula von der Leyen.", "Ursula von der Leyen"),
    ("Am Abend sprach Karl von Habsburg in Wien.", "Karl von Habsburg"),
])
def test_a_person_runs_on_through_surname_particles(text, person):
    record = diplomex.extract(text, published="2025-06-02")
    assert person in [p.name for p in record.people]


def test_a_person_runs_on_through_a_regnal_number():
    record = diplomex.extract("Papst Benedikt XVI. empfing am Montag in Rom den Präsidenten Frankreichs.", published="2025-06-02")
    assert "Benedikt XVI." in [p.name for p in record.people]


def test_surname_particles_do_not_swallow_an_organisation():
    record = diplomex.extract("Olaf Scholz von der SPD sagte am Montag in Berlin: „Wir sind bereit.“", published="2025-06-02")
    assert [p.name for p in record.people] == ["Olaf Scholz"]


def test_a_full_name_does_not_run_on_through_a_preposition():
    record = diplomex.extract("Peter Müller von Siemens und Karl von Habsburg sprachen am Montag.", published="2025-06-02")
    assert [p.name for p in record.people] == ["Peter Müller", "Karl von Habsburg"]
