"""Security rules that cover whole areas of the site rather than one view.

- The Content-Security-Policy: strict on the public site, wider in Wagtail's admin.
- Staff set up two-factor authentication before they reach the admin or moderation.
  Beyond the admin, each app says on its AppConfig which permissions call for a
  second factor (`second_factor_permissions`) and which of its views ask for it
  (`second_factor_views`).
- One sign-in form, allauth's: Wagtail's own would skip the second factor.
- The identifier that django-axes counts sign-in failures against, and the password
  checks of sensitive actions that count with them.
"""

from allauth.account.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kb.discovery import declared
from kb.navigation import next_url

# Wagtail's admin writes inline scripts and styles (widgets, panels, the page
# editor) and frames its own preview: it is only reached by signed-in staff who
# went through two-factor authentication, so it gets these directives instead of
# the public ones. The public site stays without 'unsafe-inline'.
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}

SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
# The session key of the address a staff member was going to when sent to set up a second factor.
AFTER_SECOND_FACTOR_SET_UP = "kb_after_second_factor_set_up"


def admin_prefix():
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's directives under the admin's prefix."""

    @cached_property
    def admin_prefix(self):
        return admin_prefix()

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(self.admin_prefix):
            return PolicyParts(parts.config, parts.update, ADMIN_POLICY | (parts.replace or {}))
        return parts


def must_use_second_factor(user):
    """Editors, moderators, administrators: anyone who reaches the admin or moderates."""
    return user.is_authenticated and (
        user.is_superuser
        or user.is_staff
        or user.has_perm("wagtailadmin.access_admin")
        or any(user.has_perm(permission) for permission in declared("second_factor_permissions"))
    )


def has_second_factor(user):
    return is_mfa_enabled(user, types=SECOND_FACTORS)


class StaffTwoFactorMiddleware:
    """Send staff without a second factor to set one up before the admin or moderation.

    Signing in through allauth asks for the code of whoever has one, so a staff
    member who reaches these views has used it. Wagtail's own sign-in form is
    turned into allauth's, which is the only one that asks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    @cached_property
    def admin_prefix(self):
        return admin_prefix()

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.view_name == "wagtailadmin_login":
            return redirect_to_login(next_url(request, self.admin_prefix))
        if match.view_name == "wagtailadmin_logout":
            return None
        in_admin = request.path_info.startswith(self.admin_prefix)
        if (
            in_admin
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            # Wagtail would send them to sign in again, and allauth, seeing them
            # signed in, straight back here.
            raise PermissionDenied
        guarded = in_admin or match.view_name in declared("second_factor_views")
        if guarded and must_use_second_factor(request.user) and not has_second_factor(request.user):
            messages.warning(
                request,
                _(
                    "Pour accéder à l’administration ou à la modération, activez d’abord "
                    "la double authentification avec une application d’authentification."
                ),
            )
            # allauth's set-up ends on the recovery codes, which offer to go on from here.
            request.session[AFTER_SECOND_FACTOR_SET_UP] = request.get_full_path()
            return redirect(
                f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}"
            )
        return None


def client_ip(request):
    """The visitor's address, read as allauth's rate limits read it
    (`ALLAUTH_TRUSTED_CLIENT_IP_HEADER`): from the proxy's header when
    `CLIENT_IP_HEADER` names one, else from the connection."""
    header = settings.CLIENT_IP_HEADER
    return (header and request.headers.get(header)) or request.META.get("REMOTE_ADDR")


def sign_in_identifier(request, credentials):
    """The account a sign-in attempt names, whichever form it came from.

    allauth authenticates with `email=` (its form field is `login`); a username
    only ever comes from Django's own `username` credential.
    """
    credentials = credentials or {}
    identifier = (
        credentials.get("email")
        or credentials.get("username")
        or request.POST.get("login")
        or request.POST.get("username")
        or ""
    )
    return identifier.strip().lower()


def confirms_password(user, password):
    """Whether `password` is `user`'s, asked to confirm a sensitive action.

    Closing the account, changing the password, and allauth's re-authentication
    (before an e-mail change or a second factor set-up) all check it the way the
    sign-in does, through django-axes: their failures count with the sign-in's,
    and once the account is locked out even the right password is refused and
    the lock-out page is shown.
    """
    return get_adapter().reauthenticate(user, password)


def lockout_response(request, original_response, credentials):
    """The page shown instead of the sign-in form while an account is locked out."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)),
    }
    return render(request, "account/lockout.html", context, status=429)
