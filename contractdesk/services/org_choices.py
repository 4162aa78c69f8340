"""Which organizations a picker offers, and the one a new name would duplicate.

An OEM picker that also lists resellers is how an agreement ends up with its reseller as
OEM, so a role field offers the organizations with that role. Those with no role at all
are offered too: imports and quick entries often leave roles empty, and such an
organization would otherwise be unreachable from every form. A record's current choice
stays offered even when it does not fit, so opening a form never drops a saved link.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Organization, name_key
from contractdesk.domain.enums import OrgRole

ROLE_OF_FIELD: dict[str, OrgRole] = {"oem_id": OrgRole.OEM, "reseller_id": OrgRole.RESELLER}
"""The role an organization picker asks for; fields not named here take any."""


@dataclass(frozen=True, slots=True)
class OrgChoice:
    id: int
    name: str


def role_for(field: str) -> OrgRole | None:
    """The role a new organization created from ``field``'s picker starts with."""
    return ROLE_OF_FIELD.get(field)


def choices_for(session: Session, field: str, keep: int | None = None) -> list[OrgChoice]:
    """The organizations ``field``'s picker offers, by name; ``keep`` is the current
    choice, offered whatever its roles."""
    role = role_for(field)
    rows = session.execute(select(Organization.id, Organization.name, Organization.roles)
                           .order_by(Organization.name_key))
    return [OrgChoice(row.id, row.name) for row in rows
            if role is None or not row.roles or role in row.roles or row.id == keep]


def same_name(session: Session, name: str | None, record_id: int | None
              ) -> OrgChoice | None:
    """Another organization whose name is ``name`` ignoring case, spacing and
    punctuation (what the unique name key refuses), so the form can offer it instead."""
    if not (name or "").strip():
        return None
    query = select(Organization.id, Organization.name).where(
        Organization.name_key == name_key(name or ""))
    if record_id is not None:
        query = query.where(Organization.id != record_id)
    row = session.execute(query.limit(1)).first()
    return OrgChoice(row.id, row.name) if row is not None else None
