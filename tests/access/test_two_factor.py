"""A second factor: optional in development, required in production for child-level roles."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from factories import UserFactory, sign_in_as


@pytest.fixture
def required(settings):
    settings.OTP_REQUIRED_FOR_CHILD_DATA = True


def _code_for(device: TOTPDevice) -> str:
    return (
        f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0):06d}"
    )


def test_a_social_worker_must_set_up_a_second_factor_before_seeing_children(client, db, required):
    sign_in_as(client, UserFactory(role="social_worker"))
    response = client.get("/children/")
    assert response.status_code == 302
    assert response["Location"] == "/account/two-factor/"
    setup = client.get("/account/two-factor/").content.decode()
    assert "Set up your authenticator app" in setup
    assert re.search(r"<code[^>]*>[A-Z2-7]{32,}</code>", setup)


def test_a_board_member_without_child_data_is_not_asked(client, db, required):
    sign_in_as(client, UserFactory(role="board_member"))
    assert client.get("/").status_code == 200


def test_a_right_code_confirms_the_device_and_opens_the_service(client, db, required):
    user = UserFactory(role="social_worker")
    sign_in_as(client, user)
    client.get("/account/two-factor/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/account/two-factor/", {"token": _code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/children/").status_code == 200


def test_a_wrong_code_is_refused_with_a_clear_message(client, db, required):
    user = UserFactory(role="social_worker")
    sign_in_as(client, user)
    client.get("/account/two-factor/")
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(_code_for(device)) + 1) % 1_000_000:06d}"
    page = client.post("/account/two-factor/", {"token": wrong}).content.decode()
    assert "The security code is not right" in page
    assert client.get("/children/").status_code == 302


def test_the_code_must_be_six_digits(client, db, required):
    sign_in_as(client, UserFactory(role="social_worker"))
    page = client.post("/account/two-factor/", {"token": "12"}).content.decode()
    assert "Enter the 6-digit security code" in page
