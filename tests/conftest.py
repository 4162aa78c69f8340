"""Shared fixtures: every test gets its own data folder and database.

``database`` runs each database-facing test twice: on a SQLite file and on a real
PostgreSQL server started for the run (team mode). Tests about SQLite files as such ask
for ``sqlite_database``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.database import Database, open_database

SAMPLES = Path(__file__).parent / "data" / "samples"
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder, so no test touches the user's real database or logs."""
    home = tmp_path / "home"
    monkeypatch.setenv("CONTRACTDESK_HOME", str(home))
    monkeypatch.delenv("CONTRACTDESK_DB", raising=False)
    return home


# taken before any test points tempfile elsewhere (a private folder the postgres user
# cannot enter), as the server may first be needed by such a test
SYSTEM_TEMP = tempfile.gettempdir()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """The run's PostgreSQL server; skipped where none can be started, unless the test
    command demands it (``CONTRACTDESK_REQUIRE_PG=1``, as ``scripts/test`` sets)."""
    from tests.pg_server import PgServer

    try:
        server = PgServer(SYSTEM_TEMP)
        server.start()
    except Exception as error:
        if os.environ.get("CONTRACTDESK_REQUIRE_PG") == "1":
            raise
        pytest.skip(f"no PostgreSQL server: {error}")
    yield server
    server.stop()


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, so file modes are what users get."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database file, copied for each test instead of migrating each time."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture
def migrated_db_path(db_path: Path, sqlite_template: Path) -> Path:
    shutil.copyfile(sqlite_template, db_path)
    return db_path


@pytest.fixture
def sqlite_database(migrated_db_path: Path) -> Iterator[Database]:
    db = open_database(migrated_db_path)
    yield db
    db.close()


@pytest.fixture
def db_target(request: pytest.FixtureRequest, db_path: Path) -> str:
    """What ``--db`` would be given: a SQLite path or a PostgreSQL URL."""
    if request.param == "postgres":
        server = request.getfixturevalue("pg_server")
        return str(server.new_database())
    return str(request.getfixturevalue("migrated_db_path"))


@pytest.fixture
def database(db_target: str) -> Iterator[Database]:
    db = open_database(db_target)
    yield db
    db.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_target" in metafunc.fixturenames:
        metafunc.parametrize("db_target", ["sqlite", pytest.param(
            "postgres", marks=pytest.mark.postgres)], indirect=True)


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    """A session in an open transaction, rolled back after the test."""
    with database.session("cli") as session, session.begin():
        yield session
        session.rollback()


@pytest.fixture
def sample_database(database: Database) -> Database:
    """The database filled with ``contractdesk sample``'s data as of :data:`TODAY`."""
    from contractdesk.services.sample import fill_sample

    with database.transaction("cli") as session:
        fill_sample(session, TODAY)
    return database
