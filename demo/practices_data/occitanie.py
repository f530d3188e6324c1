"""Sheets from the Occitanie support fund for transforming the offer (call no. 2025-ARS-PH-02)."""

CALL_CONTEXT = (
    "Dans le cadre du fonds d’appui à la transformation de l’offre annoncé après la "
    "Conférence nationale du handicap d’avril 2023, l’ARS Occitanie a lancé en mai 2025 "
    "l’appel à candidatures « Handi Cap’2030 » : 644 934,69 € pour financer, en 2025 et "
    "2026, des appuis experts auprès d’ESMS volontaires. "
)

REGIONAL = (
    "regional",
    "Direction de l’offre de soins et de l’autonomie, ARS Occitanie",
    "Sélection des appuis experts, financement et capitalisation régionale",
)

CONTACT = (
    "Mathilde Roques",
    "Pôle médico-social, ARS Occitanie",
    "mathilde.roques@exemple.fr",
)

SHEETS = [
    {
        "slug": "appropriation-rbpp-tnd-polyhandicap",
        "title": "S’approprier les recommandations TND et polyhandicap au quotidien",
        "summary": (
            "Un IME et une MAS se font accompagner sur place : diagnostic au regard des RBPP, plan "
            "d’action construit avec les équipes, formations en situation de travail, pour que les "
            "recommandations changent les journées des personnes et le sens du travail."
        ),
        "status": "in_progress",
        "start": "2025-11-17",
        "delay": "12 à 18 mois",
        "calendar": "Diagnostic fin 2025, plan d’action en 2026, bilan début 2027",
        "context": CALL_CONTEXT
        + "Les recommandations existent ; ce qui manque, c’est leur traduction dans "
        "l’organisation ordinaire d’une unité.",
        "objectives": [
            "Mesurer l’écart entre pratiques actuelles et recommandations",
            "Construire avec les équipes un plan d’action réaliste",
            "Former en situation, au plus près des gestes quotidiens",
            "Soutenir les cadres dans la durée par la pair-émulation",
        ],
        "leads": [
            REGIONAL,
            (
                "establishment",
                "Direction de l’IME Les Hirondelles",
                "Conduite du projet et animation du groupe de suivi interne",
            ),
        ],
        "participants": [
            "Équipes éducatives et soignantes, CVS, familles volontaires",
            "Organisme d’appui retenu par l’ARS",
        ],
        "steps": [
            (
                "Phase 1 — Diagnostic",
                [
                    "Observer les journées types et relire les projets personnalisés",
                    "Comparer aux recommandations TND et polyhandicap",
                ],
            ),
            (
                "Phase 2 — Plan d’action",
                [
                    "Prioriser trois chantiers avec les équipes et le CVS",
                    "Rechercher des solutions y compris hors des habitudes de l’établissement",
                ],
            ),
            (
                "Phase 3 — Formation en situation",
                [
                    "Accompagner les équipes sur le terrain, unité par unité",
                    "Ouvrir un espace de pair-émulation pour les chefs de service",
                ],
            ),
        ],
        "resources": ["Recommandations de bonnes pratiques TND et polyhandicap"],
        "deliverables": [
            "Diagnostic partagé",
            "Plan d’action",
            "Outils de communication alternative",
        ],
        "milestones": [
            ("2025-12-19", "Restitution du diagnostic aux équipes"),
            ("2026-03-10", "Plan d’action validé par le CVS"),
            ("2027-01-29", "Bilan de fin d’accompagnement"),
        ],
        "indicators": [
            ("Projets personnalisés conformes aux RBPP", "%", 30, 80, 55, "2026-09-30"),
            ("Professionnels formés en situation", "personnes", 0, 60, 41, "2026-09-30"),
        ],
        "themes": ["rbpp-tnd-polyhandicap", "qualite-vie-travail"],
        "audiences": ["tnd", "polyhandicap"],
        "types": ["ime", "mas"],
        "regions": [],
        "departments": ["31", "82"],
        "tags": ["RBPP", "formation-action", "communication alternative"],
        "establishments": [
            ("31", "990748", "IME Les Hirondelles"),
            ("82", "990219", "MAS Le Grand Chêne"),
        ],
        "contact": CONTACT,
        "reviewed": "2026-10-05",
    },
    {
        "slug": "transition-age-adulte-amendement-creton",
        "title": "Préparer l’âge adulte dès l’IME : sortir de l’amendement Creton",
        "summary": (
            "Un IME réécrit son projet de service pour les 16-25 ans : référents dédiés, "
            "pair-aidance, projet de soins dans le droit commun, studio d’essai et livret de "
            "compétences qui suit le jeune vers ses nouveaux interlocuteurs."
        ),
        "status": "in_progress",
        "start": "2025-12-01",
        "delay": "18 mois",
        "calendar": "Projet de service réécrit en 2026, premiers stages en 2027",
        "context": CALL_CONTEXT
        + "En Occitanie, le nombre de jeunes maintenus en établissement pour enfants au titre "
        "de l’amendement Creton ne baisse pas depuis plusieurs années.",
        "objectives": [
            "Préparer tôt le projet de vie : logement, travail, vie affective, loisirs",
            "Organiser le passage vers le soin somatique de droit commun",
            "Permettre de tester la vie en autonomie avant de choisir",
        ],
        "leads": [
            REGIONAL,
            ("establishment", "Direction de l’IME Les Garrigues", "Pilotage du projet"),
        ],
        "participants": [
            "Jeunes de plus de 16 ans et leurs familles",
            "ESMS adultes du secteur, bailleur social, médecins généralistes",
        ],
        "steps": [
            (
                "Organisation de l’équipe",
                [
                    "Désigner des référents pour la période de transition",
                    "Répartir les rôles entre le référent de toujours et le reste de l’équipe",
                ],
            ),
            (
                "Actions avec les jeunes",
                [
                    "Monter des rencontres avec de jeunes adultes passés par là (pair-aidance)",
                    "Formaliser le projet de soins et le projet de vie",
                    "Aménager un studio d’essai et louer un appartement en ville",
                ],
            ),
            ("Partenariats", ["Conventionner avec les ESMS adultes et le droit commun"]),
        ],
        "resources": ["Accompagnement par un appui expert financé par l’ARS"],
        "deliverables": ["Projet de service « passage à l’âge adulte »", "Livret de compétences"],
        "milestones": [
            ("2026-04-15", "Studio d’essai aménagé"),
            ("2026-11-30", "Projet de service adopté"),
        ],
        "indicators": [
            ("Jeunes sous amendement Creton", "jeunes", 14, 6, 11, "2026-10-01"),
            ("Jeunes disposant d’un livret de compétences", "jeunes", 0, 25, 9, "2026-10-01"),
        ],
        "themes": ["jeunes-adultes", "participation-autodetermination", "pair-aidance"],
        "audiences": ["jeunes-adultes", "tnd"],
        "types": ["ime"],
        "regions": [],
        "departments": ["34", "30"],
        "tags": ["amendement Creton", "habitat inclusif", "pair-aidance"],
        "establishments": [("34", "990812", "IME Les Garrigues")],
        "contact": CONTACT,
        "reviewed": "2026-10-28",
    },
    {
        "slug": "modularite-accueils-esms-adultes",
        "title": "Rendre les accueils modulables dans les ESMS pour adultes",
        "summary": (
            "Un FAM et une MAS cherchent les leviers internes — ressources humaines, organisation, "
            "espaces — pour proposer accueil temporaire, colocation et séjours d’essai aux jeunes "
            "adultes en attente d’une place."
        ),
        "status": "planned",
        "start": "2026-12-01",
        "delay": "2 ans",
        "calendar": "Analyse des besoins début 2027, feuille de route à l’été 2027",
        "context": CALL_CONTEXT
        + "Les listes d’attente des ESMS adultes comptent de nombreux jeunes venus d’IME.",
        "objectives": [
            "Analyser les besoins des jeunes en liste d’attente",
            "Diversifier l’habitat et les prestations",
            "Réserver une part d’activité aux séjours d’essai",
        ],
        "leads": [REGIONAL, ("establishment", "Direction du FAM La Source", "Pilotage")],
        "participants": ["Représentants des résidents au CVS, équipes de nuit et de jour"],
        "steps": [
            ("Diagnostic", ["Analyser les demandes en liste d’attente", "Recenser les leviers"]),
            ("Feuille de route", ["Prévoir colocation, accueil temporaire et séjours d’essai"]),
        ],
        "resources": ["Appui expert en conduite du changement"],
        "deliverables": ["Feuille de route opérationnelle"],
        "milestones": [("2027-06-30", "Feuille de route validée")],
        "indicators": [("Places d’accueil temporaire", "places", 0, 4, None, None)],
        "themes": ["jeunes-adultes", "transformation-offre"],
        "audiences": ["jeunes-adultes", "adultes"],
        "types": ["fam", "mas"],
        "regions": [],
        "departments": ["11", "66"],
        "tags": ["accueil temporaire", "colocation", "modularité"],
        "establishments": [("11", "990093", "FAM La Source")],
        "contact": CONTACT,
        "reviewed": "2026-11-02",
    },
    {
        "slug": "situations-complexes-comportements-defis-mas",
        "title": "Accueillir les situations complexes sans rupture : consolider une MAS",
        "summary": (
            "Un appui pluridisciplinaire (psychiatre, neuropsychologue, cadre de santé, "
            "architecte) aide une MAS à revoir son organisation, ses procédures face aux "
            "comportements-défis et le suivi somatique et psychiatrique de chaque résident."
        ),
        "status": "in_progress",
        "start": "2026-01-12",
        "delay": "12 à 24 mois",
        "calendar": "État des lieux au 1er trimestre 2026, stratégie à trois ans",
        "context": CALL_CONTEXT
        + "Les établissements qui accueillent des situations critiques veulent garantir la "
        "continuité des parcours sans mettre en danger résidents ni professionnels.",
        "objectives": [
            "Repérer forces et fragilités : locaux, équipe, formation, partenariats",
            "Outiller l’équipe pour analyser incidents graves et comportements-défis",
            "Assurer des bilans de santé somatiques et psychiatriques réguliers",
        ],
        "leads": [REGIONAL, ("establishment", "Direction de la MAS Les Cévennes", "Pilotage")],
        "participants": ["Familles et aidants", "Équipe mobile de psychiatrie du secteur"],
        "steps": [
            ("État des lieux", ["Analyser les situations accueillies et les incidents"]),
            (
                "Stratégie",
                [
                    "Revoir la répartition des tâches et le soutien aux équipes",
                    "Écrire les procédures de gestion des crises",
                    "Conventionner avec la psychiatrie et un médecin coordonnateur",
                ],
            ),
        ],
        "resources": ["RBPP sur les comportements-problèmes"],
        "deliverables": ["Stratégie à court, moyen et long terme", "Procédures de crise"],
        "milestones": [("2026-04-03", "État des lieux restitué")],
        "indicators": [
            ("Événements indésirables graves", "par trimestre", 11, 4, 7, "2026-09-30"),
            ("Résidents avec un bilan somatique annuel", "%", 45, 100, 80, "2026-09-30"),
        ],
        "themes": ["situations-complexes", "qualite-vie-travail"],
        "audiences": ["situations-complexes", "adultes"],
        "types": ["mas"],
        "regions": [],
        "departments": ["30", "48"],
        "tags": ["comportements-défis", "événements indésirables", "soins somatiques"],
        "establishments": [("30", "990671", "MAS Les Cévennes")],
        "contact": CONTACT,
        "reviewed": "2026-10-14",
    },
    {
        "slug": "design-social-bati-esms",
        "title": "Repenser le bâti avec les personnes : une démarche de design social",
        "summary": (
            "Des ateliers avec résidents, familles et équipes transforment des espaces d’un IME et "
            "d’un foyer : petits réaménagements d’abord, puis cahier des charges d’une "
            "réhabilitation fondé sur l’expertise d’usage."
        ),
        "status": "planned",
        "start": "2026-12-14",
        "delay": "1 an pour les réaménagements",
        "calendar": "Ateliers au premier semestre 2027",
        "context": CALL_CONTEXT
        + "L’appel invite aussi des architectes et designers à travailler sur l’environnement "
        "des personnes.",
        "objectives": [
            "Soutenir l’autodétermination par l’aménagement des lieux",
            "Améliorer les conditions de travail des équipes",
            "Préparer un cahier des charges de réhabilitation",
        ],
        "leads": [
            REGIONAL,
            ("establishment", "Association gestionnaire Pyrène", "Maîtrise d’ouvrage"),
        ],
        "participants": ["Résidents, CVS, familles, équipes, designer et architecte"],
        "steps": [
            ("Immersion", ["Observer les usages des lieux à différents moments de la journée"]),
            ("Ateliers", ["Prototyper les aménagements avec les résidents"]),
        ],
        "resources": ["Designers de services et architecte spécialisé"],
        "deliverables": ["Cahier des charges de réhabilitation"],
        "milestones": [("2027-06-30", "Cahier des charges remis")],
        "indicators": [("Espaces réaménagés", "espaces", 0, 6, None, None)],
        "themes": ["bati-design-social", "participation-autodetermination"],
        "audiences": ["adultes", "enfants-adolescents"],
        "types": ["ime", "fam"],
        "regions": [],
        "departments": ["09", "65", "46"],
        "tags": ["design social", "expertise d’usage", "architecture"],
        "establishments": [("65", "990435", "IME Les Coteaux")],
        "contact": CONTACT,
        "reviewed": "2026-11-16",
    },
    {
        "slug": "pair-emulation-managers-esms",
        "title": "Un espace de pair-émulation pour les directions et chefs de service",
        "summary": (
            "Douze cadres d’ESMS engagés dans un plan de transformation se retrouvent chaque mois, "
            "en présentiel ou à distance, pour confronter leurs difficultés et leurs solutions "
            "pendant toute la durée de leur accompagnement."
        ),
        "status": "in_progress",
        "start": "2026-01-20",
        "delay": "18 mois",
        "calendar": "Une séance mensuelle, un séminaire par semestre",
        "context": CALL_CONTEXT
        + "Conduire un changement profond isole les cadres ; l’appel prévoit des espaces où "
        "ils se soutiennent au long cours.",
        "objectives": [
            "Rompre l’isolement des managers",
            "Capitaliser ce qui marche d’un établissement à l’autre",
        ],
        "leads": [REGIONAL],
        "participants": ["Directions et chefs de service de douze ESMS", "Animatrice formée"],
        "steps": [
            ("Lancement", ["Constituer le groupe", "Fixer les règles de confidentialité"]),
            ("Séances", ["Étudier une situation apportée par un membre à chaque séance"]),
        ],
        "resources": ["Espace d’échange fermé sur ce site"],
        "deliverables": ["Synthèses anonymisées des séances"],
        "milestones": [("2026-01-20", "Première séance"), ("2026-06-25", "Premier séminaire")],
        "indicators": [("Participation moyenne aux séances", "%", None, 80, 83, "2026-10-15")],
        "themes": ["qualite-vie-travail", "formation-interconnaissance"],
        "audiences": ["professionnels"],
        "types": ["ime", "mas", "fam", "sessad"],
        "regions": ["76"],
        "departments": ["32"],
        "tags": ["pair-émulation", "management", "codéveloppement"],
        "establishments": [],
        "contact": CONTACT,
        "reviewed": "2026-10-21",
    },
]
