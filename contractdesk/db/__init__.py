"""Persistence: typed SQLAlchemy models, opening databases, migrations and backups."""
