"""Stopping the spaces' e-mails in one click, from a signed link in each of them (RFC 8058)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext

from forums.models import NotificationSettings
from kb.mail import Subscription
from kb.site_url import absolute

UNSUBSCRIBE_SALT = "forums.unsubscribe"


def unsubscribe_token(user):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(user.pk))


def user_for_token(token):
    try:
        user_id = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=user_id).first()


def unsubscribe(user):
    """Stop every e-mail from the spaces, moderators' alerts included; the in-site
    notifications and counts stay."""
    NotificationSettings.objects.update_or_create(
        user=user,
        defaults={
            "digest": NotificationSettings.Digest.NEVER,
            "immediate": False,
            "moderation_alerts_at_once": False,
        },
    )


def subscription_of(user):
    """The footer of the spaces' mails to `user`: why they get it, how to stop it."""
    return Subscription(
        why=gettext(
            "Vous recevez ce message parce que vous participez aux espaces de pair-émulation."
        ),
        unsubscribe_url=absolute(reverse("forums:unsubscribe", args=[unsubscribe_token(user)])),
        settings_url=absolute(reverse("forums:notification_settings")),
    )
