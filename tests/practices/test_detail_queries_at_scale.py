"""A detail page reads as many rows with a thousand pages on the site as with ten.

The pages are copied in bulk, the way `bench.corpus` writes its corpus: through
factories a thousand pages would take minutes.
"""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from bench.corpus import next_step, tree_row
from kb.models import Department, Theme

from .factories import (
    ExperimentPageFactory,
    PracticeSheetPageFactory,
    TrainingOfferPageFactory,
    TrainingSessionFactory,
    experiment_indicator,
    sheet_indicator,
    term,
)

pytestmark = pytest.mark.django_db

MOST_QUERIES = 20


@pytest.fixture
def one_of_each(practices_fr):
    """A sheet, a write-up and a training offer with three sessions, classified alike."""
    common = {
        "themes": [term(Theme, "jeunes-adultes"), term(Theme, "prevention-ruptures")],
        "departments": list(Department.objects.all()[:2]),
        "tags": ["répit", "Creton"],
    }
    sheet = PracticeSheetPageFactory(
        parent=practices_fr.sheets,
        indicators=[sheet_indicator(name=f"Indicateur {n}") for n in range(3)],
        **common,
    )
    experiment = ExperimentPageFactory(
        parent=practices_fr.experiments,
        indicators=[experiment_indicator(name=f"Indicateur {n}") for n in range(3)],
        **common,
    )
    offer = TrainingOfferPageFactory(parent=practices_fr.trainings, **common)
    for day in range(3):
        TrainingSessionFactory(
            offer=offer, starts_at=timezone.now() + datetime.timedelta(days=10 + day)
        )
    return [sheet, experiment, offer]


def add_copies(page, count):
    """`count` live pages beside `page`, with its fields, themes and tags."""
    model = type(page)
    parent = Page.objects.get(pk=page.get_parent().pk)
    first_step = next_step(parent)
    copies = []
    for offset in range(count):
        copy = model(
            **{
                field.attname: getattr(page, field.attname)
                for field in model._meta.concrete_fields
                if not field.primary_key and field.attname not in ("id", "latest_revision_id")
            }
        )
        copy.slug = f"{page.slug}-{first_step + offset}"
        copy.path = model._get_path(parent.path, parent.depth + 1, first_step + offset)
        copy.url_path = f"{parent.url_path}{copy.slug}/"
        copy.numchild = 0
        copy.translation_key = uuid.uuid4()
        copy.live_revision_id = None
        copies.append(copy)
    rows = Page.objects.bulk_create([tree_row(copy) for copy in copies])
    for copy, row in zip(copies, rows, strict=True):
        copy.pk = copy.page_ptr_id = row.pk
        copy.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    themes = model._meta.get_field("themes")
    source, target = themes.m2m_field_name(), themes.m2m_reverse_field_name()
    theme_ids = [theme.pk for theme in page.themes.all()]
    themes.remote_field.through.objects.bulk_create(
        themes.remote_field.through(**{f"{source}_id": copy.pk, f"{target}_id": theme_id})
        for copy in copies
        for theme_id in theme_ids
    )
    tag_ids = [tag.pk for tag in page.tags.all()]
    model.tags.through.objects.bulk_create(
        model.tags.through(content_object_id=copy.pk, tag_id=tag_id)
        for copy in copies
        for tag_id in tag_ids
    )


def grow_site(pages, total):
    """Copies of each page until the three sections hold `total` pages together."""
    present = Page.objects.type(*(type(page) for page in pages)).count()
    for page in pages:
        add_copies(page, (total - present) // len(pages))


def query_counts(client, page):
    """Queries of the first reading after a publication and of the next one.

    The first works out and keeps what every reader of the page sees alike
    (`kb.content_version`): 34 to 38 queries, whatever the size of the site.
    """
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert client.get(page.url).status_code == 200
    with CaptureQueriesContext(connection) as next_reading:
        assert client.get(page.url).status_code == 200
    return len(first), len(next_reading)


def test_detail_pages_read_as_much_with_a_thousand_pages_as_with_ten(client, one_of_each):
    grow_site(one_of_each, 10)
    for page in one_of_each:  # What the process keeps for good: content types, templates.
        query_counts(client, page)
    with_ten = [query_counts(client, page) for page in one_of_each]

    grow_site(one_of_each, 1000)
    with_a_thousand = [query_counts(client, page) for page in one_of_each]

    assert Page.objects.type(*map(type, one_of_each)).count() >= 999
    assert with_a_thousand == with_ten
    assert max(next_reading for _first, next_reading in with_ten) <= MOST_QUERIES, with_ten
