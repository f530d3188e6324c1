from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = _("Base de connaissances")

    def ready(self):
        from kb import signals  # noqa: F401
