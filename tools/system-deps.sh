#!/usr/bin/env bash
# Installs the system programs that some tests drive for real: a PostgreSQL server
# (initdb, pg_ctl) and a headless Chromium with its driver. `make test` calls it; where it
# cannot install (not root, no apt-get, no network), it says so in one line and the tests
# that need the missing program skip with a reason. CI sets
# EVENTLEDGER_REQUIRE_SYSTEM_TESTS=1, which turns those skips into failures.
set -u

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null \
    || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "system-deps: cannot install ${missing[*]} (needs root and apt-get); the tests that need them skip"
    exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "system-deps: apt-get could not install ${missing[*]}; the tests that need them skip"
fi
exit 0
