"""The one place the window gets a session: a call runs ``fn(session, ...)`` and ends it.

The window never opens sessions or builds SQL; it passes a service function here. Each
read is its own short session, each write its own transaction audited as ``ui``, so
nothing stays open between clicks (and a worker thread can call it too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from contractdesk.db.database import Database, integrity_problems
from contractdesk.errors import translate_errors

P = ParamSpec("P")
T = TypeVar("T")

UI_SOURCE = "ui"


class DataAccess:
    """Runs service functions against one open :class:`Database`."""

    def __init__(self, database: Database, source: str = UI_SOURCE) -> None:
        self.database = database
        self.source = source

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

    def describe(self) -> str:
        return self.database.describe()

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self.database)

    def close(self) -> None:
        self.database.close()
