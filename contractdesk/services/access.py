"""The one place the window gets a session: a call runs ``fn(session, ...)`` and ends it.

The window never opens sessions or builds SQL; it passes a service function here. Each
read is its own short session, each write its own transaction audited as ``ui``, so
nothing stays open between clicks (and a worker thread can call it too). A write the
user may take back goes through :meth:`DataAccess.write_undoable`: its rows are
journaled (:mod:`contractdesk.db.undo_journal`) and handed to :attr:`DataAccess.undoable`
as one :class:`UndoStep`, whatever the action was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from contractdesk.db.database import Database, integrity_problems
from contractdesk.db.undo_journal import ChangeSet, journaling
from contractdesk.db.undo_replay import replay
from contractdesk.errors import translate_errors

P = ParamSpec("P")
T = TypeVar("T")

UI_SOURCE = "ui"
UNDO_SOURCE = "undo"
REDO_SOURCE = "redo"


@dataclass(frozen=True)
class UndoStep:
    """One action as the user named it ("Delete agreement C-1") and the rows it changed."""

    label: str
    changes: ChangeSet


class DataAccess:
    """Runs service functions against one open :class:`Database`."""

    def __init__(self, database: Database, source: str = UI_SOURCE) -> None:
        self.database = database
        self.source = source
        self.undoable: Callable[[UndoStep], None] | None = None  # the window's undo stack

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args,
             **kwargs: P.kwargs) -> T:
        """``fn`` in a session that is rolled back afterwards (it only reads)."""
        with translate_errors(), self.database.session(self.source) as session:
            return fn(session, *args, **kwargs)

    def write(self, fn: Callable[Concatenate[Session, P], T], *args: P.args,
              **kwargs: P.kwargs) -> T:
        """``fn`` in one transaction: committed if it returns, rolled back if it raises."""
        with self.database.transaction(self.source) as session:
            return fn(session, *args, **kwargs)

    def write_undoable(self, label: str | Callable[[T], str],
                       fn: Callable[Concatenate[Session, P], T], *args: P.args,
                       **kwargs: P.kwargs) -> T:
        """:meth:`write`, journaled; an action that changed rows becomes an
        :class:`UndoStep` named ``label`` (or ``label(result)``, for a name that
        depends on what was done, as an import's count)."""
        with self.database.transaction(self.source) as session, \
                journaling(session.connection()) as journal:
            result = fn(session, *args, **kwargs)
            session.flush()
            changes = journal.finish(session.connection())
        if changes and self.undoable is not None:
            self.undoable(UndoStep(label if isinstance(label, str) else label(result),
                                   changes))
        return result

    def undo(self, step: UndoStep) -> None:
        """Puts back what ``step`` changed, or raises ``ConflictError`` saying why not."""
        with self.database.transaction(UNDO_SOURCE) as session:
            replay(session, step.changes, undo=True, action=step.label)

    def redo(self, step: UndoStep) -> None:
        with self.database.transaction(REDO_SOURCE) as session:
            replay(session, step.changes, undo=False, action=step.label)

    def describe(self) -> str:
        return self.database.describe()

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self.database)

    def close(self) -> None:
        self.database.close()
