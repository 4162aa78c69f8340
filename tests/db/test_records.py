"""Uniqueness rules, exact money and the audit trail, on SQLite and PostgreSQL."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from contractdesk.db.database import Database
from contractdesk.db.models import Agreement, Change, Contact, Item, Organization, Purchase
from contractdesk.domain.enums import OrgRole
from contractdesk.errors import ConflictError, ValidationError
from contractdesk.services import records
from contractdesk.services.organizations import organization_with_role, require_organization


def org(session: Session, name: str) -> Organization:
    return records.create(session, Organization, name=name)


@pytest.mark.parametrize("twin", ["ibm", "IBM ", "  I.B.M.", "Ibm"])
def test_organization_names_are_unique_ignoring_case_space_punctuation(
        session: Session, twin: str) -> None:
    org(session, "IBM")
    with pytest.raises(ValidationError, match="already exists"):
        org(session, twin)


def test_database_itself_refuses_duplicate_names(session: Session) -> None:
    session.add(Organization(name="Dell"))
    session.flush()
    session.add(Organization(name="DELL"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_po_numbers_unique_when_present(session: Session) -> None:
    records.create(session, Purchase, po_number="PO-1", currency="EUR")
    records.create(session, Purchase, po_number="", currency="EUR")
    records.create(session, Purchase, po_number=None, currency="EUR")  # blanks never clash
    with pytest.raises(ValidationError, match="PO-1 already exists"):
        records.create(session, Purchase, po_number="PO-1", currency="EUR")


def test_serials_unique_per_oem(session: Session) -> None:
    dell, hpe = org(session, "Dell"), org(session, "HPE")
    records.create(session, Item, oem=dell, serial_number="SN1")
    records.create(session, Item, oem=hpe, serial_number="SN1")  # another OEM: fine
    with pytest.raises(ValidationError, match="serial number SN1"):
        records.create(session, Item, oem=dell, serial_number="SN1")


def test_contract_numbers_unique_per_oem(session: Session) -> None:
    dell, hpe = org(session, "Dell"), org(session, "HPE")
    records.create(session, Agreement, oem=dell, contract_number="C1", currency="EUR")
    records.create(session, Agreement, oem=hpe, contract_number="C1", currency="EUR")
    with pytest.raises(ValidationError, match="C1 already exists"):
        records.create(session, Agreement, oem=dell, contract_number="C1", currency="EUR")


def test_updating_a_record_does_not_clash_with_itself(session: Session) -> None:
    dell = org(session, "Dell")
    records.update(session, dell, name="DELL")
    assert dell.name == "DELL"


@pytest.mark.parametrize(("values", "field"), [
    ({"start_date": dt.date(2025, 2, 1), "end_date": dt.date(2025, 1, 31)}, "end_date"),
    ({"currency": "EURO"}, "currency"),
    ({"currency": ""}, "currency"),
    ({"notice_period": "soon-ish"}, "notice_period"),
    ({"cost": Decimal("-1")}, "cost"),
    ({"cost": Decimal("1.005")}, "cost"),
    ({"contract_number": "", "title": ""}, "contract_number"),
])
def test_agreement_validation_names_the_field(session: Session, values: dict[str, object],
                                              field: str) -> None:
    fields: dict[str, object] = {"contract_number": "X", "currency": "EUR", **values}
    with pytest.raises(ValidationError) as caught:
        records.create(session, Agreement, **fields)
    assert field in caught.value.problems


def test_contact_email_shape(session: Session) -> None:
    dell = org(session, "Dell")
    with pytest.raises(ValidationError, match="not an e-mail"):
        records.create(session, Contact, organization=dell, name="A", email="a@b")
    records.create(session, Contact, organization=dell, name="A", email="a@dell.example")


def test_money_is_exact_on_disk(database: Database) -> None:
    with database.transaction("cli") as session:
        records.create(session, Agreement, contract_number="M", currency="EUR",
                       cost=Decimal("1234567890.99"))
    with database.transaction("cli") as session:
        stored = session.execute(text("SELECT cost FROM agreement")).scalar_one()
        agreement = session.scalars(select(Agreement)).one()
    assert stored == 123456789099
    assert agreement.cost == Decimal("1234567890.99")


def test_audit_trail_records_create_update_delete(database: Database) -> None:
    with database.transaction("cli") as session:
        dell = org(session, "Dell")
        records.create(session, Agreement, contract_number="A-1", oem=dell, currency="EUR",
                       cost=Decimal("100.00"))
    with database.transaction("ui") as session:
        agreement = session.scalars(select(Agreement)).one()
        records.update(session, agreement, cost=Decimal("120.50"), notice_period="p3m")
    with database.transaction("import:register.xlsx") as session:
        records.delete(session, session.scalars(select(Agreement)).one())
    with database.session("cli") as session:
        changes = session.scalars(select(Change).where(Change.entity == "agreement")
                                  .order_by(Change.id)).all()
    summary = [(c.action.value, c.field, c.old_value, c.new_value, c.source)
               for c in changes]
    assert summary[0][:2] == ("create", None) and summary[0][4] == "cli"
    assert '"cost": "100.00"' in (summary[0][3] or "")
    assert ("update", "cost", "100.00", "120.50", "ui") in summary
    assert ("update", "notice_period", None, "P3M", "ui") in summary
    assert summary[-1][0] == "delete" and summary[-1][4] == "import:register.xlsx"
    assert all(c.entity_id == changes[0].entity_id for c in changes)


def test_deleting_an_organization_in_use_is_refused(session: Session) -> None:
    dell = org(session, "Dell")
    records.create(session, Agreement, contract_number="A", oem=dell, currency="EUR")
    assert records.dependents(session, dell) == {"agreements": 1}
    with pytest.raises(ConflictError, match="still used by 1 agreements"):
        records.delete(session, dell)


def test_unknown_organization_suggests_close_names(session: Session) -> None:
    org(session, "Computacenter")
    org(session, "Softcat")
    assert require_organization(session, " computacenter ").name == "Computacenter"
    with pytest.raises(Exception, match="Did you mean: Computacenter"):
        require_organization(session, "Computacentre")


def test_roles_accumulate_on_one_organization(session: Session) -> None:
    first = organization_with_role(session, "Cisco", OrgRole.OEM)
    second = organization_with_role(session, "CISCO", OrgRole.RESELLER)
    assert first is second
    assert {r.value for r in first.roles} == {"oem", "reseller"}
