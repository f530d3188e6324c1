"""Editors record indicator readings in the admin; the indicator's latest value follows."""

import pytest
from django.urls import reverse

from tests.kb.factories import UserFactory
from tests.practices.factories import PracticeSheetPageFactory, sheet_indicator

pytestmark = pytest.mark.django_db


def test_a_reading_added_in_the_admin_becomes_the_latest_value(
    client, django_user_model, practices_fr
):
    admin = django_user_model.objects.create_superuser("admin", "admin@exemple.fr", "x")
    client.force_login(admin)
    page = PracticeSheetPageFactory(parent=practices_fr.sheets, indicators=[sheet_indicator()])
    indicator = page.indicators.get()
    add_url = reverse("indicator_measurements:add")
    response = client.post(
        add_url, {"sheet_indicator": indicator.pk, "date": "2025-12-31", "value": "27"}
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.latest_value == 27
    listing = client.get(reverse("indicator_measurements:index") + f"?page={page.pk}")
    assert "Jeunes accompagnés" in listing.content.decode()
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Relevés des indicateurs" in edit_page


def test_a_reading_must_name_exactly_one_indicator(client, django_user_model, practices_fr):
    admin = django_user_model.objects.create_superuser("admin", "admin@exemple.fr", "x")
    client.force_login(admin)
    response = client.post(
        reverse("indicator_measurements:add"), {"date": "2025-12-31", "value": "3"}
    )
    assert response.status_code == 200


def test_an_editor_records_a_reading_without_being_an_administrator(client, practices_fr):
    client.force_login(UserFactory(groups=["Éditeurs"], is_staff=True))
    page = PracticeSheetPageFactory(parent=practices_fr.sheets, indicators=[sheet_indicator()])
    indicator = page.indicators.get()
    assert client.get(reverse("indicator_measurements:index")).status_code == 200
    response = client.post(
        reverse("indicator_measurements:add"),
        {"sheet_indicator": indicator.pk, "date": "2025-06-30", "value": "12"},
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.latest_value == 12
