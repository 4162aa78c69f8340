"""The term histories of an export (the JSON ``terms``, the workbook's terms sheet), read
back: each agreement gets its history again.

The agreement records themselves carry the current term (their dates, cost, currency
and billing period), so they import like any other record; afterwards the history is
written in place of the one-term history the import gave a new agreement. A history
that cannot be read is left out with a reason and the agreement keeps its current
term: nothing of the record itself is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, aliased

from contractdesk.db.models import Agreement, AgreementTerm, Organization, Purchase
from contractdesk.db.term_sync import MIRRORED, sync_terms
from contractdesk.domain.enums import BillingPeriod, TermOrigin
from contractdesk.importing.agreement_dates import dates_problem
from contractdesk.importing.incoming import AgreementKey, GivenTerms, agreement_key


class _Unreadable(ValueError):
    pass


def restore_terms(session: Session, histories: Mapping[AgreementKey, GivenTerms]
                  ) -> list[tuple[int, str]]:
    """Writes each agreement's history from the export; returns what was left out, as
    (record number, reason).

    ``histories`` maps an agreement's natural key to the history the file gives.
    """
    if not histories:
        return []
    session.flush()
    ids = _agreement_ids(session)
    purchases = {number: purchase_id for number, purchase_id in session.execute(
        select(Purchase.po_number, Purchase.id)) if number is not None}
    skipped: list[tuple[int, str]] = []
    for key, given in histories.items():
        agreement_id = ids.get(key)
        if agreement_id is None:
            continue  # the record itself was skipped, with its reason
        try:
            rows = _rows(agreement_id, given.terms, purchases)
        except _Unreadable as error:
            skipped.append((given.row, f"{given.where}: the agreement's terms were not "
                                       f"imported ({error})"))
            continue
        if rows == _stored(session, agreement_id):
            continue
        session.execute(delete(AgreementTerm).where(
            AgreementTerm.agreement_id == agreement_id))
        session.execute(insert(AgreementTerm), rows)
        agreement = session.get(Agreement, agreement_id)
        assert agreement is not None
        session.refresh(agreement, ["terms"])
        agreement.rolled_over = _trailing_rollovers(rows)
    session.flush()
    sync_terms(session.connection(), [ids[k] for k in histories if k in ids])
    return skipped


def _agreement_ids(session: Session) -> dict[AgreementKey, int]:
    oem = aliased(Organization)
    found: dict[AgreementKey, int] = {}
    query = (select(Agreement.id, oem.name_key, Agreement.contract_number, Agreement.title,
                    Agreement.start_date)
             .outerjoin(oem, Agreement.oem_id == oem.id))
    for agreement_id, oem_key, number, title, start in session.execute(query):
        found.setdefault(agreement_key(oem_key, number, title, start), agreement_id)
    return found


def _stored(session: Session, agreement_id: int) -> list[dict[str, Any]]:
    columns = [AgreementTerm.__table__.c[name] for name in _COLUMNS]
    return [dict(row._mapping) for row in session.execute(
        select(*columns).where(AgreementTerm.agreement_id == agreement_id)
        .order_by(AgreementTerm.position))]


_COLUMNS = ("agreement_id", "position", "origin", *MIRRORED, "purchase_id",
            "invoice_number", "notice_given_on")


def _rows(agreement_id: int, given: Any, purchases: Mapping[str, int]
          ) -> list[dict[str, Any]]:
    if not isinstance(given, list) or not given:
        raise _Unreadable("'terms' is not a list of terms")
    rows = []
    for position, term in enumerate(given, start=1):
        if not isinstance(term, dict):
            raise _Unreadable(f"term {position} is not a record")
        start, end = _date(term, "start_date"), _date(term, "end_date")
        problem = dates_problem(start, end)
        if problem:
            raise _Unreadable(f"term {position}: {problem}")
        purchase = term.get("purchase")
        rows.append({
            "agreement_id": agreement_id, "position": position,
            "origin": _choice(TermOrigin, term, "origin", position),
            "start_date": start, "end_date": end, "cost": _money(term, position),
            "currency": str(term.get("currency") or "EUR")[:3].upper(),
            "billing_period": (_choice(BillingPeriod, term, "billing_period", position)
                               if term.get("billing_period") else None),
            "purchase_id": purchases.get(purchase) if isinstance(purchase, str) else None,
            "invoice_number": (str(term["invoice_number"])[:200]
                               if term.get("invoice_number") else None),
            "notice_given_on": _date(term, "notice_given_on")})
    return rows


def _date(term: dict[str, Any], name: str) -> dt.date | None:
    value = term.get(name)
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise _Unreadable(f"{name} {value!r} is not a date (YYYY-MM-DD)") from error


def _money(term: dict[str, Any], position: int) -> Decimal | None:
    value = term.get("cost")
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation as error:
        raise _Unreadable(f"term {position}: cost {value!r} is not an amount") from error
    if not amount.is_finite():
        raise _Unreadable(f"term {position}: cost {value!r} is not an amount")
    return amount.quantize(Decimal("0.01"))


def _choice(kind: type[TermOrigin] | type[BillingPeriod], term: dict[str, Any], name: str,
            position: int) -> Any:
    try:
        return kind(term.get(name) or "signed")
    except ValueError as error:
        raise _Unreadable(f"term {position}: {name} {term.get(name)!r} is not one of "
                          f"{', '.join(m.value for m in kind)}") from error


def _trailing_rollovers(rows: list[dict[str, Any]]) -> int:
    count = 0
    for row in reversed(rows):
        if row["origin"] is not TermOrigin.AUTO_RENEWED:
            break
        count += 1
    return count
