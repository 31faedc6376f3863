"""Changing a child's details and addresses keeps a history anyone who can open the record reads."""

from datetime import date

import pytest
from factories import AddressFactory, ChildFactory, UserFactory, sign_in_as

from safeguard.access.models import AccessEvent, AccessKind
from safeguard.people.models import Address


@pytest.fixture
def worker(db):
    return UserFactory(role="social_worker", full_name="Tom Griffiths")


def _edit_data(child, **changes) -> dict[str, object]:
    data = {
        "first_name": child.first_name,
        "middle_names": "",
        "last_name": child.last_name,
        "date_of_birth_day": child.date_of_birth.day,
        "date_of_birth_month": child.date_of_birth.month,
        "date_of_birth_year": child.date_of_birth.year,
        "gender": "2",
        "ethnicity": "WBRI",
        "disabilities": ["NONE"],
        "nhs_number": child.nhs_number,
    }
    data.update(changes)
    return data


def test_a_change_of_surname_is_saved_with_who_made_it_and_shown_in_the_history(client, worker):
    child = ChildFactory(first_name="Amara", last_name="Lewis")
    sign_in_as(client, worker)
    response = client.post(f"/children/{child.pk}/edit/", _edit_data(child, last_name="Lewis-Ward"))
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.last_name == "Lewis-Ward"
    latest = child.history.first()
    assert latest.history_user == worker
    page = client.get(f"/children/{child.pk}/history/").content.decode()
    assert "Lewis → Lewis-Ward" in page
    assert "Tom Griffiths" in page
    assert AccessEvent.objects.filter(child=child, kind=AccessKind.UPDATE, user=worker).exists()


def test_a_bad_nhs_number_in_an_edit_changes_nothing(client, worker):
    child = ChildFactory(last_name="Lewis")
    before = child.history.count()
    sign_in_as(client, worker)
    response = client.post(
        f"/children/{child.pk}/edit/", _edit_data(child, nhs_number="1234567890", last_name="X")
    )
    assert response.status_code == 200
    assert "Enter a valid NHS number" in response.content.decode()
    child.refresh_from_db()
    assert child.last_name == "Lewis"
    assert child.history.count() == before


def test_a_new_address_ends_the_current_one_on_the_day_of_the_move(client, worker):
    child = ChildFactory()
    old = AddressFactory(child=child, postcode="HR1 2HX", moved_in=date(2015, 1, 1))
    sign_in_as(client, worker)
    response = client.post(
        f"/children/{child.pk}/addresses/new/",
        {
            "line_1": "4 Mill Lane",
            "town": "Leominster",
            "postcode": "hr6 8ab",
            "moved_in_day": 3,
            "moved_in_month": 9,
            "moved_in_year": 2024,
        },
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.moved_out == date(2024, 9, 3)
    new = Address.objects.get(child=child, moved_out__isnull=True)
    assert new.postcode == "HR6 8AB"


def test_a_move_dated_before_the_current_address_began_is_refused(client, worker):
    child = ChildFactory()
    AddressFactory(child=child, moved_in=date(2024, 1, 1))
    sign_in_as(client, worker)
    response = client.post(
        f"/children/{child.pk}/addresses/new/",
        {
            "line_1": "4 Mill Lane",
            "town": "Leominster",
            "postcode": "HR6 8AB",
            "moved_in_day": 1,
            "moved_in_month": 6,
            "moved_in_year": 2020,
        },
    )
    assert response.status_code == 200
    assert "must be after they moved to their current address" in response.content.decode()
    assert Address.objects.filter(child=child).count() == 1


def test_a_board_member_cannot_change_a_child(client, db):
    child = ChildFactory(last_name="Lewis")
    sign_in_as(client, UserFactory(role="board_member"))
    assert client.post(f"/children/{child.pk}/edit/", _edit_data(child)).status_code == 403
    child.refresh_from_db()
    assert child.last_name == "Lewis"
