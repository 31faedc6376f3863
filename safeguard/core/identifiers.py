"""NHS numbers, unique pupil numbers (UPNs) and postcodes.

One definition of "valid" shared by the forms, the imports and the demo data generator. The check
functions return ``None`` when the input is not in the shape they expect (or, for an NHS number,
when no check digit can make the first nine digits valid).
"""

import re

from django.core.exceptions import ValidationError

_SEPARATORS = re.compile(r"[\s-]+")

# NHS number --------------------------------------------------------------------------------------

_NINE_DIGITS = re.compile(r"[0-9]{9}")
_TEN_DIGITS = re.compile(r"[0-9]{10}")


def normalise_nhs_number(text: str) -> str:
    return _SEPARATORS.sub("", text)


def nhs_check_digit(first_nine: str) -> int | None:
    """Return the modulus 11 check digit, or None if the nine digits cannot have one."""
    if not _NINE_DIGITS.fullmatch(first_nine):
        return None
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 10:
        return None
    return 0 if check == 11 else check


def is_valid_nhs_number(text: str) -> bool:
    number = normalise_nhs_number(text)
    return bool(_TEN_DIGITS.fullmatch(number)) and nhs_check_digit(number[:9]) == int(number[9])


def format_nhs_number(text: str) -> str:
    """Write an NHS number as 3 3 4 digits; anything that is not ten digits is returned as given."""
    number = normalise_nhs_number(text)
    if not _TEN_DIGITS.fullmatch(number):
        return text
    return f"{number[:3]} {number[3:6]} {number[6:]}"


# Unique pupil number -----------------------------------------------------------------------------

# DfE's 23 check letters: the alphabet without I, O and S. A letter's value is its position here.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"

# LA number (3), establishment (4), year (2) and serial (2) digits, then a digit, or a letter for a
# temporary UPN.
_UPN_REST = re.compile(rf"[0-9]{{11}}[0-9{UPN_LETTERS}]")


def normalise_upn(text: str) -> str:
    return _SEPARATORS.sub("", text).upper()


def upn_check_letter(rest12: str) -> str | None:
    """Return the check letter for characters 2 to 13 of a UPN, or None if they are malformed.

    Character k (k = 2..13) is weighted k; a final letter counts as its value in UPN_LETTERS.
    """
    if not _UPN_REST.fullmatch(rest12):
        return None
    values = [int(c) if c.isdigit() else UPN_LETTERS.index(c) for c in rest12]
    total = sum(value * weight for value, weight in zip(values, range(2, 14), strict=True))
    return UPN_LETTERS[total % 23]


def is_valid_upn(text: str) -> bool:
    upn = normalise_upn(text)
    return len(upn) == 13 and upn_check_letter(upn[1:]) == upn[0]


# Postcode ----------------------------------------------------------------------------------------

# The outward code's letters are restricted by position (no Q, V or X first; no I, J or Z second);
# the inward code never uses C, I, K, M, O or V.
_POSTCODE = re.compile(
    r"""
    GIR0AA
    | (?: [A-PR-UWYZ][0-9][0-9]?
        | [A-PR-UWYZ][A-HK-Y][0-9][0-9]?
        | [A-PR-UWYZ][0-9][A-HJKPSTUW]
        | [A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]
      ) [0-9][ABD-HJLNP-UW-Z]{2}
    """,
    re.VERBOSE,
)


def normalise_postcode(text: str) -> str:
    """Upper-case the postcode and put a single space before the inward code: "HR1 2AB"."""
    compact = re.sub(r"\s+", "", text).upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def is_valid_postcode(text: str) -> bool:
    return bool(_POSTCODE.fullmatch(normalise_postcode(text).replace(" ", "")))


# Django validators -------------------------------------------------------------------------------

# Each example is valid by the rules above: 999 numbers are never issued to patients, and the UPN
# is made up.
NHS_NUMBER_EXAMPLE = "999 234 5675"
UPN_EXAMPLE = "H884200124001"
POSTCODE_EXAMPLE = "HR1 2HX"


def validate_nhs_number(value: str) -> None:
    if not is_valid_nhs_number(value):
        raise ValidationError(
            f"Enter a valid NHS number, like {NHS_NUMBER_EXAMPLE}", code="invalid"
        )


def validate_upn(value: str) -> None:
    if not is_valid_upn(value):
        raise ValidationError(
            f"Enter a valid unique pupil number (UPN), like {UPN_EXAMPLE}", code="invalid"
        )


def validate_postcode(value: str) -> None:
    if not is_valid_postcode(value):
        raise ValidationError(f"Enter a real postcode, like {POSTCODE_EXAMPLE}", code="invalid")
