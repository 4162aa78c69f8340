"""The command line, end to end through ``main()``: output contracts and error paths."""

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from icalendar import Calendar

from contractdesk import __version__
from contractdesk.cli import EXIT_BUG, EXIT_USER_ERROR, main
from contractdesk.domain.notice_rules import notice_deadline
from contractdesk.domain.status import Term, derive_status


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_db(db_target: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(capsys, "--db", db_target, "sample")
    assert code == 0, out
    return db_target


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_sample_then_export_gives_the_json_contract(sample_db: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]
                                                    ) -> None:
    target = tmp_path / "x.json"
    code, _, err = run(capsys, "export", "-o", str(target), "--db", sample_db)
    assert code == 0, err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "contractdesk" and document["version"] == 1
    assert len(document["organizations"]) >= 8
    assert len(document["contacts"]) >= 6
    assert len(document["purchases"]) >= 8
    assert sum(1 for i in document["items"] if i["serial_number"]) >= 10
    agreements = document["agreements"]
    assert len(agreements) >= 15
    assert len({a["kind"] for a in agreements}) >= 4
    assert any(a["reseller"] is None for a in agreements)
    assert any(a["reseller"] for a in agreements)
    units = {a["notice_period"][-1] for a in agreements if a["notice_period"]}
    assert {"D", "W", "M"} <= units
    today = dt.date.today()
    renewed = {a["renewal_of"] for a in agreements if a["renewal_of"]}
    for a in agreements:  # derived values recomputed independently of the exporter
        end = dt.date.fromisoformat(a["end_date"]) if a["end_date"] else None
        start = dt.date.fromisoformat(a["start_date"]) if a["start_date"] else None
        renews = a["auto_renew"] and not a["cancelled"]
        deadline = notice_deadline(end, a["notice_period"], renews=renews)
        assert a["notice_deadline"] == (deadline.isoformat() if deadline else None)
        if not renews:  # a term that simply ends needs no notice
            assert a["notice_deadline"] is None, a["contract_number"]
        expected = derive_status(Term(start, end, deadline, a["cancelled"],
                                      a["contract_number"] in renewed), today)
        assert a["status"] == expected.value, a["contract_number"]
    assert any(a["notice_period"] and a["end_date"] and not a["auto_renew"]
               for a in agreements)  # so the None deadlines above were put to the test
    assert any(a["notice_deadline"] for a in agreements)
    assert {a["status"] for a in agreements} == {"upcoming", "active", "notice_due",
                                                 "expiring", "expired", "cancelled",
                                                 "renewed"}
    money = [a["cost"] for a in agreements if a["cost"] is not None]
    assert all(isinstance(m, str) and m.count(".") == 1 and len(m.split(".")[1]) == 2
               for m in money)
    by_number = {a["contract_number"]: a for a in agreements}
    assert by_number["DELL-PS-4471"]["serial_numbers"] == ["7HG2KM3", "7HG2KM4", "7HG2KM5"]


def test_renewals_json_and_calendar(sample_db: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    ics = tmp_path / "r.ics"
    code, out, err = run(capsys, "--db", sample_db, "renewals", "--within", "120", "--json",
                         "--ics", str(ics))
    assert code == 0, err
    report = json.loads(out)
    entries = report["renewals"]
    assert report["within_days"] == 120
    dues = [e["due"] for e in entries]
    assert dues == sorted(dues)
    overdue = [e for e in entries if e["overdue"]]
    assert [e["contract_number"] for e in overdue] == ["CSCO-SNT-9921"]
    assert all(e["status"] not in ("cancelled", "renewed", "expired") for e in entries)
    assert "HPE-CP-5510" not in {e["contract_number"] for e in entries}  # cancelled
    calendar = Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))
    assert any(str(e["summary"]).startswith("Notice deadline: CSCO-SNT-9921") for e in events)
    notices = [e for e in events if str(e["summary"]).startswith("Notice deadline")]
    assert notices and all(list(e.walk("VALARM")) for e in notices)
    # Exporting again gives the same UIDs, so calendars update instead of duplicating.
    run(capsys, "--db", sample_db, "renewals", "--within", "120", "--ics", str(ics))
    again = [str(e["uid"]) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert again == uids


def test_renewals_text_output(sample_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "renewals", "--db", sample_db)
    assert code == 0
    assert "OVERDUE give notice by" in out and "CSCO-SNT-9921" in out


def test_sample_refuses_a_database_with_data(sample_db: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", sample_db, "sample")
    assert code == EXIT_USER_ERROR
    assert "already has data" in err and "Traceback" not in err


def test_check_reports_schema(sample_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--db", sample_db)
    assert code == 0
    assert "Schema revision:" in out and "Integrity: ok" in out


@pytest.mark.parametrize("args", [
    ["export", "-o", "/no/such/folder/x.json"],
    ["export", "-o", "x.pdf"],
    ["restore", "/no/such/backup.sqlite3"],
    ["import", "whatever.xlsx"],
    ["report", "vendor", "Nobody", "-o", "x.pdf"],
])
def test_user_errors_are_one_line_without_traceback(
        args: list[str], db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", str(db_path), *args)
    assert code == EXIT_USER_ERROR
    assert err.startswith("contractdesk: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_database_files_are_user_errors(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("hello")
    code, _, err = run(capsys, "--db", str(text_file), "check")
    assert code == EXIT_USER_ERROR and "not a ContractDesk database" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "missing" / "x.sqlite3"), "check")
    assert code == EXIT_USER_ERROR and "does not exist" in err


def test_newer_database_via_cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "check")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'future'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", str(db_path), "renewals")
    assert code == EXIT_USER_ERROR and "newer version" in err


def test_full_disk_while_exporting_is_a_user_error(
        sample_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    target = tmp_path / "x.json"
    target.write_text("earlier export")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run(capsys, "--db", sample_db, "export", "-o", str(target))
    assert code == EXIT_USER_ERROR and "disk is full" in err
    assert target.read_text() == "earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".x.json")] == []


def test_unexpected_errors_are_logged_not_shown(db_path: Path, data_home: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from contractdesk.cli import data_commands

    def broken(*args: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(data_commands, "renewals", broken)
    code, _, err = run(capsys, "--db", str(db_path), "renewals")
    assert code == EXIT_BUG
    assert "unexpected error" in err and "Traceback" not in err
    log = (data_home / "logs" / "contractdesk.log").read_text()
    assert "Traceback" in log and "ZeroDivisionError" in log


def test_backup_and_restore_commands(db_path: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", str(db_path), "sample")
    backup = tmp_path / "b.sqlite3"
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "-o", str(backup))
    assert code == 0 and backup.is_file()
    empty = tmp_path / "empty.sqlite3"
    run(capsys, "--db", str(empty), "check")
    code, out, _ = run(capsys, "--db", str(empty), "restore", str(backup))
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, "--db", str(empty), "renewals", "--json")
    assert json.loads(out)["renewals"]
