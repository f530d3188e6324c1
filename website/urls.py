from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kb import views as kb_views
from practices import views as practices_views
from website.api import api_router
from website.sitemaps import SITEMAPS, robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("comptes/profil/", practices_views.ProfileView.as_view(), name="profile"),
    path(
        "comptes/profil/mes-donnees.json",
        kb_views.export_personal_data,
        name="export_personal_data",
    ),
    path("comptes/profil/suppression/", kb_views.close_account, name="close_account"),
    # Shadows allauth's own view at this address (kb.views.RecoveryCodesView).
    path("comptes/2fa/recovery-codes/", kb_views.RecoveryCodesView.as_view()),
    path("comptes/", include("allauth.urls")),
    path("recherche/", include("search.urls")),
    path("inscriptions/", include("practices.urls")),
    path("espaces/", include("forums.urls")),
    path("flux/", include("website.feed_urls")),
    path("donnees-ouvertes/", include("practices.open_data_urls")),
    path("observatoire/", include("practices.observatory.urls")),
    # Before Wagtail's own: every sign-in goes through allauth (kb.views).
    path("_util/login/", kb_views.page_privacy_sign_in, name="page_privacy_sign_in"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
