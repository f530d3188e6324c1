"""Relevance, measured: what professionals type, and the pages they must find in the top 3.

The corpus is written for the test (`relevance_pages.py`): some sixty practice
sheets, experiment write-ups and training offers, a few of them in English,
with the traps of the sector's vocabulary — acronyms written in full on some
pages and not on others, joined and hyphenated compounds, place names that
look like words, pages that share words without being about the same thing.
Each judged query names the pages that must all be in the top 3, and
optionally the one that must come first; each is tagged with what makes it hard
(its `kind`).

Every query runs on every backend of the run: the database backend always
(SQLite, or PostgreSQL when DATABASE_URL says so), and the engine of
SEARCH_URL when it is set. The pages are built once per module and indexed once
per backend. A query that a backend cannot answer may be marked as a strict
expected failure for that backend, with its reason (`Miss`); none is yet.

The run prints, per backend and per kind of query, the hit rate (queries whose
expected pages are all in the top 3) and the mean reciprocal rank of the first
expected page among the first ten results; with RELEVANCE_REPORT=<path> it also
writes that summary and the failing query ids to that file.
"""

import os
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import pytest
from django.db import connection

from tests.search import relevance_pages as p
from tests.search.conftest import ENGINE_URL
from tests.search.relevance_corpus import ENGINE, indexed_relevance_corpus

pytestmark = pytest.mark.django_db

TOP = 3
# Reciprocal ranks are counted over the first results page.
MRR_DEPTH = 10
# The database backend is named after its database: "sqlite" or "postgresql".
DATABASE = connection.vendor
BACKENDS = (DATABASE, ENGINE) if ENGINE_URL else (DATABASE,)
DATABASES = ("sqlite", "postgresql")

# What makes a query hard.
ACCENT = "accent"  # without accents, in capitals, with either apostrophe
PLURAL = "plural"  # plural typed, singular written, or the reverse
STEM = "stem"  # another form of the word: verb and noun, adjective, participle
ACRONYM = "acronym"  # an acronym typed, the pages write it in full
EXPANSION = "expansion"  # written in full, the pages write the acronym
TYPO = "typo"  # one or two letters wrong, missing or swapped
COMPOUND = "compound"  # hyphenated, joined or split differently from the pages
PARTIAL = "partial"  # a word cut short, as professionals say it
LONG = "long"  # a question in plain language
SYNONYM = "synonym"  # another word of the sector for the same thing
PLACE = "place"  # a région or département, sometimes a name that looks like a word
PHRASE = "phrase"  # words in double quotes
ENGLISH = "english"  # an English query on the English pages
KINDS = (
    ACCENT,
    PLURAL,
    STEM,
    ACRONYM,
    EXPANSION,
    TYPO,
    COMPOUND,
    PARTIAL,
    LONG,
    SYNONYM,
    PLACE,
    PHRASE,
    ENGLISH,
)


@dataclass(frozen=True)
class Miss:
    """Why some backends cannot answer a query: a strict expected failure on those."""

    backends: tuple
    reason: str


# Where a backend ranks an expected page just below the top 3.
SQLITE_BM25_TITLES = Miss(
    ("sqlite",),
    "SQLite's BM25 ranks pages holding the words in their titles above the expected page, "
    "which holds them once in its body",
)
TITLES_OUTRANK = Miss(
    ("sqlite", ENGINE),
    "pages holding the words in their titles outrank the second expected page, which holds "
    "them once in its body",
)
SECOND_PAGE_FOURTH = Miss(
    (*DATABASES, ENGINE),
    "both pages hold most of the question's words; the training ranks fourth, after two "
    "pages about teachers and school",
)
ENGINE_TYPO_WEIGHS_LESS = Miss(
    (ENGINE,),
    "on the engine a misspelt word matches with less weight than the word written right: the "
    "second expected page, which holds it less often, ranks just below the top 3",
)


@dataclass(frozen=True)
class Case:
    """A query, the titles that must all be in the top 3, and what makes it hard.

    `best`, when given, must come first. `miss` marks the query as an expected
    failure on the backends it names.
    """

    kind: str
    query: str
    expected: tuple
    best: str | None = None
    language: str = "fr"
    miss: Miss | None = None

    def missed_on(self, backend):
        return self.miss is not None and backend in self.miss.backends

    @property
    def id(self):
        return f"{self.kind}-{self.language}-{readable(self.query)}"


def readable(text):
    """`text` in plain ASCII for a test id: accents dropped, quotes and apostrophes plain."""
    text = text.translate(str.maketrans({"’": "'", "«": '"', "»": '"', "œ": "oe", "Œ": "OE"}))
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.encode("ascii", "replace").decode()


def case(kind, query, *expected, best=None, language="fr", miss=None):
    return Case(kind, query, tuple(expected), best, language, miss)


CASES = [
    # --- Accents, capitals and apostrophes -------------------------------------------------
    case(ACCENT, "repit adolescents crise", p.RESPITE_TEENAGERS),
    case(ACCENT, "equipe mobile pedopsychiatrie", p.CHILD_PSYCHIATRY_MOBILE_TEAM),
    case(ACCENT, "evaluation externe", p.EXTERNAL_EVALUATION),
    case(ACCENT, "deficience intellectuelle vieillissement", p.AGEING_FAM_GERS),
    case(ACCENT, "ecole maternelle autisme", p.AUTISM_NURSERY_CLASS),
    case(ACCENT, "desescalade", p.CRISIS_TRAINING),
    case(ACCENT, "enseignant referent", p.INCLUSIVE_SCHOOLING_AUDE, p.SESSAD_SPELLED_OUT),
    case(ACCENT, "foyer d'accueil medicalise", p.AGEING_FAM_GERS),
    case(ACCENT, "L'ACCUEIL TEMPORAIRE", p.TEMPORARY_CARE_VAR),
    case(ACCENT, "PLATEFORME DE RÉPIT", p.RESPITE_PLATFORM_AUTISM),
    case(ACCENT, "l’autodétermination des travailleurs", p.SELF_DETERMINATION_ESAT),
    case(ACCENT, "lieu de repit pour enfants", p.RESPITE_LOIRE),
    case(ACCENT, "pedopsychiatres educateurs specialises", p.CROSS_TRAINING_PSYCHIATRY),
    case(ACCENT, "medico-social hopital psychiatrique", p.PSYCHIATRY_DISCHARGE),
    case(
        ACCENT,
        "EDUCATION NATIONALE",
        p.CROSS_TRAINING_SCHOOL,
        p.ITEP_SPELLED_OUT,
        miss=TITLES_OUTRANK,
    ),
    case(ACCENT, "unite d'enseignement externalisee", p.EXTERNAL_TEACHING_UNIT),
    case(ACCENT, "orthophonie psychomotricite", p.PCPE_SPELLED_OUT),
    # --- Singulars and plurals ----------------------------------------------------------
    case(PLURAL, "unités d'enseignement externalisées", p.EXTERNAL_TEACHING_UNIT),
    case(PLURAL, "appartements d'essai", p.TRIAL_FLAT),
    case(PLURAL, "plateformes de répit", p.RESPITE_PLATFORM_AUTISM),
    case(PLURAL, "équipes mobiles", p.SCHOOL_MOBILE_TEAM_GERS, p.CHILD_PSYCHIATRY_MOBILE_TEAM),
    case(PLURAL, "fiches de liaison", p.LIAISON_FORM),
    case(PLURAL, "liste d'attente MDPH", p.MDPH_WAITING_LISTS, p.WAITING_LIST_IME),
    case(PLURAL, "livrets d'accueil", p.EASY_READ_BOOKLET),
    case(PLURAL, "consultations de gérontologie", p.GERONTOLOGY_ESAT),
    case(PLURAL, "séjour de répit adolescent", p.RESPITE_TEENAGERS),
    case(PLURAL, "pair-aidant", p.PEER_WORKERS_SAMSAH),
    case(PLURAL, "comportement-problème", p.CHALLENGING_BEHAVIOUR_MAS),
    case(PLURAL, "foyers d'accueil médicalisés", p.AGEING_FAM_GERS),
    case(PLURAL, "les ITEPs et la pédopsychiatrie", p.CHILD_PSYCHIATRY_MOBILE_TEAM),
    case(PLURAL, "apprenti", p.SESSAD_APPRENTICES_CHER),
    case(PLURAL, "permanence", p.MDPH_OFFICES, best=p.MDPH_OFFICES),
    case(PLURAL, "colocations", p.INCLUSIVE_HOUSING_FAM),
    # --- Other forms of a word -----------------------------------------------------------
    case(STEM, "vieillir en foyer", p.AGEING_FAM_GERS),
    case(STEM, "polyhandicap accueil temporaire", p.TEMPORARY_CARE_VAR),
    case(STEM, "évaluer l'impact", p.IMPACT_MEASURE),
    case(STEM, "lieu de répit mutualisé", p.RESPITE_LOIRE),
    case(STEM, "former les éducateurs à la désescalade", p.CRISIS_TRAINING),
    case(STEM, "parrainer les nouveaux arrivants", p.PEER_EMULATION_ITEP),
    case(STEM, "autiste adulte", p.CHALLENGING_BEHAVIOUR_MAS, p.PEER_WORKERS_SAMSAH),
    case(STEM, "relayer un aidant à domicile", p.RELAYING_AT_HOME),
    case(STEM, "scolarisé en classe ordinaire", p.INCLUSIVE_SCHOOLING_AUDE),
    case(STEM, "hospitalisé en psychiatrie, la sortie", p.PSYCHIATRY_DISCHARGE),
    # --- Acronyms typed, pages written in full ----------------------------------------------
    case(ACRONYM, "MAS accueil de jour", p.MAS_DAY_CARE, best=p.MAS_DAY_CARE),
    case(ACRONYM, "MAS accueil temporaire", p.TEMPORARY_CARE_VAR),
    case(ACRONYM, "ITEP fonctionnement en dispositif", p.ITEP_SPELLED_OUT),
    case(ACRONYM, "SESSAD collège", p.SESSAD_SPELLED_OUT),
    case(ACRONYM, "MDPH permanences", p.MDPH_OFFICES),
    case(ACRONYM, "PCPE enfants sans solution", p.PCPE_SPELLED_OUT),
    case(ACRONYM, "ARS appel à projets", p.CALL_FOR_PROPOSALS_TRAINING),
    case(ACRONYM, "IME section professionnelle", p.IME_SPELLED_OUT),
    case(ACRONYM, "PFRA autisme", p.RESPITE_PLATFORM_AUTISM),
    case(ACRONYM, "FALC livret d'accueil", p.EASY_READ_BOOKLET),
    case(ACRONYM, "CAMSP", p.EARLY_DETECTION_CAMSP),
    case(ACRONYM, "repérage TND", p.EARLY_DETECTION_CAMSP),
    case(ACRONYM, "RAPT", p.RAPT_SHEET),
    case(ACRONYM, "ASE formation croisée", p.CROSS_TRAINING_CHILD_PROTECTION),
    case(ACRONYM, "CVS ESAT", p.SELF_DETERMINATION_ESAT),
    case(ACRONYM, "QVT", p.STAFF_EXHAUSTION),
    case(ACRONYM, "UEMA", p.AUTISM_NURSERY_CLASS),
    case(ACRONYM, "EMAS", p.SCHOOL_MOBILE_TEAM_GERS),
    case(ACRONYM, "TSA répit aidants", p.RESPITE_PLATFORM_AUTISM),
    case(ACRONYM, "PPA famille", p.PERSONALISED_PROJECT),
    case(ACRONYM, "CMP relais adultes", p.PCPE_ADULTS),
    case(ACRONYM, "UEE collège", p.EXTERNAL_TEACHING_UNIT),
    case(ACRONYM, "PAG", p.RAPT_SHEET),
    # --- Written in full, pages writing the acronym ------------------------------------------
    case(
        EXPANSION,
        "maison départementale des personnes handicapées listes d'attente",
        p.MDPH_WAITING_LISTS,
        p.WAITING_LIST_IME,
    ),
    case(
        EXPANSION,
        "institut thérapeutique éducatif et pédagogique pédopsychiatrie",
        p.CHILD_PSYCHIATRY_MOBILE_TEAM,
        p.ITEP_SPELLED_OUT,
    ),
    case(
        EXPANSION,
        "service d'éducation spéciale et de soins à domicile apprentissage",
        p.SESSAD_APPRENTICES_CHER,
    ),
    case(EXPANSION, "contrat pluriannuel d'objectifs et de moyens", p.CPOM_PATHWAYS),
    case(EXPANSION, "pôle de compétences et de prestations externalisées adultes", p.PCPE_ADULTS),
    case(EXPANSION, "institut médico-éducatif appartement d'essai", p.TRIAL_FLAT),
    case(EXPANSION, "foyer d'accueil médicalisé habitat inclusif", p.INCLUSIVE_HOUSING_FAM),
    case(
        EXPANSION,
        "maison d'accueil spécialisée comportements-problèmes",
        p.CHALLENGING_BEHAVIOUR_MAS,
    ),
    case(EXPANSION, "centre médico-psychologique fiche de liaison", p.LIAISON_FORM),
    case(
        EXPANSION,
        "aide sociale à l'enfance référent",
        p.CHILD_PROTECTION_REFERENT,
        p.CROSS_TRAINING_CHILD_PROTECTION,
    ),
    case(EXPANSION, "communauté 360 Loire-Atlantique", p.C360_LOIRE_ATLANTIQUE),
    case(
        EXPANSION,
        "établissement et service d'accompagnement par le travail vieillissement",
        p.GERONTOLOGY_ESAT,
    ),
    case(EXPANSION, "trouble du déficit de l'attention avec hyperactivité", p.ADHD_PARENTS),
    case(
        EXPANSION,
        "dispositif intégré ITEP adolescents",
        p.RESPITE_TEENAGERS,
        miss=SQLITE_BM25_TITLES,
    ),
    case(EXPANSION, "agence régionale de santé indicateurs de fluidité", p.CPOM_PATHWAYS),
    case(
        EXPANSION,
        "service d'accompagnement médico-social pour adultes handicapés",
        p.PEER_WORKERS_SAMSAH,
    ),
    case(
        EXPANSION,
        "maison d'enfants à caractère social pédopsychiatrie",
        p.CHILD_PSYCHIATRY_MOBILE_TEAM,
    ),
    case(EXPANSION, "centre médico-psycho-pédagogique parents", p.ADHD_PARENTS),
    # --- Typos -------------------------------------------------------------------------
    case(TYPO, "scolarisaton", p.SCHOOL_MOBILE_TEAM_GERS, p.INCLUSIVE_SCHOOLING_AUDE),
    case(TYPO, "scolarisaton équipe mobile", p.SCHOOL_MOBILE_TEAM_GERS),
    case(TYPO, "autodeterminaton", p.SELF_DETERMINATION_ESAT, p.SELF_DETERMINATION_IME),
    case(TYPO, "relayge à domicile", p.RELAYING_AT_HOME),
    case(TYPO, "gérontolgie", p.GERONTOLOGY_ESAT),
    case(
        TYPO,
        "amendemant Creton",
        p.CRETON_PLAN,
        p.RESPITE_YOUNG_ADULTS_TARN,
        miss=ENGINE_TYPO_WEIGHS_LESS,
    ),
    case(TYPO, "apartement d'essai", p.TRIAL_FLAT),
    case(TYPO, "comportements-problémes", p.CHALLENGING_BEHAVIOUR_MAS),
    case(TYPO, "désescalde", p.CRISIS_TRAINING),
    case(TYPO, "liste d'atente IME", p.WAITING_LIST_IME),
    case(TYPO, "habitat inclusiff", p.INCLUSIVE_HOUSING_FAM, p.TRIAL_FLAT),
    case(TYPO, "acceuil temporaire polyhandicapés", p.TEMPORARY_CARE_VAR),
    case(TYPO, "psychoéducatf", p.ADHD_PARENTS),
    case(TYPO, "ortophonie", p.PCPE_SPELLED_OUT),
    case(TYPO, "vieilissement foyer", p.AGEING_FAM_GERS),
    case(TYPO, "évaluaton externe", p.EXTERNAL_EVALUATION),
    case(TYPO, "conseilers en parcours", p.C360_LOIRE_ATLANTIQUE),
    case(TYPO, "pair-émultion", p.PEER_EMULATION_ITEP),
    case(TYPO, "acompagnement des apprentis", p.SESSAD_APPRENTICES_CHER),
    case(
        TYPO,
        "pédopsychaitre",
        p.CHILD_PSYCHIATRY_MOBILE_TEAM,
        p.CROSS_TRAINING_PSYCHIATRY,
        miss=ENGINE_TYPO_WEIGHS_LESS,
    ),
    case(TYPO, "transprot IME", p.SCHOOL_TRANSPORT),
    # --- Compounds: hyphenated, joined, split -----------------------------------------------
    case(COMPOUND, "auto-détermination", p.SELF_DETERMINATION_ESAT, p.SELF_DETERMINATION_IME),
    case(COMPOUND, "autodétermination", p.SELF_DETERMINATION_ESAT, p.SELF_DETERMINATION_IME),
    case(COMPOUND, "auto détermination enfants", p.SELF_DETERMINATION_IME),
    case(COMPOUND, "autodétermination IME", p.SELF_DETERMINATION_IME),
    case(COMPOUND, "auto-détermination ESAT", p.SELF_DETERMINATION_ESAT),
    case(COMPOUND, "pairémulation", p.PEER_EMULATION_ITEP),
    case(COMPOUND, "pair emulation", p.PEER_EMULATION_ITEP),
    case(COMPOUND, "pairs aidants", p.PEER_WORKERS_SAMSAH),
    case(COMPOUND, "pédo-psychiatrie équipe mobile", p.CHILD_PSYCHIATRY_MOBILE_TEAM),
    case(COMPOUND, "médico social hospitalisation", p.PSYCHIATRY_DISCHARGE),
    case(COMPOUND, "médicosocial sanitaire convention", p.PSYCHIATRY_DISCHARGE),
    case(COMPOUND, "neuro-développement repérage", p.EARLY_DETECTION_CAMSP),
    case(COMPOUND, "psycho-éducatif parents", p.ADHD_PARENTS),
    case(COMPOUND, "via trajectoire", p.MDPH_WAITING_LISTS),
    case(COMPOUND, "médico éducatif section professionnelle", p.IME_SPELLED_OUT),
    case(COMPOUND, "comportements problèmes", p.CHALLENGING_BEHAVIOUR_MAS),
    case(COMPOUND, "coconstruire le projet personnalisé", p.PERSONALISED_PROJECT),
    case(COMPOUND, "mini entreprise", p.IME_SPELLED_OUT),
    case(COMPOUND, "moniteur éducateur séjour", p.RESPITE_TEENAGERS),
    case(COMPOUND, "weekend de répit", p.RESPITE_YOUNG_ADULTS_TARN),
    case(COMPOUND, "aide soignants soins palliatifs", p.AGEING_FAM_GERS),
    # --- Words cut short ---------------------------------------------------------------
    case(PARTIAL, "pédopsy", p.CHILD_PSYCHIATRY_MOBILE_TEAM, p.CROSS_TRAINING_PSYCHIATRY),
    case(PARTIAL, "psychomot", p.PCPE_SPELLED_OUT),
    case(PARTIAL, "géronto", p.GERONTOLOGY_ESAT),
    case(PARTIAL, "éduc spé pédopsy", p.CROSS_TRAINING_PSYCHIATRY),
    case(PARTIAL, "autodéter", p.SELF_DETERMINATION_ESAT, p.SELF_DETERMINATION_IME),
    case(PARTIAL, "ergo collège", p.SESSAD_SPELLED_OUT),
    case(PARTIAL, "psychoéduc", p.ADHD_PARENTS),
    # --- Questions in plain language ---------------------------------------------------------
    case(
        LONG,
        "comment organiser un accueil de répit pour des jeunes adultes maintenus en IME ?",
        p.RESPITE_YOUNG_ADULTS_TARN,
        best=p.RESPITE_YOUNG_ADULTS_TARN,
    ),
    case(
        LONG,
        "quelles solutions de répit pour un adolescent en crise quand la famille n'en peut plus ?",
        p.RESPITE_TEENAGERS,
    ),
    case(
        LONG,
        "comment faire travailler ensemble l'ASE et le DITEP pour un jeune placé ?",
        p.CHILD_PROTECTION_REFERENT,
    ),
    case(
        LONG,
        "quelles prestations pour un enfant sur liste d'attente d'un établissement ?",
        p.PCPE_SPELLED_OUT,
    ),
    case(
        LONG,
        "comment préparer la sortie d'un jeune de l'IME vers un logement autonome ?",
        p.TRIAL_FLAT,
    ),
    case(
        LONG,
        "comment aider les enseignants à accueillir en classe un élève qui a des troubles du "
        "comportement ?",
        p.CROSS_TRAINING_SCHOOL,
        p.SCHOOL_MOBILE_TEAM_GERS,
        miss=SECOND_PAGE_FOURTH,
    ),
    case(
        LONG,
        "comment réduire les automutilations et les agressions chez des adultes autistes en MAS ?",
        p.CHALLENGING_BEHAVIOUR_MAS,
        best=p.CHALLENGING_BEHAVIOUR_MAS,
    ),
    case(
        LONG,
        "comment remplacer un aidant épuisé à domicile pendant quelques jours ?",
        p.RELAYING_AT_HOME,
    ),
    case(LONG, "que proposer aux travailleurs d'ESAT qui vieillissent ?", p.GERONTOLOGY_ESAT),
    case(
        LONG,
        "où se faire aider pour remplir un dossier MDPH près de chez soi ?",
        p.MDPH_OFFICES,
    ),
    case(
        LONG,
        "comment répondre à un appel à projets de l'ARS quand on dirige un établissement ?",
        p.CALL_FOR_PROPOSALS_TRAINING,
    ),
    case(
        LONG,
        "comment associer le jeune et ses parents à son projet personnalisé ?",
        p.PERSONALISED_PROJECT,
    ),
    case(
        LONG,
        "comment limiter les longs trajets en taxi des enfants qui vont à l'IME ?",
        p.SCHOOL_TRANSPORT,
    ),
    case(
        LONG,
        "comment éviter l'hospitalisation en urgence d'un jeune en crise accueilli en ITEP ?",
        p.CHILD_PSYCHIATRY_MOBILE_TEAM,
    ),
    case(
        LONG,
        "comment préparer l'évaluation externe avec les résidents de la MAS ?",
        p.EXTERNAL_EVALUATION,
    ),
    case(
        LONG,
        "que faire quand un jeune de plus de 20 ans reste à l'IME faute de place adulte ?",
        p.CRETON_PLAN,
        p.RESPITE_YOUNG_ADULTS_TARN,
    ),
    # --- Synonyms of the sector ----------------------------------------------------------
    case(SYNONYM, "baluchonnage", p.RELAYING_AT_HOME),
    case(SYNONYM, "répit ados", p.RESPITE_TEENAGERS),
    case(SYNONYM, "comportements-défis MAS", p.CHALLENGING_BEHAVIOUR_MAS),
    case(SYNONYM, "comportements-problèmes formation", p.CHALLENGING_BEHAVIOUR_TRAINING),
    case(SYNONYM, "appartement tremplin", p.TRIAL_FLAT),
    case(SYNONYM, "IMPro", p.IME_SPELLED_OUT),
    case(SYNONYM, "hébergement temporaire MAS", p.TEMPORARY_CARE_VAR),
    case(SYNONYM, "burn-out des éducateurs", p.STAFF_EXHAUSTION),
    case(
        SYNONYM,
        "psychiatrie infanto-juvénile",
        p.CHILD_PSYCHIATRY_MOBILE_TEAM,
        p.CROSS_TRAINING_PSYCHIATRY,
    ),
    case(SYNONYM, "handicap mental foyer vieillissement", p.AGEING_FAM_GERS),
    case(SYNONYM, "gestion de l'agressivité formation", p.CRISIS_TRAINING),
    case(SYNONYM, "travailleurs pairs autisme", p.PEER_WORKERS_SAMSAH),
    case(SYNONYM, "personnes handicapées âgées", p.GERONTOLOGY_ESAT, p.AGEING_FAM_GERS),
    case(SYNONYM, "élèves décrocheurs", p.SCHOOL_DROPOUT),
    case(SYNONYM, "guidance parentale hyperactivité", p.ADHD_PARENTS),
    case(SYNONYM, "habitat partagé", p.INCLUSIVE_HOUSING_FAM),
    # --- Régions and départements ----------------------------------------------------------
    case(PLACE, "répit jeunes adultes Occitanie", p.RESPITE_YOUNG_ADULTS_TARN),
    case(PLACE, "répit Loire", p.RESPITE_LOIRE, best=p.RESPITE_LOIRE),
    case(PLACE, "répit Haute-Loire", p.RESPITE_HAUTE_LOIRE, best=p.RESPITE_HAUTE_LOIRE),
    case(PLACE, "Loire", p.RESPITE_LOIRE, best=p.RESPITE_LOIRE),
    case(PLACE, "C360 Pays de la Loire", p.C360_LOIRE_ATLANTIQUE),
    case(PLACE, "accueil de nuit Ain", p.NIGHT_CARE_AIN, best=p.NIGHT_CARE_AIN),
    case(PLACE, "Ain", p.NIGHT_CARE_AIN, best=p.NIGHT_CARE_AIN),
    case(PLACE, "équipe mobile Gers", p.SCHOOL_MOBILE_TEAM_GERS, best=p.SCHOOL_MOBILE_TEAM_GERS),
    case(PLACE, "Gers", p.SCHOOL_MOBILE_TEAM_GERS, p.AGEING_FAM_GERS),
    case(PLACE, "vieillissement Gers", p.AGEING_FAM_GERS, best=p.AGEING_FAM_GERS),
    case(PLACE, "répit Nord", p.RESPITE_PLATFORM_AUTISM, best=p.RESPITE_PLATFORM_AUTISM),
    case(PLACE, "Nord", p.RESPITE_PLATFORM_AUTISM, p.MDPH_OFFICES),
    case(PLACE, "MDPH Nord", p.MDPH_OFFICES),
    case(PLACE, "accueil temporaire Var", p.TEMPORARY_CARE_VAR),
    case(PLACE, "Var", p.TEMPORARY_CARE_VAR, best=p.TEMPORARY_CARE_VAR),
    case(PLACE, "répit Provence-Alpes-Côte d'Azur", p.TEMPORARY_CARE_VAR),
    case(PLACE, "apprentis Cher", p.SESSAD_APPRENTICES_CHER),
    case(PLACE, "Cher", p.SESSAD_APPRENTICES_CHER, best=p.SESSAD_APPRENTICES_CHER),
    case(PLACE, "transport IME Loir-et-Cher", p.SCHOOL_TRANSPORT),
    case(PLACE, "SESSAD Centre-Val de Loire", p.SESSAD_APPRENTICES_CHER),
    case(PLACE, "habitat inclusif PACA", p.INCLUSIVE_HOUSING_FAM),
    case(PLACE, "répit Auvergne-Rhône-Alpes", p.RESPITE_LOIRE),
    case(PLACE, "relayage Bretagne", p.RELAYING_AT_HOME),
    case(PLACE, "pédopsychiatrie Hauts-de-France", p.CHILD_PSYCHIATRY_MOBILE_TEAM),
    case(PLACE, "appartement d'essai Occitanie", p.TRIAL_FLAT),
    case(PLACE, "PCPE Hérault", p.PCPE_SPELLED_OUT),
    case(PLACE, "scolarisation Aude", p.INCLUSIVE_SCHOOLING_AUDE),
    case(PLACE, "répit adolescents Gironde", p.RESPITE_TEENAGERS),
    # --- Phrases in double quotes -----------------------------------------------------------
    case(PHRASE, '"accueil de jour"', p.MAS_DAY_CARE, p.WAITING_LIST_IME, p.ITEP_SPELLED_OUT),
    case(PHRASE, '"liste d\'attente"', p.WAITING_LIST_IME, p.MDPH_WAITING_LISTS),
    case(PHRASE, '"habitat inclusif"', p.INCLUSIVE_HOUSING_FAM, p.TRIAL_FLAT),
    case(PHRASE, '"équipe mobile" scolarisation', p.SCHOOL_MOBILE_TEAM_GERS),
    case(PHRASE, '"formation croisée"', p.CROSS_TRAINING_SCHOOL, p.CROSS_TRAINING_PSYCHIATRY),
    case(
        PHRASE,
        '"amendement Creton"',
        p.CRETON_PLAN,
        p.RESPITE_YOUNG_ADULTS_TARN,
        miss=TITLES_OUTRANK,
    ),
    case(PHRASE, '"accueil temporaire"', p.TEMPORARY_CARE_VAR),
    case(PHRASE, '"qualité de vie au travail"', p.STAFF_EXHAUSTION),
    case(PHRASE, '"plan d\'accompagnement global"', p.RAPT_SHEET),
    case(PHRASE, '"troubles du comportement"', p.CROSS_TRAINING_SCHOOL),
    case(PHRASE, '"fiche de liaison"', p.LIAISON_FORM),
    case(PHRASE, '"conseil de la vie sociale"', p.SELF_DETERMINATION_ESAT),
    case(PHRASE, '"équipe mobile" gériatrie', p.AGEING_FAM_GERS),
    case(PHRASE, '"répit" "jeunes adultes"', p.RESPITE_YOUNG_ADULTS_TARN),
    case(PHRASE, '"lieu de répit"', p.RESPITE_LOIRE),
    # --- English pages ---------------------------------------------------------------
    case(ENGLISH, "respite young adults", p.EN_RESPITE_YOUNG_ADULTS, language="en"),
    case(ENGLISH, "mobile team schools", p.EN_SCHOOL_MOBILE_TEAM, language="en"),
    case(ENGLISH, "mobile team Gers", p.EN_SCHOOL_MOBILE_TEAM, language="en"),
    case(ENGLISH, "self determination", p.EN_SELF_DETERMINATION, language="en"),
    case(ENGLISH, "selfdetermination training", p.EN_SELF_DETERMINATION, language="en"),
    case(ENGLISH, "trial apartment", p.EN_TRIAL_FLAT, language="en"),
    case(ENGLISH, "challenging behavior autism", p.EN_CHALLENGING_BEHAVIOUR, language="en"),
    case(ENGLISH, "caregivers respite autism", p.EN_CARERS_PLATFORM, language="en"),
    case(ENGLISH, "peer supporters", p.EN_PEER_WORKERS, language="en"),
    case(ENGLISH, "child psychiatrist training", p.EN_CROSS_TRAINING, language="en"),
    case(ENGLISH, "waiting list", p.EN_WAITING_LISTS, language="en"),
    case(ENGLISH, "staff burnout", p.EN_STAFF_WELLBEING, language="en"),
    case(ENGLISH, "well-being of staff", p.EN_STAFF_WELLBEING, language="en"),
    case(ENGLISH, "Creton amendment", p.EN_RESPITE_YOUNG_ADULTS, language="en"),
    case(ENGLISH, "independant living", p.EN_TRIAL_FLAT, language="en"),
    case(ENGLISH, "leaving childrens services", p.EN_TRIAL_FLAT, language="en"),
]


def parameters():
    """(backend, case) pairs, each with its expected failure mark where it has one."""
    return [
        pytest.param(
            backend,
            case,
            id=f"{backend}-{case.id}",
            marks=[pytest.mark.xfail(strict=True, reason=case.miss.reason)]
            if case.missed_on(backend)
            else [],
        )
        for backend in BACKENDS
        for case in CASES
    ]


# --- Measures -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    rank: int | None  # of the first expected page among the first results page
    hit: bool  # every expected page in the top 3, and the best one first


def outcome(case, titles):
    ranks = [titles.index(title) + 1 for title in case.expected if title in titles[:MRR_DEPTH]]
    hit = set(case.expected) <= set(titles[:TOP]) and (
        case.best is None or titles[:1] == [case.best]
    )
    return Outcome(min(ranks) if ranks else None, hit)


class RelevanceReport:
    """The outcome of each (backend, query), summed up per backend and kind at the end."""

    def __init__(self):
        self.outcomes = {}  # (backend, case) -> Outcome

    def record(self, backend, case, titles):
        self.outcomes[backend, case] = outcome(case, titles)

    @staticmethod
    def measures(outcomes):
        count = len(outcomes)
        hits = sum(result.hit for result in outcomes)
        reciprocal = sum(1 / result.rank for result in outcomes if result.rank)
        return count, hits, reciprocal / count if count else 0.0

    def lines(self):
        by_group = defaultdict(list)
        for (backend, case), result in self.outcomes.items():
            by_group[backend, case.kind].append(result)
            by_group[backend, "all"].append(result)
        header = ("backend", "kind", "queries", "hits", "hit rate", "MRR@10")
        lines = ["{:<12}{:<11}{:>8}{:>6}{:>10}{:>8}".format(*header)]
        for backend in BACKENDS:
            for kind in (*KINDS, "all"):
                if (backend, kind) in by_group:
                    count, hits, mrr = self.measures(by_group[backend, kind])
                    rate = f"{hits / count:.1%}"
                    lines.append(f"{backend:<12}{kind:<11}{count:>8}{hits:>6}{rate:>10}{mrr:>8.3f}")
        for backend in BACKENDS:
            missed = [
                (case, result)
                for (on, case), result in self.outcomes.items()
                if on == backend and not result.hit
            ]
            lines.append(f"{backend}: {len(missed)} queries missed")
            lines.extend(
                f"  {backend}-{case.id} (first expected page at rank {result.rank or 'none'})"
                for case, result in missed
            )
        return lines

    def pytest_terminal_summary(self, terminalreporter):
        if not self.outcomes:
            return
        lines = self.lines()
        terminalreporter.section("search relevance")
        for line in lines:
            terminalreporter.write_line(line)
        path = os.environ.get("RELEVANCE_REPORT")
        if path:
            with open(path, "w", encoding="utf-8") as report:
                report.write("\n".join(lines) + "\n")


REPORT_PLUGIN = "search-relevance-report"


@pytest.fixture(scope="module")
def relevance_corpus(request, django_db_setup, django_db_blocker, engine_prefix):
    """The written pages, indexed once on each backend of the run, and the report."""
    plugins = request.config.pluginmanager
    report = plugins.get_plugin(REPORT_PLUGIN)
    if report is None:
        report = RelevanceReport()
        plugins.register(report, REPORT_PLUGIN)
    index_prefix = f"{engine_prefix}-relevance"
    with django_db_blocker.unblock():
        for corpus in indexed_relevance_corpus(DATABASE, ENGINE_URL, index_prefix):
            yield corpus, report


def test_the_judged_queries_name_written_pages():
    titles = {(page.locale, page.title) for page in p.PAGES}
    assert len(titles) == len(p.PAGES), "two written pages share a title"
    for judged in CASES:
        assert judged.kind in KINDS, judged
        assert judged.expected and len(judged.expected) <= TOP, judged
        assert {(judged.language, title) for title in judged.expected} <= titles, judged
        assert judged.best is None or judged.best in judged.expected, judged
    ids = [judged.id for judged in CASES]
    assert len(set(ids)) == len(ids), "two judged queries share a test id"
    assert len(CASES) >= 150


def test_every_written_page_is_indexed(relevance_corpus):
    corpus, _report = relevance_corpus
    indexed = {(document["locale"], document["title"]) for document in corpus.documents}

    assert indexed == {(page.locale, page.title) for page in p.PAGES}
    assert corpus.backends == BACKENDS


@pytest.mark.parametrize("backend, case", parameters())
def test_expected_pages_are_in_the_top_3(relevance_corpus, backend, case):
    corpus, report = relevance_corpus
    titles = corpus.search(backend, case.query, case.language)
    report.record(backend, case, titles)

    assert set(case.expected) <= set(titles[:TOP]), titles
    if case.best is not None:
        assert titles[:1] == [case.best], titles
