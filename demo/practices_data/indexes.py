"""The practices entry page and its three listings, in French and English."""

ROOT = {
    "slug": "pratiques",
    "title": "Pratiques",
    "intro": (
        "Ce que des établissements, des services et des agences régionales de santé ont mis en "
        "place, mesuré et accepté de partager : fiches action, retours d’expérience et "
        "formations croisées, à filtrer par thème, public et territoire."
    ),
    "en": {
        "slug": "practices",
        "title": "Practices",
        "intro": (
            "What establishments, services and regional health agencies have put in place, "
            "measured and agreed to share: action sheets, experiment write-ups and "
            "cross-training, to filter by theme, audience and territory."
        ),
    },
}

LISTINGS = {
    "sheets": {
        "slug": "fiches-action",
        "title": "Fiches action",
        "intro": (
            "Chaque fiche dit qui porte l’action et à quel niveau, les étapes, les ressources, "
            "les livrables et les indicateurs suivis, pour qu’un autre territoire puisse la "
            "reprendre."
        ),
        "en": {
            "slug": "action-sheets",
            "title": "Action sheets",
            "intro": (
                "Each sheet tells who leads the action and at which level, its steps, resources, "
                "deliverables and the indicators followed, so that another territory can take "
                "it up."
            ),
        },
    },
    "experiments": {
        "slug": "retours-experience",
        "title": "Retours d’expérience",
        "intro": (
            "Espaces de répit, équipes mobiles, dispositifs de prévention des ruptures : ce qui a "
            "été tenté, ce que cela coûte, ce que l’évaluation en dit, et ce qu’il faut éviter."
        ),
        "en": {
            "slug": "experiments",
            "title": "Experiment write-ups",
            "intro": (
                "Respite spaces, mobile teams, devices that prevent breakdowns in care: what was "
                "tried, what it costs, what the evaluation says, and what to avoid."
            ),
        },
    },
    "trainings": {
        "slug": "formations-croisees",
        "title": "Formations croisées",
        "intro": (
            "Des formations ouvertes aux professionnels d’autres établissements et des "
            "institutions partenaires — Éducation nationale, pédopsychiatrie, ASE, PJJ, MDPH — "
            "pour apprendre à travailler ensemble."
        ),
        "en": {
            "slug": "cross-training",
            "title": "Cross-training",
            "intro": (
                "Training open to staff from other establishments and from partner institutions "
                "— schools, child psychiatry, child welfare, youth justice, disability offices — "
                "to learn to work together."
            ),
        },
    },
}
