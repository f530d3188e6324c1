from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from kb import personal_data
from kb.forms import CloseAccountForm, ProfileForm
from kb.models import Profile
from kb.navigation import breadcrumb, next_url
from kb.security import AFTER_SECOND_FACTOR_SET_UP


class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "kb/profile.html"

    def get_object(self, queryset=None):
        profile, _created = Profile.objects.get_or_create(user=self.request.user)
        return profile

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        messages.success(self.request, _("Votre profil est enregistré."))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "breadcrumb": breadcrumb(self.request, _("Mon profil")),
        }

    def get_success_url(self):
        return reverse("profile")


@login_required
def export_personal_data(request):
    """A JSON copy of everything the site holds about the signed-in person."""
    response = JsonResponse(
        personal_data.export(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def close_account(request):
    form = CloseAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data.close_account(user)
        messages.success(request, _("Votre compte est supprimé. Merci d’avoir participé."))
        return redirect("/")
    return render(
        request,
        "kb/close_account.html",
        {
            "form": form,
            "breadcrumb": breadcrumb(
                request,
                _("Supprimer mon compte"),
                [{"url": reverse("profile"), "title": _("Mon profil")}],
            ),
        },
        status=400 if form.errors else 200,
    )


def page_privacy_sign_in(request):
    """Wagtail's sign-in for pages kept to signed-in people hands over to the site's.

    Wagtail's own form would check the password alone: no second factor, no
    confirmed e-mail address, no lock-out. allauth's does all three.
    """
    return redirect_to_login(next_url(request, "/"))


class RecoveryCodesView(ViewRecoveryCodesView):
    """allauth's recovery codes, with a way on to where the person was going when the
    site sent them to set up their second factor (the admin, a moderation queue)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A path of this site, stored by kb.security.StaffTwoFactorMiddleware.
        context["continue_url"] = self.request.session.get(AFTER_SECOND_FACTOR_SET_UP)
        return context
