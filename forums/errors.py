"""Refusals people can understand and act upon, raised by the forum services."""

from django.utils.translation import gettext_lazy as _


class Refusal(Exception):
    """Something the rules of a space do not allow; `message` tells the person why."""

    message = _("Cette demande n’a pas pu être prise en compte.")

    def __init__(self):
        super().__init__(str(self.message))
