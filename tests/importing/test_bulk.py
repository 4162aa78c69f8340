"""The driver-level INSERT stores values exactly as SQLAlchemy would."""

import datetime as dt

from sqlalchemy import insert

from contractdesk.db.database import Database
from contractdesk.db.models import Change
from contractdesk.domain.enums import ChangeAction
from contractdesk.importing.apply import CHANGES
from contractdesk.importing.bulk import insert_rows

ON_THE_HOUR = dt.datetime(2026, 1, 1, 12, 0, 0)  # no microseconds: where formats differ


def _row(source: str) -> dict[str, object]:
    return {"at": ON_THE_HOUR, "source": source, "user": "u", "entity": "agreement",
            "entity_id": 1, "label": "C-1", "action": ChangeAction.CREATE, "field": None,
            "old_value": None, "new_value": "{}"}


def test_bulk_rows_read_back_like_orm_rows(database: Database) -> None:
    with database.transaction("test") as session:
        insert_rows(session.connection(), CHANGES, [_row("bulk")])
        session.execute(insert(Change), [_row("orm")])
    with database.engine.connect() as connection:
        stored: dict[str, str] = dict(connection.exec_driver_sql(
            "SELECT source, CAST(at AS TEXT) || '/' || action FROM change").all())
    assert stored["bulk"] == stored["orm"]
