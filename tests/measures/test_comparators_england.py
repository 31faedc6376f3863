"""The built-in table of England's figures: MEASURES.md's for 2016-17, the DfE files' for the
years before, each with its source."""

import pytest

from safeguard.measures.comparators.england import ENGLAND, FROM_FILES, POPULATION, england
from safeguard.measures.comparators.importer import import_files
from safeguard.measures.comparators.models import ComparatorFigure

FILES = (
    "ons_mid-year_population_estimates_2012_to_2024.csv",
    "b1_children_in_need_2013_to_2025.csv",
    "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
    "s47_to_ICPC_data.csv",
    "d3_cpps_subsequent_plan_2013_to_2025.csv",
    "d5_cpps_at31march_by_duration_2013_to_2025.csv",
)


def test_2016_17_holds_the_reference_figures_of_measures_md():
    # MEASURES.md, "Reference figures, England, year ending 31 March 2017".
    assert england("cpp_rate", "2016-17").value == 43.3
    assert england("cpp_rate", "2016-17").numerator == 51_080
    assert england("rereferral_pct", "2016-17").value == 21.9
    assert england("referral_nfa_pct", "2016-17").value == 10.2
    assert england("assessment_45wd_pct", "2016-17").value == 82.9
    assert england("s47_rate", "2016-17").value == 157.3
    assert england("icpc_15wd_pct", "2016-17").value == 77.3
    assert england("cpp_2yr_pct", "2016-17").value == 2.1
    assert england("cpp_subsequent_pct", "2016-17").value == 18.7
    assert england("cla_rate", "2016-17").value == 62
    assert england("cpp_neglect_pct", "2016-17").value == 48.1


def test_every_figure_has_a_source_and_a_year_from_2012_13_to_2016_17():
    assert {year for _, year in ENGLAND} == set(POPULATION)
    assert all(figure.source for figure in ENGLAND.values())


def test_a_year_before_the_table_has_no_figure():
    assert england("cpp_rate", "2011-12") is None


@pytest.mark.django_db
def test_the_years_taken_from_the_files_agree_with_the_files_imported(shared_data):
    import_files([shared_data / "dfe" / name for name in FILES])
    checked = 0
    for measure_id, (_, years) in FROM_FILES.items():
        for year, (numerator, _, value) in years.items():
            imported = ComparatorFigure.objects.get(
                measure_id=measure_id, year=year, area="E92000001"
            )
            assert (imported.numerator, round(imported.value, 1)) == (numerator, value)
            checked += 1
    # Eleven measures for 2012-13 to 2015-16, and three more figures for 2016-17 (children in
    # need, conferences, assessed as not in need) that MEASURES.md does not give.
    assert checked == 11 * 4 + 3


@pytest.mark.django_db
def test_the_2016_17_percentages_agree_with_the_files(shared_data):
    import_files([shared_data / "dfe" / name for name in FILES])
    for measure_id in (
        "rereferral_pct",
        "referral_nfa_pct",
        "icpc_15wd_pct",
        "cpp_2yr_pct",
        "cpp_subsequent_pct",
    ):
        imported = ComparatorFigure.objects.get(
            measure_id=measure_id, year="2016-17", area="E92000001"
        )
        assert round(imported.value, 1) == england(measure_id, "2016-17").value, measure_id
