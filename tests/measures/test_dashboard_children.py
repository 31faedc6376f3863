"""The children behind a count: three children referred in 2016-17 (referrals per 10,000 counts
their referrals), one of them a restricted record, and one child referred the year before, who is
not behind the 2016-17 count. Every child listed is written to the access log."""

from datetime import date

import pytest
from django.core.cache import cache
from factories import UserFactory, sign_in_as
from factories_frontdoor import make_threshold_document
from measures_runs import make_run

from safeguard.access.models import AccessEvent, AccessKind, RestrictedRecord
from safeguard.journey import ids
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import extract
from safeguard.journey.load import load
from safeguard.measures.refresh import with_population
from safeguard.people.models import Child

NAMES = {"A1": ("Ruby", "Jones"), "A2": ("Sam", "Price"), "A3": ("Leo", "Hart"),
         "B1": ("Mia", "Cole")}  # fmt: skip
REFERRED = {"A1": date(2016, 5, 3), "A2": date(2016, 9, 12), "A3": date(2017, 2, 1),
            "B1": date(2015, 11, 2)}  # fmt: skip
URL = "/measures/referrals_rate/children/?year=2016-17"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def children(personas, settings):
    settings.LA_CODE = "884"
    make_threshold_document(in_force_from=date(2000, 4, 1))
    rows = {
        "children": [
            {"la": "884", "child_id": key, "date_of_birth": date(2010, 1, 1), "gender": "1",
             "ethnicity": "WBRI", "disabilities": [], "uasc": False}
            for key in NAMES
        ],
        "referrals": [
            {"la": "884", "child_id": key, "referral_id": ids.referral_id(key, day),
             "referral_date": day, "nfa": False}
            for key, day in REFERRED.items()
        ],
    }  # fmt: skip
    load(
        Dataset.build(rows),
        by=UserFactory(role="system_administrator"),
        namer=lambda child: NAMES[child["child_id"]],
    )
    found = {c.la_child_id: c for c in Child.objects.all()}
    RestrictedRecord.objects.create(
        child=found["A3"], reason="A staff member's child", restricted_by=personas["team_manager"]
    )
    fingerprint = with_population(extract(), ["2016-17"]).fingerprint()
    make_run(["2015-16", "2016-17"], [], fingerprint=fingerprint)
    return found


def logged(user):
    return sorted(
        (e.child.la_child_id, e.kind, e.detail) for e in AccessEvent.objects.filter(user=user)
    )


def test_a_team_manager_sees_the_children_behind_the_count_by_name(client, personas, children):
    manager = personas["team_manager"]
    sign_in_as(client, manager)

    response = client.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert [c.la_child_id for c in response.context["page"]] == ["A1", "A2"]
    assert "Ruby Jones" in page and "Sam Price" in page
    assert "Mia Cole" not in page  # referred in 2015-16
    assert "Leo Hart" not in page  # restricted: counted, not listed
    assert response.context["counted"] == 3 and response.context["withheld"] == 1
    assert f"/children/{children['A1'].pk}/" in page
    assert logged(manager) == [
        ("A1", AccessKind.SEARCH, "referrals_rate 2016-17"),
        ("A2", AccessKind.SEARCH, "referrals_rate 2016-17"),
    ]
    assert "The records have changed" not in page


def test_the_analyst_sees_child_ids_only(client, personas, children):
    analyst = personas["performance_analyst"]
    sign_in_as(client, analyst)

    response = client.get(URL)

    page = response.content.decode()
    assert [c.la_child_id for c in response.context["page"]] == ["A1", "A2"]
    assert "Ruby" not in page and "Jones" not in page
    assert "/children/" not in page.split("<main")[1].replace("/measures/", "")
    assert [child for child, _, _ in logged(analyst)] == ["A1", "A2"]


@pytest.mark.parametrize("role", ["board_member", "business_manager", "social_worker"])
def test_the_board_and_the_partnership_office_never_see_the_children(
    client, personas, children, role
):
    sign_in_as(client, personas[role])

    assert client.get(URL).status_code == 403
    assert not AccessEvent.objects.filter(user=personas[role]).exists()


def test_a_partnership_measure_has_no_children_behind_it(client, personas, children):
    sign_in_as(client, personas["team_manager"])

    response = client.get("/measures/training_attended/children/?year=2016-17")

    assert response.status_code == 404


def test_the_page_says_when_the_records_changed_since_the_run(client, personas, children):
    Child.objects.filter(pk=children["B1"].pk).update(date_of_birth=date(2011, 1, 1))
    sign_in_as(client, personas["team_manager"])

    page = client.get(URL).content.decode()

    assert "The records have changed since the dashboard" in page
