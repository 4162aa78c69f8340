"""``remind``: the reminders not yet notified today, told once and recorded as notified.

What the sign-in item (:mod:`contractdesk.services.login_item`) runs, as
``remind --notify``: a short process on the window's database that shows a system
notification per reminder and exits. It follows the window's rule for what to notify
(:func:`~contractdesk.services.reminders.take_notifications`: each stage once a day,
however often the window or this command checks), and writes nothing else: in particular
it does not roll auto-renewed terms forward as opening the window does, so a term that
renewed since the window last ran has its reminders told once the window opens.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from contractdesk.cli.common import AddDbOption, Subparsers, today
from contractdesk.cli.notices import (
    Notice,
    notices_for,
    print_notices,
    show_with_platform_tool,
)
from contractdesk.db.database import open_database, resolve_target
from contractdesk.services.login_item import app_command
from contractdesk.services.reminders import take_notifications


def register(commands: Subparsers, add_db: AddDbOption) -> None:
    parser: Any = commands.add_parser(
        "remind", help="tell the reminders not yet notified today, once (the sign-in item "
                       "runs this)")
    add_db(parser)
    parser.add_argument("--notify", action="store_true",
                        help="as system notifications (clicking one opens the agreement) "
                             "instead of printed lines")
    parser.set_defaults(handler=run_remind)


def take_notices(target: str | None, day: dt.date, stages: tuple[int, ...]) -> list[Notice]:
    """The notices for ``target``'s reminders new today, now recorded as notified. A
    database file that does not exist yet stays so: nothing can be due in it."""
    resolved = resolve_target(target)
    if isinstance(resolved, Path) and not (resolved.is_file() and resolved.stat().st_size):
        return []
    database = open_database(target, verify=False)
    try:
        with database.transaction("cli") as session:
            return notices_for(take_notifications(session, day, stages), day)
    finally:
        database.close()


def deliver(notices: list[Notice], db: str | None) -> None:
    """Tray messages where a tray is, else the platform's notifier; a click opens the
    window (at the agreement) on the same database."""
    from contractdesk.ui.tray_notices import show_in_tray

    def open_window(notice: Notice) -> None:
        args = ["gui", *(["--db", db] if db else [])]
        if notice.agreement_id is not None:
            args += ["--open-reminder", str(notice.agreement_id)]
        subprocess.Popen(app_command(*args), start_new_session=True)

    if not show_in_tray(notices, open_window):
        show_with_platform_tool(notices)


def run_remind(args: argparse.Namespace) -> int:
    # the window's settings say which database and which stages; reading them needs Qt
    from contractdesk.ui.settings import Settings, database_choice
    from contractdesk.ui.workflow.common import lead_times

    settings = Settings()
    db = getattr(args, "db", None)
    notices = take_notices(database_choice(settings, db), today(), lead_times(settings))
    if notices and args.notify:
        deliver(notices, db)
    elif notices:
        print_notices(notices)
    return 0
