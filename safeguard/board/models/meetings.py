"""Meetings of the board and its sub-groups: the agenda with its papers, who came, the minutes
and the decisions. Minutes are written item by item, so the published version can leave out the
items marked confidential."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.board.codes import AttendanceStatus
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class Meeting(Versioned):
    group = models.ForeignKey("board.BoardGroup", on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField("Date of the meeting")
    starts_at = models.TimeField("Start time", null=True, blank=True)
    place = models.CharField("Where", max_length=200)
    # For the business unit only: never on the published minutes, nor shown to members.
    office_notes = models.TextField("Notes for the business unit", blank=True)
    minutes_approved_on = models.DateField("Date the minutes were approved", null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.group}, {self.held_on:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("board:meeting", kwargs={"meeting_id": self.pk})


class AgendaItem(Versioned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    presenter = models.CharField("Presented by", max_length=200, blank=True)
    confidential = models.BooleanField(default=False, help_text="Left out of the published minutes")
    minutes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="item_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Paper(models.Model):
    """A paper for an agenda item. The file is kept in the database, not in a folder the web
    server publishes: it is served only through a view that checks who is asking, and every web
    server behind the load balancer sees the same papers."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey("board.Member", on_delete=models.PROTECT, related_name="attendances")
    # The agency the member represented at the time: members move, the record should not.
    agency = models.ForeignKey(
        "access.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    deputy_name = models.CharField("Name of the deputy", max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "member__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(status=AttendanceStatus.DEPUTY) | Q(deputy_name=""),
                name="deputy_named_only_for_a_deputy",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} at {self.meeting}: {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        """The member's agency was there: in person or through a deputy."""
        return self.status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY)


class Decision(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField("What was decided")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return f"Decision on {self.item}"
