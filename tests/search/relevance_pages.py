"""Pages written for the relevance measures: a small sector knowledge base with its traps.

Every page is written the way an editor of the site would write it, in the
words of the sector, and built through the project's factories so that the real
extraction (`search.extraction.page_document`) turns it into its search
document. The judged queries of `test_relevance.py` name their expected pages
by the title constants below.

The corpus is built to make a search engine work for its answers:

- an acronym is written on some pages only in full (« maison départementale des
  personnes handicapées », « institut thérapeutique, éducatif et pédagogique »),
  on others only as the acronym;
- « autodétermination » is written joined on some pages, « auto-détermination »
  on others; « comportements-problèmes » and « comportements défis » name the
  same thing on different pages;
- places that look like words: a page of the Gers and pages that « gère » or
  speak of « gérontologie »; pages of the Loire, the Haute-Loire and the
  Loire-Atlantique; the Cher and a page where transport « coûte cher »; the Nord
  and a page of the « nord du Tarn »; the Ain and « les aînés »; the Var and a
  place that « varie »;
- pages share many words (répit, équipe mobile, ITEP, jeunes, formation) while
  being about something else: staff respite against family respite,
  « déscolarisation » against « scolarisation », respite for teenagers against
  respite for young adults.

Pages carry themes, audiences, establishment types, territories and tags as
editors fill them in; the body is the page type's main rich-text field.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from kb.models import Audience, Department, EstablishmentType, HomePage, Region, Theme
from tests.practices.factories import (
    ExperimentIndexPageFactory,
    ExperimentPageFactory,
    PracticeSheetIndexPageFactory,
    PracticeSheetPageFactory,
    PracticesIndexPageFactory,
    TrainingOfferIndexPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
    term,
)

SHEET, EXPERIMENT, TRAINING = "sheet", "experiment", "training"


@dataclass(frozen=True)
class Written:
    """A page as its editor wrote it. `body` paragraphs are separated by blank lines."""

    kind: str
    title: str
    summary: str
    body: str
    themes: tuple = ()
    audiences: tuple = ()
    establishments: tuple = ()
    regions: tuple = ()
    departments: tuple = ()
    tags: tuple = ()
    year: int = 2023
    status: str = "completed"
    # Experiments: the kind of device. Trainings: who hosts it, for which professions.
    device: str = "other"
    host: str = "Association régionale de formation"
    professions: str = "Professionnels des établissements et services"
    locale: str = "fr"


def paragraphs(text):
    return "".join(f"<p>{part.strip()}</p>" for part in text.split("\n\n") if part.strip())


# --- Respite -------------------------------------------------------------------

RESPITE_YOUNG_ADULTS_TARN = (
    "Des week-ends de répit pour les jeunes adultes en attente d’une place en MAS"
)
RESPITE_TEENAGERS = "Séjours de répit pour des adolescents en crise accompagnés par un DITEP"
RELAYING_AT_HOME = "Organiser le relayage à domicile des aidants familiaux"
TEMPORARY_CARE_VAR = (
    "L’accueil temporaire en maison d’accueil spécialisée, une respiration pour les familles"
)
STAFF_EXHAUSTION = "Prévenir l’épuisement des équipes éducatives face aux situations lourdes"
RESPITE_PLATFORM_AUTISM = (
    "Une plateforme de répit et d’accompagnement pour les aidants d’enfants autistes"
)
RESPITE_LOIRE = "Trois établissements stéphanois mutualisent un lieu de répit pour enfants"
RESPITE_HAUTE_LOIRE = "Un accueil de répit itinérant sur les plateaux de Haute-Loire"
CARERS_SURVEY_OCCITANIE = "État des lieux de l’offre de répit pour les proches aidants en Occitanie"
HOLIDAYS = "Des séjours de vacances adaptées pour des adultes en situation de handicap"

# --- Mobile teams, psychiatry ----------------------------------------------------

SCHOOL_MOBILE_TEAM_GERS = "Une équipe mobile d’appui à la scolarisation auprès des écoles rurales"
CHILD_PSYCHIATRY_MOBILE_TEAM = "Une équipe mobile de pédopsychiatrie qui se déplace dans les ITEP"
PSYCHIATRY_DISCHARGE = (
    "Articuler l’hôpital psychiatrique et le médico-social après une hospitalisation"
)
LIAISON_FORM = "Une fiche de liaison entre le CMP et l’établissement d’accueil"

# --- Ageing ------------------------------------------------------------------------

AGEING_FAM_GERS = "Adapter un foyer d’accueil médicalisé au vieillissement de ses résidents"
GERONTOLOGY_ESAT = "Une consultation de gérontologie ouverte aux travailleurs d’ESAT vieillissants"

# --- Waiting lists, MDPH, orientation ------------------------------------------------

WAITING_LIST_IME = "Gérer la liste d’attente d’un IME sans perdre de vue les familles"
MDPH_WAITING_LISTS = "Partager les listes d’attente entre la MDPH et les établissements"
MDPH_OFFICES = (
    "Des permanences de la maison départementale des personnes handicapées dans les centres sociaux"
)
RAPT_SHEET = "Réponse accompagnée pour tous : animer le groupe opérationnel de synthèse"
C360_LOIRE_ATLANTIQUE = "La C360 de Loire-Atlantique : des conseillers en parcours au bout du fil"

# --- Participation, self-determination, peers -------------------------------------------

SELF_DETERMINATION_ESAT = "Soutenir l’autodétermination des travailleurs d’ESAT"
SELF_DETERMINATION_IME = "Former les équipes d’IME à l’auto-détermination des enfants"
PEER_WORKERS_SAMSAH = "Des pairs-aidants dans l’équipe d’un SAMSAH pour adultes autistes"
PEER_EMULATION_ITEP = "La pair-émulation entre jeunes d’ITEP : les anciens accueillent les nouveaux"
PERSONALISED_PROJECT = (
    "Co-construire le projet personnalisé d’accompagnement avec le jeune et sa famille"
)
EASY_READ_BOOKLET = "Écrire le livret d’accueil en facile à lire et à comprendre"
EXTERNAL_EVALUATION = "Évaluation externe : préparer la visite avec les personnes accompagnées"
IMPACT_MEASURE = "Mesurer ce que change un dispositif : indicateurs et évaluation d’impact"

# --- ITEP, SESSAD, IME, PCPE, CPOM ----------------------------------------------------

ITEP_SPELLED_OUT = (
    "Faire évoluer un institut thérapeutique, éducatif et pédagogique "
    "vers le fonctionnement en dispositif"
)
SESSAD_SPELLED_OUT = (
    "Le service d’éducation spéciale et de soins à domicile intervient dans la classe"
)
SESSAD_APPRENTICES_CHER = "Un SESSAD professionnel accompagne des apprentis chez les artisans"
SCHOOL_TRANSPORT = "Réduire le temps de transport des enfants accueillis en IME"
IME_SPELLED_OUT = (
    "Ouvrir une section professionnelle pour les 16-20 ans dans un institut médico-éducatif"
)
TRIAL_FLAT = "Un appartement d’essai pour préparer la sortie de l’IME"
CRETON_PLAN = "Amendement Creton : un plan de sortie pour chaque jeune adulte"
PCPE_SPELLED_OUT = (
    "Un pôle de compétences et de prestations externalisées pour les enfants sans solution"
)
PCPE_ADULTS = "Le PCPE, passerelle vers le droit commun pour les adultes avec un handicap psychique"
CPOM_PATHWAYS = "Inscrire les parcours sans rupture dans le CPOM des organismes gestionnaires"
NIGHT_CARE_AIN = "Garder un accueil de nuit de proximité après la fermeture d’un internat"
ADMISSIONS_ITEP = "Gérer les admissions en urgence dans un dispositif ITEP"

# --- MAS, FAM, housing, challenging behaviour ----------------------------------------------

MAS_DAY_CARE = "Ouvrir un accueil de jour dans une maison d’accueil spécialisée"
INCLUSIVE_HOUSING_FAM = "Un FAM ouvre des logements en habitat inclusif à ses résidents autonomes"
CHALLENGING_BEHAVIOUR_MAS = "Prévenir les comportements-problèmes des adultes autistes en MAS"
CHALLENGING_BEHAVIOUR_TRAINING = (
    "Comprendre et apaiser les comportements défis : formation pour les équipes de FAM"
)
CRISIS_TRAINING = "Gérer la crise et la violence : techniques de désescalade pour les éducateurs"

# --- School -------------------------------------------------------------------------

EXTERNAL_TEACHING_UNIT = "Une unité d’enseignement externalisée dans un collège de quartier"
AUTISM_NURSERY_CLASS = "Une classe pour enfants autistes dans une école maternelle"
SCHOOL_DROPOUT = "Repérer le décrochage des jeunes accompagnés en ITEP avant la rupture"
INCLUSIVE_SCHOOLING_AUDE = "Scolarisation en classe ordinaire : le rôle de l’enseignant référent"
EARLY_DETECTION_CAMSP = (
    "Le centre d’action médico-sociale précoce repère les troubles du neurodéveloppement"
)
ADHD_PARENTS = "Un programme psychoéducatif pour les parents d’enfants TDAH"

# --- Cross-training, funding, social care ---------------------------------------------------

CROSS_TRAINING_SCHOOL = (
    "Formation croisée enseignants et éducateurs d’ITEP : les troubles du comportement à l’école"
)
CROSS_TRAINING_PSYCHIATRY = (
    "Pédopsychiatres et éducateurs spécialisés : une formation croisée pour parler le même langage"
)
CROSS_TRAINING_CHILD_PROTECTION = (
    "Protection de l’enfance et handicap : se former ensemble entre aide sociale à l’enfance "
    "et DITEP"
)
CHILD_PROTECTION_REFERENT = "Un référent commun pour les jeunes confiés à l’ASE et suivis en DITEP"
CALL_FOR_PROPOSALS_TRAINING = "Répondre à un appel à projets de l’agence régionale de santé"
PARTICIPATORY_DESIGN = "Rénover les locaux d’un IME avec les enfants qui y vivent"

# --- English pages ---------------------------------------------------------------------

EN_RESPITE_YOUNG_ADULTS = "Respite weekends for young adults waiting for a residential place"
EN_SCHOOL_MOBILE_TEAM = (
    "A mobile team that helps rural schools include pupils with behavioural needs"
)
EN_SELF_DETERMINATION = (
    "Training staff in self-determination for children with learning disabilities"
)
EN_TRIAL_FLAT = "A trial flat to practise independent living before leaving children’s services"
EN_CHALLENGING_BEHAVIOUR = (
    "Reducing challenging behaviour among autistic adults in residential care"
)
EN_CARERS_PLATFORM = "A respite and support platform for carers of autistic children"
EN_PEER_WORKERS = "Peer support workers join an adult autism service"
EN_CROSS_TRAINING = "Cross-training child psychiatrists and special needs educators"
EN_WAITING_LISTS = "Sharing waiting lists between the disability office and care providers"
EN_STAFF_WELLBEING = "Looking after staff wellbeing in a home for disabled adults"


PAGES = [
    # --- Respite ---
    Written(
        EXPERIMENT,
        RESPITE_YOUNG_ADULTS_TARN,
        "Un IME du nord du Tarn accueille un week-end par mois les jeunes de plus de 20 ans "
        "qui y restent faute de place adaptée, pour que leurs parents puissent souffler.",
        """Huit jeunes adultes maintenus à l’IME au titre de l’amendement Creton attendaient
        une orientation en MAS ou en foyer depuis plus de deux ans. Leurs familles, épuisées,
        n’avaient plus aucun relais le samedi et le dimanche.

        L’établissement a rouvert son internat le temps d’un week-end par mois, avec deux
        éducateurs et un veilleur de nuit, grâce à des crédits non reconductibles. Les séjours
        se réservent trois mois à l’avance ; un carnet suit chaque jeune entre la maison et
        l’équipe.

        Sur l’année, aucune hospitalisation en urgence, et deux familles qui pensaient renoncer
        à garder leur enfant à la maison en semaine ont repris confiance.""",
        themes=("jeunes-adultes", "prevention-ruptures"),
        audiences=("jeunes-adultes", "familles-aidants"),
        establishments=("ime", "mas"),
        departments=("81",),
        tags=("week-end", "internat"),
        year=2022,
        device="respite_unit",
    ),
    Written(
        EXPERIMENT,
        RESPITE_TEENAGERS,
        "Quand la vie à la maison devient explosive, trois à cinq nuits dans un gîte loué à "
        "l’année permettent à l’adolescent et à ses parents de reprendre leur souffle.",
        """Les adolescents de 12 à 17 ans accompagnés par le dispositif connaissaient des
        ruptures en chaîne : exclusions du collège, fugues, passages aux urgences.

        Le séjour est décidé en 48 heures par le coordinateur de parcours, avec l’accord des
        parents. Un éducateur et un moniteur-éducateur encadrent quatre jeunes au plus ; la
        randonnée, le canoë et la cuisine servent de support au travail éducatif.

        Au retour, une rencontre avec la famille fait le point sur ce qui a bougé. Les
        demandes d’hospitalisation ont baissé d’un tiers la deuxième année.""",
        themes=("prevention-ruptures",),
        audiences=("enfants-adolescents", "troubles-du-comportement"),
        establishments=("ditep",),
        departments=("33",),
        tags=("séjour", "crise"),
        year=2021,
        device="respite_unit",
    ),
    Written(
        SHEET,
        RELAYING_AT_HOME,
        "Un professionnel formé s’installe plusieurs jours au domicile pour remplacer l’aidant, "
        "qui peut partir se reposer sans que la personne aidée change de cadre de vie.",
        """Le relayage s’adresse aux proches qui soutiennent chaque jour un adulte en situation
        de handicap ou une personne âgée dépendante. Un intervenant unique assure une présence
        jour et nuit pendant deux à six jours d’affilée.

        La fiche décrit le cadre dérogatoire au droit du travail, le recrutement et la
        formation des relayeurs, la visite de préparation avec l’aidant et le cahier de
        transmission laissé au domicile.""",
        themes=("prevention-ruptures",),
        audiences=("familles-aidants", "adultes"),
        regions=("53",),
        tags=("aidants", "domicile"),
        year=2024,
        status="in_progress",
    ),
    Written(
        EXPERIMENT,
        TEMPORARY_CARE_VAR,
        "Six places d’accueil temporaire, réservables pour une à trois semaines, permettent aux "
        "parents d’adultes polyhandicapés de partir en vacances ou de faire face à une "
        "hospitalisation.",
        """L’établissement, installé près de Draguignan, a réservé six chambres à l’accueil
        temporaire : une vraie solution de répit pour des parents qui n’avaient jamais laissé
        leur enfant devenu adulte.

        Les séjours supposent une décision d’orientation de la maison départementale des
        personnes handicapées, dans la limite de 90 jours par an. Une infirmière coordonne les
        admissions et rencontre chaque famille avant le premier séjour.

        Le taux d’occupation atteint 85 % après deux ans ; les semaines d’été se demandent un
        an à l’avance.""",
        themes=("prevention-ruptures",),
        audiences=("polyhandicap", "adultes", "familles-aidants"),
        establishments=("mas",),
        departments=("83",),
        tags=("vacances des aidants",),
        year=2020,
        device="respite_unit",
    ),
    Written(
        SHEET,
        STAFF_EXHAUSTION,
        "Analyse des pratiques, temps de décompression et rotation sur les groupes les plus "
        "exigeants : ce qu’un établissement a mis en place pour que ses professionnels "
        "tiennent dans la durée.",
        """Les arrêts maladie se multipliaient dans l’unité qui accueille les adultes les plus
        dépendants. Un psychologue extérieur anime désormais une séance mensuelle d’analyse des
        pratiques, et les éducateurs changent de groupe tous les six mois.

        Après chaque incident grave, l’équipe dispose d’une demi-journée de répit hors du
        groupe. La démarche s’inscrit dans le plan qualité de vie au travail de l’association ;
        la direction suit l’absentéisme et le renouvellement du personnel.""",
        themes=("qualite-vie-travail",),
        audiences=("professionnels",),
        establishments=("fam",),
        tags=("analyse des pratiques",),
        year=2023,
        status="evaluated",
    ),
    Written(
        EXPERIMENT,
        RESPITE_PLATFORM_AUTISM,
        "Soirées d’échanges, garde ponctuelle à domicile et séjours en famille : la plateforme "
        "propose aux parents tout un bouquet de solutions pour souffler.",
        """Portée par une association lilloise, la plateforme s’adresse aux familles d’enfants
        présentant des troubles du spectre de l’autisme, avec ou sans notification.

        Les parents réservent en ligne une garde de quelques heures assurée par une
        intervenante formée ; une psychologue anime chaque mois un groupe de parole. En 2023,
        210 familles ont été accompagnées, dont un tiers de parents isolés.""",
        themes=("prevention-ruptures",),
        audiences=("tsa", "familles-aidants", "enfants-adolescents"),
        establishments=("pfra",),
        departments=("59",),
        tags=("garde à domicile", "groupe de parole"),
        year=2023,
        device="respite_unit",
    ),
    Written(
        EXPERIMENT,
        RESPITE_LOIRE,
        "Un ancien presbytère aménagé accueille à tour de rôle, le mercredi et pendant les "
        "vacances, les enfants de trois établissements stéphanois, pour soulager les familles.",
        """Aucun des trois établissements n’avait seul les moyens d’ouvrir un lieu de répit.
        Ils ont mis en commun un bâtiment, un planning et une équipe de quatre professionnels
        détachés à temps partiel.

        Les familles réservent auprès d’un secrétariat unique. Les enfants retrouvent d’une
        fois sur l’autre les mêmes adultes, ce qui rassure les plus anxieux.""",
        themes=("prevention-ruptures",),
        audiences=("enfants-adolescents", "familles-aidants"),
        establishments=("itep", "ime"),
        departments=("42",),
        tags=("mutualisation",),
        year=2021,
        device="respite_unit",
    ),
    Written(
        EXPERIMENT,
        RESPITE_HAUTE_LOIRE,
        "Un minibus aménagé et deux animatrices : le lieu d’accueil varie chaque semaine, d’une "
        "salle communale à l’autre, pour rejoindre les familles isolées de Haute-Loire.",
        """Sur les plateaux, la première structure de répit est souvent à une heure de route.
        L’accueil itinérant s’installe une journée par semaine dans un village différent et
        reçoit enfants et adultes en situation de handicap pendant que les aidants se reposent.

        Les communes prêtent la salle ; la mutualité sociale agricole finance le véhicule.""",
        themes=("prevention-ruptures",),
        audiences=("familles-aidants",),
        departments=("43",),
        tags=("ruralité", "itinérant"),
        year=2024,
        device="respite_unit",
    ),
    Written(
        SHEET,
        CARERS_SURVEY_OCCITANIE,
        "Combien de places, pour qui, à quelle distance : un recensement des solutions de répit "
        "offertes aux proches aidants de la région, pour repérer les territoires dépourvus.",
        """L’étude recense les hébergements temporaires, les haltes-répit et les plateformes
        d’accompagnement des aidants d’Occitanie. Les proches de personnes âgées sont les mieux
        couverts ; les aidants d’adultes avec un handicap psychique restent les oubliés.

        Elle recommande de rendre visible l’offre existante sur un site unique et de
        financer en priorité les zones de montagne.""",
        themes=("pilotage-evaluation",),
        audiences=("familles-aidants",),
        regions=("76",),
        tags=("étude", "aidants"),
        year=2019,
        status="completed",
    ),
    Written(
        EXPERIMENT,
        HOLIDAYS,
        "Une association organise chaque été des séjours d’une à deux semaines au bord de la "
        "mer pour des adultes qui ne partent jamais, avec un encadrement renforcé.",
        """Les séjours réunissent huit vacanciers et quatre animateurs formés aux gestes de
        premiers secours et à la prise de médicaments. Les vacanciers choisissent eux-mêmes
        leurs activités lors d’une réunion de préparation au printemps.

        Pour les familles, c’est aussi une pause attendue toute l’année.""",
        themes=("participation-autodetermination",),
        audiences=("adultes",),
        establishments=("esat",),
        regions=("52",),
        tags=("vacances",),
        year=2018,
    ),
    # --- Mobile teams, psychiatry ---
    Written(
        EXPERIMENT,
        SCHOOL_MOBILE_TEAM_GERS,
        "Depuis Auch, deux professionnels d’un ITEP se rendent dans les écoles qui accueillent "
        "des élèves en difficulté de comportement, pour conseiller les enseignants avant que la "
        "situation ne se dégrade.",
        """L’équipe mobile d’appui médico-social à la scolarisation intervient à la demande de
        l’école, sans notification préalable. Elle observe la classe, propose des aménagements
        et aide les enseignants à repérer les signes qui annoncent une crise.

        En deux ans, 64 écoles l’ont sollicitée, dont la moitié à plus de quarante minutes d’un
        établissement spécialisé. Les conseillers pédagogiques de circonscription participent
        au choix des interventions.""",
        themes=("scolarisation",),
        audiences=("enfants-adolescents", "troubles-du-comportement"),
        establishments=("itep",),
        departments=("32",),
        tags=("école", "appui aux enseignants"),
        year=2022,
        device="mobile_unit",
    ),
    Written(
        EXPERIMENT,
        CHILD_PSYCHIATRY_MOBILE_TEAM,
        "Un pédopsychiatre, une infirmière et une psychologue du secteur se rendent dans les "
        "établissements pour éviter les hospitalisations en urgence des jeunes en crise.",
        """Les éducateurs appelaient le 15 faute d’autre recours. L’équipe mobile répond
        désormais dans la journée : elle évalue la situation sur place, ajuste le traitement
        avec le médecin traitant et propose un suivi de quelques semaines.

        Elle intervient dans cinq ITEP et deux MECS du Pas-de-Calais. Les passages aux urgences
        ont diminué de moitié et les équipes disent se sentir moins seules face aux crises.""",
        themes=("situations-complexes", "coordination-parcours"),
        audiences=("enfants-adolescents", "troubles-du-comportement"),
        establishments=("itep", "mecs"),
        departments=("62",),
        tags=("psychiatrie", "crise"),
        year=2023,
        device="mobile_unit",
    ),
    Written(
        SHEET,
        PSYCHIATRY_DISCHARGE,
        "Une convention entre le centre hospitalier et les établissements du département pour "
        "préparer chaque sortie d’hospitalisation et garantir une place au retour.",
        """Trop de personnes restaient hospitalisées des mois faute de solution de sortie, ou
        revenaient en établissement sans que l’équipe sache ce qui s’était passé. La convention
        prévoit une réunion de sortie, la transmission d’un compte rendu et un numéro d’appel
        direct vers le psychiatre pendant un mois.

        Les équipes du secteur sanitaire et du secteur médico-social se rencontrent deux fois
        par an.""",
        themes=("coordination-parcours", "situations-complexes"),
        audiences=("adultes",),
        establishments=("fam", "mas"),
        departments=("35",),
        tags=("sanitaire", "convention"),
        year=2021,
        status="in_progress",
    ),
    Written(
        SHEET,
        LIAISON_FORM,
        "Une page recto verso remplie à chaque changement : traitement, interlocuteurs, "
        "événements récents, pour que le CMP et l’équipe éducative partagent la même "
        "information.",
        """La fiche est remplie par l’éducateur référent et relue par l’infirmière du CMP. Elle
        ne contient que ce qui est utile à la continuité de l’accompagnement, dans le respect
        du secret partagé.

        Six mois après sa mise en place, les rendez-vous manqués ont nettement diminué.""",
        themes=("coordination-parcours",),
        audiences=("enfants-adolescents",),
        establishments=("cmp", "itep"),
        departments=("76",),
        tags=("secret partagé",),
        year=2020,
        status="evaluated",
    ),
    # --- Ageing ---
    Written(
        SHEET,
        AGEING_FAM_GERS,
        "Les résidents ont en moyenne 58 ans : le foyer du Gers revoit ses rythmes, ses locaux "
        "et ses liens avec l’hôpital.",
        """Le foyer accueille quarante adultes avec une déficience intellectuelle ou un handicap
        psychique. Le vieillissement précoce de ses résidents l’oblige à repenser son projet.

        La fiche propose des journées au rythme allégé, une salle de bain adaptée par étage,
        une convention avec l’équipe mobile de gériatrie et la formation des aides-soignants
        aux soins palliatifs.""",
        themes=("transformation-offre",),
        audiences=("personnes-vieillissantes", "adultes"),
        establishments=("fam",),
        departments=("32",),
        tags=("vieillissement",),
        year=2024,
        status="planned",
    ),
    Written(
        EXPERIMENT,
        GERONTOLOGY_ESAT,
        "Un bilan annuel à l’hôpital de jour repère tôt la fatigue, les chutes et les troubles "
        "de la mémoire des travailleurs de plus de 50 ans.",
        """L’ESAT gère depuis 2019 un partenariat avec le service de gérontologie du centre
        hospitalier de Villefranche. Le bilan est proposé à chaque travailleur à partir de
        50 ans, et à tout âge en cas de changement inquiétant.

        Les aînés de l’atelier de conditionnement bénéficient d’un temps partiel aménagé et
        d’une préparation à la retraite.""",
        themes=("insertion-professionnelle",),
        audiences=("personnes-vieillissantes", "adultes"),
        establishments=("esat",),
        departments=("69",),
        tags=("santé", "retraite"),
        year=2020,
    ),
    # --- Waiting lists, MDPH, orientation ---
    Written(
        SHEET,
        WAITING_LIST_IME,
        "Un appel aux familles tous les six mois, des priorités partagées avec la MDPH et une "
        "solution d’attente (SESSAD, accueil de jour) pour chaque enfant inscrit.",
        """Le directeur gère une liste de soixante-dix enfants, certains inscrits depuis quatre
        ans. Personne ne savait plus lesquels avaient trouvé une autre solution.

        La fiche décrit la mise à jour semestrielle, la commission d’admission ouverte à un
        représentant des familles et les critères de priorité publiés.""",
        themes=("coordination-parcours",),
        audiences=("enfants-adolescents", "familles-aidants"),
        establishments=("ime",),
        tags=("admission",),
        year=2022,
    ),
    Written(
        SHEET,
        MDPH_WAITING_LISTS,
        "Un suivi des orientations commun à la MDPH et aux établissements du département, mis "
        "à jour chaque semaine, pour savoir qui attend quoi, et depuis quand.",
        """Chaque établissement tenait sa liste d’attente sur un tableur, et la MDPH ignorait
        quelles décisions restaient sans suite. Le département a généralisé ViaTrajectoire :
        les établissements y indiquent chaque admission et chaque refus motivé.

        Les situations sans réponse depuis plus d’un an sont examinées en commission.""",
        themes=("coordination-parcours", "pilotage-evaluation"),
        audiences=("professionnels",),
        establishments=("mdph",),
        departments=("29",),
        tags=("orientation", "outil de suivi"),
        year=2021,
        status="evaluated",
    ),
    Written(
        EXPERIMENT,
        MDPH_OFFICES,
        "Dans les quartiers éloignés, une agente tient une permanence mensuelle pour aider les "
        "familles à remplir leur dossier et à comprendre les décisions.",
        """Les délais d’instruction dépassaient six mois et un dossier sur trois arrivait
        incomplet. Les agents d’accueil des centres sociaux ont été formés aux formulaires,
        et une agente de la maison départementale y tient une permanence chaque mois.

        Le nombre de dossiers incomplets a baissé de moitié en un an, et les familles
        savent à qui poser leurs questions.""",
        themes=("coordination-parcours",),
        audiences=("familles-aidants",),
        departments=("59",),
        tags=("accès aux droits",),
        year=2024,
    ),
    Written(
        SHEET,
        RAPT_SHEET,
        "Réunir autour d’une même table la famille, les établissements et les financeurs quand "
        "aucune orientation ne trouve de réponse, et bâtir un plan d’accompagnement global.",
        """La démarche nationale a confié aux maisons départementales l’animation d’un groupe
        qui cherche une solution pour chaque personne sans réponse. La fiche décrit la
        préparation du groupe, la rédaction du plan d’accompagnement global et son suivi.

        Le plan engage chacun des signataires ; il est revu tous les trois mois.""",
        themes=("situations-complexes", "coordination-parcours"),
        audiences=("situations-complexes",),
        departments=("12",),
        tags=("situations critiques",),
        year=2018,
        status="evaluated",
    ),
    Written(
        EXPERIMENT,
        C360_LOIRE_ATLANTIQUE,
        "Un numéro unique et des conseillers qui cherchent une solution avec la personne, en "
        "mobilisant ce qui existe déjà sur le territoire plutôt qu’en créant un service de plus.",
        """La C360 du département répond aux personnes en situation de handicap, à leurs
        proches et aux professionnels qui ne savent plus à qui s’adresser. Les conseillers en
        parcours orientent, mettent en relation et suivent la situation jusqu’à ce qu’un
        partenaire prenne le relais.

        Des intervenants pairs complètent l’équipe.""",
        themes=("coordination-parcours",),
        audiences=("familles-aidants", "adultes"),
        establishments=("c360",),
        departments=("44",),
        tags=("numéro unique",),
        year=2022,
    ),
    # --- Participation, self-determination, peers ---
    Written(
        SHEET,
        SELF_DETERMINATION_ESAT,
        "Des ateliers où les travailleurs apprennent à faire des choix, à dire ce qu’ils veulent "
        "pour leur parcours et à défendre leur avis au conseil de la vie sociale.",
        """Chaque travailleur prépare son entretien annuel avec un support illustré. Les
        moniteurs d’atelier ont été formés à laisser décider plutôt qu’à décider pour.

        Deux travailleurs élus au conseil de la vie sociale ont obtenu la révision des
        horaires de la navette.""",
        themes=("participation-autodetermination",),
        audiences=("adultes",),
        establishments=("esat",),
        tags=("participation",),
        year=2023,
        status="evaluated",
    ),
    Written(
        TRAINING,
        SELF_DETERMINATION_IME,
        "Trois jours pour passer du « faire pour » au « faire avec » : donner aux enfants les "
        "moyens de choisir leurs activités et de prendre part aux décisions qui les concernent.",
        """Les fondements de l’auto-détermination et ce qu’ils changent au quotidien d’un
        groupe d’enfants ; les supports de communication adaptée ; le choix des activités et
        des menus ; l’expression des enfants dans leur projet.

        Des mises en situation filmées complètent les apports.""",
        themes=("participation-autodetermination", "formation-interconnaissance"),
        audiences=("enfants-adolescents", "professionnels"),
        establishments=("ime",),
        tags=("communication adaptée",),
        year=2025,
        host="IME Les Tilleuls",
        professions="Éducateurs, moniteurs-éducateurs, AES",
    ),
    Written(
        EXPERIMENT,
        PEER_WORKERS_SAMSAH,
        "Deux personnes autistes, formées et salariées, accompagnent d’autres adultes autistes "
        "dans leurs démarches et partagent leur expérience avec l’équipe.",
        """Les pairs-aidants participent aux premiers rendez-vous, aux visites de logement et
        aux réunions d’équipe. Leur savoir tiré de l’expérience aide les professionnels à
        comprendre les difficultés sensorielles et sociales.

        L’équipe a dû clarifier leur place, leur fiche de poste et le secret professionnel.""",
        themes=("pair-aidance",),
        audiences=("tsa", "adultes"),
        departments=("67",),
        tags=("savoir expérientiel",),
        year=2024,
    ),
    Written(
        SHEET,
        PEER_EMULATION_ITEP,
        "Les jeunes présents depuis plus d’un an parrainent les arrivants : visite des lieux, "
        "repas partagé et conseils pour les premières semaines.",
        """La pair-émulation repose sur une idée simple : un jeune qui a traversé les mêmes
        difficultés est souvent plus écouté qu’un adulte. Les parrains sont volontaires et
        préparés par un éducateur.

        Les fugues du premier mois ont diminué depuis la mise en place du parrainage.""",
        themes=("pair-aidance", "participation-autodetermination"),
        audiences=("enfants-adolescents",),
        establishments=("itep",),
        tags=("parrainage",),
        year=2022,
    ),
    Written(
        SHEET,
        PERSONALISED_PROJECT,
        "Le jeune prépare sa réunion de projet avec son éducateur, invite qui il veut et "
        "présente lui-même ce qu’il souhaite ; ses parents reçoivent les documents avant.",
        """Le projet personnalisé d’accompagnement n’est plus écrit par l’équipe puis présenté
        à la famille : il se co-construit pendant la réunion. Un support visuel aide les plus
        jeunes à s’exprimer.

        Les parents disent mieux comprendre les objectifs et les moyens proposés.""",
        themes=("participation-autodetermination",),
        audiences=("enfants-adolescents", "familles-aidants"),
        establishments=("ditep",),
        tags=("réunion de projet",),
        year=2021,
    ),
    Written(
        SHEET,
        EASY_READ_BOOKLET,
        "Réécrire le livret remis à l’arrivée avec des personnes accompagnées, en phrases "
        "courtes et illustrées, pour qu’il soit compris de tous.",
        """Un groupe de cinq résidents a relu chaque page et validé les images. Les règles de
        l’écriture simplifiée ont été appliquées : une idée par phrase, pas de sigles, des mots
        de tous les jours.

        Le nouveau livret sert aussi aux familles qui maîtrisent mal le français.""",
        themes=("participation-autodetermination",),
        audiences=("adultes",),
        establishments=("mas", "fam"),
        tags=("accessibilité",),
        year=2020,
    ),
    Written(
        SHEET,
        EXTERNAL_EVALUATION,
        "Expliquer la démarche aux résidents, les associer aux entretiens et rendre compte des "
        "résultats dans des termes qu’ils comprennent.",
        """Le référentiel de la Haute Autorité de santé place la parole des personnes au cœur de
        l’évaluation. La fiche propose une réunion d’information en amont, la préparation des
        volontaires aux entretiens avec les évaluateurs et un retour des résultats.

        L’établissement en a profité pour revoir son plan d’amélioration de la qualité.""",
        themes=("pilotage-evaluation",),
        audiences=("adultes",),
        establishments=("mas",),
        tags=("qualité", "HAS"),
        year=2024,
        status="completed",
    ),
    Written(
        SHEET,
        IMPACT_MEASURE,
        "Choisir quelques indicateurs simples dès le lancement pour pouvoir dire, deux ans plus "
        "tard, ce que le nouveau dispositif a changé pour les personnes.",
        """Trop d’expérimentations s’arrêtent faute de preuves. La fiche propose de mesurer les
        ruptures de parcours, les délais de réponse et la satisfaction des familles avant et
        après, et d’associer un chercheur dès le départ.""",
        themes=("pilotage-evaluation",),
        audiences=("professionnels",),
        tags=("indicateurs",),
        year=2025,
        status="planned",
    ),
    # --- ITEP, SESSAD, IME, PCPE, CPOM ---
    Written(
        SHEET,
        ITEP_SPELLED_OUT,
        "Les étapes qui permettent à l’établissement de faire passer un jeune de l’internat à "
        "l’accueil de jour ou à l’intervention à domicile sans nouvelle décision d’orientation.",
        """Le projet d’établissement est réécrit avec les équipes ; les familles signent un
        avenant au contrat de séjour ; un cadre coordonne les parcours et réunit chaque semaine
        la commission des mouvements.

        La fiche rappelle les conventions à signer avec l’Éducation nationale et la
        pédopsychiatrie, et les indicateurs à suivre la première année.""",
        themes=("transformation-offre",),
        audiences=("enfants-adolescents", "troubles-du-comportement"),
        establishments=("itep", "ditep"),
        departments=("31",),
        tags=("modalités d’accueil",),
        year=2019,
        status="evaluated",
    ),
    Written(
        SHEET,
        SESSAD_SPELLED_OUT,
        "Les éducateurs et l’ergothérapeute du service interviennent directement au collège, en "
        "lien avec l’enseignant référent et l’accompagnante de l’élève.",
        """Plutôt que de sortir l’élève de classe pour ses séances, le service intervient pendant
        les cours : adaptation des supports, aide à l’organisation, conseils aux professeurs.

        Une convention avec le principal fixe les horaires et la confidentialité.""",
        themes=("scolarisation",),
        audiences=("enfants-adolescents",),
        establishments=("sessad",),
        tags=("collège", "inclusion scolaire"),
        year=2022,
    ),
    Written(
        EXPERIMENT,
        SESSAD_APPRENTICES_CHER,
        "Des jeunes de 16 à 20 ans signent un contrat d’apprentissage chez des artisans ; le "
        "SESSAD les suit sur le lieu de travail et au centre de formation.",
        """Le service accompagne douze apprentis en boulangerie, menuiserie et espaces verts,
        entre Vierzon et Bourges. Un éducateur technique rend visite à chaque apprenti tous les
        quinze jours et reste joignable par le maître d’apprentissage.

        Neuf apprentis sur douze ont obtenu leur diplôme.""",
        themes=("insertion-professionnelle",),
        audiences=("jeunes-adultes",),
        establishments=("sessad",),
        departments=("18",),
        tags=("apprentissage", "artisanat"),
        year=2023,
    ),
    Written(
        SHEET,
        SCHOOL_TRANSPORT,
        "Regrouper les tournées, ouvrir une antenne au plus près des familles et accueillir "
        "certains jours dans l’école du village : moins de trajets, moins de fatigue.",
        """Certains enfants passaient trois heures par jour en taxi. Le transport coûte cher à
        l’établissement et épuise les plus jeunes. Dans le Loir-et-Cher, l’IME a revu ses
        tournées avec les transporteurs et ouvert une antenne dans le sud du département.""",
        themes=("transformation-offre",),
        audiences=("enfants-adolescents",),
        establishments=("ime",),
        departments=("41",),
        tags=("taxi",),
        year=2024,
        status="in_progress",
    ),
    Written(
        SHEET,
        IME_SPELLED_OUT,
        "Ateliers techniques, stages en milieu protégé et en entreprise : ce que change une "
        "section dédiée aux grands adolescents de l’établissement.",
        """La section d’initiation et de première formation professionnelle accueille les jeunes
        à partir de seize ans. Cuisine, entretien des locaux et horticulture sont proposés en
        atelier, et chaque jeune fait au moins deux stages par an.

        Une mini-entreprise de traiteur fait travailler les jeunes pour de vrais clients.""",
        themes=("insertion-professionnelle", "jeunes-adultes"),
        audiences=("enfants-adolescents", "jeunes-adultes"),
        establishments=("ime",),
        regions=("27",),
        tags=("stages", "ateliers"),
        year=2021,
    ),
    Written(
        EXPERIMENT,
        TRIAL_FLAT,
        "Deux jeunes à la fois passent une semaine par mois dans un appartement en ville, avec "
        "un éducateur, pour découvrir la vie en logement autonome avant 20 ans.",
        """Faire les courses, tenir un budget, prendre le bus, se lever seul : l’appartement sert
        à apprendre et à montrer à chacun ce dont il est capable. Le bilan de chaque semaine
        aide à préparer l’orientation vers un foyer, un logement accompagné ou un habitat
        inclusif.

        Quinze jeunes y sont passés en deux ans.""",
        themes=("jeunes-adultes",),
        audiences=("jeunes-adultes",),
        establishments=("ime",),
        departments=("31",),
        tags=("logement", "autonomie"),
        year=2023,
        device="other",
    ),
    Written(
        SHEET,
        CRETON_PLAN,
        "Dès 18 ans, une revue de situation entre la famille, l’établissement et la MDPH pour "
        "éviter que le maintien au-delà de 20 ans ne dure des années.",
        """Les jeunes adultes maintenus en IME ou en ITEP faute de place en ESAT, en foyer ou en
        MAS occupent des places attendues par des enfants. La fiche propose un plan de sortie
        individuel, des stages en établissement pour adultes dès 18 ans et des admissions
        progressives.

        Les délais de sortie ont été réduits de huit mois en moyenne.""",
        themes=("jeunes-adultes",),
        audiences=("jeunes-adultes",),
        establishments=("ime", "itep"),
        tags=("transition vers l’âge adulte",),
        year=2022,
        status="evaluated",
    ),
    Written(
        EXPERIMENT,
        PCPE_SPELLED_OUT,
        "Orthophonie, psychomotricité et soutien éducatif financés pour des enfants orientés "
        "en établissement et toujours en attente d’une place.",
        """Le pôle passe convention avec des professionnels libéraux et règle directement leurs
        séances : les familles n’avancent plus de frais. Une coordinatrice organise les
        interventions et prépare l’entrée en établissement.

        Quarante enfants de l’Hérault ont été accompagnés la première année.""",
        themes=("prevention-ruptures", "coordination-parcours"),
        audiences=("enfants-adolescents",),
        establishments=("pcpe",),
        departments=("34",),
        tags=("libéraux",),
        year=2020,
    ),
    Written(
        SHEET,
        PCPE_ADULTS,
        "Le PCPE coordonne des interventions à domicile et prépare le relais vers les services "
        "de droit commun pour des adultes isolés.",
        """Infirmières libérales, éducateurs et psychologues interviennent au domicile
        d’adultes vivant avec un trouble psychique et sans accompagnement. Le PCPE passe le
        relais au bout de dix-huit mois au plus : centre médico-psychologique, groupe
        d’entraide mutuelle, service d’accompagnement.""",
        themes=("coordination-parcours",),
        audiences=("adultes",),
        establishments=("pcpe",),
        departments=("57",),
        tags=("handicap psychique",),
        year=2023,
    ),
    Written(
        SHEET,
        CPOM_PATHWAYS,
        "Des objectifs chiffrés de fluidité des parcours et d’accueil des situations complexes, "
        "négociés avec l’ARS au renouvellement du CPOM.",
        """Le contrat fixe trois indicateurs : les sorties sans solution, le délai d’admission
        et le nombre de jeunes accueillis en urgence. Le dialogue de gestion annuel permet de
        revoir les moyens si les objectifs évoluent.""",
        themes=("pilotage-evaluation", "transformation-offre"),
        audiences=("professionnels",),
        establishments=("itep", "sessad"),
        tags=("contractualisation",),
        year=2019,
        status="completed",
    ),
    Written(
        SHEET,
        NIGHT_CARE_AIN,
        "L’internat a fermé, mais des familles d’accueil formées et deux chambres à "
        "Bourg-en-Bresse permettent encore aux jeunes du dispositif de dormir hors de chez eux.",
        """Certains jeunes ont besoin de quelques nuits loin de la maison quand la tension monte.
        Le dispositif a formé six familles d’accueil et garde deux chambres en ville,
        réservables la veille pour le lendemain.""",
        themes=("transformation-offre",),
        audiences=("enfants-adolescents",),
        establishments=("ditep",),
        departments=("01",),
        tags=("familles d’accueil",),
        year=2023,
    ),
    Written(
        SHEET,
        ADMISSIONS_ITEP,
        "Une place réservée, une procédure écrite et un binôme de cadres joignable : comment le "
        "dispositif répond en moins d’une semaine à une demande urgente.",
        """Les demandes urgentes arrivaient de l’ASE, de l’hôpital ou de la MDPH sans circuit
        prévu. Le dispositif ITEP garde désormais une place libre en permanence et réunit sa
        commission d’admission dans les cinq jours.""",
        themes=("situations-complexes",),
        audiences=("enfants-adolescents",),
        establishments=("ditep",),
        tags=("urgence",),
        year=2021,
    ),
    # --- MAS, FAM, housing, challenging behaviour ---
    Written(
        SHEET,
        MAS_DAY_CARE,
        "Huit places ouvertes du lundi au vendredi pour des adultes qui vivent chez leurs "
        "parents, avec transport et soins sur place.",
        """Les familles ne voulaient pas d’internat mais n’avaient aucune solution en journée.
        La maison d’accueil spécialisée a transformé deux chambres en salle d’activités et de
        repos ; une aide médico-psychologique et une infirmière encadrent les journées.

        La fiche détaille les autorisations, le budget et le projet de service.""",
        themes=("transformation-offre",),
        audiences=("polyhandicap", "adultes"),
        establishments=("mas",),
        regions=("44",),
        tags=("externat",),
        year=2022,
    ),
    Written(
        EXPERIMENT,
        INCLUSIVE_HOUSING_FAM,
        "Quatre résidents ont quitté le foyer pour une colocation en ville, en gardant l’appui "
        "de l’équipe soignante et des activités de jour.",
        """Le FAM a loué deux appartements voisins à un bailleur social. Une maîtresse de maison
        passe chaque jour, l’infirmière du foyer assure les soins, et les colocataires
        choisissent ensemble les règles de vie.

        Aucun retour au foyer n’a été nécessaire après dix-huit mois.""",
        themes=("transformation-offre",),
        audiences=("adultes",),
        establishments=("fam",),
        departments=("13",),
        tags=("colocation", "logement"),
        year=2024,
    ),
    Written(
        SHEET,
        CHALLENGING_BEHAVIOUR_MAS,
        "Analyse fonctionnelle de chaque situation, espaces apaisants et plan d’intervention "
        "partagé par toute l’équipe, de jour comme de nuit.",
        """Les comportements-problèmes (automutilations, agressions, destructions) étaient
        gérés au cas par cas. L’équipe recherche désormais leur fonction : douleur non exprimée,
        surcharge sensorielle, demande impossible à formuler.

        En un an, les épisodes graves ont diminué de 40 % et le recours à la contention a
        presque disparu.""",
        themes=("rbpp-tnd-polyhandicap", "situations-complexes"),
        audiences=("tsa", "adultes"),
        establishments=("mas",),
        tags=("analyse fonctionnelle",),
        year=2023,
        status="evaluated",
    ),
    Written(
        TRAINING,
        CHALLENGING_BEHAVIOUR_TRAINING,
        "Deux jours pour comprendre ce que disent les comportements défis des résidents et bâtir "
        "des réponses communes.",
        """Repérer les déclencheurs, observer et noter, construire une réponse cohérente d’un
        professionnel à l’autre ; place de la douleur et des particularités sensorielles ;
        soutenir l’équipe après un épisode difficile.""",
        themes=("rbpp-tnd-polyhandicap", "formation-interconnaissance"),
        audiences=("adultes", "professionnels"),
        establishments=("fam",),
        tags=("formation",),
        year=2024,
        host="FAM Le Grand Chêne",
        professions="Aides-soignants, AES, infirmiers",
    ),
    Written(
        TRAINING,
        CRISIS_TRAINING,
        "Repérer la montée de la tension, savoir désamorcer et se protéger sans blesser : une "
        "formation pratique pour les équipes qui font face à la violence.",
        """Les signes avant-coureurs de la crise ; la communication qui apaise ; la désescalade
        verbale ; les gestes de protection ; la reprise avec le jeune et l’équipe après
        l’incident.""",
        themes=("formation-interconnaissance", "qualite-vie-travail"),
        audiences=("professionnels", "troubles-du-comportement"),
        establishments=("itep", "mecs"),
        tags=("violence",),
        year=2025,
        host="Centre de formation du travail social",
        professions="Éducateurs spécialisés, moniteurs-éducateurs, surveillants de nuit",
    ),
    # --- School ---
    Written(
        SHEET,
        EXTERNAL_TEACHING_UNIT,
        "Sept élèves de l’IME suivent leurs cours dans une salle du collège avec leur "
        "enseignante spécialisée, et partagent la cantine, la récréation et certains cours.",
        """L’unité d’enseignement a quitté les murs de l’établissement pour s’installer au
        collège. Les élèves rejoignent une classe ordinaire en arts plastiques et en sport ; un
        éducateur de l’IME est présent chaque matin.""",
        themes=("scolarisation",),
        audiences=("enfants-adolescents",),
        establishments=("ime", "uee"),
        tags=("collège",),
        year=2021,
    ),
    Written(
        EXPERIMENT,
        AUTISM_NURSERY_CLASS,
        "Sept enfants de trois à six ans, une enseignante et une équipe médico-sociale dans une "
        "école ordinaire : apprendre ensemble dès la petite section.",
        """L’unité d’enseignement en maternelle autisme accueille les enfants toute la semaine,
        avec des temps en classe ordinaire dès qu’ils sont possibles. Les parents sont formés
        aux mêmes méthodes que l’équipe.""",
        themes=("scolarisation", "rbpp-tnd-polyhandicap"),
        audiences=("tsa", "enfants-adolescents"),
        departments=("75",),
        tags=("école maternelle",),
        year=2022,
    ),
    Written(
        SHEET,
        SCHOOL_DROPOUT,
        "Absences répétées, exclusions temporaires, emploi du temps réduit : des signaux à suivre "
        "ensemble pour éviter la déscolarisation.",
        """Le tableau de bord croise les absences transmises par le collège et les observations
        des éducateurs. Au-delà de trois signaux en un mois, une rencontre réunit le jeune, sa
        famille, le professeur principal et l’éducateur.""",
        themes=("scolarisation", "prevention-ruptures"),
        audiences=("enfants-adolescents",),
        establishments=("itep",),
        tags=("absentéisme",),
        year=2023,
    ),
    Written(
        SHEET,
        INCLUSIVE_SCHOOLING_AUDE,
        "Comment l’enseignant référent réunit l’équipe de suivi et fait vivre le projet "
        "personnalisé de scolarisation d’un élève accompagné en établissement.",
        """La fiche décrit la préparation de l’équipe de suivi de la scolarisation, la place des
        parents et des professionnels médico-sociaux, et l’ajustement progressif du temps passé
        en classe ordinaire.""",
        themes=("scolarisation",),
        audiences=("enfants-adolescents",),
        establishments=("itep", "sessad"),
        departments=("11",),
        tags=("inclusion scolaire",),
        year=2020,
    ),
    Written(
        EXPERIMENT,
        EARLY_DETECTION_CAMSP,
        "Des consultations sans attente pour les enfants de moins de six ans signalés par la "
        "crèche, l’école ou le pédiatre.",
        """Le centre propose un premier rendez-vous en moins d’un mois et coordonne les bilans.
        Les troubles du neurodéveloppement repérés avant six ans sont pris en charge sans
        attendre le diagnostic définitif.""",
        themes=("rbpp-tnd-polyhandicap",),
        audiences=("tnd", "enfants-adolescents"),
        establishments=("camsp",),
        departments=("63",),
        tags=("petite enfance",),
        year=2024,
    ),
    Written(
        TRAINING,
        ADHD_PARENTS,
        "Huit séances de groupe pour les parents d’enfants avec un TDAH : comprendre le trouble, "
        "poser des routines, garder son calme.",
        """Le programme psychoéducatif est animé par un binôme psychologue et infirmière. Il
        alterne apports, échanges entre parents et exercices à la maison.""",
        themes=("formation-interconnaissance",),
        audiences=("familles-aidants", "tnd"),
        establishments=("cmpp",),
        tags=("parentalité",),
        year=2024,
        host="CMPP de la Vallée",
        professions="Parents, éducateurs",
    ),
    # --- Cross-training, funding, social care ---
    Written(
        TRAINING,
        CROSS_TRAINING_SCHOOL,
        "Des enseignants et des éducateurs d’ITEP se forment ensemble à comprendre les troubles "
        "du comportement et à construire des réponses cohérentes en classe.",
        """Les journées réunissent des enseignants de l’Éducation nationale et des éducateurs.
        Chacun présente son métier, ses contraintes et son vocabulaire ; des cas concrets sont
        travaillés en petits groupes mixtes.""",
        themes=("formation-interconnaissance", "scolarisation"),
        audiences=("professionnels", "troubles-du-comportement"),
        establishments=("itep",),
        tags=("interconnaissance",),
        year=2023,
        host="ITEP Les Sources",
        professions="Enseignants, éducateurs spécialisés",
    ),
    Written(
        TRAINING,
        CROSS_TRAINING_PSYCHIATRY,
        "Psychiatres d’enfants et éducateurs passent deux jours ensemble pour croiser leurs "
        "regards sur des situations qu’ils accompagnent tous les deux.",
        """Présentation du secteur de pédopsychiatrie et du médico-social ; vocabulaire commun ;
        étude de situations ; rédaction d’une conduite à tenir partagée en cas de crise.""",
        themes=("formation-interconnaissance",),
        audiences=("professionnels", "enfants-adolescents"),
        tags=("psychiatrie",),
        year=2024,
        host="Centre hospitalier Le Vinatier",
        professions="Pédopsychiatres, éducateurs spécialisés, infirmiers",
    ),
    Written(
        TRAINING,
        CROSS_TRAINING_CHILD_PROTECTION,
        "Des référents de la protection de l’enfance et des éducateurs de dispositif se forment "
        "ensemble pour mieux accompagner les jeunes qu’ils suivent en commun.",
        """Missions et contraintes de chacun ; lecture croisée d’un projet pour l’enfant et d’un
        projet d’accompagnement ; organiser un séjour quand le lieu de placement change.""",
        themes=("formation-interconnaissance",),
        audiences=("enfants-adolescents", "professionnels"),
        establishments=("ditep",),
        tags=("protection de l’enfance",),
        year=2022,
        host="DITEP du Val",
        professions="Travailleurs sociaux de l’enfance, éducateurs",
    ),
    Written(
        EXPERIMENT,
        CHILD_PROTECTION_REFERENT,
        "Un référent désigné des deux côtés, une fiche d’alerte commune et une synthèse "
        "trimestrielle pour les jeunes placés en foyer et accompagnés par le dispositif.",
        """Les jeunes placés à l’ASE et accompagnés en DITEP voyaient se succéder des
        interlocuteurs qui ne se parlaient pas. Chaque institution désigne désormais un
        référent pour le jeune ; ils préparent ensemble les décisions.""",
        themes=("coordination-parcours", "prevention-ruptures"),
        audiences=("enfants-adolescents",),
        establishments=("ditep", "mecs"),
        departments=("30",),
        tags=("fiche d’alerte",),
        year=2023,
    ),
    Written(
        TRAINING,
        CALL_FOR_PROPOSALS_TRAINING,
        "Une journée pour les directeurs et chefs de service : lire un cahier des charges, "
        "construire un budget et rédiger un dossier de candidature qui convainc.",
        """Les attentes des financeurs publics ; le calendrier d’un appel à projets ; les
        critères de sélection ; les erreurs qui font écarter un dossier ; atelier de rédaction
        sur un cahier des charges réel.""",
        themes=("pilotage-evaluation", "formation-interconnaissance"),
        audiences=("professionnels",),
        tags=("financement",),
        year=2025,
        host="URIOPSS",
        professions="Directeurs, chefs de service",
    ),
    Written(
        SHEET,
        PARTICIPATORY_DESIGN,
        "Les enfants ont dessiné leur chambre idéale, testé les couleurs et choisi le mobilier "
        "du nouveau bâtiment avec les architectes.",
        """Une designer a animé six ateliers avec les enfants et les équipes. Les plans ont
        changé : plus de petits espaces calmes, des couloirs moins longs, une cour visible
        depuis chaque salle.""",
        themes=("bati-design-social",),
        audiences=("enfants-adolescents",),
        establishments=("ime",),
        tags=("architecture", "design"),
        year=2021,
    ),
    # --- English pages ---
    Written(
        EXPERIMENT,
        EN_RESPITE_YOUNG_ADULTS,
        "A day school for young people with learning disabilities opens its boarding unit one "
        "weekend a month, so that their families can get a break.",
        """Eight young adults kept on past the age of 20 under the Creton amendment were waiting
        for a place in a residential home. Two educators and a night watchman look after them
        from Saturday morning to Sunday evening.""",
        themes=("jeunes-adultes",),
        audiences=("jeunes-adultes",),
        establishments=("ime",),
        departments=("81",),
        tags=("respite",),
        year=2022,
        device="respite_unit",
        locale="en",
    ),
    Written(
        EXPERIMENT,
        EN_SCHOOL_MOBILE_TEAM,
        "Two professionals travel to village schools to advise teachers before a pupil’s "
        "situation gets out of hand.",
        """The team visits at the school’s request, observes the class and suggests changes.
        Half of the schools it supports are more than forty minutes away from any specialised
        service.""",
        themes=("scolarisation",),
        audiences=("enfants-adolescents",),
        establishments=("itep",),
        departments=("32",),
        tags=("school",),
        year=2022,
        device="mobile_unit",
        locale="en",
    ),
    Written(
        TRAINING,
        EN_SELF_DETERMINATION,
        "Three days to move from doing things for children to doing things with them.",
        """What self-determination means in daily life; adapted communication; letting
        children choose their activities and have a say in their own plan.""",
        themes=("participation-autodetermination",),
        audiences=("enfants-adolescents",),
        establishments=("ime",),
        year=2025,
        host="Les Tilleuls",
        professions="Support workers, educators",
        locale="en",
    ),
    Written(
        EXPERIMENT,
        EN_TRIAL_FLAT,
        "Two young people at a time spend one week a month in a town-centre flat with an "
        "educator, to find out what living on their own is like.",
        """Shopping, budgeting, taking the bus and getting up alone: each week ends with a
        review that helps choose where the young person will live next.""",
        themes=("jeunes-adultes",),
        audiences=("jeunes-adultes",),
        establishments=("ime",),
        departments=("31",),
        tags=("housing",),
        year=2023,
        locale="en",
    ),
    Written(
        SHEET,
        EN_CHALLENGING_BEHAVIOUR,
        "Functional analysis of each situation, calming spaces and a shared plan followed by the "
        "whole team, day and night.",
        """Self-harm, aggression and destruction used to be handled case by case. The team now
        looks for what the behaviour is saying: unspoken pain, sensory overload, a request that
        cannot be put into words.""",
        themes=("rbpp-tnd-polyhandicap",),
        audiences=("tsa", "adultes"),
        establishments=("mas",),
        year=2023,
        status="evaluated",
        locale="en",
    ),
    Written(
        EXPERIMENT,
        EN_CARERS_PLATFORM,
        "Evening groups, short home sitting and family breaks: parents choose what helps them "
        "catch their breath.",
        """The platform supports families of children on the autism spectrum, with or without a
        formal diagnosis. Parents book a few hours of home sitting online.""",
        themes=("prevention-ruptures",),
        audiences=("tsa", "familles-aidants"),
        establishments=("pfra",),
        departments=("59",),
        year=2023,
        device="respite_unit",
        locale="en",
    ),
    Written(
        EXPERIMENT,
        EN_PEER_WORKERS,
        "Two autistic people, trained and paid, help other autistic adults with everyday "
        "matters and share their lived experience with the team.",
        """The peer workers take part in first meetings, flat visits and team meetings. Their
        experience helps professionals understand sensory and social difficulties.""",
        themes=("pair-aidance",),
        audiences=("tsa", "adultes"),
        year=2024,
        locale="en",
    ),
    Written(
        TRAINING,
        EN_CROSS_TRAINING,
        "Child psychiatrists and educators spend two days together looking at the children "
        "they both support.",
        """How child and adolescent mental health services work; a shared vocabulary; case
        studies; writing a joint crisis plan.""",
        themes=("formation-interconnaissance",),
        audiences=("professionnels",),
        year=2024,
        host="Le Vinatier hospital",
        professions="Psychiatrists, special needs educators, nurses",
        locale="en",
    ),
    Written(
        SHEET,
        EN_WAITING_LISTS,
        "A tracking tool shared by the departmental disability office (MDPH) and care "
        "providers, updated weekly, shows who is waiting for what and for how long.",
        """Each provider used to keep its own spreadsheet. Every admission and every refusal is
        now recorded in one place, and people left without an answer for a year are reviewed
        by a panel.""",
        themes=("coordination-parcours",),
        audiences=("professionnels",),
        establishments=("mdph",),
        departments=("29",),
        year=2021,
        status="evaluated",
        locale="en",
    ),
    Written(
        SHEET,
        EN_STAFF_WELLBEING,
        "Supervision, time out after serious incidents and rotation between groups help staff "
        "stay in their jobs.",
        """Sick leave had been rising in the unit for the most dependent residents. An outside
        psychologist now leads a monthly reflective practice session.""",
        themes=("qualite-vie-travail",),
        audiences=("professionnels",),
        establishments=("fam",),
        year=2023,
        locale="en",
    ),
]


# --- Building --------------------------------------------------------------------------


@dataclass
class Section:
    sheets: object
    experiments: object
    trainings: object


def section(home, slug):
    root = PracticesIndexPageFactory(parent=home, slug=slug)
    return Section(
        sheets=PracticeSheetIndexPageFactory(parent=root),
        experiments=ExperimentIndexPageFactory(parent=root),
        trainings=TrainingOfferIndexPageFactory(parent=root),
    )


def classification(written):
    return {
        "themes": [term(Theme, slug) for slug in written.themes],
        "audiences": [term(Audience, slug) for slug in written.audiences],
        "establishment_types": [term(EstablishmentType, slug) for slug in written.establishments],
        "regions": list(Region.objects.filter(code__in=written.regions)),
        "departments": list(Department.objects.filter(code__in=written.departments)),
        "tags": list(written.tags),
    }


def build_page(home_section, written):
    """The page of `written`, filled in as an editor would and published in its year."""
    fields = {"title": written.title, "summary": written.summary, **classification(written)}
    body = paragraphs(written.body)
    if written.kind == SHEET:
        page = PracticeSheetPageFactory(
            parent=home_section.sheets,
            objectives=body,
            status=written.status,
            start_date=datetime.date(written.year, 3, 1),
            **fields,
        )
    elif written.kind == EXPERIMENT:
        page = ExperimentPageFactory(
            parent=home_section.experiments,
            description=body,
            kind=written.device,
            period_start=datetime.date(written.year, 9, 1),
            **fields,
        )
    else:
        page = TrainingOfferPageFactory(
            parent=home_section.trainings,
            topics=body,
            host=written.host,
            target_professions=written.professions,
            **fields,
        )
        starts_at = timezone.make_aware(datetime.datetime(written.year, 6, 15, 9))
        TrainingSessionFactory(offer=page, starts_at=starts_at)
    published = timezone.make_aware(datetime.datetime(written.year, 6, 1))
    page.first_published_at = page.last_published_at = published
    page.save()
    return page


def build_pages():
    """Every written page, on a site whose home pages hold nothing else; {title: page}."""
    for home in HomePage.objects.all():
        for child in home.get_children():
            child.delete()
    sections = {
        "fr": section(HomePage.objects.get(locale__language_code="fr"), "pratiques"),
        "en": section(HomePage.objects.get(locale__language_code="en"), "practices"),
    }
    return {written.title: build_page(sections[written.locale], written) for written in PAGES}
