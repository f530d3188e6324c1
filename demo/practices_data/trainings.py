"""Cross-training offers (roadmap action 1.3, axis 2) and their sessions.

A session is `(weeks from the current week, weekday, days, place, seats)`: dates
move with the calendar so that some sessions are always ahead. `registrations`
lists `(demo person's e-mail, index of the session)`. No offer names an
organiser e-mail, so that loading the demo sends no notification.
"""

TRAININGS = [
    {
        "slug": "comprendre-fonctionnement-dispositif-itep",
        "title": "Comprendre le fonctionnement en dispositif ITEP",
        "summary": (
            "Deux jours pour que les équipes de DITEP, d’IME et leurs partenaires parlent la même "
            "langue : modalités d’accueil, passage de l’une à l’autre, rôle de la MDPH."
        ),
        "host": "DITEP Les Cèdres, Villeurbanne",
        "target_professions": (
            "Éducateurs spécialisés, enseignants spécialisés, travailleurs sociaux de l’ASE, "
            "professionnels de la MDPH"
        ),
        "topics": [
            "Le décret du 24 avril 2017 et ce qu’il change pour les jeunes et les familles",
            "Passer de l’internat à l’ambulatoire sans nouvelle notification",
            "Études de cas apportées par les participants",
        ],
        "themes": ["formation-interconnaissance", "transformation-offre"],
        "audiences": ["professionnels", "troubles-du-comportement"],
        "types": ["ditep", "ime", "mdph"],
        "regions": [],
        "departments": ["69"],
        "tags": ["dispositif intégré", "formations croisées"],
        "contact": ("Karim Benali", "DITEP Les Cèdres", "karim.benali@exemple.fr"),
        "reviewed": "2026-09-08",
        "sessions": [
            (-14, 1, 2, "Villeurbanne — DITEP Les Cèdres, salle du Parc", 16),
            (5, 1, 2, "Villeurbanne — DITEP Les Cèdres, salle du Parc", 16),
            (18, 3, 2, "Bourg-en-Bresse — IME Le Revermont", 12),
        ],
        "registrations": [("lea.roussel@exemple.fr", 0), ("claire.martin@exemple.fr", 1)],
    },
    {
        "slug": "troubles-comportement-ecole-regards-croises",
        "title": "Troubles du comportement à l’école : regards croisés DITEP – Éducation nationale",
        "summary": (
            "Enseignants et équipes de DITEP analysent ensemble des situations de classe et "
            "construisent des réponses communes, de l’aménagement pédagogique à la gestion de "
            "crise."
        ),
        "host": "DITEP du Grésivaudan, Crolles",
        "target_professions": (
            "Enseignants, AESH, coordonnateurs d’ULIS, éducateurs et psychologues de DITEP"
        ),
        "topics": [
            "Comprendre ce que le comportement exprime",
            "Prévenir l’escalade en classe et après la crise",
            "Articuler PPA et PPS",
        ],
        "themes": ["scolarisation", "formation-interconnaissance"],
        "audiences": ["troubles-du-comportement", "professionnels"],
        "types": ["ditep", "uee"],
        "regions": [],
        "departments": ["38"],
        "tags": ["inclusion scolaire", "gestion de crise", "AESH"],
        "contact": (
            "Nadia Ferhat",
            "Délégation départementale de l’Isère, ARS Auvergne-Rhône-Alpes",
            "nadia.ferhat@exemple.fr",
        ),
        "reviewed": "2026-06-30",
        "sessions": [
            (-8, 2, 1, "Crolles — DITEP du Grésivaudan", 20),
            (3, 2, 1, "Grenoble — collège Stendhal, salle polyvalente", 20),
            (11, 2, 1, "Crolles — DITEP du Grésivaudan", 18),
        ],
        "registrations": [("karim.benali@exemple.fr", 1)],
    },
    {
        "slug": "pedopsychiatrie-medico-social-articuler-soins",
        "title": "Pédopsychiatrie et médico-social : articuler soin et accompagnement",
        "summary": (
            "Une journée d’immersion croisée : les équipes de DITEP découvrent l’hôpital de jour "
            "et le CMP, les soignants découvrent l’internat et le SESSAD, puis tous travaillent "
            "sur les transitions."
        ),
        "host": "Pôle de pédopsychiatrie du centre hospitalier de secteur, Clermont-Ferrand",
        "target_professions": (
            "Infirmiers et psychiatres de pédopsychiatrie, éducateurs, psychologues, "
            "cadres de DITEP"
        ),
        "topics": [
            "Qui fait quoi lors d’une hospitalisation et d’un retour",
            "La fiche de liaison commune et le secret partagé",
            "Prévenir les hospitalisations évitables",
        ],
        "themes": ["coordination-parcours", "formation-interconnaissance"],
        "audiences": ["troubles-du-comportement", "professionnels"],
        "types": ["ditep", "cmp", "cattp"],
        "regions": [],
        "departments": ["63"],
        "tags": ["pédopsychiatrie", "fiche de liaison", "immersion"],
        "contact": ("Anne Bardin", "DITEP Les Volcans", "anne.bardin@exemple.fr"),
        "reviewed": "2026-05-18",
        "sessions": [
            (-20, 3, 1, "Clermont-Ferrand — hôpital de jour pour adolescents", 12),
            (7, 3, 1, "Clermont-Ferrand — hôpital de jour pour adolescents", 12),
        ],
        "registrations": [("lea.roussel@exemple.fr", 1)],
    },
    {
        "slug": "jeunes-ase-pjj-ditep-prise-en-charge-partagee",
        "title": "Jeunes suivis par l’ASE, la PJJ et un DITEP : partager la prise en charge",
        "summary": (
            "Éducateurs de l’ASE, de la PJJ et des DITEP reconstituent des parcours interrompus "
            "pour repérer les moments où chaque institution aurait pu tenir, et s’entendent sur "
            "les signaux d’alerte."
        ),
        "host": "Maison d’enfants Le Vercors, Valence",
        "target_professions": "Éducateurs de l’ASE, de la PJJ et des DITEP, cadres de MECS",
        "topics": [
            "Les définitions partagées des situations à risque",
            "Relire un parcours à la manière d’un patient traceur",
            "La commission cas complexes : quand et comment la saisir",
        ],
        "themes": ["situations-complexes", "formation-interconnaissance"],
        "audiences": ["situations-complexes", "professionnels"],
        "types": ["ditep", "mecs"],
        "regions": [],
        "departments": ["26"],
        "tags": ["ASE", "PJJ", "situations complexes"],
        "contact": ("Marc Olivier", "Maison d’enfants Le Vercors", "marc.olivier@exemple.fr"),
        "reviewed": "2026-08-24",
        "sessions": [
            (-6, 0, 1, "Valence — maison d’enfants Le Vercors", 14),
            (9, 0, 1, "Valence — maison d’enfants Le Vercors", 14),
        ],
        "registrations": [("karim.benali@exemple.fr", 0), ("karim.benali@exemple.fr", 1)],
    },
    {
        "slug": "comportements-defis-formation-croisee-esms-psychiatrie",
        "title": "Comportements-défis : une formation croisée ESMS – psychiatrie – MDPH",
        "summary": (
            "Trois jours pour les équipes de MAS et de FAM, les soignants de psychiatrie et les "
            "évaluateurs de la MDPH : analyse fonctionnelle, gestion de crise, orientation des "
            "situations critiques."
        ),
        "host": "MAS Les Cévennes, Alès",
        "target_professions": (
            "Aides médico-psychologiques, infirmiers, psychologues, cadres de MAS et de FAM, "
            "évaluateurs de la MDPH"
        ),
        "topics": [
            "Observer et analyser un comportement-défi",
            "Ce que les recommandations de bonnes pratiques attendent des équipes",
            "Préparer une orientation ou un accueil d’urgence avec la MDPH",
        ],
        "themes": ["situations-complexes", "rbpp-tnd-polyhandicap"],
        "audiences": ["situations-complexes", "adultes", "professionnels"],
        "types": ["mas", "fam", "mdph"],
        "regions": ["76"],
        "departments": ["30", "34"],
        "tags": ["comportements-défis", "RBPP", "MDPH"],
        "contact": ("Inès Delmas", "Association Garrigue et Mer", "ines.delmas@exemple.fr"),
        "reviewed": "2026-10-12",
        "sessions": [
            (-10, 1, 3, "Alès — MAS Les Cévennes", 10),
            (4, 1, 3, "Montpellier — FAM Les Oliviers", 10),
            (15, 1, 3, "Alès — MAS Les Cévennes", 8),
        ],
        "registrations": [
            ("claire.martin@exemple.fr", 0),
            ("lea.roussel@exemple.fr", 2),
        ],
    },
]
