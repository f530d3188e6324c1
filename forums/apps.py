from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Espaces de pair-émulation")

    def ready(self):
        from forums import signals  # noqa: F401
