"""Demo home page, editorial pages and accounts."""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from demo.pages import home_pages, upsert_child, upsert_translation
from kb.models import ContentPage, Department, FooterSettings, Profile

ADMIN_EMAIL = "admin@exemple.fr"

EDITORIAL_PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos",
        "intro": (
            "Ce site réunit ce que les établissements et services médico-sociaux ont "
            "expérimenté, évalué et accepté de partager, pour que d’autres territoires "
            "puissent s’en inspirer sans repartir de zéro."
        ),
        "en": {
            "slug": "about",
            "title": "About",
            "intro": (
                "This site gathers what medico-social establishments and services have "
                "tried, evaluated and agreed to share, so that other territories can build "
                "on it instead of starting from scratch."
            ),
            "body": [
                ("heading", {"text": "Three uses", "level": "h2"}),
                (
                    "paragraph",
                    "<p><b>Professionals</b> find action sheets, write-ups of respite units and "
                    "mobile teams, and cross-training. <b>Directors and heads of service</b> meet "
                    "in closed, moderated peer-exchange spaces. The <b>editorial teams</b> of the "
                    "regional health agencies publish the methodological guide and the outputs "
                    "of seminars.</p>",
                ),
            ],
        },
        "body": [
            ("heading", {"text": "Trois usages", "level": "h2"}),
            (
                "paragraph",
                "<p>Les <b>professionnels</b> y trouvent des fiches action, des retours "
                "d’expérience d’unités de répit ou d’équipes mobiles et des formations "
                "croisées. Les <b>directions et chefs de service</b> s’y retrouvent dans des "
                "espaces de pair-émulation fermés et modérés. Les <b>équipes éditoriales</b> "
                "des agences régionales de santé y publient le guide méthodologique et les "
                "restitutions de séminaires.</p>",
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d’accessibilité",
        "intro": (
            "Les agences régionales de santé s’engagent à rendre ce site accessible "
            "conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005."
        ),
        "en": {
            "slug": "accessibility",
            "title": "Accessibility statement",
            "intro": (
                "The regional health agencies are committed to making this site accessible "
                "in accordance with article 47 of French law no. 2005-102 of 11 February 2005."
            ),
            "body": [
                ("heading", {"text": "Compliance status", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The site partially complies with the French accessibility framework "
                    "(RGAA 4.1): a full audit is still to be carried out. The main pages are "
                    "checked automatically at every change.</p>",
                ),
            ],
        },
        "body": [
            ("heading", {"text": "État de conformité", "level": "h2"}),
            (
                "paragraph",
                "<p>Le site est partiellement conforme au référentiel général d’amélioration "
                "de l’accessibilité (RGAA 4.1) : un audit complet reste à mener. Les pages "
                "principales sont vérifiées automatiquement à chaque modification.</p>",
            ),
        ],
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "intro": "Éditeur du site, hébergement et conditions de réutilisation des contenus.",
        "en": {
            "slug": "legal-notice",
            "title": "Legal notice",
            "intro": "Publisher, hosting and terms of reuse of the content.",
            "body": [
                (
                    "paragraph",
                    "<p>Unless stated otherwise, the content may be reused under the Etalab "
                    "Open Licence 2.0, citing its source.</p>",
                ),
            ],
        },
        "body": [
            (
                "paragraph",
                "<p>Sauf mention contraire, les contenus sont réutilisables sous Licence "
                "Ouverte 2.0 (Etalab), en citant leur source.</p>",
            ),
        ],
    },
    {
        "slug": "donnees-personnelles",
        "title": "Données personnelles",
        "intro": "Ce que le site conserve à votre sujet, pourquoi, et comment exercer vos droits.",
        "en": {
            "slug": "personal-data",
            "title": "Personal data",
            "intro": "What the site keeps about you, why, and how to exercise your rights.",
            "body": [
                (
                    "paragraph",
                    "<p>An account keeps your e-mail address, your name, your role, your "
                    "organisation and the département you work in. They tell your peers who you "
                    "are and are never passed on.</p>",
                ),
            ],
        },
        "body": [
            (
                "paragraph",
                "<p>Un compte conserve votre adresse électronique, votre nom, votre rôle, "
                "votre organisation et votre département d’exercice. Ils servent à vous "
                "identifier auprès de vos pairs et ne sont jamais cédés.</p>",
            ),
        ],
    },
]

HOME_INTRO_FR = (
    "Fiches action, retours d’expérience et formations croisées : ce que les ESMS, "
    "les ARS et leurs partenaires ont capitalisé, et des espaces fermés où les "
    "managers s’épaulent pendant la conduite de leurs plans d’action."
)
HOME_INTRO_EN = (
    "Action sheets, experiment write-ups and cross-training: what medico-social services, "
    "regional health agencies and their partners have capitalised, and closed spaces "
    "where managers support each other while carrying out their action plans."
)

DEMO_PEOPLE = [
    # e-mail, first name, last name, role, organisation, département, groups
    ("claire.martin@exemple.fr", "Claire", "Martin", "editor", "ARS Occitanie", "34", ["Éditeurs"]),
    (
        "karim.benali@exemple.fr",
        "Karim",
        "Benali",
        "manager",
        "DITEP Les Cèdres",
        "69",
        ["Contributeurs"],
    ),
    ("lea.roussel@exemple.fr", "Léa", "Roussel", "professional", "SESSAD du Gers", "32", []),
]


def build_home_and_editorial_pages():
    home_fr, home_en = home_pages()
    home_fr.intro = HOME_INTRO_FR
    home_fr.save_revision().publish()
    home_en.intro = HOME_INTRO_EN
    home_en.save_revision().publish()

    pages = {}
    for spec in EDITORIAL_PAGES:
        page = upsert_child(
            home_fr,
            ContentPage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=spec["body"],
        )
        upsert_translation(page, "en", **spec["en"])
        pages[spec["slug"]] = page

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.accessibility_page = pages["accessibilite"]
    footer.legal_notice_page = pages["mentions-legales"]
    footer.personal_data_page = pages["donnees-personnelles"]
    footer.save()


def upsert_person(email, first_name, last_name, role, organisation, department_code, groups):
    User = get_user_model()
    # The part before the @ is the name others type to mention them in a space (@karim.benali).
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "username": email.split("@")[0],
            "first_name": first_name,
            "last_name": last_name,
        },
    )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.update_or_create(
        user=user,
        defaults={
            "role": role,
            "organisation": organisation,
            "territory": Department.objects.get(code=department_code),
        },
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def build_accounts(context):
    """A superuser with a fresh random password, and a few demo people."""
    password = secrets.token_urlsafe(12)
    admin = upsert_person(ADMIN_EMAIL, "Admin", "Démo", "editor", "ARS", "75", [])
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()
    context["admin_login"] = (ADMIN_EMAIL, password)
    for person in DEMO_PEOPLE:
        user = upsert_person(*person)
        user.set_password(password)
        user.save()
    context["people"] = {person[0]: person for person in DEMO_PEOPLE}


def build(context):
    build_home_and_editorial_pages()
    build_accounts(context)
