"""The support-case log: what happened when we called, and whether the SLA was met.

A case is logged from an agreement or from an item (the search result for a serial);
from an item alone, the agreement that covered it on the day of the call is used, so
its SLA applies. ``sla_met`` follows the agreement's SLA text unless the user set it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from contractdesk.db.governance import SupportCase
from contractdesk.db.models import Agreement, Item, Organization, Purchase
from contractdesk.domain.enums import FirstLine
from contractdesk.domain.sla import parse_sla
from contractdesk.domain.sla import sla_met as sla_met_by
from contractdesk.errors import ValidationError
from contractdesk.services import records


def covering_agreement(item: Item, day: dt.date) -> Agreement | None:
    """The agreement that covered ``item`` on ``day``; one with an SLA first."""
    running = [a for a in item.agreements if not a.cancelled
               and (a.start_date is None or a.start_date <= day)
               and (a.end_date is None or day <= a.end_date)]
    running.sort(key=lambda a: (a.sla is None, a.end_date or dt.date.max))
    return running[0] if running else None


def called_organization(case: SupportCase) -> Organization | None:
    """Whom we called: the agreement's (else the item's) reseller or OEM."""
    agreement, item = case.agreement, case.item
    if case.called == FirstLine.RESELLER:
        if agreement is not None and agreement.reseller is not None:
            return agreement.reseller
        if item is not None and item.purchase is not None:
            return item.purchase.reseller
        return None
    if agreement is not None and agreement.oem is not None:
        return agreement.oem
    return item.oem if item is not None else None


def case_deadline(case: SupportCase) -> dt.datetime | None:
    """When the case had to be resolved by the agreement's SLA, if that can be read."""
    sla = parse_sla(case.agreement.sla if case.agreement is not None else None)
    return sla.deadline(case.opened_at) if sla is not None else None


def computed_sla_met(case: SupportCase) -> bool | None:
    sla_text = case.agreement.sla if case.agreement is not None else None
    return sla_met_by(sla_text, case.opened_at, case.resolved_at)


def log_case(session: Session, *, opened_at: dt.datetime, called: FirstLine | str,
             agreement: Agreement | None = None, item: Item | None = None,
             resolved_at: dt.datetime | None = None, case_number: str | None = None,
             sla_met: bool | None = None, notes: str = "") -> SupportCase:
    """Records a call; ``sla_met`` given by the user wins over the computed one.

    Raises:
        ValidationError: no agreement or item, resolved before opened, unknown ``called``.
    """
    if agreement is None and item is not None:
        agreement = covering_agreement(item, opened_at.date())
    by_user = sla_met is not None
    if sla_met is None:
        sla_met = sla_met_by(agreement.sla if agreement is not None else None,
                             opened_at, resolved_at)
    return records.create(session, SupportCase, agreement=agreement, item=item,
                          opened_at=opened_at, resolved_at=resolved_at,
                          called=_called(called),
                          case_number=(case_number or "").strip() or None,
                          sla_met=sla_met, sla_met_by_user=by_user, notes=notes)


def update_case(session: Session, case: SupportCase, **values: Any) -> SupportCase:
    """Changes a case; passing ``sla_met=None`` hands the judgement back to the SLA."""
    if "called" in values:
        values["called"] = _called(values["called"])
    if "sla_met" in values:
        values["sla_met_by_user"] = values["sla_met"] is not None
    records.update(session, case, **values)
    if not case.sla_met_by_user:
        computed = computed_sla_met(case)
        if case.sla_met != computed:
            records.update(session, case, sla_met=computed)
    return case


def cases_of(session: Session, organization: Organization, since: dt.datetime
             ) -> list[SupportCase]:
    """Cases opened since ``since`` that count against ``organization``, oldest first.

    A case counts against whom we called (as :func:`called_organization` finds it), and
    against the reseller of an agreement that names the reseller as first-line support,
    whoever was called. Decided in SQL, so a long log is not loaded to be filtered.
    """
    org = organization.id
    called_reseller = func.coalesce(Agreement.reseller_id, Purchase.reseller_id)
    called_oem = func.coalesce(Agreement.oem_id, Item.oem_id)
    query = (
        select(SupportCase)
        .outerjoin(SupportCase.agreement).outerjoin(SupportCase.item)
        .outerjoin(Item.purchase)
        .where(SupportCase.opened_at >= since,
               ((SupportCase.called == FirstLine.RESELLER) & (called_reseller == org))
               | ((SupportCase.called == FirstLine.OEM) & (called_oem == org))
               | ((Agreement.reseller_id == org)
                  & (Agreement.first_line_support == FirstLine.RESELLER)))
        .options(selectinload(SupportCase.agreement), selectinload(SupportCase.item))
        .order_by(SupportCase.opened_at, SupportCase.id))
    return list(session.scalars(query))


def cases_for(session: Session, *, agreement: Agreement | None = None,
              item: Item | None = None) -> list[SupportCase]:
    """The log of one agreement or item (or every case), newest first."""
    query = select(SupportCase).order_by(SupportCase.opened_at.desc(), SupportCase.id.desc())
    if agreement is not None:
        query = query.where(SupportCase.agreement_id == agreement.id)
    if item is not None:
        query = query.where(SupportCase.item_id == item.id)
    return list(session.scalars(query))


def _called(value: FirstLine | str) -> FirstLine:
    try:
        return FirstLine(value)
    except ValueError:
        raise ValidationError({"called": f"{value!r} is neither 'oem' nor 'reseller'"}) \
            from None
