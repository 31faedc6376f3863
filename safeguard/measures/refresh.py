"""Compute every measure from the live records and store the results as one run.

The journey measures run on an extract of the live records (the journey dataset); the partnership
measures (training, case reviews, workforce, neglect reasoning) compute from the records of the app
that owns them. The run is keyed by a fingerprint of both, so refreshing when nothing has changed
finds the run already made instead of making another ("results are cached per dataset version").
"""

import hashlib
import json
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction

from safeguard.access.models import User
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import extract
from safeguard.measures import comparators, engine, registry
from safeguard.measures.models import MeasureResult, MeasureRun

Row = tuple[str, str, str, float | None, float | None, float | None]  # measure, la, year, n, d, v


def refresh(
    years: list[str], *, by: User | None = None, made_by: str = "safeguard measures refresh"
) -> MeasureRun:
    years = sorted(set(years))
    dataset = with_population(extract(), years)
    dataset_fingerprint = dataset.fingerprint()
    partnership = partnership_rows(years)
    fingerprint = _fingerprint(dataset_fingerprint, partnership)
    existing = MeasureRun.objects.filter(fingerprint=fingerprint, years=years).first()
    if existing is not None:
        return existing
    rows = [*journey_rows(dataset, years), *partnership]
    label = (
        f"Measures for {years[0]} to {years[-1]}" if len(years) > 1 else f"Measures for {years[0]}"
    )
    try:
        with transaction.atomic():
            run = MeasureRun.objects.create(
                fingerprint=fingerprint,
                dataset_fingerprint=dataset_fingerprint,
                years=years,
                label=label,
                made_by=made_by,
                created_by=by,
            )
            MeasureResult.objects.bulk_create(
                MeasureResult(
                    run=run, measure_id=m, la=la, year=year, numerator=n, denominator=d, value=v
                )
                for m, la, year, n, d, v in rows
            )
    except IntegrityError:
        # Someone else stored the same inputs while this one computed: theirs is the run.
        return MeasureRun.objects.get(fingerprint=fingerprint, years=years)
    return run


def with_population(dataset: Dataset, years: list[str]) -> Dataset:
    """The dataset with each council's children aged 0-17 for the years it lacks, from the
    imported ONS estimates (the live records do not hold the population)."""
    have = set(
        zip(
            dataset["population"].column("la").to_pylist(),
            dataset["population"].column("year").to_pylist(),
            strict=True,
        )
    )
    added = []
    for la in sorted({*dataset.councils(), settings.LA_CODE}):
        for year in years:
            children = None if (la, year) in have else comparators.population(la, year)
            if children is not None:
                added.append({"la": la, "year": year, "children": children})
    if not added:
        return dataset
    population = dataset["population"].to_pylist() + added
    return Dataset.build({**dataset.tables, "population": population})


def journey_rows(dataset: Dataset, years: list[str]) -> list[Row]:
    table = engine.compute(dataset, years)
    columns = [
        table.column(name).to_pylist()
        for name in ("measure_id", "la", "year", "numerator", "denominator", "value")
    ]
    return list(zip(*columns, strict=True))


def partnership_rows(years: list[str]) -> list[Row]:
    """Every partnership measure's figures for the years, in a stable order."""
    wanted = set(years)
    rows = []
    for measure in registry.measures():
        if measure.compute is None:
            continue
        rows += [
            (measure.id, la, year, _number(n), _number(d), _number(v))
            for la, year, n, d, v in measure.compute(years)
            if year in wanted
        ]
    return sorted(rows, key=lambda r: r[:3])


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)


def _fingerprint(dataset_fingerprint: str, partnership: Iterable[Row]) -> str:
    digest = hashlib.sha256(dataset_fingerprint.encode())
    digest.update(json.dumps(list(partnership)).encode())
    return digest.hexdigest()[:32]
