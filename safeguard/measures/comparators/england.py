"""England's figures for 2012-13 to 2016-17, built in so a comparison works before any file is
imported (the demo). Imported figures win over these.

2016-17 is as first published, from the reference figures in MEASURES.md; the other years (and the
2016-17 figures MEASURES.md does not give) are read from the DfE's files in shared/data/dfe, with
rates per 10,000 made from the ONS estimate for the June inside the year (mid-2012 for 2012-13) in
ons_mid-year_population_estimates_2012_to_2024.csv, a series rebased on the 2021 census, so they
can differ slightly from the rates first published. Looked-after figures before 2020-21 are in none
of the files, so only 2016-17 (SFR50/2017) is given for them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class EnglandFigure:
    measure_id: str
    year: str
    numerator: float | None
    denominator: float | None
    value: float
    source: str


POPULATION = {
    "2012-13": 11_403_970,
    "2013-14": 11_473_080,
    "2014-15": 11_535_489,
    "2015-16": 11_593_891,
    "2016-17": 11_671_521,
}
_ONS = (
    "÷ ONS mid-year estimate of children 0-17 (ons_mid-year_population_estimates_2012_to_2024.csv)"
)
B1 = f"DfE EES B1, children in need at 31 March (b1_children_in_need_2013_to_2025.csv) {_ONS}"
C1 = "DfE EES C1, referrals (c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv)"
C1_RATE = f"{C1} {_ONS}"
C4 = "DfE EES section 47 enquiries and initial conferences (s47_to_ICPC_data.csv)"
C4_RATE = f"{C4} {_ONS}"
C4_15 = f"{C4}: conferences within 15 working days of the enquiry's start ÷ those with a duration"
D3 = "DfE EES D3, second or subsequent plans (d3_cpps_subsequent_plan_2013_to_2025.csv)"
D5 = "DfE EES D5, plans at 31 March (d5_cpps_at31march_by_duration_2013_to_2025.csv)"
D5_RATE = f"{D5} {_ONS}"
FIRST = "as first published: DfE Characteristics of children in need 2016-17 (MEASURES.md)"
CLA_2017 = "DfE SFR50/2017, Children looked after in England, year ending 31 March 2017"

# measure id → year → (numerator, denominator or None for a rate per 10,000 of POPULATION, value)
FROM_FILES: dict[str, tuple[str, dict[str, tuple[float, float | None, float]]]] = {
    "cin_rate": (
        B1,
        {
            "2012-13": (378_030, None, 331.5),
            "2013-14": (395_480, None, 344.7),
            "2014-15": (390_130, None, 338.2),
            "2015-16": (393_910, None, 339.8),
            "2016-17": (389_040, None, 333.3),
        },
    ),
    "referrals_rate": (
        C1_RATE,
        {
            "2012-13": (593_470, None, 520.4),
            "2013-14": (657_780, None, 573.3),
            "2014-15": (635_620, None, 551.0),
            "2015-16": (621_470, None, 536.0),
        },
    ),
    "rereferral_pct": (
        C1,
        {
            "2012-13": (146_770, 593_470, 24.7),
            "2013-14": (154_800, 657_780, 23.5),
            "2014-15": (154_070, 635_620, 24.2),
            "2015-16": (139_900, 621_470, 22.5),
        },
    ),
    "referral_nfa_pct": (
        C1,
        {
            "2012-13": (85_830, 593_470, 14.5),
            "2013-14": (92_450, 657_780, 14.1),
            "2014-15": (87_530, 635_620, 13.8),
            "2015-16": (61_800, 621_470, 9.9),
        },
    ),
    "assessed_not_in_need_pct": (
        C1,
        {
            "2012-13": (112_590, 593_470, 19.0),
            "2013-14": (128_910, 657_780, 19.6),
            "2014-15": (146_300, 635_620, 23.0),
            "2015-16": (158_060, 621_470, 25.4),
            "2016-17": (179_930, 646_120, 27.8),
        },
    ),
    "s47_rate": (
        C4_RATE,
        {
            "2012-13": (127_190, None, 111.5),
            "2013-14": (142_710, None, 124.4),
            "2014-15": (160_490, None, 139.1),
            "2015-16": (172_510, None, 148.8),
        },
    ),
    "icpc_rate": (
        C4_RATE,
        {
            "2012-13": (60_080, None, 52.7),
            "2013-14": (65_190, None, 56.8),
            "2014-15": (71_410, None, 61.9),
            "2015-16": (73_050, None, 63.0),
            "2016-17": (76_930, None, 65.9),
        },
    ),
    "icpc_15wd_pct": (
        C4_15,
        {
            "2012-13": (41_890, 59_470, 70.4),
            "2013-14": (45_190, 65_070, 69.4),
            "2014-15": (53_390, 71_360, 74.8),
            "2015-16": (56_000, 72_970, 76.7),
        },
    ),
    "cpp_rate": (
        D5_RATE,
        {
            "2012-13": (43_140, None, 37.8),
            "2013-14": (48_300, None, 42.1),
            "2014-15": (49_690, None, 43.1),
            "2015-16": (50_310, None, 43.4),
        },
    ),
    "cpp_2yr_pct": (
        D5,
        {
            "2012-13": (1_400, 43_140, 3.2),
            "2013-14": (1_230, 48_300, 2.6),
            "2014-15": (1_120, 49_690, 2.3),
            "2015-16": (1_030, 50_310, 2.1),
        },
    ),
    "cpp_subsequent_pct": (
        D3,
        {
            "2012-13": (7_870, 52_680, 14.9),
            "2013-14": (9_450, 59_780, 15.8),
            "2014-15": (10_310, 62_210, 16.6),
            "2015-16": (11_350, 63_310, 17.9),
        },
    ),
}

# The 2016-17 reference figures of MEASURES.md, each with the source it gives.
_FIRST_PUBLISHED = (
    EnglandFigure("referrals_rate", "2016-17", 646_120, None, 548.2, f"{FIRST}; EES C1"),
    EnglandFigure("rereferral_pct", "2016-17", 141_680, 646_120, 21.9, "DfE EES C1"),
    EnglandFigure("referral_nfa_pct", "2016-17", 66_040, 646_120, 10.2, "DfE EES C1"),
    EnglandFigure(
        "assessment_45wd_pct", "2016-17", None, None, 82.9,
        "secondary sources quoting the DfE's 2016-17 release (MEASURES.md)",
    ),
    EnglandFigure(
        "assessment_median_wd", "2016-17", None, None, 29,
        "secondary sources quoting the DfE's 2016-17 release (MEASURES.md)",
    ),
    EnglandFigure("s47_rate", "2016-17", 185_450, None, 157.3, f"{FIRST}; EES C4"),
    EnglandFigure("icpc_15wd_pct", "2016-17", 59_410, 76_900, 77.3, "DfE EES C4"),
    EnglandFigure("cpp_rate", "2016-17", 51_080, None, 43.3, "DfE EES D5"),
    EnglandFigure("cpp_neglect_pct", "2016-17", None, None, 48.1, "DfE EES A6"),
    EnglandFigure("cpp_emotional_pct", "2016-17", None, None, 33.8, "DfE EES A6"),
    EnglandFigure("cpp_physical_pct", "2016-17", None, None, 7.7, "DfE EES A6"),
    EnglandFigure("cpp_sexual_pct", "2016-17", None, None, 4.4, "DfE EES A6"),
    EnglandFigure("cpp_multiple_pct", "2016-17", None, None, 5.9, "DfE EES A6"),
    EnglandFigure("cpp_2yr_pct", "2016-17", 1_080, 51_080, 2.1, "DfE EES D5"),
    EnglandFigure("cpp_subsequent_pct", "2016-17", 12_420, 66_410, 18.7, "DfE EES D3"),
    EnglandFigure("cla_rate", "2016-17", 72_670, None, 62, CLA_2017),
    EnglandFigure("cla_missing_pct", "2016-17", 10_700, 102_590, 10, CLA_2017),
)  # fmt: skip


def _figures() -> dict[tuple[str, str], EnglandFigure]:
    figures = {}
    for measure_id, (source, years) in FROM_FILES.items():
        for year, (numerator, denominator, value) in years.items():
            figures[(measure_id, year)] = EnglandFigure(
                measure_id,
                year,
                numerator,
                POPULATION[year] if denominator is None else denominator,
                value,
                source,
            )
    # MEASURES.md's reference figures are the facts of record for 2016-17.
    figures.update({(f.measure_id, f.year): f for f in _FIRST_PUBLISHED})
    return figures


ENGLAND: dict[tuple[str, str], EnglandFigure] = _figures()


def england(measure_id: str, year: str) -> EnglandFigure | None:
    return ENGLAND.get((measure_id, year))
