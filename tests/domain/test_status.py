import datetime as dt

import pytest

from contractdesk.domain.enums import AgreementStatus as S
from contractdesk.domain.status import Term, derive_status

TODAY = dt.date(2026, 11, 25)
D = dt.timedelta(days=1)


@pytest.mark.parametrize(("term", "expected"), [
    (Term(TODAY + 10 * D, TODAY + 400 * D, None), S.UPCOMING),
    (Term(TODAY - 10 * D, TODAY + 400 * D, None), S.ACTIVE),
    (Term(TODAY - 10 * D, TODAY + 400 * D, TODAY + 300 * D), S.ACTIVE),
    (Term(TODAY - 10 * D, TODAY + 120 * D, TODAY + 30 * D), S.NOTICE_DUE),
    (Term(TODAY - 10 * D, TODAY + 120 * D, TODAY), S.NOTICE_DUE),
    (Term(TODAY - 10 * D, TODAY + 60 * D, None), S.EXPIRING),
    (Term(TODAY - 10 * D, TODAY + 60 * D, TODAY - 1 * D), S.EXPIRING),  # notice missed
    (Term(TODAY - 10 * D, TODAY, None), S.EXPIRING),
    (Term(TODAY - 400 * D, TODAY - 1 * D, None), S.EXPIRED),
    (Term(TODAY - 10 * D, TODAY + 60 * D, None, cancelled=True), S.CANCELLED),
    (Term(TODAY - 400 * D, TODAY - 1 * D, None, renewed=True), S.RENEWED),
    (Term(None, None, None), S.ACTIVE),
])
def test_each_status(term: Term, expected: S) -> None:
    assert derive_status(term, TODAY) == expected


def test_reminder_window_is_configurable() -> None:
    term = Term(TODAY - 10 * D, TODAY + 200 * D, TODAY + 45 * D)
    assert derive_status(term, TODAY, window_days=30) == S.ACTIVE
    assert derive_status(term, TODAY, window_days=60) == S.NOTICE_DUE
