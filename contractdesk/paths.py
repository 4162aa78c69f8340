"""Where ContractDesk keeps its files, frozen or not.

``CONTRACTDESK_HOME`` moves the whole data folder (tests, portable installs); otherwise
the platform's user data folder is used, as platformdirs knows it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from contractdesk import APP_NAME

DB_FILE_NAME = "contractdesk.sqlite3"


def data_dir() -> Path:
    override = os.environ.get("CONTRACTDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def logs_dir() -> Path:
    return data_dir() / "logs"


def documents_dir() -> Path:
    return data_dir() / "documents"


def package_dir() -> Path:
    """The installed ``contractdesk`` package; inside a PyInstaller bundle too."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "contractdesk"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """A file shipped with the app under ``contractdesk/resources/``."""
    return package_dir().joinpath("resources", *parts)
