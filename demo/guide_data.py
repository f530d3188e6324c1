"""Demo methodological guide: the local deployment steps of a pioneer-sites mission, retold."""

import datetime

GUIDE_SLUG = "guide-methodologique"
GUIDE_TITLE = "Guide méthodologique du déploiement local"

EDITIONS = [
    {
        "slug": f"{GUIDE_SLUG}-2023",
        "edition": "Édition 2023",
        "edition_date": datetime.date(2023, 6, 1),
        "intro": (
            "Première version du guide, écrite à mi-parcours avec les territoires "
            "pionniers : elle couvre le démarrage de la démarche."
        ),
        "revision_notes": "",
        "chapters": ["objectifs", "pilotage", "diagnostic"],
    },
    {
        "slug": f"{GUIDE_SLUG}-2025",
        "edition": "Édition 2025",
        "edition_date": datetime.date(2025, 3, 1),
        "intro": (
            "Ce guide tire les enseignements des territoires pionniers pour les "
            "départements qui engagent à leur tour la démarche d’une réponse "
            "accompagnée pour tous. Il suit les étapes d’un déploiement local, de la "
            "clarification des objectifs jusqu’à l’évaluation et la capitalisation."
        ),
        "revision_notes": (
            "Trois chapitres nouveaux : feuille de route, contractualisation locale, "
            "évaluation et capitalisation.\n"
            "Le chapitre sur le diagnostic territorial intègre la cartographie de l’offre."
        ),
        "chapters": [
            "objectifs",
            "pilotage",
            "diagnostic",
            "feuille-de-route",
            "contractualisation",
            "evaluation",
        ],
    },
]


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(*sentences):
    return ("paragraph", "".join(f"<p>{sentence}</p>" for sentence in sentences))


def callout(title, text):
    return ("callout", {"title": title, "text": f"<p>{text}</p>"})


CHAPTERS = {
    "objectifs": {
        "title": "Clarifier les objectifs",
        "summary": (
            "Avant toute organisation, les partenaires s’accordent sur ce qu’ils veulent "
            "changer pour les personnes et sur la façon de le constater."
        ),
        "body": [
            heading("Partir des situations vécues"),
            paragraph(
                "Les objectifs les plus mobilisateurs naissent de situations concrètes : "
                "un jeune sans solution à la sortie d’un ITEP, une famille qui attend une "
                "place depuis des mois, une rupture de parcours au passage à l’âge adulte.",
                "Réunir quelques situations anonymisées permet à chacun de voir ce qui "
                "bloque, au-delà des points de vue d’institution.",
            ),
            heading("Formuler des objectifs vérifiables"),
            paragraph(
                "Un objectif utile se vérifie : moins de ruptures de parcours, des délais "
                "de réponse plus courts, des plans d’accompagnement global construits avec "
                "la personne. Chaque objectif reçoit dès le départ un ou deux indicateurs."
            ),
            heading("Ce que disent les territoires pionniers", "h3"),
            paragraph(
                "Les territoires qui ont pris le temps de cette étape disent avoir gagné "
                "du temps ensuite : les désaccords apparaissent tôt, quand ils coûtent peu."
            ),
            callout(
                "À retenir",
                "Deux à trois objectifs partagés valent mieux qu’une longue liste que "
                "personne ne suit.",
            ),
        ],
        "easy_read": [
            "Avant de commencer, les partenaires se mettent d’accord.",
            "Ils disent ce qu’ils veulent changer pour les personnes.",
            "Ils choisissent comment vérifier que cela change.",
        ],
    },
    "pilotage": {
        "title": "Installer les instances locales de pilotage",
        "summary": (
            "Un comité stratégique qui décide, une équipe projet qui avance : qui y siège, "
            "à quel rythme, avec quels mandats."
        ),
        "body": [
            heading("Le comité stratégique"),
            paragraph(
                "Il réunit la MDPH, le conseil départemental, l’agence régionale de santé, "
                "l’éducation nationale et les représentants des personnes et des familles. "
                "Il fixe les priorités, arbitre et rend compte.",
                "Deux à trois réunions par an suffisent s’il reçoit des notes de décision "
                "courtes et préparées.",
            ),
            heading("L’équipe projet"),
            paragraph(
                "Un chef de projet identifié, avec du temps réellement dégagé, anime le "
                "travail entre deux comités : groupes de travail, suivi des actions, "
                "remontée des difficultés."
            ),
            heading("Associer les personnes concernées", "h3"),
            paragraph(
                "La pair-émulation commence dès le pilotage : des personnes concernées et "
                "des familles siègent avec voix délibérative, et sont défrayées."
            ),
        ],
    },
    "diagnostic": {
        "title": "Formaliser un diagnostic territorial",
        "summary": (
            "Mesurer l’offre et les besoins, repérer les ruptures de parcours et les "
            "ressources mobilisables, pour fonder les choix sur des faits partagés."
        ),
        "body": [
            heading("Cartographier l’offre"),
            paragraph(
                "Établissements et services, places autorisées et installées, équipes "
                "mobiles, unités de répit : une carte de l’offre par département montre "
                "les zones blanches mieux qu’un tableau.",
                "L’observatoire du site donne une première image à partir des pratiques "
                "capitalisées.",
            ),
            heading("Objectiver les besoins"),
            paragraph(
                "Listes d’attente, orientations non suivies d’effet, situations critiques "
                "examinées en commission : ces données existent, mais rarement au même "
                "endroit. Le diagnostic les rassemble et les date."
            ),
            heading("Repérer les ruptures de parcours", "h3"),
            paragraph(
                "Les transitions (entrée à l’école, passage à l’âge adulte, sortie "
                "d’hospitalisation) concentrent les ruptures ; le diagnostic les décrit "
                "avec les professionnels qui les vivent."
            ),
        ],
        "easy_read": [
            "Les partenaires regardent ce qui existe sur le territoire.",
            "Ils comptent les places et les services.",
            "Ils cherchent où les personnes restent sans solution.",
        ],
    },
    "feuille-de-route": {
        "title": "Fixer les modalités de fonctionnement et la feuille de route",
        "summary": (
            "Qui fait quoi, comment les situations remontent, et quelles actions dans "
            "quel ordre : la feuille de route rend le projet lisible par tous."
        ),
        "body": [
            heading("Des règles de fonctionnement écrites"),
            paragraph(
                "Circuit des situations, rôle du coordonnateur de parcours, délais de "
                "réponse, partage d’informations dans le respect du secret professionnel : "
                "ces règles tiennent en quelques pages et sont signées par les partenaires."
            ),
            heading("Une feuille de route en fiches action"),
            paragraph(
                "Chaque action a un pilote, des objectifs, un calendrier, des étapes, des "
                "moyens, des livrables et des indicateurs. Le format des fiches action du "
                "site peut servir de modèle.",
            ),
            callout(
                "Conseil",
                "Limiter la première année à cinq ou six actions, dont une au moins donne "
                "un résultat visible en six mois.",
            ),
        ],
    },
    "contractualisation": {
        "title": "Formaliser la contractualisation locale",
        "summary": (
            "Convention de partenariat, avenants aux contrats pluriannuels d’objectifs "
            "et de moyens : inscrire les engagements de chacun dans la durée."
        ),
        "body": [
            heading("La convention de partenariat"),
            paragraph(
                "Elle reprend les objectifs, les instances, les règles de fonctionnement et "
                "les engagements de chaque signataire. Elle est courte et révisable."
            ),
            heading("Les contrats des établissements et services"),
            paragraph(
                "Les engagements des organismes gestionnaires (places d’accueil temporaire, "
                "participation aux équipes mobiles, formations croisées) trouvent leur "
                "place dans les CPOM, à l’occasion de leur renouvellement ou par avenant."
            ),
        ],
    },
    "evaluation": {
        "title": "Évaluer et capitaliser",
        "summary": (
            "Suivre les indicateurs, en tirer des enseignements et les partager : ce qui "
            "a marché ici doit pouvoir être repris ailleurs."
        ),
        "body": [
            heading("Suivre les indicateurs"),
            paragraph(
                "Les indicateurs choisis au départ sont relevés chaque année, avec leur "
                "valeur de départ et leur cible. Un tableau de bord simple, partagé en "
                "comité, vaut mieux qu’un rapport que personne ne lit."
            ),
            heading("Capitaliser"),
            paragraph(
                "Chaque action aboutie devient une fiche de bonne pratique ou un retour "
                "d’expérience sur ce site, avec ses documents. Les échanges des espaces "
                "de pair-émulation nourrissent ces fiches.",
                "Un séminaire de restitution régional présente les enseignements aux "
                "territoires qui s’engagent.",
            ),
            heading("Essaimer", "h3"),
            paragraph(
                "Le kit d’essaimage de chaque retour d’expérience rassemble en un PDF ce "
                "qu’il faut pour reproduire un dispositif."
            ),
        ],
        "easy_read": [
            "Chaque année, les partenaires regardent les résultats.",
            "Ils écrivent ce qui a marché.",
            "D’autres territoires peuvent refaire la même chose.",
        ],
    },
}
