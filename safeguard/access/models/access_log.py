"""The access log: every read of child-level data, append-only and hash-chained.

Each event carries the hash of the event before it and a hash of its own content, so a row edited
or removed directly in the database breaks the chain, which `safeguard audit verify` reports.
"""

import hashlib
import json
from datetime import UTC

from django.conf import settings
from django.db import models
from django.utils import timezone

GENESIS_HASH = "0" * 64


class AccessKind(models.TextChoices):
    VIEW = "view", "Viewed a record"
    SEARCH = "search", "Shown in search results"
    CREATE = "create", "Created a record"
    UPDATE = "update", "Changed a record"
    EXPORT = "export", "Exported"
    BREAK_GLASS = "break_glass", "Broke the glass"
    ACCESS_LOG = "access_log", "Read the access log"


class Outcome(models.TextChoices):
    ALLOWED = "allowed", "Allowed"
    DENIED = "denied", "Denied"


class AppendOnlyQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("The access log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The access log is append-only")


class AccessEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    # The name as it was, so the log still reads true after a user is renamed.
    user_label = models.CharField(max_length=300)
    # No database constraint: the log must outlive any record it mentions.
    child = models.ForeignKey(
        "people.Child",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    kind = models.CharField(max_length=20, choices=AccessKind.choices)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    page = models.CharField(max_length=300)
    purpose = models.CharField(max_length=300, blank=True)
    detail = models.TextField(blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["child", "at"]), models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"{self.user_label} {self.kind} child {self.child_id} at {self.at:%Y-%m-%d %H:%M}"

    def content(self) -> dict[str, object]:
        return {
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "user": self.user_id,
            "user_label": self.user_label,
            "child": self.child_id,
            "kind": self.kind,
            "outcome": self.outcome,
            "page": self.page,
            "purpose": self.purpose,
            "detail": self.detail,
        }

    def compute_hash(self) -> str:
        payload = json.dumps(self.content(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(f"{self.previous_hash}|{payload}".encode()).hexdigest()

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("The access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("The access log is append-only")


class AccessLogHead(models.Model):
    """One row holding the newest hash; locking it serialises writers so the chain stays linear."""

    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    last_event_id = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"Access log head at event {self.last_event_id}"
