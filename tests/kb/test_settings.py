"""Production settings refuse unsafe values and pass Django's deployment checks.

Each case runs `manage.py check --deploy` in a fresh process: settings are read
once at start-up, exactly as a production server would read them.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

MANAGE_PY = Path(__file__).resolve().parents[2] / "manage.py"
# What a production server would not inherit from this test process; the browser
# harness sets DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses.
NOT_INHERITED = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)
GOOD_SECRET_KEY = secrets.token_urlsafe(50)
HOST = "kb.exemple.fr"
SITE_URL = f"https://{HOST}"


def manage_in_production(*arguments, **variables):
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(DJANGO_SETTINGS_MODULE="kb.settings.production", **variables)
    return subprocess.run(
        [sys.executable, MANAGE_PY, *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_deploy(**variables):
    return manage_in_production("check", "--deploy", "--fail-level", "WARNING", **variables)


def test_production_settings_pass_deployment_checks():
    result = check_deploy(SECRET_KEY=GOOD_SECRET_KEY, ALLOWED_HOSTS=HOST, SITE_URL=SITE_URL)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("variables", "problem"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "trop-court"}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"SITE_URL": None}, "SITE_URL"),
        ({"SITE_URL": "kb.exemple.fr"}, "SITE_URL"),
        ({"SITE_URL": "https://kb.exemple.fr/base/"}, "SITE_URL"),
    ],
    ids=[
        "default-secret-key",
        "short-secret-key",
        "debug-on",
        "no-allowed-hosts",
        "no-site-url",
        "site-url-without-scheme",
        "site-url-with-a-path",
    ],
)
def test_production_settings_refuse_unsafe_values(variables, problem):
    variables = {
        "SECRET_KEY": GOOD_SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": SITE_URL,
        **variables,
    }
    result = check_deploy(**{name: value for name, value in variables.items() if value is not None})

    assert result.returncode != 0
    assert problem in result.stderr


HARDENING_PROBE = """
import json
from django.conf import settings
policy = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
print(json.dumps({
    "secure_cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,
                       settings.LANGUAGE_COOKIE_SECURE],
    "script_only_cookies": [settings.SESSION_COOKIE_HTTPONLY, settings.CSRF_COOKIE_HTTPONLY],
    "same_site": [settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SAMESITE],
    "hsts_seconds": settings.SECURE_HSTS_SECONDS,
    "https_redirect": settings.SECURE_SSL_REDIRECT,
    "script_src": policy["script-src"],
    "frame_ancestors": policy["frame-ancestors"],
    "upgrade_insecure_requests": policy.get("upgrade-insecure-requests"),
    "first_backend": settings.AUTHENTICATION_BACKENDS[0],
    "middleware": settings.MIDDLEWARE,
    "admin_login": settings.WAGTAILADMIN_LOGIN_URL,
}))
"""


def test_production_settings_keep_cookies_headers_and_sign_in_hardened():
    result = manage_in_production(
        "shell",
        "-c",
        HARDENING_PROBE,
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        SITE_URL=SITE_URL,
    )

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["secure_cookies"] == [True, True, True]
    assert values["script_only_cookies"] == [True, True]
    assert values["same_site"] == ["Lax", "Lax"]
    assert values["hsts_seconds"] >= 31_536_000
    assert values["https_redirect"] is True
    assert values["script_src"] == ["'self'"]
    assert values["frame_ancestors"] == ["'none'"]
    assert values["upgrade_insecure_requests"] is True
    assert values["first_backend"] == "axes.backends.AxesStandaloneBackend"
    assert "kb.security.StaffTwoFactorMiddleware" in values["middleware"]
    assert values["middleware"][-1] == "axes.middleware.AxesMiddleware"
    assert values["admin_login"] == "account_login"


SITE_URL_PROBE = """
import json
from django.conf import settings
print(json.dumps([settings.WAGTAILADMIN_BASE_URL, settings.WAGTAILAPI_BASE_URL,
                  settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL]))
"""


def test_the_public_address_feeds_wagtail_and_allauth():
    result = manage_in_production(
        "shell",
        "-c",
        SITE_URL_PROBE,
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        SITE_URL="https://kb.example.test:8443/",
    )

    assert result.returncode == 0, result.stderr
    admin, api, protocol = json.loads(result.stdout.strip().splitlines()[-1])
    assert admin == api == "https://kb.example.test:8443"
    assert protocol == "https"


CLIENT_IP_PROBE = """
import json
from django.conf import settings
print(json.dumps([settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER, settings.AXES_CLIENT_IP_CALLABLE]))
"""


def test_the_proxys_address_header_feeds_the_sign_in_limits_and_the_lock_out():
    result = manage_in_production(
        "shell",
        "-c",
        CLIENT_IP_PROBE,
        SECRET_KEY=GOOD_SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        SITE_URL=SITE_URL,
        CLIENT_IP_HEADER="X-Real-IP",
    )

    assert result.returncode == 0, result.stderr
    header, axes_address = json.loads(result.stdout.strip().splitlines()[-1])
    assert header == "X-Real-IP"
    assert axes_address == "kb.security.client_ip"
