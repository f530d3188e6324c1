from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from kb.forms import ProfileForm
from kb.models import Profile
from kb.navigation import breadcrumb


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
