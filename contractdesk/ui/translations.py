"""The window's language: which one (the setting, else the system's), and the
translators that make it so — ours (``resources/i18n``) and Qt's own ``qtbase`` (the
standard dialogs' buttons).

Installed once at start, before any widget exists, so a change of the setting applies at
the next start. English is the source language: choosing it installs nothing.

PySide's ``self.tr`` asks in the context of the object's own class, and the catalog
(scripts/i18n.py) files a string under the class whose code says it: the two agree while
no window class inherits another's ``tr`` strings; a subclass that does needs its base's
strings said through ``QCoreApplication.translate("Base", ...)``.
"""

from __future__ import annotations

from contractdesk.paths import resource_path
from contractdesk.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "de")  # the window's languages: English and each catalog


def chosen_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: ``setting`` ("en", "de"), or for "" the first of the
    system's UI languages that the window speaks (English if none, e.g. ``LANG=C``)."""
    if setting in LANGUAGES:
        return setting
    for name in (system or QLocale.system()).uiLanguages():
        language = name.replace("_", "-").split("-")[0].lower()
        if language in LANGUAGES:
            return language
    return SOURCE_LANGUAGE


def install_translators(language: str) -> list[QTranslator]:
    """Installs the catalogs of ``language`` into the application; returns them (the
    application does not own them, so the caller keeps them alive)."""
    if language == SOURCE_LANGUAGE:
        return []
    ours = QTranslator()
    qt = QTranslator()
    loaded = [translator for translator, ok in (
        (ours, ours.load(str(resource_path("i18n", f"contractdesk_{language}.qm")))),
        (qt, qt.load(f"qtbase_{language}",
                     QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
    ) if ok]
    for translator in loaded:
        QCoreApplication.installTranslator(translator)
    return loaded
