"""Importing the same file twice changes nothing; a newer copy of a table replaces that table's
figures and no other's."""

import csv
from pathlib import Path

import pytest

from safeguard.measures.comparators.importer import Outcome, import_files
from safeguard.measures.comparators.models import (
    ComparatorFigure,
    ComparatorFile,
    PopulationEstimate,
    Symbol,
)

pytestmark = pytest.mark.django_db

EES = [
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
    "region_code", "region_name", "old_la_code", "new_la_code", "la_name",
]  # fmt: skip
HEREFORDSHIRE = [
    "Local authority", "E92000001", "England", "E12000005", "West Midlands", "884", "E06000019",
    "Herefordshire, County of",
]  # fmt: skip


def write(path: Path, extra: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(
            [[*EES, *extra], *([year, "Reporting year", *HEREFORDSHIRE, *r] for year, *r in rows)]
        )
    return path


def plans_file(path: Path, plans: str) -> Path:
    return write(
        path,
        ["category", "CPP_At31", "2_years_or_more", "2_years_or_more_percent"],
        [["2017", "Plans by length", plans, "c", "c"]],
    )


def population_file(path: Path, children: str) -> Path:
    return write(
        path,
        ["age_group", "population_estimate"],
        [["2016", "Children aged 0 to 17 years", children]],
    )


def snapshot() -> list[tuple]:
    return list(
        ComparatorFigure.objects.order_by("pk").values_list(
            "pk", "measure_id", "area", "year", "numerator", "denominator", "value", "symbol"
        )
    )


def test_importing_the_same_files_twice_changes_nothing(tmp_path):
    files = [plans_file(tmp_path / "d5.csv", "115"), population_file(tmp_path / "ons.csv", "34913")]
    import_files(files)
    before, sources = snapshot(), list(ComparatorFile.objects.values_list("pk", "imported_at"))
    again = import_files(files)
    assert [found.outcome for found in again] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    assert snapshot() == before
    assert list(ComparatorFile.objects.values_list("pk", "imported_at")) == sources


def test_importing_the_real_d3_file_twice_changes_nothing(shared_data):
    d3 = shared_data / "dfe" / "d3_cpps_subsequent_plan_2013_to_2025.csv"
    import_files([d3])
    before = snapshot()
    import_files([d3])
    assert snapshot() == before


def test_a_newer_copy_replaces_that_tables_figures_only(tmp_path):
    import_files(
        [plans_file(tmp_path / "d5.csv", "115"), population_file(tmp_path / "ons.csv", "34913")]
    )
    (found,) = import_files([plans_file(tmp_path / "d5 revised.csv", "120")])
    assert found.outcome == Outcome.REPLACED
    plans = ComparatorFigure.objects.get(measure_id="cpp_rate")
    # 120 ÷ 34,913 * 10,000 = 34.37.
    assert plans.numerator == 120
    assert plans.value == pytest.approx(34.37, abs=0.01)
    assert ComparatorFile.objects.get(table="D5").name == "d5 revised.csv"
    assert PopulationEstimate.objects.get().children == 34_913


def test_rates_wait_for_the_population_and_are_made_when_it_comes(tmp_path):
    import_files([plans_file(tmp_path / "d5.csv", "115")])
    waiting = ComparatorFigure.objects.get(measure_id="cpp_rate")
    assert (waiting.value, waiting.symbol) == (None, Symbol.NO_POPULATION)
    import_files([population_file(tmp_path / "ons.csv", "34913")])
    made = ComparatorFigure.objects.get(measure_id="cpp_rate")
    # 115 ÷ 34,913 * 10,000 = 32.94.
    assert (made.denominator, made.symbol) == (34_913, Symbol.PUBLISHED)
    assert made.value == pytest.approx(32.94, abs=0.01)


def test_a_revised_population_remakes_the_rates(tmp_path):
    import_files(
        [plans_file(tmp_path / "d5.csv", "115"), population_file(tmp_path / "ons.csv", "34913")]
    )
    import_files([population_file(tmp_path / "ons revised.csv", "36050")])
    # 115 ÷ 36,050 * 10,000 = 31.90, the rate the DfE first published.
    assert ComparatorFigure.objects.get(measure_id="cpp_rate").value == pytest.approx(
        31.90, abs=0.01
    )


def test_a_file_given_twice_is_read_once(tmp_path):
    d5 = plans_file(tmp_path / "d5.csv", "115")
    (found,) = import_files([tmp_path, d5])
    assert found.outcome == Outcome.IMPORTED
