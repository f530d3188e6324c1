import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from stdnum import luhn

from practices.models import ExperimentPage, PracticeSheetIndicator
from practices.validators import validate_finess

from .factories import ExperimentPageFactory, experiment_indicator, valid_finess


def finess_error_code(number):
    with pytest.raises(ValidationError) as error:
        validate_finess(number)
    return error.value.code


@pytest.mark.parametrize(
    "number",
    [
        valid_finess("34", "000123"),
        valid_finess("69", "078945"),
        valid_finess("97", "100002"),
        valid_finess("01", "000000"),
        "2A0000016",  # Corsica: letters, no published key rule.
    ],
)
def test_valid_finess_numbers_pass(number):
    validate_finess(number)


def test_finess_typed_with_spaces_and_dots_passes():
    number = valid_finess("34", "000123")
    validate_finess(f"{number[:2]} {number[2:5]}.{number[5:]}")


@pytest.mark.parametrize(
    "number",
    ["", "34000123", "3400012345", "000001234", "99000123X", "ABCDEFGHI", "2C0000016"],
)
def test_badly_formed_finess_is_refused_as_a_format_error(number):
    assert finess_error_code(number) == "finess_format"


def test_finess_with_a_wrong_check_digit_is_refused_as_such():
    number = valid_finess("34", "000123")
    wrong_digit = str((int(number[-1]) + 1) % 10)

    assert luhn.is_valid(number)
    assert finess_error_code(number[:-1] + wrong_digit) == "finess_check_digit"


def test_format_and_check_digit_errors_tell_different_things():
    number = valid_finess("34", "000123")
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    messages = {}
    with translation.override("fr"):
        for case in ("3400", wrong):
            with pytest.raises(ValidationError) as error:
                validate_finess(case)
            messages[case] = str(error.value.messages[0])

    assert messages["3400"] != messages[wrong]
    assert "clé" in messages[wrong]


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "expected"),
    [
        (10, 30, 20, 0.5),
        (10, 30, 10, 0.0),
        (10, 30, 30, 1.0),
        (10, 30, 45, 1.0),  # beyond the target: done, not "150 %"
        (10, 30, 5, 0.0),  # fell below the starting point
        (30, 10, 20, 0.5),  # an indicator meant to go down
        (0, 40, 10, 0.25),
    ],
)
def test_indicator_progress_is_the_share_of_the_way_to_the_target(
    baseline, target, latest, expected
):
    indicator = PracticeSheetIndicator(
        name="Jeunes accompagnés",
        baseline=Decimal(baseline),
        target=Decimal(target),
        latest_value=Decimal(latest),
    )

    assert indicator.progress == pytest.approx(expected)


@pytest.mark.parametrize(
    ("baseline", "target", "latest"),
    [(None, 30, 20), (10, None, 20), (10, 30, None), (10, 10, 12)],
)
def test_indicator_progress_is_unknown_without_figures_or_distance(baseline, target, latest):
    indicator = PracticeSheetIndicator(
        name="Places", baseline=baseline, target=target, latest_value=latest
    )

    assert indicator.progress is None


@pytest.mark.django_db
def test_experiment_completeness_counts_filled_items_per_part(practices_fr):
    experiment = ExperimentPageFactory(
        parent=practices_fr.experiments,
        situations="<p>Jeunes de 16 à 20 ans en rupture de scolarité.</p>",
        period_start=datetime.date(2023, 9, 1),
        description="<p>Séjours de répit de deux nuits.</p>",
        organisation_model="<p>Accueil du vendredi au dimanche.</p>",
        annual_budget=Decimal("120000"),
        indicators=[experiment_indicator()],
    )

    with translation.override("fr"):
        parts = {part["key"]: part for part in experiment.completeness()}
        missing = {key: [str(label) for label in part["missing"]] for key, part in parts.items()}

    # summary, situations, period_start, description out of nine items
    assert parts["experiment"]["percent"] == 44
    assert parts["model"]["percent"] == 40
    assert parts["evaluation"]["percent"] == 33
    assert "partenaires" in missing["experiment"]
    assert "résumé" not in missing["experiment"]
    assert missing["evaluation"] == ["méthode d’évaluation", "résultats de l’évaluation"]
    assert experiment.completeness_percent() == round(100 * 7 / 17)


@pytest.mark.django_db
def test_blank_rich_text_does_not_count_as_filled(practices_fr):
    experiment = ExperimentPageFactory(parent=practices_fr.experiments, partners="   ")

    assert not experiment.is_filled("partners")
    assert ExperimentPage.field_label("partners") in next(
        part["missing"] for part in experiment.completeness() if part["key"] == "experiment"
    )
