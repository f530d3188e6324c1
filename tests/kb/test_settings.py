"""Production settings refuse unsafe values and pass Django's deployment checks.

Each case runs `manage.py check --deploy` in a fresh process: settings are read
once at start-up, exactly as a production server would read them.
"""

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
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)
GOOD_SECRET_KEY = secrets.token_urlsafe(50)
HOST = "kb.exemple.fr"


def check_deploy(**variables):
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(DJANGO_SETTINGS_MODULE="kb.settings.production", **variables)
    return subprocess.run(
        [sys.executable, MANAGE_PY, "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_deployment_checks():
    result = check_deploy(SECRET_KEY=GOOD_SECRET_KEY, ALLOWED_HOSTS=HOST)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("variables", "problem"),
    [
        ({"ALLOWED_HOSTS": HOST}, "SECRET_KEY"),
        ({"SECRET_KEY": "trop-court", "ALLOWED_HOSTS": HOST}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_SECRET_KEY, "ALLOWED_HOSTS": HOST, "DEBUG": "true"}, "DEBUG"),
        ({"SECRET_KEY": GOOD_SECRET_KEY}, "ALLOWED_HOSTS"),
    ],
    ids=["default-secret-key", "short-secret-key", "debug-on", "no-allowed-hosts"],
)
def test_production_settings_refuse_unsafe_values(variables, problem):
    result = check_deploy(**variables)

    assert result.returncode != 0
    assert problem in result.stderr
