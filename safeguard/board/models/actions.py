"""The board's action log: each action agreed at a meeting, its owner and due date, and how it
ended. An open action is carried on to every later meeting of the same group until it is done or
dropped."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.board.codes import ActionStatus
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class ActionQuerySet(models.QuerySet["Action"]):
    def open(self) -> "ActionQuerySet":
        return self.filter(status=ActionStatus.OPEN)

    def overdue(self, today: date) -> "ActionQuerySet":
        return self.open().filter(due_on__lt=today)

    def open_on(self, day: date) -> "ActionQuerySet":
        """Actions still open on the day: not yet done or dropped by then."""
        return self.exclude(completed_on__lt=day).exclude(dropped_on__lt=day)


class Action(Versioned):
    meeting = models.ForeignKey(
        "board.Meeting", on_delete=models.PROTECT, related_name="actions_agreed"
    )
    item = models.ForeignKey(
        "board.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    description = models.TextField("What will be done")
    owner = models.ForeignKey("board.Member", on_delete=models.PROTECT, related_name="actions")
    due_on = models.DateField("Due date")
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField("Date completed", null=True, blank=True)
    dropped_on = models.DateField("Date dropped", null=True, blank=True)
    update = models.TextField("Latest update", blank=True)
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()
    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ActionStatus.DONE, completed_on__isnull=False)
                | (~Q(status=ActionStatus.DONE) & Q(completed_on__isnull=True)),
                name="board_action_completed_on_when_done",
            ),
            models.CheckConstraint(
                condition=Q(status=ActionStatus.DROPPED, dropped_on__isnull=False)
                | (~Q(status=ActionStatus.DROPPED) & Q(dropped_on__isnull=True)),
                name="board_action_dropped_on_when_dropped",
            ),
        ]

    def __str__(self) -> str:
        return f"Action {self.pk} for {self.owner}"

    def get_absolute_url(self) -> str:
        return reverse("board:action", kwargs={"board_action_id": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.due_on < today

    @property
    def on_time(self) -> bool:
        return self.status == ActionStatus.DONE and self.completed_on <= self.due_on
