"""The member's own profile page: role, organisation and département."""

import pytest

from kb.models import Department, Profile
from tests.kb.helpers import field_errors, input_value, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def profile_data(**overrides):
    return {
        "first_name": "Léa",
        "last_name": "Roussel",
        "role": "professional",
        "organisation": "SESSAD du Gers",
        "territory": str(Department.objects.get(code="32").pk),
        **overrides,
    }


def test_profile_requires_login(client):
    response = client.get("/comptes/profil/")

    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=/comptes/profil/"


def test_profile_shows_the_members_details(logged_in, member):
    Profile.objects.create(
        user=member,
        role="manager",
        organisation="DITEP Les Cèdres",
        territory=Department.objects.get(code="69"),
    )

    response = logged_in.get("/comptes/profil/")

    assert response.status_code == 200
    assert "lea.roussel@exemple.fr" in text_of(response)
    assert input_value(response, "first_name") == "Camille"
    assert input_value(response, "role") == "manager"
    assert input_value(response, "organisation") == "DITEP Les Cèdres"
    assert input_value(response, "territory") == str(Department.objects.get(code="69").pk)


def test_profile_saves_role_organisation_and_department(logged_in, member):
    response = logged_in.post(
        "/comptes/profil/", profile_data(role="manager", organisation="IME Saint-Jean"), follow=True
    )

    assert response.redirect_chain == [("/comptes/profil/", 302)]
    assert "Votre profil est enregistré." in response.content.decode()
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Léa", "Roussel")
    assert member.profile.role == "manager"
    assert member.profile.organisation == "IME Saint-Jean"
    assert member.profile.territory.code == "32"


def test_profile_can_clear_the_department(logged_in, member):
    logged_in.post("/comptes/profil/", profile_data())

    logged_in.post("/comptes/profil/", profile_data(territory=""))

    member.profile.refresh_from_db()
    assert member.profile.territory is None


@pytest.mark.parametrize("territory", ["999999", "abc", "-1"])
def test_profile_with_invalid_territory_id_is_a_form_error(logged_in, member, territory):
    response = logged_in.post("/comptes/profil/", profile_data(territory=territory))

    assert response.status_code == 200
    assert field_errors(response, "territory") == [
        "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."
    ]
    assert "Le formulaire contient des erreurs" in text_of(response)
    assert not Profile.objects.filter(user=member, territory__isnull=False).exists()


def test_profile_with_unknown_role_is_a_form_error(logged_in, member):
    response = logged_in.post("/comptes/profil/", profile_data(role="administrateur"))

    assert response.status_code == 200
    assert field_errors(response, "role")
    assert not Profile.objects.filter(user=member, role="administrateur").exists()
