"""Whatever is typed into the address bar of a list page, it answers with a page, never an error."""

import pytest
from factories import UserFactory, sign_in_as
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = [
    ("business_manager", "/case-reviews/", ["page"]),
    ("business_manager", "/case-reviews/actions/", ["agency", "show", "page"]),
    ("business_manager", "/case-reviews/figures/", ["year"]),
    ("business_manager", "/case-reviews/audits/", ["page"]),
    ("board_member", "/case-reviews/our-actions/", ["page"]),
]


@pytest.mark.django_db
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=40))
def test_list_pages_take_any_query_string(client, value):
    users = {}
    for role, url, params in PAGES:
        if role not in users:
            users[role] = UserFactory(role=role)
        sign_in_as(client, users[role])
        response = client.get(url, dict.fromkeys(params, value))
        assert response.status_code == 200, (url, value)
