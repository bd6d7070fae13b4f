"""Skip a test whose system program is missing, or fail it where CI requires it.

`make test` installs PostgreSQL and Chromium when it can (tools/system-deps.sh). Where it
cannot, the tests that drive them skip with one line saying why; CI sets
EVENTLEDGER_REQUIRE_SYSTEM_TESTS=1 so that such a test fails instead of skipping.
"""

from __future__ import annotations

import os

import pytest

REQUIRE_ENV = "EVENTLEDGER_REQUIRE_SYSTEM_TESTS"


def required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def unavailable(why: str) -> None:
    """Skip the current test (or fixture) with ``why``; fail instead where CI requires it."""
    if required():
        pytest.fail(f"{why} ({REQUIRE_ENV} is set, so this test must run)", pytrace=False)
    pytest.skip(why)
