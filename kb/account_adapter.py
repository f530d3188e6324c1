"""allauth's account adapter: the links of its e-mails on the site's public address, and
no second password prompt right after signing in."""

import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context

from kb.site_url import on_site


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # allauth builds its links (activate_url, password_reset_url, signup_url...)
        # on the host the request came through; a proxy on loopback would leak there.
        context = {
            name: on_site(value) if name.endswith("_url") and is_absolute(value) else value
            for name, value in context.items()
        }
        super().send_mail(template_prefix, email, context)

    def is_reauthentication_required(self, *, app, **kwargs):
        # allauth counts only an explicit re-authentication: staff sent from the sign-in
        # to set up their second factor would type the password they just typed again.
        if signed_in_recently(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def signed_in_recently(request):
    """Whether this session's person typed their password (or a code) moments ago."""
    if request is None or not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    return any(
        record.get("method") in app_settings.REAUTHENTICATION_METHODS
        and time.time() - record.get("at", 0) < app_settings.REAUTHENTICATION_TIMEOUT
        for record in records
    )


def is_absolute(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))
