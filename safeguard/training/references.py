"""Licence application references and certificate verification codes.

The licensing authority gives each taxi or private hire applicant a reference of the form
TX/YYYY/NNNNN: "TX", the year the reference was first issued, and five digits, for example
TX/2026/00123. It stays with the driver at renewal, so a renewal finds the certificates earned
under the same reference.
"""

import re
import secrets

from django.core.exceptions import ValidationError

REFERENCE_EXAMPLE = "TX/2026/00123"
REFERENCE_HINT = f"The reference on your licence application, for example {REFERENCE_EXAMPLE}"
REFERENCE_FORMAT_MESSAGE = (
    f"Enter the licence application reference in the correct format, like {REFERENCE_EXAMPLE}"
)
_REFERENCE = re.compile(r"TX/\d{4}/\d{5}")

# Crockford's base 32: no I, L, O or U, so a code read over the phone cannot be mistyped as
# another. Sixteen characters carry 80 random bits: not guessable.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16


def normalise_reference(text: str) -> str:
    return "".join(str(text).split()).upper()


def is_valid_reference(text: str) -> bool:
    return bool(_REFERENCE.fullmatch(normalise_reference(text)))


def validate_reference(text: str) -> None:
    if not is_valid_reference(text):
        raise ValidationError(REFERENCE_FORMAT_MESSAGE, code="reference_format")


def new_verification_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person types, as stored: spaces and hyphens gone, capitals, O read as 0, I/L as 1."""
    cleaned = re.sub(r"[\s-]", "", str(text)).upper()
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def new_booking_token() -> str:
    # The only key to a public booking: whoever holds the link may see, cancel or evaluate it.
    return secrets.token_urlsafe(32)
