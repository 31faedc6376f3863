"""A built annual report: the HTML and the tagged PDF exactly as they were made, with the measure
run and dataset they were made from, so what went to cabinet can always be shown again."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

USER = settings.AUTH_USER_MODEL


class ReportBuild(models.Model):
    report = models.ForeignKey(
        "reports.AnnualReport", on_delete=models.CASCADE, related_name="builds"
    )
    edition = models.PositiveIntegerField()
    signed_off = models.BooleanField(
        help_text="Whether every statutory partner had signed the edition off when it was built"
    )
    # The run may be tidied away one day; its number and fingerprints stay with the report.
    run = models.ForeignKey(
        "measures.MeasureRun", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    run_number = models.PositiveIntegerField()
    run_fingerprint = models.CharField(max_length=64)
    dataset_fingerprint = models.CharField(max_length=64)
    built_at = models.DateTimeField(default=timezone.now)
    built_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    html = models.TextField()
    pdf = models.BinaryField()

    class Meta:
        ordering = ["-built_at", "-id"]
        get_latest_by = ["built_at", "id"]

    def __str__(self) -> str:
        return f"{self.report}, edition {self.edition}, built {self.built_at:%-d %B %Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse(
            "reports:build-html",
            kwargs={"report_year": self.report.year, "report_build_id": self.pk},
        )

    @property
    def pdf_url(self) -> str:
        return reverse(
            "reports:build-pdf",
            kwargs={"report_year": self.report.year, "report_build_id": self.pk},
        )

    @property
    def html_sha256(self) -> str:
        return hashlib.sha256(self.html.encode()).hexdigest()

    @property
    def pdf_size(self) -> int:
        return len(self.pdf)

    @property
    def file_stem(self) -> str:
        return f"annual-report-{self.report.year}-edition-{self.edition}"
