"""Stored runs made by hand, for the tests of what reads them (the dashboard, the reports)."""

from collections.abc import Iterable

from safeguard.measures.models import MeasureResult, MeasureRun

LA = "884"

# (measure id, year, numerator, denominator, value)
Result = tuple[str, str, float | None, float | None, float | None]


def make_run(
    years: list[str], results: Iterable[Result], *, fingerprint: str = "f1", la: str = LA
) -> MeasureRun:
    run = MeasureRun.objects.create(
        fingerprint=fingerprint,
        dataset_fingerprint=fingerprint,
        years=years,
        label=f"Measures for {years[0]} to {years[-1]}",
        made_by="a test",
    )
    MeasureResult.objects.bulk_create(
        MeasureResult(run=run, measure_id=m, la=la, year=y, numerator=n, denominator=d, value=v)
        for m, y, n, d, v in results
    )
    return run
