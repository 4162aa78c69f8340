"""Starts the window: application object, look, exception hook, database, main window.

Opening the database is the first thing that can fail for reasons the user can fix
(locked, damaged, newer schema, unreachable server); that is one dialog with the
sentence from the error and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import sys

from contractdesk import APP_NAME, __version__
from contractdesk.db.database import open_database
from contractdesk.errors import UserError
from contractdesk.logging_setup import setup_logging
from contractdesk.services.access import DataAccess
from contractdesk.services.terms import roll_forward_database
from contractdesk.ui.crash import install_excepthook
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.look import app_icon, apply_theme
from contractdesk.ui.qt import QApplication, QCoreApplication, QWidget
from contractdesk.ui.settings import (
    BACKUPS_TO_KEEP,
    LANGUAGE,
    THEME,
    Settings,
    database_choice,
)
from contractdesk.ui.tasks import Task, run_task
from contractdesk.ui.translations import chosen_language, install_translators

log = logging.getLogger("contractdesk.ui")

EXIT_CANNOT_OPEN = 2
# Collections of the youngest objects come after this many new ones (Python: 700)
YOUNG_COLLECTION_AFTER = 20_000


def application() -> QApplication:
    """The one QApplication, created with the app's name and icon if not there yet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("contractdesk")
    return app


def open_data(db: str | None, settings: Settings) -> DataAccess | None:
    """The database ``db`` names (else the one in the settings); None after telling the
    user why it cannot be opened."""
    target = database_choice(settings, db)
    try:
        database = open_database(target, backup_keep=settings.get(BACKUPS_TO_KEEP),
                                 verify=False)
        roll_forward_database(database, dt.date.today())
    except UserError as error:
        log.warning("cannot open database: %s", error)
        Dialogs.error(None, QCoreApplication.translate("app", "Cannot open the database"),
                      str(error))
        return None
    return DataAccess(database)


def verify_in_background(window: QWidget, data: DataAccess) -> Task[list[str]]:
    """The integrity check that :func:`open_data` skipped so the window opens at once;
    a damaged file is reported, and the window closed, before anyone edits it."""

    def report(problems: list[str]) -> None:
        if problems:
            log.error("integrity check failed: %s", problems[:5])
            Dialogs.error(window, QCoreApplication.translate("app", "The database is damaged"),
                          QCoreApplication.translate(
                              "app", "{0} is damaged ({1}). Restore a backup (File → "
                              "Restore, or 'contractdesk restore').").format(
                                  data.describe(), problems[0]))
            window.close()

    return run_task(window, QCoreApplication.translate("app", "Checking the database"),
                    lambda _progress: data.integrity_problems(), report,
                    progress_dialog=False)


def calm_garbage_collector() -> None:
    """A full collection stops every thread, the window's too. On 20,000 agreements the
    start page's workers set off seven in the first seconds, of 80–165 ms each, all
    walking the modules, classes and functions loaded at start. Those are frozen out
    of every later collection, and young objects are collected less often: the app's
    data is rows and records, which seldom form cycles, so waiting costs little memory.
    """
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_AFTER, middle, old)


def run(db: str | None, open_agreement: int | None = None) -> int:
    """The window on the database ``db``; ``open_agreement`` (a clicked reminder of
    ``contractdesk remind``) opens that agreement's form in it."""
    setup_logging()
    app = application()
    settings = Settings()
    language = chosen_language(settings.get(LANGUAGE))
    translators = install_translators(language)  # kept alive while the window runs
    log.info("window language: %s (%d catalogs)", language, len(translators))
    apply_theme(app, settings.get(THEME))
    install_excepthook()
    data = open_data(db, settings)
    if data is None:
        return EXIT_CANNOT_OPEN
    from contractdesk.ui.main_window import MainWindow

    window = MainWindow(data, settings)
    window.show()
    if open_agreement is not None:
        window.open_record("agreement", open_agreement)
    calm_garbage_collector()
    verify_in_background(window, data)
    try:
        return int(app.exec())
    finally:
        data.close()
