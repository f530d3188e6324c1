"""Experiment write-ups from Auvergne-Rhône-Alpes and Pays de la Loire, all three parts filled.

Same conventions as the sheets; `indicators` rows are experiment indicators and
`budget` is in euros a year.
"""

EXPERIMENTS = [
    {
        "slug": "espace-repit-inter-itep-loire",
        "title": "Un espace de répit partagé par quatre ITEP de la Loire",
        "summary": (
            "Une maison de quatre places, ouverte toute l’année, accueille pour quelques jours un "
            "jeune de l’un des quatre ITEP partenaires quand la tension monte à l’internat, en "
            "famille ou à l’école, avant que la situation ne se rompe."
        ),
        "kind": "respite_unit",
        "age_min": 8,
        "age_max": 18,
        "sex": "all",
        "situations": [
            "Garçon de 12 ans dont les crises se multiplient à l’internat après un changement "
            "d’éducateur référent",
            "Adolescente de 15 ans en conflit ouvert avec sa famille d’accueil, en attente d’une "
            "décision de l’ASE",
            "Collégien exclu temporairement, dont la famille ne peut assurer la garde",
        ],
        "period_start": "2018-09-03",
        "period_end": None,
        "partners": [
            "Quatre ITEP de deux associations gestionnaires",
            "ASE et MDPH de la Loire, pédopsychiatrie du secteur",
        ],
        "description": [
            "Séjours de 2 à 10 jours, décidés en 48 heures par une commission d’admission commune",
            "Le jeune garde sa scolarité grâce à un enseignant détaché à mi-temps",
            "Un bilan à la sortie est transmis à l’ITEP d’origine et à la famille",
        ],
        "positive_results": [
            "Moins d’exclusions définitives d’ITEP dans le département",
            "Des équipes d’internat qui se sentent moins seules face aux crises",
        ],
        "difficulties": [
            "Des demandes concentrées sur les vendredis et les veilles de vacances",
            "Un recrutement difficile pour les nuits",
        ],
        "success_factors": [
            "Une commission d’admission commune, réactive et sans hiérarchie entre gestionnaires",
            "Un projet de séjour écrit avec le jeune, même court",
        ],
        "pitfalls": [
            "Laisser l’espace devenir une place d’internat de plus",
            "Oublier le retour : sans bilan partagé, la crise recommence",
        ],
        "organisation_model": [
            "Maison indépendante, ouverte 365 jours par an",
            "Admission sur demande de l’ITEP, avec l’accord de la famille",
        ],
        "staff": [
            "Coordinatrice (1 ETP)",
            "Éducateurs spécialisés et moniteurs-éducateurs (5,5 ETP)",
            "Surveillants de nuit (2 ETP), psychologue (0,3 ETP)",
        ],
        "staff_fte": "8.80",
        "budget": "512000",
        "funding": [
            "Crédits de l’ARS, répartis entre les quatre ITEP au prorata de leurs places",
            "Crédits non reconductibles la première année pour l’aménagement",
        ],
        "evaluation_method": [
            "Suivi de chaque séjour : motif, durée, situation trois mois après",
            "Entretiens annuels avec les familles et les équipes",
        ],
        "evaluation_results": [
            "Trois mois après un séjour, 8 jeunes sur 10 sont toujours dans leur ITEP",
        ],
        "indicators": [
            ("Jeunes accueillis", "jeunes/an", 0, 60, 71, "2025-12-31"),
            ("Taux d’occupation", "%", None, 75, 81, "2025-12-31"),
            ("Ruptures évitées à trois mois", "%", None, 70, 79, "2025-12-31"),
        ],
        "themes": ["prevention-ruptures"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep", "itep"],
        "regions": [],
        "departments": ["42"],
        "tags": ["répit", "inter-ITEP", "prévention des ruptures"],
        "contact": ("Sandrine Faure", "ITEP du Pilat", "sandrine.faure@exemple.fr"),
        "reviewed": "2026-03-09",
    },
    {
        "slug": "equipe-mobile-relais-itep-savoie",
        "title": "Une équipe mobile relais pour les zones sans ITEP en Savoie",
        "summary": (
            "Trois professionnels se déplacent dans les vallées pour soutenir les écoles, les "
            "familles et les services de l’ASE auprès d’enfants en difficulté psychologique qui "
            "attendent une place ou vivent trop loin d’un ITEP."
        ),
        "kind": "mobile_unit",
        "age_min": 6,
        "age_max": 16,
        "sex": "all",
        "situations": [
            "Enfant de 8 ans scolarisé dans une école de montagne, orienté en ITEP, en attente "
            "depuis un an",
            "Préadolescent placé en famille d’accueil, dont l’assistante familiale s’épuise",
        ],
        "period_start": "2019-01-07",
        "period_end": None,
        "partners": ["Éducation nationale, ASE, CMP de secteur, MDPH de la Savoie"],
        "description": [
            "Interventions à l’école, au domicile ou en famille d’accueil, deux fois par semaine",
            "Conseil aux enseignants et aux AESH, participation aux équipes de suivi",
        ],
        "positive_results": [
            "Des enfants maintenus à l’école en attendant une place",
            "Des enseignants qui osent accueillir de nouveau",
        ],
        "difficulties": ["Les temps de trajet l’hiver", "Une file active vite saturée"],
        "success_factors": ["Une convention claire avec l’Éducation nationale"],
        "pitfalls": ["Promettre une intervention quotidienne impossible à tenir"],
        "organisation_model": [
            "Rattachée à un DITEP, l’équipe intervient sur tout le département",
            "Saisine par la MDPH, l’école ou l’ASE, réponse sous quinze jours",
        ],
        "staff": [
            "Éducatrice spécialisée (1 ETP)",
            "Psychologue (0,8 ETP)",
            "Enseignante spécialisée détachée (0,5 ETP)",
        ],
        "staff_fte": "2.30",
        "budget": "168000",
        "funding": ["Dotation de l’ARS intégrée au CPOM du gestionnaire"],
        "evaluation_method": ["Questionnaire aux écoles et aux familles, suivi de la file active"],
        "evaluation_results": ["Neuf écoles sur dix jugent l’appui utile ou très utile"],
        "indicators": [
            ("Enfants suivis", "enfants/an", 0, 40, 46, "2025-06-30"),
            ("Délai moyen de première intervention", "jours", None, 15, 12, "2025-06-30"),
            ("Exclusions scolaires évitées", "situations/an", None, None, 17, "2025-06-30"),
        ],
        "themes": ["prevention-ruptures", "scolarisation"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep", "sessad"],
        "regions": [],
        "departments": ["73", "74"],
        "tags": ["équipe mobile", "zones blanches", "école inclusive"],
        "contact": ("Pierre Jacquier", "DITEP La Chartreuse", "pierre.jacquier@exemple.fr"),
        "reviewed": "2025-11-04",
    },
    {
        "slug": "communaute-360-loire-atlantique",
        "title": (
            "La Communauté 360 de Loire-Atlantique : coordonner sans créer un dispositif de plus"
        ),
        "summary": (
            "Un numéro unique, une équipe de conseillers en parcours et d’intervenants pairs, "
            "et des référents activables dans chaque institution trouvent une solution, d’abord "
            "en milieu ordinaire, aux personnes sans réponse."
        ),
        "kind": "other",
        "age_min": 0,
        "age_max": None,
        "sex": "all",
        "situations": [
            "Jeune adulte autiste sorti d’IME sans solution, qui reste au domicile de ses parents",
            "Mère d’un enfant polyhandicapé qui cherche un relais pour les vacances scolaires",
        ],
        "period_start": "2022-01-03",
        "period_end": None,
        "partners": [
            "MDPH et conseil départemental de Loire-Atlantique",
            "DAC, PCO-TND, PFRA, emploi accompagné, Éducation nationale, CAF, CPAM",
        ],
        "description": [
            "Écoute, analyse de la demande puis recherche d’une réponse avec les acteurs existants",
            "Passage de relais rapide : la communauté n’accompagne pas au long cours",
            "Observation des besoins non couverts, transmise aux autorités",
        ],
        "positive_results": ["Des réponses trouvées hors établissement pour une majorité d’appels"],
        "difficulties": ["Faire connaître le numéro aux personnes les plus isolées"],
        "success_factors": [
            "Une gouvernance collégiale ARS – MDPH – département",
            "Des référents désignés dans chaque institution partenaire",
        ],
        "pitfalls": ["Devenir un guichet de plus qui garde les situations"],
        "organisation_model": ["Plateforme téléphonique et équipe mobile départementale"],
        "staff": [
            "Coordinateur (1 ETP)",
            "Conseillers en parcours répartis chez les partenaires (2,5 ETP)",
            "Intervenant pair (0,5 ETP)",
        ],
        "staff_fte": "4.00",
        "budget": "430000",
        "funding": ["Crédits pérennes de l’ARS Pays de la Loire"],
        "evaluation_method": ["Tableau de bord mensuel et revue annuelle avec les partenaires"],
        "evaluation_results": ["Six demandes sur dix trouvent une réponse en moins de deux mois"],
        "indicators": [
            ("Personnes accompagnées", "personnes/an", 0, 500, 612, "2025-12-31"),
            ("Réponses trouvées en milieu ordinaire", "%", None, 50, 57, "2025-12-31"),
        ],
        "themes": ["coordination-parcours", "situations-complexes", "pair-aidance"],
        "audiences": ["situations-complexes", "familles-aidants"],
        "types": ["c360", "dac", "pfra"],
        "regions": ["52"],
        "departments": ["44"],
        "tags": ["Communauté 360", "conseil en parcours", "numéro unique"],
        "contact": (
            "Thomas Guérin",
            "Communauté 360 de Loire-Atlantique",
            "thomas.guerin@exemple.fr",
        ),
        "reviewed": "2026-02-23",
    },
]
