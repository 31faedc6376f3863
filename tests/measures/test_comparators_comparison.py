"""comparison(): a council beside England, its region and its neighbours' average, and whether
its difference from England is large (outside the middle 80% of councils), worked by hand on
twenty made-up councils."""

import csv
from pathlib import Path

import pytest

from safeguard.measures.comparators import LARGE_DIFFERENCE, comparison, comparisons
from safeguard.measures.comparators.importer import import_files

pytestmark = pytest.mark.django_db

EES = [
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
    "region_code", "region_name", "old_la_code", "new_la_code", "la_name",
]  # fmt: skip
COUNCILS = [str(code) for code in range(801, 821)]  # 801 to 810 in the West Midlands, the rest not


def area(level: str, code: str = "") -> list[str]:
    if level == "National":
        return ["National", "E92000001", "England", "", "", "", "", ""]
    if level == "Regional":
        return ["Regional", "E92000001", "England", code, "Region " + code, "", "", ""]
    region = "E12000005" if int(code) <= 810 else "E12000009"
    return [
        "Local authority",
        "E92000001",
        "England",
        region,
        "Region " + region,
        code,
        "",
        f"LA {code}",
    ]


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([header, *rows])
    return path


@pytest.fixture
def twenty_councils(tmp_path):
    """Council 801 has 10 plans, 802 has 20, … 820 has 200, each of 10,000 children, so each
    council's rate per 10,000 is its number of plans. England: 2,100 plans of 200,000 children
    (105 per 10,000); the West Midlands (801-810): 550 of 100,000 (55)."""
    plans = [
        ["2017", "Reporting year", *area("National"), "plans", "2100", "c", "c"],
        ["2017", "Reporting year", *area("Regional", "E12000005"), "plans", "550", "c", "c"],
    ] + [
        ["2017", "Reporting year", *area("Local authority", code), "plans", str(10 * i), "c", "c"]
        for i, code in enumerate(COUNCILS, start=1)
    ]
    children = [
        ["2016", "Reporting year", *area("National"), "Children aged 0 to 17 years", "200000"],
        [
            "2016",
            "Reporting year",
            *area("Regional", "E12000005"),
            "Children aged 0 to 17 years",
            "100000",
        ],
    ] + [
        [
            "2016",
            "Reporting year",
            *area("Local authority", code),
            "Children aged 0 to 17 years",
            "10000",
        ]
        for code in COUNCILS
    ]
    sn_2021 = ["LA num", "LA Name", "LA number", "GOInd", "GOReg"]
    for rank in range(1, 11):
        sn_2021 += [f"SN{rank}", "SNP"]
    sn_2025 = ["old_la_code", "la_name", "region_ind", "region_name"]
    for rank in range(1, 11):
        sn_2025 += [f"SN_{rank}", f"SN_{rank}P"]
    import_files(
        [
            write(
                tmp_path / "d5.csv",
                [*EES, "category", "CPP_At31", "2_years_or_more", "2_years_or_more_percent"],
                plans,
            ),
            write(tmp_path / "ons.csv", [*EES, "age_group", "population_estimate"], children),
            write(
                tmp_path / "sn2021.csv",
                [*sn_2021, ""],
                # 801's neighbours in 2021: 802 to 811.
                [
                    ["801", "LA 801", "801", "8", "West Midlands"]
                    + [x for c in range(802, 812) for x in (str(c), "Close")]
                    + [""]
                ],
            ),
            write(
                tmp_path / "sn2025.csv",
                sn_2025,
                # In 2025: 811 to 819, and 899, which has no figure.
                [
                    ["801", "LA 801", "8", "West Midlands"]
                    + [x for c in [*range(811, 820), 899] for x in (str(c), "Close")]
                ],
            ),
        ]
    )


def test_a_council_is_shown_beside_england_its_region_and_its_neighbours(twenty_councils):
    compared = comparison("cpp_rate", "801", "2016-17")
    assert compared.council == 10
    assert compared.england == 105
    assert compared.england_source.startswith(
        "D5: protection plans at 31 March by length (d5.csv, imported "
    )
    assert (compared.region_code, compared.region) == ("E12000005", 55)
    # 802 to 811: 20, 30, … 110 per 10,000; their mean is 65.
    assert compared.neighbours_model == "2021"
    assert compared.neighbours == 65
    assert len(compared.neighbours_counted) == 10


def test_the_2025_model_is_used_when_asked_and_neighbours_without_a_figure_are_left_out(
    twenty_councils,
):
    compared = comparison("cpp_rate", "801", "2016-17", neighbours_model="2025")
    # 811 to 819: 110, 120, … 190; their mean is 150. 899 has no figure.
    assert compared.neighbours == 150
    assert compared.neighbours_counted == tuple(str(c) for c in range(811, 820))
    assert compared.neighbours_listed[-1] == "899"
    assert compared.neighbours_model_name == "the DfE's statistical neighbour model of 2025"


def test_the_middle_80_percent_of_councils_is_the_band(twenty_councils):
    # The twenty rates 10, 20, … 200. The 10th percentile lies 1.9 of the way along the 19 gaps:
    # 20 + 0.9 * 10 = 29; the 90th 17.1 along: 180 + 0.1 * 10 = 181.
    compared = comparison("cpp_rate", "803", "2016-17")
    assert compared.band == pytest.approx((29, 181))
    assert compared.councils == 20


@pytest.mark.parametrize(
    ("la", "large", "direction"),
    [
        ("801", True, "lower"),  # 10, below 29
        ("802", True, "lower"),  # 20, below 29
        ("803", False, "lower"),  # 30, inside the band
        ("818", False, "higher"),  # 180, inside the band
        ("819", True, "higher"),  # 190, above 181
    ],
)
def test_a_difference_is_large_outside_the_band(twenty_councils, la, large, direction):
    compared = comparison("cpp_rate", la, "2016-17")
    assert (compared.large, compared.direction) == (large, direction)


def test_the_councils_own_value_can_be_given(twenty_councils):
    compared = comparison("cpp_rate", "801", "2016-17", value=200)
    assert (compared.council, compared.large, compared.direction) == (200, True, "higher")


def test_a_measure_too_few_councils_publish_is_not_judged(twenty_councils):
    # Every council's plans of 2 years or more are "c".
    compared = comparison("cpp_2yr_pct", "801", "2016-17")
    assert compared.council is None
    assert compared.council_note.startswith("suppressed by the DfE to protect confidentiality")
    assert (compared.large, compared.councils, compared.band) == (None, 0, None)


def test_the_method_is_stated_on_every_comparison(twenty_councils):
    compared = comparison("cpp_rate", "801", "2016-17")
    assert compared.method == LARGE_DIFFERENCE
    assert "10th or above the 90th percentile" in compared.method


def test_an_unknown_neighbour_model_is_refused(db):
    with pytest.raises(ValueError, match="use 2021 or 2025"):
        comparison("cpp_rate", "884", "2016-17", neighbours_model="2016")


def test_without_imported_files_england_comes_from_the_built_in_table(db):
    compared = comparison("cpp_rate", "884", "2016-17")
    assert compared.england == 43.3
    assert compared.england_source == "DfE EES D5"
    assert (compared.council, compared.region, compared.neighbours, compared.large) == (
        None,
        None,
        None,
        None,
    )


def test_imported_figures_win_over_the_built_in_table(twenty_councils):
    assert comparison("cpp_rate", "884", "2016-17").england == 105


def test_many_comparisons_at_once_are_the_same_as_one_at_a_time(twenty_councils):
    together = comparisons(["cpp_rate", "cpp_2yr_pct"], "801", ["2015-16", "2016-17"])
    for (measure_id, year), compared in together.items():
        assert compared == comparison(measure_id, "801", year)
    assert together[("cpp_rate", "2015-16")].council_note == "not in the imported DfE files"
    # The region a council has no figure in is still known from its other figures.
    assert together[("cpp_rate", "2015-16")].region_code == "E12000005"
