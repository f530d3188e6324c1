"""Validation of FINESS numbers (Fichier national des établissements sanitaires et sociaux)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import luhn

# Two characters for the département (01–95, 2A/2B for Corsica, 97/98 overseas),
# seven digits, the last of which is a Luhn check digit.
FINESS_PATTERN = re.compile(r"^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-8])\d{7}$")
CORSICAN_PREFIXES = ("2A", "2B")


def normalise_finess(value):
    return re.sub(r"[\s.-]", "", value or "").upper()


def validate_finess(value):
    number = normalise_finess(value)
    if not FINESS_PATTERN.match(number):
        raise ValidationError(
            _(
                "Un numéro FINESS compte 9 caractères : le département "
                "(ex. 34, 2A, 97) puis 7 chiffres."
            ),
            code="finess_format",
        )
    # Corsican numbers carry letters, for which the nomenclature publishes no key rule.
    if number[:2] not in CORSICAN_PREFIXES and not luhn.is_valid(number):
        raise ValidationError(
            _(
                "La clé de contrôle de ce numéro FINESS est fausse : "
                "vérifiez-le dans le répertoire FINESS."
            ),
            code="finess_check_digit",
        )
