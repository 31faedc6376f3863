from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from safeguard.access import scopes
from safeguard.access.models import User
from safeguard.core.identifiers import (
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    validate_nhs_number,
    validate_postcode,
    validate_upn,
)
from safeguard.people.codes import Ethnicity, Gender, RelationshipKind, UpnUnknown
from safeguard.people.names import phonetic_key


class ChildQuerySet(models.QuerySet["Child"]):
    def current(self) -> "ChildQuerySet":
        """Children not merged into another record."""
        return self.filter(merged_into__isnull=True)

    def in_scope_of(self, user: User) -> "ChildQuerySet":
        return scopes.in_scope(self.current(), user)

    def visible_to(self, user: User) -> "ChildQuerySet":
        return scopes.visible_to(self.current(), user)


class Child(models.Model):
    la_child_id = models.CharField("LA child ID", max_length=20, unique=True, blank=True)
    first_name = models.CharField(max_length=100)
    middle_names = models.CharField(max_length=200, blank=True)
    last_name = models.CharField(max_length=100)
    first_name_key = models.CharField(max_length=20, blank=True, editable=False)
    last_name_key = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    date_of_birth = models.DateField(null=True, blank=True, db_index=True)
    expected_date_of_birth = models.DateField(
        null=True, blank=True, help_text="For an unborn child"
    )
    gender = models.CharField(max_length=1, choices=Gender.choices, default=Gender.NOT_KNOWN)
    gender_identity = models.CharField(
        max_length=100, blank=True, help_text="How the child describes their gender, if different"
    )
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    disabilities = models.JSONField(default=list, blank=True)
    upn = models.CharField(
        "Unique pupil number (UPN)", max_length=13, blank=True, validators=[validate_upn]
    )
    former_upn = models.CharField(
        "Former UPN", max_length=13, blank=True, validators=[validate_upn]
    )
    upn_unknown = models.CharField(
        "Why there is no UPN", max_length=3, choices=UpnUnknown.choices, blank=True
    )
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, validators=[validate_nhs_number]
    )
    first_language = models.CharField(max_length=100, blank=True)
    unaccompanied_asylum_seeking = models.BooleanField(default=False)
    date_of_death = models.DateField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "children"
        constraints = [
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~Q(nhs_number="") & Q(merged_into__isnull=True),
                name="child_nhs_number_unique",
            ),
            models.UniqueConstraint(
                fields=["upn"],
                condition=~Q(upn="") & Q(merged_into__isnull=True),
                name="child_upn_unique",
            ),
            models.CheckConstraint(
                condition=Q(date_of_birth__isnull=False) | Q(expected_date_of_birth__isnull=False),
                name="child_has_a_birth_date",
            ),
        ]
        indexes = [models.Index(fields=["nhs_number"]), models.Index(fields=["upn"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.la_child_id})"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_names, self.last_name) if p)

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None

    def age_on(self, day: date) -> int | None:
        born = self.date_of_birth
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def current_address(self) -> "Address | None":
        return next((a for a in self.addresses.all() if a.moved_out is None), None)

    def save(self, *args: object, **kwargs: object) -> None:
        self.nhs_number = normalise_nhs_number(self.nhs_number)
        self.upn = normalise_upn(self.upn)
        self.first_name_key = phonetic_key(self.first_name)
        self.last_name_key = phonetic_key(self.last_name)
        super().save(*args, **kwargs)
        if not self.la_child_id:
            # The council's own identifier, issued from the row's number once it has one.
            self.la_child_id = f"C{self.pk:07d}"
            type(self).objects.filter(pk=self.pk).update(la_child_id=self.la_child_id)


class FormerName(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="former_names")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    last_name_key = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    used_until = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    def save(self, *args: object, **kwargs: object) -> None:
        self.last_name_key = phonetic_key(self.last_name)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Address(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField("Address line 1", max_length=200)
    line_2 = models.CharField("Address line 2", max_length=200, blank=True)
    town = models.CharField("Town or city", max_length=100)
    postcode = models.CharField(max_length=8, validators=[validate_postcode], db_index=True)
    moved_in = models.DateField(null=True, blank=True)
    moved_out = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-moved_in"]
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return ", ".join(p for p in (self.line_1, self.line_2, self.town, self.postcode) if p)

    def save(self, *args: object, **kwargs: object) -> None:
        self.postcode = normalise_postcode(self.postcode)
        super().save(*args, **kwargs)


class Person(models.Model):
    """An adult (or a child not known to the service) in a child's life."""

    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    phone = models.CharField(max_length=30, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Relationship(models.Model):
    """How someone is related to a child: a person, or another child known to the service."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="relationships")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="relationships"
    )
    related_child = models.ForeignKey(
        Child, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    lives_with_child = models.BooleanField(default=False)
    parental_responsibility = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(related_child__isnull=True))
                | (Q(person__isnull=True) & Q(related_child__isnull=False)),
                name="relationship_names_one_person_or_child",
            ),
            models.CheckConstraint(
                condition=~Q(related_child=models.F("child")),
                name="a_child_is_not_their_own_relative",
            ),
        ]

    @property
    def name(self) -> str:
        return str(self.person) if self.person_id else self.related_child.full_name

    def __str__(self) -> str:
        return f"{self.name}: {self.get_kind_display()} of child {self.child_id}"


class Merge(models.Model):
    """Two records found to be the same child: the duplicate now points at the one kept."""

    kept = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="merges_kept")
    duplicate = models.OneToOneField(Child, on_delete=models.PROTECT, related_name="merge")
    reason = models.TextField()
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    merged_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.duplicate} merged into {self.kept}"
