from __future__ import annotations

from pytestqt.qtbot import QtBot

from contractdesk.ui.main_window import MainWindow
from contractdesk.ui.qt import QKeySequence, Qt


def _names(window: MainWindow, section: str) -> list[str]:
    _label, _view, model = window.start_page.sections[section]
    return [str(row["name"]) for row in model.rows]


def test_start_page_shows_overdue_and_notice_due_without_a_click(window: MainWindow) -> None:
    assert _names(window, "overdue") == ["CSCO-SNT-9921"]
    assert _names(window, "notice_due") == ["MS-TEAMS-PH", "MS-EA-2024", "VEEAM-DP-1187"]
    assert _names(window, "reviews")[0] == "Computacenter"
    assert window.start_page.counts["overdue"].number.text() == "1"
    assert window.start_page.counts["notice_due"].number.text() == "3"
    _label, _view, model = window.start_page.sections["overdue"]
    assert model.rows[0]["when"] == "40 days overdue"


def test_clicking_a_start_page_row_opens_its_agreement(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    _label, view, _model = window.start_page.sections["notice_due"]
    rect = view.visualRect(view.model().index(0, 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.dialogs, "no form opened"
    form = window.dialogs[-1].form
    assert form.fields["contract_number"].value() == "MS-TEAMS-PH"


def test_search_a_serial_says_who_to_call_and_what_to_quote(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "7HG2KM3")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.search_page)
    qtbot.waitUntil(lambda: "Dell ProSupport" in window.search_page.answer_text())
    card = window.search_page.answer_text()
    # the running warranty, not the extension that starts next month
    assert "DELL-PS-4471</b>" in card
    assert "+49 69 9792 7300" in card
    assert "DELL-PS-4471-REF" in card
    tree = window.search_page.tree
    items = tree.topLevelItem(0)
    assert items is not None
    assert items.text(0).startswith("Items")
    hit = items.child(0)
    assert hit is not None
    assert hit.text(0) == "7HG2KM3"
    cover = hit.child(0)
    assert cover is not None
    assert "call Dell ProSupport" in cover.text(1)
    # one click opens the agreement that covers it
    tree.scrollToItem(cover)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(cover).center())
    assert window.dialogs[-1].form.fields["contract_number"].value() == "DELL-PS-4471"


def test_search_groups_vendors_people_and_purchases(qtbot: QtBot, window: MainWindow) -> None:
    window.search.setText("bechtle")
    qtbot.waitUntil(lambda: window.search_page.result.text == "bechtle")
    groups = window.search_page.result.groups
    assert [hit.label for hit in groups["organizations"]] == ["Bechtle"]
    assert {hit.label for hit in groups["contacts"]} == {"Petra Vogel",
                                                         "Bechtle Service Desk"}
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.start_page


def test_each_start_page_line_explains_its_date_on_hover(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    _label, _view, model = window.start_page.sections["notice_due"]
    assert model.rows[0]["name"] == "MS-TEAMS-PH"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and "notice must arrive by" in tip
    reminders = window.start_page.reminders.model
    qtbot.waitUntil(lambda: bool(reminders.rows))
    first = reminders.rows[0]
    assert first["name"] == "CSCO-SNT-9921"
    assert reminders.data(reminders.index(0, 3), Qt.ItemDataRole.ToolTipRole) == (
        first["explanation"])
    assert "notice must arrive by" in str(first["explanation"])
