"""The window in German: the catalog is sound and compiled, the translator turns the
window German, and the language setting is chosen, stored and followed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contractdesk.paths import resource_path
from contractdesk.services.access import DataAccess
from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QCoreApplication, QDialogButtonBox, QLocale, Qt, QTranslator
from contractdesk.ui.settings import LANGUAGE, Settings
from contractdesk.ui.settings_dialog import SettingsDialog
from contractdesk.ui.translations import chosen_language, install_translators
from scripts.i18n import collect, compile_catalog
from tests.conftest import TODAY
from tests.ui.conftest import show_list

CATALOG = resource_path("i18n", "contractdesk_de.ts")
PLACEHOLDER = re.compile(r"\{\w*\}")


def _finished() -> list[tuple[str, str, str]]:
    """(context, English, German) of every translated entry."""
    root = ET.parse(CATALOG).getroot()
    entries = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                entries.append((name, message.findtext("source") or "",
                                translation.text or ""))
    return entries


def test_every_translated_entry_is_finished_and_keeps_its_placeholders() -> None:
    entries = _finished()
    assert len(entries) > 400
    for context, source, german in entries:
        assert german.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(german)) == sorted(PLACEHOLDER.findall(source)), (
            context, source, german)
        assert german.count("&") == source.count("&"), (context, source, german)


def test_translations_follow_the_glossary() -> None:
    lines = resource_path("i18n", "glossary_de.tsv").read_text(encoding="utf-8").splitlines()
    glossary = dict(line.split("\t") for line in lines if line and not line.startswith("#"))
    assert {"Agreement", "Reseller", "OEM", "Notice period", "Due diligence"} <= set(glossary)
    used = [(context, source, german) for context, source, german in _finished()
            if source in glossary]
    assert len(used) >= len(glossary)
    for context, source, german in used:
        assert german == glossary[source], (context, source)


def test_the_compiled_catalog_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    compile_catalog(CATALOG, fresh)
    assert fresh.read_bytes() == CATALOG.with_suffix(".qm").read_bytes(), (
        "contractdesk_de.qm is older than its .ts: run scripts/i18n.py compile")


def test_the_language_is_the_setting_else_the_systems() -> None:
    assert chosen_language("de", QLocale.c()) == "de"
    assert chosen_language("en", QLocale(QLocale.Language.German)) == "en"
    assert chosen_language("", QLocale(QLocale.Language.German, QLocale.Country.Austria)) == "de"
    assert chosen_language("", QLocale(QLocale.Language.French)) == "en"
    assert chosen_language("", QLocale.c()) == "en"  # LANG=C, or unset


def test_english_installs_nothing() -> None:
    assert install_translators("en") == []


@pytest.fixture
def german() -> Iterator[list[QTranslator]]:
    translators = install_translators("de")
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_the_window_reads_german(qtbot: QtBot, access: DataAccess,
                                 german: list[QTranslator]) -> None:
    assert len(german) == 2  # ours and Qt's qtbase
    window = MainWindow(access, Settings(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.start_page.page is not None)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"]
    sidebar = [window.sidebar.item(row).text() for row in range(3)]
    assert sidebar == ["Was zu tun ist", "Verträge", "Bestellungen"]
    page = show_list(qtbot, window, "agreements")
    headers = {str(page.model.headerData(column, Qt.Orientation.Horizontal))
               for column in range(page.model.columnCount())}
    assert {"Kündigung bis", "Händler", "Hersteller"} <= headers, headers
    assert page.text.placeholderText() == "Diese Liste filtern…"
    # Qt's own strings come from qtbase_de
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_the_language_choice_is_stored(qtbot: QtBot) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.currentData() == ""  # follows the system until chosen
    dialog.language.setCurrentIndex(dialog.language.findText("Deutsch"))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.problem.text()
    assert Settings().get(LANGUAGE) == "de"
    again = SettingsDialog(Settings())
    qtbot.addWidget(again)
    assert again.language.currentText() == "Deutsch"
    assert "language" in " ".join(label.text() for label in again.findChildren(
        type(dialog.problem)))


def test_the_extractor_files_each_string_under_the_context_the_code_asks_in() -> None:
    found = set(collect())
    assert ("menus", "&File") in found  # a module's _tr wrapper
    assert ("labels", "Notice deadline") in found  # a table the wrapper looks up
    assert ("Dialogs", "Export everything") in found  # an imported tr wrapper
    assert ("ListPage", "Filter this list…") in found  # self.tr in a class
    assert ("app", "Cannot open the database") in found  # QCoreApplication.translate
