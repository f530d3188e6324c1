"""The site as production serves it: production settings and collected static files."""

import fcntl
import importlib
import secrets
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

SECRET_KEY = secrets.token_urlsafe(50)
# WhiteNoise gzips and brotli-compresses every collected file: two minutes of a
# test run that change no byte a browser reads once it has decoded them.
NOT_PRECOMPRESSED = [
    *("css", "js", "mjs", "map", "json", "svg", "md", "txt", "html", "xml", "scss"),
    *("woff", "woff2", "ttf", "eot", "otf", "ico", "png", "jpg", "jpeg", "gif", "webp"),
]


def production_settings(**variables):
    """`kb.settings.production` as it reads the environment `variables` (plus a secret key)."""
    variables = {
        "SECRET_KEY": SECRET_KEY,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "kb.example.test",
        "SITE_URL": "https://kb.example.test",
        **variables,
    }
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delitem(sys.modules, "kb.settings.production", raising=False)
        module = importlib.import_module("kb.settings.production")
        monkeypatch.delitem(sys.modules, "kb.settings.production")
    return module


def production_static_storages():
    return {**settings.STORAGES, "staticfiles": production_settings().STORAGES["staticfiles"]}


def collect_static(root):
    """Run `collectstatic` into `root` with the production storage (hashed names, manifest)."""
    with override_settings(
        STATIC_ROOT=root,
        STORAGES=production_static_storages(),
        WHITENOISE_SKIP_COMPRESS_EXTENSIONS=NOT_PRECOMPRESSED,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def collected_once(root):
    """`root` filled by `collect_static` unless an earlier process of the run did it.

    The manifest, written last, says the collection is whole: a process that died while
    collecting leaves none, and the next one collects again."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / "staticfiles.json").exists():
            collect_static(root)
    return root
