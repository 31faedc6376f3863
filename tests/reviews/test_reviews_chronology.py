"""A review's multi-agency chronology: the system's records on the children the user may open and
other agencies' entries, oldest first; the CSV export is safe to open in a spreadsheet; every
opening and download is logged."""

import csv
import io
from datetime import date

import pytest
from factories import AgencyFactory, ChildFactory, UserFactory, sign_in_as
from reviews_records import business_manager, practice_review

from safeguard.access.models import AccessEvent, AccessKind, AgencyKind, RestrictedRecord
from safeguard.frontdoor.models import Referral
from safeguard.reviews import services_incidents
from safeguard.reviews.chronology import sanitise
from safeguard.reviews.models import AgencyChronologyEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker():
    return UserFactory(role="social_worker")


@pytest.fixture
def review(worker):
    """Child Q's review with Ruby (referred 6 January 2025) and a restricted brother, Sam."""
    manager = business_manager()
    made = practice_review(manager, date(2025, 3, 3), date(2025, 3, 5), date(2025, 3, 20))
    ruby = ChildFactory(first_name="Ruby", last_name="Ashdown")
    sam = ChildFactory(first_name="Sam", last_name="Ashdown")
    for child, day in ((ruby, date(2025, 1, 6)), (sam, date(2025, 1, 8))):
        Referral.objects.create(child=child, referral_date=day, source="6", primary_need="N1")
        services_incidents.link_child(made.incident, child, by=worker)
    RestrictedRecord.objects.create(child=sam, reason="Staff member's child", restricted_by=worker)
    police = AgencyFactory(name="West Marcher Police", kind=AgencyKind.POLICE)
    for child, day, what in [
        (ruby, date(2024, 11, 2), '=HYPERLINK("http://evil.example","click")'),
        (None, date(2024, 12, 1), "Domestic abuse call-out; children present"),
        (sam, date(2024, 12, 5), "Sam seen at the station"),
    ]:
        AgencyChronologyEntry.objects.create(
            review=made,
            agency=police,
            child=child,
            occurred_on=day,
            what_happened=what,
            recorded_by=worker,
        )
    return made, ruby, sam


def test_the_chronology_joins_the_system_s_records_and_other_agencies_oldest_first(
    client, worker, review
):
    made, ruby, _ = review
    sign_in_as(client, worker)
    response = client.get(f"/case-reviews/{made.pk}/chronology/")
    rows = [(r.on, r.agency, r.child) for r in response.context["rows"]]
    assert rows == [
        (date(2024, 11, 2), "West Marcher Police", "Ruby Ashdown"),
        (date(2024, 12, 1), "West Marcher Police", "The family"),
        (date(2025, 1, 6), "Council children's services (this system)", "Ruby Ashdown"),
    ]
    assert response.context["hidden"] == 1
    assert "Sam" not in response.content.decode()
    viewed = AccessEvent.objects.filter(user=worker, kind=AccessKind.VIEW)
    assert list(viewed.values_list("child_id", flat=True)) == [ruby.pk]


def test_the_export_is_sanitised_and_logged(client, worker, review):
    made, ruby, _ = review
    sign_in_as(client, worker)
    response = client.get(f"/case-reviews/{made.pk}/chronology.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Date", "Agency", "Child", "Kind", "What happened", "Detail"]
    assert rows[1][4] == '\'=HYPERLINK("http://evil.example","click")'
    assert len(rows) == 4
    exported = AccessEvent.objects.get(user=worker, kind=AccessKind.EXPORT)
    assert exported.child_id == ruby.pk


@pytest.mark.parametrize(
    "cell, safe",
    [
        ("=1+1", "'=1+1"),
        ("+44 1432 260000", "'+44 1432 260000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("2025-01-06", "2025-01-06"),
        ("Seen at home", "Seen at home"),
        ("", ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_quoted(cell, safe):
    assert sanitise(cell) == safe


def test_another_agency_s_entry_is_added_and_its_child_s_record_logged(client, worker, review):
    made, ruby, _ = review
    school = AgencyFactory(name="Whitecross Academy", kind=AgencyKind.EDUCATION)
    sign_in_as(client, worker)
    response = client.post(
        f"/case-reviews/{made.pk}/chronology/new/",
        {
            "agency": school.pk,
            "occurred_on_day": "14",
            "occurred_on_month": "10",
            "occurred_on_year": "2024",
            "child": ruby.pk,
            "what_happened": "Attendance fell to 78%",
            "detail": "",
        },
    )
    assert response.status_code == 302
    entry = AgencyChronologyEntry.objects.get(agency=school)
    assert (entry.child, entry.occurred_on) == (ruby, date(2024, 10, 14))
    assert AccessEvent.objects.filter(user=worker, child=ruby, kind=AccessKind.UPDATE).exists()


def test_a_restricted_child_cannot_be_chosen_for_an_agency_entry(client, worker, review):
    made, _, sam = review
    sign_in_as(client, worker)
    response = client.post(
        f"/case-reviews/{made.pk}/chronology/new/",
        {
            "agency": AgencyFactory().pk,
            "occurred_on_day": "14",
            "occurred_on_month": "10",
            "occurred_on_year": "2024",
            "child": sam.pk,
            "what_happened": "-",
        },
    )
    assert response.status_code == 200
    assert "Select a child whose record is linked to the review" in response.content.decode()


def test_the_business_manager_and_board_members_cannot_open_the_chronology(client, review):
    made, _, _ = review
    for role in ("business_manager", "board_member"):
        sign_in_as(client, UserFactory(role=role))
        assert client.get(f"/case-reviews/{made.pk}/chronology/").status_code == 403
        assert client.get(f"/case-reviews/{made.pk}/chronology.csv").status_code == 403
