"""Nothing a person types into a search box or the address bar produces a server error.

Hypothesis sends odd values (other alphabets, digits like "²", very long strings, empty values)
for every query parameter the list and search pages read; each page must answer with a page, a
redirect or a 404, never a 500.
"""

import pytest
from factories import ChildFactory, sign_in_as
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGES = {
    "mash_manager": [
        (
            "/children/",
            [
                "first_name",
                "last_name",
                "nhs_number",
                "upn",
                "la_child_id",
                "postcode",
                "date_of_birth_day",
                "date_of_birth_month",
                "date_of_birth_year",
            ],
        ),
        (
            "/children/add/",
            [
                "first_name",
                "last_name",
                "date_of_birth_day",
                "date_of_birth_month",
                "date_of_birth_year",
            ],
        ),
        ("/mash/", ["rag", "page"]),
        ("/front-door/figures/", ["year"]),
        ("/front-door/figures/contacts/", ["figure", "agency", "year", "page"]),
    ],
    "data_protection_officer": [
        (
            "/access-log/",
            [
                "user",
                "child",
                "kind",
                "page",
                "date_from_day",
                "date_from_month",
                "date_from_year",
                "date_to_day",
                "date_to_month",
                "date_to_year",
            ],
        ),
        ("/access-log/break-glass/", ["page"]),
    ],
    "team_manager": [
        ("/work-tray/", ["view", "show", "page"]),
    ],
    "business_manager": [
        ("/front-door/agency-feedback/", ["agency", "page"]),
    ],
}

odd_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["²", "٣", "-1", "0", "99999999999999999999", "1e5", " ", "%00", "'; --"]),
)


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(PAGES))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(odd_text, min_size=12, max_size=12))
def test_odd_query_values_never_give_a_server_error(client, personas, role, values):
    ChildFactory(last_name="Smith")
    sign_in_as(client, personas[role])
    for path, params in PAGES[role]:
        query = {name: value for name, value in zip(params, values, strict=False)}
        response = client.get(path, query)
        assert response.status_code < 500, (path, query)


@pytest.mark.django_db
def test_odd_child_pages_answer_not_found(client, personas):
    sign_in_as(client, personas["social_worker"])
    for path in ("/children/0/", "/children/99999999/", "/casework/plans/0/", "/mash/contacts/0/"):
        assert client.get(path).status_code in (403, 404), path
