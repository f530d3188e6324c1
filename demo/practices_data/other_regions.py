"""Sheets from Pays de la Loire (Communautés 360) and from the "réponse accompagnée pour tous"."""

C360_CONTEXT = (
    "Annoncées à la Conférence nationale du handicap du 11 février 2020, lancées en urgence "
    "pendant le premier confinement, les Communautés 360 sont devenues pérennes à partir de "
    "septembre 2020. En Pays de la Loire, l’ARS, les MDPH et les conseils départementaux ont "
    "choisi de mobiliser l’existant plutôt que de créer un dispositif de plus. "
)

PDL = (
    "regional",
    "Direction de l’offre de santé et en faveur de l’autonomie, ARS Pays de la Loire",
    "Financement, cadrage régional et suivi",
)

SHEETS = [
    {
        "slug": "ateliers-design-communaute-360",
        "title": "Concevoir une Communauté 360 en ateliers de design",
        "summary": (
            "Avant d’écrire le cahier des charges, l’ARS, les MDPH et les départements ont réuni "
            "personnes concernées, aidants et professionnels en ateliers de design : un atelier "
            "régional, puis des cycles en Loire-Atlantique et en Maine-et-Loire en 2021."
        ),
        "status": "completed",
        "start": "2021-02-15",
        "delay": "8 mois",
        "calendar": "Ateliers de février à septembre 2021, appel publié en octobre 2021",
        "context": C360_CONTEXT
        + "La méthode a été modélisée entre septembre 2020 et janvier 2021.",
        "objectives": [
            "Partir des besoins exprimés par les personnes et les acteurs",
            "Construire une gouvernance partagée, sans porteur unique",
        ],
        "leads": [
            PDL,
            ("departmental", "MDPH de Loire-Atlantique", "Coanimation des ateliers du 44"),
            ("departmental", "MDPH de Maine-et-Loire", "Coanimation des ateliers du 49"),
        ],
        "participants": ["Personnes en situation de handicap, aidants, ESMS, droit commun"],
        "steps": [
            ("Atelier régional", ["Atelier interdépartemental le 15 février 2021"]),
            (
                "Cycles départementaux",
                [
                    "Loire-Atlantique : ateliers de mai à juillet 2021",
                    "Maine-et-Loire : ateliers d’avril à septembre 2021",
                ],
            ),
            ("Traduction", ["Écrire un cahier des charges transitoire pour l’appel"]),
        ],
        "resources": ["Cartographie des dispositifs de coordination existants"],
        "deliverables": ["Cahier des charges transitoire de l’appel à manifestation d’intérêt"],
        "milestones": [
            ("2021-02-15", "Atelier interdépartemental"),
            ("2021-10-27", "Publication de l’appel à manifestation d’intérêt"),
        ],
        "indicators": [("Participants aux ateliers", "personnes", 0, 120, 143, "2021-09-30")],
        "themes": ["coordination-parcours", "participation-autodetermination"],
        "audiences": ["situations-complexes", "familles-aidants"],
        "types": ["c360", "mdph"],
        "regions": ["52"],
        "departments": ["44", "49"],
        "tags": ["design de service", "Communauté 360", "gouvernance partagée"],
        "establishments": [],
        "contact": (
            "Gaëlle Le Floch",
            "Délégation territoriale de Loire-Atlantique, ARS Pays de la Loire",
            "gaelle.lefloch@exemple.fr",
        ),
        "reviewed": "2023-05-30",
    },
    {
        "slug": "intervenants-pairs-communaute-360",
        "title": "Intégrer des intervenants pairs dans une Communauté 360",
        "summary": (
            "Des personnes en situation de handicap, formées, interviennent dans l’équipe de la "
            "Communauté 360 : soutien à l’autodétermination, conseil en parcours et contribution à "
            "l’observatoire des besoins."
        ),
        "status": "evaluated",
        "start": "2022-03-01",
        "delay": "1 an",
        "calendar": "Recrutements en 2022, bilan en 2024",
        "context": C360_CONTEXT
        + "La mobilisation des savoirs expérientiels est une exigence propre aux cahiers des "
        "charges ligériens.",
        "objectives": [
            "Donner une place aux savoirs expérientiels dans les trois missions",
            "Faciliter l’expression du projet de vie",
        ],
        "leads": [
            PDL,
            ("establishment", "Communauté 360 de Loire-Atlantique", "Recrutement et tutorat"),
        ],
        "participants": ["Conseillers en parcours, facilitateurs, GEM partenaires"],
        "steps": [
            ("Recrutement", ["Définir le rôle", "Recruter et former deux intervenants pairs"]),
            ("Intégration", ["Binômes avec les conseillers en parcours", "Supervision mensuelle"]),
        ],
        "resources": ["0,5 ETP d’intervenant pair prévu dans le modèle d’équipe"],
        "deliverables": ["Fiche de rôle de l’intervenant pair", "Bilan à deux ans"],
        "milestones": [("2022-09-05", "Deux intervenants pairs en poste")],
        "indicators": [
            (
                "Personnes accompagnées avec un intervenant pair",
                "personnes/an",
                0,
                80,
                96,
                "2024-06-30",
            ),
        ],
        "themes": ["pair-aidance", "participation-autodetermination"],
        "audiences": ["adultes", "situations-complexes"],
        "types": ["c360", "gem"],
        "regions": [],
        "departments": ["44", "49"],
        "tags": ["pair-aidance", "savoirs expérientiels", "autodétermination"],
        "establishments": [],
        "contact": (
            "Thomas Guérin",
            "Communauté 360 de Loire-Atlantique",
            "thomas.guerin@exemple.fr",
        ),
        "reviewed": "2024-09-12",
    },
    {
        "slug": "demarrage-reponse-accompagnee-pour-tous",
        "title": "Démarrer la réponse accompagnée pour tous dans un département",
        "summary": (
            "Comment un département a lancé la démarche : instances de pilotage locales, "
            "diagnostic territorial, feuille de route et contractualisation, avec un appui "
            "individualisé limité à douze jours par territoire."
        ),
        "status": "evaluated",
        "start": "2016-01-11",
        "delay": "1 an",
        "calendar": "Démarrage en 2016, bilan fin 2017",
        "context": (
            "La CNSA a confié à un prestataire une mission de pilotage et d’appui aux sites "
            "pionniers de la réponse accompagnée pour tous, pour capitaliser leur expérience avant "
            "la généralisation."
        ),
        "objectives": [
            "Installer un pilotage local partagé autour de la MDPH",
            "Formaliser le diagnostic, le fonctionnement et la feuille de route",
        ],
        "leads": [
            ("departmental", "MDPH du Finistère", "Pilotage local"),
            ("regional", "ARS Bretagne", "Appui et suivi régional"),
        ],
        "participants": ["Conseil départemental, Éducation nationale, ESMS, associations"],
        "steps": [
            ("Cadrage", ["Clarifier les objectifs", "Installer les instances de pilotage"]),
            ("Formalisation", ["Diagnostic territorial", "Feuille de route", "Contrats locaux"]),
        ],
        "resources": ["Outil de suivi national", "Appui individualisé de la mission"],
        "deliverables": ["Feuille de route locale", "Contrat local"],
        "milestones": [("2016-06-30", "Premiers plans d’accompagnement global")],
        "indicators": [("Plans d’accompagnement global", "plans", 0, 50, 64, "2017-12-31")],
        "themes": ["coordination-parcours", "situations-complexes"],
        "audiences": ["situations-complexes"],
        "types": ["mdph"],
        "regions": ["53"],
        "departments": ["29"],
        "tags": ["RAPT", "PAG", "MDPH"],
        "establishments": [],
        "contact": ("Yann Kervella", "MDPH du Finistère", "yann.kervella@exemple.fr"),
        "reviewed": "2021-03-08",
    },
    {
        "slug": "fiche-liaison-itep-pedopsychiatrie",
        "title": "Une fiche de liaison commune entre ITEP et pédopsychiatrie",
        "summary": (
            "Une page recto-verso, remplie à chaque hospitalisation ou retour, évite qu’un jeune "
            "arrive aux urgences sans que personne connaisse son traitement ni ses repères."
        ),
        "status": "completed",
        "start": "2019-04-01",
        "delay": "6 mois",
        "calendar": "Test de six mois puis généralisation en 2020",
        "context": (
            "Entre le DITEP et le service de pédopsychiatrie du secteur, les transmissions "
            "passaient par le téléphone et se perdaient la nuit et le week-end."
        ),
        "objectives": ["Sécuriser les allers-retours entre DITEP et hôpital"],
        "leads": [("establishment", "DITEP Côte de Nacre", "Rédaction et suivi")],
        "participants": ["Infirmiers de pédopsychiatrie, éducateurs d’internat, familles"],
        "steps": [("Conception", ["Écrire la fiche ensemble", "La tester six mois"])],
        "resources": ["Modèles de fiches de liaison existants"],
        "deliverables": ["Fiche de liaison et mode d’emploi"],
        "milestones": [("2019-10-01", "Fiche adoptée")],
        "indicators": [("Hospitalisations avec fiche remplie", "%", 0, 90, 94, "2020-12-31")],
        "themes": ["coordination-parcours", "prevention-ruptures"],
        "audiences": ["troubles-du-comportement"],
        "types": ["ditep", "cmp"],
        "regions": ["28"],
        "departments": ["14"],
        "tags": ["fiche de liaison", "pédopsychiatrie", "hospitalisation"],
        "establishments": [("14", "990356", "DITEP Côte de Nacre")],
        "contact": ("Élodie Marchand", "DITEP Côte de Nacre", "elodie.marchand@exemple.fr"),
        "reviewed": "2022-01-17",
    },
]
