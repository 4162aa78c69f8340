"""Alembic environment: runs on the connection ContractDesk hands over when it opens a
database, or on a throw-away URL when a developer autogenerates a revision."""

from alembic import context
from sqlalchemy import Connection, create_engine

from contractdesk.db import models  # noqa: F401  (registers the tables on Base.metadata)
from contractdesk.db.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as conn:
        _run(conn)
