"""An experiment write-up downloads as a spreading kit: everything another territory needs."""

import io
from decimal import Decimal

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from pypdf import PdfReader

from kb.models import PagePdf
from practices.models import ExperimentDocument

from .factories import ExperimentPageFactory, experiment_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(practices_fr):
    page = ExperimentPageFactory(
        parent=practices_fr.experiments,
        title="Unité de répit pour jeunes adultes",
        summary="Des séjours de répit courts pour les jeunes de 16 à 25 ans.",
        description="<p>Une maison de quatre places ouverte toute l’année.</p>",
        organisation_model="<p>Une équipe partagée entre deux établissements.</p>",
        staff_fte=Decimal("4.5"),
        evaluation_method="<p>Entretiens avec les familles à six mois.</p>",
        contact_name="Claire Martin",
        contact_organisation="DITEP Les Chênes",
        contact_email="claire.martin@exemple.fr",
        indicators=[experiment_indicator(name="Séjours de répit", latest_value=Decimal("28"))],
    )
    document = wagtail_factories.DocumentFactory(
        title="Convention de partenariat", file__filename="convention.pdf", file__data=b"%PDF-1.4"
    )
    ExperimentDocument.objects.create(page=page, document=document)
    page.save_revision().publish()
    return page


def kit_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "kit-essaimage" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_experiment_page_links_to_its_spreading_kit(client, experiment):
    soup = BeautifulSoup(client.get(experiment.url).content, "html.parser")

    link = soup.select_one("a[href$='kit-essaimage/']")
    assert link is not None and link.has_attr("download")


def test_the_kit_holds_the_experiment_its_model_evaluation_indicators_contacts_and_documents(
    client, experiment
):
    text = kit_text(client.get(experiment.url + "kit-essaimage/"))

    for expected in [
        "Unité de répit pour jeunes adultes",
        "Une maison de quatre places",
        "Le modèle organisationnel et économique",
        "Une équipe partagée entre deux établissements",
        "Entretiens avec les familles",
        "Séjours de répit",
        "Claire Martin",
        "claire.martin@exemple.fr",
        "Convention de partenariat",
    ]:
        assert expected in text, expected


def test_publishing_the_experiment_prints_its_kit_again(
    client, experiment, django_capture_on_commit_callbacks
):
    experiment.title = "Unité de répit pour jeunes adultes et familles"
    with django_capture_on_commit_callbacks(execute=True):
        experiment.save_revision().publish()

    printed = PagePdf.objects.get(page=experiment)
    experiment.refresh_from_db()
    assert printed.source_version == experiment.last_published_at
    assert printed.file.name.endswith(".pdf")


def test_the_kit_of_a_draft_experiment_is_not_served(client, practices_fr):
    draft = ExperimentPageFactory(parent=practices_fr.experiments, title="Brouillon", live=False)

    assert client.get(draft.url + "kit-essaimage/").status_code == 404
