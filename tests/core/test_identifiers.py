"""NHS numbers, unique pupil numbers and postcodes.

The check digits and letters of the known examples were worked out by hand (the sums are in the
comments), not copied from the code's output.
"""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from safeguard.core.identifiers import (
    NHS_NUMBER_EXAMPLE,
    POSTCODE_EXAMPLE,
    UPN_EXAMPLE,
    UPN_LETTERS,
    format_nhs_number,
    is_valid_nhs_number,
    is_valid_postcode,
    is_valid_upn,
    nhs_check_digit,
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    upn_check_letter,
    validate_nhs_number,
    validate_postcode,
    validate_upn,
)

DIGITS = "0123456789"

# NHS number --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "943 476 5919",  # 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11-2 = 9
        "999 234 5675",  # sum 347; 347 mod 11 = 6; 11-6 = 5
        "999 000 0050",  # sum 253 = 23*11, remainder 0; 11 becomes 0
        "485 777 3457",  # sum 312; 312 mod 11 = 4; 11-4 = 7
        "9434765919",
        "943-476-5919",
        " 943 476 5919 ",
    ],
)
def test_it_accepts_a_valid_nhs_number(number: str) -> None:
    assert is_valid_nhs_number(number)


@pytest.mark.parametrize(
    "number",
    [
        "485 777 3456",  # the GOV.UK example: the check digit should be 7
        "943 476 5918",
        "943 476 591",
        "943 476 59190",
        "943 476 591X",
        "",
        "999 000 0000",  # sum 243, remainder 1: no check digit can make these nine digits valid
    ],
)
def test_it_rejects_an_invalid_nhs_number(number: str) -> None:
    assert not is_valid_nhs_number(number)


def test_it_finds_no_check_digit_when_the_remainder_is_1() -> None:
    assert nhs_check_digit("999000000") is None


def test_it_finds_no_check_digit_for_anything_but_nine_digits() -> None:
    assert nhs_check_digit("94347659") is None
    assert nhs_check_digit("94347659X") is None


def test_it_normalises_and_formats_an_nhs_number() -> None:
    assert normalise_nhs_number(" 943-476 5919 ") == "9434765919"
    assert format_nhs_number("9434765919") == "943 476 5919"
    assert format_nhs_number("943-476-5919") == "943 476 5919"


def test_it_leaves_something_that_is_not_ten_digits_as_it_was_when_formatting() -> None:
    assert format_nhs_number("not known") == "not known"


nine_digits = st.text(alphabet=DIGITS, min_size=9, max_size=9)


@given(nine_digits)
def test_appending_the_check_digit_makes_a_valid_nhs_number(first_nine: str) -> None:
    check = nhs_check_digit(first_nine)
    if check is None:
        assert not any(is_valid_nhs_number(first_nine + digit) for digit in DIGITS)
    else:
        assert is_valid_nhs_number(f"{first_nine}{check}")


@given(nine_digits, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
def test_changing_any_one_digit_makes_an_nhs_number_invalid(
    first_nine: str, position: int, shift: int
) -> None:
    check = nhs_check_digit(first_nine)
    if check is None:
        return
    number = f"{first_nine}{check}"
    changed = str((int(number[position]) + shift) % 10)
    assert not is_valid_nhs_number(number[:position] + changed + number[position + 1 :])


@given(nine_digits, st.integers(min_value=0, max_value=8))
def test_swapping_two_different_neighbouring_digits_makes_an_nhs_number_invalid(
    first_nine: str, position: int
) -> None:
    check = nhs_check_digit(first_nine)
    number = f"{first_nine}{check}"
    if check is None or number[position] == number[position + 1]:
        return
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert not is_valid_nhs_number(swapped)


# Unique pupil number -----------------------------------------------------------------------------


def test_it_uses_the_23_letters_without_i_o_and_s() -> None:
    assert len(UPN_LETTERS) == 23
    assert not set("IOS") & set(UPN_LETTERS)


@pytest.mark.parametrize(
    "upn",
    [
        "B801200005001",  # 8*2+1*4+2*5+5*10+1*13 = 93; 93 mod 23 = 1 -> B
        "P207000016049",  # 2*2+7*4+1*9+6*10+4*12+9*13 = 266; 266 mod 23 = 13 -> P
        "H884200124001",  # 8*2+8*3+4*4+2*5+1*8+2*9+4*10+1*13 = 145; 145 mod 23 = 7 -> H
        "U88420012400A",  # temporary: 132 + A(0)*13 = 132; 132 mod 23 = 17 -> U
        "E88420012400Z",  # temporary: 132 + Z(22)*13 = 418; 418 mod 23 = 4 -> E
        "h884 2001 2400 1",
    ],
)
def test_it_accepts_a_valid_upn(upn: str) -> None:
    assert is_valid_upn(upn)


@pytest.mark.parametrize(
    "upn",
    [
        "A801200005001",  # the check letter should be B
        "X80120000A001",  # a letter in the middle
        "B80120000500",  # too short
        "B8012000050011",  # too long
        "U88420012400I",  # I is not one of the 23 letters
        "88012000050011",
        "",
    ],
)
def test_it_rejects_an_invalid_upn(upn: str) -> None:
    assert not is_valid_upn(upn)


def test_it_finds_no_check_letter_for_malformed_upn_characters() -> None:
    assert upn_check_letter("80120000500") is None
    assert upn_check_letter("80120000A001") is None
    assert upn_check_letter("88420012400O") is None


def test_it_normalises_a_upn() -> None:
    assert normalise_upn(" h884 2001-2400 1 ") == "H884200124001"


upn_rests = st.builds(
    lambda digits, last: digits + last,
    st.text(alphabet=DIGITS, min_size=11, max_size=11),
    st.sampled_from(DIGITS + UPN_LETTERS),
)


def upn_value(character: str) -> int:
    return int(character) if character.isdigit() else UPN_LETTERS.index(character)


@given(upn_rests)
def test_putting_the_check_letter_first_makes_a_valid_upn(rest: str) -> None:
    letter = upn_check_letter(rest)
    assert letter is not None
    assert is_valid_upn(letter + rest)


@given(upn_rests, st.integers(min_value=0, max_value=10), st.integers(min_value=1, max_value=9))
def test_changing_any_one_of_the_digits_makes_a_upn_invalid(
    rest: str, position: int, shift: int
) -> None:
    changed = str((int(rest[position]) + shift) % 10)
    upn = f"{upn_check_letter(rest)}{rest[:position]}{changed}{rest[position + 1 :]}"
    assert not is_valid_upn(upn)


@given(upn_rests, st.sampled_from(DIGITS + UPN_LETTERS))
def test_changing_the_last_character_to_one_of_another_value_makes_a_upn_invalid(
    rest: str, last: str
) -> None:
    # A final letter counts as its position in the alphabet, so "3" and "D" weigh the same.
    if upn_value(last) == upn_value(rest[-1]):
        return
    assert not is_valid_upn(f"{upn_check_letter(rest)}{rest[:-1]}{last}")


@given(upn_rests, st.sampled_from(UPN_LETTERS))
def test_changing_the_check_letter_makes_a_upn_invalid(rest: str, letter: str) -> None:
    if letter == upn_check_letter(rest):
        return
    assert not is_valid_upn(letter + rest)


# Postcode ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hr12ab", "HR1 2AB"),
        ("  sw1a   1aa ", "SW1A 1AA"),
        ("HR1 2AB", "HR1 2AB"),
        ("gir0aa", "GIR 0AA"),
        ("hr1", "HR1"),
    ],
)
def test_it_normalises_a_postcode(text: str, expected: str) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    "postcode",
    [
        "HR1 2HX",  # AA9
        "M1 1AE",  # A9
        "B33 8TH",  # A99
        "CR2 6XH",
        "DN55 1PT",  # AA99
        "W1A 0AX",  # A9A
        "EC1A 1BB",  # AA9A
        "SW1A 1AA",
        "GIR 0AA",
        "hr12hx",
    ],
)
def test_it_accepts_a_real_format_postcode(postcode: str) -> None:
    assert is_valid_postcode(postcode)


@pytest.mark.parametrize(
    "postcode",
    [
        "HR1",  # no inward code
        "HR1 2CX",  # C is never used in the inward code
        "QR1 2AB",  # no area starts with Q
        "HJ1 2AB",  # J is never the second letter
        "HR1 2AB3",
        "12345",
        "HR1-2AB",
        "",
    ],
)
def test_it_rejects_a_postcode_in_the_wrong_format(postcode: str) -> None:
    assert not is_valid_postcode(postcode)


# Validators --------------------------------------------------------------------------------------


def test_the_examples_in_the_error_messages_are_themselves_valid() -> None:
    validate_nhs_number(NHS_NUMBER_EXAMPLE)
    validate_upn(UPN_EXAMPLE)
    validate_postcode(POSTCODE_EXAMPLE)


@pytest.mark.parametrize(
    ("validator", "value", "message"),
    [
        (validate_nhs_number, "485 777 3456", "Enter a valid NHS number, like 999 234 5675"),
        (
            validate_upn,
            "A801200005001",
            "Enter a valid unique pupil number (UPN), like H884200124001",
        ),
        (validate_postcode, "HR1 2CX", "Enter a real postcode, like HR1 2HX"),
    ],
)
def test_it_tells_the_user_what_a_valid_value_looks_like(
    validator: Callable[[str], None], value: str, message: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        validator(value)
    assert raised.value.messages == [message]
    assert raised.value.code == "invalid"
