from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Espaces de pair-émulation")
    # Site moderators (forums.permissions.MODERATE_ALL_SPACES) set up a second factor
    # before they reach the moderation views (kb.security.StaffTwoFactorMiddleware).
    second_factor_permissions = ["forums.moderate_all_spaces"]
    second_factor_views = [
        "forums:moderation",
        "forums:moderate_post",
        "forums:dismiss_report",
        "forums:moderate_topic",
        "forums:moderate_member",
    ]

    def ready(self):
        from forums import observatory_sources, signals  # noqa: F401
