"""The latest term of every agreement kept equal to the agreement row.

The agreement row carries its current term's dates, cost, currency and billing period;
whatever writes them (a form, an import, co-terming, Renew, the roll forward) is
followed by :func:`sync_terms`, here after every ORM flush and called by the import's
bulk path, so the history in ``agreement_term`` cannot disagree with what lists and
reports read. See :mod:`contractdesk.services.terms` for writing new terms.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import cast

from sqlalchemy import Connection, Table, case, event, exists, insert, literal, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from contractdesk.db.models import Agreement, AgreementTerm, Purchase
from contractdesk.domain.enums import TermOrigin

MIRRORED = ("start_date", "end_date", "cost", "currency", "billing_period")
_PENDING = "contractdesk.terms.pending"


def install_term_sync(factory: sessionmaker[Session]) -> None:
    """Every session of ``factory`` syncs the terms of the agreements it writes."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_flush_postexec", _after_flush_postexec)


def _after_flush(session: Session, _context: object) -> None:
    touched = {obj.id for obj in (*session.new, *session.dirty)
               if isinstance(obj, Agreement)}
    if touched:
        sync_terms(session.connection(), touched)
        session.info.setdefault(_PENDING, set()).update(touched)


def _after_flush_postexec(session: Session, _context: object) -> None:
    touched: set[int] = session.info.pop(_PENDING, set())
    if not touched:
        return
    for obj in list(session.identity_map.values()):
        if isinstance(obj, AgreementTerm) and obj.agreement_id in touched:
            session.expire(obj)
        elif isinstance(obj, Agreement) and obj.id in touched:
            session.expire(obj, ["terms"])


def sync_terms(connection: Connection, agreement_ids: Collection[int] | None = None
               ) -> None:
    """Gives each agreement without terms its first one, and copies the agreement row's
    dates, cost, currency and billing period into its latest term (for the given ids,
    or all agreements). Plain SQL, so the import's bulk path and the ORM share it."""
    agreements = cast(Table, Agreement.__table__)
    terms = cast(Table, AgreementTerm.__table__)
    purchases = cast(Table, Purchase.__table__)
    chosen = (agreements.c.id.in_(agreement_ids) if agreement_ids is not None
              else agreements.c.id.is_not(None))
    has_terms = exists().where(terms.c.agreement_id == agreements.c.id)
    first_terms = (
        select(agreements.c.id, literal(1),
               case((agreements.c.renewal_of_id.is_(None), TermOrigin.SIGNED.value),
                    else_=TermOrigin.RENEWED.value),
               agreements.c.start_date, agreements.c.end_date, agreements.c.cost,
               agreements.c.currency, agreements.c.billing_period,
               agreements.c.purchase_id, purchases.c.invoice_number)
        .select_from(agreements.outerjoin(purchases,
                                          purchases.c.id == agreements.c.purchase_id))
        .where(chosen, ~has_terms))
    connection.execute(insert(terms).from_select(
        ["agreement_id", "position", "origin", "start_date", "end_date", "cost",
         "currency", "billing_period", "purchase_id", "invoice_number"], first_terms))
    later = terms.alias("later")
    is_latest = ~exists().where(later.c.agreement_id == terms.c.agreement_id,
                                later.c.position > terms.c.position)
    differs = [terms.c[name].is_distinct_from(agreements.c[name]) for name in MIRRORED]
    connection.execute(
        update(terms)
        .where(terms.c.agreement_id == agreements.c.id, chosen, is_latest,
               or_(*differs))
        .values({name: agreements.c[name] for name in MIRRORED}))
