"""Every user setting in one typed registry over QSettings (after Picard's ``options.py``).

Defaults live here and nowhere else; a value of the wrong type in the file (edited by
hand, or written by an older version) falls back to the default instead of crashing.
Settings are an INI file in the data folder, so ``CONTRACTDESK_HOME`` moves them with
the database and tests never touch the user's real settings. ``UPGRADES`` maps a settings
version to the function that brings older files up to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from contractdesk.paths import data_dir
from contractdesk.ui.qt import QByteArray, QSettings

T = TypeVar("T", int, str, bool)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


REMINDER_DAYS = Option("renewals/reminder_days", 90)
REMINDER_STAGES = Option("renewals/reminder_stages", "90,60,30,7")  # days before a deadline
DEFAULT_CURRENCY = Option("records/default_currency", "EUR")
LOCALE = Option("display/locale", "")  # "" = the system's
LANGUAGE = Option("display/language", "")  # "" = the system's; "en", "de" (at next start)
THEME = Option("display/theme", "system")  # system, light, dark
DATABASE = Option("database/location", "")  # "" = the default file; a path or a URL
TEAM_SERVER_URL = Option("database/team_server_url", "")
BACKUP_FOLDER = Option("backup/folder", "")  # "" = the data folder's backups/
BACKUPS_TO_KEEP = Option("backup/keep", 10)
# the sign-in item of contractdesk.services.login_item: reminders with the window closed
REMIND_AT_SIGN_IN = Option("reminders/at_sign_in", False)

THEMES = ("system", "light", "dark")


def _upgrade_to_1(settings: QSettings) -> None:
    """Version 1 is the first; files without a version are from before any release."""


UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_to_1}


def database_choice(settings: Settings, db: str | None) -> str | None:
    """The database the window opens: ``db`` (``--db``), else the team server, else the
    chosen file; None for the default (``CONTRACTDESK_DB``, else the data folder's)."""
    return db or settings.get(TEAM_SERVER_URL) or settings.get(DATABASE) or None


class Settings:
    """Typed access to the settings file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(str(data_dir() / "settings.ini"),
                                        QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        found = str(self.store.value("settings_version", 0))
        version = int(found) if found.isdigit() else 0
        if version == SETTINGS_VERSION:
            return  # writing it again would rewrite (and fsync) the file at every start
        for target in sorted(UPGRADES):
            if version < target:
                UPGRADES[target](self.store)
        self.store.setValue("settings_version", SETTINGS_VERSION)

    def get(self, option: Option[T]) -> T:
        raw = self.store.value(option.key, option.default)
        default = option.default
        value: int | str | bool
        if raw is None:
            value = default
        elif isinstance(default, bool):
            value = raw in (True, "true", "1", 1)
        elif isinstance(default, int):
            text = str(raw).strip()
            value = int(text) if text.lstrip("-").isdigit() else default
        else:
            value = str(raw)
        return type(default)(value)

    def set(self, option: Option[T], value: T) -> None:
        self.store.setValue(option.key, value)

    def layout(self, key: str) -> QByteArray | None:
        """A saved window or table layout (``saveGeometry``/``saveState`` bytes)."""
        value = self.store.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, key: str, state: QByteArray) -> None:
        self.store.setValue(f"layout/{key}", state)

    def sync(self) -> None:
        self.store.sync()
