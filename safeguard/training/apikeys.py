"""Licensing authorities' keys to the JSON licence check.

A key is shown once, when it is issued; only its SHA-256 hash is stored, with a short prefix so
people can tell keys apart. The licensing system sends it as `Authorization: Bearer <key>`.
"""

import secrets

from django.utils import timezone

from safeguard.access.models import Agency, User
from safeguard.training.models import LicensingApiKey, hash_key

KEY_START = "sgl_"
PREFIX_LENGTH = len(KEY_START) + 8


def issue_key(agency: Agency, name: str, *, by: User) -> tuple[LicensingApiKey, str]:
    key = KEY_START + secrets.token_urlsafe(32)
    record = LicensingApiKey.objects.create(
        agency=agency,
        name=name,
        prefix=key[:PREFIX_LENGTH],
        key_hash=hash_key(key),
        created_by=by,
    )
    return record, key


def key_from_header(header: str) -> LicensingApiKey | None:
    """The live key an `Authorization: Bearer <key>` header names, or None."""
    scheme, _, key = header.strip().partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key.startswith(KEY_START) or len(key) > 200:
        return None
    record = (
        LicensingApiKey.objects.filter(key_hash=hash_key(key), revoked_at__isnull=True)
        .select_related("agency")
        .first()
    )
    if record is not None:
        record.last_used_at = timezone.now()
        record.save(update_fields=["last_used_at"])
    return record


def revoke_key(record: LicensingApiKey, *, by: User) -> None:
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.revoked_by = by
        record.save(update_fields=["revoked_at", "revoked_by"])
