"""Shared fixtures: every test gets its own data folder and database."""

from __future__ import annotations

import datetime as dt
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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(db_path)
    yield db
    db.close()


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
