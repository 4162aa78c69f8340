"""The vendor summary's words, in one place (for the German catalog to come), and the
small helpers that put numbers and colour into them."""

from __future__ import annotations

from typing import ClassVar

from reportlab.lib.colors import Color

from contractdesk.domain.enums import BillingPeriod
from contractdesk.reports.formatting import Formatter


class Text:
    """Every word the vendor summary prints, in one place (for the translations)."""

    title = "Vendor summary: {name}"
    not_recorded = "not recorded"
    overdue_mark = " (overdue)"
    roles, status, risk, next_review = "Roles", "Status", "Risk", "Next review"
    optional = (("customer_number", "Customer no."), ("payment_terms", "Payment terms"),
                ("phone", "Phone"), ("email", "E-mail"), ("website", "Web"),
                ("country", "Country"), ("currency", "Currency"))
    notes = "Notes"
    # actions box
    actions = "Actions"
    actions_window = "Notice deadlines, act-by dates and ends in the next {days} days, " \
                     "and what is overdue."
    nothing_to_do = "Nothing to act on in the next {days} days."
    action_columns = ("When", "Days left", "What", "Agreement")
    days_left: ClassVar[dict[int, str]] = {0: "today", 1: "1 day left"}
    days_left_many = "{n} days left"
    days_ago: ClassVar[dict[int, str]] = {1: "1 day overdue"}
    days_ago_many = "{n} days overdue"
    overdue_notice = "Notice deadline passed: the term to {end} may renew"
    give_notice = "Give notice: it must arrive by {deadline}"
    can_end = "Can end: notice must arrive by {deadline}"
    renews = "Renews on {deadline}"
    expires = "Ends on {deadline}: renew or replace it before then"
    notice_given = "Ends on {deadline} (notice given)"
    act_by = "act by {day}"
    day_off = "a {weekday}"
    holiday = "{name}, a public holiday"
    review_due = "Review of {name} due"
    high_risk = "Open high risk: {text}"
    mitigation = "Mitigation: {text}"
    no_mitigation = "No mitigation recorded."
    diligence = "Due diligence: {topic} {reason}"
    more_actions = "and {n} more in the next {days} days: see the agreements list."
    more_overdue = "and {n} more overdue: see the agreements list."
    # scorecard
    scorecard = "Scorecard: the last {months} months"
    cases_none = "<b>1. Support cases:</b> none."
    cases_head = "<b>1. Support cases:</b> {cases}"
    cases_count: ClassVar[dict[int, str]] = {1: "1 case"}
    cases_count_many = "{n} cases"
    cases_open = "{n} open"
    sla_judged = "SLA met in {met} of {judged}"
    sla_missed = "missed in {n}"
    median = "median {hours} h to resolve"
    case_line = "{number} (opened {opened}{agreement}{called}): {outcome}"
    case_agreement = ", {agreement}"
    case_called = ", called {name}"
    case_open, case_missed, case_met, case_unjudged = ("still open", "SLA missed",
                                                       "SLA met", "SLA not judged")
    more_cases = "and {n} more cases"
    review_none = "<b>2. Review:</b> no review recorded."
    review_head = "<b>2. Review</b> of {date}"
    review_scores = ": {average}/5 on average; the weakest aspect was {aspect}, " \
                    "scored {lowest} of 5."
    findings, review_actions = "Findings", "Actions agreed"
    risks_none = "<b>3. Open risks:</b> none."
    risks_head = "<b>3. Open risks:</b> {counts}."
    risk_count = "{n} {level}"
    alternative = "alternative supplier: {name}"
    on_agreement = "on {agreement}"
    diligence_ok = "<b>4. Due diligence:</b> in order."
    diligence_head = "<b>4. Due diligence:</b> {issues}."
    # partners and lists
    contacts = "Contacts"
    no_contacts = "No contacts recorded."
    contact_columns = ("Role", "Name", "Phone", "E-mail", "Hours / portal")
    bought_through = "Bought through {name}"
    products = "{name} products"
    oems_behind = "<b>OEMs behind it</b>: "
    sold_by = "<b>Sold by</b>: "
    partner = "{name} ({counts})"
    agreements_n: ClassVar[dict[int, str]] = {1: "1 agreement"}
    agreements_many = "{n} agreements"
    purchases_n: ClassVar[dict[int, str]] = {1: "1 purchase"}
    purchases_many = "{n} purchases"
    none_recorded = "none recorded"
    direct = "direct"
    purchases = "Purchases ({n})"
    purchase_columns = ("PO number", "Order date", "OEM", "Bought through", "Items", "Total")
    agreements_on_services = "Agreements on {name} services, sold by {name} ({n})"
    agreements_through = "Agreements bought through {name} ({n})"
    agreements_on_products = "Agreements on {name} products ({n})"
    agreements = "Agreements ({n})"
    agreements_order = "By next action, soonest first; finished agreements last."
    no_agreements = "No agreements recorded."
    agreement_columns = ("Kind", "Contract no. / title", "OEM", "Reseller", "First call",
                         "Serials", "End", "Next action", "SLA", "Auto-renew", "Status",
                         "Cost")
    yes, no = "yes", "no"
    overdue_word = "OVERDUE"
    first_line = "<b>First-line support</b> (who takes the first call) for the current " \
                 "and upcoming agreements: "
    per: ClassVar[dict[BillingPeriod | None, str]] = {
        BillingPeriod.ANNUAL: "per year", BillingPeriod.MONTHLY: "per month",
        BillingPeriod.QUARTERLY: "per quarter", BillingPeriod.TERM: "per term",
        BillingPeriod.ONE_OFF: "one-off", None: "per term"}
    # at scale
    glance = "At a glance"
    glance_counts = "{agreements} ({statuses}); {purchases}."
    glance_cost = "Price of the running agreements, per currency and billing period " \
                  "(never added across either):"
    glance_cost_columns = ("Currency", "Agreements")
    top = "The dearest running agreements (by price per year where billed by period)"
    annex_note = "The full lists of agreements and purchases follow as an annex."
    annex = "Annex: all agreements and purchases of {name}"
    # spend
    spend = "Spend per year"
    no_spend = "No spend recorded."
    currency = "Currency"
    committed_year = "{year} committed"
    spend_chart = "Spend per year in {currency}"
    spent, committed = "Spent", "Committed"
    committed_note = "Committed: billed after today by the recorded terms. Renewals " \
                     "not yet recorded as terms are not forecast."
    prices_chart = "Renewing agreements, price per term ({currency})"
    term_names = ("Current term", "Previous term", "Two terms before")


def plural(count: int, one: dict[int, str], many: str, fmt: Formatter | None = None) -> str:
    return one.get(count) or many.format(n=fmt.number(count) if fmt else count)


def coloured(text: str, colour: Color, *, bold: bool = True) -> str:
    shown = f"<b>{text}</b>" if bold else text
    return f'<font color="{colour.hexval()}">{shown}</font>'

