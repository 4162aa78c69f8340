"""The declarative base: naming convention and the column kinds used across the models."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from sqlalchemy import Enum, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, mapped_column

from contractdesk.db.types import MinorUnits

# Named constraints let Alembic's batch mode recreate SQLite tables with them intact.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

IntPK = Annotated[int, mapped_column(primary_key=True)]
ShortText = Annotated[str, mapped_column(String(200))]
OptShortText = Annotated[str | None, mapped_column(String(200))]
LongText = Annotated[str, mapped_column(Text, default="")]
Amount = Annotated[Decimal | None, mapped_column(MinorUnits)]
CurrencyCode = Annotated[str, mapped_column(String(3))]
OptDate = Annotated[dt.date | None, mapped_column()]


def enum_column(enum: type[StrEnum]) -> Enum:
    """Stores the enum's *value* (the JSON word), not its Python name."""
    return Enum(enum, native_enum=False, length=32, create_constraint=False,
                values_callable=lambda cls: [member.value for member in cls],
                validate_strings=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
