"""Fixtures for the renewal workflow: agreements built in one line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from contractdesk.db.backup import copy_database
from contractdesk.db.database import open_database
from contractdesk.db.models import Agreement, Contact, Item, Organization
from contractdesk.domain.enums import FirstLine, OrgRole

MakeAgreement = Callable[..., Agreement]


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the newest schema, migrated once for all these tests."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    """Overrides the shared fixture: a copy of the template instead of a fresh migration
    per test (the migrations themselves are tested where the database is opened)."""
    path = tmp_path / "test.sqlite3"
    copy_database(migrated_template, path)
    return path


@pytest.fixture
def oem(session: Session) -> Organization:
    org = Organization(name="Cisco", roles=frozenset({OrgRole.OEM}), phone="+49 811 0")
    session.add(org)
    return org


@pytest.fixture
def reseller(session: Session) -> Organization:
    org = Organization(name="Computacenter", roles=frozenset({OrgRole.RESELLER}))
    session.add(org)
    return org


@pytest.fixture
def make_agreement(session: Session, oem: Organization, reseller: Organization
                   ) -> MakeAgreement:
    """An agreement with sensible defaults; keyword arguments override any field. One
    with a notice period renews automatically unless told otherwise (notice is only
    ever due where silence renews)."""
    counter = iter(range(1, 10_000))

    def make(**values: Any) -> Agreement:
        number = next(counter)
        defaults: dict[str, Any] = {
            "contract_number": f"C-{number:04d}", "title": f"Support {number}",
            "oem": oem, "reseller": reseller, "start_date": dt.date(2026, 1, 1),
            "end_date": dt.date(2026, 12, 31), "cost": Decimal("1000.00"),
            "currency": "EUR", "first_line_support": FirstLine.RESELLER,
            "auto_renew": values.get("notice_period") is not None,
        }
        agreement = Agreement(**{**defaults, **values})
        session.add(agreement)
        session.flush()
        return agreement

    return make


@pytest.fixture
def support_contact(session: Session, reseller: Organization) -> Contact:
    contact = Contact(organization=reseller, name="CC Escalations",
                      phone="+44 1707 631 999", email="esc@cc.example")
    session.add(contact)
    return contact


@pytest.fixture
def items(session: Session, oem: Organization) -> list[Item]:
    made = [Item(oem=oem, description="Catalyst 9300", serial_number=f"FOC{n}")
            for n in range(3)]
    session.add_all(made)
    return made
