"""The data protection officer's access log: filters, pagination, and reading it is logged too."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import ChildFactory, UserFactory, sign_in_as

from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessEvent, AccessKind, Outcome


@pytest.fixture
def dpo(db):
    return UserFactory(role="data_protection_officer", full_name="Fiona Clarke")


@pytest.fixture
def reads(db):
    """Two workers' reads: Tom read child A twice, Rachel was refused child B once."""
    tom = UserFactory(role="social_worker", full_name="Tom Griffiths", email="tom@example.org")
    rachel = UserFactory(role="team_manager", full_name="Rachel Evans", email="rachel@example.org")
    child_a = ChildFactory(first_name="Amara", last_name="Lewis")
    child_b = ChildFactory(first_name="Billy", last_name="Jones")
    record_accesses(tom, [Access(child_a.pk), Access(child_a.pk)], page="/children/")
    record_accesses(
        rachel, [Access(child_b.pk, outcome=Outcome.DENIED)], page="/children/", purpose="check"
    )
    return {"tom": tom, "rachel": rachel, "a": child_a, "b": child_b}


def _rows(response) -> int:
    """Rows in the table's body; no table at all means no rows."""
    page = response.content.decode()
    if "<tbody" not in page:
        return 0
    return page[page.index("<tbody") :].count('<tr class="govuk-table__row">')


def test_the_dpo_sees_every_read_newest_first(client, dpo, reads):
    sign_in_as(client, dpo)
    response = client.get("/access-log/")
    page = response.content.decode()
    assert _rows(response) == 3
    assert page.index("Rachel Evans") < page.index("Tom Griffiths")
    assert "Amara Lewis" in page and "Denied" in page


def test_it_filters_by_user_child_kind_and_date(client, dpo, reads):
    sign_in_as(client, dpo)
    assert _rows(client.get("/access-log/", {"user": "tom@"})) == 2
    assert _rows(client.get("/access-log/", {"child": reads["b"].la_child_id})) == 1
    assert _rows(client.get("/access-log/", {"kind": AccessKind.SEARCH})) == 0
    tomorrow = timezone.localdate() + timedelta(days=1)
    future = {
        "date_from_day": tomorrow.day,
        "date_from_month": tomorrow.month,
        "date_from_year": tomorrow.year,
    }
    assert _rows(client.get("/access-log/", future)) == 0


def test_a_to_date_before_the_from_date_is_an_error_not_a_crash(client, dpo, reads):
    sign_in_as(client, dpo)
    response = client.get(
        "/access-log/",
        {
            "date_from_day": 10,
            "date_from_month": 3,
            "date_from_year": 2017,
            "date_to_day": 1,
            "date_to_month": 3,
            "date_to_year": 2017,
        },
    )
    assert response.status_code == 200
    assert "must be the same as or after" in response.content.decode()


def test_reading_the_log_is_itself_logged(client, dpo, reads):
    sign_in_as(client, dpo)
    client.get("/access-log/")
    assert AccessEvent.objects.filter(user=dpo, kind=AccessKind.ACCESS_LOG).count() == 1


def test_a_social_worker_cannot_read_the_log(client, reads):
    sign_in_as(client, reads["tom"])
    assert client.get("/access-log/").status_code == 403


@pytest.mark.django_db
def test_the_page_makes_the_same_queries_for_a_few_rows_and_many(client, dpo):
    sign_in_as(client, dpo)
    worker = UserFactory(role="social_worker")

    def queries_with(rows: int) -> int:
        children = [ChildFactory() for _ in range(rows)]
        record_accesses(worker, [Access(c.pk) for c in children], page="/children/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/access-log/")
        assert response.status_code == 200
        return len(captured)

    few = queries_with(3)
    many = queries_with(60)  # more than one page of 50
    assert many == few
