from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from forums import attachments
from forums.models import NotificationSettings, Post
from kb.text import flatten

MAX_MESSAGE_LENGTH = 2000


def submitted(request):
    """A form's data and files when the request posts it, even empty; nothing for a GET."""
    if request.method == "POST":
        return {"data": request.POST, "files": request.FILES}
    return {}


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


MAX_POST_LENGTH = 20_000
HEALTH_DATA_REMINDER = _(
    "N’écrivez rien qui permette de reconnaître une personne accompagnée : ni nom, ni date "
    "de naissance, ni détail de santé. Décrivez la situation, pas la personne. Mise en forme "
    "Markdown : **gras**, *italique*, listes avec des tirets, > pour citer ; @identifiant "
    "prévient un membre."
)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        help_text=HEALTH_DATA_REMINDER,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_POST_LENGTH,
    )
    anonymous = forms.BooleanField(
        label=_("Publier sans mon nom"),
        help_text=_("Les autres membres ne verront pas votre nom ; la modération, si."),
        required=False,
    )

    attachment = forms.FileField(
        label=_("Joindre une image ou un PDF (facultatif)"),
        help_text=_(
            "Image JPEG, PNG, WebP ou GIF de 5 Mo au plus, ou PDF de 10 Mo au plus. Les "
            "métadonnées des images (lieu, appareil) sont retirées."
        ),
        required=False,
    )

    def clean_attachment(self):
        uploaded = self.cleaned_data.get("attachment")
        return attachments.check(uploaded) if uploaded else None


class TopicForm(ReplyForm):
    title = forms.CharField(label=_("Titre du sujet"), max_length=200)
    field_order = ["title", "body", "attachment", "anonymous"]


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Pourquoi signalez-vous ce message ?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_MESSAGE_LENGTH,
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (communiqué à l’auteur)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
    )


class SuspensionForm(forms.Form):
    days = forms.IntegerField(label=_("Durée en jours"), min_value=1, max_value=365, initial=7)
    reason = forms.CharField(
        label=_("Motif (communiqué au membre)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_MESSAGE_LENGTH,
    )


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        help_text=HEALTH_DATA_REMINDER,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_POST_LENGTH,
    )


class NotificationSettingsForm(forms.ModelForm):
    """The moderation alerts are a choice for moderators only."""

    class Meta:
        model = NotificationSettings
        fields = ["digest", "immediate", "moderation_alerts_at_once"]
        widgets = {"digest": forms.RadioSelect}

    def __init__(self, *args, moderates=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not moderates:
            del self.fields["moderation_alerts_at_once"]


class CapitaliseForm(forms.Form):
    """Which posts go into the sheet (their authors answer for themselves about being named)."""

    posts = forms.ModelMultipleChoiceField(
        label=_("Messages à reprendre dans la fiche"),
        queryset=Post.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choisissez au moins un message à reprendre dans la fiche.")},
    )

    def __init__(self, *args, posts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posts"].queryset = posts
        self.fields["posts"].label_from_instance = lambda post: Truncator(
            flatten(post.body_html)
        ).chars(160)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Adresse électronique de la personne à inviter"))


class AcceptInvitationForm(forms.Form):
    accepted_charter = JoinForm.base_fields["accepted_charter"]


class ConsentForm(forms.Form):
    agreed = forms.TypedChoiceField(
        label=_("Acceptez-vous d’être cité ou citée par votre nom dans la fiche action ?"),
        choices=[
            ("1", _("Oui, la fiche peut me nommer")),
            ("0", _("Non, je préfère apparaître comme « un membre de l’espace »")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
