"""The generator and the engine check each other: a council generated at England's 2016-17 rates,
measured by the engine, lands near England's figures for that year.

England's figures are MEASURES.md's ("Reference figures, England, year ending 31 March 2017"),
written out here rather than taken from the generator, so that neither side marks its own work.
The council has 200,000 children aged 0-17 (generated for 2016-17 with its look-back year), which
is about the size that generates in under 20 seconds here.

Tolerances: how far a figure may land from England's is four standard errors of the sampling
noise at 200,000 children, so that a correct generator and engine fail one of these 18 checks by
chance about once in 900 runs (the seed is fixed, so in practice a failure means a change).
A count's noise is Poisson, a share's binomial over its denominator; records of one child are not
independent (re-referrals, repeat plans, years in care), so variances are taken as 1.5 times
those of independent records. The expected sizes come from England's rates per 10,000 x 20 (the
council's 200,000 children in ten-thousands):

- referrals_rate: n = 548.2 x 20 = 10,964 referrals; 4 x 548.2 x sqrt(1.5 / 10,964) = 25.6 per
  10,000.
- rereferral_pct, referral_nfa_pct: n = 10,964 referrals; 400 x sqrt(1.5 x .219 x .781 / 10,964)
  = 1.9 points, and 1.4 points.
- assessment_45wd_pct: n = 492 x 20 = 9,840 assessments (the referrals without NFA): 1.9 points.
- assessment_median_wd: 1 working day, since a median of whole days moves in steps of one (its
  noise, 1.2533 x 15.6 x sqrt(1.5 / 9,840) = 0.24 days, is far less).
- s47_rate: n = 157.3 x 20 = 3,146 enquiries: 13.7 per 10,000.
- icpc_rate, icpc_15wd_pct: n = 65.3 x 20 = 1,306 conferences: 8.9 per 10,000, and 5.7 points.
- cpp_rate: n = 43.3 x 20 = 866 children on plans: 7.2 per 10,000.
- cpp_<category>_pct, cpp_2yr_pct: n = 866: neglect 8.3, emotional 7.9, physical 4.4, sexual 3.4,
  multiple 3.9, two years or more 2.4 points.
- cpp_subsequent_pct: n = 52 x 20 = 1,040 plan starts (4 conferences in 5): 5.9 points.
- cla_rate: n = 62 x 20 = 1,240 children looked after: 8.6 per 10,000.
- cla_missing_pct: n = 87.5 x 20 = 1,750 looked after in the year (102,590 / 72,670 x 62): 3.5
  points.

MEASURES.md has no England figure for cin_rate or assessed_not_in_need_pct, nor for the local
measures: they are not checked here.
"""

import pytest

from safeguard.journey.dataset import Dataset
from safeguard.journey.generate import councils_for, generate
from safeguard.measures import engine

CHILDREN = 200_000
YEAR = "2016-17"

# MEASURES.md, England, year ending 31 March 2017. Conferences: 76,930 over the 11.79 million
# children that 646,120 referrals at 548.2 per 10,000 imply = 65.3 per 10,000.
ENGLAND = {
    "referrals_rate": 548.2,
    "rereferral_pct": 21.9,
    "referral_nfa_pct": 10.2,
    "assessment_45wd_pct": 82.9,
    "assessment_median_wd": 29,
    "s47_rate": 157.3,
    "icpc_rate": 65.3,
    "icpc_15wd_pct": 77.3,
    "cpp_rate": 43.3,
    "cpp_neglect_pct": 48.1,
    "cpp_emotional_pct": 33.8,
    "cpp_physical_pct": 7.7,
    "cpp_sexual_pct": 4.4,
    "cpp_multiple_pct": 5.9,
    "cpp_2yr_pct": 2.1,
    "cpp_subsequent_pct": 18.7,
    "cla_rate": 62,
    "cla_missing_pct": 10,
}

# The records behind each figure, per 10,000 children (England's rates), for the noise.
PER_10K = {
    "referrals_rate": 548.2,
    "rereferral_pct": 548.2,
    "referral_nfa_pct": 548.2,
    "assessment_45wd_pct": 492.0,
    "assessment_median_wd": 492.0,
    "s47_rate": 157.3,
    "icpc_rate": 65.3,
    "icpc_15wd_pct": 65.3,
    "cpp_subsequent_pct": 52.0,
    "cla_rate": 62.0,
    "cla_missing_pct": 87.5,
}  # the plans at 31 March measures: 43.3
STANDARD_ERRORS = 4
DESIGN_EFFECT = 1.5
ASSESSMENT_SD_WD = 15.6  # the spread of assessment lengths, working days

# The tolerances listed above.
TOLERANCE = {
    "referrals_rate": 25.6,
    "rereferral_pct": 1.9,
    "referral_nfa_pct": 1.4,
    "assessment_45wd_pct": 1.9,
    "assessment_median_wd": 1.0,
    "s47_rate": 13.7,
    "icpc_rate": 8.9,
    "icpc_15wd_pct": 5.7,
    "cpp_rate": 7.2,
    "cpp_neglect_pct": 8.3,
    "cpp_emotional_pct": 7.9,
    "cpp_physical_pct": 4.4,
    "cpp_sexual_pct": 3.4,
    "cpp_multiple_pct": 3.9,
    "cpp_2yr_pct": 2.4,
    "cpp_subsequent_pct": 5.9,
    "cla_rate": 8.6,
    "cla_missing_pct": 3.5,
}


def noise_tolerance(measure_id: str) -> float:
    n = PER_10K.get(measure_id, 43.3) * CHILDREN / 10_000
    england = ENGLAND[measure_id]
    if measure_id == "assessment_median_wd":
        noise = 1.2533 * ASSESSMENT_SD_WD * (DESIGN_EFFECT / n) ** 0.5
        return max(1.0, STANDARD_ERRORS * noise)
    if measure_id.endswith("_pct"):
        share = england / 100
        return STANDARD_ERRORS * 100 * (DESIGN_EFFECT * share * (1 - share) / n) ** 0.5
    return STANDARD_ERRORS * england * (DESIGN_EFFECT / n) ** 0.5


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    seed = "england-2017"
    council = councils_for(1, CHILDREN, seed)[0]
    generated = generate([council], 2016, 2016, seed)
    population = [{"la": council.la, "year": YEAR, "children": CHILDREN}]
    data = Dataset.build({**generated.tables, "population": population})
    return {
        row["measure_id"]: row["value"]
        for row in engine.compute(data, [YEAR]).to_pylist()
        if row["measure_id"] in ENGLAND
    }


@pytest.mark.parametrize("measure_id", list(ENGLAND))
def test_a_council_generated_at_englands_rates_measures_near_englands_figures(measured, measure_id):
    found, england = measured[measure_id], ENGLAND[measure_id]
    assert abs(found - england) <= TOLERANCE[measure_id], (found, england)


@pytest.mark.parametrize("measure_id", list(ENGLAND))
def test_the_listed_tolerances_are_the_sampling_noise(measure_id):
    assert TOLERANCE[measure_id] == pytest.approx(noise_tolerance(measure_id), abs=0.05)
