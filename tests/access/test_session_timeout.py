import time

from factories import UserFactory, sign_in_as

from safeguard.access.middleware import LAST_ACTIVITY


def test_it_signs_out_after_the_inactivity_limit_and_says_why(client, db, settings):
    settings.SESSION_INACTIVITY_SECONDS = 60
    sign_in_as(client, UserFactory(role="social_worker"))
    session = client.session
    session[LAST_ACTIVITY] = time.time() - 61
    session.save()
    response = client.get("/children/", follow=True)
    assert "You have been signed out" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_activity_within_the_limit_keeps_the_session(client, db, settings):
    settings.SESSION_INACTIVITY_SECONDS = 60
    sign_in_as(client, UserFactory(role="social_worker"))
    session = client.session
    session[LAST_ACTIVITY] = time.time() - 50
    session.save()
    assert client.get("/session/keep-alive/").status_code == 204
    assert time.time() - client.session[LAST_ACTIVITY] < 5


def test_signed_in_pages_carry_the_warning_timings_for_the_script(client, db, settings):
    settings.SESSION_INACTIVITY_SECONDS = 1800
    settings.SESSION_WARNING_SECONDS = 300
    sign_in_as(client, UserFactory(role="social_worker"))
    page = client.get("/").content.decode()
    assert 'data-session-timeout-seconds="1800"' in page
    assert 'data-session-warning-seconds="300"' in page
