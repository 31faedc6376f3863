"""Adding a child with wrong details: a GOV.UK message for the field, and nothing saved."""

from datetime import date

import pytest
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from safeguard.people.forms import ChildForm
from safeguard.people.models import Child

NEXT_YEAR = str(date.today().year + 1)


def has_right_check_digit(number: str) -> bool:
    """The NHS modulus 11 check, written out here so the form is not checked against itself."""
    total = sum(
        int(digit) * weight for digit, weight in zip(number[:9], range(10, 1, -1), strict=True)
    )
    check = (11 - total % 11) % 11
    return check != 10 and check == int(number[9])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message", "link"),
    [
        # 1 2 3 4 5 6 7 8 9 weighted 10..2 sum to 210; 11 - 210 % 11 = 10: no digit can be right.
        (
            {"nhs_number": "1234567890"},
            "Enter a valid NHS number, like 999 234 5675",
            "#id_nhs_number",
        ),
        # The check digit of 943476591 is 9, not 8.
        (
            {"nhs_number": "9434765918"},
            "Enter a valid NHS number, like 999 234 5675",
            "#id_nhs_number",
        ),
        # 884200124002 has the check letter X, not H.
        (
            {"upn": "H884200124002"},
            "Enter a valid unique pupil number (UPN), like H884200124001",
            "#id_upn",
        ),
        # No postcode area starts with Q.
        ({"postcode": "QQ1 1AA"}, "Enter a real postcode, like HR1 2HX", "#id_postcode"),
        (
            {"date_of_birth_day": "31", "date_of_birth_month": "2", "date_of_birth_year": "2015"},
            "Date of birth must be a real date",
            "#id_date_of_birth_day",
        ),
        (
            {"date_of_birth_year": NEXT_YEAR},
            "Date of birth must be today or in the past",
            "#id_date_of_birth_day",
        ),
        (
            {"date_of_birth_month": ""},
            "Date of birth must include a month",
            "#id_date_of_birth_month",
        ),
        (
            {"date_of_birth_day": "", "date_of_birth_month": "", "date_of_birth_year": ""},
            "Enter the child's date of birth or, for an unborn child, the expected date of birth",
            "#id_date_of_birth_day",
        ),
        ({"first_name": ""}, "Enter the child's first name", "#id_first_name"),
        ({"last_name": "  "}, "Enter the child's last name", "#id_last_name"),
    ],
)
def test_it_refuses_a_wrong_detail_with_a_message_by_the_field(
    adder, child_details, changes, message, link
):
    before = Child.objects.count()
    response = adder.post("/children/add/details/", {**child_details, **changes})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Add a child" in page
    assert f'<span class="govuk-visually-hidden">Error:</span> {escape(message)}</p>' in page
    assert f'<a href="{link}">{escape(message)}</a>' in page
    assert Child.objects.count() == before


@pytest.mark.django_db
def test_it_shows_a_script_typed_into_a_name_as_text_when_the_form_comes_back(adder, child_details):
    typed = '<script>alert("hello")</script>'
    response = adder.post(
        "/children/add/details/", {**child_details, "first_name": typed, "last_name": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert typed not in page
    assert 'value="&lt;script&gt;alert(&quot;hello&quot;)&lt;/script&gt;"' in page


@pytest.mark.django_db
def test_it_shows_markup_typed_into_a_name_as_text_on_the_childs_record(adder, child_details):
    typed = '<b onmouseover="alert(1)">Ruby</b>'
    response = adder.post(
        "/children/add/details/", {**child_details, "first_name": typed}, follow=True
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert typed not in page
    assert "&lt;b onmouseover=&quot;alert(1)&quot;&gt;Ruby&lt;/b&gt; Fenwick" in page


def test_the_reference_check_accepts_the_nhs_examples():
    assert has_right_check_digit("9992345675")
    assert has_right_check_digit("9434765919")
    assert not has_right_check_digit("9434765918")


@pytest.mark.django_db
@given(number=st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_the_form_refuses_any_ten_digits_whose_check_digit_is_wrong(number):
    form = ChildForm(
        {
            "first_name": "Ruby",
            "last_name": "Fenwick",
            "date_of_birth_day": "14",
            "date_of_birth_month": "6",
            "date_of_birth_year": "2016",
            "gender": "2",
            "ethnicity": "WBRI",
            "nhs_number": number,
        }
    )
    if has_right_check_digit(number):
        assert form.is_valid(), form.errors
    else:
        assert not form.is_valid()
        assert form.errors["nhs_number"] == ["Enter a valid NHS number, like 999 234 5675"]
