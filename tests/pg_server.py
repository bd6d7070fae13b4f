"""A throwaway PostgreSQL server for the tests, and the fixture that runs a test on both
SQLite and PostgreSQL.

The server is Debian's (or any) ``initdb`` and ``pg_ctl`` run in a temporary folder on a
free port of 127.0.0.1, trust authentication, C collation (so text sorts as in SQLite).
PostgreSQL refuses to run as root: as root, the commands run as the ``postgres`` user the
package creates, else as an unprivileged user created for the purpose. The server is
stopped and its folder removed when the test session ends (and at interpreter exit, should
the session be cut short). Every test gets a database of its own.

``database`` is the parametrised fixture: a database target (an SQLite file path or a
``postgresql://`` URL) for a fresh, empty store.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from system_requirements import unavailable

SERVER_USER = "eventledger-pg"
SUPERUSER = "eventledger"
_counter = itertools.count(1)


def postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest version installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_account() -> pwd.struct_passwd | None:
    """Whom to run the server as: None for the current (non-root) user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", SERVER_USER):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    SERVER_USER], check=True, capture_output=True)
    return pwd.getpwnam(SERVER_USER)


class PostgresServer:
    """One server: :meth:`start`, :meth:`create_database`, :meth:`stop`."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.port = free_port()
        self.account = _server_account()
        self.folder = Path(tempfile.mkdtemp(prefix="eventledger-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.running = False

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        options: dict = {}
        if self.account is not None:
            options = {"user": self.account.pw_uid, "group": self.account.pw_gid,
                       "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C",
               "HOME": str(self.folder)}
        return subprocess.run(list(args), check=True, capture_output=True, text=True,
                              env=env, cwd=self.folder, timeout=120, **options)

    def start(self) -> None:
        if self.account is not None:
            os.chown(self.folder, self.account.pw_uid, self.account.pw_gid)
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
                  "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={self.folder} -c fsync=off "
                   f"-c max_connections=100")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                  "-o", options, "-w", "-t", "60", "start")
        self.running = True

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.running:
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                          "-w", "stop")
            except (subprocess.SubprocessError, OSError):
                pass
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)


_server: PostgresServer | None = None


def postgres() -> PostgresServer:
    """The session's server, started on first use."""
    global _server
    if _server is None:
        bindir = postgres_bin()
        if bindir is None:
            unavailable("PostgreSQL is not installed (no initdb); tools/system-deps.sh "
                        "installs it")
        try:
            import psycopg  # noqa: F401
        except ImportError:
            unavailable("psycopg is not installed (pip install 'psycopg[binary]')")
        server = PostgresServer(bindir)
        try:
            server.start()
        except (subprocess.SubprocessError, OSError) as exc:
            detail = getattr(exc, "stderr", "") or ""
            server.stop()
            unavailable(f"could not start a PostgreSQL server: {exc} {detail}".strip())
        atexit.register(server.stop)
        _server = server
    return _server


@pytest.fixture(scope="session")
def postgres_server():
    server = postgres()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    """A target for a fresh store: an SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return request.getfixturevalue("postgres_server").create_database()
