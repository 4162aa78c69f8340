"""A CSV file's encoding and delimiter: detected, reported, and overridable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from contractdesk.cli import main
from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Organization
from contractdesk.errors import UserError
from contractdesk.importing.readers import TextFormat
from contractdesk.importing.service import preview, run_import

# A German register as an old DOS program writes it: cp850, where ä is 0x84, ü 0x81
DOS_REGISTER = "Vertragsnummer;Händler;Vertragsende\nV-1;Müller GmbH;31.12.2026\n"


@pytest.fixture
def dos_csv(tmp_path: Path) -> Path:
    path = tmp_path / "vertraege.csv"
    path.write_bytes(DOS_REGISTER.encode("cp850"))
    return path


def test_the_encoding_and_delimiter_used_are_reported(dos_csv: Path) -> None:
    found = preview(dos_csv)
    assert found.text_format == TextFormat("cp1252", ";")  # a guess, and a wrong one:
    assert "H„ndler" in found.unmapped


def test_a_named_encoding_reads_the_file_right(database: Database, dos_csv: Path) -> None:
    summary = run_import(database, dos_csv, text_format=TextFormat(encoding="cp850"))
    assert summary.mapping["Händler"] == "agreement.reseller"
    assert summary.text_format == TextFormat("cp850", ";")
    with database.transaction("test") as session:
        assert session.scalars(select(Organization.name)).all() == ["Müller GmbH"]


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


def test_command_line_options(db_target: str, dos_csv: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_target, "import", str(dos_csv), "--encoding", "cp850",
                 "--delimiter", ";"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("vertraege.csv (cp850, separated by semicolons; headers on row 1)"
                          ": 1 row read.")
    assert main(["--db", db_target, "import", str(dos_csv), "--encoding", "nope"]) == 2
    assert "not a text encoding" in capsys.readouterr().err
