"""What the load needs in the database, and the addresses it visits.

Run by `bench.load.stack` in the production environment it prepares:

- `python -m bench.load.accounts corpus 2000`: a generated corpus of published
  pages (`bench.corpus`) on top of the demo content;
- `python -m bench.load.accounts accounts FILE`: members (already trusted:
  ten published posts each, so the daily cap of new members does not refuse
  them; each with a password and an open session) who belong to the demo
  spaces without premoderation, editors with an authenticator app (staff must
  use a second factor) and a page of their own to publish, then
  FILE, a JSON list of credentials and of the addresses of every kind of page;
- `python -m bench.load.accounts drop-indexes`: remove the load's indexes.
"""

import functools
import json
import os
import random
import sys

import django

PASSWORD = "charge-essai-2026"
MEMBERS = 200
EDITORS = 12
# French words of the demo content and of the generated corpus.
SEARCH_WORDS = [
    "autisme", "inclusion", "répit", "aidants", "habitat", "handicap", "pair-émulation",
    "autodétermination", "accompagnement", "vieillissement", "emploi", "scolarisation",
    "polyhandicap", "santé mentale", "facile à lire", "EHPAD", "IME", "ESAT", "domicile",
    "formation", "sport adapté", "numérique", "transport", "logement inclusif",
]  # fmt: skip


def setup():
    sys.path.insert(0, os.getcwd())
    django.setup()


def generate_corpus(pages):

    from bench.corpus import corpus_size, ensure_corpus

    ensure_corpus(pages)
    print(f"Corpus: {corpus_size()} generated pages.")


@functools.cache
def password_hash():
    """Hashed once: hashing is made slow on purpose, and every account has the same password."""
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)


def verified_user(email, **fields):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        email=email, defaults={"username": email.split("@")[0], **fields}
    )
    user.password = password_hash()
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def open_session(user):
    """The key of a session in which `user` is signed in, as a member who signed in
    days ago keeps one: `members` profile visitors read with it, without the sign-in."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def members_in_spaces():
    from django.db import transaction
    from django.utils import timezone

    from forums.models.discussions import Post, Topic
    from forums.models.spaces import Space, SpaceMembership
    from forums.posting import TRUSTED_AFTER

    # Spaces where a member's reply is published at once; members of the load join them all,
    # as a moderator would have accepted them in those open on request.
    spaces = list(Space.objects.filter(premoderated=False).order_by("pk"))
    topics = {
        space.slug: list(
            Topic.objects.filter(space=space, locked=False).values_list("pk", flat=True)
        )
        for space in spaces
    }
    spaces = [space for space in spaces if topics[space.slug]]
    accounts = []
    with transaction.atomic():
        for number in range(MEMBERS):
            user = verified_user(f"membre-charge-{number:03d}@kb.localhost")
            for space in spaces:
                SpaceMembership.objects.get_or_create(
                    space=space,
                    user=user,
                    defaults={
                        "status": SpaceMembership.Status.ACTIVE,
                        "charter_accepted_at": timezone.now(),
                    },
                )
            # Earlier published posts make the member trusted (higher daily cap, no review).
            space = spaces[number % len(spaces)]
            earlier = [
                Post(
                    topic_id=topics[space.slug][0],
                    author=user,
                    body="Message antérieur.",
                    body_html="<p>Message antérieur.</p>",
                    status=Post.Status.PUBLISHED,
                )
                for _ in range(TRUSTED_AFTER)
            ]
            Post.objects.bulk_create(earlier)
            accounts.append(
                {"email": user.email, "password": PASSWORD, "session": open_session(user)}
            )
    return accounts, [{"slug": slug, "topics": topics[slug]} for slug in topics if topics[slug]]


def editors_with_their_page():
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from kb.models import ContentPage, HomePage

    editors_group = Group.objects.get(name="Éditeurs")
    home = HomePage.objects.first()
    accounts = []
    for number in range(EDITORS):
        editor = verified_user(f"redacteur-charge-{number:02d}@kb.localhost", is_staff=False)
        editor.groups.add(editors_group)
        secret = generate_totp_secret()
        Authenticator.objects.filter(user=editor).delete()
        TOTP.activate(editor, secret)
        page = ContentPage.objects.filter(slug=f"essai-charge-{number}").first()
        if page is None:
            page = home.add_child(
                instance=ContentPage(
                    title=f"Page d’essai de charge {number}",
                    slug=f"essai-charge-{number}",
                    intro="Version initiale.",
                )
            )
            page.save_revision(user=editor).publish()
        accounts.append(
            {"email": editor.email, "password": PASSWORD, "totp_secret": secret, "page": page.pk}
        )
    return accounts


def public_addresses():
    from kb.models import GuideChapterPage, HomePage
    from kb.models.taxonomy import Audience, Region, Theme
    from practices.models import ExperimentPage, PracticeSheetPage, TrainingSession
    from practices.models.indexes import (
        ExperimentIndexPage,
        PracticeSheetIndexPage,
        PracticesIndexPage,
        TrainingOfferIndexPage,
    )

    def urls(model, limit=300):
        pages = list(model.objects.live().public().specific())
        random.Random(0).shuffle(pages)
        return [page.url for page in pages[:limit] if page.url]

    lists = [
        address
        for model in (
            PracticesIndexPage,
            PracticeSheetIndexPage,
            ExperimentIndexPage,
            TrainingOfferIndexPage,
        )
        for address in urls(model)
    ]
    themes = list(Theme.objects.values_list("slug", flat=True))
    audiences = list(Audience.objects.values_list("slug", flat=True))
    regions = list(Region.objects.values_list("code", flat=True))
    filtered = [
        f"{address}?theme={random.choice(themes)}"
        + (f"&audience={random.choice(audiences)}" if index % 2 else "")
        + (f"&region={random.choice(regions)}" if index % 3 == 0 else "")
        for index, address in enumerate(lists * 8)
    ]
    from django.utils import timezone

    sessions = list(
        TrainingSession.objects.filter(starts_at__gt=timezone.now(), is_cancelled=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {
        "home": [page.url for page in HomePage.objects.live()],
        "lists": lists,
        "filtered_lists": filtered,
        "sheets": urls(PracticeSheetPage),
        "experiments": urls(ExperimentPage),
        "guide_chapters": urls(GuideChapterPage),
        "search_words": SEARCH_WORDS,
        "sessions": sessions,
    }


def write_accounts(path):
    members, spaces = members_in_spaces()
    data = {
        "members": members,
        "spaces": spaces,
        "editors": editors_with_their_page(),
        **public_addresses(),
    }
    with open(path, "w") as output:
        json.dump(data, output, ensure_ascii=False, indent=1)
    counts = {key: len(value) for key, value in data.items()}
    print(f"Load accounts and addresses: {counts}")


def drop_indexes():
    from bench.search import delete_bench_indexes
    from search.engine_client import configured_engine

    delete_bench_indexes(configured_engine())


if __name__ == "__main__":
    setup()
    action = sys.argv[1]
    if action == "corpus":
        generate_corpus(int(sys.argv[2]))
    elif action == "accounts":
        write_accounts(sys.argv[2])
    elif action == "drop-indexes":
        drop_indexes()
