from django import forms
from django.utils.translation import gettext_lazy as _

from kb.models import Department, Profile
from kb.security import confirms_password


class ProfileFieldsMixin(forms.Form):
    """Name fields live on the user; the rest of the profile on `Profile`."""

    first_name = forms.CharField(label=_("Prénom"), max_length=150)
    last_name = forms.CharField(label=_("Nom"), max_length=150)

    def save_names(self, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


class ProfileSignupForm(ProfileFieldsMixin):
    """Extra sign-up fields; django-allauth calls `signup` once the user exists."""

    role = forms.ChoiceField(label=_("Vous êtes"), choices=Profile.SELF_DECLARED_ROLES)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=Profile._meta.get_field("organisation").help_text,
    )
    territory = forms.ModelChoiceField(
        label=_("Département d’exercice"),
        queryset=Department.objects.select_related("region"),
        required=False,
    )

    def signup(self, request, user):
        self.save_names(user)
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "role": self.cleaned_data["role"],
                "organisation": self.cleaned_data["organisation"],
                "territory": self.cleaned_data["territory"],
            },
        )


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["first_name", "last_name", "role", "organisation", "territory"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["territory"].queryset = Department.objects.select_related("region")
        if self.instance.role != Profile.Role.EDITOR:
            self.fields["role"].choices = Profile.SELF_DECLARED_ROLES

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.user = self.user
        if commit:
            profile.save()
            self.save_names(self.user)
        return profile


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "Je comprends que mon compte sera supprimé définitivement ; mes messages resteront "
            "dans les espaces, signés « Ancien membre »."
        )
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not confirms_password(self.user, password):
            raise forms.ValidationError(_("Ce mot de passe n’est pas le bon."))
        return password
