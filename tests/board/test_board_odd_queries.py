"""Nothing typed into the board pages' query strings gives a server error: odd years, groups,
quarters and page numbers fall back to the page's default."""

import pytest
from board_records import board, business_manager, member
from factories import sign_in_as
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguard.board import services_plan

odd_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["²", "٣", "-1", "0", "99999999999999999999", "2016-17", "2016-18", "%00"]),
)


@pytest.fixture
def signed_in(db, client):
    """Made once for all the examples: Hypothesis reruns the body, not the fixture."""
    seated = member("Sarah Mitchell", None, board())
    priority = services_plan.add_priority(services_plan.create_plan(year="2016-17"), title="A")
    sign_in_as(client, business_manager())
    return client, seated, priority


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(odd_text, min_size=3, max_size=3))
def test_odd_query_values_never_give_a_server_error(signed_in, values):
    client, seated, priority = signed_in
    year, group, page = values
    for path, query in [
        ("/board/meetings/", {"year": year, "group": group, "page": page}),
        ("/board/actions/", {"show": year, "group": group, "page": page}),
        ("/board/figures/", {"year": year}),
        ("/board/member-reviews/", {"year": year}),
        ("/business-plan/", {"year": year}),
        (f"/business-plan/priorities/{priority.pk}/rating/", {"quarter": group}),
        (f"/board/members/{seated.pk}/reviews/new/", {"year": year}),
    ]:
        assert client.get(path, query).status_code < 500, (path, query)
