"""Roadmap theme 2: coordination and smooth pathways (actions 2.1 to 2.6)."""

from .ara import (
    CONTACT_ISERE,
    CONTACT_LOIRE,
    CONTACT_REGION,
    CONTACT_RHONE,
    DELEGATIONS,
    PLANNING,
    REGIONAL,
    ROADMAP_CONTEXT,
)

SHEETS = [
    {
        "slug": "conventions-cadres-departementales",
        "title": "2.1 — Signer une convention-cadre du dispositif ITEP dans chaque département",
        "summary": (
            "Un modèle régional de convention, validé par toutes les institutions, a été décliné "
            "et signé département par département avec l’ASE, l’Éducation nationale, la MDPH, la "
            "pédopsychiatrie, la PJJ, la CPAM et la CAF."
        ),
        "status": "evaluated",
        "start": "2017-05-02",
        "delay": "3 à 6 mois après la parution du décret",
        "calendar": "Signature dans les six mois suivant le décret du 24 avril 2017",
        "context": ROADMAP_CONTEXT
        + "La Haute-Loire disposait depuis 2008 d’un protocole de coopération qui a servi de "
        "point de départ.",
        "objectives": [
            "Rédiger une convention-cadre régionale validée par toutes les institutions",
            "L’adapter aux réalités de chaque département",
            "La faire signer et vivre localement",
        ],
        "leads": [PLANNING, DELEGATIONS],
        "participants": [
            "Groupe de travail régional dédié, service juridique de l’ARS",
            "ASE, CAF, CPAM, Éducation nationale, MDPH, pédopsychiatrie, PJJ, conseils "
            "départementaux",
        ],
        "steps": [
            (
                "Phase 1 — Modèle régional",
                [
                    "Écrire le projet de convention en groupe de travail",
                    "Intégrer les remarques du service juridique et du comité de pilotage",
                    "Finaliser après la parution du décret et valider entre institutions",
                ],
            ),
            (
                "Phase 2 — Déclinaison départementale",
                [
                    "Réunir partenaires et gestionnaires pour adapter le texte",
                    "Obtenir l’engagement de chaque signataire puis signer",
                ],
            ),
        ],
        "resources": [
            "Protocole de coopération de la Haute-Loire (2008)",
            "Enseignements de l’expérimentation nationale des ITEP en dispositif",
        ],
        "deliverables": [
            "Convention-cadre régionale type",
            "Une convention signée par département",
        ],
        "milestones": [
            ("2017-07-07", "Modèle régional validé"),
            ("2017-11-23", "Première convention signée, en Haute-Loire"),
            ("2018-06-29", "Dernière convention signée"),
        ],
        "indicators": [
            ("Conventions départementales signées", "conventions", 0, 13, 13, "2018-06-29"),
        ],
        "themes": ["coordination-parcours"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep", "mdph"],
        "regions": [],
        "departments": ["43"],
        "tags": ["convention-cadre", "dispositif intégré", "partenariat"],
        "establishments": [("43", "990342", "DITEP du Velay")],
        "contact": CONTACT_REGION,
        "reviewed": "2023-03-02",
    },
    {
        "slug": "partage-information-ditep-partenaires",
        "title": "2.2 — Partager l’information au quotidien autour du parcours",
        "summary": (
            "Cahier des charges des informations à échanger, adaptation de l’outil Compilio, "
            "test dans trois DITEP volontaires puis déploiement avec formation, tutoriels et "
            "assistance, dans le respect du secret partagé."
        ),
        "status": "completed",
        "start": "2018-03-05",
        "delay": "1 à 3 ans",
        "calendar": "Test en 2019, déploiement en 2020-2021",
        "context": ROADMAP_CONTEXT
        + "PPA, PPS, PPE : chaque institution tenait son propre projet pour le même jeune.",
        "objectives": [
            "Fluidifier les parcours en levant les obstacles au partage d’information",
            "Mettre en cohérence les différents projets autour d’un projet de vie unique",
            "Respecter le secret partagé et les exigences de la CNIL",
        ],
        "leads": [REGIONAL, DELEGATIONS],
        "participants": [
            "Groupe de travail régional sur le partage d’information",
            "Trois DITEP volontaires de l’Isère et du Rhône",
        ],
        "steps": [
            ("Phase 1 — Besoins", ["Lister par métier et par institution les informations utiles"]),
            ("Phase 2 — Adaptation", ["Paramétrer Compilio pour le public DITEP"]),
            ("Phase 3 — Test", ["Expérimenter l’outil dans trois DITEP et ajuster"]),
            (
                "Phase 4 — Déploiement",
                ["Former les équipes, publier des tutoriels, ouvrir une assistance"],
            ),
            ("Phase 5 — Impact", ["Mesurer les effets sur les parcours"]),
        ],
        "resources": ["Travaux de la CNSA sur le partage d’information", "Compilio"],
        "deliverables": [
            "Cahier des charges",
            "Outil adapté, support de formation et tutoriel vidéo",
            "Modèle de fiche de liaison commune",
        ],
        "milestones": [
            ("2019-01-14", "Début du test dans trois DITEP"),
            ("2020-09-07", "Ouverture à tous les DITEP volontaires"),
        ],
        "indicators": [
            ("Établissements utilisant l’outil", "établissements", 0, 30, 26, "2021-12-31"),
            ("Situations suivies dans l’outil", "situations", 0, 600, 540, "2021-12-31"),
            ("Ruptures évitées selon les équipes", "situations", None, None, 31, "2021-12-31"),
        ],
        "themes": ["coordination-parcours"],
        "audiences": ["troubles-du-comportement", "professionnels"],
        "types": ["ditep", "sessad"],
        "regions": [],
        "departments": ["38", "69"],
        "tags": ["fiche de liaison", "secret partagé", "Compilio"],
        "establishments": [
            ("38", "990633", "DITEP du Grésivaudan"),
            ("69", "990418", "DITEP Les Cèdres"),
        ],
        "contact": CONTACT_ISERE,
        "reviewed": "2024-01-22",
    },
    {
        "slug": "interconnaissance-ditep-education-nationale",
        "title": "2.3 — Rapprocher les DITEP et l’Éducation nationale",
        "summary": (
            "Rencontres institutionnelles et demi-journées d’étude de situations deux fois par "
            "an entre enseignants et équipes de DITEP, conventions d’unités d’enseignement revues "
            "et unités externalisées ouvertes dans les écoles et collèges."
        ),
        "status": "evaluated",
        "start": "2016-10-03",
        "delay": "1 à 3 ans",
        "calendar": "Deux demi-journées par an et par département",
        "context": ROADMAP_CONTEXT
        + "La convention-cadre ARS – Éducation nationale signée le 21 septembre 2016 donnait le "
        "cadre ; restait à lever les appréhensions des chefs d’établissement scolaire.",
        "objectives": [
            "Faire évoluer le regard que l’école et l’ITEP portent l’un sur l’autre",
            "Faciliter l’inclusion scolaire en milieu ordinaire",
            "Accorder le PPA et le PPS de chaque jeune",
        ],
        "leads": [
            PLANNING,
            (
                "departmental",
                "Délégations de l’Ain et de la Savoie avec les DASEN",
                "Copilotage ARS – Éducation nationale",
            ),
        ],
        "participants": ["Enseignants référents, chefs d’établissement, équipes de DITEP"],
        "steps": [
            (
                "Phase 1 — Se connaître",
                [
                    "Organiser des rencontres entre responsables institutionnels",
                    "Tenir deux demi-journées par an sur des situations réelles",
                ],
            ),
            (
                "Phase 2 — Scolariser en milieu ordinaire",
                [
                    "Inscrire les objectifs d’externalisation dans les CPOM",
                    "Mettre à jour le modèle de convention des unités d’enseignement",
                ],
            ),
        ],
        "resources": ["Convention-cadre régionale ARS – Éducation nationale du 21 septembre 2016"],
        "deliverables": ["Conventions DITEP – Éducation nationale revues", "Convention type d’UE"],
        "milestones": [
            ("2017-03-15", "Premières demi-journées communes"),
            ("2018-09-03", "Trois unités externalisées ouvertes à la rentrée"),
        ],
        "indicators": [
            ("Unités d’enseignement externalisées", "unités", 2, 8, 9, "2020-09-01"),
            ("CPOM incluant des objectifs partagés avec l’école", "CPOM", 0, 10, 10, "2020-09-01"),
            ("Participants aux rencontres", "personnes/an", 40, 200, 185, "2020-06-30"),
        ],
        "themes": ["scolarisation", "formation-interconnaissance"],
        "audiences": ["troubles-du-comportement", "enfants-adolescents"],
        "types": ["ditep", "uee"],
        "regions": [],
        "departments": ["01", "73"],
        "tags": ["inclusion scolaire", "unité d’enseignement", "PPS"],
        "establishments": [("73", "990287", "DITEP La Chartreuse")],
        "contact": CONTACT_RHONE,
        "reviewed": "2022-11-28",
    },
    {
        "slug": "situations-complexes-rapt-ditep",
        "title": "2.4 — Coordonner les réponses aux situations complexes (RAPT)",
        "summary": (
            "Définitions communes des situations à risque et de rupture, commission cas complexes "
            "dans chaque département et contrats partenariaux signés avec l’ASE, la PJJ et la "
            "psychiatrie pour partager la responsabilité des jeunes les plus exposés."
        ),
        "status": "completed",
        "start": "2017-09-11",
        "delay": "6 mois à 3 ans",
        "calendar": "Contrats fin 2018, participation aux réunions suivie chaque année",
        "context": ROADMAP_CONTEXT
        + "Les ruptures survenaient surtout aux frontières entre protection de l’enfance, "
        "justice des mineurs et soins psychiatriques.",
        "objectives": [
            "Prévenir les ruptures, notamment avec l’ASE, la PJJ et la pédopsychiatrie",
            "Éviter qu’une institution se désengage quand la situation se tend",
            "Trouver plus vite une solution quand une rupture survient",
        ],
        "leads": [PLANNING, DELEGATIONS],
        "participants": ["Commissions cas complexes, pôles ressources de l’Éducation nationale"],
        "steps": [
            (
                "Phase 1 — Cadrage régional",
                [
                    "S’accorder sur des définitions partagées",
                    "Vérifier que chaque département a sa commission cas complexes",
                ],
            ),
            (
                "Phase 2 — Déploiement départemental",
                [
                    "Recenser les instances mobilisables",
                    "Relire ensemble des parcours interrompus pour repérer les points de blocage",
                ],
            ),
        ],
        "resources": ["Bilan annuel de la CNSA sur les situations complexes"],
        "deliverables": ["Contrats partenariaux départementaux"],
        "milestones": [
            ("2018-02-09", "Définitions partagées adoptées"),
            ("2018-12-14", "Onze contrats signés"),
        ],
        "indicators": [
            ("Contrats partenariaux signés", "contrats", 0, 13, 11, "2018-12-14"),
            (
                "Départements dotés d’une commission cas complexes",
                "départements",
                8,
                12,
                12,
                "2019-06-30",
            ),
        ],
        "themes": ["situations-complexes", "prevention-ruptures"],
        "audiences": ["situations-complexes", "troubles-du-comportement"],
        "types": ["ditep", "mecs", "mdph"],
        "regions": [],
        "departments": ["42", "26"],
        "tags": ["RAPT", "commission cas complexes", "coresponsabilité"],
        "establishments": [("42", "990185", "DITEP du Forez")],
        "contact": CONTACT_LOIRE,
        "reviewed": "2023-06-15",
    },
    {
        "slug": "place-usagers-familles-ppa",
        "title": "2.5 — Donner toute leur place aux jeunes et aux parents dans le PPA",
        "summary": (
            "Les CPOM et projets d’établissement prévoient l’association des jeunes et de leurs "
            "parents à chaque étape du parcours ; une enquête de satisfaction annuelle et le CVS "
            "mesurent le chemin parcouru."
        ),
        "status": "in_progress",
        "start": "2019-01-07",
        "delay": "6 mois à 1 an",
        "calendar": "Suivi annuel depuis 2019",
        "context": ROADMAP_CONTEXT
        + "Les lois de 2002, 2005 et 2016 affirment les droits des personnes ; dans les faits, "
        "les PPA restaient souvent rédigés sans les jeunes.",
        "objectives": [
            "Associer jeunes et parents à l’écriture du PPA, au suivi et à la sortie",
            "Renforcer leur participation à la vie des établissements par le CVS",
            "Croiser le regard des professionnels et celui des familles",
        ],
        "leads": [REGIONAL, DELEGATIONS],
        "participants": ["Commission des usagers de la CRSA", "CVS des établissements"],
        "steps": [
            (
                "Mise en œuvre",
                [
                    "Inscrire la participation des familles dans les CPOM",
                    "Informer jeunes et familles sur le dispositif (voir action 3.1)",
                    "Former les équipes à co-écrire le PPA (voir action 3.2)",
                    "Mesurer la satisfaction chaque année",
                ],
            ),
        ],
        "resources": ["Enquête de satisfaction menée en Pays de la Loire", "RAPT"],
        "deliverables": ["PPA co-construits", "Projets d’établissement révisés"],
        "milestones": [("2020-06-30", "Première enquête de satisfaction régionale")],
        "indicators": [
            ("PPA élaborés avec le jeune et ses parents", "%", 35, 90, 72, "2025-06-30"),
            ("Familles satisfaites de leur place", "%", 58, 80, 74, "2025-06-30"),
        ],
        "themes": ["participation-autodetermination"],
        "audiences": ["familles-aidants", "enfants-adolescents"],
        "types": ["ditep"],
        "regions": [],
        "departments": ["63", "03"],
        "tags": ["CVS", "PPA", "autodétermination"],
        "establishments": [("63", "990501", "DITEP Les Volcans")],
        "contact": CONTACT_REGION,
        "reviewed": "2025-07-08",
    },
    {
        "slug": "insertion-professionnelle-ditep",
        "title": "2.6 — Améliorer l’insertion professionnelle des jeunes de DITEP",
        "summary": (
            "Recensement des offres de stage et de formation qualifiante (lycées professionnels et "
            "agricoles, CRP, ESAT, missions locales), objectifs d’insertion inscrits dans les CPOM "
            "et chargés d’insertion recrutés dans les DITEP."
        ),
        "status": "in_progress",
        "start": "2019-09-02",
        "delay": "5 ans",
        "calendar": "Jusqu’à la fin du schéma régional de santé",
        "context": ROADMAP_CONTEXT
        + "Dans le Cantal et l’Ardèche, les lycées agricoles sont souvent la seule formation "
        "qualifiante à portée des jeunes.",
        "objectives": [
            "Rendre visibles les stages et préparations à l’emploi",
            "Travailler avec les organismes de formation, lycées agricoles compris",
        ],
        "leads": [REGIONAL, DELEGATIONS],
        "participants": ["Missions locales, Cap emploi, CRP, ESAT, lycées professionnels"],
        "steps": [
            (
                "Mise en œuvre",
                [
                    "Dresser l’état des lieux des formations qualifiantes du territoire",
                    "Inscrire l’insertion professionnelle dans les CPOM",
                    "Recruter ou former des chargés d’insertion dans les DITEP",
                ],
            ),
        ],
        "resources": ["Dispositifs de droit commun : missions locales, AFPA, lycées"],
        "deliverables": ["Bilan des formations qualifiantes accessibles sur le territoire"],
        "milestones": [
            ("2020-03-13", "État des lieux publié"),
            ("2023-09-04", "Chargés d’insertion dans la moitié des DITEP"),
        ],
        "indicators": [
            (
                "Jeunes sortis vers une formation qualifiante ou un emploi",
                "%",
                22,
                45,
                36,
                "2025-09-01",
            ),
            ("DITEP disposant d’un chargé d’insertion", "%", 10, 80, 55, "2025-09-01"),
        ],
        "themes": ["insertion-professionnelle"],
        "audiences": ["jeunes-adultes", "troubles-du-comportement"],
        "types": ["ditep", "esat", "crp"],
        "regions": [],
        "departments": ["15", "07"],
        "tags": ["stage", "lycée agricole", "insertion"],
        "establishments": [("07", "990064", "DITEP Les Boutières")],
        "contact": CONTACT_REGION,
        "reviewed": "2025-10-02",
    },
]
