"""Words of the demo seminars, documents and easy-read versions (written for the demo)."""

import datetime as dt

SEMINAR_INDEX = {
    "slug": "seminaires",
    "title": "Séminaires",
    "intro": (
        "Le séminaire national de capitalisation et les séminaires régionaux de "
        "restitution : leur programme, puis ce qu’ils ont produit."
    ),
}

LIBRARY = {
    "slug": "mediatheque",
    "title": "Médiathèque",
    "intro": (
        "Supports de séminaires, comptes rendus, outils de suivi et modèles à reprendre, "
        "classés par type, thème et année."
    ),
}

# (title, file name, themes, year, tags, paragraphs); a ".csv" or ".txt" name is written as is.
DOCUMENTS = [
    (
        "Synthèse du séminaire national de capitalisation",
        "synthese-seminaire-national.pdf",
        ["pilotage-evaluation", "coordination-parcours"],
        2017,
        ["séminaire", "capitalisation"],
        [
            "Les territoires pionniers ont présenté ce qui a marché, ce qui a coincé et ce "
            "qu’ils referaient autrement.",
            "Trois enseignements reviennent partout : un pilotage local partagé, un "
            "diagnostic de territoire tenu à jour, des instances qui décident vite.",
        ],
    ),
    (
        "Diaporama de la plénière d’ouverture",
        "pleniere-ouverture.pdf",
        ["pilotage-evaluation"],
        2017,
        ["séminaire"],
        ["Le calendrier du déploiement, les sites pionniers et les indicateurs suivis."],
    ),
    (
        "Compte rendu de l’atelier « situations complexes »",
        "atelier-situations-complexes.pdf",
        ["situations-complexes", "prevention-ruptures"],
        2017,
        ["séminaire", "RAPT"],
        [
            "Les participants ont comparé leurs groupes opérationnels de synthèse.",
            "Le plan d’accompagnement global gagne à être préparé avec la famille.",
        ],
    ),
    (
        "Guide de lancement d’une démarche territoriale",
        "guide-lancement-demarche.pdf",
        ["coordination-parcours", "transformation-offre"],
        2018,
        ["méthode"],
        [
            "Clarifier les objectifs, installer les instances, écrire la feuille de route.",
            "Chaque étape est illustrée par un exemple de territoire pionnier.",
        ],
    ),
    (
        "Modèle de feuille de route locale",
        "modele-feuille-route.pdf",
        ["pilotage-evaluation"],
        2018,
        ["méthode", "modèle"],
        ["Un tableau par axe : action, pilote, partenaires, échéance, indicateur."],
    ),
    (
        "Outil de suivi des indicateurs de déploiement",
        "outil-suivi-indicateurs.csv",
        ["pilotage-evaluation"],
        2018,
        ["indicateurs"],
        [
            "territoire,situations_suivies,plans_signes,delai_moyen_jours",
            "Territoire A,42,31,58",
            "Territoire B,27,19,64",
        ],
    ),
    (
        "Bilan comparatif des territoires pionniers",
        "bilan-comparatif-territoires.pdf",
        ["pilotage-evaluation", "transformation-offre"],
        2019,
        ["capitalisation", "bilan"],
        [
            "Public accompagné, adhésion des partenaires, délais de réponse : les "
            "territoires comparés sur les mêmes repères.",
        ],
    ),
    (
        "Support du séminaire régional de restitution (Occitanie)",
        "restitution-occitanie.pdf",
        ["jeunes-adultes", "coordination-parcours"],
        2025,
        ["séminaire", "Occitanie"],
        ["Ce que la région retient des travaux nationaux et ce qu’elle met en place."],
    ),
    (
        "Fiche repère : l’amendement Creton en questions",
        "repere-amendement-creton.pdf",
        ["jeunes-adultes"],
        2024,
        ["Creton", "repère"],
        [
            "Qui est concerné, combien de jeunes adultes, quelles solutions d’aval "
            "les départements ont ouvertes.",
        ],
    ),
    (
        "Calendrier des formations croisées",
        "calendrier-formations-croisees.csv",
        ["formation-interconnaissance"],
        2025,
        ["formation"],
        ["mois,theme,lieu", "mars,Connaître les ITEP,Montpellier", "mai,Le PPS,Toulouse"],
    ),
    (
        "Lettre d’information des espaces de pair-émulation",
        "lettre-pair-emulation.pdf",
        ["pair-aidance", "qualite-vie-travail"],
        2025,
        ["pair-émulation"],
        ["Comment rejoindre un espace, à quel rythme on s’y retrouve, ce qu’on y partage."],
    ),
    (
        "Glossaire des sigles du médico-social",
        "glossaire-sigles.txt",
        ["formation-interconnaissance"],
        2024,
        ["glossaire"],
        [
            "ARS : agence régionale de santé",
            "DITEP : dispositif intégré ITEP",
            "MDPH : maison départementale des personnes handicapées",
        ],
    ),
]

PRIVATE_COLLECTION = "Documents internes du comité de pilotage"
PRIVATE_DOCUMENT = (
    "Relevé de décisions du comité de pilotage (interne)",
    "releve-copil-interne.pdf",
    ["Relevé réservé aux membres du comité de pilotage."],
)

SEMINAR_PHOTO_TITLE = "Affiche du séminaire national de capitalisation"


def national_seminar(today):
    """The national capitalisation seminar, held a few months ago."""
    start = today - dt.timedelta(days=120)
    return {
        "slug": "seminaire-national-capitalisation",
        "title": "Séminaire national de capitalisation",
        "summary": (
            "Une journée pour mettre en commun l’expérience des territoires pionniers "
            "de la réponse accompagnée pour tous et en tirer des repères pour les suivants."
        ),
        "scope": "national",
        "start_date": start,
        "place": "Paris, Caisse nationale de solidarité pour l’autonomie",
        "themes": ["pilotage-evaluation", "coordination-parcours"],
        "tags": ["capitalisation", "RAPT"],
        "outputs_summary": (
            "<p>Les équipes des MDPH, des ARS et des établissements ont confronté leurs "
            "façons de faire. Les échanges ont porté sur le pilotage local, les situations "
            "complexes et la place des familles.</p>"
            "<p>La synthèse nourrit le guide méthodologique du déploiement local.</p>"
        ),
        "sessions": [
            (dt.time(9, 30), dt.time(10, 0), "Accueil et ouverture", [("Direction", "CNSA")]),
            (
                dt.time(10, 0),
                dt.time(11, 30),
                "Plénière : trois ans de territoires pionniers",
                [("Équipe projet nationale", "CNSA, DGCS, SGCIH")],
            ),
            (
                dt.time(11, 45),
                dt.time(13, 0),
                "Ateliers : situations complexes, pilotage, familles",
                [("Référents des sites pionniers", "MDPH et ARS")],
            ),
            (dt.time(14, 30), dt.time(16, 0), "Restitution des ateliers et suites", []),
        ],
        "documents": [
            ("slides", "Diaporama de la plénière d’ouverture"),
            ("report", "Synthèse du séminaire national de capitalisation"),
            ("report", "Compte rendu de l’atelier « situations complexes »"),
        ],
        "takeaways": [
            (
                "Un groupe opérationnel de synthèse réuni vite évite bien des ruptures.",
                ["situations-complexes-rapt-ditep"],
            ),
            (
                "Le jeune et sa famille participent à l’écriture du projet dès le début.",
                ["place-usagers-familles-ppa"],
            ),
        ],
    }


def regional_seminar(today):
    """The regional restitution seminar, announced for the coming weeks."""
    start = today + dt.timedelta(days=45)
    return {
        "slug": "restitution-occitanie",
        "title": "Séminaire régional de restitution et de déploiement — Occitanie",
        "summary": (
            "La restitution en région des travaux nationaux, et le lancement du "
            "déploiement avec les départements d’Occitanie."
        ),
        "scope": "regional",
        "region": "76",
        "start_date": start,
        "end_date": start + dt.timedelta(days=1),
        "place": "Montpellier, ARS Occitanie",
        "themes": ["jeunes-adultes", "coordination-parcours"],
        "tags": ["restitution", "Occitanie"],
        "outputs_summary": "",
        "sessions": [
            (
                dt.time(9, 30),
                dt.time(10, 30),
                "Ce que retient le séminaire national",
                [("Direction de l’autonomie", "ARS Occitanie")],
            ),
            (
                dt.time(10, 45),
                dt.time(12, 30),
                "Table ronde des départements",
                [("Directions de l’autonomie", "Conseils départementaux"), ("MDPH", "Hérault")],
            ),
            (dt.time(14, 0), dt.time(16, 30), "Ateliers de feuille de route", []),
        ],
        "documents": [("slides", "Support du séminaire régional de restitution (Occitanie)")],
        "takeaways": [],
    }


def sentence(text):
    return ("sentence", {"pictogram": None, "pictogram_alt": "", "text": text})


EASY_READ = {
    "a-propos": [
        ("heading", "À quoi sert ce site ?"),
        sentence("Ce site parle des personnes handicapées."),
        sentence("Il parle aussi des services qui les aident."),
        sentence("Des professionnels racontent ce qu’ils ont essayé."),
        sentence("D’autres professionnels peuvent refaire la même chose."),
        ("heading", "Qui écrit ?"),
        sentence("L’agence régionale de santé écrit des pages."),
        sentence("Les établissements écrivent aussi des pages."),
    ],
    "place-usagers-familles-ppa": [
        ("heading", "Votre projet, c’est d’abord vous"),
        sentence("Le projet dit comment on vous accompagne."),
        sentence("Vous donnez votre avis sur votre projet."),
        sentence("Vos parents donnent aussi leur avis."),
        sentence("On se revoit pour changer le projet si besoin."),
    ],
    "insertion-professionnelle-ditep": [
        ("heading", "Trouver un travail"),
        sentence("Des jeunes veulent travailler après le DITEP."),
        sentence("Ils font des stages dans des entreprises."),
        sentence("Un éducateur les aide pendant le stage."),
        sentence("Le but : avoir un vrai travail."),
    ],
}
