"""Stored results: one run of every measure over one version of the inputs.

Dashboards, board papers and the annual report read stored runs only, never the live records, so a
figure on a page can always be traced to the run (and so the dataset version) it came from.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

import safeguard.measures.comparators.models  # noqa: F401  (the comparators' models)


class MeasureRun(models.Model):
    """Every measure for the given years, computed once from one version of the inputs.

    `dataset_fingerprint` is the journey dataset's (Dataset.fingerprint()); `fingerprint` covers
    the dataset and the partnership measures' figures, which come from live records the dataset
    does not hold. A refresh over the same inputs and years finds this run again.
    """

    fingerprint = models.CharField(max_length=64)
    dataset_fingerprint = models.CharField(max_length=64)
    years = models.JSONField(help_text='Reporting years, like ["2015-16", "2016-17"]')
    label = models.CharField(max_length=200)
    made_by = models.CharField(
        max_length=200, help_text="What made the run: a command, a page, a scheduled job"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["fingerprint", "years"], name="one_run_per_inputs")
        ]

    def __str__(self) -> str:
        return self.label

    def figure(self, measure_id: str, la: str, year: str) -> "MeasureResult | None":
        return self.results.filter(measure_id=measure_id, la=la, year=year).first()

    def series(self, measure_id: str, la: str) -> list["MeasureResult"]:
        """The measure's results for the council, oldest year first."""
        return list(self.results.filter(measure_id=measure_id, la=la).order_by("year"))

    @property
    def latest_year(self) -> str | None:
        return max(self.years, default=None)


class MeasureResult(models.Model):
    run = models.ForeignKey(MeasureRun, on_delete=models.CASCADE, related_name="results")
    measure_id = models.CharField(max_length=80)
    la = models.CharField("LA code", max_length=3)
    year = models.CharField(max_length=7)  # a reporting year, "2016-17"
    numerator = models.FloatField(null=True)
    denominator = models.FloatField(null=True)
    value = models.FloatField(null=True)

    class Meta:
        ordering = ["measure_id", "la", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "measure_id", "la", "year"], name="one_result_per_measure_la_year"
            )
        ]
        indexes = [models.Index(fields=["run", "la", "year"], name="results_for_a_council_year")]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.la} {self.year}: {self.value}"
