"""Multi-agency case file audits: the system draws the sample from children referred in the
period (restricted records left out) and keeps it; each agency grades every question; findings
feed actions as a review's do."""

import random
from datetime import date

import pytest
from factories import AgencyFactory, ChildFactory, sign_in_as
from reviews_records import business_manager, police

from safeguard.access.models import RestrictedRecord
from safeguard.frontdoor.models import Referral
from safeguard.reviews import services_audits
from safeguard.reviews.codes import AuditGrade
from safeguard.reviews.models import AuditAnswer, Finding, Theme
from safeguard.reviews.rules import ReviewError
from safeguard.reviews.services_audits import Answer
from safeguard.reviews.views_audits import grade_summary

pytestmark = pytest.mark.django_db


def referred(on: date):
    child = ChildFactory()
    Referral.objects.create(child=child, referral_date=on, source="6", primary_need="N1")
    return child


@pytest.fixture
def manager():
    return business_manager()


@pytest.fixture
def tool():
    return services_audits.create_tool(
        name="Neglect", description="", questions=["Was neglect recognised?", "Was the child seen?"]
    )


def start(manager, tool, size, **fields):
    return services_audits.start_audit(
        title="Neglect audit",
        tool=tool,
        agencies=fields.pop("agencies", [police()]),
        known_from=date(2025, 1, 1),
        known_to=date(2025, 3, 31),
        sample_size=size,
        by=manager,
        **fields,
    )


def test_the_sample_comes_only_from_children_referred_in_the_period(manager, tool):
    inside = {referred(date(2025, 1, 1)).pk, referred(date(2025, 3, 31)).pk}
    referred(date(2024, 12, 31))
    referred(date(2025, 4, 1))
    restricted = referred(date(2025, 2, 3))
    RestrictedRecord.objects.create(child=restricted, reason="-", restricted_by=manager)
    ChildFactory()  # never referred
    audit = start(manager, tool, 2)
    assert set(audit.cases.values_list("child_id", flat=True)) == inside
    assert list(audit.cases.values_list("number", flat=True)) == [1, 2]


def test_a_child_referred_twice_is_sampled_once(manager, tool):
    child = referred(date(2025, 1, 6))
    Referral.objects.create(
        child=child, referral_date=date(2025, 2, 6), source="6", primary_need="N1"
    )
    with pytest.raises(ReviewError, match="Only 1 child was"):
        start(manager, tool, 2)


def test_the_sample_is_random_and_kept(manager, tool):
    for _ in range(10):
        referred(date(2025, 2, 3))
    first = start(manager, tool, 3, rng=random.Random(1))
    second = start(manager, tool, 3, rng=random.Random(2))
    drawn = list(first.cases.values_list("child_id", flat=True))
    assert drawn != list(second.cases.values_list("child_id", flat=True))
    first.refresh_from_db()
    assert list(first.cases.values_list("child_id", flat=True)) == drawn


def test_a_sample_larger_than_the_children_referred_is_refused(manager, tool):
    referred(date(2025, 2, 3))
    with pytest.raises(ReviewError) as refused:
        start(manager, tool, 2)
    assert refused.value.problems[0].field == "sample_size"


def test_each_agency_grades_every_question_and_answering_again_replaces(manager, tool):
    referred(date(2025, 2, 3))
    agency = police()
    audit = start(manager, tool, 1, agencies=[agency])
    case = audit.cases.get()
    first, second = tool.questions.all()
    with pytest.raises(ReviewError, match="Grade every question"):
        services_audits.record_answers(
            case, agency=agency, answers=[Answer(first, AuditGrade.GOOD)], by=manager
        )
    with pytest.raises(ReviewError, match="taking part"):
        services_audits.record_answers(
            case,
            agency=AgencyFactory(),
            answers=[Answer(first, AuditGrade.GOOD), Answer(second, AuditGrade.GOOD)],
            by=manager,
        )
    for grade in (AuditGrade.INADEQUATE, AuditGrade.GOOD):
        services_audits.record_answers(
            case,
            agency=agency,
            answers=[Answer(first, grade), Answer(second, AuditGrade.REQUIRES_IMPROVEMENT)],
            by=manager,
        )
    assert AuditAnswer.objects.count() == 2
    # Outstanding, good, requires improvement, inadequate.
    assert [counts for _, counts in grade_summary(audit)] == [[0, 1, 0, 0], [0, 0, 1, 0]]


def test_answers_are_recorded_through_the_page(client, manager, tool):
    referred(date(2025, 2, 3))
    agency = police()
    audit = start(manager, tool, 1, agencies=[agency])
    case = audit.cases.get()
    first, second = tool.questions.all()
    sign_in_as(client, manager)
    url = f"/case-reviews/audits/{audit.pk}/cases/{case.pk}/answers/"
    missing = client.post(url, {"agency": agency.pk, f"grade_{first.pk}": "2"})
    assert "Select a grade for question 2" in missing.content.decode()
    saved = client.post(
        url,
        {
            "agency": agency.pk,
            f"grade_{first.pk}": "2",
            f"grade_{second.pk}": "4",
            f"comment_{second.pk}": "Not seen alone",
        },
    )
    assert saved.status_code == 302
    assert AuditAnswer.objects.get(question=second).comment == "Not seen alone"


def test_an_audit_s_findings_lead_to_actions(client, manager, tool):
    referred(date(2025, 2, 3))
    audit = start(manager, tool, 1)
    sign_in_as(client, manager)
    response = client.post(
        f"/case-reviews/audits/{audit.pk}/findings/new/",
        {
            "text": "No chronologies",
            "recommendation": "Keep one",
            "themes": [Theme.objects.first().pk],
        },
    )
    finding = Finding.objects.get(audit=audit)
    assert response["Location"] == f"/case-reviews/findings/{finding.pk}/actions/new/"
    assert finding.number == 1 and finding.review is None


def test_an_audit_tool_needs_questions(manager):
    with pytest.raises(ReviewError, match="one on each line"):
        services_audits.create_tool(name="Empty", description="", questions=["  ", ""])
