from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Pratiques capitalisées")

    def ready(self):
        # The observatory's figures follow publications and indicator readings.
        from practices import signals  # noqa: F401
        from practices.observatory import measurements  # noqa: F401
