"""The menu bar: File, Edit, View, Records, Reports, Help, with standard shortcuts.

Import, export and reports are in ``file_actions`` and ``report_actions``; each runs
through ``tasks.run_task``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from contractdesk.ui import file_actions, report_actions
from contractdesk.ui.qt import QAction, QApplication, QCoreApplication, QKeySequence, QMenu

if TYPE_CHECKING:
    from contractdesk.ui.main_window import MainWindow
    from contractdesk.ui.pages.vendor_page import VendorPage

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


def _print_button(window: MainWindow, page: VendorPage) -> None:
    """The vendor view's Print summary… does what Reports → Vendor summary… does."""
    page.print_button.clicked.connect(
        lambda _checked=False: report_actions.vendor_report(window))
    page.print_button.setEnabled(True)
    page.print_button.setToolTip(_tr("The vendor summary as a PDF"))


def build_menus(window: MainWindow) -> dict[str, QAction]:
    bar = window.menuBar()
    actions: dict[str, QAction] = {}

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
    actions["import"] = _add(file_menu, _tr("&Import…"),
                             partial(file_actions.start_import, window), "Ctrl+I",
                             _tr("Import a register (xlsx, xls, ods, csv) or a ContractDesk "
                                 "export; you can also drop the file on the window"))
    export_menu = file_menu.addMenu(_tr("&Export"))
    actions["export_all"] = _add(export_menu, _tr("&Everything…"),
                                 partial(file_actions.export_everything, window), "Ctrl+E",
                                 _tr("Every record to xlsx or JSON (csv: agreements)"))
    actions["export_list"] = _add(export_menu, _tr("This &list…"),
                                  partial(file_actions.export_list, window), "Ctrl+Shift+X",
                                  _tr("The list on screen, as filtered, to xlsx or csv"))
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
    actions["report_renewals"] = _add(
        reports_menu, _tr("&Renewals report…"), partial(report_actions.renewals_report,
                                                        window),
        None, _tr("What needs notice, renews or ends within the reminder window"))
    actions["report_vendor"] = _add(
        reports_menu, _tr("&Vendor summary…"), partial(report_actions.vendor_report, window),
        None, _tr("The organization on screen, or one you pick"))
    actions["report_support"] = _add(
        reports_menu, _tr("&Support card…"), partial(report_actions.support_report, window),
        None, _tr("Who to call for the selected agreement or item, or for all"))
    reports_menu.addSeparator()
    actions["print"] = _add(reports_menu, _tr("&Print…"),
                            partial(report_actions.print_current, window), Key.Print,
                            _tr("The report for what is on screen"))
    window.vendor_part.when_built(partial(_print_button, window))

    help_menu = bar.addMenu(_tr("&Help"))
    actions["about"] = _add(help_menu, _tr("&About ContractDesk"), window.show_about)
    actions["about_qt"] = _add(help_menu, _tr("About &Qt"), QApplication.aboutQt)
    return actions
