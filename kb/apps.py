from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KbConfig(AppConfig):
    name = "kb"
    verbose_name = _("Base de connaissances")

    def ready(self):
        from kb import signals  # noqa: F401
        from kb.content_version import new_content_version
        from kb.site_url import sync_default_site, use_site_url_for_the_default_site

        use_site_url_for_the_default_site()
        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="kb-sync-default-site")
        # A new or restored database: nothing kept from another one may be shown.
        post_migrate.connect(
            new_content_version, sender=self, dispatch_uid="kb-new-content-version"
        )
