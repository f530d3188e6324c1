"""The engine's query: what the words ask for, what one request finds, and what it costs.

The first tests read the plan of a query (`search.backends.opensearch_concepts`) without an
engine. The others search a few documents of their own, written with words no
other test document holds, indexed once for the module on the engine of
SEARCH_URL; they are skipped without one (and fail in CI).
"""

import pytest
from django.db import transaction
from django.test import override_settings

from search.backends import get_backend
from search.backends.opensearch_concepts import (
    COMPOUND_WORD,
    FORM,
    MAX_CONCEPTS,
    PLACE,
    WORD,
    Classifications,
    Forms,
    plan_query,
    required,
)
from search.engine_client import configured_engine
from search.filter_expressions import Terms, Territories
from search.query import SearchRequest
from search.thesaurus import parse_group
from tests.search.conftest import ENGINE_URL
from tests.search.test_bad_input import BAD_QUERIES
from tests.services import require_service

pytestmark = pytest.mark.django_db

FORMS = Forms(
    [
        parse_group("ASE, aide sociale à l'enfance"),
        parse_group("PCPE, pôle de compétences et de prestations externalisées"),
    ],
    "fr",
)
TERRITORIES = Territories(
    [("Gers", "departement", "32"), ("Loire", "departement", "42"), ("Occitanie", "region", "76")]
)


def plan(text, **options):
    return plan_query(text, "fr", TERRITORIES, FORMS, **options)


def concepts(text, **options):
    return [(concept.kind, concept.text) for concept in plan(text, **options).concepts]


# --- The plan of a query ------------------------------------------------------------


def test_stop_words_and_the_words_of_a_question_are_no_concepts():
    assert concepts("comment organiser un accueil de répit ?") == [
        (WORD, "organiser"),
        (WORD, "accueil"),
        (WORD, "répit"),
    ]


@pytest.mark.parametrize(
    ("count", "needed"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (7, 5), (10, 6)]
)
def test_of_more_concepts_a_document_may_miss_more(count, needed):
    assert required(count) == needed


def test_a_long_question_needs_most_of_its_important_words():
    question = "comment organiser un accueil de répit pour des jeunes adultes en IME ?"

    found = plan(question)

    assert [concept.text for concept in found.concepts] == [
        "organiser",
        "accueil",
        "répit",
        "jeunes",
        "adultes",
        "IME",
    ]
    assert found.required == 4


def test_words_in_double_quotes_are_a_phrase_and_a_lone_quote_a_plain_character():
    quoted = plan('"jeunes adultes" répit « accueil de jour »')

    assert quoted.phrases == ["jeunes adultes", "accueil de jour"]
    assert [concept.text for concept in quoted.concepts] == ["répit"]
    assert plan('"jeunes adultes').phrases == []
    assert [concept.text for concept in plan('"jeunes adultes').concepts] == ["jeunes", "adultes"]


def test_a_place_named_is_a_concept_of_its_own_found_by_its_territory():
    found = plan("répit Loire")

    assert [(concept.kind, concept.text) for concept in found.concepts] == [
        (PLACE, "Loire"),
        (WORD, "répit"),
    ]
    assert found.concepts[0].place.values == ("departement:42",)


def test_a_form_of_the_thesaurus_is_one_concept_stop_words_and_all():
    assert concepts("aide sociale à l'enfance référent") == [
        (FORM, "aide sociale à l'enfance"),
        (WORD, "référent"),
    ]


def test_a_compound_is_one_concept_also_found_joined():
    found = plan("l'auto-détermination").concepts

    assert [(concept.kind, concept.text, concept.joined) for concept in found] == [
        (COMPOUND_WORD, "auto-détermination", ("autodétermination",))
    ]


def test_words_typed_apart_are_also_found_joined():
    auto, determination = plan("auto détermination").concepts

    assert auto.joined == determination.joined == ("autodétermination",)


def test_acronyms_typed_in_capitals_and_exact_searches_forgive_no_typo():
    assert not plan("PCPE").concepts[0].tolerant
    assert plan("pcpe").concepts[0].tolerant
    assert not plan("scolarisaton", tolerant=False).concepts[0].tolerant


def test_a_word_cut_short_is_looked_for_but_not_a_plural_or_a_participle():
    assert plan("pédopsy").concepts[0].cut == "pedopsy"
    assert plan("partagé").concepts[0].cut == ""
    assert plan("adultes").concepts[0].cut == ""


def test_a_word_of_the_language_typed_whole_is_neither_misspelt_nor_cut_short():
    (project,) = plan("projet").concepts
    (cut,) = plan("pédopsy").concepts

    assert (project.tolerant, project.cut) == (False, "")
    assert (cut.tolerant, cut.cut) == (True, "pedopsy")
    assert plan("scolarisaton").concepts[0].tolerant


def test_a_word_outside_the_dictionary_may_be_a_typo_of_one_but_not_a_thesaurus_word():
    assert plan("scolarisaton").concepts[0].corrected == "scolarisation"
    assert plan("evaluaton").concepts[0].corrected == "évaluation"
    assert plan("projet").concepts[0].corrected == ""
    assert plan("pcpe").concepts[0].corrected == ""


def test_a_form_of_the_thesaurus_names_the_classifications_of_its_group():
    forms = Forms([parse_group("QVT, qualité de vie au travail => conditions de travail")], "fr")
    classifications = Classifications(
        [
            ("Qualité de vie au travail", "themes", "qualite-vie-travail"),
            ("Conditions de travail", "themes", "conditions-travail"),
            ("Adultes", "audiences", "adultes"),
        ],
        "fr",
    )

    def concept(text):
        (found,) = plan_query(
            text, "fr", TERRITORIES, forms, classifications=classifications
        ).concepts
        return found

    narrower, broader, word = concept("QVT"), concept("conditions de travail"), concept("adultes")

    assert narrower.classified == (Terms("themes", ("conditions-travail", "qualite-vie-travail")),)
    assert broader.classified == (Terms("themes", ("conditions-travail",)),)
    assert word.classified == ()


def test_a_query_holds_a_bounded_number_of_concepts():
    words = " ".join(f"mot{number}x" for number in range(50))

    assert len(plan(words).concepts) == MAX_CONCEPTS
    assert len(plan("répit " * 2000).concepts) == 1


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_any_text_makes_a_plan(query):
    plan(query)


# --- On the engine ----------------------------------------------------------------------

RECENT = "2025-01-15T10:00:00+00:00"


def document(key, title, summary="Une fiche parmi d’autres.", body="Rien de plus.", **changes):
    return {
        "key": key,
        "doc_type": "practice_sheet",
        "title": title,
        "summary": summary,
        "body": body,
        "tags": [],
        "labels": [],
        "themes": [],
        "audiences": [],
        "establishment_types": [],
        "territories": [],
        "status": "",
        "locale": "fr",
        "visibility": ["public"],
        "year": 2024,
        "published_at": RECENT,
        "url": f"/{key}/",
        "rank_boost": 1.0,
        **changes,
    }


DOCUMENTS = [
    # A place that looks like words.
    document(
        "in-the-gers",
        "Une ludomobile itinérante",
        territories=["departement:32", "region:76"],
        labels=["Gers", "Occitanie"],
    ),
    document("manages", "Le service gère les ludomobiles"),
    document("gerontology", "Une ludomobile en gérontologie"),
    # Compounds written hyphenated, joined, and one page of each in a body.
    document("hyphenated", "Former à l’auto-détermination ludique"),
    document("joined", "Soutenir l’autodétermination ludique"),
    document("hyphenated-body", "Une fiche ludique", body="Des jeux d’auto-détermination."),
    document("medico-hyphenated", "Un institut médico-éducatif ludique"),
    document("medico-joined", "Le secteur médicoéducatif ludique"),
    # Words side by side, or apart.
    document("side-by-side", "Accueillir des jeunes adultes en ludothèque"),
    document("apart", "Des adultes en ludothèque, et des jeunes"),
    # Most of the words of a long question, or few of them.
    document(
        "most-words",
        "Un accueil de répit ludique pour jeunes adultes",
        body="Les jeunes adultes maintenus en IME y passent un week-end.",
    ),
    document("few-words", "Un répit ludique"),
    # A typo's correction, and words the index holds that a corrector would change.
    document("schooling", "La scolarisation ludique des enfants"),
    document("peer", "Un espace de pair-émulation ludique"),
    document("tempting", "Pour une éducation ludique au pôle ressources"),
    document("pcpe-body", "Une fiche ludique", body="Le PCPE du territoire."),
    # A thesaurus's form in a body only, and inside a longer form; a classification named.
    document("spelled-out-body", "Une fiche ludique", body="Avec l’aide sociale à l’enfance."),
    document("held-form-body", "Une fiche ludique", body="Le secteur de pédopsychiatrie suit."),
    document("classified", "Une fiche ludique", themes=["qualite-vie-travail"]),
    # A word of the dictionary in a body only, where the engine forgives no typo.
    document("amendment-body", "Une fiche", body="Les jeunes sous amendement Creton."),
]


@pytest.fixture(scope="module")
def engine_documents(django_db_setup, django_db_blocker, engine_prefix):
    prefix = f"{engine_prefix}-query"
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_URL=ENGINE_URL, SEARCH_INDEX_PREFIX=prefix),
    ):
        configured_engine.cache_clear()
        try:
            with transaction.atomic():
                backend = get_backend()
                if ENGINE_URL:
                    backend.upsert(DOCUMENTS)
                    backend.refresh()
                yield backend
                transaction.set_rollback(True)
        finally:
            configured_engine.cache_clear()


@pytest.fixture
def engine(engine_documents):
    require_service(bool(ENGINE_URL), "Pas de moteur de recherche (SEARCH_URL) pour ce test.")
    return engine_documents


def results(backend, text, **options):
    return backend.search(SearchRequest(text=text, language="fr", **options))


def keys(backend, text, **options):
    return [hit.key for hit in results(backend, text, **options).hits]


def test_a_search_costs_one_engine_request(engine, monkeypatch):
    sent = []
    client = configured_engine()
    search = client.search
    monkeypatch.setattr(client, "search", lambda *args: sent.append(args) or search(*args))

    for text in ("ludomobile Gers", "scolarisaton", '"jeunes adultes" ludothèque', "ITPE"):
        sent.clear()
        results(engine, text)
        assert len(sent) == 1, text
    sent.clear()
    results(engine, "ludique", filters={"type": ("practice_sheet",)}, page=2)
    assert len(sent) == 1


def test_a_place_name_is_not_stemmed_into_a_word(engine):
    assert keys(engine, "Gers") == ["in-the-gers"]
    assert keys(engine, "ludomobile Gers")[0] == "in-the-gers"


@pytest.mark.parametrize("text", ["auto-détermination", "autodétermination", "auto détermination"])
def test_a_compound_finds_the_same_pages_however_it_is_written(engine, text):
    assert set(keys(engine, text)) == {"hyphenated", "joined", "hyphenated-body"}


@pytest.mark.parametrize("text", ["médico-éducatif", "médicoéducatif", "médico éducatif"])
def test_medico_educatif_too(engine, text):
    assert set(keys(engine, text)) == {"medico-hyphenated", "medico-joined"}


def test_a_phrase_in_quotes_is_required_as_a_phrase(engine):
    assert keys(engine, '"jeunes adultes" ludothèque') == ["side-by-side"]
    assert set(keys(engine, "jeunes adultes ludothèque")) >= {"side-by-side", "apart"}


def test_a_long_question_finds_the_page_holding_most_of_its_words_first(engine):
    found = keys(engine, "comment organiser un accueil de répit pour des jeunes adultes en IME ?")

    assert found[0] == "most-words"


def test_all_words_as_typed_come_before_words_found_by_tolerance(engine):
    found = keys(engine, "répit ludique jeunes")

    assert found[0] == "most-words"
    assert "few-words" in found


def test_a_typo_finds_the_word_and_says_what_was_searched(engine):
    found = results(engine, "scolarisaton ludique")

    assert [hit.key for hit in found.hits] == ["schooling"]
    assert found.searched_instead == "scolarisation ludique"
    assert found.did_you_mean is None


def test_searched_exactly_a_typo_finds_nothing_and_suggests_the_word(engine):
    found = results(engine, "scolarisaton ludique", exact=True)

    assert found.hits == []
    assert found.searched_instead is None
    assert found.did_you_mean == "scolarisation ludique"


def test_the_thesaurus_finds_its_forms_in_bodies_and_the_classifications_it_names(engine):
    assert keys(engine, "ASE ludique") == ["spelled-out-body"]
    assert keys(engine, "psychiatrie infanto-juvénile ludique") == ["held-form-body"]
    assert keys(engine, "QVT ludique") == ["classified"]
    # One way only: the broader « protection de l'enfance » does not find the narrower.
    assert keys(engine, "protection de l'enfance") == []


def test_a_typo_of_a_word_of_the_dictionary_finds_it_in_bodies_and_says_so(engine):
    found = results(engine, "amendemant")

    assert [hit.key for hit in found.hits] == ["amendment-body"]
    assert found.searched_instead == "amendement"


def test_words_the_index_holds_and_known_acronyms_are_never_corrected(engine):
    peer = results(engine, "pair emulation")
    acronym = results(engine, "PCPE")

    assert [hit.key for hit in peer.hits] == ["peer"]
    assert (peer.did_you_mean, peer.searched_instead) == (None, None)
    assert [hit.key for hit in acronym.hits] == ["pcpe-body"]
    assert (acronym.did_you_mean, acronym.searched_instead) == (None, None)
