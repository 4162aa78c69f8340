"""The notice letter's facts, read from the database: who writes, to whom, about what.

The addressee is the reseller the agreement was bought through, or the OEM when it was
bought direct; the person named is that organization's account manager (the contract
contact), else the agreement's support contact there. The letter takes effect at the
end of the current term (for an open-ended agreement, its earliest possible end).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote, urlencode

from sqlalchemy.orm import Session

from contractdesk.db.models import Agreement, Contact, Organization
from contractdesk.domain.enums import ContactRole
from contractdesk.errors import NotFoundError, UserError
from contractdesk.reports.notice_letter import (
    LetterParty,
    NoticeLetter,
    email_body,
    letter_text,
    write_notice_letter,
)
from contractdesk.services import preferences

LANGUAGES = ("en", "de")


def addressee_of(agreement: Agreement) -> Organization | None:
    return agreement.reseller or agreement.oem


def notice_letter(session: Session, agreement: Agreement, written_on: dt.date,
                  language: str | None = None) -> NoticeLetter:
    """The letter for ``agreement``; ``language`` "en" or "de", else the preference.

    Raises:
        UserError: nobody to address it to, or no end date it could take effect on.
    """
    organization = addressee_of(agreement)
    if organization is None:
        raise UserError(f"{agreement} names neither a reseller nor an OEM to send "
                        "notice to.")
    if agreement.end_date is None:
        raise UserError(f"{agreement} has no end date for the notice to take effect on.")
    contact = contract_contact(agreement, organization)
    own_name = preferences.get(session, preferences.OWN_NAME)
    sender = LetterParty(
        name=own_name or "(our organization: set own.name in the preferences)",
        address=preferences.get(session, preferences.OWN_ADDRESS).replace("\\n", "\n"),
        person=preferences.get(session, preferences.OWN_SIGNATORY) or None)
    return NoticeLetter(
        language=language or preferences.get(session, preferences.LETTER_LANGUAGE),
        sender=sender,
        addressee=LetterParty(organization.name, organization.address or "",
                              contact.name if contact else None,
                              (contact.email if contact else None) or organization.email),
        written_on=written_on, contract_number=agreement.contract_number,
        title=agreement.title, serials=tuple(agreement.serial_numbers),
        effective_end=agreement.end_date, form=agreement.notice_form,
        customer_number=organization.customer_number)


def contract_contact(agreement: Agreement, organization: Organization) -> Contact | None:
    """Whom at ``organization`` notice on ``agreement`` goes to: its account manager
    (the agreement's support contact if that is one), else the support contact there.
    Reads the loaded ``contacts`` (ordered by name), so a report of thousands of
    agreements loads them once per organization."""
    support = agreement.support_contact
    if support and support.organization_id == organization.id and \
            support.role is ContactRole.ACCOUNT_MANAGER:
        return support
    managers = [c for c in organization.contacts if c.role is ContactRole.ACCOUNT_MANAGER]
    if managers:
        return managers[0]
    return support if support and support.organization_id == organization.id else None


def _agreement(session: Session, agreement_id: int) -> Agreement:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFoundError(f"agreement #{agreement_id} no longer exists")
    return agreement


def letter_language(session: Session) -> str:
    return preferences.get(session, preferences.LETTER_LANGUAGE)


def write_letter_for(session: Session, agreement_id: int, target: Path,
                     written_on: dt.date, language: str | None = None) -> Path:
    """Writes the notice letter of agreement ``agreement_id`` to ``target`` (a PDF);
    returns ``target``.

    Raises:
        UserError: nobody to address it to, no end date, or the file cannot be written.
    """
    write_notice_letter(notice_letter(session, _agreement(session, agreement_id),
                                      written_on, language), target)
    return target


def email_draft(session: Session, agreement_id: int, written_on: dt.date,
                language: str | None = None) -> str:
    """The letter as a ``mailto:`` link: to the addressee's contact (or its general
    address), with the letter's subject and text, for the user's mail program."""
    letter = notice_letter(session, _agreement(session, agreement_id), written_on,
                           language)
    to = quote(letter.addressee.email or "", safe="@")
    query = urlencode({"subject": letter_text(letter).subject, "body": email_body(letter)},
                      quote_via=quote)
    return f"mailto:{to}?{query}"
