"""Demo practices section: index pages, practice sheets, experiment write-ups, cross-training.

Pages are looked up by slug under their parent, sessions by (offer, day, place)
and registrations by (session, person), so running the builder again updates
the same rows instead of adding new ones.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale

from demo.pages import home_pages, upsert_child, upsert_translation
from demo.practices_data import (
    english_occitanie,
    english_other,
    english_regions,
    english_sheets,
    experiments_ara_pdl,
    experiments_occitanie,
    indexes,
    indicators,
    occitanie,
    other_regions,
    roadmap_offer,
    roadmap_pathways,
    roadmap_planning,
    roadmap_steering,
    trainings,
)
from demo.practices_data.fields import (
    Vocabulary,
    experiment_fields,
    in_english,
    sheet_fields,
    training_fields,
)
from practices.models import (
    ExperimentIndexPage,
    ExperimentPage,
    PracticeSheetIndexPage,
    PracticeSheetPage,
    PracticesIndexPage,
    TrainingOfferIndexPage,
    TrainingOfferPage,
    TrainingRegistration,
    TrainingSession,
)
from practices.registrations import register

SHEETS = (
    roadmap_offer.SHEETS
    + roadmap_planning.SHEETS
    + roadmap_pathways.SHEETS
    + roadmap_steering.SHEETS
    + occitanie.SHEETS
    + other_regions.SHEETS
)
ENGLISH_SHEETS = english_sheets.SHEETS | english_regions.SHEETS | english_occitanie.SHEETS
EXPERIMENTS = experiments_ara_pdl.EXPERIMENTS + experiments_occitanie.EXPERIMENTS
TRANSLATABLE_ROWS = ["leads", "milestones", "indicators"]

# What to build, in order: specs, listing, page model, fields, English words by French slug.
CONTENT = [
    (SHEETS, "sheets", PracticeSheetPage, sheet_fields, ENGLISH_SHEETS),
    (EXPERIMENTS, "experiments", ExperimentPage, experiment_fields, english_other.EXPERIMENTS),
    (trainings.TRAININGS, "trainings", TrainingOfferPage, training_fields, english_other.TRAININGS),
]
LISTING_CLASSES = {
    "sheets": PracticeSheetIndexPage,
    "experiments": ExperimentIndexPage,
    "trainings": TrainingOfferIndexPage,
}


def build(context):
    vocabulary = Vocabulary()
    english = Locale.objects.get(language_code="en")
    listings = build_indexes()
    pages = {}
    for specs, listing, page_class, fields_of, translations in CONTENT:
        for spec in specs:
            page = upsert(listings[listing], page_class, spec["slug"], fields_of(spec, vocabulary))
            pages[spec["slug"]] = page
            if spec["slug"] in translations:
                words = translations[spec["slug"]]
                fields = fields_of(in_english(spec, words), vocabulary)
                translate(page, english, words["slug"], fields)
    people = get_user_model().objects.filter(email__in=context["people"])
    build_sessions(pages, {person.email: person for person in people})
    indicators.build_readings()


def upsert(parent, page_class, slug, fields):
    adopt_rows(page_class.objects.child_of(parent).filter(slug=slug).first(), fields, parent.locale)
    return upsert_child(parent, page_class, slug, **fields)


def translate(page, locale, slug, fields):
    current = page.get_translation_or_none(locale)
    adopt_rows(current and current.specific, fields, locale)
    return upsert_translation(page, locale.language_code, slug=slug, **fields)


def adopt_rows(page, fields, locale):
    """Give new translatable rows their page's locale and the id of the row they replace.

    A re-run then updates rows in place instead of deleting them, which would cost
    wagtail-localize a clean-up of translation sources for each one.
    """
    for relation in TRANSLATABLE_ROWS:
        rows = fields.get(relation, [])
        ids = {}
        if page is not None and rows:
            ids = dict(getattr(page, relation).values_list("translation_key", "pk"))
        for row in rows:
            row.locale = locale
            row.pk = ids.get(row.translation_key)


def build_indexes():
    """The entry page and its three listings in both languages; the home pages link to it."""
    home_fr, home_en = home_pages()
    root_spec = indexes.ROOT
    root = upsert_child(
        home_fr,
        PracticesIndexPage,
        root_spec["slug"],
        title=root_spec["title"],
        intro=root_spec["intro"],
        show_in_menus=True,
    )
    root_en = upsert_translation(root, "en", **root_spec["en"], show_in_menus=True)
    listings = {}
    for key, spec in indexes.LISTINGS.items():
        listing = upsert_child(
            root, LISTING_CLASSES[key], spec["slug"], title=spec["title"], intro=spec["intro"]
        )
        upsert_translation(listing, "en", **spec["en"])
        listings[key] = listing
    # Read again: the English home got a child by translation, and publishing the copy read
    # before would write back its old count of children.
    for home, target in zip(home_pages(), (root, root_en), strict=True):
        if home.practices_page_id != target.pk:
            home.practices_page = target
            home.save_revision().publish()
    return listings


def session_day(monday, weeks, weekday):
    """The planned day, pushed back week by week out of the summer and Christmas breaks."""
    day = monday + dt.timedelta(weeks=weeks, days=weekday)
    while day.month == 8 or (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 3):
        day += dt.timedelta(weeks=1)
    return day


def at(date, hour):
    return timezone.make_aware(dt.datetime.combine(date, dt.time(hour)))


def build_sessions(pages, people):
    # Weeks count from this week's Monday, so that re-running within the week finds
    # the same days, and sessions always fall on the weekday they were planned for.
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    for spec in trainings.TRAININGS:
        offer = pages[spec["slug"]]
        sessions = []
        for weeks, weekday, days, place, seats in spec["sessions"]:
            first_day = session_day(monday, weeks, weekday)
            values = {
                "starts_at": at(first_day, 9),
                "ends_at": at(first_day + dt.timedelta(days=days - 1), 17),
                "seats": seats,
            }
            session = TrainingSession.objects.filter(
                offer=offer, starts_at__date=first_day, place=place
            ).first()
            if session is None:
                session = TrainingSession.objects.create(offer=offer, place=place, **values)
            else:
                for name, value in values.items():
                    setattr(session, name, value)
                session.save(update_fields=list(values))
            sessions.append(session)
        for email, index in spec["registrations"]:
            enrol(sessions[index], people[email])


def enrol(session, user):
    if TrainingRegistration.objects.filter(session=session, user=user).exists():
        return
    if not session.is_past:
        register(session, user)
        return
    # `register` closes a session once it has started; attendance of a past session is
    # history, written with its seat so that the counter matches the confirmed rows.
    TrainingRegistration.objects.create(
        session=session, user=user, status=TrainingRegistration.Status.CONFIRMED
    )
    TrainingSession.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") + 1)
