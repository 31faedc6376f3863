"""Base models shared by every app."""

from django.db import models, transaction


class StaleEdit(Exception):
    """Someone else saved the record since this person opened it."""


class Versioned(models.Model):
    """Optimistic locking: a save names the version it started from and fails if it moved on.

    Two people editing the same record cannot silently overwrite each other: the second save finds
    the version changed and is refused, so that person can reload and see the other's change.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def ensure_version(self, version: int) -> None:
        """Refuse early, before any other check, when the person's copy is out of date: what
        they saw is no longer the record, so that is what they need to hear first."""
        current = type(self).objects.filter(pk=self.pk).values_list("version", flat=True).first()
        if self.pk is not None and current != version:
            raise StaleEdit(f"{self._meta.verbose_name} {self.pk} was changed by someone else")

    def save_from(self, version: int, **kwargs: object) -> None:
        """Save changes made to a copy loaded at `version`; StaleEdit if the record moved on."""
        if self.pk is None:
            self.save(**kwargs)
            return
        with transaction.atomic():
            current = (
                type(self)
                .objects.select_for_update()
                .filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current != version:
                raise StaleEdit(f"{self._meta.verbose_name} {self.pk} was changed by someone else")
            self.version = version + 1
            self.save(**kwargs)
