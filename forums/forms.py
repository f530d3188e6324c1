from django import forms
from django.utils.translation import gettext_lazy as _

MAX_MESSAGE_LENGTH = 2000


class JoinForm(forms.Form):
    accepted_charter = forms.BooleanField(
        label=_("J’ai lu la charte de l’espace et je m’engage à la respecter."),
        error_messages={"required": _("Pour rejoindre l’espace, acceptez d’abord sa charte.")},
    )
    message = forms.CharField(
        label=_("Pourquoi souhaitez-vous rejoindre cet espace ?"),
        help_text=_("Votre fonction, votre établissement, ce que vous venez chercher."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
    )

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        if space.join_policy == space.JoinPolicy.ON_REQUEST:
            self.fields["message"].required = True
        else:
            del self.fields["message"]


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message à la personne (facultatif)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
    )
