"""The journey dataset: the contract between the live records, the statutory returns, the
synthetic generator and the measures.

A dataset is a set of Arrow tables with exactly these schemas, stored as one Parquet file per
table. The CIN tables follow the CIN census (Header, Child, CINdetails, Assessments, CINPlanDates,
Section47, ChildProtectionPlans, Reviews); the local tables hold what the returns lack (contacts
and MASH decisions, strategy discussions). Every table carries `la`, the council's three-digit LA
code, so one dataset can pool many councils; `child_id` is the LA child ID, unique within `la`.
Record ids come from `journey.ids`, built from the records' natural keys, so the same facts get
the same ids wherever they were read from.

Codes are the statutory codes as strings; dates are dates; lists of codes (disabilities,
assessment factors) are Arrow lists of strings.
"""

import pyarrow as pa

STRING = pa.string()
DATE = pa.date32()
BOOL = pa.bool_()
INT = pa.int32()
CODES = pa.list_(pa.string())
TIMESTAMP = pa.timestamp("us", tz="UTC")


def _schema(*fields: tuple[str, pa.DataType, bool]) -> pa.Schema:
    """Fields as (name, type, nullable)."""
    return pa.schema([pa.field(name, kind, nullable=nullable) for name, kind, nullable in fields])


_CHILD = (("la", STRING, False), ("child_id", STRING, False))

CHILDREN = _schema(
    *_CHILD,
    ("upn", STRING, True),
    ("former_upn", STRING, True),
    ("upn_unknown", STRING, True),  # CIN UPNunknown reason code (UN1 … UN10) when no UPN
    ("date_of_birth", DATE, True),
    ("expected_date_of_birth", DATE, True),  # for an unborn child
    ("gender", STRING, False),  # CIN GenderCurrent: 0 not recorded or unborn, 1, 2, 9
    ("ethnicity", STRING, False),
    ("date_of_death", DATE, True),
    ("disabilities", CODES, False),
    ("uasc", BOOL, False),
)

# A CIN census "CINdetails" episode: from the referral to its closure.
REFERRALS = _schema(
    *_CHILD,
    ("referral_id", STRING, False),
    ("referral_date", DATE, False),
    ("source", STRING, True),
    ("primary_need", STRING, True),
    ("nfa", BOOL, False),
    ("closure_date", DATE, True),
    ("closure_reason", STRING, True),
)

ASSESSMENTS = _schema(
    *_CHILD,
    ("referral_id", STRING, False),
    ("assessment_id", STRING, False),
    ("start_date", DATE, False),
    ("authorisation_date", DATE, True),
    ("factors", CODES, False),
)

CIN_PLANS = _schema(
    *_CHILD,
    ("referral_id", STRING, False),
    ("cin_plan_id", STRING, False),
    ("start_date", DATE, False),
    ("end_date", DATE, True),
)

SECTION47 = _schema(
    *_CHILD,
    ("referral_id", STRING, False),
    ("s47_id", STRING, False),
    ("start_date", DATE, False),
    ("icpc_target_date", DATE, True),
    ("icpc_date", DATE, True),
    ("icpc_not_required", BOOL, False),
)

CP_PLANS = _schema(
    *_CHILD,
    ("referral_id", STRING, False),
    ("cp_plan_id", STRING, False),
    ("start_date", DATE, False),
    ("end_date", DATE, True),
    ("initial_category", STRING, False),
    ("latest_category", STRING, False),
    ("previous_plans", INT, True),
)

CP_REVIEWS = _schema(
    *_CHILD,
    ("cp_plan_id", STRING, False),
    ("review_date", DATE, False),
)

CONTACTS = _schema(
    *_CHILD,
    ("contact_id", STRING, False),
    ("received_at", TIMESTAMP, False),
    ("source", STRING, False),
    ("referrer_agency_kind", STRING, True),
    ("rag", STRING, False),
    ("rag_deadline", TIMESTAMP, False),
    ("outcome", STRING, True),  # the MASH decision; null while the contact is open
    ("threshold_level", INT, True),
    ("decided_at", TIMESTAMP, True),
    ("referral_id", STRING, True),  # when the decision made the contact a referral
)

STRATEGY_DISCUSSIONS = _schema(
    *_CHILD,
    ("referral_id", STRING, False),
    ("discussion_id", STRING, False),
    ("held_date", DATE, False),
    ("decision", STRING, False),
)

# Children looked after, as the SSDA903 return sees them (Episodes, Reviews, Missing), plus the
# child's SSDA903 header fields the children table lacks.
CLA_EPISODES = _schema(
    *_CHILD,
    ("start_date", DATE, False),  # DECOM
    ("reason_new_episode", STRING, False),  # RNE
    ("legal_status", STRING, False),  # LS
    ("category_of_need", STRING, False),  # CIN (N1 … N8)
    ("placement", STRING, False),  # PLACE
    ("placement_provider", STRING, True),  # PLACE_PROVIDER
    ("end_date", DATE, True),  # DEC
    ("reason_ceased", STRING, True),  # REC
    ("reason_place_change", STRING, True),
    ("home_postcode", STRING, True),
    ("placement_postcode", STRING, True),
    ("urn", STRING, True),
)

CLA_REVIEWS = _schema(
    *_CHILD,
    ("review_date", DATE, False),
    ("participation", STRING, True),  # REVIEW_CODE (PN0 … PN7)
)

MISSING_EPISODES = _schema(
    *_CHILD,
    ("kind", STRING, False),  # M missing, A away from placement without authorisation
    ("start_date", DATE, False),
    ("end_date", DATE, True),
    ("interview_offered", BOOL, True),  # local: the return home interview
    ("interview_date", DATE, True),
)

EARLY_HELP = _schema(
    *_CHILD,
    ("episode_id", STRING, False),
    ("start_date", DATE, False),
    ("end_date", DATE, True),
    ("lead_agency_kind", STRING, True),
    ("outcome", STRING, True),
)

EXPLOITATION_SCREENINGS = _schema(
    *_CHILD,
    ("screened_on", DATE, False),
    ("band", STRING, False),  # the practitioner's grade: none, low, medium, high
    ("referred_to_panel", BOOL, False),
)

HOME_EDUCATION = _schema(
    *_CHILD,
    ("start_date", DATE, False),
    ("reason", STRING, True),
    ("end_date", DATE, True),
    ("end_reason", STRING, True),
)

# The denominator of every rate: the ONS mid-year estimate of children aged 0 to 17 the council
# uses for a reporting year ("2016-17"). A dataset carries its own, so its rates need nothing else.
POPULATION = _schema(
    ("la", STRING, False),
    ("year", STRING, False),
    ("children", INT, False),
)

TABLES: dict[str, pa.Schema] = {
    "children": CHILDREN,
    "referrals": REFERRALS,
    "assessments": ASSESSMENTS,
    "cin_plans": CIN_PLANS,
    "section47": SECTION47,
    "cp_plans": CP_PLANS,
    "cp_reviews": CP_REVIEWS,
    "contacts": CONTACTS,
    "strategy_discussions": STRATEGY_DISCUSSIONS,
    "cla_episodes": CLA_EPISODES,
    "cla_reviews": CLA_REVIEWS,
    "missing_episodes": MISSING_EPISODES,
    "early_help": EARLY_HELP,
    "exploitation_screenings": EXPLOITATION_SCREENINGS,
    "home_education": HOME_EDUCATION,
    "population": POPULATION,
}

# Each table's key: the columns that identify a row (used to sort and to compare datasets).
KEYS: dict[str, tuple[str, ...]] = {
    "children": ("la", "child_id"),
    "referrals": ("la", "referral_id"),
    "assessments": ("la", "assessment_id"),
    "cin_plans": ("la", "cin_plan_id"),
    "section47": ("la", "s47_id"),
    "cp_plans": ("la", "cp_plan_id"),
    "cp_reviews": ("la", "cp_plan_id", "review_date"),
    "contacts": ("la", "contact_id"),
    "strategy_discussions": ("la", "discussion_id"),
    "cla_episodes": ("la", "child_id", "start_date"),
    "cla_reviews": ("la", "child_id", "review_date"),
    "missing_episodes": ("la", "child_id", "start_date"),
    "early_help": ("la", "episode_id"),
    "exploitation_screenings": ("la", "child_id", "screened_on"),
    "home_education": ("la", "child_id", "start_date"),
    "population": ("la", "year"),
}
