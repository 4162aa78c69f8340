"""Undo and Redo of saved edits, for the whole session (one ``QUndoStack``).

A save is committed at once (nothing waits in the window); undoing it saves the values
from before, redoing saves the new ones again, each as its own audited transaction, so
the history tab shows the undo too. Undoing a create deletes the record; redoing it
creates it again (with a new id, which the command keeps).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contractdesk.services import editing
from contractdesk.services.access import DataAccess
from contractdesk.ui.labels import field_label
from contractdesk.ui.qt import QCoreApplication, QUndoCommand

Values = dict[str, Any]


class SaveCommand(QUndoCommand):
    def __init__(self, data: DataAccess, kind: str, record_id: int | None,
                 before: Values | None, after: Values, label: str,
                 changed: Callable[[], None]) -> None:
        super().__init__()
        self.access = data
        self.kind = kind
        self.record_id = record_id
        self.before = before
        self.after = after
        self.changed = changed
        self._first = True
        verb = "Create" if before is None else "Edit"
        self.setText(QCoreApplication.translate("undo", f"{verb} {{what}}").format(
            what=label or field_label(kind)))

    def save_first(self) -> int:
        """The save the user asked for; raises ``ValidationError`` before anything is
        pushed, so a refused save leaves nothing to undo."""
        self.record_id = self.access.write(editing.save, self.kind, self.record_id,
                                           self.after)
        return self.record_id

    def redo(self) -> None:
        if self._first:  # already saved by save_first
            self._first = False
            return
        self.record_id = self.access.write(editing.save, self.kind,
                                           None if self.before is None else self.record_id,
                                           self.after)
        self.changed()

    def undo(self) -> None:
        if self.record_id is None:
            return
        if self.before is None:
            self.access.write(editing.delete, self.kind, self.record_id)
        else:
            self.access.write(editing.save, self.kind, self.record_id, self.before)
        self.changed()
