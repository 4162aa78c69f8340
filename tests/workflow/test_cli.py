"""The workflow commands end to end, including their errors."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pypdf
import pytest
from icalendar import Calendar

from contractdesk.cli import main
from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Organization
from contractdesk.services.documents import default_store
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    # common: opening the database rolls auto-renewals forward to today
    for module in ("common", "workflow_command", "data_commands"):
        monkeypatch.setattr(f"contractdesk.cli.{module}.today", lambda: TODAY)


@pytest.fixture
def run(sample_database: Database, db_target: str, capsys: pytest.CaptureFixture[str]
        ) -> Any:
    sample_database.close()

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--db", db_target])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def run_json(run: Any, *args: str) -> Any:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_reminders_json_lists_overdue_first(run: Any) -> None:
    document = run_json(run, "reminders")
    assert document["today"] == TODAY.isoformat()
    first = document["reminders"][0]
    assert (first["contract_number"], first["overdue"], first["stage_days"],
            first["days_left"], first["action"]) == ("CSCO-SNT-9921", True, 7, -40,
                                                     "give_notice")
    assert not any(r["overdue"] for r in document["reminders"][1:])


def test_ack_and_snooze_take_reminders_off_the_list(run: Any) -> None:
    assert run("ack", "CSCO-SNT-9921")[0] == 0
    code, out, _ = run("snooze", "MS-TEAMS-PH", "--until", "01.12.2026")
    assert code == 0 and "until 2026-12-01" in out
    numbers = [r["contract_number"] for r in run_json(run, "reminders")["reminders"]]
    assert "CSCO-SNT-9921" not in numbers and "MS-TEAMS-PH" not in numbers
    assert "MS-EA-2024" in numbers


def test_lead_times_per_agreement(run: Any) -> None:
    code, out, _ = run("lead-times", "MS-EA-2024")
    assert code == 0 and "90,60,30,7 days before the deadline (the default)" in out
    code, out, _ = run("lead-times", "MS-EA-2024", "--set", "3 1")
    assert code == 0 and "3,1 days" in out and "default" not in out
    # the notice deadline is 5 days away: the default 7-day stage was due, 3 is not yet
    assert "MS-EA-2024" not in [r["contract_number"]
                                for r in run_json(run, "reminders")["reminders"]]
    code, out, _ = run("lead-times", "MS-EA-2024", "--default")
    assert "(the default)" in out


def test_custom_default_lead_times(run: Any) -> None:
    document = run_json(run, "reminders", "--lead-times", "14,3")
    assert document["lead_times"] == [14, 3]
    assert {r["stage_days"] for r in document["reminders"]} <= {14, 3}


def test_renew_reports_the_price_change_and_the_chain(run: Any) -> None:
    result = run_json(run, "renew", "CSCO-SNT-9921", "--cost", "3013.20")
    # the next term of the same agreement, straight after the current one
    assert (result["previous"]["start_date"], result["previous"]["end_date"],
            result["previous"]["cost"]) == ("2025-03-15", "2026-12-15", "2790.00")
    assert result["renewal"] == {
        "contract_number": "CSCO-SNT-9921", "start_date": "2026-12-16",
        "end_date": "2027-12-15", "cost": "3013.20", "currency": "GBP",
        "billing_period": "annual"}
    assert result["price_change"] == {"amount": "223.20", "percent": "8.0",
                                      "currency": "GBP"}
    chain = run_json(run, "terms", "CSCO-SNT-9921")["terms"]
    assert [(t["contract_number"], t["position"], t["origin"], t["end_date"])
            for t in chain] == [("CSCO-SNT-9921", 1, "signed", "2026-12-15"),
                                ("CSCO-SNT-9921", 2, "renewed", "2027-12-15")]
    assert chain[0]["change"] is None
    assert chain[1]["change"] == result["price_change"]
    # a new contract number makes a successor; the old agreement then cannot renew
    successor = run_json(run, "renew", "CSCO-SNT-9921", "--contract-number", "CSCO-SNT-12000")
    assert (successor["renewal"]["contract_number"], successor["renewal"]["start_date"],
            successor["previous"]["end_date"]) == ("CSCO-SNT-12000", "2027-12-16",
                                                   "2027-12-15")
    chain = run_json(run, "terms", "CSCO-SNT-12000")["terms"]
    assert [(t["contract_number"], t["position"]) for t in chain] == [
        ("CSCO-SNT-9921", 1), ("CSCO-SNT-9921", 2), ("CSCO-SNT-12000", 1)]
    code, _, err = run("renew", "CSCO-SNT-9921")
    assert code == 2 and "already renewed" in err


def test_notice_with_letter_then_documents(run: Any, tmp_path: Path) -> None:
    letter = tmp_path / "Kündigung.pdf"
    letter.write_bytes(b"%PDF notice")
    result = run_json(run, "notice", "MS-TEAMS-PH", "--sent-on", "2026-11-20", "--to",
                      "Gareth Hughes", "--how", "letter", "--letter", str(letter))
    assert (result["how"], result["late"], result["document"]) == (
        "letter", False, "Kündigung.pdf")
    (listed,) = run_json(run, "documents", "--agreement", "MS-TEAMS-PH")["documents"]
    assert (listed["name"], listed["type"], listed["size"]) == (
        "Kündigung.pdf", "application/pdf", 11)
    assert default_store().path_of(listed["sha256"]).read_bytes() == b"%PDF notice"
    statuses = run_json(run, "renewals", "--within", "400")["renewals"]
    assert "MS-TEAMS-PH" not in [r["contract_number"] for r in statuses]


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("Notice of termination: MS-TEAMS-PH", "Please confirm receipt")),
    ("de", ("Kündigung des Vertrags MS-TEAMS-PH", "Mit freundlichen Grüßen")),
])
def test_notice_writes_a_letter_from_the_preferences_and_attaches_it(
        run: Any, tmp_path: Path, language: str, words: tuple[str, ...]) -> None:
    code, _out, err = run("preferences", "own.name=Muster IT GmbH",
                          "own.address=Hauptstr. 1\\n80331 München",
                          "own.signatory=Erika Muster")
    assert code == 0, err
    target = tmp_path / f"notice-{language}.pdf"
    result = run_json(run, "notice", "MS-TEAMS-PH", "--sent-on", "2026-11-20", "--to",
                      "Softcat", "--how", "letter", "--letter-out", str(target),
                      "--language", language)
    assert result["document"] == target.name
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    text = " ".join(text.split())
    for expected in (*words, "Muster IT GmbH", "80331 München", "Erika Muster",
                     "Softcat", result["end_date"][:4]):
        assert expected in text, expected
    (listed,) = run_json(run, "documents", "--agreement", "MS-TEAMS-PH")["documents"]
    assert listed["name"] == target.name
    assert default_store().path_of(listed["sha256"]).read_bytes() == target.read_bytes()


def test_preferences_refuse_what_they_cannot_use(run: Any) -> None:
    code, _out, err = run("preferences", "holidays.country=Narnia")
    assert code == 2 and "Narnia" in err
    code, _out, err = run("preferences", "letter.language=fr")
    assert code == 2 and "'fr'" in err
    shown = run_json(run, "preferences", "notice.lead_time_days=10")["preferences"]
    assert shown["notice.lead_time_days"] == 10
    entries = run_json(run, "renewals", "--within", "400")["renewals"]
    noticed = [e for e in entries if e["action"] == "give_notice"]
    assert noticed and all(e["act_by"] <= e["notice_deadline"] for e in noticed)
    assert all("act by" in e["explanation"] for e in noticed)


def test_attach_to_organization_and_purchase_with_a_hostile_name(run: Any,
                                                                 tmp_path: Path) -> None:
    source = tmp_path / "quote.pdf"
    source.write_bytes(b"quote")
    assert run("attach", str(source), "--organization", "bechtle")[0] == 0
    code, out, _ = run("attach", str(source), "--purchase", "PO-2024-0090", "--name",
                       "../../etc/passwd")
    assert code == 0 and "Attached passwd" in out
    assert [d["name"] for d in run_json(run, "documents", "--organization",
                                        "Bechtle")["documents"]] == ["quote.pdf"]
    stored = [p for p in default_store().root.rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert not (tmp_path / "etc").exists()


def test_co_term(run: Any) -> None:
    code, out, err = run("co-term", "MS-EA-2024", "MS-TEAMS-PH", "--end", "2027-06-30")
    assert code == 0, err
    assert out.count("-> 2027-06-30") == 2


def test_renewals_json_shows_rollovers(run: Any, db_target: str) -> None:
    from contractdesk.db.database import open_database

    database = open_database(db_target)
    with database.transaction("cli") as session:
        session.add(Agreement(contract_number="ROLL-1", title="Rolled", currency="EUR",
                              start_date=dt.date(2024, 1, 1), end_date=dt.date(2024, 12, 31),
                              auto_renew=True, renewal_term="P1Y", cost=Decimal("10.00"),
                              oem=Organization(name="Rollco")))
    database.close()
    (entry,) = [r for r in run_json(run, "renewals", "--within", "60")["renewals"]
                if r["contract_number"] == "ROLL-1"]
    assert (entry["rolled_over"], entry["end_date"], entry["action"]) == (
        2, "2026-12-31", "renews")
    code, out, _ = run("renewals", "--within", "60")
    assert code == 0
    assert "ROLL-1" in out and "auto-renewed 2x" in out


def test_renewals_ics_from_the_command_line(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "renewals.ics"
    assert run("renewals", "--ics", str(target))[0] == 0
    calendar = Calendar.from_ical(target.read_bytes())
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert "Notice deadline: CSCO-SNT-9921" in summaries
    assert "CSCO-SNT-9921 renews" in summaries


@pytest.mark.parametrize(("args", "message"), [
    (("ack", "NOPE"), "No agreement with contract number 'NOPE'"),
    (("snooze", "MS-EA-2024", "--until", "2026-11-01"), "after today"),
    (("ack", "MS-EA-2024", "--stage", "45"), "not 45"),
    (("ack", "WIN-SRV-DC-16"), "No reminder is due yet"),
    (("notice", "HPE-CP-5510", "--sent-on", "2026-11-01", "--to", "x", "--how", "email"),
     "Notice was given"),
    (("notice", "MS-EA-2024", "--sent-on", "2026-12-24", "--to", "x", "--how", "email"),
     "before it is sent"),
    (("documents", "--purchase", "PO-NOPE"), "No purchase with PO number"),
    (("attach", "/nonexistent/file.pdf", "--organization", "Bechtle"), "No such file"),
    (("documents", "--organization", "Bechtel AG"), "Did you mean: Bechtle"),
])
def test_errors_are_one_line(run: Any, args: tuple[str, ...], message: str) -> None:
    code, _out, err = run(*args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_ambiguous_contract_number_asks_for_the_oem(run: Any, db_target: str) -> None:
    from contractdesk.db.database import open_database

    database = open_database(db_target)
    with database.transaction("cli") as session:
        session.add(Agreement(contract_number="MS-EA-2024", title="Twin", currency="EUR",
                              oem=Organization(name="Other OEM")))
    database.close()
    code, _, err = run("ack", "MS-EA-2024")
    assert code == 2 and "--oem" in err and "Other OEM" in err
    assert run("ack", "MS-EA-2024", "--oem", "Microsoft")[0] == 0


@pytest.mark.parametrize("args", [
    ("snooze", "MS-EA-2024", "--until", "someday"),
    ("renew", "MS-EA-2024", "--cost", "1.234"),
    ("reminders", "--lead-times", "soon"),
    ("attach", "x.pdf"),
    ("notice", "MS-EA-2024", "--sent-on", "2026-11-01", "--to", "x", "--how", "fax"),
])
def test_bad_arguments_are_refused_by_the_parser(run: Any, args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(*args)
    assert exited.value.code == 2


def test_backup_sqlite_alone_and_zip_with_documents(run: Any, tmp_path: Path,
                                                    db_target: str) -> None:
    if "://" in db_target:
        code, _, err = run("backup", "-o", str(tmp_path / "plain.sqlite3"))
        assert code == 2 and "ending in .json" in err
        return
    source = tmp_path / "contract.pdf"
    source.write_bytes(b"signed")
    run("attach", str(source), "--agreement", "MS-EA-2024")
    plain = tmp_path / "plain.sqlite3"
    code, out, _ = run("backup", "-o", str(plain))
    assert code == 0 and "without documents" in out
    with sqlite3.connect(plain) as conn:
        assert conn.execute("select count(*) from document").fetchone() == (1,)
    full = tmp_path / "full.zip"
    code, out, _ = run("backup", "-o", str(full))
    assert code == 0 and "1 documents" in out
    names = zipfile.ZipFile(full).namelist()
    assert "contractdesk.sqlite3" in names and sum(n.startswith("documents/") for n in names) == 1
    for stored in default_store().root.rglob("*.bin"):
        stored.unlink()
    code, out, err = run("restore", str(full))
    assert code == 0, err
    (listed,) = run_json(run, "documents", "--agreement", "MS-EA-2024")["documents"]
    assert default_store().path_of(listed["sha256"]).read_bytes() == b"signed"


def test_default_backup_is_a_zip_in_backups(run: Any, db_target: str) -> None:
    if "://" in db_target:
        pytest.skip("a server's backup is a JSON export (tests/db/test_team_mode.py)")
    code, out, _ = run("backup")
    assert code == 0
    (made,) = (Path(db_target).parent / "backups").glob("manual-*.zip")
    assert str(made) in out
