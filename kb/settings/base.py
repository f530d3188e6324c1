"""Settings shared by every environment, read from environment variables.

Every value has a safe development default so that `make run` works on a fresh
machine with SQLite and the database search backend. `kb.settings.production`
refuses the defaults that are only safe on a developer's laptop.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The one address the public reaches the site at, scheme, host and port, without a
# path: every absolute link starts with it (e-mails, PDFs, API, feeds, sitemap, open
# data, the admin's e-mails, the Wagtail site's page addresses; see kb.site_url),
# whatever host a request came through.
DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"
SITE_URL = env.str("SITE_URL", default=DEVELOPMENT_SITE_URL).rstrip("/")


def check_site_url(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
        raise ImproperlyConfigured(
            f"SITE_URL must be scheme://host[:port], such as https://kb.example.fr, not {url!r}."
        )
    return url


check_site_url(SITE_URL)

INSTALLED_APPS = [
    "kb",
    "practices",
    "forums",
    "search",
    "website",
    "demo",
    "django_tasks",
    "django_tasks_db",
    "mailer",
    "dsfr",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "widget_tweaks",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kb.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which answers static files itself, already compressed; above the
    # page cache, which keeps pages as they are and answers every encoding from them.
    "kb.compression.TextCompressionMiddleware",
    # Answers "not modified" to a browser or proxy that has the page's ETag.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the session, CSRF and message middleware: it sees the cookies they set.
    "kb.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kb.security.StaffTwoFactorMiddleware",
    "kb.url_numbers.OutOfRangeIdMiddleware",
    "kb.admin_input.MalformedAdminInputMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "kb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "forums.context_processors.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Each process keeps its connection from one request to the next: opening one costs
# more than most pages' queries (SQLite reads the whole schema again, PostgreSQL
# authenticates). `?conn_max_age=0` in DATABASE_URL closes it after each request,
# behind a PgBouncer for instance.
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The site and the job workers write to one file: a transaction takes the write
    # lock when it begins and waits for it, instead of failing with "database is
    # locked" when a reader turns writer while a worker claims a job.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: pages kept for signed-out visitors (kb.page_cache), related
# items, sign-in rate limits. Files by default, which every process of one machine
# shares; Redis or Memcached for several machines (docs/exploitation.md), e.g.
# CACHE_URL=rediscache://127.0.0.1:6379/1.
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / '.django-cache'}")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache":
    # Past this many files, a third of them chosen at random is removed: room for
    # every page of the site in each language.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 50_000)
# How long a page is kept for signed-out visitors (kb.page_cache); 0 keeps none.
# Pages change with publications, which drop them at once, not with time, except
# what a date decides (a training's next session): that is at most this late.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=10 * 60)
# How long a proxy or CDN may serve a signed-out visitor's page without asking
# again; 0 (the default) makes it revalidate each time with the ETag, which stays
# correct without purging it on publication (docs/exploitation.md).
PROXY_CACHE_SECONDS = env.int("PROXY_CACHE_SECONDS", default=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out person is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts: sign-in by e-mail, which must be verified before the first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_SIGNUP_FORM_CLASS = "kb.forms.ProfileSignupForm"
ACCOUNT_USER_DISPLAY = "kb.models.profiles.user_display_name"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Changing one's e-mail address asks for the password again; so does setting up a second
# factor (allauth.mfa). The current password of the change-password form is checked the
# same way: all count with the sign-in's failures (kb.security.confirms_password).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_FORMS = {"change_password": "kb.account_forms.ChangePasswordForm"}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = urlsplit(SITE_URL).scheme
ACCOUNT_ADAPTER = "kb.account_adapter.AccountAdapter"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "profile"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Wagtail's admin signs in through allauth, so that the second factor applies there too.
WAGTAILADMIN_LOGIN_URL = "account_login"
# And so do pages restricted to signed-in people: Wagtail's /_util/login/ is never used.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"

# Two-factor authentication: an authenticator app (TOTP) and single-use recovery
# codes. Staff must set it up before they reach the admin or moderation (kb.security).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Pair-émulation médico-sociale"

# The request header in which the proxy in front of the site gives the visitor's
# address (docs/exploitation.md: nginx sets X-Real-IP, replacing any the visitor sent).
# Empty, the address is the connection's: behind a proxy that would be the proxy's,
# and every visitor would share one sign-in rate limit and one lock-out address.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = CLIENT_IP_HEADER or None
AXES_CLIENT_IP_CALLABLE = "kb.security.client_ip"

# Sign-in lock-out (django-axes), on allauth's form, the only one the site accepts.
# Failures count per account *and* address: a whole establishment often goes out
# through one address, and one person's typos must not lock their colleagues out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "kb.security.sign_in_identifier"
AXES_RESET_ON_SUCCESS = True
# Only failures are kept, for the lock-out: a record of every sign-in would be
# personal data with no use here.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "kb.security.lockout_response"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["kb.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Forum attachments live outside MEDIA_ROOT: only a view that checks who may read
# the post serves them, never the web server.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
# `manage.py backup_site` writes its dated archives here (database and both media folders).
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "backups")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# django-dsfr puts a Subresource Integrity hash of its own copy of the DSFR files on
# their <link> and <script> tags. In production the manifest storage rewrites the
# url()s inside dsfr.min.css and utility.min.css, so the browser hashes different
# bytes and refuses the stylesheets: every page goes unstyled. The hash is dropped
# rather than recomputed: integrity guards a file fetched from someone else's
# server, and these come from ours, in the same release as the page that names
# them (whoever could alter one could alter the other). Nothing to keep in step
# with the storage, the collected files or a DSFR upgrade.
DSFR_USE_INTEGRITY_CHECKSUMS = False

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Mail is written to a queue in the database, in the transaction that sends it,
# and a background job hands it to the real backend (kb.tasks).
MAILER_EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_BACKEND = "kb.tasks.QueuedEmailBackend"
# Workers take messages with row locks, not a lock file on one machine.
MAILER_USE_FILE_LOCK = False
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ne-pas-repondre@kb.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# django-dsfr shows alerts and other components as they are given: their text is
# escaped unless it was built as safe HTML (format_html), since messages carry
# names and titles that people typed.
DSFR_CONTENT_IS_SAFE = False

WAGTAIL_SITE_NAME = _("Pair-émulation et capitalisation médico-sociale")
WAGTAILADMIN_BASE_URL = SITE_URL
# The editorial workflow's mails come in text and HTML, like every mail of the site (kb.mail).
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# Page addresses in plain ASCII: « évaluation » gives /evaluation/, not /%C3%A9valuation/.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin's avatars are the ones people upload, else Wagtail's default picture: no
# request to Gravatar, which the Content-Security-Policy blocks anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's own search (the admin's listings and choosers), whose SQLite flavour
# otherwise fails on a double quote: kb.admin_search.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "kb.admin_search"}}

# Background jobs (mail, search outbox, PDFs, rebuilds, observatory figures) are
# stored in the database and run by `manage.py db_worker`: no broker to install.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        # kb.background_jobs.QUEUES: search updates have a worker of their own.
        "QUEUES": ["default", "search"],
    }
}

# The read-only API (website.api) gives rich text as the site shows it, links resolved.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = SITE_URL

# Public search: empty SEARCH_URL means the database backend; otherwise
# opensearch+http://host:port or elasticsearch+https://host:port.
SEARCH_URL = env.str("SEARCH_URL", default="")
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=5.0)
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="kb-content")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents always go through Wagtail's view, which checks private collections and
# sends nosniff; never a redirect to /media/ (the web server must not serve
# MEDIA_ROOT/documents either). Types are fixed here rather than guessed from the
# machine's MIME tables; only PDF and plain text open in the browser, the rest download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kb.document_forms.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
TAGGIT_CASE_INSENSITIVE = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Response headers on every page, feed, API answer, document and error.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Video players that seminar pages may embed (the player's HTML is stored when the
# page is saved); a PeerTube instance is added through CSP_EXTRA_FRAME_SOURCES.
VIDEO_PLAYER_ORIGINS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
    *env.list("CSP_EXTRA_FRAME_SOURCES", default=[]),
]
# The public site runs no inline script nor style: every script is a static file
# (JSON data blocks are not executed). Wagtail's admin gets a wider policy, see
# kb.security.ContentSecurityPolicyMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # allauth shows the authenticator's QR code as a data: image.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# How long, in days, the site keeps what it records before `manage.py purge_expired_data`
# deletes it or removes the person from it (kb.retention; docs/donnees-personnelles.md).
DATA_RETENTION_DAYS = {
    "unverified_accounts": 30,  # after sign-up, address never confirmed
    "read_notifications": 365,  # after being read
    "sent_mails": 30,  # the spaces' mail log, only there for the daily cap
    "post_revisions": 365,  # a post's text before an edit, for moderators
    "training_registrations": 3 * 365,  # after the session's end, then anonymous
    "zero_result_queries": 365,  # after the last time the query was typed
    "finished_tasks": 30,  # background job results, after they finished
    "expired_sessions": 0,  # after their expiry date
    "sign_in_attempts": 30,  # failed sign-ins (django-axes), far beyond the lock-out time
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
