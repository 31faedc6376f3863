"""Rules on section 47 enquiries and initial child protection conferences (ICPCs).

An enquiry is finished when its conference has been held (a date) or was found not to be needed
(ICPCnotRequired). A conference date may sit on the enquiry or, when the conference had no
enquiry in this episode, on the episode itself (CINdetails).
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, of_episode, on, pick, same_episode, union

_OPEN = "NOT present(DateOfInitialCPC) AND conference_not_required IS NOT true"
SATURDAY, SUNDAY = 6, 7


def _weekend(day: str) -> str:
    return f"isodow({day}) IN ({SATURDAY}, {SUNDAY})"


@rule(
    "1104",
    table="Section47",
    fields=("DateOfInitialCPC",),
    message=(
        "The date of the initial child protection conference cannot be before the referral date"
    ),
)
def conference_after_referral(c: Census) -> str:
    return union(
        flag("s47", "DateOfInitialCPC", of_episode("s47.conference < e.referred", "s47")),
        flag("cin", "DateOfInitialCPC", "conference < referred"),
    )


@rule(
    "2884",
    table="Section47",
    fields=("DateOfInitialCPC",),
    message=(
        "An initial child protection conference is recorded at both the S47 and CIN Details "
        "level and it should only be recorded in one"
    ),
)
def conference_recorded_once(c: Census) -> str:
    return flag(
        "cin",
        "DateOfInitialCPC",
        f"EXISTS (SELECT 1 FROM s47 WHERE {same_episode('s47', 'cin')} "
        "AND s47.conference = cin.conference)",
    )


@rule(
    "2889",
    table="Section47",
    fields=("S47ActualStartDate",),
    message="The S47 start date cannot be before the referral date.",
)
def enquiry_after_referral(c: Census) -> str:
    return flag("s47", "S47ActualStartDate", of_episode("s47.started < e.referred", "s47"))


@rule(
    "8615",
    table="Section47",
    fields=("S47ActualStartDate",),
    message=(
        "Section 47 Enquiry Start Date must be present and cannot be later than the date of the "
        "initial Child Protection Conference"
    ),
)
def enquiry_before_conference(c: Census) -> str:
    return flag(
        "s47",
        "S47ActualStartDate",
        "present(DateOfInitialCPC) AND (NOT present(S47ActualStartDate) OR started > conference)",
    )


@rule(
    "8675Q",
    table="Section47",
    fields=("S47ActualStartDate",),
    message=(
        "Please check and either amend data or provide a reason: S47 Enquiry started more than "
        "15 working days before the end of the census year. However, there is no date of "
        "Initial Child Protection Conference."
    ),
)
def open_enquiry_not_overdue(c: Census) -> str:
    return flag(
        "s47",
        "S47ActualStartDate",
        f"{_OPEN} AND started <= {on(c.enquiry_overdue_if_started_by)}",
    )


@rule(
    "8715",
    table="Section47",
    fields=("DateOfInitialCPC",),
    message="Date of Initial Child Protection Conference must fall within the census year",
)
def conference_in_the_census_year(c: Census) -> str:
    outside = f"conference NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}"
    return union(flag("s47", "DateOfInitialCPC", outside), flag("cin", "DateOfInitialCPC", outside))


@rule(
    "8740",
    table="Section47",
    fields=("S47ActualStartDate",),
    message=(
        "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by "
        "the end of the census year, the start date must fall within the census year"
    ),
)
def open_enquiry_started_in_the_census_year(c: Census) -> str:
    return flag(
        "s47",
        "S47ActualStartDate",
        f"{_OPEN} AND started NOT BETWEEN {on(c.start)} AND {on(c.reference_date)}",
    )


@rule(
    "8839",
    table="Section47",
    fields=("DateOfInitialCPC",),
    message="Within one CINDetails group there are 2 or more open S47 Assessments",
)
def one_open_enquiry(c: Census) -> str:
    return (
        f"SELECT {pick('s47', 'DateOfInitialCPC')} FROM (SELECT *, sum(CASE WHEN {_OPEN} "
        "THEN 1 ELSE 0 END) OVER (PARTITION BY child_id, referral_index) AS open_enquiries "
        f"FROM s47) s47 WHERE {_OPEN} AND open_enquiries > 1"
    )


@rule(
    "8870Q",
    table="Section47",
    fields=("InitialCPCtarget",),
    message=(
        "Please check and either amend or provide a reason: The Target Date for Initial Child "
        "Protection Conference should not be a weekend"
    ),
)
def target_on_a_weekday(c: Census) -> str:
    return flag("s47", "InitialCPCtarget", _weekend("target"))


@rule(
    "8875",
    table="Section47",
    fields=("DateOfInitialCPC",),
    message="The Date of Initial Child Protection Conference cannot be a weekend",
)
def conference_on_a_weekday(c: Census) -> str:
    return union(
        flag("s47", "DateOfInitialCPC", _weekend("conference")),
        flag("cin", "DateOfInitialCPC", _weekend("conference")),
    )


@rule(
    "8890",
    table="CINdetails",
    fields=("S47ActualStartDate",),
    message=(
        "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing"
    ),
)
def one_enquiry_at_a_time(c: Census) -> str:
    return flag(
        "s47",
        "S47ActualStartDate",
        f"EXISTS (SELECT 1 FROM s47 b WHERE {same_episode('b', 's47')} "
        "AND b.row_id <> s47.row_id AND s47.started >= b.started AND (s47.started < b.conference "
        "OR (NOT present(b.DateOfInitialCPC) AND b.conference_not_required IS NOT true)))",
    )
