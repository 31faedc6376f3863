"""Stored runs: reading a figure and a series back, and which run is the latest."""

import pytest
from django.db import IntegrityError
from measures_runs import make_run

from safeguard.measures.results import council_year, latest_run

pytestmark = pytest.mark.django_db

YEARS = ["2014-15", "2015-16", "2016-17"]


def test_a_run_gives_back_one_figure_and_a_councils_series_oldest_first():
    run = make_run(
        YEARS,
        [
            ("cpp_rate", "2016-17", 115, 36050, 31.9),
            ("cpp_rate", "2014-15", 200, 36000, 55.6),
            ("cpp_rate", "2015-16", 228, 36080, 63.2),
            ("cla_rate", "2016-17", 300, 36050, 83.2),
        ],
    )

    figure = run.figure("cpp_rate", "884", "2016-17")
    assert (figure.numerator, figure.denominator, figure.value) == (115, 36050, 31.9)
    assert [(r.year, r.value) for r in run.series("cpp_rate", "884")] == [
        ("2014-15", 55.6),
        ("2015-16", 63.2),
        ("2016-17", 31.9),
    ]
    assert run.figure("cpp_rate", "884", "2013-14") is None
    assert set(council_year(run, "884", "2016-17")) == {"cpp_rate", "cla_rate"}


def test_the_latest_run_is_the_one_made_last():
    assert latest_run() is None
    make_run(YEARS, [], fingerprint="older")
    newer = make_run(YEARS, [], fingerprint="newer")

    assert latest_run() == newer
    assert newer.latest_year == "2016-17"


def test_one_set_of_inputs_and_years_is_stored_once():
    make_run(YEARS, [], fingerprint="same")
    make_run(["2016-17"], [], fingerprint="same")  # other years: another run

    with pytest.raises(IntegrityError):
        make_run(YEARS, [], fingerprint="same")


def test_a_measure_has_one_result_per_council_and_year_in_a_run():
    with pytest.raises(IntegrityError):
        make_run(YEARS, [("cpp_rate", "2016-17", 1, 2, 3), ("cpp_rate", "2016-17", 1, 2, 3)])
