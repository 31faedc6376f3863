"""The comparator store: the DfE's published figures for England, its regions and every council.

Each imported file is one `ComparatorFile`; everything read from it hangs off it, so a newer copy
of the same table replaces exactly that table's figures (deleting the file deletes its rows).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Level(models.TextChoices):
    NATIONAL = "national", "England"
    REGIONAL = "regional", "Region"
    LOCAL = "local", "Local authority"


class Symbol(models.TextChoices):
    """Why a figure is not published: the government statistical service's symbols as the DfE
    prints them in its files, plus one of ours for a rate that has no population to divide by."""

    PUBLISHED = "", "published"
    CONFIDENTIAL = "c", "suppressed by the DfE to protect confidentiality"
    LOW_RELIABILITY = "u", "not published: low reliability"
    LOW = "low", "not published: a positive figure that rounds to zero"
    NOT_AVAILABLE = "x", "not available"
    NOT_APPLICABLE = "z", "not applicable"
    NO_POPULATION = "pop", "no ONS population estimate to make the rate with"


class Basis(models.TextChoices):
    PUBLISHED = "published", "as the DfE published it"
    COUNTS = "counts", "worked out here from the DfE's published counts"
    POPULATION = "population", "the DfE's count per 10,000 children of the ONS mid-year estimate"


class ComparatorFile(models.Model):
    """One imported DfE file, by the table its columns showed it to be."""

    table = models.CharField(max_length=40, unique=True)
    name = models.CharField("File name", max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(help_text="Data rows in the file")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["table"]

    def __str__(self) -> str:
        return f"{self.table}: {self.name}"


class ComparatorFigure(models.Model):
    """One measure for one area and reporting year, as published (or not, and why)."""

    source = models.ForeignKey(ComparatorFile, on_delete=models.CASCADE, related_name="figures")
    measure_id = models.CharField(max_length=80)
    level = models.CharField(max_length=10, choices=Level.choices)
    # The DfE's old LA code for a council ("884"), the ONS code for a region or England.
    area = models.CharField(max_length=20)
    area_code = models.CharField("ONS code", max_length=30, blank=True)
    area_name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=12, blank=True)
    region_name = models.CharField(max_length=60, blank=True)
    year = models.CharField(max_length=7)  # a reporting year, "2016-17"
    numerator = models.FloatField(null=True)
    denominator = models.FloatField(null=True)
    value = models.FloatField(null=True)
    symbol = models.CharField(max_length=3, choices=Symbol.choices, blank=True)
    note = models.CharField(max_length=200, blank=True, help_text="Which cells were not published")
    basis = models.CharField(max_length=10, choices=Basis.choices)

    class Meta:
        ordering = ["measure_id", "year", "level", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure_id", "area", "year"], name="one_comparator_per_measure_area_year"
            ),
            models.CheckConstraint(
                condition=Q(symbol="") | Q(value__isnull=True),
                name="an_unpublished_comparator_has_no_value",
            ),
        ]
        indexes = [
            models.Index(fields=["measure_id", "year", "level"], name="comparators_for_a_year"),
            models.Index(fields=["area", "year"], name="comparators_for_an_area"),
        ]

    def __str__(self) -> str:
        shown = self.value if self.symbol == Symbol.PUBLISHED else self.symbol
        return f"{self.measure_id} {self.area} {self.year}: {shown}"


class PopulationEstimate(models.Model):
    """Children aged 0 to 17 in an area: the ONS mid-year estimate that goes with a reporting year
    (the estimate for mid-2016 is the denominator of 2016-17, as the DfE uses it)."""

    source = models.ForeignKey(ComparatorFile, on_delete=models.CASCADE, related_name="populations")
    level = models.CharField(max_length=10, choices=Level.choices)
    area = models.CharField(max_length=20)
    area_name = models.CharField(max_length=120)
    year = models.CharField(max_length=7)
    mid_year = models.PositiveSmallIntegerField(
        help_text="The estimate is for 30 June of this year"
    )
    children = models.PositiveIntegerField(null=True)
    symbol = models.CharField(max_length=3, choices=Symbol.choices, blank=True)

    class Meta:
        ordering = ["year", "area"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="one_population_per_area_year")
        ]

    def __str__(self) -> str:
        return f"{self.area_name} {self.year}: {self.children}"


class StatisticalNeighbour(models.Model):
    """One of a council's ten statistical neighbours in one of the DfE's models, closest first."""

    source = models.ForeignKey(ComparatorFile, on_delete=models.CASCADE, related_name="neighbours")
    model = models.CharField(max_length=4, help_text='The groupings of "2021" or the "2025" model')
    la = models.CharField("LA code", max_length=3)
    la_name = models.CharField(max_length=120)
    rank = models.PositiveSmallIntegerField()
    neighbour = models.CharField(max_length=3)
    closeness = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["model", "la", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["model", "la", "rank"], name="one_neighbour_per_rank")
        ]

    def __str__(self) -> str:
        return f"{self.la} ({self.model}) #{self.rank}: {self.neighbour}"
