"""Fixtures for the people tests: a MASH worker who has searched before adding a child.

- `adder`: the test client, signed in as the MASH worker persona (`personas["mash_worker"]`), who
  has already searched for "Ruby Fenwick", so the add form opens.
- `child_details`: the add form's fields for a new child, all valid; copy and change one.
"""

import pytest
from factories import sign_in_as

SEARCH = {
    "first_name": "Ruby",
    "last_name": "Fenwick",
    "date_of_birth_day": "14",
    "date_of_birth_month": "6",
    "date_of_birth_year": "2016",
}


@pytest.fixture
def adder(client, personas):
    sign_in_as(client, personas["mash_worker"])
    response = client.get("/children/add/", SEARCH)
    assert response.status_code == 200
    return client


@pytest.fixture
def child_details() -> dict[str, str]:
    return {
        "first_name": "Ruby",
        "middle_names": "",
        "last_name": "Fenwick",
        "date_of_birth_day": "14",
        "date_of_birth_month": "6",
        "date_of_birth_year": "2016",
        "gender": "2",
        "ethnicity": "WBRI",
        "nhs_number": "",
        "upn": "",
        "first_language": "English",
        "address_line_1": "12 Bath Street",
        "town": "Hereford",
        "postcode": "hr1 2hx",
    }
