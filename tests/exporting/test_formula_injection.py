"""No export ever contains a formula, whatever text the database holds."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from contractdesk.db.database import Database
from contractdesk.exporting.cells import FORMULA_TRIGGERS, starts_like_formula
from contractdesk.exporting.csv_export import escape_csv_cell, unescape_csv_cell
from contractdesk.exporting.dispatch import export_to
from contractdesk.exporting.records import KINDS
from contractdesk.exporting.xlsx_cells import SheetCells, escape_text
from tests.conftest import TODAY
from tests.exporting.conftest import HOSTILE, sheet_xml

FORMULA_ELEMENT = re.compile(r"<(\w+:)?f[ >/]")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def hostile_texts(values: list[object]) -> set[str]:
    return {value for value in values if isinstance(value, str) and value in HOSTILE}


def test_xlsx_holds_hostile_text_as_text_never_as_formula(hostile_database: Database,
                                                          tmp_path: Path) -> None:
    target = tmp_path / "hostile.xlsx"
    with hostile_database.session("cli") as session:
        export_to(session, target, TODAY)
    for name, xml in sheet_xml(target).items():
        assert not FORMULA_ELEMENT.search(xml), name
        assert 't="e"' not in xml, name
    book = load_workbook(target)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    if starts_like_formula(cell.value):
                        assert cell.quotePrefix, cell.coordinate
    calamine = CalamineWorkbook.from_path(target)
    found = {value for name in calamine.sheet_names
             for row in calamine.get_sheet_by_name(name).to_python()
             for value in row if isinstance(value, str)}
    assert set(HOSTILE) <= found  # every hostile text arrived unchanged
    assert ", ".join(sorted(["=", "-", "=SN2"])) in found  # the serial list in one cell


def test_csv_escapes_hostile_text_and_unescaping_gives_it_back(hostile_database: Database,
                                                               tmp_path: Path) -> None:
    seen: set[str] = set()
    for kind in KINDS:
        target = tmp_path / f"{kind}.csv"
        with hostile_database.session("cli") as session:
            export_to(session, target, TODAY, kind=kind, delimiter=",")
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        for row in rows[1:]:
            for cell in row:
                assert not starts_like_formula(cell) or _is_number(cell), (kind, cell)
                seen.add(unescape_csv_cell(cell))
    assert set(HOSTILE) <= seen
    assert "-12.50" in seen  # a negative amount is a number, not text to escape


def test_json_keeps_hostile_text_verbatim(hostile_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "hostile.json"
    with hostile_database.session("cli") as session:
        export_to(session, target, TODAY)
    document = json.loads(target.read_text(encoding="utf-8"))
    values = [value for kind in KINDS for row in document[kind] for value in row.values()]
    assert hostile_texts(values) == set(HOSTILE)


@given(st.text())
def test_csv_escape_round_trips_and_never_starts_like_a_formula(text: str) -> None:
    escaped = escape_csv_cell(text)
    assert not starts_like_formula(escaped)
    assert unescape_csv_cell(escaped) == text


@given(st.sampled_from(FORMULA_TRIGGERS), st.text())
def test_only_formula_like_text_gets_the_quote(trigger: str, rest: str) -> None:
    assert escape_csv_cell(trigger + rest) == "'" + trigger + rest
    plain = "x" + rest
    assert escape_csv_cell(plain) == plain


XML_CHARACTERS = st.characters(exclude_characters="\ufffe\uffff",  # see escape_text
                               exclude_categories=["Cs"])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(XML_CHARACTERS, max_size=30), min_size=1, max_size=20))
def test_any_text_becomes_a_text_cell_in_xlsx(tmp_path_factory: object,
                                              texts: list[str]) -> None:
    folder = tmp_path_factory.mktemp("xlsx")  # type: ignore[attr-defined]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("t")
    cells = SheetCells(sheet, ("row", "text"), {})
    for number, text in enumerate(texts):
        sheet.append(cells.row({"row": number, "text": text}))
    book.save(folder / "t.xlsx")
    for xml in sheet_xml(folder / "t.xlsx").values():
        assert not FORMULA_ELEMENT.search(xml)
    for cell in load_workbook(folder / "t.xlsx")["t"]["B"]:
        assert cell.data_type == "s" or cell.value is None
    read = CalamineWorkbook.from_path(folder / "t.xlsx").get_sheet_by_name("t").to_python(
        skip_empty_area=False)
    # exactly, as the importer's reader (calamine) sees it
    assert [row[1] if len(row) > 1 else "" for row in read] == texts


def test_xml_escapes_for_what_xml_cannot_carry() -> None:
    assert escape_text("a\rb\x01") == "a_x000D_b_x0001_"
    assert escape_text("keep _x000D_ literal") == "keep _x005F_x000D_ literal"
    assert escape_text("\n") == "_x000A_"
    assert escape_text("x\ufffey") == "x\ufffdy"  # a non-character: no escape exists
    assert escape_text("x\ud800y") == "x\ufffdy"  # a lone surrogate: likewise
    assert escape_text("plain text") == "plain text"


def test_csv_round_trip_through_the_csv_module() -> None:
    originals = [*HOSTILE, "plain", "", "'quoted", "a;b", 'say "hi"', "line\nbreak"]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow([escape_csv_cell(t) for t in originals])
    (read,) = csv.reader(io.StringIO(buffer.getvalue()), delimiter=";")
    assert [unescape_csv_cell(cell) for cell in read] == originals
