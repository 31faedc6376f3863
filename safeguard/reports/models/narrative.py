"""The annual report's own words: its narrative sections, their history, and the lead
safeguarding partners' sign-off.

The figures are not stored here: they are assembled from a stored measure run each time the
report is built (builds.py). What the partnership writes is kept section by section, so two people
can work on different sections at once, and each section keeps every earlier wording.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.board.years import period
from safeguard.core.models import Versioned
from safeguard.frontdoor.figures import Period
from safeguard.reports.codes import SectionKind

USER = settings.AUTH_USER_MODEL


class AnnualReport(Versioned):
    """The partnership's yearly report (Children Act 2004 s16G) for one reporting year.

    `edition` counts the versions put to the lead safeguarding partners: once one of them has
    signed an edition off, its words are frozen; changing them starts the next edition, which
    needs signing off afresh.
    """

    year = models.CharField("Reporting year", max_length=7, unique=True)
    edition = models.PositiveIntegerField(default=1)
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Annual report {self.year_label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:annual-report", kwargs={"report_year": self.year})

    @property
    def year_label(self) -> str:
        """ "2016-17" as the reports of the time wrote it: "2016/17"."""
        return self.year.replace("-", "/")

    @property
    def period(self) -> Period:
        return period(self.year)


class NarrativeSection(Versioned):
    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20, choices=SectionKind.choices)
    # For the progress on one of the business plan's priorities; empty for the other kinds.
    priority = models.ForeignKey(
        "board.Priority", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    heading = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "kind"],
                condition=Q(priority__isnull=True),
                name="one_section_of_each_kind",
            ),
            models.UniqueConstraint(
                fields=["report", "priority"],
                condition=Q(priority__isnull=False),
                name="one_section_per_priority",
            ),
            models.CheckConstraint(
                condition=Q(kind=SectionKind.PRIORITY, priority__isnull=False)
                | (~Q(kind=SectionKind.PRIORITY) & Q(priority__isnull=True)),
                name="a_priority_section_names_its_priority",
            ),
        ]

    def __str__(self) -> str:
        return self.heading

    def get_absolute_url(self) -> str:
        return reverse(
            "reports:section-edit",
            kwargs={"report_year": self.report.year, "report_section_id": self.pk},
        )

    @property
    def is_written(self) -> bool:
        return bool(self.text.strip())


class SignOff(models.Model):
    """A lead safeguarding partner's agreement to one edition of the report, recorded by the
    partner themselves or by the business manager on their behalf."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="sign_offs")
    edition = models.PositiveIntegerField()
    member = models.ForeignKey("board.Member", on_delete=models.PROTECT, related_name="+")
    # The statutory partner the member signed for, as it stood then (PartnerRole).
    partner_role = models.CharField(max_length=20)
    partner_name = models.CharField(max_length=200)
    signed_on = models.DateField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["report", "edition", "signed_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "edition", "partner_role"], name="one_sign_off_per_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} for {self.partner_name}, edition {self.edition}"
