"""Lists of children and of accesses cost the same number of queries however long they are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import AddressFactory, ChildFactory, UserFactory, sign_in_as

from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind, BreakGlass, RestrictedRecord
from safeguard.people.models import FormerName

pytestmark = pytest.mark.django_db


def queries_for(client, url: str, expected_text: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    assert expected_text in response.content.decode()
    return [q["sql"] for q in context.captured_queries]


def add_children_at_hr1_2hx(count: int, restricted_by) -> None:
    for n in range(count):
        child = ChildFactory(last_name=f"Brook{n}")
        AddressFactory(child=child, postcode="HR1 2HX")
        FormerName.objects.create(child=child, first_name=child.first_name, last_name="Wade")
        if n % 3 == 0:
            RestrictedRecord.objects.create(
                child=child, reason="Staff child", restricted_by=restricted_by
            )


def add_views_and_glass(child, count: int) -> None:
    for _ in range(count):
        user = UserFactory(role="social_worker")
        record_accesses(
            user, [Access(child.pk, kind=AccessKind.VIEW)], page=f"/children/{child.pk}/"
        )
        BreakGlass.objects.create(user=user, child=child, reason="Police at the door tonight")


def test_the_find_a_child_results_cost_the_same_queries_for_3_and_30_children(client, personas):
    sign_in_as(client, personas["mash_worker"])
    url = "/children/?postcode=HR1+2HX"
    add_children_at_hr1_2hx(3, personas["team_manager"])
    queries_for(client, url, "3 possible matches")  # the first request also starts the session

    with_3 = queries_for(client, url, "3 possible matches")
    add_children_at_hr1_2hx(27, personas["team_manager"])
    with_30 = queries_for(client, url, "30 possible matches")

    assert len(with_30) == len(with_3), "\n".join(with_30)


def test_the_who_viewed_page_costs_the_same_queries_for_3_and_30_accesses(client, personas):
    child = ChildFactory()
    sign_in_as(client, personas["data_protection_officer"])
    url = f"/children/{child.pk}/who-viewed/"
    add_views_and_glass(child, 3)
    queries_for(client, url, "Break-glass accesses")  # the first request also starts the session

    with_3 = queries_for(client, url, "Break-glass accesses")
    add_views_and_glass(child, 27)
    with_30 = queries_for(client, url, "Break-glass accesses")

    assert len(with_30) == len(with_3), "\n".join(with_30)
