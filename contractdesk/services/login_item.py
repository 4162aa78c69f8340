"""The sign-in item that runs ``contractdesk remind --notify``: deadlines are announced
even in a week the window stays closed, with no service or scheduler to install.

Each platform starts per-user programs at sign-in from a file in a folder of its own:
Windows a ``.cmd`` in the Startup folder (a file rather than a ``Run`` registry value,
so that it is seen, removed and tested like the others), macOS a LaunchAgent with
``RunAtLoad``, Linux an XDG autostart entry. The platform, environment and home folder
are parameters, so every platform's file can be checked on any machine.
"""

from __future__ import annotations

import os
import plistlib
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from contractdesk import APP_NAME
from contractdesk.errors import UserError

Platform = Literal["windows", "macos", "linux"]

REMIND_ARGS = ("remind", "--notify")
LAUNCH_AGENT_LABEL = "io.contractdesk.ContractDesk.reminders"


def current_platform() -> Platform:
    if sys.platform == "win32":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


def app_command(*args: str, platform: Platform | None = None,
                executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """The command line that runs this installation of ContractDesk with ``args``.

    A bundle runs its own windowed executable (on Windows the console twin would open a
    console window at every sign-in; the windowed one runs sub-commands all the same).
    A source checkout runs its interpreter with ``-m contractdesk``; on Windows the
    ``pythonw`` beside it, for the same reason.
    """
    platform = platform or current_platform()
    running = Path(executable or sys.executable)
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        name = f"{APP_NAME}.exe" if platform == "windows" else APP_NAME
        return [str(running.with_name(name)), *args]
    windowless = running.with_name("pythonw.exe")
    if platform == "windows" and windowless.is_file():
        running = windowless
    return [str(running), "-m", "contractdesk", *args]


@dataclass(frozen=True, slots=True)
class LoginItem:
    """Where the sign-in item lives and what it says."""

    path: Path
    content: str


def login_item(command: Sequence[str], platform: Platform | None = None,
               environ: Mapping[str, str] | None = None,
               home: Path | None = None) -> LoginItem:
    """The sign-in item that runs ``command``, for the user whose ``environ`` and ``home``
    these are (default: this process's)."""
    platform = platform or current_platform()
    env = os.environ if environ is None else environ
    home = home or Path.home()
    if platform == "windows":
        appdata = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
        folder = appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
        return LoginItem(folder / f"{APP_NAME} reminders.cmd", _cmd_file(command))
    if platform == "macos":
        return LoginItem(home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist",
                         _launch_agent(command))
    config = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else home / ".config"
    return LoginItem(config / "autostart" / "contractdesk-reminders.desktop",
                     _desktop_entry(command))


def _cmd_file(command: Sequence[str]) -> str:
    # ``start`` lets the console of the .cmd close at once; "" is the window title it
    # wants first. A batch file reads % as a variable: doubled, it is a literal one.
    quoted = " ".join('"' + part.replace("%", "%%") + '"' for part in command)
    return f'@start "" {quoted}\r\n'


def _launch_agent(command: Sequence[str]) -> str:
    agent = {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": list(command),
             "RunAtLoad": True, "ProcessType": "Interactive"}
    return plistlib.dumps(agent).decode("utf-8")


def _exec_argument(part: str) -> str:
    """One argument of a desktop entry's ``Exec``: quoted, with the characters the
    specification reserves inside quotes escaped, % as %%, and then the value's own
    escaping of backslashes (applied before the quoting when the entry is read)."""
    inner = re.sub(r'(["`$\\])', r"\\\1", part.replace("%", "%%"))
    return f'"{inner}"'.replace("\\", "\\\\")


def _desktop_entry(command: Sequence[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME} reminders",
        "Comment=Notifies renewal reminders that are due, then exits",
        f"Exec={' '.join(_exec_argument(part) for part in command)}",
        "Icon=contractdesk",
        "Terminal=false",
        "NoDisplay=true",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def set_login_item(enabled: bool, item: LoginItem | None = None) -> None:
    """Writes the sign-in item (again: the app may have moved since), or removes it.

    Raises:
        UserError: the folder cannot be written.
    """
    item = item or login_item(app_command(*REMIND_ARGS))
    try:
        if enabled:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            item.path.write_text(item.content, encoding="utf-8", newline="")
        else:
            item.path.unlink(missing_ok=True)
    except OSError as error:
        action = "create" if enabled else "remove"
        raise UserError(f"Cannot {action} the sign-in item {item.path}: "
                        f"{error.strerror or error}.") from error
