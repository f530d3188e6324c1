"""An id too long for any database column in an address is a missing page, not an error."""

import pytest

from tests.kb.factories import UserFactory

HUGE = "9" * 400


@pytest.mark.django_db
def test_an_id_of_400_digits_answers_404(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(f"/inscriptions/formations/{HUGE}/inscriptions.csv").status_code == 404
    assert client.get(f"/admin/pages/{HUGE}/").status_code == 404


@pytest.mark.django_db
def test_an_id_as_large_as_a_bigint_is_still_looked_up(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(f"/inscriptions/formations/{2**63 - 1}/inscriptions.csv").status_code == 404
