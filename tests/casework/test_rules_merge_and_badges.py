"""Two casework rules that live in the people app's hooks: a merge is refused while both records
hold referrals open at the same time, and the child summary shows CIN and CP badges."""

from datetime import date

import pytest
from factories import ChildFactory
from pathway_records import child_on_plan, make_staff, refer

from safeguard.casework import services
from safeguard.casework.codes import AssessmentFactor, AssessmentOutcome, PlanEndReason
from safeguard.casework.models import Allocation
from safeguard.frontdoor.models import ReasonForClosure, Referral
from safeguard.people.badges import badges_for
from safeguard.people.merge import MergeRefused, merge_children
from safeguard.people.models import Child, Merge

WHY = "The school confirmed these are the same child"


@pytest.fixture
def staff(db):
    return make_staff()


@pytest.fixture
def kept(db):
    return ChildFactory(first_name="Jaden", last_name="Smith", date_of_birth=date(2015, 3, 7))


@pytest.fixture
def duplicate(db):
    return ChildFactory(
        first_name="Jayden", last_name="Smyth", date_of_birth=date(2015, 3, 7), nhs_number=""
    )


def closed_after_assessment(child: Child, staff, referred_on: date, closed_on: date) -> Referral:
    """Referred, assessed the same day, no further action, closed on `closed_on`."""
    referral = refer(child, on=referred_on, by=staff.mash_manager)
    assessment = services.start_assessment(referral, started_on=referred_on, worker=staff.worker)
    services.complete_assessment(
        assessment,
        version=assessment.version,
        factors=[AssessmentFactor.NO_FACTORS],
        outcome=AssessmentOutcome.NO_FURTHER_ACTION,
        completed_on=closed_on,
    )
    services.authorise_assessment(
        assessment, version=assessment.version, by=staff.manager, on=closed_on
    )
    return services.close_referral(
        referral, closed_on=closed_on, reason=ReasonForClosure.NFA_AFTER_ASSESSMENT
    )


# Merging ---------------------------------------------------------------------------------------


def test_a_merge_is_refused_while_both_records_have_referrals_open_at_once(staff, kept, duplicate):
    refer(kept, on=date(2024, 3, 1), by=staff.mash_manager)
    refer(duplicate, on=date(2024, 6, 3), by=staff.mash_manager)

    with pytest.raises(MergeRefused) as refusal:
        merge_children(kept, duplicate, by=staff.mash_manager, reason=WHY)

    assert refusal.value.reasons == [
        "Both records have referrals open at the same time (3 June 2024 and 1 March 2024): "
        "reconcile them first"
    ]
    assert not Merge.objects.exists()
    assert Child.objects.get(pk=duplicate.pk).merged_into is None
    assert list(Referral.objects.filter(child=duplicate).values_list("referral_date")) == [
        (date(2024, 6, 3),)
    ]


def test_a_merge_is_refused_when_an_open_referral_began_before_a_closed_one_ended(
    staff, kept, duplicate
):
    # Kept: 20 March to 3 April 2024. Duplicate: open since 1 March 2024, so still open then.
    closed_after_assessment(kept, staff, date(2024, 3, 20), date(2024, 4, 3))
    refer(duplicate, on=date(2024, 3, 1), by=staff.mash_manager)

    with pytest.raises(MergeRefused, match="reconcile them first"):
        merge_children(kept, duplicate, by=staff.mash_manager, reason=WHY)
    assert not Merge.objects.exists()


def test_a_merge_is_allowed_when_the_referrals_do_not_overlap(staff, kept, duplicate):
    # Kept: 20 March to 3 April 2024. Duplicate: from 3 June 2024, two months later.
    closed_after_assessment(kept, staff, date(2024, 3, 20), date(2024, 4, 3))
    refer(duplicate, on=date(2024, 6, 3), by=staff.mash_manager)

    merge = merge_children(kept, duplicate, by=staff.mash_manager, reason=WHY)

    assert (merge.kept, merge.duplicate) == (kept, duplicate)
    assert Child.objects.get(pk=duplicate.pk).merged_into == kept


def test_after_a_merge_the_duplicates_referral_is_on_the_kept_record(staff, kept, duplicate):
    closed_after_assessment(kept, staff, date(2024, 3, 20), date(2024, 4, 3))
    open_referral = refer(duplicate, on=date(2024, 6, 3), by=staff.mash_manager)

    merge_children(kept, duplicate, by=staff.mash_manager, reason=WHY)

    # The duplicate's page redirects to the kept record, so its episode must be there to be seen
    # (and counted once in the census).
    assert Referral.objects.get(pk=open_referral.pk).child == kept
    assert "CIN" in [badge.label for badge in badges_for(kept)]


def test_a_merge_of_two_allocated_records_leaves_the_child_one_current_allocation(
    staff, kept, duplicate
):
    closed_after_assessment(kept, staff, date(2024, 3, 20), date(2024, 4, 3))
    refer(duplicate, on=date(2024, 6, 3), by=staff.mash_manager)
    for child in (kept, duplicate):
        services.allocate(child, staff.worker, staff.team, on=date(2024, 6, 3), by=staff.manager)

    merge_children(kept, duplicate, by=staff.mash_manager, reason=WHY)

    assert Allocation.objects.filter(child=kept, ended_on__isnull=True).count() == 1
    assert not Allocation.objects.filter(child=duplicate).exists()


# Badges ----------------------------------------------------------------------------------------


def labels(child: Child) -> list[str]:
    return [badge.label for badge in badges_for(child)]


def test_a_child_with_an_open_referral_shows_cin(staff, kept):
    refer(kept, on=date(2024, 3, 20), by=staff.mash_manager)
    cin = [badge for badge in badges_for(kept) if badge.label == "CIN"]
    assert len(cin) == 1
    assert cin[0].colour == "blue"


def test_a_child_without_a_referral_or_whose_referral_closed_shows_no_cin(staff, kept):
    assert "CIN" not in labels(kept)
    closed_after_assessment(kept, staff, date(2024, 3, 20), date(2024, 4, 3))
    assert "CIN" not in labels(kept)


def test_a_child_on_a_plan_under_neglect_shows_cp_neglect(staff, kept):
    child_on_plan(
        kept,
        staff,
        referred_on=date(2024, 4, 15),
        discussed_on=date(2024, 4, 16),
        concluded_on=date(2024, 4, 29),
        conference_on=date(2024, 5, 2),
    )
    cp = [badge for badge in badges_for(kept) if badge.label.startswith("CP")]
    assert [(b.label, b.colour, b.description) for b in cp] == [
        ("CP: neglect", "red", "On a child protection plan since 2 May 2024")
    ]


def test_the_cp_badge_follows_the_latest_category_and_goes_when_the_plan_ends(staff, kept):
    plan = child_on_plan(
        kept,
        staff,
        referred_on=date(2024, 4, 15),
        discussed_on=date(2024, 4, 16),
        concluded_on=date(2024, 4, 29),
        conference_on=date(2024, 5, 2),
    ).plan
    services.change_category(
        plan,
        version=plan.version,
        to="PHY",
        reason="A bruise.",
        on=date(2024, 6, 3),
        by=staff.worker,
    )
    assert "CP: physical abuse" in labels(kept)

    services.end_plan(
        plan,
        version=plan.version,
        ended_on=date(2024, 7, 1),
        reason=PlanEndReason.NO_LONGER_AT_RISK,
    )
    # The plan has ended but the referral is still open: a child in need again.
    assert [label for label in labels(kept) if label.startswith(("CP", "CIN"))] == ["CIN"]
