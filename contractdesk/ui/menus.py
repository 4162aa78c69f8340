"""The menu bar: File, Edit, View, Records, Reports, Help, with standard shortcuts.

Entries for import, export and reports exist but are disabled until those services are
wired in (they will run through ``tasks.run_task``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from contractdesk.ui.qt import QAction, QApplication, QCoreApplication, QKeySequence, QMenu

if TYPE_CHECKING:
    from contractdesk.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("menus", text)


def _add(menu: QMenu, text: str, slot: Callable[[], object] | None = None,
         shortcut: QKeySequence | Key | str | None = None, tip: str = "") -> QAction:
    action = QAction(text, menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if slot is None:
        action.setEnabled(False)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}
    not_yet = _tr("Not available in this version yet")

    file_menu = bar.addMenu(_tr("&File"))
    new_menu = file_menu.addMenu(_tr("&New"))
    for kind, text, shortcut in (("agreement", _tr("&Agreement…"), Key.New),
                                 ("purchase", _tr("&Purchase…"), None),
                                 ("item", _tr("&Item…"), None),
                                 ("organization", _tr("&Organization…"), None),
                                 ("contact", _tr("&Contact…"), None)):
        actions[f"new_{kind}"] = _add(new_menu, text, partial(window.new_record, kind),
                                      shortcut)
    file_menu.addSeparator()
    # TODO(lead): wire the import wizard here once the import service is merged.
    actions["import"] = _add(file_menu, _tr("&Import spreadsheet…"), None, "Ctrl+I",
                             not_yet)
    export_menu = file_menu.addMenu(_tr("&Export"))
    # TODO(lead): wire the export service here (all records / current filtered list).
    actions["export_all"] = _add(export_menu, _tr("Everything…"), None, "Ctrl+E", not_yet)
    actions["export_list"] = _add(export_menu, _tr("The current list…"), None, None,
                                  not_yet)
    file_menu.addSeparator()
    actions["settings"] = _add(file_menu, _tr("&Settings…"), window.show_settings,
                               Key.Preferences)
    file_menu.addSeparator()
    actions["quit"] = _add(file_menu, _tr("&Quit"), window.close, Key.Quit)

    edit_menu = bar.addMenu(_tr("&Edit"))
    undo = window.undo_stack.createUndoAction(edit_menu, _tr("&Undo"))
    undo.setShortcut(QKeySequence(Key.Undo))
    redo = window.undo_stack.createRedoAction(edit_menu, _tr("&Redo"))
    redo.setShortcut(QKeySequence(Key.Redo))
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    actions["undo"], actions["redo"] = undo, redo
    edit_menu.addSeparator()
    actions["find"] = _add(edit_menu, _tr("&Find…"), window.focus_search, Key.Find,
                           _tr("Search serials, contracts, POs, vendors and people"))

    view_menu = bar.addMenu(_tr("&View"))
    titles = {"start": _tr("&What needs doing"), "agreements": _tr("&Agreements"),
              "purchases": _tr("&Purchases"), "items": _tr("&Items"),
              "organizations": _tr("&Organizations"), "contacts": _tr("&Contacts")}
    for number, (key, text) in enumerate(titles.items(), start=1):
        actions[f"view_{key}"] = _add(view_menu, text, partial(window.show_page, key),
                                      f"Ctrl+{number}")
    view_menu.addSeparator()
    actions["refresh"] = _add(view_menu, _tr("&Refresh"), window.refresh, Key.Refresh)

    records_menu = bar.addMenu(_tr("&Records"))
    actions["open"] = _add(records_menu, _tr("&Open selected"), window.open_selected,
                           "Ctrl+O", _tr("Open the selected record (organizations open "
                                         "in the vendor view)"))
    actions["edit"] = _add(records_menu, _tr("&Edit selected…"), window.edit_selected,
                           "Ctrl+Shift+E")
    actions["delete"] = _add(records_menu, _tr("&Delete selected…"), window.delete_selected,
                             Key.Delete)
    records_menu.addSeparator()
    records_menu.addMenu(new_menu)

    reports_menu = bar.addMenu(_tr("Re&ports"))
    # TODO(lead): wire the report services here, each through tasks.run_task.
    actions["report_renewals"] = _add(reports_menu, _tr("&Renewals report…"), None, None,
                                      not_yet)
    actions["report_vendor"] = _add(reports_menu, _tr("&Vendor summary…"), None, None,
                                    not_yet)
    actions["report_support"] = _add(reports_menu, _tr("&Support card…"), None, None,
                                     not_yet)
    reports_menu.addSeparator()
    actions["print"] = _add(reports_menu, _tr("&Print…"), None, Key.Print, not_yet)

    help_menu = bar.addMenu(_tr("&Help"))
    actions["about"] = _add(help_menu, _tr("&About ContractDesk"), window.show_about)
    actions["about_qt"] = _add(help_menu, _tr("About &Qt"), QApplication.aboutQt)
    return actions
