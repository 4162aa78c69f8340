from sqlalchemy import func, select

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement


def test_sample_database_has_agreements(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        assert session.scalar(select(func.count(Agreement.id))) == 18
