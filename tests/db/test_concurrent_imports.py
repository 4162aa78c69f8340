"""Two people importing at once on a shared server: no duplicate organizations."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Organization
from contractdesk.importing.service import ImportSummary, run_import
from contractdesk.services.progress import NO_PROGRESS, Progress
from tests.conftest import SAMPLES


class PauseAfterOrganizations:
    """Holds the first import's transaction open once its organizations are inserted,
    so the second one runs into them before they are committed."""

    def __init__(self) -> None:
        self.inserted = threading.Event()
        self.release = threading.Event()

    def update(self, done: int, total: int, message: str = "") -> None:
        if message.startswith("adding organizations") and not self.inserted.is_set():
            self.inserted.set()
            self.release.wait(timeout=30)


@pytest.mark.postgres
def test_two_imports_at_once_create_each_organization_once(pg_server: object,
                                                           tmp_path: Path) -> None:
    url = pg_server.new_database()  # type: ignore[attr-defined]
    first_db, second_db = open_database(url), open_database(url)
    pause = PauseAfterOrganizations()
    results: dict[str, ImportSummary | BaseException] = {}

    def run(name: str, database: Database, progress: Progress) -> None:
        try:
            results[name] = run_import(database, SAMPLES / "uk_supplier_register.xlsx",
                                       progress=progress)
        except BaseException as error:  # reported by the assertions below
            results[name] = error

    first = threading.Thread(target=run, args=("first", first_db, pause))
    first.start()
    assert pause.inserted.wait(timeout=30)
    second = threading.Thread(target=run, args=("second", second_db, NO_PROGRESS))
    second.start()
    second.join(timeout=2)  # blocked on the first one's uncommitted organizations
    pause.release.set()
    first.join(timeout=60)
    second.join(timeout=60)
    assert isinstance(results["first"], ImportSummary), results["first"]
    assert isinstance(results["second"], ImportSummary), results["second"]
    assert results["first"].created["agreements"] == 5
    assert results["second"].created["agreements"] == 0  # matched what the first made
    with first_db.session("cli") as session:
        names = session.scalars(select(Organization.name)).all()
    assert len(names) == len(set(names)) == 7
    first_db.close()
    second_db.close()
