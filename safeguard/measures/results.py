"""Reading stored results: what dashboards, board papers and reports use."""

from safeguard.measures.models import MeasureResult, MeasureRun


def latest_run() -> MeasureRun | None:
    return MeasureRun.objects.order_by("-created_at", "-id").first()


def council_year(run: MeasureRun, la: str, year: str) -> dict[str, MeasureResult]:
    """Every measure's result for one council and year, by measure id."""
    return {r.measure_id: r for r in run.results.filter(la=la, year=year)}


def council_series(run: MeasureRun, la: str, years: list[str]) -> dict[str, list[MeasureResult]]:
    """Every measure's results for one council over the years, oldest first, by measure id."""
    series: dict[str, list[MeasureResult]] = {}
    for result in run.results.filter(la=la, year__in=years).order_by("measure_id", "year"):
        series.setdefault(result.measure_id, []).append(result)
    return series
