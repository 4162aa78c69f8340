"""``contractdesk report …``: files written whole, errors in one sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from contractdesk.cli import EXIT_USER_ERROR, main
from contractdesk.db.database import Database
from contractdesk.errors import UserError
from tests.conftest import TODAY
from tests.reports.builders import flat, pdf_pages


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("contractdesk.cli.report_command.today", lambda: TODAY)


def run(db: str, *args: str) -> int:
    return main(["--db", str(db), "report", *args])


def test_vendor_report_in_german(sample_database: Database, db_target: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bechtle.pdf"
    assert run(db_target, "vendor", "bechtle", "-o", str(target), "--locale", "de_DE") == 0
    text = flat(pdf_pages(target.read_bytes()))
    assert "38.400,00 €" in text and "DELL-PS-4471" in text
    assert "Vendor summary of Bechtle written to" in capsys.readouterr().out


def test_renewals_and_support_reports(sample_database: Database, db_target: str,
                                      tmp_path: Path) -> None:
    renewals = tmp_path / "renewals.pdf"
    assert run(db_target, "renewals", "--within", "30", "-o", str(renewals)) == 0
    text = flat(pdf_pages(renewals.read_bytes()))
    assert "VEEAM-DP-1187" in text and "DELL-PS-4471" not in text  # due in 15 days vs 40
    for selector in (["--serial", "AF-204455"], ["--agreement", "CSCO-SNT-9921"], ["--all"]):
        card = tmp_path / "card.pdf"
        assert run(db_target, "support", *selector, "-o", str(card), "--locale", "en_GB") == 0
        assert "Call first" in flat(pdf_pages(card.read_bytes()))


def test_unknown_vendor_is_one_sentence_and_writes_nothing(
        sample_database: Database, db_target: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.pdf"
    assert run(db_target, "vendor", "Compucenter", "-o", str(target)) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("contractdesk: No organization named 'Compucenter'.")
    assert "Did you mean: Computacenter" in err and "Traceback" not in err
    assert not target.exists()


def test_missing_folder(sample_database: Database, db_target: str, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no such folder" / "r.pdf"
    assert run(db_target, "renewals", "-o", str(target)) == EXIT_USER_ERROR
    assert "does not exist" in capsys.readouterr().err


def test_unknown_locale(sample_database: Database, db_target: str, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_target, "renewals", "-o", str(tmp_path / "r.pdf"), "--locale",
               "xx_XX") == EXIT_USER_ERROR
    assert "Unknown locale 'xx_XX'" in capsys.readouterr().err


def test_failure_while_rendering_keeps_the_earlier_file(
        sample_database: Database, db_target: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "renewals.pdf"
    target.write_bytes(b"the earlier report")

    def broken(data: object, output: object, fmt: object, generated: dt.datetime) -> int:
        output.write(b"%PDF-1.4 half a report")  # type: ignore[attr-defined]
        raise UserError("The disk is full: free some space and try again.")

    monkeypatch.setattr("contractdesk.cli.report_command.render_renewals", broken)
    assert run(db_target, "renewals", "-o", str(target)) == EXIT_USER_ERROR
    assert target.read_bytes() == b"the earlier report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".renewals")] == []
