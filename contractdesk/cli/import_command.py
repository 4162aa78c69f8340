"""``import FILE``: a register, a Snipe-IT asset export or ContractDesk's own export."""

from __future__ import annotations

import argparse

from contractdesk.cli.common import (
    AddDbOption,
    Subparsers,
    existing_file,
    open_from_args,
    print_json,
)
from contractdesk.importing.mapping import load_overrides
from contractdesk.importing.plan import KINDS
from contractdesk.importing.service import ImportSummary, run_import
from contractdesk.importing.text_files import TextFormat, describe_delimiter
from contractdesk.printable import printable


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser = commands.add_parser(
        "import", help="import a spreadsheet (.xlsx, .xls, .ods, .csv) or a ContractDesk "
                       "export (.json, .xlsx)")
    add_db(parser)
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--sheet", metavar="NAME", help="the sheet to import (default: the "
                        "one that looks like a register)")
    parser.add_argument("--mapping", metavar="MAP.json", help='column mapping overrides: '
                        '{"Header": "agreement.contract_number", "Ignored column": null}')
    parser.add_argument("--dry-run", action="store_true",
                        help="report what would happen, write nothing")
    parser.add_argument("--strict", action="store_true",
                        help="import nothing if any row cannot be imported")
    parser.add_argument("--json", action="store_true", help="machine-readable summary")
    parser.add_argument("--currency", default="EUR", metavar="CODE",
                        help="currency of amounts the file does not name (default EUR)")
    parser.add_argument("--encoding", metavar="NAME",
                        help="a CSV file's encoding, e.g. utf-8, cp1252, cp850 (default: "
                             "detected)")
    parser.add_argument("--delimiter", metavar="CHAR",
                        help="a CSV file's column separator: ';', ',', '|' or tab "
                             "(default: detected)")
    parser.set_defaults(handler=run_import_command)


def run_import_command(args: argparse.Namespace) -> int:
    path = existing_file(args.file)
    overrides = load_overrides(existing_file(args.mapping)) if args.mapping else None
    database = open_from_args(args)
    try:
        summary = run_import(database, path, sheet=args.sheet, mapping=overrides,
                             dry_run=args.dry_run, strict=args.strict,
                             default_currency=args.currency.strip().upper(),
                             text_format=TextFormat(args.encoding,
                                                    _delimiter(args.delimiter)))
    finally:
        database.close()
    if args.json:
        print_json(summary.to_json())
    else:
        print(printable(describe(summary)))
    return 0


def _delimiter(given: str | None) -> str | None:
    """A delimiter as typed on a command line, where a tab is hard to type."""
    if given is None:
        return None
    return "\t" if given.strip().lower() in ("tab", "\\t", "\t") else given


def _counts(counts: dict[str, int]) -> str:
    listed = ", ".join(f"{counts[kind]} {kind}" for kind in KINDS if counts[kind])
    return listed or "nothing"


def describe(summary: ImportSummary) -> str:
    """The short human summary: what was (or would be) created, updated and skipped."""
    text = summary.text_format
    if text is not None:  # a CSV file: no sheets, but an encoding and a delimiter
        where = (f" ({text.encoding}, separated by {describe_delimiter(text.delimiter)}; "
                 f"headers on row {summary.header_row})")
    elif summary.sheet and summary.header_row:
        where = f", sheet {summary.sheet!r} (headers on row {summary.header_row})"
    else:
        where = ""
    verb = "Would create" if summary.dry_run else "Created"
    rows = "1 row" if summary.rows_read == 1 else f"{summary.rows_read} rows"
    lines = [f"{summary.file}{where}: {rows} read.",
             f"{verb}: {_counts(summary.created)}.",
             f"{'Would update' if summary.dry_run else 'Updated'}: "
             f"{_counts(summary.updated)}."]
    if summary.unmapped:
        lines.append(f"Columns not recognised (kept in notes): {', '.join(summary.unmapped)}.")
    if summary.warnings:
        lines.append(f"{len(summary.warnings)} warning(s):")
        lines.extend(f"  {f'row {w.row}' if w.row else 'file'}: {w.text}"
                     for w in summary.warnings)
    if summary.skipped:
        lines.append(f"Skipped {len(summary.skipped)} row(s):")
        lines.extend(f"  row {s.row}: {s.reason}" for s in summary.skipped)
    if summary.dry_run:
        lines.append("Dry run: nothing was written.")
    return "\n".join(lines)
