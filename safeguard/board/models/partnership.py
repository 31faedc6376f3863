"""The partnership's arrangements: its partners, the board and its sub-groups, and their members.

A member is a person (with a login or without one); a membership is their seat on one group, with
a role and a term, so a person who chairs a sub-group and sits on the board holds two seats.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from safeguard.board.codes import GroupKind, MemberRole, PartnerRole


class Partner(models.Model):
    agency = models.OneToOneField(
        "access.Agency", on_delete=models.PROTECT, related_name="board_partner"
    )
    role = models.CharField(max_length=20, choices=PartnerRole.choices)

    class Meta:
        ordering = ["role", "agency__name"]

    def __str__(self) -> str:
        return str(self.agency)

    @property
    def is_statutory(self) -> bool:
        return self.role in PartnerRole.statutory()


class BoardGroup(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=10, choices=GroupKind.choices)
    remit = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind=GroupKind.BOARD), name="one_board"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_board(self) -> bool:
        return self.kind == GroupKind.BOARD


class Member(models.Model):
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    # None for an independent person (an independent chair or scrutineer).
    agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_member",
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def agency_label(self) -> str:
        return str(self.agency) if self.agency else "Independent"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def on(self, day: date) -> "MembershipQuerySet":
        """Seats held on the day: begun by then and not ended before it."""
        return self.filter(term_start__lte=day).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=day)
        )


class Membership(models.Model):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="memberships")
    group = models.ForeignKey(BoardGroup, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=MemberRole.choices)
    term_start = models.DateField("Start of term")
    term_end = models.DateField("End of term", null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "member__name", "term_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="membership_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} on {self.group}"
