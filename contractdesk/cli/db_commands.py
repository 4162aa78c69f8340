"""``backup``, ``restore`` and ``check``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import text

from contractdesk.cli.common import (
    AddDbOption,
    Subparsers,
    existing_file,
    open_from_args,
    output_path,
)
from contractdesk.db import migrate
from contractdesk.db.backup import automatic_backup, backups_dir, copy_database, integrity_problems
from contractdesk.db.database import Database, require_sqlite, resolve_target
from contractdesk.db.restore import KeepPrevious, restore_from, set_aside
from contractdesk.db.serial_keys import serial_clashes
from contractdesk.db.sqlite_files import DamagedDatabaseError
from contractdesk.errors import UserError
from contractdesk.exporting.json_export import write_json
from contractdesk.exporting.request import ExportRequest
from contractdesk.paths import data_dir
from contractdesk.services.backup_archive import is_archive, restore_archive, write_archive
from contractdesk.services.documents import default_store


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    backup = commands.add_parser("backup", help="copy the database (and documents) to a "
                                                "backup file")
    add_db(backup)
    backup.add_argument("-o", "--output", metavar="FILE",
                        help="FILE.zip: database and attached documents; any other name "
                             "(FILE.sqlite3): the database alone (default: a timestamped "
                             ".zip in backups/)")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser("restore", help="replace the database with a backup")
    add_db(restore)
    restore.add_argument("file", metavar="FILE",
                         help="a .zip backup (database and documents) or a database file")
    restore.set_defaults(handler=run_restore)

    check = commands.add_parser("check", help="check the database's integrity and schema")
    add_db(check)
    check.set_defaults(handler=run_check)


def run_backup(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    if database.path is None:
        return _backup_server(database, args.output)
    path = database.path
    database.close()
    if args.output:
        target = output_path(args.output)
    else:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backups_dir(path) / f"manual-{stamp}.zip"
        target.parent.mkdir(parents=True, exist_ok=True)
    if not is_archive(target):
        copy_database(path, target)
        print(f"Backed up the database (without documents) to {target}")
        return 0
    summary = write_archive(path, target, default_store())
    print(f"Backed up the database and {summary.documents} documents to {target}")
    if summary.missing:
        print(f"Warning: {len(summary.missing)} documents were already missing from "
              f"{default_store().root} and are not in the backup.", file=sys.stderr)
    return 0


def _backup_server(database: Database, output: str | None) -> int:
    """A server cannot be copied as a file: its backup is a portable JSON export, which
    ``contractdesk import`` reads back into an empty database."""
    if output:
        target = output_path(output)
        if target.suffix.lower() != ".json":
            raise UserError(f"{database.describe()} is a database server: its backup is a "
                            "JSON export, so give a file name ending in .json.")
    else:
        folder = data_dir() / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"server-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    with database.transaction("cli") as session:
        write_json(session, target, ExportRequest(today=dt.date.today()))
    print(f"{database.describe()} is a database server, so the backup is a JSON export "
          f"of all records: {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Replaces the database with a backup, keeping the previous one: as a backup when
    it is sound, renamed aside when it is damaged (what the refusal to open it says to
    do). Either happens only once the backup has been checked."""
    source = existing_file(args.file)
    keep_previous: KeepPrevious = _backup_before_restore
    try:
        database = open_from_args(args)
    except DamagedDatabaseError:
        path = resolve_target(args.db)
        assert isinstance(path, Path), "only a SQLite file is found damaged"
        keep_previous = set_aside
    else:
        path = require_sqlite(database, "restore")
        database.close()
    if is_archive(source):
        summary = restore_archive(source, path, default_store(), keep_previous)
        restored, previous = f"and {summary.documents} documents ", summary.previous
    else:
        restored, previous = "", restore_from(source, path, keep_previous)
    print(f"Restored {path} {restored}from {source} (the previous database is in "
          f"{previous})")
    return 0


def _backup_before_restore(path: Path) -> Path:
    return automatic_backup(path, "before-restore")


def run_check(args: argparse.Namespace) -> int:
    database = open_from_args(args)
    with database.engine.connect() as connection:
        revision = migrate.current_revision(connection)
        if database.is_sqlite:
            server = "SQLite " + str(connection.execute(text("select sqlite_version()"))
                                     .scalar())
        else:
            server = str(connection.execute(text("select version()")).scalar())
    print(f"Database: {database.describe()}")
    print(f"Server: {server}")
    print(f"Schema revision: {revision} (this app: {migrate.head_revision()})")
    with database.engine.connect() as connection:
        for clash in serial_clashes(connection):
            print(f"Serial numbers: {clash}")
    if database.path is not None:
        database.close()
        problems = integrity_problems(database.path)
        if problems:
            raise UserError("Integrity check failed: " + "; ".join(problems[:5]))
    print("Integrity: ok")
    return 0
