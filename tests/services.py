"""Deciding what a test does when a service it needs is missing."""

import os

import pytest


def require_service(available: bool, reason: str) -> None:
    """Skip the test on a developer's machine, fail it in CI.

    A developer without Chromium or a search engine can still run the rest of
    the suite, but CI provisions every service: a missing one there means the
    provisioning broke, and skipping would hide it behind a green run.
    """
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)
