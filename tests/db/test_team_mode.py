"""Team mode: two people on one database, and a PostgreSQL server's failure modes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from contractdesk.cli import EXIT_USER_ERROR, main
from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement, Change, Organization
from contractdesk.errors import ConflictError, DatabaseError, translate_errors
from contractdesk.services import records


def test_second_save_of_a_stale_record_is_refused(database: Database) -> None:
    with database.transaction("ui") as session:
        records.create(session, Agreement, contract_number="A-1", currency="EUR",
                       cost=Decimal("100.00"))
    alice, bob = database.session("ui"), database.session("ui")
    mine = alice.scalars(select(Agreement)).one()
    theirs = bob.scalars(select(Agreement)).one()
    records.update(alice, mine, cost=Decimal("110.00"))
    alice.commit()
    with pytest.raises(ConflictError, match="changed by someone else"), translate_errors():
        records.update(bob, theirs, cost=Decimal("999.00"))
    bob.rollback()
    alice.close()
    bob.close()
    with database.session("ui") as session:
        assert session.scalars(select(Agreement.cost)).one() == Decimal("110.00")


def test_two_people_creating_the_same_organization(database: Database) -> None:
    alice, bob = database.session("ui"), database.session("ui")
    # Bob's duplicate check ran before Alice committed, so it passed: simulate that by
    # adding his record directly; only the database's own constraint can stop him now.
    bob.add(Organization(name="BECHTLE "))
    records.create(alice, Organization, name="Bechtle")
    alice.commit()
    with pytest.raises(ConflictError, match="duplicate"), translate_errors():
        bob.commit()
    bob.rollback()
    alice.close()
    bob.close()
    with database.session("ui") as session:
        assert session.scalars(select(Organization.name)).all() == ["Bechtle"]


def test_audit_names_the_user(db_target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTRACTDESK_USER", "p.vogel")
    database = open_database(db_target)
    with database.transaction("ui") as session:
        records.create(session, Organization, name="Cancom")
    with database.session("ui") as session:
        assert session.scalars(select(Change.user)).one() == "p.vogel"
    database.close()


@pytest.mark.postgres
def test_server_backup_is_a_json_export(pg_server: object, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_server.new_database()  # type: ignore[attr-defined]
    assert main(["--db", url, "sample"]) == 0
    target = tmp_path / "server.json"
    assert main(["--db", url, "backup", "-o", str(target)]) == 0
    assert "JSON export" in capsys.readouterr().out
    assert len(json.loads(target.read_text())["agreements"]) == 18


@pytest.mark.postgres
def test_check_reports_server_version(pg_server: object,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_server.new_database()  # type: ignore[attr-defined]
    assert main(["--db", url, "check"]) == 0
    out = capsys.readouterr().out
    assert "PostgreSQL" in out and "Schema revision:" in out


@pytest.mark.postgres
@pytest.mark.parametrize(("mangle", "message"), [
    (lambda url, port: url.rsplit("/", 1)[0] + "/no_such_db", "does not exist"),
    (lambda url, port: url.replace(f":{port}", ":1"), "cannot be reached"),
    (lambda url, port: url.replace("postgres@", "nobody@"), "user named in the URL"),
])
def test_server_errors_are_one_clear_line(pg_server: object, mangle: object, message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    url = mangle(pg_server.url("postgres"), pg_server.port)  # type: ignore[attr-defined,operator]
    with pytest.raises(DatabaseError, match=message):
        open_database(url)
    assert main(["--db", url, "check"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_unknown_driver_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "oracle+nosuchdriver://x@y/z", "check"]) == EXIT_USER_ERROR
    assert "not a database URL ContractDesk can use" in capsys.readouterr().err


def test_a_missing_required_value_is_a_bug_not_a_duplicate(database: Database) -> None:
    """Only clashes another writer can cause become a message; a NOT NULL failure means
    a service let a record through unchecked, and must reach the crash log as one."""
    with pytest.raises(IntegrityError) as raised, translate_errors(), \
            database.transaction("ui") as session:
        session.add(Agreement(contract_number="N-1"))  # no currency
    assert not isinstance(raised.value, ConflictError)
