"""Restricted records: a child of a staff member, a high-profile case.

Only users granted access may open a restricted record. Anyone else whose scope reaches the child
may break the glass with a written reason; that grants access for a short time and the DPO sees it.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

BREAK_GLASS_DURATION = timedelta(hours=4)


class RestrictedRecord(models.Model):
    child = models.OneToOneField(
        "people.Child", on_delete=models.CASCADE, related_name="restriction"
    )
    reason = models.TextField()
    restricted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    restricted_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Restriction on child {self.child_id}"


class AccessGrant(models.Model):
    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="record_grants"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "user"], name="one_grant_per_user_and_child")
        ]

    def __str__(self) -> str:
        return f"{self.user} may open child {self.child_id}"


class BreakGlassQuerySet(models.QuerySet["BreakGlass"]):
    def active(self) -> "BreakGlassQuerySet":
        return self.filter(expires_at__gt=timezone.now())


class BreakGlass(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass"
    )
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = BreakGlassQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "break-glass accesses"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.expires_at:
            self.expires_at = self.at + BREAK_GLASS_DURATION
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.user} broke the glass on child {self.child_id} at {self.at:%Y-%m-%d %H:%M}"
