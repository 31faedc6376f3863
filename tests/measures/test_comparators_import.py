"""The DfE's published files imported into the comparator store, checked against the figures
printed in MEASURES.md (England and Herefordshire, 2016-17) and read from the files by hand."""

import pytest

from safeguard.measures.comparators import comparison, population
from safeguard.measures.comparators.importer import Outcome, import_files
from safeguard.measures.comparators.models import ComparatorFigure, ComparatorFile, Level, Symbol

pytestmark = pytest.mark.django_db

ENGLAND = "E92000001"
HEREFORDSHIRE = "884"


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, shared_data):
    """Every file in shared/data/dfe, imported once for the module and removed after it."""
    with django_db_blocker.unblock():
        reads = import_files([shared_data / "dfe"])
    yield {found.path.name: found for found in reads}
    with django_db_blocker.unblock():
        ComparatorFile.objects.all().delete()


def figure(measure_id: str, area: str, year: str = "2016-17") -> ComparatorFigure:
    return ComparatorFigure.objects.get(measure_id=measure_id, area=area, year=year)


def test_england_had_51080_plans_at_31_march_2017_at_43_3_per_10000_first_published(imported):
    plans = figure("cpp_rate", ENGLAND)
    assert plans.numerator == 51_080
    # The store's population is the later series rebased on the 2021 census: 51,080 ÷ 11,671,521
    # (mid-2016) * 10,000 = 43.76, where the DfE first printed 43.3 (MEASURES.md says why).
    assert plans.denominator == 11_671_521
    assert plans.value == pytest.approx(43.76, abs=0.01)
    assert plans.value == pytest.approx(43.3, abs=0.5)


def test_england_re_referrals_were_21_9_percent(imported):
    rereferrals = figure("rereferral_pct", ENGLAND)
    # C1 for 2017: 141,680 re-referrals of 646,120 referrals, printed as 21.9.
    assert (rereferrals.numerator, rereferrals.denominator, rereferrals.value) == (
        141_680,
        646_120,
        21.9,
    )


def test_england_conferences_within_15_working_days_match_the_published_77_3(imported):
    # 12,360 within 10 days + 47,050 in 11 to 15, of the 76,900 conferences with a duration.
    timely = figure("icpc_15wd_pct", ENGLAND)
    assert (timely.numerator, timely.denominator) == (59_410, 76_900)
    assert round(timely.value, 1) == 77.3


def test_herefordshire_had_115_plans_at_31_march_2017(imported):
    plans = figure("cpp_rate", HEREFORDSHIRE)
    assert plans.numerator == 115
    # 115 ÷ 34,913 (ONS mid-2016, rebased) * 10,000 = 32.94; first published as 31.9.
    assert plans.value == pytest.approx(32.94, abs=0.01)
    assert figure("cpp_rate", HEREFORDSHIRE, "2015-16").numerator == 228


def test_herefordshire_referrals_and_re_referrals_in_2016_17(imported):
    assert figure("referrals_rate", HEREFORDSHIRE).numerator == 1_367
    rereferrals = figure("rereferral_pct", HEREFORDSHIRE)
    assert (rereferrals.numerator, rereferrals.value) == (207, 15.1)


def test_herefordshire_enquiries_conferences_and_subsequent_plans_in_2016_17(imported):
    assert figure("s47_rate", HEREFORDSHIRE).numerator == 169
    assert figure("icpc_rate", HEREFORDSHIRE).numerator == 175
    subsequent = figure("cpp_subsequent_pct", HEREFORDSHIRE)
    assert (subsequent.numerator, subsequent.denominator, subsequent.value) == (47, 164, 28.7)


def test_looked_after_figures_start_in_2020_21_so_herefordshire_2016_17_is_not_there(imported):
    # MEASURES.md's 300 looked after (84 per 10,000) at 31 March 2017 is from SFR50/2017; the
    # EES file in shared data begins with 2021. Its 2025 row: 344 children, 100 per 10,000.
    assert not ComparatorFigure.objects.filter(
        measure_id="cla_rate", area=HEREFORDSHIRE, year="2016-17"
    ).exists()
    looked_after = figure("cla_rate", HEREFORDSHIRE, "2024-25")
    assert (looked_after.numerator, looked_after.denominator, looked_after.value) == (
        344,
        34_439,
        100,
    )
    assert comparison("cla_rate", HEREFORDSHIRE, "2016-17").council_note == (
        "not in the imported DfE files"
    )


def test_a_suppressed_cell_is_kept_as_not_published_with_its_reason(imported):
    # C1 2017, Herefordshire: no_further_action_count and _percent are both "c".
    no_action = figure("referral_nfa_pct", HEREFORDSHIRE)
    assert no_action.value is None
    assert no_action.symbol == Symbol.CONFIDENTIAL
    assert "no_further_action_percent: c" in no_action.note
    assert no_action.denominator == 1_367


def test_a_council_is_stored_with_both_codes_its_name_and_region(imported):
    plans = figure("cpp_rate", HEREFORDSHIRE)
    assert (plans.level, plans.area_code, plans.area_name) == (
        Level.LOCAL,
        "E06000019",
        "Herefordshire, County of",
    )
    assert (plans.region_code, plans.region_name) == ("E12000005", "West Midlands")


def test_the_population_of_a_reporting_year_is_the_estimate_for_the_june_inside_it(imported):
    # ONS rows "2016": Herefordshire 34,913 and England 11,671,521 children aged 0 to 17.
    assert population(HEREFORDSHIRE, "2016-17") == 34_913
    assert population(ENGLAND, "2016-17") == 11_671_521
    assert population(HEREFORDSHIRE, "1999-00") is None


def test_the_workforce_at_30_september_2017_belongs_to_2017_18(imported):
    # CSWW 2017, Herefordshire: 14 FTE vacancies, a vacancy rate of 14.3%; agency rate 11.4%.
    vacancies = figure("workforce_vacancy_pct", HEREFORDSHIRE, "2017-18")
    assert (vacancies.numerator, vacancies.value) == (14, 14.3)
    assert figure("workforce_agency_pct", HEREFORDSHIRE, "2017-18").value == 11.4


def test_files_that_are_not_tables_it_reads_are_skipped_in_a_folder(imported):
    # The dashboard extracts repeat the EES tables; the C3 factors have no measure.
    for name in ("cin_rates.csv", "cla_rates.csv", "repeat_cpp.csv", "duration_cpp.csv"):
        assert imported[name].outcome == Outcome.SKIPPED
    assert imported["c3_factors_identified_at_end_of_assessment_2018_to_2025.csv"].table is None


def test_the_statistical_neighbour_medians_in_the_s47_file_are_not_read(imported):
    found = imported["s47_to_ICPC_data.csv"]
    assert found.not_read == {"Statistical neighbours (median) rows": 1_935}
