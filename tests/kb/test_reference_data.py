"""The reference taxonomy: official geography and the shared editorial vocabulary."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from kb.models import Audience, Department, EstablishmentType, Region, Theme

pytestmark = pytest.mark.django_db

# Code officiel géographique (INSEE): région code -> its départements.
OFFICIAL_GEOGRAPHY = {
    "01": ["971"],
    "02": ["972"],
    "03": ["973"],
    "04": ["974"],
    "06": ["976"],
    "11": ["75", "77", "78", "91", "92", "93", "94", "95"],
    "24": ["18", "28", "36", "37", "41", "45"],
    "27": ["21", "25", "39", "58", "70", "71", "89", "90"],
    "28": ["14", "27", "50", "61", "76"],
    "32": ["02", "59", "60", "62", "80"],
    "44": ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
    "52": ["44", "49", "53", "72", "85"],
    "53": ["22", "29", "35", "56"],
    "75": ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
    "76": ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
    "84": ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
    "93": ["04", "05", "06", "13", "83", "84"],
    "94": ["2A", "2B"],
}

TRANSLATED_TERMS = [Theme, Audience, EstablishmentType]


def counts():
    models = [Region, Department, *TRANSLATED_TERMS]
    return {model.__name__: model.objects.count() for model in models}


def test_eighteen_regions_and_one_hundred_and_one_departements():
    assert Region.objects.count() == 18
    assert Department.objects.count() == 101


def test_each_departement_belongs_to_its_official_region():
    actual = {
        region.code: sorted(region.departments.values_list("code", flat=True))
        for region in Region.objects.all()
    }

    assert actual == {code: sorted(departments) for code, departments in OFFICIAL_GEOGRAPHY.items()}


@pytest.mark.parametrize(
    ("code", "name", "region"),
    [
        ("2A", "Corse-du-Sud", "Corse"),
        ("2B", "Haute-Corse", "Corse"),
        ("971", "Guadeloupe", "Guadeloupe"),
        ("34", "Hérault", "Occitanie"),
        ("69", "Rhône", "Auvergne-Rhône-Alpes"),
    ],
)
def test_departement_names(code, name, region):
    department = Department.objects.select_related("region").get(code=code)

    assert department.name == name
    assert department.region.name == region


@pytest.mark.parametrize("model", TRANSLATED_TERMS, ids=lambda model: model.__name__)
def test_every_term_exists_in_french_and_english_with_the_same_key_and_slug(model):
    french = {
        term.translation_key: term for term in model.objects.filter(locale__language_code="fr")
    }
    english = {
        term.translation_key: term for term in model.objects.filter(locale__language_code="en")
    }

    assert french
    assert french.keys() == english.keys()
    for key, term in french.items():
        assert english[key].slug == term.slug
        assert english[key].name
        assert english[key].name != term.name


def test_english_term_names_are_english():
    itep = EstablishmentType.objects.filter(slug="itep")

    assert itep.get(locale__language_code="fr").name.startswith("institut thérapeutique")
    assert itep.get(locale__language_code="en").name.startswith("therapeutic")
    assert {term.acronym for term in itep} == {"ITEP"}


def test_load_reference_data_twice_changes_no_count():
    # The data migration ran the same loader once already.
    before = counts()

    call_command("load_reference_data", stdout=StringIO())

    assert counts() == before


def test_load_reference_data_restores_an_official_name_and_keeps_editors_terms():
    Region.objects.filter(code="76").update(name="Languedoc-Roussillon-Midi-Pyrénées")
    french = Theme.objects.filter(locale__language_code="fr").first()
    Theme.objects.create(name="Sujet ajouté", slug="sujet-ajoute", locale=french.locale)

    call_command("load_reference_data", stdout=StringIO())

    assert Region.objects.get(code="76").name == "Occitanie"
    assert Theme.objects.filter(slug="sujet-ajoute").exists()


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("fr", "53", "Bretagne"),
        ("en", "53", "Brittany"),
        ("fr", "94", "Corse"),
        ("en", "94", "Corsica"),
        ("en", "76", "Occitanie"),
    ],
)
def test_region_display_name_is_english_only_where_english_differs(language, code, expected):
    region = Region.objects.get(code=code)

    with translation.override(language):
        assert region.display_name == expected
        assert str(region) == expected


def test_departement_label_follows_the_language():
    guyane = Department.objects.get(code="973")
    herault = Department.objects.get(code="34")

    with translation.override("en"):
        assert str(guyane) == "French Guiana (973)"
        assert str(herault) == "Hérault (34)"
    with translation.override("fr"):
        assert str(guyane) == "Guyane (973)"
