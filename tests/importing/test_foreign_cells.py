"""Cells and headers of every script and shape, and files that need repair: each gives
a value, a warning or a skipped row with its reason, never an exception or a silent
loss."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from contractdesk.cli import main
from contractdesk.db.database import Database, open_database
from contractdesk.db.models import Agreement, Change, Organization
from contractdesk.errors import UserError
from contractdesk.exporting.dispatch import export_to
from contractdesk.importing.cells import cell_text
from contractdesk.importing.fields import normalise_header
from contractdesk.importing.service import ImportSummary, Preview, preview, run_import
from contractdesk.importing.values import is_blank
from tests.conftest import TODAY
from tests.importing.conftest import WriteXlsx

REGISTER_HEADERS = ["OEM", "Contract No.", "End"]


def _agreements(database: Database) -> dict[str, Agreement]:
    with database.transaction("test") as session:
        found = session.scalars(select(Agreement)).all()
        for agreement in found:
            _ = agreement.oem
        session.expunge_all()
    return {a.contract_number or a.title: a for a in found}


@pytest.mark.parametrize("header", [
    "Preiserhöhung %", "%", "-", "€", "Производитель", "Ημερομηνία λήξης", "رقم العقد",
    "契約番号", "🍎", "№", "  ", "\u200b",
])
def test_headers_without_ascii_letters_import_and_stay_in_the_notes(
        database: Database, write_xlsx: WriteXlsx, header: str) -> None:
    path = write_xlsx("foreign.xlsx", {"Register": [
        ["Register 2026", "€", "-"],
        [*REGISTER_HEADERS, header],
        ["IBM", "I-1", "2026-01-31", "3 %"],
    ]})
    summary = run_import(database, path)
    assert summary.created["agreements"] == 1 and not summary.skipped
    agreement = _agreements(database)["I-1"]
    assert agreement.end_date is not None
    assert agreement.end_date.isoformat() == "2026-01-31"
    if header.strip() and header != "\u200b":
        assert f"{header}: 3 %" in (agreement.notes or "")


def test_non_latin_headers_keep_their_own_words() -> None:
    assert normalise_header("Номер договора") == "номер договора"
    assert normalise_header("Vertrags-Nr.") == "vertrag no"
    assert normalise_header("%") == ""


def test_an_organization_named_by_a_symbol_is_kept(database: Database,
                                                    write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("apple.xlsx", {"Sheet": [REGISTER_HEADERS, ["🍎", "A-1", "2027-01-01"],
                                               ["🍏", "A-2", "2027-01-01"]]})
    assert run_import(database, path).created["organizations"] == 2
    agreements = _agreements(database)
    apple, green_apple = agreements["A-1"].oem, agreements["A-2"].oem
    assert apple is not None and green_apple is not None
    assert (apple.name, green_apple.name) == ("🍎", "🍏")


def test_a_title_too_long_for_its_field_is_cut_with_a_warning_and_kept_in_notes(
        database: Database, write_xlsx: WriteXlsx) -> None:
    title = "Managed print " + "x" * 400 + " END"
    path = write_xlsx("long.xlsx", {"Sheet": [[*REGISTER_HEADERS, "Title"],
                                              ["IBM", "L-1", "2027-01-01", title]]})
    dry = run_import(database, path, dry_run=True)
    summary = run_import(database, path)
    assert [w.row for w in summary.warnings] == [2] == [w.row for w in dry.warnings]
    assert "cut, and kept whole in the notes" in summary.warnings[0].text
    agreement = _agreements(database)["L-1"]
    assert agreement.title == title[:300]
    assert title in (agreement.notes or "")
    assert run_import(database, path).updated["agreements"] == 0  # notes do not grow


def test_a_serial_too_long_is_a_reason_not_a_cut(database: Database,
                                                  write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("serial.xlsx", {"Sheet": [[*REGISTER_HEADERS, "Serial"],
                                                ["IBM", "S-1", "2027-01-01", "S" * 101],
                                                ["IBM", "S-2", "2027-01-01", "S" * 100]]})
    summary = run_import(database, path)
    assert [(s.row, "101 characters long" in s.reason) for s in summary.skipped] == [(2, True)]
    assert summary.created["items"] == 1


def test_a_date_of_thousands_of_digits_is_a_reason(database: Database,
                                                    write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("digits.xlsx", {"Sheet": [REGISTER_HEADERS,
                                                ["IBM", "D-1", "Jan " + "9" * 5000],
                                                ["IBM", "D-2", "9999-12-31"]]})
    summary = run_import(database, path)
    assert [s.row for s in summary.skipped] == [2, 3]
    assert "is not a date" in summary.skipped[0].reason
    assert "plausible" in summary.skipped[1].reason


# -- CSV files that need repair ------------------------------------------------------


def _csv(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_an_unclosed_quote_is_reported_and_does_not_swallow_the_file(
        database: Database, tmp_path: Path) -> None:
    lines = ["OEM,Contract No.,Title"] + [
        f'IBM,C-{n},"Title {n}' if n == 2 else f"IBM,C-{n},Title {n}" for n in range(1, 40)]
    path = _csv(tmp_path, "quote.csv", "\n".join(lines).encode() + b"\n")
    summary = run_import(database, path)
    assert summary.rows_read == 39 and summary.created["agreements"] == 39
    assert [w.row for w in summary.warnings] == [3]
    assert "line 3 is never closed" in summary.warnings[0].text
    assert _agreements(database)["C-2"].title == '"Title 2'


def test_a_quoted_line_break_is_still_one_cell(database: Database, tmp_path: Path) -> None:
    path = _csv(tmp_path, "multi.csv",
                b'OEM,Contract No.,Notes\nIBM,C-1,"first\nsecond"\nIBM,C-2,x\n')
    summary = run_import(database, path)
    assert summary.rows_read == 2 and not summary.warnings


def test_one_legacy_line_in_a_utf8_file_is_read_on_its_own(database: Database,
                                                          tmp_path: Path) -> None:
    good = "IBM;C-{};Müller GmbH\n"
    data = (b"OEM;Contract No.;Reseller\n" + good.format(1).encode()
            + good.format(2).encode("cp1252") + good.format(3).encode())
    summary = run_import(database, _csv(tmp_path, "mixed.csv", data))
    assert summary.text_format is not None and summary.text_format.encoding == "utf-8"
    assert [(w.row, w.text.split(" is")[0]) for w in summary.warnings] == [(0, "line 3")]
    with database.transaction("test") as session:
        names = session.scalars(select(Organization.name)).all()
    assert sorted(names) == ["IBM", "Müller GmbH"]


def test_a_file_entirely_in_a_legacy_code_page_is_read_in_it(database: Database,
                                                            tmp_path: Path) -> None:
    data = "OEM;Contract No.;Reseller\nIBM;C-1;Müller GmbH\n".encode("cp1252")
    summary = run_import(database, _csv(tmp_path, "legacy.csv", data))
    assert summary.text_format is not None and summary.text_format.encoding == "cp1252"
    assert not summary.warnings


def test_nul_bytes_past_the_start_are_removed_with_a_warning(database: Database,
                                                             tmp_path: Path) -> None:
    data = b"OEM,Contract No.,Title\n" + b"IBM,C-0,Filler\n" * 7000 + b"IBM,C-1,Ti\x00tle\n"
    summary = run_import(database, _csv(tmp_path, "nul.csv", data))
    assert [w.text for w in summary.warnings] == ["line 7002 holds a NUL character (removed)"]
    assert _agreements(database)["C-1"].title == "Title"


def test_a_cell_over_128_kib_is_read_whole(database: Database, tmp_path: Path) -> None:
    notes = "n" * 140_000
    data = f"OEM,Contract No.,Notes\nIBM,C-1,{notes}\n".encode()
    run_import(database, _csv(tmp_path, "big.csv", data))
    assert _agreements(database)["C-1"].notes == notes


def test_utf16_that_breaks_off_is_refused_with_its_line(tmp_path: Path) -> None:
    data = "OEM,Contract No.\nIBM,C-1\n".encode("utf-16") + b"\x00\xd8"  # a lone surrogate
    with pytest.raises(UserError, match=r"not utf-16 text \(line 3"):
        preview(_csv(tmp_path, "cut16.csv", data))


# -- JSON records that no database can hold -------------------------------------------


def _tampered_export(sample_database: Database, tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    with sample_database.transaction("test") as session:
        export_to(session, path, TODAY)
    document = json.loads(path.read_text(encoding="utf-8"))
    cases, agreements = document["support_cases"], document["agreements"]
    cases[0]["opened_at"] = "9999-12-31T10:00:00"
    cases[1]["opened_at"] = "0001-01-01T00:00:00+14:00"
    cases[2]["notes"] = "case \ud800 notes"
    agreements[0]["title"] = "lone \ud800 surrogate"
    agreements[1]["notes"] = "nul \x00 here"
    agreements[2]["cost"] = "9" * 5000
    agreements[3]["cost"] = "LITERAL"
    agreements.append(17)
    text = json.dumps(document).replace('"LITERAL"', "9" * 5000)
    path.write_text(text, encoding="utf-8")
    return path


def _reasons(summary: ImportSummary) -> list[str]:
    return sorted(s.reason.split(":")[0] + ":" + s.reason.split(":")[1]
                  for s in summary.skipped)


def test_unstorable_json_values_skip_their_records_in_dry_runs_as_in_imports(
        sample_database: Database, tmp_path: Path) -> None:
    path = _tampered_export(sample_database, tmp_path)
    empty = open_database(tmp_path / "empty.sqlite3")
    summaries = []
    for target in (sample_database, empty):  # its own database, then an empty one
        dry = run_import(target, path, dry_run=True)
        real = run_import(target, path)
        assert _reasons(dry) == _reasons(real)
        assert dry.created == real.created
        summaries.append(real)
    reasons = "\n".join(s.reason for s in summaries[0].skipped)
    for expected in ("agreements record 1: title", "lone surrogate",
                     "agreements record 2: notes", "NUL character",
                     "agreements record 3: cost", "agreements record 4: cost",
                     "agreements record 19: not a record",
                     "support_cases record 1: opened_at", "not a plausible date",
                     "support_cases record 3: notes"):
        assert expected in reasons
    assert summaries[1].created["agreements"] > 10  # the other records came in


def test_a_dry_run_writes_nothing(sample_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text("OEM,Contract No.\nNewcorp,N-1\n", encoding="utf-8")
    with sample_database.transaction("test") as session:
        before = (session.query(Agreement).count(), session.query(Change).count())
    assert run_import(sample_database, path, dry_run=True).created["agreements"] == 1
    with sample_database.transaction("test") as session:
        assert (session.query(Agreement).count(), session.query(Change).count()) == before


# -- file names ------------------------------------------------------------------------


def test_file_names_are_shown_escaped_and_stored_readably(
        database: Database, db_target: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    raw = bytes(tmp_path) + b"/reg\xff\x1b[31m.csv"
    with open(raw, "wb") as handle:
        handle.write(b"OEM,Contract No.\nIBM,C-1\n")
    path = Path(raw.decode("utf-8", "surrogateescape"))
    assert main(["--db", db_target, "import", "--dry-run", str(path)]) == 0
    assert main(["--db", db_target, "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "reg\\xff\\x1b[31m.csv" in out
    with database.transaction("test") as session:
        sources = set(session.scalars(select(Change.source)))
    assert sources == {"import:reg\\xff\\x1b[31m.csv"}
    (tmp_path / "empty\x1b]0;owned\x07.csv").write_bytes(b"")
    assert main(["--db", db_target, "import", str(tmp_path / "empty\x1b]0;owned\x07.csv")]) == 2
    error = capsys.readouterr().err
    assert "\x1b" not in error and "\x07" not in error and "is empty" in error


# -- any text at all -------------------------------------------------------------------


def _nothing_dropped(result: Preview, cell: str) -> None:
    """Every row is read or has its reason; the cell under an unrecognised header is in
    the row's notes."""
    assert result.rows
    for row in result.rows:
        assert row.ok or all(problem.strip() for problem in row.problems)
    first = result.rows[0]
    if result.unmapped and cell_text(cell) and not is_blank(cell):
        assert cell_text(cell) in [text for _, text in first.extra]


SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
ANY_TEXT = st.text(st.characters(blacklist_categories=SURROGATES), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(header=ANY_TEXT, cell=ANY_TEXT)
def test_any_text_as_a_csv_header_or_cell_gives_a_value_or_a_reason(
        tmp_path: Path, header: str, cell: str) -> None:
    text = io.StringIO()
    csv.writer(text).writerows([["OEM", "Contract No.", "End", header],
                                ["IBM", "C-1", cell, cell], [cell, cell, "2027-01-01", ""]])
    path = tmp_path / "any.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    try:
        result = preview(path)
    except UserError:
        return  # a reason for the whole file (e.g. a cell full of control characters)
    _nothing_dropped(result, cell)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_any_bytes_as_a_csv_cell_give_a_value_or_a_reason(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bytes.csv"
    path.write_bytes(b"OEM;Contract No.;End\nIBM;C-1;" + data + b"\nIBM;C-2;2027-01-01\n")
    try:
        result = preview(path)
    except UserError:
        return
    assert result.rows_read >= 1


def test_a_dry_run_in_the_callers_transaction_leaves_it_as_it_was(
        sample_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text("OEM,Contract No.\nNewcorp,N-1\nNewcorp,N-2\n", encoding="utf-8")
    with sample_database.transaction("test") as session:
        before = session.query(Agreement).count()
        summary = run_import(session, path, dry_run=True)
        assert summary.created["agreements"] == 2
        assert session.query(Agreement).count() == before
        assert run_import(session, path).created["agreements"] == 2
    with sample_database.transaction("test") as session:
        assert session.query(Agreement).count() == before + 2


XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(header=XML_TEXT, cell=XML_TEXT, number=st.floats(allow_nan=False))
def test_any_text_as_an_xlsx_header_or_cell_gives_a_value_or_a_reason(
        write_xlsx: WriteXlsx, header: str, cell: str, number: float) -> None:
    path = write_xlsx("any.xlsx", {"Sheet": [["OEM", "Contract No.", "End", "Cost", header],
                                             ["IBM", cell, cell, number, cell],
                                             [cell, "C-2", number, cell, number]]})
    try:
        result = preview(path)
    except UserError:
        return
    _nothing_dropped(result, cell)


def test_error_cells_are_blanks_with_a_warning(database: Database,
                                               write_xlsx: WriteXlsx) -> None:
    path = write_xlsx("errors.xlsx", {"Other": [["x"]], "Register": [
        [*REGISTER_HEADERS, "Cost"],
        ["IBM", "E-1", "#N/A", "#DIV/0!"],
        ["#REF!", "E-2", "2027-01-01", 5],
    ]})
    summary = run_import(database, path, sheet="Register")
    assert [(w.row, w.text) for w in summary.warnings] == [
        (2, "End (C2) holds the spreadsheet error #N/A; read as blank"),
        (2, "Cost (D2) holds the spreadsheet error #DIV/0!; read as blank"),
        (3, "OEM (A3) holds the spreadsheet error #REF!; read as blank"),
    ]
    agreements = _agreements(database)
    assert agreements["E-1"].end_date is None and agreements["E-2"].oem is None


def test_an_unchanged_workbook_is_read_once_and_a_changed_one_again(
        write_xlsx: WriteXlsx, monkeypatch: pytest.MonkeyPatch) -> None:
    from contractdesk.importing import readers

    path = write_xlsx("once.xlsx", {"Sheet": [REGISTER_HEADERS, ["IBM", "O-1", "2027-01-01"]]})
    started: list[str] = []
    real = readers.run_limited

    def counting(function: Any, argument: str) -> Any:
        started.append(argument)
        return real(function, argument)

    monkeypatch.setattr(readers, "run_limited", counting)
    first = readers.read_sheets(path)
    assert readers.read_sheets(path) is first and len(started) == 1
    write_xlsx("once.xlsx", {"Sheet": [REGISTER_HEADERS, ["IBM", "O-2", "2027-01-01"],
                                       ["IBM", "O-3", "2027-01-01"]]})
    assert [row[1] for row in readers.read_sheets(path)[0].rows[1:]] == ["O-2", "O-3"]
    assert len(started) == 2
