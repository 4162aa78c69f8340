"""Finding organizations the way people name them."""

from __future__ import annotations

import difflib

from sqlalchemy import select
from sqlalchemy.orm import Session

from contractdesk.db.models import Organization, name_key
from contractdesk.domain.enums import OrgRole
from contractdesk.errors import NotFoundError


def find_organization(session: Session, name: str) -> Organization | None:
    """The organization called ``name``, ignoring case, spacing and punctuation."""
    return session.scalars(
        select(Organization).where(Organization.name_key == name_key(name))).first()


def require_organization(session: Session, name: str) -> Organization:
    """Like :func:`find_organization`, but an unknown name is an error naming the
    closest existing names, so a typo on the command line is one retry away.

    Raises:
        NotFoundError: no such organization.
    """
    found = find_organization(session, name)
    if found is not None:
        return found
    names = list(session.scalars(select(Organization.name)))
    keyed = {name_key(n): n for n in names}
    close = [keyed[k] for k in difflib.get_close_matches(name_key(name), list(keyed), n=3,
                                                           cutoff=0.5)]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise NotFoundError(f"No organization named {name!r}.{hint}")


def organization_with_role(session: Session, name: str, role: OrgRole) -> Organization:
    """The organization called ``name`` with ``role`` added, created if new.

    Used by import and sample data, where a name in a cell is all there is.
    """
    found = find_organization(session, name)
    if found is None:
        found = Organization(name=" ".join(name.split()), roles=frozenset({role}))
        session.add(found)
    elif role not in found.roles:
        found.roles = found.roles | {role}
    return found
