"""Shape and consistency checks for the gazetteer lexicons in diplomex/resources/."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from diplomex import lexicons

ORGANISATION_CODES = {"EU", "NATO", "UN"}
KINDS = {"intergovernmental", "government_body", "party", "ngo", "company", "media"}
COLUMNS = {
    "countries.tsv": 3,
    "demonyms.tsv": 2,
    "inhabitants.tsv": 2,
    "cities.tsv": 3,
    "organisations.tsv": 4,
    "regions.tsv": 3,
    "office_holders.tsv": 5,
}
ISO2 = re.compile(r"[A-Z]{2}")
YEAR = re.compile(r"(19|20)\d\d")


def duplicates(items) -> list:
    return [item for item, count in Counter(items).items() if count > 1]


def variants(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def forms_with_rows(name: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every matchable form (name, then variants) of a name+variants gazetteer, paired with its row."""
    name_column = 1 if name == "countries.tsv" else 0
    return [(form, row) for row in lexicons.table(name) for form in [row[name_column], *variants(row[2])]]


def surface_forms(name: str) -> dict[str, tuple[str, ...]]:
    return dict(forms_with_rows(name))


def country_codes() -> set[str]:
    return {row[0] for row in lexicons.table("countries.tsv")}


def party_codes() -> set[str]:
    return country_codes() | ORGANISATION_CODES


@pytest.mark.parametrize("name,width", sorted(COLUMNS.items()))
def test_tsv_rows_have_expected_columns_and_clean_cells(name, width):
    rows = lexicons.table(name)
    assert rows, f"{name} is empty"
    assert [row for row in rows if len(row) != width] == []
    assert [row for row in rows if not row[0]] == []
    for row in rows:
        for cell in row:
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), row
            assert all(part == part.strip() for part in variants(cell)), row


def test_venues_are_non_empty_unique_lines():
    venues = lexicons.lines("venues.txt")
    assert len(venues) > 100
    assert duplicates(venues) == []
    assert all("\t" not in venue for venue in venues)


@pytest.mark.parametrize(
    "name,key",
    [
        ("countries.tsv", lambda row: row[0]),
        ("demonyms.tsv", lambda row: row[0]),
        ("inhabitants.tsv", lambda row: row[0]),
        ("cities.tsv", lambda row: row[0]),
        ("organisations.tsv", lambda row: row[0]),
        ("regions.tsv", lambda row: row[0]),
        ("office_holders.tsv", lambda row: row[:4]),
    ],
)
def test_no_duplicate_keys(name, key):
    assert duplicates(key(row) for row in lexicons.table(name)) == []


@pytest.mark.parametrize("name", ["countries.tsv", "cities.tsv", "organisations.tsv", "regions.tsv"])
def test_every_surface_form_points_to_one_row(name):
    assert duplicates(form for form, _ in forms_with_rows(name)) == []


def test_countries_cover_un_members_and_extra_entities():
    codes = country_codes()
    assert all(ISO2.fullmatch(code) for code in codes)
    assert len(codes) >= 193 + 5
    assert {"XK", "PS", "TW", "VA", "EH", "SU", "YU", "DD"} <= codes


@pytest.mark.parametrize("name", ["cities.tsv", "demonyms.tsv", "inhabitants.tsv", "office_holders.tsv"])
def test_codes_refer_to_known_countries_or_organisations(name):
    assert sorted({row[1] for row in lexicons.table(name)} - party_codes()) == []


def test_region_codes_are_empty_or_known_countries():
    known = country_codes()
    assert sorted({row[1] for row in lexicons.table("regions.tsv") if row[1]} - known) == []


def test_organisation_codes_used_elsewhere_exist():
    shorts = {row[0] for row in lexicons.table("organisations.tsv")}
    assert ORGANISATION_CODES <= shorts


def test_organisation_kinds_are_from_the_fixed_set():
    assert {row[1] for row in lexicons.table("organisations.tsv")} <= KINDS


def test_demonym_stems_are_lower_case_without_ending():
    stems = [row[0] for row in lexicons.table("demonyms.tsv")]
    assert [stem for stem in stems if stem != stem.lower()] == []
    assert [stem for stem in stems if re.search(r"isch(e|en|er|es|em)$", stem)] == []


def test_inhabitant_nouns_are_capitalised_and_not_country_names():
    country_names = set(surface_forms("countries.tsv"))
    nouns = [row[0] for row in lexicons.table("inhabitants.tsv")]
    assert [noun for noun in nouns if not noun[0].isupper()] == []
    assert sorted(set(nouns) & country_names) == []
    assert len({row[1] for row in lexicons.table("inhabitants.tsv")}) >= 60


def test_office_holder_years_are_ordered():
    for name, _, role, start, end in lexicons.table("office_holders.tsv"):
        assert role and YEAR.fullmatch(start), name
        assert end == "" or (YEAR.fullmatch(end) and int(start) <= int(end) <= 2026), name


def test_cities_list_is_large_and_has_every_capital_country():
    rows = lexicons.table("cities.tsv")
    assert len(rows) >= 500
    modern = country_codes() - {"SU", "YU", "DD"}
    assert sorted(modern - {row[1] for row in rows}) == []


@pytest.mark.parametrize(
    "city,code",
    [("Riad", "SA"), ("Riyadh", "SA"), ("Peking", "CN"), ("Kyjiw", "UA"), ("Kiew", "UA"), ("Genf", "CH"),
     ("Neu-Delhi", "IN"), ("Den Haag", "NL"), ("Scharm el-Scheich", "EG"), ("Dschidda", "SA"), ("Ramstein", "DE")],
)
def test_city_spot_checks(city, code):
    assert surface_forms("cities.tsv")[city][1] == code


def test_country_spot_checks():
    names = {row[1]: row[0] for row in lexicons.table("countries.tsv")}
    forms = {form: row[0] for form, row in surface_forms("countries.tsv").items()}
    assert names["USA"] == "US" and names["Großbritannien"] == "GB" and names["Elfenbeinküste"] == "CI"
    assert forms["Russische Föderation"] == "RU" and forms["Vereinigtes Königreich"] == "GB"
    assert forms["Demokratische Volksrepublik Korea"] == "KP" and forms["VAE"] == "AE"


def test_demonym_and_inhabitant_spot_checks():
    demonyms = lexicons.mapping("demonyms.tsv")
    inhabitants = lexicons.mapping("inhabitants.tsv")
    assert demonyms["russisch"] == "RU" and demonyms["us-amerikanisch"] == "US" and demonyms["saudisch"] == "SA"
    assert demonyms["europäisch"] == "EU"
    assert inhabitants["Russin"] == "RU" and inhabitants["Französin"] == "FR" and inhabitants["Israeli"] == "IL"


def test_organisation_and_region_spot_checks():
    organisations = {form: row[0] for form, row in surface_forms("organisations.tsv").items()}
    regions = {form: row[1] for form, row in surface_forms("regions.tsv").items()}
    assert organisations["Internationale Atomenergiebehörde"] == "IAEA"
    assert organisations["Nato"] == "NATO" and organisations["UN-Sicherheitsrat"] == "UN"
    assert regions["Gaza-Streifen"] == "PS" and regions["Krim"] == "UA"
    assert {"Camp David", "Botschaft", "Schloss Meseberg"} <= set(lexicons.lines("venues.txt"))


def test_office_holder_spot_checks():
    rows = lexicons.table("office_holders.tsv")
    current = {(name, role): code for name, code, role, _, end in rows if end == ""}
    assert current[("Sergej Lawrow", "Außenminister")] == "RU"
    assert current[("Wladimir Putin", "Präsident")] == "RU"
    assert current[("António Guterres", "Generalsekretär")] == "UN"
    assert ("Annalena Baerbock", "DE", "Außenministerin", "2021", "2025") in rows


def test_variants_of_cities_and_regions_are_matched_and_codes_are_not_places():
    from diplomex import gazetteer

    assert gazetteer.lookup_place("Washington, D.C.").country == "US"
    assert gazetteer.lookup_place("Cairo").country == "EG"
    assert gazetteer.lookup_place("Nahen Osten").kind == "region"
    assert gazetteer.lookup_place("KE") is None  # an ISO code is no city name


def test_organisation_countries_are_empty_or_known_and_national_bodies_have_one():
    rows = lexicons.table("organisations.tsv")
    assert sorted({row[3] for row in rows if row[3]} - country_codes()) == []
    assert [row[0] for row in rows if row[1] == "intergovernmental" and row[3]] == []
    assert [row[0] for row in rows if row[1] == "government_body" and not row[3]] == []
