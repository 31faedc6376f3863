"""The engine's results: their shape, the councils and years they cover, and the children behind
a figure."""

from datetime import UTC, date, datetime

import pyarrow as pa
import pytest
from engine_rows import LA, YEAR, assessment, contact, dataset, figures, referral

from safeguard.journey.dataset import Dataset
from safeguard.measures import engine, registry
from safeguard.measures.catalogue import FORMULAS

OTHER = "885"

TWO_COUNCILS = dataset(
    referrals=[
        referral("c1", date(2015, 9, 1), closed=date(2015, 10, 1), reason="RC7"),
        referral("c1", date(2016, 5, 2)),
        referral("c2", date(2016, 6, 1), nfa=True, closed=date(2016, 6, 1), reason="RC7"),
        referral("c3", date(2016, 7, 1), closed=date(2016, 8, 1), reason="RC7"),
        referral("c3", date(2016, 9, 1)),
    ],
    assessments=[
        assessment("c1", date(2016, 5, 3), date(2016, 5, 10)),
        assessment("c3", date(2016, 7, 4), date(2016, 7, 11)),
    ],
    # The other council has children aged 0-17 but nothing recorded.
    population=[
        {"la": LA, "year": "2015-16", "children": 10_000},
        {"la": LA, "year": YEAR, "children": 10_000},
        {"la": OTHER, "year": "2015-16", "children": 5_000},
        {"la": OTHER, "year": YEAR, "children": 5_000},
    ],
)


@pytest.fixture(scope="module")
def results() -> pa.Table:
    return engine.compute(TWO_COUNCILS)


def test_results_have_the_contract_schema(results):
    assert results.schema == engine.RESULTS


def test_every_journey_measure_has_a_row_for_every_council_and_year(results):
    # The years default to those of the population table: 2015-16 and 2016-17; two councils.
    rows = [(r["measure_id"], r["la"], r["year"]) for r in results.to_pylist()]
    expected = [
        (measure_id, la, year)
        for measure_id in FORMULAS
        for la in (LA, OTHER)
        for year in ("2015-16", YEAR)
    ]
    assert rows == expected


def test_a_council_with_nothing_recorded_counts_zero_and_has_no_share(results):
    found = {
        r["measure_id"]: (r["numerator"], r["denominator"], r["value"])
        for r in results.to_pylist()
        if r["la"] == OTHER and r["year"] == YEAR
    }
    assert found["referrals_rate"] == (0, 5_000, 0.0)
    assert found["rereferral_pct"] == (0, 0, None)
    assert found["contacts"] == (0, None, 0)
    assert found["assessment_median_wd"] == (None, 0, None)


def test_a_rate_without_a_population_has_its_count_but_no_value():
    data = dataset(referrals=[referral("c1", date(2016, 5, 2))], population=[])
    assert figures(data, "referrals_rate") == (1, None, None)


def test_without_a_population_table_the_years_run_from_the_second_year_of_contacts():
    # Contacts in 2014-15 (the look-back) and 2016-17; a referral open since 2010 changes nothing.
    data = dataset(
        contacts=[
            contact(
                "k1",
                "c1",
                datetime(2014, 6, 2, 9, tzinfo=UTC),
                agency=None,
                deadline=datetime(2014, 6, 5, 9, tzinfo=UTC),
                outcome=None,
            ),
            contact(
                "k2",
                "c2",
                datetime(2017, 1, 9, 9, tzinfo=UTC),
                agency=None,
                deadline=datetime(2017, 1, 12, 9, tzinfo=UTC),
                outcome=None,
            ),
        ],
        referrals=[referral("c3", date(2010, 5, 4))],
        population=[],
    )
    years = sorted({row["year"] for row in engine.compute(data).to_pylist()})
    assert years == ["2015-16", "2016-17"]


def test_without_a_population_table_or_contacts_the_years_run_from_the_second_of_referrals():
    # Referrals in 2014-15 and 2016-17: the first year is the look-back of the 12-month measures.
    data = dataset(
        referrals=[referral("c1", date(2014, 6, 2)), referral("c2", date(2017, 1, 9))],
        population=[],
    )
    years = sorted({row["year"] for row in engine.compute(data).to_pylist()})
    assert years == ["2015-16", "2016-17"]


def test_an_empty_dataset_has_no_results():
    assert engine.compute(Dataset.build({})).num_rows == 0


def test_the_parquet_folder_gives_the_same_results_as_the_tables_in_memory(tmp_path, results):
    TWO_COUNCILS.write(tmp_path / "dataset")
    assert engine.compute_folder(tmp_path / "dataset").equals(results)


def test_the_children_behind_a_share_are_those_its_numerator_counts():
    # Re-referrals: c1's second (May 2016, 8 months after its first) and c3's second (September
    # 2016, two months after its first); c2 had one referral.
    assert engine.members(TWO_COUNCILS, "rereferral_pct", LA, YEAR) == ["c1", "c3"]
    # Referrals in the year: c1, c2, c3 (twice), each child once.
    assert engine.members(TWO_COUNCILS, "referrals_rate", LA, YEAR) == ["c1", "c2", "c3"]


def test_the_children_behind_a_median_are_those_of_the_records_it_is_the_median_of():
    assert engine.members(TWO_COUNCILS, "assessment_median_wd", LA, YEAR) == ["c1", "c3"]


def test_the_children_behind_a_figure_are_only_the_councils_own():
    assert engine.members(TWO_COUNCILS, "referrals_rate", OTHER, YEAR) == []


def test_reporting_years_are_named_by_their_two_calendar_years():
    assert engine.year_label(2016) == "2016-17"
    assert engine.year_label(1999) == "1999-00"
    assert engine.year_starts("1999-00") == 1999
    with pytest.raises(ValueError, match="not a reporting year"):
        engine.year_starts("2016-18")
    with pytest.raises(ValueError, match="not a reporting year"):
        engine.year_starts("2016")


def test_every_journey_measure_is_in_the_registry_with_its_formula():
    for measure_id, formula in FORMULAS.items():
        assert registry.get(measure_id) is formula.measure
        assert formula.measure.compute is None
        assert formula.measure.title and formula.measure.definition and formula.measure.numerator
        assert formula.measure.disclosure == "counts"
