"""allauth's account adapter: its e-mails in the site's family of mails, links on the public
address, people back where they started once they have an account, and no second password
prompt right after signing in."""

import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.account.utils import get_next_redirect_url
from allauth.core import context

from kb.mail import compose
from kb.site_url import on_site

# Where someone was going when they signed up: kept in their session through the e-mail
# confirmation, until they first sign in.
RETURN_TO = "kb.return_to"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        return_to = get_next_redirect_url(request)
        if return_to:
            request.session[RETURN_TO] = return_to
        return user

    def get_login_redirect_url(self, request):
        return request.session.pop(RETURN_TO, None) or super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        # allauth builds its links (activate_url, password_reset_url, signup_url...)
        # on the host the request came through; a proxy on loopback would leak there.
        context = {
            name: on_site(value) if name.endswith("_url") and is_absolute(value) else value
            for name, value in context.items()
        }
        super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's subject and text (templates/account/email/) inside the site's greeting,
        signature and HTML part."""
        written = super().render_mail(template_prefix, email, context, headers=headers)
        user = context.get("user")
        return compose(
            written.to,
            written.subject,
            written.body,
            name=getattr(user, "first_name", ""),
            headers=headers,
        )

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
