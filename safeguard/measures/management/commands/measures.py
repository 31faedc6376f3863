"""`safeguard measures …`: the measures from the command line.

    safeguard measures compute --dataset DIR [--years 2014-15:2016-17] [--out results.parquet]
    safeguard measures refresh --years 2012-13:2016-17 [--as EMAIL]

Each action is a subcommand with its own options and a `_<action>` method below.
"""

import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.csv
import pyarrow.parquet as pq
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.measures.registry import Unit


class Command(BaseCommand):
    help = (
        "The measures: `compute` works out the journey measures of a dataset; `refresh` stores "
        "every measure computed from the live records."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        computing = actions.add_parser(
            "compute",
            help="Compute every journey measure for every council and year of a dataset folder.",
        )
        computing.add_argument("--dataset", required=True, help="The journey dataset folder")
        computing.add_argument(
            "--years", default="", help="Reporting years, like 2014-15:2016-17 (default: all)"
        )
        computing.add_argument(
            "--out", default="", help="Write the results to a .parquet or .csv file"
        )
        refreshing = actions.add_parser(
            "refresh",
            help="Compute every measure from the live records and store the run the dashboards "
            "read (the run already stored is kept when nothing has changed).",
        )
        refreshing.add_argument(
            "--years", required=True, help="Reporting years, like 2012-13:2016-17"
        )
        refreshing.add_argument(
            "--as", dest="user", default="", help="Email of the user the run is recorded as"
        )

    def handle(self, *args: object, **options: object) -> None:
        getattr(self, f"_{options['action']}")(**options)

    def _compute(self, *, dataset: str, years: str, out: str, **_: object) -> None:
        from safeguard.journey.dataset import DatasetError
        from safeguard.measures.engine import compute_folder
        from safeguard.measures.periods import years_between

        try:
            wanted = years_between(years) if years else None
        except ValueError as error:
            raise CommandError(f"--years: {error}") from None
        if out and not out.endswith((".parquet", ".csv")):
            raise CommandError("--out: give a file name ending .parquet or .csv")
        started = time.perf_counter()
        try:
            results = compute_folder(dataset, wanted)
        except DatasetError as error:
            raise CommandError(f"--dataset: {error}") from None
        seconds = time.perf_counter() - started
        for line in _summary(results, seconds):
            self.stdout.write(line)
        if out:
            _write(results, Path(out))
            self.stdout.write(f"Wrote {results.num_rows:,} results to {out}")

    def _refresh(self, *, years: str, user: str, **_: object) -> None:
        from safeguard.access.models import User
        from safeguard.measures import dashboard
        from safeguard.measures.models import MeasureRun
        from safeguard.measures.periods import years_between
        from safeguard.measures.refresh import refresh

        try:
            wanted = years_between(years)
        except ValueError as error:
            raise CommandError(f"--years: {error}") from None
        by = None
        if user:
            by = User.objects.filter(email__iexact=user).first()
            if by is None:
                raise CommandError(f"--as: there is no user {user}")
        runs_before = MeasureRun.objects.count()
        started = time.perf_counter()
        run = refresh(wanted, by=by)
        dashboard.warm(run, settings.LA_CODE)
        seconds = time.perf_counter() - started
        verb = "Stored" if MeasureRun.objects.count() > runs_before else "Nothing had changed: kept"
        self.stdout.write(
            f"{verb} run {run.pk} ({run.label}), {run.results.count():,} results, in {seconds:.1f}s"
        )


# What follows a figure in the summary.
_AFTER = {Unit.PERCENT: "%", Unit.WORKING_DAYS: " working days"}


def _summary(results: pa.Table, seconds: float) -> Iterator[str]:
    """What was computed, then the latest year's headline measures: the council's figure, or the
    median of the councils with the lowest and highest."""
    from safeguard.measures import registry

    rows = results.to_pylist()
    councils = sorted({row["la"] for row in rows})
    years = sorted({row["year"] for row in rows})
    measures = list(dict.fromkeys(row["measure_id"] for row in rows))
    if not rows:
        yield f"No results: the dataset has no councils or years to measure ({seconds:.1f}s)"
        return
    span = years[0] if len(years) == 1 else f"{years[0]} to {years[-1]}"
    yield (
        f"Computed {len(measures)} journey measures for {len(councils)} council(s) and "
        f"{len(years)} year(s) ({span}): {len(rows):,} results in {seconds:.1f}s"
    )
    latest = years[-1]
    yield f"Headline measures, {latest}" + (
        "" if len(councils) == 1 else " (median of the councils; lowest to highest)"
    )
    for measure in registry.measures():
        if not measure.headline or measure.id not in measures:
            continue
        values = [
            row["value"]
            for row in rows
            if row["measure_id"] == measure.id
            and row["year"] == latest
            and row["value"] is not None
        ]
        if not values:
            shown = "no figure"
        elif len(councils) == 1:
            shown = _figure(values[0], measure.unit)
        else:
            low, middle, high = (
                _figure(v, measure.unit)
                for v in (min(values), statistics.median(values), max(values))
            )
            shown = f"{middle} ({low} to {high})"
        yield f"  {measure.title}: {shown}"


def _figure(value: float, unit: Unit) -> str:
    # A rate's title already says "per 10,000 children".
    if unit == Unit.COUNT:
        return f"{value:,.0f}"
    return f"{value:,.1f}{_AFTER.get(unit, '')}"


def _write(results: pa.Table, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".csv":
        pyarrow.csv.write_csv(results, out)
    else:
        pq.write_table(results, out)
