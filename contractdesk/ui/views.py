"""Table views as the window shows records: read-only, whole rows selected."""

from __future__ import annotations

from contractdesk.ui.qt import QAbstractItemView, QAbstractTableModel, QTableView


def read_only_table(model: QAbstractTableModel, *, stretch_last: bool = True) -> QTableView:
    """A view of ``model`` in which a click selects a row and nothing is edited in place
    (records are edited in their forms, where they are validated and audited)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view
