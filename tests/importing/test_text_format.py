"""A CSV file's encoding and delimiter: detected, reported, and overridable."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contractdesk.cli import main
from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Organization
from contractdesk.errors import UserError
from contractdesk.importing.service import preview, run_import
from contractdesk.importing.text_files import TextFormat

# A German register as an old DOS program writes it: cp850, where ä is 0x84, ü 0x81
DOS_REGISTER = "Vertragsnummer;Händler;Vertragsende\nV-1;Müller GmbH;31.12.2026\n"
# Latin-9 stores € as 0xA4, which Windows-1252 (the guess for non-UTF-8) reads as ¤
LATIN9_REGISTER = "Vertragsnummer;Kosten;Vertragsende\nV-1;1.234,56 €;31.12.2026\n"


@pytest.fixture
def dos_csv(tmp_path: Path) -> Path:
    path = tmp_path / "vertraege.csv"
    path.write_bytes(DOS_REGISTER.encode("cp850"))
    return path


@pytest.fixture
def latin9_csv(tmp_path: Path) -> Path:
    path = tmp_path / "kosten.csv"
    path.write_bytes(LATIN9_REGISTER.encode("iso-8859-15"))
    return path


def test_a_dos_file_is_recognised_by_its_umlauts(database: Database, dos_csv: Path) -> None:
    summary = run_import(database, dos_csv)
    assert summary.text_format == TextFormat("cp850", ";")
    assert summary.mapping["Händler"] == "agreement.reseller"
    with database.transaction("test") as session:
        assert session.scalars(select(Organization.name)).all() == ["Müller GmbH"]


def test_a_windows_file_stays_windows(tmp_path: Path) -> None:
    path = tmp_path / "win.csv"
    path.write_bytes(DOS_REGISTER.encode("cp1252"))
    assert preview(path).text_format == TextFormat("cp1252", ";")
    assert "Händler" not in preview(path).unmapped


def test_a_named_encoding_reads_what_detection_cannot(database: Database,
                                                     latin9_csv: Path) -> None:
    guessed = preview(latin9_csv)
    assert guessed.text_format == TextFormat("cp1252", ";")
    assert [s.row for s in guessed.skipped] == [2]  # '1.234,56 ¤' is no amount
    summary = run_import(database, latin9_csv,
                         text_format=TextFormat(encoding="iso-8859-15"))
    assert summary.skipped == []
    with database.transaction("test") as session:
        agreement = session.scalars(select(Agreement)).one()
        assert (agreement.cost, agreement.currency) == (Decimal("1234.56"), "EUR")


def test_a_file_not_in_the_named_encoding_is_refused(database: Database,
                                                     dos_csv: Path) -> None:
    with pytest.raises(UserError, match=r"not utf-8 text .*choose another encoding"):
        run_import(database, dos_csv, text_format=TextFormat(encoding="utf-8"))
    with database.transaction("test") as session:
        assert session.scalar(select(func.count()).select_from(Agreement)) == 0


@pytest.mark.parametrize(("text_format", "message"), [
    (TextFormat(encoding="klingon"), "not a text encoding"),
    (TextFormat(delimiter=";;"), "cannot separate columns"),
    (TextFormat(delimiter="\n"), "cannot separate columns"),
])
def test_impossible_choices_are_refused(dos_csv: Path, text_format: TextFormat,
                                        message: str) -> None:
    with pytest.raises(UserError, match=message):
        preview(dos_csv, text_format=text_format)


def test_a_named_delimiter_wins_over_the_guess(tmp_path: Path) -> None:
    path = tmp_path / "pipes.csv"
    path.write_text("Contract No.|End Date|Notes\nC-1|2026-12-31|a, b, c\n")
    assert preview(path).text_format == TextFormat("utf-8", "|")
    with pytest.raises(UserError, match="No header row"):
        preview(path, text_format=TextFormat(delimiter=";"))  # one wide column: no header


def test_a_short_text_with_odd_bytes_is_not_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"Contract No.;End Date\nC-\x81\x8d\x9d;2026-12-31\n")
    assert preview(path).rows_read == 1


def test_command_line_options(db_target: str, latin9_csv: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_target, "import", str(latin9_csv), "--encoding",
                 "iso-8859-15", "--delimiter", ";"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kosten.csv (iso-8859-15, separated by semicolons; headers on "
                          "row 1): 1 row read.")
    assert main(["--db", db_target, "import", str(latin9_csv), "--encoding", "nope"]) == 2
    assert "not a text encoding" in capsys.readouterr().err
