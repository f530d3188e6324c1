"""Roadmap themes 3 and 4: informing and training people, steering the strategy (3.1 to 4.2)."""

from .ara import (
    CONTACT_ISERE,
    CONTACT_REGION,
    CONTACT_RHONE,
    DELEGATIONS,
    PLANNING,
    REGIONAL,
    ROADMAP_CONTEXT,
)

SHEETS = [
    {
        "slug": "information-sensibilisation-dispositif-itep",
        "title": "3.1 — Expliquer le dispositif ITEP aux équipes, aux partenaires et aux familles",
        "summary": (
            "Une boîte à outils conçue avec des représentants des familles — dépliant également "
            "en FALC, film d’animation, témoignages de parcours réussis — et une journée "
            "d’ateliers annuelle dans chaque département."
        ),
        "status": "completed",
        "start": "2017-06-06",
        "delay": "6 mois à 1 an",
        "calendar": "Boîte à outils fin 2018, journées annuelles ensuite",
        "context": ROADMAP_CONTEXT
        + "Beaucoup de familles et de partenaires ignoraient encore ce que changeait le passage "
        "en dispositif.",
        "objectives": [
            "Constituer une boîte à outils d’information",
            "Expliquer les troubles des jeunes accueillis, le fonctionnement en dispositif et "
            "le répit partagé entre ESMS",
        ],
        "leads": [
            (
                "regional",
                "Direction de l’autonomie, ARS Auvergne-Rhône-Alpes, avec les représentants des "
                "familles",
                "Conception des outils",
            ),
            DELEGATIONS,
        ],
        "participants": [
            "Comité mixte : familles, directions et professionnels d’ITEP, partenaires",
            "Fondation OVE et association AIRe",
        ],
        "steps": [
            (
                "Phase 1 — Boîte à outils",
                [
                    "Réunir un comité mixte pour recueillir les attentes",
                    "Produire un dépliant, un film en motion design et un film de témoignages",
                    "Ouvrir un groupe privé pour les DITEP de la région",
                ],
            ),
            (
                "Phase 2 — Sensibilisation",
                [
                    "Tenir des journées d’information pour les décideurs sur quatre territoires",
                    "Organiser une journée d’ateliers annuelle par département",
                ],
            ),
            (
                "Phase 3 — Diffusion",
                [
                    "Choisir les canaux avec les DITEP et les familles : livret d’accueil, CVS",
                    "Écrire et suivre un plan de communication",
                ],
            ),
        ],
        "resources": ["Recherches AIRe/CNSA et Fondation OVE sur les parcours en ITEP"],
        "deliverables": [
            "Dépliant de présentation, version FALC comprise",
            "Film d’animation et film de témoignages",
        ],
        "milestones": [
            ("2018-04-05", "Dépliant et version FALC diffusés"),
            ("2018-11-22", "Films mis en ligne"),
        ],
        "indicators": [
            ("Journées organisées dans les départements", "journées/an", 0, 12, 13, "2019-12-31"),
            ("Personnes sensibilisées", "personnes/an", 0, 1000, 1240, "2019-12-31"),
        ],
        "themes": ["formation-interconnaissance", "participation-autodetermination"],
        "audiences": ["familles-aidants", "professionnels"],
        "types": ["ditep"],
        "regions": ["84"],
        "departments": ["69"],
        "tags": ["FALC", "communication", "familles"],
        "establishments": [],
        "contact": CONTACT_RHONE,
        "reviewed": "2022-04-11",
    },
    {
        "slug": "formation-accompagnement-changement-ditep",
        "title": "3.2 — Former et accompagner les équipes au fonctionnement en dispositif",
        "summary": (
            "Une formation-action dans dix établissements pilotes a permis de repérer ce qui aide "
            "les équipes à changer ; il en est sorti un module d’accompagnement transposable et "
            "une boîte à outils pour les autres ITEP et SESSAD."
        ),
        "status": "evaluated",
        "start": "2017-09-18",
        "delay": "Plus d’un an",
        "calendar": "Module transposable disponible en 2019",
        "context": ROADMAP_CONTEXT
        + "Le fonctionnement en dispositif bouscule les métiers : éducateurs d’internat qui "
        "interviennent en ambulatoire, horaires, coordination.",
        "objectives": ["Accompagner la transition des établissements", "Préparer les équipes"],
        "leads": [PLANNING, DELEGATIONS],
        "participants": [
            "Dix établissements pilotes",
            "Groupe de travail régional sur la formation",
        ],
        "steps": [
            (
                "Expérimenter",
                [
                    "Conduire une formation-action dans dix établissements pilotes",
                    "Faire évoluer les référentiels activités et compétences élaborés avec Unifaf",
                ],
            ),
            (
                "Transposer",
                [
                    "Formaliser un module d’accompagnement des équipes",
                    "Soutenir les établissements qui n’ont pas participé",
                    "Faire vivre la boîte à outils selon les besoins remontés",
                ],
            ),
        ],
        "resources": ["Référentiels activités et compétences ARS – Unifaf", "Baromètre RH"],
        "deliverables": ["Module d’accompagnement des équipes", "Boîte à outils"],
        "milestones": [
            ("2018-06-29", "Fin de la formation-action dans les dix sites pilotes"),
            ("2019-05-14", "Module transposable publié"),
        ],
        "indicators": [
            ("Établissements ayant suivi le module", "établissements", 10, 45, 41, "2021-12-31"),
            ("Professionnels se disant prêts au changement", "%", 38, 75, 69, "2021-12-31"),
        ],
        "themes": ["transformation-offre", "qualite-vie-travail"],
        "audiences": ["professionnels"],
        "types": ["ditep", "itep", "sessad"],
        "regions": [],
        "departments": ["38", "74"],
        "tags": ["formation-action", "conduite du changement", "dispositif intégré"],
        "establishments": [
            ("38", "990633", "DITEP du Grésivaudan"),
            ("74", "990552", "SESSAD du Chablais"),
        ],
        "contact": CONTACT_ISERE,
        "reviewed": "2023-02-07",
    },
    {
        "slug": "etayage-professionnel-inter-esms",
        "title": "3.3 — Encourager l’étayage professionnel entre ESMS",
        "summary": (
            "Annoncée dans la feuille de route sans fiche détaillée, l’action est relancée : "
            "analyse des pratiques commune à plusieurs gestionnaires et possibilité, pour un "
            "professionnel épuisé, de travailler quelques semaines dans une autre structure."
        ),
        "status": "planned",
        "start": "2026-12-07",
        "delay": "1 an",
        "calendar": "Lancement en décembre 2026, premier bilan fin 2027",
        "context": ROADMAP_CONTEXT
        + "Les équipes confrontées aux situations les plus lourdes demandent des relais entre "
        "établissements, pour les jeunes comme pour elles-mêmes.",
        "objectives": [
            "Rompre l’isolement des équipes face aux situations les plus éprouvantes",
            "Organiser le répit des professionnels entre structures",
        ],
        "leads": [
            (
                "departmental",
                "Délégations départementales de la Haute-Loire et du Cantal",
                "Animation des gestionnaires volontaires",
            ),
        ],
        "participants": ["Quatre organismes gestionnaires volontaires"],
        "steps": [
            (
                "Préparation",
                [
                    "Recenser les groupes d’analyse des pratiques existants",
                    "Rédiger une convention type de mise à disposition temporaire",
                ],
            ),
        ],
        "resources": ["Retours des espaces de répit inter-ITEP (action 1.4)"],
        "deliverables": ["Convention type de mise à disposition"],
        "milestones": [("2026-12-07", "Réunion de lancement avec les gestionnaires")],
        "indicators": [
            ("Professionnels ayant bénéficié d’un relais", "personnes", 0, 20, None, None),
        ],
        "themes": ["qualite-vie-travail", "formation-interconnaissance"],
        "audiences": ["professionnels"],
        "types": ["ditep", "ime"],
        "regions": [],
        "departments": ["43", "15"],
        "tags": ["analyse des pratiques", "répit des professionnels", "mutualisation"],
        "establishments": [],
        "contact": CONTACT_REGION,
        "reviewed": "2026-10-19",
    },
    {
        "slug": "animation-suivi-feuilles-de-route",
        "title": "4.1 — Animer et suivre les feuilles de route opérationnelles",
        "summary": (
            "Un comité de pilotage régional et des points d’étape départementaux font vivre les "
            "feuilles de route, les actualisent et vérifient qu’aucun département ne décroche."
        ),
        "status": "in_progress",
        "start": "2017-03-17",
        "delay": "Toute la durée du schéma régional de santé",
        "calendar": "Comité de pilotage deux fois par an",
        "context": ROADMAP_CONTEXT
        + "Le 17 mars 2017, la feuille de route a été présentée aux ITEP de toute la région.",
        "objectives": [
            "Veiller à l’application du décret sur le fonctionnement en dispositif",
            "Garder la dynamique lancée en 2016",
            "Éviter les écarts importants entre départements",
        ],
        "leads": [REGIONAL],
        "participants": ["Comité de pilotage régional", "Délégations départementales"],
        "steps": [
            (
                "Suivi",
                [
                    "Réunir le comité de pilotage deux fois par an",
                    "Actualiser les feuilles de route départementales",
                ],
            ),
        ],
        "resources": ["Feuilles de route régionale et départementales"],
        "deliverables": ["Relevés de décisions du comité de pilotage"],
        "milestones": [
            ("2017-03-17", "Feuille de route présentée aux ITEP"),
            ("2022-10-06", "Actualisation à mi-parcours"),
        ],
        "indicators": [
            ("Comités de pilotage tenus", "réunions", 0, 18, 16, "2025-11-20"),
        ],
        "themes": ["pilotage-evaluation"],
        "audiences": ["professionnels"],
        "types": ["ditep"],
        "regions": ["84"],
        "departments": [],
        "tags": ["COPIL", "feuille de route", "pilotage"],
        "establishments": [],
        "contact": CONTACT_REGION,
        "reviewed": "2025-12-01",
    },
    {
        "slug": "evaluation-impact-dispositif-itep",
        "title": "4.2 — Évaluer ce que change le fonctionnement en dispositif",
        "summary": (
            "Une évaluation périodique mesure la plus-value du dispositif pour les jeunes, les "
            "familles et les équipes, à partir des CPOM et d’un tableau d’évolution de l’offre, "
            "et réajuste les feuilles de route."
        ),
        "status": "in_progress",
        "start": "2019-01-14",
        "delay": "2 ans, au rythme des CPOM",
        "calendar": "Suivi annuel",
        "context": ROADMAP_CONTEXT
        + "Sans mesure, impossible de dire si le dispositif tient sa promesse.",
        "objectives": [
            "Évaluer régulièrement la mise en œuvre et corriger les feuilles de route",
            "Mesurer l’impact pour les jeunes, leurs familles et les professionnels",
        ],
        "leads": [REGIONAL],
        "participants": ["Comité de pilotage régional"],
        "steps": [
            (
                "Évaluation",
                [
                    "Consolider les indicateurs des CPOM",
                    "Tenir le tableau d’évolution de l’offre",
                    "Présenter les résultats au comité de pilotage",
                ],
            ),
        ],
        "resources": ["CPOM", "Schéma régional de santé"],
        "deliverables": ["Tableau d’évolution de l’offre", "Rapport d’évaluation"],
        "milestones": [("2021-06-24", "Premier rapport d’évaluation")],
        "indicators": [
            ("Jeunes accompagnés en ambulatoire", "%", 38, 55, 51, "2025-06-30"),
            ("Délai moyen d’admission", "jours", 190, 90, 118, "2025-06-30"),
        ],
        "themes": ["pilotage-evaluation"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep"],
        "regions": ["84"],
        "departments": [],
        "tags": ["évaluation", "tableau de bord", "CPOM"],
        "establishments": [],
        "contact": CONTACT_REGION,
        "reviewed": "2025-09-15",
    },
]
