"""Experiment write-ups from Occitanie; two are still being written up.

The rupture-prevention unit has no evaluation yet and the trial flat neither
budget nor evaluation: the completeness display of a write-up shows editors
what is missing.
"""

EXPERIMENTS = [
    {
        "slug": "dispositif-prevention-ruptures-ase-itep-haute-garonne",
        "title": "Prévenir les ruptures des jeunes suivis à la fois par l’ASE et un DITEP",
        "summary": (
            "Une cellule commune au DITEP et à l’ASE se réunit dès le premier signal d’alerte "
            "— fugue, exclusion, placement qui vacille — et décide en une semaine d’un plan "
            "partagé, avec un référent unique pour la famille."
        ),
        "kind": "prevention",
        "age_min": 10,
        "age_max": 18,
        "sex": "all",
        "situations": [
            "Adolescent placé en MECS, exclu de son collège, dont le DITEP envisage la sortie",
            "Jeune fille qui fugue de son lieu de placement les week-ends où l’internat ferme",
        ],
        "period_start": "2024-09-02",
        "period_end": None,
        "partners": ["ASE de la Haute-Garonne, MECS partenaires, PJJ, pédopsychiatrie"],
        "description": [
            "Une fiche d’alerte commune déclenche la réunion de la cellule sous huit jours",
            "Le plan désigne un référent unique et ce que chaque institution s’engage à faire",
        ],
        "positive_results": ["Des décisions prises avant la crise plutôt qu’après"],
        "difficulties": ["Des calendriers de réunion difficiles à tenir pour l’ASE"],
        "success_factors": ["Un engagement écrit des deux directions"],
        "pitfalls": ["Multiplier les réunions sans décision"],
        "organisation_model": [
            "Cellule de cinq personnes, réunie à la demande, animée par le DITEP"
        ],
        "staff": ["Coordinatrice de parcours (0,5 ETP)", "Temps de cadres de l’ASE et du DITEP"],
        "staff_fte": "0.50",
        "budget": "42000",
        "funding": ["Crédits non reconductibles de l’ARS Occitanie pour deux ans"],
        "evaluation_method": [],
        "evaluation_results": [],
        "indicators": [],
        "themes": ["prevention-ruptures", "situations-complexes"],
        "audiences": ["troubles-du-comportement", "situations-complexes"],
        "types": ["ditep", "mecs"],
        "regions": [],
        "departments": ["31"],
        "tags": ["ASE", "fiche d’alerte", "référent unique"],
        "contact": ("Camille Azéma", "DITEP Les Pradettes", "camille.azema@exemple.fr"),
        "reviewed": "2026-06-12",
    },
    {
        "slug": "studio-essai-jeunes-adultes-aveyron",
        "title": "Un studio d’essai pour tester la vie autonome avant 20 ans",
        "summary": (
            "Un IME loue en ville un studio où les jeunes de 17 à 22 ans passent une à trois "
            "semaines pour éprouver la vie seuls, avec un passage quotidien de l’équipe."
        ),
        "kind": "other",
        "age_min": 17,
        "age_max": 22,
        "sex": "all",
        "situations": [
            "Jeune homme de 19 ans, ouvrier en ESAT, qui souhaite quitter l’internat",
            "Jeune femme de 18 ans dont les parents doutent qu’elle puisse vivre seule",
        ],
        "period_start": "2025-03-03",
        "period_end": None,
        "partners": ["Bailleur social, ESAT du secteur, service d’accompagnement à la vie sociale"],
        "description": [
            "Un séjour préparé avec le jeune : budget, courses, trajets, rythme de la journée",
            "Un bilan écrit nourrit son livret de compétences",
        ],
        "positive_results": ["Des familles rassurées après avoir vu leur enfant réussir"],
        "difficulties": ["Des astreintes de nuit à organiser"],
        "success_factors": ["Un logement de droit commun, pas une chambre de l’IME"],
        "pitfalls": [],
        "organisation_model": ["Studio loué à l’année, séjours planifiés par trimestre"],
        "staff": ["Éducateur référent de la transition (0,5 ETP)"],
        "staff_fte": "0.50",
        "budget": None,
        "funding": [],
        "evaluation_method": [],
        "evaluation_results": [],
        "indicators": [],
        "themes": ["jeunes-adultes", "participation-autodetermination"],
        "audiences": ["jeunes-adultes", "tnd"],
        "types": ["ime", "esat"],
        "regions": [],
        "departments": ["12"],
        "tags": ["amendement Creton", "habitat inclusif", "autodétermination"],
        "contact": ("Louis Bastide", "IME du Causse", "louis.bastide@exemple.fr"),
        "reviewed": "2026-09-01",
    },
    {
        "slug": "equipe-mobile-comportements-defis-herault",
        "title": "Une équipe mobile d’appui aux établissements face aux comportements-défis",
        "summary": (
            "Psychologue, infirmier et éducateur interviennent dans les MAS, FAM et foyers de "
            "l’Hérault et du Gard pour analyser les comportements-défis d’un résident, former "
            "l’équipe et éviter une hospitalisation ou une exclusion."
        ),
        "kind": "mobile_unit",
        "age_min": 16,
        "age_max": None,
        "sex": "all",
        "situations": [
            "Adulte autiste non verbal dont les automutilations ont doublé depuis un déménagement",
            "Résident de FAM hospitalisé trois fois en un an pour des crises hétéro-agressives",
        ],
        "period_start": "2021-10-04",
        "period_end": None,
        "partners": ["Psychiatrie adulte, CRA, MAS et FAM du territoire"],
        "description": [
            "Observation sur place, analyse fonctionnelle, plan d’intervention avec l’équipe",
            "Retour à six semaines puis à six mois",
        ],
        "positive_results": ["Moins d’hospitalisations en urgence"],
        "difficulties": ["Des équipes épuisées qui attendent une solution immédiate"],
        "success_factors": ["Intervenir tôt, avant la crise aiguë"],
        "pitfalls": ["Se substituer à l’équipe au lieu de la renforcer"],
        "organisation_model": [
            "Saisine par la direction de l’établissement, réponse sous dix jours"
        ],
        "staff": ["Psychologue (1 ETP)", "Infirmier (1 ETP)", "Éducateur spécialisé (1 ETP)"],
        "staff_fte": "3.20",
        "budget": "245000",
        "funding": ["Dotation de l’ARS Occitanie, crédits pérennes depuis 2023"],
        "evaluation_method": ["Échelle d’évaluation des comportements avant et après intervention"],
        "evaluation_results": ["Baisse de moitié des comportements-défis dans 6 situations sur 10"],
        "indicators": [
            ("Personnes accompagnées", "personnes/an", 0, 50, 58, "2025-12-31"),
            ("Hospitalisations évitées", "situations/an", None, None, 21, "2025-12-31"),
            ("Ruptures d’accueil évitées", "situations/an", None, 15, 18, "2025-12-31"),
        ],
        "themes": ["situations-complexes", "prevention-ruptures"],
        "audiences": ["situations-complexes", "tsa", "adultes"],
        "types": ["mas", "fam"],
        "regions": [],
        "departments": ["34", "30"],
        "tags": ["comportements-défis", "équipe mobile", "analyse fonctionnelle"],
        "contact": ("Inès Delmas", "Association Garrigue et Mer", "ines.delmas@exemple.fr"),
        "reviewed": "2026-04-27",
    },
]
