"""Column types that keep values exact and typed on every engine."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Dialect, String
from sqlalchemy.types import TypeDecorator

from contractdesk.domain.enums import OrgRole
from contractdesk.domain.money import from_minor_units, to_minor_units


class MinorUnits(TypeDecorator[Decimal]):
    """A ``Decimal`` amount stored as integer hundredths.

    SQLAlchemy's ``Numeric`` passes through float on SQLite; integers are exact everywhere.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return to_minor_units(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_minor_units(int(value))


class RoleSet(TypeDecorator[frozenset[OrgRole]]):
    """An organization's roles as sorted comma-separated text (``"oem,reseller"``).

    A set of a few fixed words does not earn a table of its own; sorting keeps the
    stored text canonical so equal sets compare equal in SQL too.
    """

    impl = String(80)
    cache_ok = True

    def process_bind_param(self, value: Iterable[OrgRole] | None,
                           dialect: Dialect) -> str:
        return ",".join(sorted(OrgRole(role).value for role in (value or ())))

    def process_result_value(self, value: Any, dialect: Dialect) -> frozenset[OrgRole]:
        if not value:
            return frozenset()
        return frozenset(OrgRole(part) for part in str(value).split(","))
