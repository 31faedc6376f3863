"""The one thing the journey dataset holds that no live record does: the population of children
each rate is per 10,000 of."""

from django.db import models
from django.db.models import Q


class PopulationEstimate(models.Model):
    """The ONS mid-year estimate of children aged 0 to 17 a council uses for a reporting year."""

    la = models.CharField("LA code", max_length=3)
    year = models.CharField("Reporting year", max_length=7, help_text="For example, 2016-17")
    children = models.PositiveIntegerField("Children aged 0 to 17")

    class Meta:
        ordering = ["la", "year"]
        constraints = [
            models.UniqueConstraint(fields=["la", "year"], name="one_estimate_per_council_year"),
            models.CheckConstraint(
                condition=Q(year__regex=r"^[0-9]{4}-[0-9]{2}$"), name="year_like_2016_17"
            ),
            models.CheckConstraint(condition=Q(children__gt=0), name="population_has_children"),
        ]

    def __str__(self) -> str:
        return f"{self.la} {self.year}: {self.children:,} children aged 0-17"
