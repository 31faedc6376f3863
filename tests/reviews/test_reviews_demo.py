"""The demo's case reviews: the whole lifecycle, made by the services, and the annual report's
figures taken from it.

The 2016-17 figures were counted by hand from the Family K plan in safeguard/demo/reviews.py:
notified Friday 15 April 2016 (due Monday 18 April, 5 working days from Monday 11 April); no rapid
reviews before the Panel began; the review decided on 4 May 2016 and published on 14 March 2017.
Its eight actions were agreed on 12 January 2017; by 31 March 2017 three were complete (council
28 March, ICB 20 March, police 15 March) and none of the five open ones was past its due date
(the earliest, 31 May 2017).
"""

from datetime import date

import pytest
from factories import ChildFactory

from safeguard.access.models import User
from safeguard.demo.partnership import seed_partnership
from safeguard.demo.reviews import seed_reviews
from safeguard.frontdoor.models import Referral
from safeguard.people.codes import RelationshipKind
from safeguard.people.models import Relationship
from safeguard.reviews import figures
from safeguard.reviews.codes import ActionStatus, ReviewKind
from safeguard.reviews.models import Action, CaseReview, IncidentChild
from safeguard.reviews.status import stage

TODAY = date(2025, 6, 30)


@pytest.fixture
def seeded(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    seed_partnership()
    # Two siblings and five more children, all referred in the last year, for the review and the
    # audit to draw on.
    older, younger = ChildFactory(), ChildFactory()
    Relationship.objects.create(
        child=older, related_child=younger, kind=RelationshipKind.SIBLING, lives_with_child=True
    )
    for child in [older, younger, *(ChildFactory() for _ in range(5))]:
        Referral.objects.create(
            child=child, referral_date=date(2025, 1, 6), source="6", primary_need="N1"
        )
    return seed_reviews(today=TODAY), (older, younger)


def test_it_makes_a_published_serious_case_review_and_a_practice_review_under_way(seeded):
    made, _ = seeded
    assert made == {"incidents": 4, "reviews": 2, "actions": 15, "audits": 1, "briefings": 2}
    family_k = CaseReview.objects.get(incident__name="Family K")
    assert family_k.kind == ReviewKind.SERIOUS_CASE_REVIEW
    assert stage(family_k.incident) == "Published"
    child_r = CaseReview.objects.get(incident__name="Child R")
    assert child_r.kind == ReviewKind.PRACTICE_REVIEW
    assert stage(child_r.incident) == "Review in progress"


def test_the_practice_review_has_actions_in_every_state_for_several_agencies(seeded):
    actions = Action.objects.filter(finding__review__incident__name="Child R")
    states = {
        "signed off": actions.filter(signed_off_on__isnull=False).count(),
        "awaiting sign-off": actions.complete().filter(signed_off_on__isnull=True).count(),
        "overdue": actions.overdue(TODAY).count(),
        "amber": actions.filter(status=ActionStatus.AMBER).count(),
    }
    assert states == {"signed off": 1, "awaiting sign-off": 1, "overdue": 2, "amber": 1}
    assert actions.values("agency").distinct().count() == 5


def test_the_police_board_member_has_an_overdue_action(seeded):
    david = User.objects.get(email="david.hughes@police.example.org")
    assert Action.objects.filter(agency=david.agency).overdue(TODAY).exists()


def test_the_siblings_are_linked_to_the_practice_review(seeded):
    _, siblings = seeded
    linked = set(
        IncidentChild.objects.filter(incident__name="Child R").values_list("child", flat=True)
    )
    assert linked == {child.pk for child in siblings}


def test_the_2016_17_annual_report_figures_come_from_the_serious_case_review(seeded):
    year = figures.compute(figures.Period.reporting_year(2017), today=TODAY)
    assert (year.notified, year.notified_on_time) == (1, 1)
    assert (year.rapid_reviews, year.commissioned, year.published) == (0, 1, 1)
    totals = year.actions
    assert (totals.total, totals.complete, totals.open, totals.overdue) == (8, 3, 5, 0)
    by_agency = {t.label: (t.total, t.complete) for t in year.by_agency}
    assert by_agency == {
        "Marcher Council Children's Services": (4, 1),
        "Marcher Integrated Care Board": (1, 1),
        "Marcher Community Health NHS Trust": (1, 0),
        "West Marcher Police": (1, 1),
        "Whitecross Academy": (1, 0),
    }


def test_seeding_twice_adds_nothing(seeded):
    assert seed_reviews(today=TODAY)["incidents"] == 0
