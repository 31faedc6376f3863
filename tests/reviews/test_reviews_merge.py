"""Merging two records of a child moves the incidents, audit cases and chronology entries that
named the duplicate onto the kept record, without linking a child to an incident twice."""

from datetime import date

import pytest
from factories import ChildFactory, UserFactory
from reviews_records import business_manager, practice_review

from safeguard.people.merge import merge_children
from safeguard.reviews import services_incidents
from safeguard.reviews.models import AgencyChronologyEntry, IncidentChild

pytestmark = pytest.mark.django_db


def test_a_merge_moves_review_links_to_the_kept_record():
    manager, worker = business_manager(), UserFactory(role="team_manager")
    review = practice_review(manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 12))
    other = practice_review(
        manager, date(2024, 3, 18), date(2024, 3, 20), date(2024, 4, 12), name="Child P"
    )
    kept = ChildFactory(first_name="Leo", last_name="Hart", nhs_number="")
    duplicate = ChildFactory(first_name="Leo", last_name="Hart", nhs_number="")
    services_incidents.link_child(review.incident, kept, by=worker)
    services_incidents.link_child(review.incident, duplicate, by=worker)
    services_incidents.link_child(other.incident, duplicate, by=worker)
    entry = AgencyChronologyEntry.objects.create(
        review=review,
        agency=manager.agency,
        child=duplicate,
        occurred_on=date(2024, 1, 5),
        what_happened="Seen",
        recorded_by=worker,
    )
    merge_children(kept, duplicate, by=worker, reason="Same child")
    links = IncidentChild.objects.order_by("incident_id").values_list("incident", "child")
    assert list(links) == [(review.incident.pk, kept.pk), (other.incident.pk, kept.pk)]
    entry.refresh_from_db()
    assert entry.child == kept
