"""What the generator is calibrated to, and the parameters of the model that gets it there.

`TARGETS` are England's figures for the year ending 31 March 2017 as MEASURES.md lists them, each
with its source. The parameters below them are the model's: some are the targets themselves
(shares decided once per record), the others were tuned by running the generator on a large
population (3.6 million children) and comparing its measures with the targets; each says which
target it moves. Rates are per child per year unless they say otherwise.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    measure: str  # the measure id in MEASURES.md
    value: float
    unit: str  # "per 10,000", "%" or "working days"
    source: str


TARGETS: tuple[Target, ...] = (
    Target("referrals_rate", 548.2, "per 10,000", "DfE CIN 2016-17; EES C1 (646,120 referrals)"),
    Target("rereferral_pct", 21.9, "%", "EES C1"),
    Target("referral_nfa_pct", 10.2, "%", "EES C1"),
    Target("assessment_45wd_pct", 82.9, "%", "secondary sources quoting the DfE release"),
    Target("assessment_median_wd", 29, "working days", "secondary sources quoting the release"),
    Target("s47_rate", 157.3, "per 10,000", "DfE release; EES C4 (185,450 enquiries)"),
    Target("icpc_rate", 65.3, "per 10,000", "EES C4 (76,930 conferences over 11.79m children)"),
    Target("icpc_15wd_pct", 77.3, "%", "EES C4"),
    Target("cpp_rate", 43.3, "per 10,000", "EES D5 (51,080 plans at 31 March 2017)"),
    Target("cpp_neglect_pct", 48.1, "%", "EES A6"),
    Target("cpp_emotional_pct", 33.8, "%", "EES A6"),
    Target("cpp_physical_pct", 7.7, "%", "EES A6"),
    Target("cpp_sexual_pct", 4.4, "%", "EES A6"),
    Target("cpp_multiple_pct", 5.9, "%", "EES A6"),
    Target("cpp_2yr_pct", 2.1, "%", "EES D5"),
    Target("cpp_subsequent_pct", 18.7, "%", "EES D3"),
    Target("cla_rate", 62, "per 10,000", "DfE SFR50/2017 (72,670 at 31 March 2017)"),
    Target("cla_missing_pct", 10, "%", "SFR50/2017 (10,700 of 102,590 looked after in the year)"),
)

TARGET = {target.measure: target.value for target in TARGETS}

# The council of the defaults: Herefordshire-sized (MEASURES.md: 884, about 36,050 aged 0-17).
DEFAULT_LA = "884"
DEFAULT_POPULATION = 36_050
YEAR_DAYS = 365.25

# Referrals ---------------------------------------------------------------------------------------

# Share of children referred at least once before 18, and the age at the first referral, as
# (from, to, weight) in years. Moves referrals_rate. Unborn children are not modelled.
EVER_REFERRED = 0.467
FIRST_REFERRAL_AGE = ((0, 1, 0.17), (1, 5, 0.22), (5, 10, 0.25), (10, 16, 0.28), (16, 17.4, 0.08))
# No referral in the last 200 days before 18: there would be no time to assess.
LAST_REFERRAL_BEFORE_18_DAYS = 200

# After an episode closes the child is referred again soon (within months), later (years), or
# never. (share, mean days from closure). Moves rereferral_pct and referrals_rate; a child who
# has been on a plan comes back more often, which moves cpp_subsequent_pct.
REREFERRAL_SOON = (0.18, 120.0)
REREFERRAL_LATER = (0.42, 1100.0)
REREFERRAL_SOON_AFTER_PLAN = (0.25, 150.0)
REREFERRAL_LATER_AFTER_PLAN = (0.5, 800.0)
# Referrals falling on a weekend move to the Monday this often (most contacts come on weekdays).
WEEKEND_REFERRAL_MOVED = 0.8

REFERRAL_NFA = TARGET["referral_nfa_pct"] / 100

# Assessments: working days from start to authorisation are lognormal with the target median;
# the spread puts 82.9% at 45 or fewer once rounded (ln(45.5/29) / z(0.829) = 0.474).
ASSESSMENT_MEDIAN_WD = TARGET["assessment_median_wd"]
ASSESSMENT_SIGMA = 0.474
ASSESSMENT_MAX_WD = 90
# Working days from the referral to the assessment's start: (days, weight).
ASSESSMENT_DELAY_WD = ((0, 0.55), (1, 0.2), (2, 0.1), (3, 0.07), (5, 0.05), (8, 0.03))

# Strategy discussions and section 47 enquiries ---------------------------------------------------

# Share of referrals (beyond NFA) with a strategy discussion, and of discussions deciding on no
# enquiry. Moves s47_rate: 157.3 / 548.2 / (1 - 0.102) = 0.320 of assessed referrals start one.
DISCUSSION = 0.335
NO_S47 = 0.1
# A child who has been on a plan before is more likely to be the subject of an enquiry again.
PRIOR_PLAN_DISCUSSION_FACTOR = 1.5
JOINT_S47 = 0.45
# Working days from the referral to the discussion, and from the discussion to the enquiry.
DISCUSSION_DELAY_WD = ((0, 0.35), (1, 0.25), (2, 0.12), (3, 0.1), (5, 0.1), (8, 0.08))
S47_START_DELAY_WD = ((0, 0.88), (1, 0.12))
# An enquiry without a conference ends this many working days after it starts (uniform).
S47_NO_CONFERENCE_WD = (5, 20)

# Enquiries leading to an initial conference: 76,930 / 185,450. Moves icpc_rate.
ICPC = 0.4
PRIOR_PLAN_ICPC = 0.45
# Working days from the enquiry's start to the conference: within 15 this share of the time.
ICPC_WITHIN_15 = TARGET["icpc_15wd_pct"] / 100
ICPC_ON_TIME_WD = ((6, 1), (8, 2), (10, 3), (12, 4), (14, 5), (15, 5))
ICPC_LATE_WD = ((16, 5), (18, 4), (21, 3), (25, 2), (30, 1), (40, 1))

# Protection plans --------------------------------------------------------------------------------

# Conferences deciding on a plan. Together with the plan's length this moves cpp_rate.
PLAN = 0.8
# Initial category: the shares of plans at 31 March (lengths do not depend on the category, so
# starts have the same shares as the plans open at a date).
CATEGORY = (
    ("NEG", TARGET["cpp_neglect_pct"]),
    ("EMO", TARGET["cpp_emotional_pct"]),
    ("PHY", TARGET["cpp_physical_pct"]),
    ("SAB", TARGET["cpp_sexual_pct"]),
    ("MUL", TARGET["cpp_multiple_pct"]),
)
CATEGORY_CHANGE_AT_REVIEW = 0.04
# Share of plans ending at the first, second, ... review (the last value repeats). With the first
# review at 3 months and then every 6, this moves cpp_rate (mean length) and cpp_2yr_pct.
PLAN_ENDS_AT_REVIEW = (0.18, 0.52, 0.62, 0.63, 0.65)
# Reviews held late (after the 3- or 6-month deadline) this often; otherwise up to 14 days early.
REVIEW_LATE = 0.06
# A plan ends with the child becoming looked after, or moving away, this often.
PLAN_TO_CARE = 0.1
PLAN_MOVED_AWAY = 0.03
# After a plan ends at a review, a child in need plan follows this often (step-down), lasting a
# lognormal number of days (median, sigma).
STEP_DOWN_CIN_PLAN = 0.55
CIN_PLAN_DAYS = (160.0, 0.6)

# After an assessment (no plan) --------------------------------------------------------------------

# Without an enquiry: looked after / child in need plan / closed after assessment (RC8) / closed
# after a short service (RC7). With an enquiry but no plan: looked after / CIN plan / RC7.
AFTER_ASSESSMENT = (("care", 0.029), ("cin_plan", 0.27), ("RC8", 0.48), ("RC7", 0.213))
AFTER_ENQUIRY = (("care", 0.06), ("cin_plan", 0.45), ("RC7", 0.49))
# Closed after assessment with "21 No factors identified" this often.
NO_FACTORS = 0.3
# Days from the last activity to the closure: (from, to) uniform.
CLOSURE_DELAY_DAYS = (0, 20)
TRANSFERRED_AWAY = 0.04  # closures RC5: the family moved to another council
AT_18_TO_ADULTS = 0.3  # closures at 18: RC6 rather than RC7

# Looked after ------------------------------------------------------------------------------------

# By age at entry (years from, to): how periods of care end, with (weight, median days, sigma)
# for the lognormal length; "adult" stays until 18. Scaled by CARE_LENGTH_SCALE, which moves
# cla_rate.
CARE_LENGTH_SCALE = 1.0
CARE_OUTCOMES: tuple[tuple[float, float, tuple[tuple[str, float, float, float], ...]], ...] = (
    (0, 1, (("home", 0.3, 180, 0.9), ("adopted", 0.4, 700, 0.3), ("sgo", 0.22, 500, 0.4),
            ("cao", 0.03, 400, 0.5), ("adult", 0.05, 0, 0))),
    (1, 5, (("home", 0.4, 200, 1.0), ("adopted", 0.2, 750, 0.3), ("sgo", 0.17, 550, 0.4),
            ("cao", 0.05, 400, 0.5), ("adult", 0.15, 0, 0), ("other", 0.03, 300, 1.0))),
    (5, 10, (("home", 0.5, 200, 1.1), ("sgo", 0.12, 600, 0.5), ("cao", 0.06, 400, 0.5),
             ("adult", 0.28, 0, 0), ("other", 0.04, 300, 1.0))),
    (10, 16, (("home", 0.52, 150, 1.2), ("sgo", 0.04, 600, 0.5), ("adult", 0.36, 0, 0),
              ("other", 0.08, 250, 1.0))),
    (16, 18, (("home", 0.45, 90, 1.0), ("adult", 0.5, 0, 0), ("other", 0.05, 120, 1.0))),
)  # fmt: skip
# Entries: from an assessment early in the episode (an emergency) this share of the time.
CARE_EMERGENCY = 0.3
# Placement moves per year in care, by age at entry (from, to, rate).
PLACEMENT_MOVES = ((0, 5, 0.45), (5, 10, 0.4), (10, 16, 0.75), (16, 18, 0.6))
# Unaccompanied asylum-seeking children arriving (per 10,000 children a year), aged 14.5-17.4.
UASC_RATE = 2.0

# Missing from care: a child aged 10 or over at entry goes missing repeatedly with this chance,
# (from, to, chance), at this many episodes a year. Moves cla_missing_pct.
RUNNER = ((10, 13, 0.31), (13, 16, 0.38), (16, 18, 0.27))
RUNNER_EPISODES_PER_YEAR = 5.0
MISSING_KIND_AWAY = 0.2  # "A" away from placement without authorisation, rather than "M"
RETURN_INTERVIEW_OFFERED = 0.9

# Contacts ----------------------------------------------------------------------------------------

# Contacts that are not referrals, per child a year, for children referred at some time and for
# the others. Moves contacts to about 2.5 times referrals.
CONTACTS_KNOWN = 0.17
CONTACTS_UNKNOWN = 0.076
# Contacts decided within their RAG time this often (referrals / other contacts).
DECIDED_IN_TIME = (0.92, 0.8)

# Around the pathway: the local tables ------------------------------------------------------------
#
# No national return counts these; the rates are plausible, from the sources named, and
# tests/journey/test_generate_around.py holds the generator to them.

# Early help episodes starting in a year, per 10,000 children: about two for every three referrals
# (Action for Children, "Too little, too late", 2022: two children in early help for every three
# in children's social care, 2015-16 to 2019-20). They start after a MASH decision of early help
# (this share of them), as a step down when an episode closes after an assessment or a short
# service (RC8, RC7), or at a request from an agency or the family (per child a year).
EARLY_HELP_RATE = 365
EARLY_HELP_AFTER_MASH = 0.6
EARLY_HELP_STEP_DOWN = 0.2
EARLY_HELP_REQUESTS = 0.007
# Length in days: lognormal (median, sigma); an episode a referral interrupts ends stepped up.
EARLY_HELP_DAYS = (180.0, 0.5)

# Children educated at home on a day, per 10,000 children of compulsory school age (5 to 15):
# ADCS elective home education surveys, about 37,500 children in England on census day in
# October 2016, of about 7.2 million aged 5 to 15. About 1.36 times as many are home educated at
# some time in a year as on one day (ADCS 2018: 78,466 in 2017-18, 57,873 on census day), so an
# entry lasts about 2.8 years on average. A child is home educated once at most, starting at an
# age from 5 to 16 with this chance, until the end of compulsory school age at the latest.
HOME_EDUCATED_PER_10000 = 52
HOME_EDUCATED_EVER = 0.026
HOME_EDUCATION_MEAN_DAYS = 2.8 * YEAR_DAYS

# Exploitation screenings, for children aged 10 or over: after an assessment that found child
# sexual exploitation, gangs or going missing (factors 11A, 13A, 10A) this often; and when a
# child looked after goes missing, at the first episode of a period of care and again at the
# first episode 3 months or more after the last screening (the partnership's default review).
SCREENED_FROM = 10
SCREEN_AFTER_FACTORS = 0.8
SCREEN_AGAIN_DAYS = 91
