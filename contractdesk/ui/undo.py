"""Undo and Redo of everything the window writes, for the whole session (one
``QUndoStack``).

Every undoable write goes through ``DataAccess.write_undoable``, which hands over the
rows it changed; :func:`undo_stack` turns each into an :class:`ActionCommand` on the stack,
so no action needs undo logic of its own. An action is committed at once; undoing it
puts its rows back in a new audited transaction (redoing puts them forward again). When
a record it touched was changed since, the undo is refused with the reason and the
command leaves the stack: it can never overwrite that later change, and the commands
below it stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from contractdesk.errors import UserError
from contractdesk.services.access import DataAccess, UndoStep
from contractdesk.ui.dialogs import Dialogs
from contractdesk.ui.qt import (
    QCoreApplication,
    QObject,
    QUndoCommand,
    QUndoStack,
    QWidget,
    Signal,
)


class ActionCommand(QUndoCommand):
    def __init__(self, access: DataAccess, step: UndoStep, changed: Callable[[], None],
                 parent: QWidget) -> None:
        super().__init__(step.label)
        self.access = access
        self.step = step
        self.changed = changed
        self.parent = parent
        self._done = True  # pushed after the action was committed

    def redo(self) -> None:
        if self._done:
            return
        self._run(self.access.redo, QCoreApplication.translate("undo", "Redo"))

    def undo(self) -> None:
        self._run(self.access.undo, QCoreApplication.translate("undo", "Undo"))

    def _run(self, replay: Callable[[UndoStep], None], title: str) -> None:
        try:
            replay(self.step)
        except UserError as error:
            self.setObsolete(True)  # QUndoStack drops it: nothing to retry
            Dialogs.error(self.parent, title, str(error))
            return
        self._done = not self._done
        self.changed()


class _Steps(QObject):
    """Carries a step to the stack's thread: an import journals in a worker thread."""

    recorded = Signal(object)


def undo_stack(access: DataAccess, changed: Callable[[], None], parent: QWidget
               ) -> QUndoStack:
    """The window's stack, onto which each of ``access``'s undoable writes is pushed."""
    stack = QUndoStack(parent)
    steps = _Steps(stack)
    steps.recorded.connect(
        lambda step: stack.push(ActionCommand(access, step, changed, parent)))
    access.undoable = steps.recorded.emit
    return stack
