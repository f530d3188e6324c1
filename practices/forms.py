"""The organisers' session form in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminModelForm

from practices.models import TrainingSession
from practices.registrations import organised_offers

# What an organiser may change. `seats_taken` and `is_cancelled` belong to
# `practices.registrations`, which changes them under a row lock.
SESSION_FIELDS = ["offer", "starts_at", "ends_at", "place", "seats"]


class TrainingSessionForm(WagtailAdminModelForm):
    class Meta:
        model = TrainingSession
        fields = SESSION_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "offer" in self.fields:
            self.fields["offer"].queryset = organised_offers(self.for_user).order_by("title")

    def save(self, commit=True):
        session = super().save(commit=False)
        if commit:
            if session._state.adding:
                session.save()
            else:
                # A full save would write back the seat counter read when the form
                # was opened, undoing registrations made in the meantime.
                session.save(update_fields=SESSION_FIELDS)
        return session
