from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from contractdesk.domain.clauses import (
    ClauseError,
    ClauseReading,
    Role,
    describe_notice,
    read_clause,
)
from contractdesk.domain.durations import Duration
from contractdesk.domain.enums import NoticeAnchor, NoticeForm

D = Duration
TERM_END, MONTH_END = NoticeAnchor.TERM_END, NoticeAnchor.MONTH_END
QUARTER_END, HALF_YEAR_END = NoticeAnchor.QUARTER_END, NoticeAnchor.HALF_YEAR_END
YEAR_END = NoticeAnchor.YEAR_END
WRITTEN, TEXT, PORTAL = NoticeForm.WRITTEN, NoticeForm.TEXT, NoticeForm.PORTAL


def notice(period: Duration | None, anchor: NoticeAnchor | None = TERM_END,
           form: NoticeForm | None = None, **more: Any) -> ClauseReading:
    return ClauseReading(notice_period=period, notice_anchor=anchor, notice_form=form, **more)


# -- notice clauses -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # German, calendar anchors
    ("3 Monate zum Quartalsende", notice(D(months=3), QUARTER_END)),
    ("Kündigungsfrist sechs Wochen zum Monatsende", notice(D(weeks=6), MONTH_END)),
    ("einen Monat zum Ende eines jeden Kalendermonats", notice(D(months=1), MONTH_END)),
    ("2 Monate zum Schluss des Kalenderhalbjahres", notice(D(months=2), HALF_YEAR_END)),
    ("drei Monate zum Halbjahresende", notice(D(months=3), HALF_YEAR_END)),
    ("Frist: 3 Monate zum Jahresende", notice(D(months=3), YEAR_END)),
    ("4 Wochen zum Ende des Kalenderjahres", notice(D(weeks=4), YEAR_END)),
    ("Kündigung mit einer Frist von 3 Monaten zum Ende eines Kalendervierteljahres",
     notice(D(months=3), QUARTER_END)),
    ("6 Wochen zum Quartal", notice(D(weeks=6), QUARTER_END)),
    ("3 Monate zum 31.12.", notice(D(months=3), YEAR_END)),
    ("ca. 3 Mon. zum Quartalsende", notice(D(months=3), QUARTER_END)),
    # German, end of the term
    ("zwei Monate zum Ende der Laufzeit", notice(D(months=2))),
    ("3 Monate vor Vertragsende", notice(D(months=3))),
    ("sechs Wochen vor Ablauf", notice(D(weeks=6))),
    ("3 Monate vor Ablauf der jeweiligen Vertragslaufzeit", notice(D(months=3))),
    ("30 Tage vor der Verlängerung", notice(D(days=30))),
    ("drei Monate vor Ende der Mindestlaufzeit", notice(D(months=3))),
    # English, calendar anchors
    ("one month to the end of any calendar month", notice(D(months=1), MONTH_END)),
    ("2 months' notice effective at the end of a calendar quarter",
     notice(D(months=2), QUARTER_END)),
    ("60 days to month end", notice(D(days=60), MONTH_END)),
    ("three months before the end of the calendar year", notice(D(months=3), YEAR_END)),
    ("a month's notice to the end of the half-year", notice(D(months=1), HALF_YEAR_END)),
    # English, end of the term
    ("90 days' written notice prior to the end of the then-current term",
     notice(D(days=90), form=WRITTEN)),
    ("thirty (30) days before expiry of the subscription", notice(D(days=30))),
    ("60 days before renewal", notice(D(days=60))),
    ("45 days prior to the renewal date", notice(D(days=45))),
    ("notice of 8 weeks", notice(D(weeks=8))),
    ("30 days notice", notice(D(days=30))),
    # units and numbers as people write them
    ("90-day cancellation period", notice(D(days=90))),
    ("3-monatige Kündigungsfrist", notice(D(months=3))),
    ("zweimonatige Frist", notice(D(months=2))),
    ("1/4 Jahr zum Quartalsende", notice(D(months=3), QUARTER_END)),
    ("ein Vierteljahr", notice(D(months=3))),
    ("one quarter", notice(D(months=3))),
    ("ein halbes Jahr zum Jahresende", notice(D(months=6), YEAR_END)),
    ("half a year", notice(D(months=6))),
    ("P3M", notice(D(months=3))),
    ("p90d zum Monatsende", notice(D(days=90), MONTH_END)),
    ("12 wks", notice(D(weeks=12))),
    ("1 year 6 months to the end of a quarter", notice(D(years=1, months=6), QUARTER_END)),
    ("1 Jahr und 3 Monate", notice(D(years=1, months=3))),
    ("vierzehn Kalendertage", notice(D(days=14))),
])
def test_notice_clauses(text: str, expected: ClauseReading) -> None:
    assert read_clause(text, Role.NOTICE) == expected


@pytest.mark.parametrize(("text", "form"), [
    ("schriftlich", WRITTEN), ("in writing", WRITTEN), ("written notice", WRITTEN),
    ("by letter", WRITTEN), ("per Brief", WRITTEN), ("per Einschreiben", WRITTEN),
    ("Kündigung in Schriftform", WRITTEN), ("by registered mail", WRITTEN),
    ("notice by e-mail", TEXT), ("per E-Mail", TEXT), ("in Textform", TEXT),
    ("Kündigung per Email an vertrieb@example.com", TEXT),
    ("via portal", PORTAL), ("über das Kundenportal", PORTAL),
    ("cancel through the vendor portal", PORTAL),
])
def test_forms_of_notice(text: str, form: NoticeForm) -> None:
    assert read_clause(text, Role.NOTICE) == ClauseReading(notice_form=form)


@pytest.mark.parametrize(("text", "anchor"), [
    ("quarterly notice", QUARTER_END), ("quartalsweise kündbar", QUARTER_END),
    ("zum Ende eines Kalendervierteljahres", QUARTER_END),
    ("halbjährlich kündbar", HALF_YEAR_END), ("zum Jahresende", YEAR_END),
])
def test_an_anchor_alone_invents_no_period(text: str, anchor: NoticeAnchor) -> None:
    assert read_clause(text, Role.NOTICE) == ClauseReading(notice_anchor=anchor)


def test_notice_with_period_form_and_anchor_in_any_order() -> None:
    expected = notice(D(weeks=6), QUARTER_END, WRITTEN)
    assert read_clause("Kündigung bis spätestens 6 Wochen vor Quartalsende per Einschreiben",
                       Role.NOTICE) == expected
    assert read_clause("schriftlich, zum Quartalsende, 6 Wochen", Role.NOTICE) == expected


# -- terms ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Laufzeit 36 Monate", ClauseReading(initial_term=D(months=36))),
    ("Vertragslaufzeit: 24 Monate", ClauseReading(initial_term=D(months=24))),
    ("Mindestlaufzeit zwölf Monate", ClauseReading(initial_term=D(months=12))),
    ("Mindestvertragslaufzeit 12 Monate", ClauseReading(initial_term=D(months=12))),
    ("Mindest-Laufzeit: 2 Jahre", ClauseReading(initial_term=D(years=2))),
    ("12-monatige Laufzeit", ClauseReading(initial_term=D(months=12))),
    ("einjährige Laufzeit", ClauseReading(initial_term=D(years=1))),
    ("initial term 24 months", ClauseReading(initial_term=D(months=24))),
    ("an initial term of a year", ClauseReading(initial_term=D(years=1))),
    ("initial term of three years", ClauseReading(initial_term=D(years=3))),
    ("minimum contract term: 18 months", ClauseReading(initial_term=D(months=18))),
    ("a 36-month term", ClauseReading(initial_term=D(months=36))),
    ("1.5 years", ClauseReading(initial_term=D(months=18))),
    ("eineinhalb Jahre", ClauseReading(initial_term=D(months=18))),
    ("unbefristet", ClauseReading(open_ended=True)),
    ("Laufzeit: unbefristet", ClauseReading(open_ended=True)),
    ("auf unbestimmte Zeit", ClauseReading(open_ended=True)),
    ("open-ended", ClauseReading(open_ended=True)),
    ("indefinite term", ClauseReading(open_ended=True)),
    ("no fixed term", ClauseReading(open_ended=True)),
    ("ohne Mindestlaufzeit", ClauseReading(open_ended=True)),
    ("month-to-month", ClauseReading(open_ended=True)),
    ("rolling monthly contract", ClauseReading(open_ended=True)),
    ("monatlich kündbar", ClauseReading(open_ended=True)),
    ("monatlich", ClauseReading(open_ended=True)),
    ("cancel anytime", ClauseReading(open_ended=True)),
    ("evergreen", ClauseReading(auto_renew=True)),
])
def test_terms(text: str, expected: ClauseReading) -> None:
    assert read_clause(text, Role.TERM) == expected


def test_monthly_cancellable_invents_no_notice_period() -> None:
    reading = read_clause("monatlich kündbar", Role.NOTICE)
    assert reading == ClauseReading(open_ended=True)
    assert reading.notice_period is None and reading.notice_anchor is None


@pytest.mark.parametrize("text", [
    "Mindestlaufzeit 24 Monate, danach monatlich kündbar",
    "minimum term 24 months, then month-to-month",
    "Laufzeit 24 Monate, danach unbefristet",
])
def test_a_minimum_term_before_an_open_end_is_no_contradiction(text: str) -> None:
    assert read_clause(text, Role.TERM) == ClauseReading(initial_term=D(months=24),
                                                         open_ended=True)


# -- renewals -------------------------------------------------------------------------

def renews(period: Duration | None) -> ClauseReading:
    return ClauseReading(renewal_term=period, auto_renew=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("verlängert sich um jeweils 12 Monate", renews(D(months=12))),
    ("verlängert sich danach um jeweils 12 Monate", renews(D(months=12))),
    ("Der Vertrag verlängert sich stillschweigend um ein weiteres Jahr", renews(D(years=1))),
    ("automatische Verlängerung um 1 Jahr", renews(D(years=1))),
    ("stillschweigende Verlängerung um ein Jahr", renews(D(years=1))),
    ("Verlängerungszeitraum 6 Monate", renews(D(months=6))),
    ("renews for successive 12-month periods", renews(D(months=12))),
    ("automatically renews for one-year terms", renews(D(years=1))),
    ("auto-renews for additional two year periods", renews(D(years=2))),
    ("renewal term: 24 months", renews(D(months=24))),
    ("renews for a further year", renews(D(years=1))),
    ("renews annually", renews(D(years=1))),
    ("jährliche Verlängerung", renews(D(years=1))),
    ("jährlich", renews(D(years=1))),
    ("yearly", renews(D(years=1))),
    ("renews quarterly", renews(D(months=3))),
    ("verlängert sich automatisch", renews(None)),
    ("auto-renewal", renews(None)),
    ("keine automatische Verlängerung", ClauseReading(auto_renew=False)),
    ("Der Vertrag verlängert sich nicht", ClauseReading(auto_renew=False)),
    ("nicht verlängerbar", ClauseReading(auto_renew=False)),
    ("ohne Verlängerung", ClauseReading(auto_renew=False)),
    ("does not renew", ClauseReading(auto_renew=False)),
    ("will not be renewed automatically", ClauseReading(auto_renew=False)),
    ("no auto-renewal", ClauseReading(auto_renew=False)),
    ("non-renewing", ClauseReading(auto_renew=False)),
    ("endet automatisch", ClauseReading(auto_renew=False)),
    ("the contract ends automatically", ClauseReading(auto_renew=False)),
    ("Verlängerung: nein", ClauseReading(auto_renew=False)),
])
def test_renewals(text: str, expected: ClauseReading) -> None:
    assert read_clause(text, Role.RENEWAL) == expected


@pytest.mark.parametrize(("text", "auto"), [
    ("ja", True), ("Ja", True), ("yes", True), ("TRUE", True), ("x", True), ("X", True),
    ("automatisch", True), ("nein", False), ("No", False), ("false", False),
    ("manuell", False),
])
def test_a_bare_yes_or_no_in_a_renewal_column_says_only_whether_it_renews(
        text: str, auto: bool) -> None:
    assert read_clause(text, Role.RENEWAL) == ClauseReading(auto_renew=auto)


def test_yes_and_no_mean_nothing_outside_a_renewal_column() -> None:
    for role in (Role.NOTICE, Role.TERM):
        with pytest.raises(ClauseError, match="'ja'"):
            read_clause("ja", role)


# -- lead times -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    ("2 Wochen", 14), ("14 Tage", 14), ("14", 14), ("1 Monat", 30), ("3 weeks", 21),
    ("10 days internal approval", 10), ("Interne Vorlaufzeit: 5 Tage", 5),
])
def test_lead_times(text: str, days: int) -> None:
    assert read_clause(text, Role.LEAD_TIME) == ClauseReading(lead_time_days=days)


def test_a_lead_time_keyword_decides_in_any_column() -> None:
    assert read_clause("10 days internal approval", Role.NOTICE) == ClauseReading(
        lead_time_days=10)


# -- what a bare period means, role by role -------------------------------------------

@pytest.mark.parametrize(("role", "expected"), [
    (Role.NOTICE, notice(D(months=3))),
    (Role.TERM, ClauseReading(initial_term=D(months=3))),
    (Role.RENEWAL, renews(D(months=3))),
    (Role.LEAD_TIME, ClauseReading(lead_time_days=90)),
])
def test_a_bare_period_means_what_its_column_is_about(role: Role,
                                                      expected: ClauseReading) -> None:
    assert read_clause("3 Monate", role) == expected
    assert read_clause("P3M", role) == expected


@pytest.mark.parametrize("role", list(Role))
def test_keywords_decide_regardless_of_the_role(role: Role) -> None:
    assert read_clause("Laufzeit 36 Monate", role) == ClauseReading(initial_term=D(months=36))
    assert read_clause("Kündigungsfrist 3 Monate", role) == notice(D(months=3))
    assert read_clause("Verlängerung um 12 Monate", role) == renews(D(months=12))


@pytest.mark.parametrize("role", list(Role))
def test_blank_text_says_nothing(role: Role) -> None:
    assert read_clause("", role) == ClauseReading()
    assert read_clause("  \t\n ", role) == ClauseReading()


# -- long sentences -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "role", "expected"), [
    ("Mindestlaufzeit 24 Monate, verlängert sich danach um jeweils 12 Monate, "
     "Kündigungsfrist 3 Monate zum Ende der Laufzeit", Role.NOTICE,
     notice(D(months=3), initial_term=D(months=24), renewal_term=D(months=12),
            auto_renew=True)),
    ("Initial term of 36 months; renews for successive one-year periods unless either "
     "party gives 90 days' written notice prior to the end of the then-current term",
     Role.TERM,
     notice(D(days=90), form=WRITTEN, initial_term=D(months=36), renewal_term=D(years=1),
            auto_renew=True)),
    ("Laufzeit unbefristet, Kündigungsfrist 6 Wochen zum Quartalsende", Role.TERM,
     notice(D(weeks=6), QUARTER_END, open_ended=True)),
    ("month-to-month, 30 days' notice", Role.TERM, notice(D(days=30), open_ended=True)),
    ("Der Vertrag hat eine Laufzeit von zwei Jahren und verlängert sich automatisch um "
     "ein weiteres Jahr, wenn er nicht drei Monate vor Ablauf schriftlich gekündigt wird",
     Role.RENEWAL,
     notice(D(months=3), form=WRITTEN, initial_term=D(years=2), renewal_term=D(years=1),
            auto_renew=True)),
    ("The agreement has an initial term of three (3) years and renews automatically for "
     "additional one-year terms unless terminated with sixty (60) days' notice", Role.NOTICE,
     notice(D(days=60), initial_term=D(years=3), renewal_term=D(years=1), auto_renew=True)),
    ("Subscription term: 12 months. Auto-renewal: yes. Cancellation: 30 days before "
     "renewal via the customer portal.", Role.NOTICE,
     notice(D(days=30), form=PORTAL, initial_term=D(months=12), auto_renew=True)),
    ("This agreement automatically renews for successive one (1) year terms unless either "
     "party gives written notice of non-renewal at least sixty (60) days prior to the end "
     "of the then-current term.", Role.TERM,
     notice(D(days=60), form=WRITTEN, renewal_term=D(years=1), auto_renew=True)),
    ("evergreen; either party may cancel with 60 days notice by email", Role.RENEWAL,
     notice(D(days=60), form=TEXT, auto_renew=True)),
    ("36 Monate Laufzeit und 3 Monate Kündigungsfrist zum Monatsende", Role.RENEWAL,
     notice(D(months=3), MONTH_END, initial_term=D(months=36))),
    ("keine automatische Verlängerung, Laufzeit 12 Monate", Role.NOTICE,
     ClauseReading(initial_term=D(months=12), auto_renew=False)),
    ("Mindestlaufzeit 12 Monate, danach monatlich kündbar mit 4 Wochen Frist", Role.TERM,
     notice(D(weeks=4), initial_term=D(months=12), open_ended=True)),
])
def test_long_sentences(text: str, role: Role, expected: ClauseReading) -> None:
    assert read_clause(text, role) == expected


@pytest.mark.parametrize("text", [
    "Laufzeit 36 Monate 3 Monate Kündigungsfrist",
    "36 Monate Laufzeit 3 Monate Kündigungsfrist",
    "Kündigungsfrist 3 Monate Laufzeit 36 Monate",
])
def test_periods_without_separators_go_to_the_keyword_beside_them(text: str) -> None:
    assert read_clause(text, Role.RENEWAL) == notice(D(months=3), initial_term=D(months=36))


def test_a_bare_period_in_a_sentence_means_what_the_column_is_about() -> None:
    assert read_clause("Laufzeit 36 Monate, 3 Monate", Role.NOTICE) == notice(
        D(months=3), initial_term=D(months=36))


# -- what is refused ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "role", "named"), [
    ("bis auf Widerruf", Role.NOTICE, "'bis auf Widerruf' is not a notice period"),
    ("see contract", Role.TERM, "'see contract' is not a term"),
    ("tbd", Role.RENEWAL, "'tbd' is not a renewal"),
    ("ask Petra", Role.LEAD_TIME, "'ask Petra' is not a lead time"),
    ("-", Role.NOTICE, "'-'"),
    ("Kündigungsfrist 3 Monate, siehe Anlage", Role.NOTICE, "'siehe Anlage'"),
    ("Kündigung", Role.NOTICE, "'Kündigung'"),
    ("3", Role.NOTICE, "'3'"),
    ("Kündigungsfrist 3", Role.NOTICE, "'3' in 'Kündigungsfrist 3'"),
    ("Laufzeit bis 31.12.2027", Role.TERM, "'31.12.2027'"),
    ("3-6 Monate", Role.NOTICE, "'3'"),
    ("3 Monate zum Ende des Geschäftsjahres", Role.NOTICE, "names an end"),
    ("jährlich kündbar", Role.NOTICE, "'jährlich'"),
    ("jährlich", Role.TERM, "'jährlich' is not a term"),
    ("1,5 Monate", Role.NOTICE, "'1,5 Monate' is not a whole number of months"),
    ("p3m1y", Role.RENEWAL, "'p3m1y'"),
])
def test_what_is_not_understood_is_refused_by_name(text: str, role: Role,
                                                   named: str) -> None:
    with pytest.raises(ClauseError) as error:
        read_clause(text, role)
    assert named in str(error.value)


@pytest.mark.parametrize("text", [
    "10 Werktage", "14 Arbeitstage zum Monatsende", "10 business days' notice",
    "30 working days", "Kündigungsfrist 5 Geschäftstage",
])
def test_working_days_are_refused_not_read_as_calendar_days(text: str) -> None:
    with pytest.raises(ClauseError, match="working-day notice periods are not supported"):
        read_clause(text, Role.NOTICE)


@pytest.mark.parametrize(("text", "role", "reason"), [
    ("unbefristet, Laufzeit 36 Monate", Role.TERM, "open-ended, yet a fixed term"),
    ("36 Monate, unbefristet", Role.TERM, "open-ended, yet a fixed term"),
    ("Mindestlaufzeit 24 Monate, Laufzeit 36 Monate", Role.TERM, "initial term"),
    ("3 Monate zum Quartalsende, 6 Wochen zum Quartalsende", Role.NOTICE, "notice period"),
    ("3 Monate zum Monatsende oder zum Quartalsende", Role.NOTICE, "counts back to"),
    ("schriftlich oder per E-Mail", Role.NOTICE, "form of notice"),
    ("verlängert sich um 12 Monate, endet automatisch", Role.RENEWAL, "automatic renewal"),
    ("evergreen, does not renew", Role.RENEWAL, "automatic renewal"),
])
def test_contradictions_are_refused(text: str, role: Role, reason: str) -> None:
    with pytest.raises(ClauseError) as error:
        read_clause(text, role)
    assert f"'{text}' contradicts itself" in str(error.value)
    assert reason in str(error.value)


@pytest.mark.parametrize("text", [
    "Laufzeit 1 Jahr und 6 Monate Kündigungsfrist",
    "Laufzeit 12 Monate Kündigungsfrist",
])
def test_a_period_between_two_keywords_is_refused(text: str) -> None:
    with pytest.raises(ClauseError, match="could be a term or a notice period"):
        read_clause(text, Role.NOTICE)


@pytest.mark.parametrize("text", ["0 Monate", "P0D", "0 days", "null Tage zum Monatsende"])
def test_zero_periods_are_refused(text: str) -> None:
    with pytest.raises(ClauseError):
        read_clause(text, Role.NOTICE)


@pytest.mark.parametrize("text", ["-3 Monate", "Kündigungsfrist −30 Tage", "(-1 year)"])
def test_negative_periods_are_refused(text: str) -> None:
    with pytest.raises(ClauseError, match="negative"):
        read_clause(text, Role.NOTICE)


@pytest.mark.parametrize("text", ["101 Jahre", "1300 months", "P99999D",
                                  "99999999999 days", "6000 weeks"])
def test_absurd_periods_are_refused(text: str) -> None:
    with pytest.raises(ClauseError, match="too long"):
        read_clause(text, Role.TERM)


def test_a_hundred_years_is_the_longest_period() -> None:
    assert read_clause("100 years", Role.TERM) == ClauseReading(initial_term=D(years=100))


def test_a_clause_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="tbd"):
        read_clause("tbd", Role.NOTICE)


# -- properties -----------------------------------------------------------------------

UNIT_WORDS = [("days", "days"), ("Tage", "days"), ("Tagen", "days"), ("day", "days"),
              ("weeks", "weeks"), ("Wochen", "weeks"), ("week", "weeks"),
              ("months", "months"), ("Monate", "months"), ("Monaten", "months"),
              ("Monat", "months"), ("years", "years"), ("Jahre", "years"),
              ("Jahren", "years"), ("Jahr", "years")]
DAYS_PER = {"days": 1, "weeks": 7, "months": 30, "years": 365}


@given(st.integers(1, 36), st.sampled_from(UNIT_WORDS), st.sampled_from(list(Role)))
def test_any_count_of_any_unit_lands_in_the_field_of_its_role(
        n: int, unit: tuple[str, str], role: Role) -> None:
    word, field = unit
    period = Duration(**{field: n})
    expected = {
        Role.NOTICE: notice(period),
        Role.TERM: ClauseReading(initial_term=period),
        Role.RENEWAL: renews(period),
        Role.LEAD_TIME: ClauseReading(lead_time_days=n * DAYS_PER[field]),
    }[role]
    assert read_clause(f"{n} {word}", role) == expected


@pytest.mark.parametrize("text", [
    "Kündigungsfrist 3 Monate zum Quartalsende",
    "Kuendigungsfrist 3 Monate zum Quartalsende",
    "KÜNDIGUNGSFRIST 3 MONATE ZUM QUARTALSENDE",
    "KUENDIGUNGSFRIST 3 MONATE ZUM QUARTALSENDE",
    "  kündigungsfrist   3\u00a0monate\tzum  quartalsende ",
    "Kündigungsfrist: 3 Monate – zum Quartalsende.",
    "Ku\u0308ndigungsfrist 3 Monate zum Quartalsende",  # a combining umlaut
])
def test_case_spacing_and_umlaut_spellings_read_the_same(text: str) -> None:
    assert read_clause(text, Role.TERM) == notice(D(months=3), QUARTER_END)


@pytest.mark.parametrize(("period", "anchor", "words"), [
    (D(months=3), QUARTER_END, "3 months to the end of a quarter"),
    (D(days=90), TERM_END, "90 days before the end of the term"),
    (D(weeks=6), MONTH_END, "6 weeks to the end of a month"),
    (D(months=1), HALF_YEAR_END, "1 month to the end of a half-year"),
    (D(years=1, months=6), YEAR_END, "1 year 6 months to the end of a year"),
])
def test_describe_notice(period: Duration, anchor: NoticeAnchor, words: str) -> None:
    assert describe_notice(period, anchor) == words


durations = st.builds(Duration, st.integers(0, 5), st.integers(0, 24), st.integers(0, 10),
                      st.integers(0, 120)).filter(
    lambda d: any((d.years, d.months, d.weeks, d.days)))


@given(durations, st.sampled_from(list(NoticeAnchor)))
@example(Duration(days=1), NoticeAnchor.YEAR_END)
def test_describe_notice_round_trips_through_read_clause(period: Duration,
                                                         anchor: NoticeAnchor) -> None:
    reading = read_clause(describe_notice(period, anchor), Role.NOTICE)
    assert (reading.notice_period, reading.notice_anchor) == (period, anchor)


@given(st.text(max_size=80), st.sampled_from(list(Role)))
@example("Laufzeit 12 Monate,, ; .", Role.TERM)
@example("½ Jahr", Role.NOTICE)
def test_any_text_is_read_or_refused_and_never_gives_an_empty_period(text: str,
                                                                    role: Role) -> None:
    try:
        reading = read_clause(text, role)
    except ClauseError as error:
        assert str(error)
        return
    for period in (reading.notice_period, reading.initial_term, reading.renewal_term):
        assert period is None or 0 < 365 * period.years + 30 * period.months \
            + 7 * period.weeks + period.days <= 36_525
    assert reading.lead_time_days is None or reading.lead_time_days > 0


@given(st.lists(st.sampled_from([
    "Laufzeit", "36", "Monate", "Kündigungsfrist", "3", "zum", "Quartalsende", ",", "und",
    "renews", "for", "one-year", "notice", "90", "days", "unbefristet", "jährlich",
    "schriftlich", "Werktage", "nicht", "verlängert", "sich", "danach", "monatlich",
]), max_size=12), st.sampled_from(list(Role)))
def test_word_salads_of_clause_words_are_read_or_refused(words: list[str],
                                                         role: Role) -> None:
    try:
        read_clause(" ".join(words), role)
    except ClauseError as error:
        assert str(error)


@pytest.mark.parametrize(("text", "months"), [
    ("an initial term of thirty-six months", 36), ("Laufzeit sechsunddreißig Monate", 36),
    ("twenty four months minimum term", 24), ("Mindestlaufzeit vierundzwanzig Monate", 24),
])
def test_compound_number_words_are_read_whole_not_by_their_last_word(text: str,
                                                                     months: int) -> None:
    assert read_clause(text, Role.TERM).initial_term == Duration(months=months)
