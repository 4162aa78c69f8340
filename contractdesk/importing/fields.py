"""The fields a register column can feed, and the words people use for them.

Synonyms are written as people write headers; :func:`normalise_header` puts both
sides into the same form (case, accents and umlauts, punctuation, ``#``/``No.``/``Nr.``/
``-nummer`` all meaning "number"), so ``Vertrags-Nr.``, ``Vertragsnummer`` and
``vertrag nr`` meet.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum

from contractdesk.importing.values import fold


class Parser(Enum):
    """Which value parser reads a field's cells."""

    TEXT = "text"
    ORG = "org"
    DATE = "date"
    MONEY = "money"
    DURATION = "duration"
    BOOL = "bool"
    KIND = "kind"
    SERIALS = "serials"
    COUNT = "count"
    CURRENCY = "currency"
    BILLING = "billing"
    FIRST_LINE = "first_line"
    CLAUSE = "clause"  # contract wording: contractdesk.importing.clause_cells


@dataclass(frozen=True, slots=True)
class Field:
    target: str
    parser: Parser
    synonyms: tuple[str, ...]


def _f(target: str, parser: Parser, *synonyms: str) -> Field:
    return Field(target, parser, synonyms)


P = Parser
FIELDS: tuple[Field, ...] = (
    _f("agreement.reseller", P.ORG, "reseller", "supplier", "händler", "haendler",
       "lieferant", "partner", "dealer", "bought from", "purchased from", "systemhaus",
       "fachhändler", "channel partner", "bezogen über", "reseller name", "supplier name"),
    _f("agreement.oem", P.ORG, "oem", "manufacturer", "vendor", "hersteller", "make",
       "brand", "marke", "publisher", "software publisher", "vendor name",
       "manufacturer name", "herstellername"),
    _f("agreement.contract_number", P.TEXT, "contract #", "contract no", "contract number",
       "agreement no", "agreement number", "agreement #", "contract id", "contract ref",
       "contract reference", "vertragsnummer", "vertrags nr", "vertrag nr", "vertragsnr",
       "contract", "vertrag", "support contract no", "agreement id", "agreement ref"),
    _f("agreement.title", P.TEXT, "title", "product / service", "product", "service",
       "description", "beschreibung", "artikel", "bezeichnung", "produkt", "leistung",
       "agreement", "vertragsgegenstand", "subject", "contract name", "vertragsbezeichnung",
       "agreement name", "product name", "produktbezeichnung", "artikelbezeichnung"),
    _f("agreement.kind", P.KIND, "type", "kind", "category", "contract type",
       "agreement type", "vertragstyp", "vertragsart", "art", "typ", "kategorie",
       "coverage type", "support type", "coverage", "leistungsart"),
    _f("agreement.start_date", P.DATE, "start", "start date", "from", "cover from",
       "valid from", "begin", "beginn", "laufzeit beginn", "laufzeitbeginn",
       "vertragsbeginn", "gültig ab", "von", "coverage start", "term start",
       "contract start", "warranty start", "start of cover", "commencement date",
       "leistungsbeginn", "laufzeit von"),
    _f("agreement.end_date", P.DATE, "end", "end date", "expiry", "expiry date", "expires",
       "expiration", "expiration date", "cover to", "valid to", "valid until", "until",
       "laufzeit ende", "laufzeitende", "vertragsende", "ende", "gültig bis", "bis",
       "ablaufdatum", "coverage end", "term end", "contract end", "renewal date",
       "warranty expires", "warranty end", "end of cover", "leistungsende",
       "laufzeit bis", "ablauf"),
    _f("agreement.auto_renew", P.CLAUSE, "auto-renew", "auto renew", "auto renewal",
       "auto renews", "renews automatically", "automatic renewal",
       "automatische verlängerung", "autom. verlängerung", "verlängerung",
       "auto verlängerung", "evergreen", "autorenew", "automatisch verlängern",
       "verlängert sich automatisch"),
    _f("agreement.notice_period", P.CLAUSE, "notice", "notice period", "cancellation period",
       "termination notice", "kündigungsfrist", "frist", "notice days",
       "cancellation notice", "kündigung"),
    _f("agreement.renewal_term", P.CLAUSE, "renewal term", "renewal period",
       "verlängerungszeitraum", "verlängerung um", "verlängerungsdauer", "renewal",
       "renewals", "verlängerungsklausel", "renewal terms"),
    _f("agreement.term", P.CLAUSE, "laufzeit", "vertragslaufzeit", "mindestlaufzeit",
       "mindestvertragslaufzeit", "grundlaufzeit", "erstlaufzeit", "vertragsdauer",
       "term", "initial term", "minimum term", "contract term", "contract length",
       "term length", "duration", "dauer", "commitment", "minimum commitment"),
    _f("agreement.lead_time", P.CLAUSE, "interne vorlaufzeit", "vorlaufzeit",
       "interne frist", "internal lead time", "lead time", "approval time",
       "internal notice time", "bearbeitungszeit intern"),
    _f("agreement.notice_clause", P.CLAUSE, "kündigungsklausel", "kündigungsregelung",
       "kündigungsbedingungen", "vertragsklausel", "klausel", "notice clause",
       "termination clause", "cancellation terms", "termination terms", "clause",
       "laufzeit und kündigung", "term and termination", "kündigungsmodalitäten"),
    _f("agreement.cost", P.MONEY, "cost", "costs", "annual cost", "amount", "price", "value",
       "betrag", "kosten", "kosten pro jahr", "jahreskosten", "preis", "wert", "annual fee",
       "fee", "gebühr", "cost per year", "yearly cost", "annual price", "nettobetrag",
       "jahresbetrag", "kosten p a", "contract value", "vertragswert"),
    _f("agreement.currency", P.CURRENCY, "currency", "währung", "ccy", "cur"),
    _f("agreement.billing_period", P.BILLING, "billing", "billing period", "billing cycle",
       "abrechnung", "abrechnungszeitraum", "zahlweise", "payment frequency",
       "zahlungsintervall", "billing frequency"),
    _f("agreement.sla", P.TEXT, "sla", "service level", "response time", "reaktionszeit",
       "servicelevel", "service level agreement"),
    _f("agreement.first_line_support", P.FIRST_LINE, "first line", "first line support",
       "call first", "erstkontakt", "first contact", "1st line"),
    _f("agreement.oem_reference", P.TEXT, "oem reference", "entitlement", "entitlement id",
       "service agreement id", "support agreement id", "site id", "hersteller referenz",
       "referenz hersteller", "support id", "oem ref", "access code"),
    _f("agreement.notes", P.TEXT, "notes", "comments", "remarks", "bemerkung",
       "bemerkungen", "notizen", "kommentar", "anmerkungen", "note", "comment", "notiz"),
    _f("agreement.cancelled", P.BOOL, "cancelled", "canceled", "gekündigt", "terminated"),
    _f("agreement.warranty_months", P.COUNT, "warranty months", "garantie monate",
       "garantiemonate", "warranty period months", "warranty length months"),
    _f("purchase.po_number", P.TEXT, "po", "po number", "po #", "purchase order",
       "purchase order number", "order no", "order number", "order #", "bestellnummer",
       "bestell nr", "bestellung", "auftragsnummer", "auftrag nr", "order", "po ref",
       "order ref", "order reference", "bestellreferenz"),
    _f("purchase.order_date", P.DATE, "order date", "purchase date", "po date",
       "bestelldatum", "kaufdatum", "bought on", "date ordered", "auftragsdatum",
       "ordered", "bestellt am"),
    _f("purchase.invoice_number", P.TEXT, "invoice", "invoice no", "invoice number",
       "rechnungsnummer", "rechnung nr", "rechnung", "invoice ref"),
    _f("purchase.quote_number", P.TEXT, "quote", "quote no", "quotation", "quote number",
       "angebotsnummer", "angebot nr", "angebot"),
    _f("purchase.cost_center", P.TEXT, "cost center", "cost centre", "kostenstelle",
       "department", "abteilung"),
    _f("purchase.total", P.MONEY, "order total", "po total", "purchase total", "bestellwert",
       "auftragswert", "order value"),
    _f("item.serial_numbers", P.SERIALS, "serial", "serials", "serial no", "serial number",
       "serial numbers", "serial no(s)", "s/n", "sn", "seriennummer", "seriennummern",
       "seriennr", "serien nr", "service tag", "serial #", "serials covered"),
    _f("item.asset_tag", P.TEXT, "asset tag", "asset", "asset no", "asset number",
       "inventory number", "inventory no", "inventarnummer", "inventar nr",
       "anlagennummer", "inventory tag"),
    _f("item.description", P.TEXT, "model", "device", "gerät", "modell", "hardware",
       "equipment", "item description", "asset name", "gerätebezeichnung"),
    _f("item.part_number", P.TEXT, "part number", "part no", "part #", "sku",
       "product number", "artikelnummer", "model no", "model number", "teilenummer", "mpn",
       "produktnummer", "product no"),
    _f("item.quantity", P.COUNT, "quantity", "qty", "menge", "anzahl", "units", "stück",
       "stückzahl", "seats", "licences", "licenses", "users"),
    _f("item.unit_price", P.MONEY, "unit price", "einzelpreis", "stückpreis",
       "purchase cost", "price per unit"),
    _f("item.location", P.TEXT, "location", "standort", "site", "ort", "room", "raum",
       "rechenzentrum", "data centre", "data center"),
    _f("contact.account_manager", P.TEXT, "account manager", "contact", "sales contact",
       "ansprechpartner", "kontakt", "vertriebsansprechpartner", "key account manager",
       "sales rep", "account manager name", "kundenbetreuer", "betreuer",
       "contact person", "ansprechpartner vertrieb"),
    _f("contact.account_manager_email", P.TEXT, "account manager email", "contact email",
       "ansprechpartner email", "sales email", "email ansprechpartner", "contact e-mail"),
    _f("contact.account_manager_phone", P.TEXT, "account manager phone", "contact phone",
       "ansprechpartner telefon", "sales phone", "telefon ansprechpartner",
       "account manager tel"),
    _f("contact.support_phone", P.TEXT, "support phone", "support line", "hotline",
       "support hotline", "telefon support", "support telefon", "support tel",
       "service hotline", "servicehotline", "helpdesk", "support number",
       "support telephone", "support phone number", "telefon hotline", "störungshotline"),
    _f("contact.support_email", P.TEXT, "support email", "support e-mail", "e-mail support",
       "email support", "support mail", "support address", "helpdesk email",
       "support mailbox"),
    _f("contact.support_hours", P.TEXT, "support hours", "service hours", "supportzeiten",
       "servicezeiten", "erreichbarkeit", "support times"),
    _f("contact.portal_url", P.TEXT, "portal", "support portal", "portal url",
       "support url", "support website", "supportportal"),
)
BY_TARGET: dict[str, Field] = {field.target: field for field in FIELDS}

# Enough to tell a row apart from every other: a row with none of these is skipped.
IDENTIFYING = ("agreement.contract_number", "agreement.title", "item.serial_numbers",
               "item.asset_tag", "purchase.po_number", "item.description")

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
_NUMBER_SUFFIX = re.compile(r"^(.{3,}?)(nummern|nummer|nr)$")
_NUMBER_WORDS = frozenset({"no", "nr", "number", "num", "nbr", "nummer", "numbers", "nos"})


def normalise_header(text: str) -> str:
    """One form for every way of writing a header (see the module docstring)."""
    folded = fold(text).replace("#", " no ").replace("e-mail", "email")
    words: list[str] = []
    for word in _WORD.findall(folded):
        if word in _NUMBER_WORDS:
            words.append("no")
        elif match := _NUMBER_SUFFIX.match(word):
            words.extend((match.group(1), "no"))
        else:
            words.append(word)
    # the German linking "s" before a number word: "Vertrags-Nr." is "Vertrag Nr."
    return " ".join(word[:-1] if word.endswith("s") and not word.endswith("ss")
                    and following == "no" else word
                    for word, following in itertools.pairwise([*words, ""]))


def without_brackets(text: str) -> str:
    return re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
