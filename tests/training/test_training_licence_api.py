"""The licence check as JSON for a licensing authority's system: a key per authority sent as a
bearer token (only its hash stored), the page's answers, 400 with a message for anything
malformed, 401 without a live key, never a 500; every check logged against the key."""

import json
from datetime import date

import pytest
from django.test import Client
from factories import AgencyFactory, UserFactory, sign_in_as
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from training_records import attend, book_applicant, make_course, make_session, taxi_rule

from safeguard.access.models import AgencyKind
from safeguard.training import apikeys
from safeguard.training.models import LicenceCheck, LicensingApiKey

URL = "/licensing/api/checks/"
ATTENDED = date(2025, 3, 10)
BODY = {
    "reference": "TX/2025/00001",
    "licence_type": "private_hire_driver",
    "application_kind": "first_grant",
    "application_date": "2025-03-20",
}


@pytest.fixture
def licensing(db):
    return AgencyFactory(name="Marcher Council Licensing", kind=AgencyKind.LICENSING)


@pytest.fixture
def key(licensing):
    _, plain = apikeys.issue_key(
        licensing, "Taxi licensing system", by=UserFactory(role="system_administrator")
    )
    return plain


@pytest.fixture
def certificate(db):
    course = make_course()
    taxi_rule(course, date(2020, 1, 1))
    session = make_session(course, ATTENDED)
    (certificate,) = attend(session, book_applicant(session, "TX/2025/00001", name="Sam Driver"))
    return certificate


def _post(client, body, key: str | None = None, raw: bytes | None = None):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    data = raw if raw is not None else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", headers=headers)


def test_a_compliant_first_grant_comes_back_with_the_certificate(client, key, certificate):
    response = _post(client, BODY, key)
    assert response.status_code == 200
    answer = response.json()
    check = LicenceCheck.objects.get()
    assert answer == {
        "check": check.pk,
        "reference": "TX/2025/00001",
        "licence_type": "private_hire_driver",
        "application_kind": "first_grant",
        "application_date": "2025-03-20",
        "outcome": "compliant",
        "compliant": True,
        "reason": check.reason,
        "certificate": {
            "verification_code": certificate.display_code,
            "course": "Child exploitation awareness",
            "name": "Sam Driver",
            "completed_on": "2025-03-10",
            # Hand-worked: 36 months after 10 March 2025.
            "valid_until": "2028-03-10",
        },
        "rule": {"version": 1, "in_force_from": "2020-01-01"},
    }
    assert response["Cache-Control"] == "no-store"


def test_the_api_and_the_page_give_the_same_answer(client, key, certificate, licensing):
    renewal = BODY | {"application_kind": "renewal", "application_date": "2027-03-20"}
    api = _post(client, renewal, key).json()
    sign_in_as(client, UserFactory(role="licensing_officer", agency=licensing))
    client.post(
        "/licensing/check/",
        {
            "reference": "TX/2025/00001",
            "licence_type": "private_hire_driver",
            "application_kind": "renewal",
            "application_date_day": "20",
            "application_date_month": "3",
            "application_date_year": "2027",
        },
    )
    by_api, by_page = LicenceCheck.objects.order_by("id")
    assert (api["compliant"], api["reason"]) == (False, by_page.reason)
    assert (by_api.channel, by_page.channel) == ("api", "page")
    assert by_api.compliant == by_page.compliant is False


def test_every_api_check_is_logged_against_the_key_and_its_authority(client, key, licensing):
    _post(client, BODY, key)
    check = LicenceCheck.objects.get()
    record = LicensingApiKey.objects.get()
    assert (check.api_key, check.agency, check.checked_by) == (record, licensing, None)
    assert record.last_used_at is not None


def test_only_a_hash_of_the_key_is_stored(key):
    record = LicensingApiKey.objects.get()
    stored = " ".join(str(getattr(record, f.attname)) for f in record._meta.fields)
    assert key not in stored
    assert record.prefix == key[:12] and len(record.key_hash) == 64


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer sgl_not-a-key-we-issued",
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Token sgl_whatever",
    ],
)
def test_without_a_live_key_the_answer_is_401(client, key, header):
    headers = {"Authorization": header} if header else {}
    response = client.post(URL, json.dumps(BODY), content_type="application/json", headers=headers)
    assert response.status_code == 401
    assert "Bearer" in response.json()["error"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not LicenceCheck.objects.exists()


def test_a_revoked_key_is_refused(client, key):
    record = LicensingApiKey.objects.get()
    apikeys.revoke_key(record, by=record.created_by)
    assert _post(client, BODY, key).status_code == 401


def test_a_wrong_key_is_refused_before_the_body_is_read(client, db):
    response = _post(client, None, "sgl_wrong", raw=b"{not json")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "raw", "message"),
    [
        (None, b"{not json", "The request body must be JSON."),
        (None, b"\xff\xfe", "The request body must be JSON."),
        (None, b"[" * 100_000, "The request body must be JSON."),
        (["TX/2025/00001"], None, "must be a JSON object"),
        ("TX/2025/00001", None, "must be a JSON object"),
        ({k: v for k, v in BODY.items() if k != "reference"}, None, "missing or not valid"),
        (BODY | {"application_date": "20/03/2025"}, None, "missing or not valid"),
        (BODY | {"application_date": "2025-02-30"}, None, "missing or not valid"),
        (BODY | {"reference": "TX-2025-1"}, None, "missing or not valid"),
        (BODY | {"licence_type": "rickshaw"}, None, "missing or not valid"),
        (BODY | {"application_kind": ["renewal"]}, None, "missing or not valid"),
        (BODY | {"reference": {"$ne": None}}, None, "missing or not valid"),
        (BODY | {"reference": "TX/2025/\u000000001"}, None, "missing or not valid"),
        (BODY | {"child": "Leo"}, None, "Unknown fields: child."),
    ],
)
def test_a_malformed_request_gets_400_and_a_message(client, key, body, raw, message):
    response = _post(client, body, key, raw=raw)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not LicenceCheck.objects.exists()


def test_the_400_names_the_field_that_is_wrong(client, key):
    response = _post(client, BODY | {"reference": "TX-2025-1"}, key)
    assert "in the correct format, like TX/2026/00123" in response.json()["errors"]["reference"][0]


def test_get_is_not_allowed(client, key):
    assert client.get(URL, headers={"Authorization": f"Bearer {key}"}).status_code == 405


def test_only_this_endpoint_is_exempt_from_csrf_checks(key, licensing):
    strict = Client(enforce_csrf_checks=True)
    assert _post(strict, BODY, key).status_code == 200
    sign_in_as(strict, UserFactory(role="licensing_officer", agency=licensing))
    assert strict.post("/licensing/check/", {"reference": "TX/2025/00001"}).status_code == 403


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.fixed_dictionaries(
        {},
        optional={
            "reference": json_values | st.from_regex(r"TX/\d{4}/\d{5}", fullmatch=True),
            "licence_type": json_values | st.sampled_from(["operator", "private_hire_driver"]),
            "application_kind": json_values | st.sampled_from(["renewal", "first_grant"]),
            "application_date": json_values | st.dates().map(str),
        },
    )
)
def test_no_body_ever_causes_a_server_error(client, key, values):
    response = _post(client, values, key)
    assert response.status_code in (200, 400), response.content
    assert "error" in response.json() or "compliant" in response.json()
