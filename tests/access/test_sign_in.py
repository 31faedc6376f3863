import re

import pytest
from factories import PASSWORD, UserFactory

from safeguard.access.models import AccessEvent


@pytest.fixture
def worker(db):
    return UserFactory(role="mash_worker", email="sam@example.org", full_name="Sam Okafor")


def test_it_signs_in_with_email_and_password_and_goes_home(client, worker):
    response = client.post("/sign-in/", {"email": "SAM@example.org", "password": PASSWORD})
    assert response.status_code == 302
    home = client.get(response["Location"])
    assert "Sam Okafor" in home.content.decode()


def test_passwords_are_stored_with_argon2(db, settings):
    from safeguard import settings as project_settings

    # The suite swaps in a fast hasher; put back what the project really uses.
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    user = UserFactory(role="mash_worker")
    assert user.password.startswith("argon2")


def test_a_wrong_password_shows_a_govuk_error_and_no_data(client, worker):
    response = client.post("/sign-in/", {"email": "sam@example.org", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter the email address and password for your account" in page
    assert "_auth_user_id" not in client.session


def test_empty_answers_name_each_missing_field(client, worker):
    page = client.post("/sign-in/", {"email": "", "password": ""}).content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page


def test_five_wrong_passwords_lock_the_account_with_a_clear_page(client, worker):
    for _ in range(5):
        client.post("/sign-in/", {"email": "sam@example.org", "password": "wrong"})
    locked = client.post("/sign-in/", {"email": "sam@example.org", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Your account is locked for now" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_out_needs_a_post_and_ends_the_session(client, worker):
    client.post("/sign-in/", {"email": "sam@example.org", "password": PASSWORD})
    assert client.get("/sign-out/").status_code == 405
    response = client.post("/sign-out/")
    assert "You have signed out" in response.content.decode()
    assert client.get("/children/").status_code == 302


def test_the_navigation_shows_only_what_the_role_may_use(client, personas):
    from factories import sign_in_as

    def nav_labels(user) -> set[str]:
        client.logout()
        sign_in_as(client, user)
        page = client.get("/").content.decode()
        if "govuk-service-navigation__list" not in page:
            return set()
        nav = page[page.index("govuk-service-navigation__list") :]
        nav = nav[: nav.index("</ul>")]
        return {re.sub(r"\s+", " ", label).strip() for label in re.findall(r">([^<>]+)</a>", nav)}

    assert "Find a child" in nav_labels(personas["social_worker"])
    assert "Access log" not in nav_labels(personas["social_worker"])
    assert "Access log" in nav_labels(personas["data_protection_officer"])
    assert "Find a child" not in nav_labels(personas["data_protection_officer"])
    assert "Find a child" not in nav_labels(personas["board_member"])


def test_a_forged_session_cookie_is_treated_as_signed_out_and_logged(client, worker, caplog):
    client.cookies["sessionid"] = "forged-session-key-that-does-not-exist"
    with caplog.at_level("WARNING", logger="safeguard.security"):
        response = client.get("/children/")
    assert "Unknown or expired session cookie" in caplog.text
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")
    assert AccessEvent.objects.count() == 0


def test_a_post_without_csrf_token_gets_a_clear_page(worker):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/sign-in/", {"email": "sam@example.org", "password": PASSWORD})
    assert response.status_code == 403
    assert "Your form was not sent" in response.content.decode()
