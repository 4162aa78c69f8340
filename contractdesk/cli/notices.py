"""What ``contractdesk remind`` tells the user, and the platform's own notifier for when
no system tray takes Qt's messages (GNOME, a plain X session). No Qt here: the sign-in
run must also work where none can start.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from contractdesk import APP_NAME
from contractdesk.services.login_item import Platform, current_platform
from contractdesk.services.reminders import DueReminder
from contractdesk.services.renewals import ACTION_WORDS

MAX_SEPARATE = 3  # more at once is a pile to click away: the rest become one summary
TOOL_TIMEOUT_S = 10


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification; clicking it opens the agreement (None: just the window)."""

    agreement_id: int | None
    title: str
    text: str


def _text(reminder: DueReminder, today: dt.date) -> str:
    days = reminder.days_left(today)
    when = (f"{-days} days overdue" if days < 0 else "today" if days == 0
            else f"{days} days left")
    return (f"{reminder.agreement}: {ACTION_WORDS[reminder.action]} "
            f"{reminder.deadline.isoformat()} ({when})")


def notices_for(due: Sequence[DueReminder], today: dt.date) -> list[Notice]:
    """A notice per reminder, overdue ones first as ``due`` has them; beyond
    :data:`MAX_SEPARATE`, the rest in one notice that opens the window."""
    shown = due if len(due) <= MAX_SEPARATE else due[:MAX_SEPARATE - 1]
    notices = [Notice(r.agreement.id,
                      "Overdue renewal reminder" if r.overdue else "Renewal reminder",
                      _text(r, today)) for r in shown]
    if len(due) > len(shown):
        notices.append(Notice(None, f"{len(due) - len(shown)} more renewal reminders due",
                              f"Open {APP_NAME} to see them all."))
    return notices


def print_notices(notices: Sequence[Notice]) -> None:
    for notice in notices:
        print(f"{notice.title}: {notice.text}")


def _tool_command(notice: Notice, platform: Platform) -> list[str] | None:
    if platform == "linux":
        # the body may be read as markup: & and < in a contract name must stay text
        return ["notify-send", f"--app-name={APP_NAME}", "--icon=contractdesk",
                notice.title, html.escape(notice.text, quote=False)]
    if platform == "macos":
        # the texts go in as arguments, so nothing in them needs AppleScript quoting
        return ["osascript", "-e", "on run argv", "-e",
                "display notification (item 2 of argv) with title (item 1 of argv)",
                "-e", "end run", notice.title, notice.text]
    return None


def show_with_platform_tool(notices: Sequence[Notice],
                            platform: Platform | None = None) -> None:
    """``notify-send`` on Linux, ``osascript`` on macOS; printed where neither runs.
    These notifications cannot be clicked to open the window (Qt's tray ones can)."""
    platform = platform or current_platform()
    for notice in notices:
        command = _tool_command(notice, platform)
        if command is not None and shutil.which(command[0]) is not None:
            try:
                done = subprocess.run(command, capture_output=True, check=False,
                                      timeout=TOOL_TIMEOUT_S)
            except (OSError, subprocess.TimeoutExpired):
                done = None
            if done is not None and done.returncode == 0:
                continue
        print_notices([notice])
