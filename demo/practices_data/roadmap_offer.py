"""Roadmap theme 1: matching the ITEP offer of each territory to the needs (actions 1.1 to 1.4)."""

from .ara import (
    CONTACT_REGION,
    CONTACT_RHONE,
    DELEGATIONS,
    PLANNING,
    REGIONAL,
    ROADMAP_CONTEXT,
)

SHEETS = [
    {
        "slug": "observation-besoins-public-ditep",
        "title": "1.1 — Observer chaque année les besoins des jeunes accompagnés en DITEP",
        "summary": (
            "L’ARS publie une synthèse régulière sur l’évolution des jeunes orientés en DITEP, "
            "à partir des données des MDPH, de ViaTrajectoire et des gestionnaires, pour ajuster "
            "l’offre et les plans de formation."
        ),
        "status": "in_progress",
        "start": "2017-09-04",
        "delay": "Plus d’un an",
        "calendar": "Première synthèse fin 2018, puis une tous les deux ans",
        "context": ROADMAP_CONTEXT
        + "Sans observation partagée, chaque département ajustait son offre à l’aveugle.",
        "objectives": [
            "Disposer d’une image à jour des besoins pour faire évoluer l’offre du dispositif",
            "Suivre les changements du public pour adapter les formations des équipes",
        ],
        "leads": [REGIONAL],
        "participants": [
            "Pôle planification de l’offre et pôle qualité des prestations médico-sociales",
            "MDPH des douze départements, sollicitées pour les données d’orientation",
        ],
        "steps": [
            (
                "Cadrage",
                [
                    "Fixer le plan du rapport annuel et la liste des indicateurs",
                    "Convenir avec les MDPH des extractions à fournir",
                ],
            ),
            (
                "Collecte et analyse",
                [
                    "Extraire les orientations et les listes d’attente de ViaTrajectoire",
                    "Compléter par des entretiens avec des familles, des jeunes et des équipes",
                ],
            ),
        ],
        "resources": [
            "Données ViaTrajectoire, MDPH, Compilio et Serafin-PH",
            "Appui d’un CREAI ou d’un cabinet d’études",
        ],
        "deliverables": ["Synthèse des évolutions des besoins, mise en ligne"],
        "milestones": [
            ("2018-12-14", "Première synthèse régionale publiée"),
            ("2020-12-11", "Deuxième synthèse, avec un volet qualitatif"),
            ("2024-12-06", "Quatrième synthèse"),
        ],
        "indicators": [
            ("Synthèses publiées", "synthèses", 0, 5, 4, "2024-12-06"),
            (
                "Départements dont les données sont complètes",
                "départements",
                5,
                12,
                11,
                "2024-12-06",
            ),
        ],
        "themes": ["pilotage-evaluation"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep", "mdph"],
        "regions": ["84"],
        "departments": [],
        "tags": ["observatoire", "ViaTrajectoire", "besoins"],
        "establishments": [],
        "contact": CONTACT_REGION,
        "reviewed": "2025-02-17",
    },
    {
        "slug": "adaptation-offre-zones-blanches",
        "title": "1.2 — Adapter l’offre et les agréments pour couvrir les zones blanches",
        "summary": (
            "Dans le Cantal, la Haute-Loire et l’Allier, l’état des lieux des modalités d’accueil "
            "a conduit à revoir les agréments d’âge et de sexe, à créer des places de SESSAD et à "
            "installer des unités d’enseignement externalisées là où aucune offre n’existait."
        ),
        "status": "completed",
        "start": "2017-06-12",
        "delay": "3 à 5 ans",
        "calendar": "Bilan intermédiaire à mi-chemin du schéma régional de santé",
        "context": ROADMAP_CONTEXT
        + "Les diagnostics de 2016 montraient des territoires ruraux sans accueil de jour ni "
        "ambulatoire, et des ITEP réservés aux garçons.",
        "objectives": [
            "Rendre accessibles partout au moins quatre modalités : jour, nuit, ambulatoire et "
            "prévention",
            "Mailler le territoire en solutions de répit et équipes mobiles",
            "Ouvrir tous les ITEP aux filles comme aux garçons",
            "Assouplir les tranches d’âge pour ne pas interrompre un accompagnement",
        ],
        "leads": [PLANNING, DELEGATIONS],
        "participants": [
            "Directions des ITEP et SESSAD des trois départements",
            "Pédopsychiatrie, Éducation nationale, ASE et PJJ, interrogées par questionnaire",
        ],
        "steps": [
            (
                "Phase 1 — État des lieux",
                [
                    "Recenser par questionnaire les agréments, l’hébergement et les "
                    "accompagnements de chaque ITEP",
                    "Croiser avec l’offre des IME et les listes d’attente de la MDPH",
                    "Cartographier la provenance des jeunes pour repérer les zones blanches",
                ],
            ),
            (
                "Phase 2 — Adaptation",
                [
                    "Réviser les agréments d’âge et de sexe en cohérence avec le PRS",
                    "Créer des places de SESSAD et de semi-internat ou conventionner entre ITEP",
                    "Proposer des équipes mobiles relais pour les zones sans offre",
                ],
            ),
        ],
        "resources": [
            "Synthèses départementales réalisées en 2016 par le cabinet Alcimed",
            "Carte des territoires de parcours de l’ARS",
            "Données de provenance fournies par les MDPH",
        ],
        "deliverables": [
            "Arrêtés d’autorisation modifiés",
            "Conventions de partenariat entre ITEP de gestionnaires différents",
        ],
        "milestones": [
            ("2017-12-15", "États des lieux départementaux achevés"),
            ("2019-06-28", "Agréments de sexe révisés dans tous les ITEP concernés"),
            ("2022-03-31", "Dernière zone blanche couverte par une équipe mobile"),
        ],
        "indicators": [
            ("Zones blanches couvertes", "%", 40, 100, 100, "2022-03-31"),
            ("ITEP accueillant filles et garçons", "%", 55, 100, 92, "2022-03-31"),
            ("Unités d’enseignement externalisées", "unités", 1, 6, 6, "2022-03-31"),
        ],
        "themes": ["transformation-offre", "prevention-ruptures"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep", "sessad", "uee"],
        "regions": [],
        "departments": ["03", "15", "43"],
        "tags": ["zones blanches", "agrément", "mixité"],
        "establishments": [
            ("15", "990214", "DITEP du Haut-Cantal"),
            ("43", "990377", "SESSAD Les Sucs"),
        ],
        "contact": CONTACT_REGION,
        "reviewed": "2024-10-03",
    },
    {
        "slug": "cooperations-inter-esms",
        "title": "1.3 — Faire coopérer les associations et les ESMS entre eux",
        "summary": (
            "Dans le Rhône et l’Ain, directeurs d’ITEP, de SESSAD et d’IME se rencontrent deux "
            "fois par an, ouvrent leurs formations internes aux autres structures et aux "
            "partenaires, et signent des conventions de partage de ressources."
        ),
        "status": "evaluated",
        "start": "2017-10-02",
        "delay": "Plus d’un an",
        "calendar": "Bilan annuel des formations partagées, chaque printemps",
        "context": ROADMAP_CONTEXT
        + "Un jeune d’ITEP qui aurait eu besoin d’un relais en IME se heurtait souvent à des "
        "cultures professionnelles qui s’ignoraient.",
        "objectives": [
            "Construire une culture commune entre établissements d’associations différentes",
            "Garantir un relais vers un autre ESMS quand la situation d’un jeune l’exige",
            "Ouvrir les formations internes aux autres ESMS et aux institutions partenaires",
        ],
        "leads": [
            PLANNING,
            (
                "departmental",
                "Délégations départementales du Rhône et de l’Ain",
                "Pilotage local, en binôme avec les animateurs des groupes de travail DITEP",
            ),
        ],
        "participants": [
            "Directeurs d’ITEP, de SESSAD et d’IME des deux départements",
            "Pédopsychiatrie et Éducation nationale pour les formations croisées",
        ],
        "steps": [
            (
                "Axe 1 — Se connaître",
                [
                    "Réunir les directeurs deux fois par an autour d’un thème commun",
                    "Échanger les projets d’établissement et de service",
                ],
            ),
            (
                "Axe 2 — Se former ensemble",
                [
                    "Recenser les formations internes ouvrables et le nombre de places",
                    "Publier un programme commun de formations croisées",
                    "Arrêter en fin d’année les formations de l’année suivante",
                ],
            ),
            (
                "Axe 3 — Partager des ressources",
                ["Conventionner entre gestionnaires pour mutualiser des modalités d’accueil"],
            ),
        ],
        "resources": [
            "Plans de formation des organismes gestionnaires",
            "Groupes de travail départementaux issus de la démarche DITEP",
        ],
        "deliverables": [
            "Programme annuel des formations croisées (offres, places ouvertes, participants)",
            "Bilan annuel des formations partagées",
        ],
        "milestones": [
            ("2018-03-20", "Première rencontre interdépartementale des directeurs"),
            ("2018-09-01", "Premier programme commun de formations croisées"),
            ("2021-05-18", "Bilan à trois ans présenté au comité de pilotage"),
        ],
        "indicators": [
            ("Conventions de coopération signées", "conventions", 0, 8, 9, "2023-04-12"),
            ("Formations partagées réalisées", "formations/an", 2, 12, 14, "2023-04-12"),
            (
                "Professionnels formés hors de leur structure",
                "personnes/an",
                15,
                150,
                171,
                "2023-04-12",
            ),
        ],
        "themes": ["formation-interconnaissance", "coordination-parcours"],
        "audiences": ["professionnels", "troubles-du-comportement"],
        "types": ["ditep", "sessad", "ime"],
        "regions": [],
        "departments": ["69", "01"],
        "tags": ["formations croisées", "interconnaissance", "convention"],
        "establishments": [
            ("69", "990418", "DITEP Les Cèdres"),
            ("01", "990126", "IME Le Revermont"),
        ],
        "contact": CONTACT_RHONE,
        "reviewed": "2025-05-06",
    },
    {
        "slug": "valoriser-dispositifs-prevention-ruptures",
        "title": "1.4 — Faire connaître les dispositifs qui préviennent les ruptures",
        "summary": (
            "Bilan des unités mobiles, espaces de répit et autres dispositifs existants, puis "
            "diffusion de fiches de capitalisation (public, cas types, résultats, écueils) pour "
            "inciter chaque département à en lancer."
        ),
        "status": "evaluated",
        "start": "2017-06-19",
        "delay": "6 mois à 2 ans",
        "calendar": "Première diffusion fin 2018, mise à jour chaque année",
        "context": ROADMAP_CONTEXT
        + "Plusieurs ITEP de la région avaient déjà ouvert des espaces de répit ou des "
        "équipes mobiles, sans que leurs résultats circulent.",
        "objectives": [
            "Rendre visibles les dispositifs de prévention des ruptures qui existent",
            "Encourager chaque département à innover à son tour",
        ],
        "leads": [PLANNING],
        "participants": [
            "Porteurs des dispositifs recensés",
            "CREAI, pour la méthode de capitalisation",
            "Groupe de travail sur le répit en Savoie",
        ],
        "steps": [
            (
                "Phase 1 — Bilan",
                ["Mesurer l’apport de chaque expérimentation en cours et l’ajuster au besoin"],
            ),
            (
                "Phase 2 — Valorisation",
                [
                    "Décrire pour chaque dispositif le public, les cas types et les résultats",
                    "Consigner les difficultés, les facteurs de réussite et les pièges",
                    "Présenter les fiches aux délégations et aux gestionnaires",
                ],
            ),
        ],
        "resources": [
            "Encadrés sur les dispositifs innovants des synthèses Alcimed de 2016",
            "Espaces de répit inter-ITEP déjà ouverts dans la région",
        ],
        "deliverables": ["Annuaire des PCPE et des dispositifs de répit, annexé au PRS"],
        "milestones": [
            ("2018-11-30", "Douze fiches de capitalisation diffusées"),
            ("2020-01-15", "Annuaire mis à jour avec les PCPE"),
        ],
        "indicators": [
            ("Nouveaux projets lancés après diffusion", "projets", 0, 6, 7, "2021-12-31"),
            ("Départements dotés d’une solution de répit", "départements", 4, 12, 10, "2021-12-31"),
        ],
        "themes": ["prevention-ruptures"],
        "audiences": ["troubles-du-comportement", "familles-aidants"],
        "types": ["ditep", "pcpe", "pfra"],
        "regions": ["84"],
        "departments": ["73", "74"],
        "tags": ["répit", "équipe mobile", "essaimage"],
        "establishments": [],
        "contact": CONTACT_REGION,
        "reviewed": "2024-06-21",
    },
]
