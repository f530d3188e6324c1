"""Demo peer-exchange spaces: three spaces with members, moderators, topics, posts, a report.

Spaces are looked up by slug, memberships by (space, person), topics by (space,
title) and posts by (topic, author, position), so running the builder again
updates the same rows instead of adding new ones.
"""

from django.contrib.auth import get_user_model

from demo.site import upsert_person
from forums.models import Post, Report, Space, SpaceMembership, Topic
from kb.models import Department, Region, Theme

MANAGERS = [
    # e-mail, first name, last name, role, organisation, département, groups
    ("sophie.garnier@exemple.fr", "Sophie", "Garnier", "manager", "DITEP du Lez", "34", []),
    ("marc.olivier@exemple.fr", "Marc", "Olivier", "manager", "ITEP Montagne Noire", "11", []),
    ("nadia.cherif@exemple.fr", "Nadia", "Chérif", "manager", "IME Les Tilleuls", "69", []),
    ("julien.perrin@exemple.fr", "Julien", "Perrin", "manager", "PCPE du Maine", "72", []),
    ("ines.moreau@exemple.fr", "Inès", "Moreau", "professional", "ARS Pays de la Loire", "44",
     ["Modérateurs"]),
]  # fmt: skip

SPACES = [
    {
        "slug": "directions-itep-ditep-occitanie",
        "name": "Directions d’ITEP et de DITEP en Occitanie",
        "description": (
            "Pour les directions qui font passer leur établissement en fonctionnement en "
            "dispositif intégré : partager les plans d’action, les conventions avec "
            "l’Éducation nationale et la MDPH, et ce qui a coincé."
        ),
        "theme": "coordination-parcours",
        "region": "76",
        "visibility": Space.Visibility.MEMBERS,
        "join_policy": Space.JoinPolicy.ON_REQUEST,
        "members": {
            "sophie.garnier@exemple.fr": SpaceMembership.Role.MODERATOR,
            "marc.olivier@exemple.fr": SpaceMembership.Role.MEMBER,
            "karim.benali@exemple.fr": SpaceMembership.Role.MEMBER,
        },
        "requests": {
            "lea.roussel@exemple.fr": (
                "Je coordonne un SESSAD qui travaille avec deux DITEP du Gers et j’aimerais "
                "suivre vos échanges sur les conventions."
            ),
        },
        "topics": [
            (
                "Convention avec l’Éducation nationale : qui a signé quoi ?",
                [
                    (
                        "marc.olivier@exemple.fr",
                        False,
                        "Nous négocions la convention tripartite avec la DSDEN et la MDPH. "
                        "Avez-vous prévu une **instance de suivi** des parcours, "
                        "et à quel rythme ?",
                    ),
                    (
                        "sophie.garnier@exemple.fr",
                        False,
                        "Chez nous, une commission se réunit chaque trimestre avec l’enseignant "
                        "référent. Le plus utile a été d’y inviter le SESSAD voisin.\n\n"
                        "- ordre du jour envoyé quinze jours avant\n- une fiche par jeune",
                    ),
                ],
            ),
            (
                "Passage en dispositif : tenir l’équipe pendant la transition",
                [
                    (
                        "karim.benali@exemple.fr",
                        True,
                        "Une partie de l’équipe éducative vit mal la fin de l’internat de "
                        "semaine. Comment avez-vous accompagné ce changement sans perdre de "
                        "monde ?",
                    ),
                    (
                        "sophie.garnier@exemple.fr",
                        False,
                        "Des formations croisées avec un autre DITEP nous ont beaucoup aidés : "
                        "voir comment d’autres travaillent rassure plus qu’une note de service.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "transitions-jeunes-adultes-ara",
        "name": "Transitions des jeunes adultes en Auvergne-Rhône-Alpes",
        "description": (
            "Jeunes adultes maintenus en établissement pour enfants au titre de "
            "l’amendement Creton : solutions de répit, passerelles vers le secteur adulte, "
            "pair-aidance."
        ),
        "theme": "jeunes-adultes",
        "region": "84",
        "visibility": Space.Visibility.SIGNED_IN,
        "join_policy": Space.JoinPolicy.OPEN,
        "members": {
            "nadia.cherif@exemple.fr": SpaceMembership.Role.MODERATOR,
            "karim.benali@exemple.fr": SpaceMembership.Role.MEMBER,
        },
        "requests": {},
        "topics": [
            (
                "Stages de découverte en foyer de vie avant 20 ans",
                [
                    (
                        "nadia.cherif@exemple.fr",
                        False,
                        "Nous organisons des séjours d’essai de trois jours en FAM pour les "
                        "jeunes sous amendement Creton. Qui a formalisé une convention type ?",
                    ),
                    (
                        "karim.benali@exemple.fr",
                        False,
                        "Nous passons par le PCPE du département, qui porte l’assurance et le "
                        "transport. Cela a débloqué la plupart des séjours.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "situations-complexes-pays-de-la-loire",
        "name": "Situations complexes en Pays de la Loire",
        "description": (
            "Un espace confidentiel pour les cadres qui accompagnent des situations "
            "complexes ou sans solution : réponse accompagnée pour tous, équipes mobiles, "
            "coordination avec la MDPH."
        ),
        "theme": "situations-complexes",
        "department": "72",
        "visibility": Space.Visibility.MEMBERS,
        "join_policy": Space.JoinPolicy.INVITATION,
        "premoderated": True,
        "members": {
            "julien.perrin@exemple.fr": SpaceMembership.Role.MODERATOR,
            "nadia.cherif@exemple.fr": SpaceMembership.Role.MEMBER,
        },
        "requests": {},
        "topics": [
            (
                "Équipe mobile d’appui : quand la solliciter ?",
                [
                    (
                        "julien.perrin@exemple.fr",
                        False,
                        "Nous cherchons des critères simples pour saisir l’équipe mobile "
                        "avant la rupture plutôt qu’après. Vos grilles sont les bienvenues.",
                    ),
                ],
            ),
        ],
    },
]

CHARTER = (
    "Bienveillance et entraide entre pairs.\n"
    "Confidentialité : ce qui est dit dans l’espace y reste.\n"
    "Aucune information permettant d’identifier une personne accompagnée."
)


def source_theme(slug):
    return Theme.objects.filter(slug=slug, locale__language_code="fr").first()


def upsert_space(spec):
    space, _ = Space.objects.update_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "description": spec["description"],
            "charter": CHARTER,
            "theme": source_theme(spec["theme"]),
            "region": Region.objects.filter(code=spec.get("region")).first(),
            "department": Department.objects.filter(code=spec.get("department")).first(),
            "visibility": spec["visibility"],
            "join_policy": spec["join_policy"],
            "premoderated": spec.get("premoderated", False),
        },
    )
    return space


def upsert_memberships(space, spec, people):
    for email, role in spec["members"].items():
        SpaceMembership.objects.update_or_create(
            space=space,
            user=people[email],
            defaults={"role": role, "status": SpaceMembership.Status.ACTIVE},
        )
    for email, message in spec["requests"].items():
        SpaceMembership.objects.update_or_create(
            space=space,
            user=people[email],
            defaults={"status": SpaceMembership.Status.PENDING, "request_message": message},
        )


def upsert_topic(space, title, posts, people):
    first_author = people[posts[0][0]]
    topic, _ = Topic.objects.get_or_create(
        space=space, title=title, defaults={"author": first_author}
    )
    existing = list(topic.posts.order_by("created_at", "pk"))
    for position, (email, anonymous, body) in enumerate(posts):
        post = existing[position] if position < len(existing) else Post(topic=topic)
        post.author = people[email]
        post.anonymous = anonymous
        post.body = body
        post.save()


def upsert_report(people):
    """One member's flag on a post, waiting in the Occitanie space's moderation queue."""
    post = (
        Post.objects.filter(topic__space__slug="directions-itep-ditep-occitanie")
        .exclude(author=people["marc.olivier@exemple.fr"])
        .order_by("pk")
        .last()
    )
    Report.objects.get_or_create(
        post=post,
        reporter=people["marc.olivier@exemple.fr"],
        outcome=Report.Outcome.OPEN,
        defaults={"reason": "Ce message cite le nom d’un établissement partenaire sans accord."},
    )


def build(context):
    User = get_user_model()
    password = context["admin_login"][1]
    for person in MANAGERS:
        user = upsert_person(*person)
        user.set_password(password)
        user.save()
    emails = {email for spec in SPACES for email in [*spec["members"], *spec["requests"]]}
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    for spec in SPACES:
        space = upsert_space(spec)
        upsert_memberships(space, spec, people)
        for title, posts in spec["topics"]:
            upsert_topic(space, title, posts, people)
    upsert_report(people)
