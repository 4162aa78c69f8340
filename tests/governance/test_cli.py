"""``contractdesk governance …`` and the ``reviews`` list of ``renewals --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contractdesk.cli import EXIT_USER_ERROR, data_commands, governance_command, main
from contractdesk.db.database import Database
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(governance_command, "today", lambda: TODAY)
    monkeypatch.setattr(data_commands, "today", lambda: TODAY)


def run(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_scorecard_json(sample_database: Database, db_target: str,
                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db_target, "governance", "scorecard", "computacenter", "--json")
    assert code == 0
    card = json.loads(out)
    assert card["organization"] == "Computacenter"
    assert card["support_cases"]["sla_missed"] == 2
    assert card["open_risks_by_severity"]["high"] == 1
    assert card["due_diligence_issues"][0]["reason"] == "failed"


def test_scorecard_text(sample_database: Database, db_target: str,
                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db_target, "governance", "scorecard", "Softcat")
    assert code == 0
    assert "SLA met 1 of 2 (50%)" in out
    assert "insurance expired" in out


def test_logging_a_missed_case_shows_in_the_scorecard(
        sample_database: Database, db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db_target, "governance", "case", "add", "--agreement",
                       "HPE-NS-700124", "--called", "reseller", "--opened",
                       "2026-11-24T09:00", "--resolved", "2026-11-24T14:30",
                       "--case-number", "SC-60001")
    assert code == 0
    assert "SLA missed (deadline 2026-11-24 13:00)" in out
    _, out, _ = run(capsys, db_target, "governance", "scorecard", "Softcat", "--json")
    assert json.loads(out)["support_cases"]["sla_missed"] == 2


def test_case_from_a_serial_with_user_verdict(sample_database: Database, db_target: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, db_target, "governance", "case", "add", "--serial", "7HG2KM4",
                       "--called", "oem", "--opened", "2026-11-24T09:00", "--sla-met", "no")
    assert code == 0
    assert "on DELL-PS-4471: SLA missed" in out


@pytest.mark.parametrize(("args", "message"), [
    (["scorecard", "Computacentre"], "Did you mean: Computacenter?"),
    (["case", "add", "--agreement", "NOPE", "--called", "oem", "--opened", "2026-11-24"],
     "No agreement with contract number 'NOPE'"),
    (["case", "add", "--called", "oem", "--opened", "2026-11-24"], "--agreement NO"),
    (["case", "add", "--agreement", "HPE-NS-700124", "--called", "reseller", "--opened",
      "2026-11-24T10:00", "--resolved", "2026-11-24T09:00"], "resolved_at"),
    (["risks", "--organization", "Nobody"], "No organization named 'Nobody'"),
])
def test_user_errors_are_one_line(sample_database: Database, db_target: str,
                                  capsys: pytest.CaptureFixture[str], args: list[str],
                                  message: str) -> None:
    code, _, err = run(capsys, db_target, "governance", *args)
    assert code == EXIT_USER_ERROR
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("args", [
    ["case", "add", "--agreement", "X", "--called", "nobody", "--opened", "2026-11-24"],
    ["case", "add", "--agreement", "X", "--called", "oem", "--opened", "yesterday"],
    ["risks", "--min-severity", "30"],
])
def test_bad_arguments_are_refused_by_the_parser(db_path: Path, args: list[str],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", str(db_path), "governance", *args])
    assert raised.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_risk_register_and_flags(sample_database: Database, db_target: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, db_target, "governance", "risks", "--json", "--status", "open")
    risks = json.loads(out)["risks"]
    assert [r["severity"] for r in risks] == [16, 12]
    _, out, _ = run(capsys, db_target, "governance", "risks", "--min-severity", "20")
    assert out.strip() == "No risks match."
    _, out, _ = run(capsys, db_target, "governance", "flags", "--json")
    flagged = json.loads(out)["flagged_agreements"]
    assert {f["contract_number"] for f in flagged} == {"CSCO-SNT-9921", "CC-MS-0042"}
    assert {f["alternative_supplier"] for f in flagged} == {"Softcat"}


def test_renewals_json_lists_reviews_due(sample_database: Database, db_target: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, db_target, "renewals", "--json")
    reviews = json.loads(out)["reviews"]
    assert [r["organization"] for r in reviews] == ["Computacenter", "Softcat", "Bechtle"]
    assert reviews[0] == {"organization": "Computacenter", "next_review": "2026-11-13",
                          "overdue": True, "last_review": "2025-11-13",
                          "status": "on_watch", "risk_level": "medium"}
    _, out, _ = run(capsys, db_target, "renewals", "--json", "--within", "30")
    assert [r["organization"] for r in json.loads(out)["reviews"]] == ["Computacenter"]
