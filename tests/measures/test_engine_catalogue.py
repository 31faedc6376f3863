"""The catalogue of journey measures against MEASURES.md: every national measure is declared, with
the DfE table it matches, and every declaration fits its unit."""

import re

import pytest

from safeguard.measures.catalogue import FORMULAS, POPULATION, Column
from safeguard.measures.registry import PRIORITIES, Period, Unit

CATEGORIES = ("neglect", "emotional", "physical", "sexual", "multiple")


@pytest.fixture(scope="module")
def national_table(shared_data) -> dict[str, str]:
    """MEASURES.md's national table: measure id -> DfE table."""
    text = (shared_data.parent / "design" / "MEASURES.md").read_text()
    section = text.split("## The national measures")[1].split("## Local measures")[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        found = re.fullmatch(r"([a-z0-9_]+)( \(and other categories\))?", cells[0])
        if len(cells) == 4 and found and cells[0] != "id":
            if found[2]:
                rows |= {f"cpp_{name}_pct": cells[3] for name in CATEGORIES}
            else:
                rows[found[1]] = cells[3]
    return rows


def test_every_national_measure_is_declared_with_its_dfe_table(national_table):
    assert len(national_table) == 20
    for measure_id, table in national_table.items():
        assert FORMULAS[measure_id].measure.dfe_table == table, measure_id


def test_rates_per_10000_are_over_the_population_and_the_rest_over_counted_rows():
    for formula in FORMULAS.values():
        unit = formula.measure.unit
        if unit == Unit.PER_10K:
            assert formula.denominator == POPULATION
        elif unit == Unit.COUNT:
            assert formula.denominator is None and formula.measure.denominator == ""
        else:
            assert isinstance(formula.denominator, Column), formula.measure.id


def test_snapshot_measures_are_the_ones_at_31_march():
    snapshots = {f.measure.id for f in FORMULAS.values() if f.measure.period == Period.SNAPSHOT}
    assert snapshots == {
        "cpp_rate",
        *(f"cpp_{name}_pct" for name in CATEGORIES),
        "cpp_2yr_pct",
        "cin_rate",
        "cla_rate",
        "home_education_register",
        "home_education_known_pct",
        "home_education_cpp_pct",
    }


def test_every_priority_with_journey_measures_has_a_headline():
    priorities = {f.measure.priority for f in FORMULAS.values()}
    assert priorities <= set(PRIORITIES)
    headlined = {f.measure.priority for f in FORMULAS.values() if f.measure.headline}
    assert headlined == priorities


def test_measure_ids_are_unique_column_names():
    # The ids name files and columns downstream: lower case, digits and underscores.
    for measure_id in FORMULAS:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", measure_id), measure_id
