"""Roadmap theme 1, continued: mapping the offer and contracting with providers (1.5, 1.6)."""

from .ara import CONTACT_ISERE, CONTACT_LOIRE, DELEGATIONS, ROADMAP_CONTEXT

SHEETS = [
    {
        "slug": "cartographie-offre-territoires-parcours",
        "title": "1.5 — Cartographier l’offre des territoires de parcours",
        "summary": (
            "Une carte interactive superpose l’offre des DITEP, de l’école, de la pédopsychiatrie, "
            "de l’ASE et de la PJJ par territoire de parcours ; testée deux mois en version bêta, "
            "elle sert aux délégations et aux référents de parcours."
        ),
        "status": "completed",
        "start": "2018-01-08",
        "delay": "1 à 2 ans",
        "calendar": "Mise en service en 2019, actualisation annuelle",
        "context": ROADMAP_CONTEXT
        + "Les délégations ne disposaient d’aucune vue d’ensemble des modalités disponibles "
        "autour d’un jeune.",
        "objectives": [
            "Donner aux délégations un état des lieux à jour pour piloter le dispositif",
            "Aligner les offres des partenaires pour penser la continuité des parcours",
            "Outiller les référents de parcours",
        ],
        "leads": [
            (
                "regional",
                "Direction de l’autonomie, ARS Auvergne-Rhône-Alpes",
                "Pilotage et mise à jour",
            ),
            DELEGATIONS,
        ],
        "participants": [
            "Direction de la stratégie et des parcours de l’ARS",
            "Groupes de travail DITEP de l’Isère, de la Drôme et de l’Ardèche",
        ],
        "steps": [
            ("Phase 0 — Cible", ["Définir les usages attendus et les utilisateurs"]),
            (
                "Phase 1 — Cahier des charges",
                [
                    "Choisir les couches : ESMS, ULIS et SEGPA, secteurs de pédopsychiatrie, PJJ",
                    "Décider qui met à jour quoi, et mesurer l’usage",
                    "Retenir un prestataire",
                ],
            ),
            ("Phase 2 — Données", ["Compléter les états des lieux de l’action 1.2"]),
            (
                "Phase 3 — Déploiement",
                [
                    "Tester une version bêta pendant deux mois",
                    "Ouvrir l’outil aux ESMS et partenaires, former les référents de parcours",
                ],
            ),
            ("Phase 4 — Évaluation", ["Mesurer l’utilité pour les référents et la planification"]),
        ],
        "resources": [
            "Carte des territoires de parcours de l’ARS",
            "Outil de cartographie conçu avec la Fondation OVE",
        ],
        "deliverables": ["Carte interactive de l’offre, actualisée chaque année"],
        "milestones": [
            ("2018-10-01", "Cahier des charges validé"),
            ("2019-03-04", "Version bêta ouverte aux délégations"),
            ("2019-11-18", "Version définitive ouverte aux partenaires"),
        ],
        "indicators": [
            ("Délégations utilisant l’outil", "délégations", 0, 12, 12, "2020-06-30"),
            ("Utilisateurs actifs par mois", "personnes", 0, 200, 236, "2020-06-30"),
            ("Satisfaction des utilisateurs", "/10", None, 7, 7.4, "2020-06-30"),
        ],
        "themes": ["pilotage-evaluation", "coordination-parcours"],
        "audiences": ["professionnels"],
        "types": ["ditep", "sessad", "cmp"],
        "regions": [],
        "departments": ["38", "26", "07"],
        "tags": ["cartographie", "territoire de parcours", "référent de parcours"],
        "establishments": [],
        "contact": CONTACT_ISERE,
        "reviewed": "2023-11-09",
    },
    {
        "slug": "passage-cpom-gestionnaires-itep",
        "title": "1.6 — Passer tous les gestionnaires d’ITEP sous CPOM",
        "summary": (
            "Chaque organisme gestionnaire d’ITEP a signé un CPOM après un diagnostic partagé ; "
            "les objectifs du fonctionnement en dispositif y sont inscrits et un tableau de bord "
            "régional suit le calendrier."
        ),
        "status": "evaluated",
        "start": "2017-03-01",
        "delay": "1 à 2 ans",
        "calendar": "Au plus tard le 1er janvier 2019 selon les départements",
        "context": ROADMAP_CONTEXT
        + "Le CPOM est l’outil qui permet d’ouvrir toutes les modalités d’accueil sous une même "
        "autorisation.",
        "objectives": ["Contractualiser avec tous les gestionnaires d’ITEP d’ici fin 2018"],
        "leads": [
            ("regional", "Direction de l’autonomie, ARS Auvergne-Rhône-Alpes", "Suivi régional"),
            (
                "departmental",
                "Délégations départementales du Puy-de-Dôme et de la Loire",
                "Négociation et signature",
            ),
        ],
        "participants": ["Organismes gestionnaires d’ITEP et de SESSAD"],
        "steps": [
            (
                "Phase 1 — Négocier",
                [
                    "Établir un diagnostic partagé par gestionnaire",
                    "Rédiger objectifs et indicateurs, négocier, signer",
                ],
            ),
            (
                "Phase 2 — Suivre",
                [
                    "Définir les indicateurs de suivi",
                    "Tenir un tableau de bord du déploiement sur cinq ans",
                ],
            ),
        ],
        "resources": ["CPOM type régional", "Fiches établissements réalisées en 2016"],
        "deliverables": ["Diagnostics partagés", "CPOM signés", "Tableau de bord régional"],
        "milestones": [
            ("2017-12-19", "Moitié des CPOM signés"),
            ("2018-12-20", "Dernier CPOM signé"),
        ],
        "indicators": [
            ("Gestionnaires d’ITEP sous CPOM", "%", 18, 100, 100, "2019-01-01"),
            ("Retard moyen sur le calendrier prévu", "mois", None, 0, 2, "2019-01-01"),
        ],
        "themes": ["transformation-offre", "pilotage-evaluation"],
        "audiences": ["professionnels"],
        "types": ["ditep", "itep", "sessad"],
        "regions": [],
        "departments": ["63", "42"],
        "tags": ["CPOM", "contractualisation", "diagnostic partagé"],
        "establishments": [("63", "990501", "DITEP Les Volcans")],
        "contact": CONTACT_LOIRE,
        "reviewed": "2022-09-14",
    },
]
