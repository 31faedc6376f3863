"""The social work workforce: quarterly returns per team and caseload snapshots for the trend."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from safeguard.training.codes import ReturnSource

USER = settings.AUTH_USER_MODEL


class WorkforceSettings(models.Model):
    """The partnership's workforce settings: one row."""

    # Twenty children: a little above England's average caseload per case-holding social worker
    # (17.7 at 30 September 2017, DfE children's social work workforce statistics, in
    # ../shared/data/dfe/csww_indicators_2017_to_2025.csv), and the figure councils' caseload
    # policies commonly set as the most a full-time children's social worker should hold.
    caseload_threshold = models.PositiveSmallIntegerField(
        "Caseload threshold",
        default=20,
        help_text="A worker holding more children than this is over the threshold",
    )

    class Meta:
        verbose_name_plural = "workforce settings"

    def __str__(self) -> str:
        return "Workforce settings"

    @classmethod
    def current(cls) -> "WorkforceSettings":
        return cls.objects.get_or_create(pk=1)[0]


class QuarterlyReturn(models.Model):
    """A team's posts and people for one quarter of the reporting year, counted in posts.

    A vacancy is a post not filled by a permanent worker, whether or not an agency worker covers
    it (the DfE's definition in the children's social work workforce statistics), so permanent
    staff and vacancies add up to the establishment.
    """

    team = models.ForeignKey("access.Team", on_delete=models.PROTECT, related_name="+")
    quarter_start = models.DateField()
    establishment = models.PositiveIntegerField("Posts in the establishment")
    permanent = models.PositiveIntegerField("Posts filled by permanent staff")
    agency = models.PositiveIntegerField("Posts covered by agency staff")
    vacancies = models.PositiveIntegerField()
    starters = models.PositiveIntegerField()
    leavers = models.PositiveIntegerField()
    source = models.CharField(max_length=10, choices=ReturnSource.choices)
    entered_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["team", "-quarter_start"]
        constraints = [
            models.UniqueConstraint(fields=["team", "quarter_start"], name="one_return_a_quarter"),
            models.CheckConstraint(
                condition=Q(establishment=F("permanent") + F("vacancies")),
                name="permanent_and_vacancies_make_the_establishment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team.name}, quarter from {self.quarter_start:%-d %B %Y}"


class CaseloadSnapshot(models.Model):
    """A team's caseloads on one day, kept so the trend survives allocations changing."""

    team = models.ForeignKey("access.Team", on_delete=models.PROTECT, related_name="+")
    taken_on = models.DateField()
    children = models.PositiveIntegerField()
    workers = models.PositiveIntegerField()
    median = models.DecimalField(max_digits=6, decimal_places=1)
    largest = models.PositiveIntegerField()
    above_threshold = models.PositiveIntegerField()
    threshold = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["team", "-taken_on"]
        constraints = [
            models.UniqueConstraint(fields=["team", "taken_on"], name="one_snapshot_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.team.name} caseloads on {self.taken_on}"
