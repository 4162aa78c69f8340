"""Logging to a rotating file in the data folder's ``logs/``; quiet on the console."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from contractdesk.paths import logs_dir

LOG_FILE_NAME = "contractdesk.log"


def log_file() -> Path:
    return logs_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attaches the file handler once; returns the log file, or None if it cannot be
    written (a read-only home must not stop the app from starting)."""
    root = logging.getLogger("contractdesk")
    root.setLevel(level)
    path = log_file()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)  # the data folder moved (CONTRACTDESK_HOME)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000,
                                                       backupCount=5, encoding="utf-8",
                                                       errors="backslashreplace")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
