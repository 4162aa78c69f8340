"""``contractdesk sample`` tells a governance story the window and reports can show."""

from __future__ import annotations

from sqlalchemy import func, select

from contractdesk.db.database import Database
from contractdesk.db.governance import DueDiligenceCheck, Review, Risk, SupportCase
from contractdesk.domain.governance_enums import DiligenceResult, RiskStatus
from contractdesk.services.organizations import require_organization
from contractdesk.services.sample import fill_sample
from contractdesk.services.scorecard import scorecard
from tests.conftest import TODAY


def test_sample_counts_include_governance(database: Database) -> None:
    with database.transaction("cli") as session:
        counts = fill_sample(session, TODAY)
        for kind, model in (("reviews", Review), ("due_diligence", DueDiligenceCheck),
                            ("risks", Risk), ("support_cases", SupportCase)):
            assert counts[kind] == session.scalar(select(func.count()).select_from(model))


def test_sample_has_the_story(sample_database: Database) -> None:
    with sample_database.session("cli") as session:
        computacenter = scorecard(session, require_organization(session, "Computacenter"),
                                  TODAY)
        assert [i.check.result for i in computacenter.diligence_issues] == [
            DiligenceResult.FAILED]
        (risk,) = computacenter.open_risks
        assert risk.severity >= 12 and risk.status == RiskStatus.OPEN
        assert risk.alternative_supplier is not None
        assert computacenter.cases.met >= 1 and computacenter.cases.missed >= 1
        assert len(computacenter.reviews) == 2

        softcat = scorecard(session, require_organization(session, "Softcat"), TODAY)
        assert [(i.check.topic.value, i.reason) for i in softcat.diligence_issues] == [
            ("insurance", "expired")]

        verdicts = set(session.scalars(select(SupportCase.sla_met)))
        assert verdicts == {True, False, None}
