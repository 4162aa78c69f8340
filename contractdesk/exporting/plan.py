"""Deciding, before writing a byte, which records an export holds and how many.

Knowing the counts first gives progress a total. A filtered export (``--within``) keeps
the agreements that need action plus every record they refer to (organizations,
purchases, covered items, contacts of those organizations), so the file imports back
without dangling references. Only an agreement's ``renewal_of`` may point outside: the
term it renewed is finished business, not something due. A list export (``ids``) holds
exactly the records of one kind the window's filtered list shows, no more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contractdesk.db.governance import DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.db.models import Agreement, Contact, Item, Organization, Purchase
from contractdesk.exporting.governance_rows import exports_governance
from contractdesk.exporting.records import Scope
from contractdesk.exporting.request import ExportRequest
from contractdesk.services.renewals import RenewalEntry, renewals

MODELS: dict[str, type[Organization | Contact | Purchase | Item | Agreement]] = {
    "organizations": Organization, "contacts": Contact, "purchases": Purchase,
    "items": Item, "agreements": Agreement,
}
GOVERNANCE_MODELS: dict[str, type[Review | DueDiligenceCheck | Risk | SupportCase]] = {
    "reviews": Review, "due_diligence": DueDiligenceCheck, "risks": Risk,
    "support_cases": SupportCase,
}
_CHUNK = 500  # ids per IN (...) clause, well under every engine's parameter limit


@dataclass
class ExportPlan:
    kinds: tuple[str, ...]
    scope: Scope
    totals: dict[str, int]
    renewals: list[RenewalEntry] = field(default_factory=list)
    governance: bool = False  # reviews, checks, risks and cases travel along

    @property
    def total_rows(self) -> int:
        return sum(self.totals.values()) + len(self.renewals)


def plan_export(session: Session, request: ExportRequest, kinds: tuple[str, ...],
                with_renewals: bool = False) -> ExportPlan:
    """What to write for ``request``; ``with_renewals`` also lists the Renewals sheet."""
    entries = (renewals(session, request.today, request.window_days)
               if with_renewals or request.due_only else [])
    scope: Scope = due_scope(session, entries) if request.due_only else {}
    if request.ids is not None and request.kind is not None:
        chosen = request.ids & set(scope[request.kind]) if scope else request.ids
        scope = {request.kind: chosen}
        if request.kind == "agreements":
            entries = [entry for entry in entries if entry.agreement.id in chosen]
    totals = {kind: len(scope[kind]) if kind in scope else
              session.scalar(select(func.count()).select_from(MODELS[kind])) or 0
              for kind in kinds}
    governance = exports_governance(kinds, request.due_only)
    if governance:
        totals.update({kind: session.scalar(select(func.count()).select_from(model)) or 0
                       for kind, model in GOVERNANCE_MODELS.items()})
    return ExportPlan(kinds, scope, totals, entries if with_renewals else [], governance)


def _chunks(ids: set[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def _known(ids: Iterable[int | None]) -> set[int]:
    return {value for value in ids if value is not None}


def due_scope(session: Session, entries: list[RenewalEntry]) -> dict[str, set[int]]:
    """The ids of the due agreements and of everything they refer to."""
    agreements = {entry.agreement.id for entry in entries}
    items = {item.id for entry in entries for item in entry.agreement.items}
    organizations = _known(org_id for entry in entries for org_id in (
        entry.agreement.oem_id, entry.agreement.reseller_id))
    organizations |= _known(item.oem_id for entry in entries for item in entry.agreement.items)
    purchases = _known(entry.agreement.purchase_id for entry in entries)
    purchases |= _known(item.purchase_id for entry in entries for item in entry.agreement.items)
    support = _known(entry.agreement.support_contact_id for entry in entries)
    for chunk in _chunks(purchases):
        for reseller_id, oem_id in session.execute(
                select(Purchase.reseller_id, Purchase.oem_id).where(Purchase.id.in_(chunk))):
            organizations |= _known((reseller_id, oem_id))
    for chunk in _chunks(support):
        organizations |= set(session.scalars(
            select(Contact.organization_id).where(Contact.id.in_(chunk))))
    contacts: set[int] = set()
    for chunk in _chunks(organizations):
        contacts |= set(session.scalars(
            select(Contact.id).where(Contact.organization_id.in_(chunk))))
    return {"organizations": organizations, "contacts": contacts, "purchases": purchases,
            "items": items, "agreements": agreements}
