"""Rules on the child's unique pupil number (UPN), former UPN and reason for having no UPN.

A UPN is 13 characters: a check letter, the 3-digit code of the LA that issued it, 8 digits of
which the last 3 may be the school's, and a digit (or a letter, for a temporary UPN). The check
letter is worked out from characters 2 to 13: each is multiplied by its position (a letter in
place 13 counting as its place in the check alphabet, A = 0), and the sum's remainder on
division by 23 is the check letter's place in that alphabet.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from datetime import date
from itertools import chain

from safeguard.people.codes import UpnUnknown
from safeguard.returns.validation.census import Census, rulesets_from
from safeguard.returns.validation.codes import sql_list
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, on, pick

# The 23 letters a check letter may be: A to Z without I, O and S.
CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
_CHECK_LETTER = f"[{CHECK_ALPHABET}]"
_LAST = f"[0-9{CHECK_ALPHABET}]"
# Post-April-1998 LA codes and the DfE's "pseudo LA" codes that a UPN may be issued under.
_LA_CODE_RANGES = (
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841), (845, 846),
    (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919),
    (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 941),
)  # fmt: skip
# Cumberland (942) and Westmorland and Furness (943) began in April 2023.
_LA_CODES_FROM_2023 = ((942, 943),)
SCHOOL_AGE_REASONS_FROM = "2024-25"
NO_UPN_OLDER_THAN = 6
SCHOOL_AGE = 5
# Reason UN1 is for a child not yet of school age.
NOT_OF_SCHOOL_AGE = UpnUnknown.UN1.value
_REASONS_OVER_5 = tuple(code for code in UpnUnknown.values if code != NOT_OF_SCHOOL_AGE)
NO_FURTHER_ACTION_REASON = UpnUnknown.UN7.value


def la_codes(ranges: tuple[tuple[int, int], ...]) -> str:
    codes = chain.from_iterable(range(first, last + 1) for first, last in ranges)
    return "(" + ", ".join(f"'{code:03d}'" for code in codes) + ")"


def check_letter(upn: str) -> str:
    """SQL for the check letter a well-formed UPN (upper case) should start with."""
    digits = (
        "CAST(list_sum(list_transform(range(2, 13), "
        f"lambda i: TRY_CAST(substr({upn}, i, 1) AS INTEGER) * i)) AS INTEGER)"
    )
    last = (
        f"CASE WHEN substr({upn}, 13, 1) BETWEEN '0' AND '9' THEN TRY_CAST(substr({upn}, 13, 1) AS "
        f"INTEGER) ELSE strpos('{CHECK_ALPHABET}', substr({upn}, 13, 1)) - 1 END"
    )
    return f"substr('{CHECK_ALPHABET}', ({digits} + ({last}) * 13) % 23 + 1, 1)"


def well_formed(upn: str) -> str:
    return f"regexp_full_match({upn}, '[A-Z][0-9]{{11}}{_LAST}')"


@rule(
    "1510",
    table="ChildIdentifiers",
    fields=("UPN",),
    message="UPN invalid (wrong check letter at character 1",
)
def upn_check_letter(c: Census) -> str:
    upn = "upper(UPN)"
    # Only a UPN whose other characters are right has a check letter to get wrong; rules 1540
    # and 1550 report the others.
    return flag(
        "child",
        "UPN",
        f"{well_formed(upn)} AND left({upn}, 1) <> {check_letter(upn)}",
    )


@rule(
    "1520",
    table="ChildIdentifiers",
    fields=("UPN",),
    message="More than one record with the same UPN.",
)
def upn_is_unique(c: Census) -> str:
    return (
        f"SELECT {pick('child', 'UPN')} FROM ("
        "SELECT *, count(*) OVER (PARTITION BY UPN) AS records FROM child WHERE present(UPN)"
        ") child WHERE records > 1"
    )


@rule(
    "1530",
    table="ChildIdentifiers",
    fields=("UPN",),
    message="UPN invalid (characters 2-4 not a recognised LA code",
    rulesets=rulesets_from("2022-23", "2022-23"),
)
def upn_la_code(c: Census) -> str:
    return flag(
        "child", "UPN", f"present(UPN) AND substr(UPN, 2, 3) NOT IN {la_codes(_LA_CODE_RANGES)}"
    )


@rule(
    "1530",
    table="ChildIdentifiers",
    fields=("UPN",),
    message="UPN invalid (characters 2-4 not a recognised LA code",
    rulesets=rulesets_from("2023-24"),
)
def upn_la_code_with_2023_councils(c: Census) -> str:
    codes = la_codes(_LA_CODE_RANGES + _LA_CODES_FROM_2023)
    return flag("child", "UPN", f"present(UPN) AND substr(UPN, 2, 3) NOT IN {codes}")


@rule(
    "1540",
    table="ChildIdentifiers",
    fields=("UPN",),
    message="UPN invalid (characters 5-12 not all numeric",
)
def upn_serial_is_numeric(c: Census) -> str:
    return flag(
        "child", "UPN", "present(UPN) AND NOT regexp_full_match(substr(UPN, 5, 8), '[0-9]{8}')"
    )


@rule(
    "1550",
    table="ChildIdentifiers",
    fields=("UPN",),
    message="UPN invalid (character 13 not a recognised value",
)
def upn_last_character(c: Census) -> str:
    return flag(
        "child",
        "UPN",
        f"present(UPN) AND NOT regexp_full_match(substr(upper(UPN), 13, 1), '{_LAST}')",
    )


@rule(
    "1560Q",
    table="ChildIdentifiers",
    fields=("FormerUPN",),
    message=("Please check and either amend or provide a reason: Former UPN wrongly formatted"),
)
def former_upn_format(c: Census) -> str:
    upn = "upper(FormerUPN)"
    right = (
        f"regexp_full_match({upn}, '{_CHECK_LETTER}[0-9]{{11}}{_LAST}') "
        f"AND left({upn}, 1) = {check_letter(upn)}"
    )
    return flag("child", "FormerUPN", f"present(FormerUPN) AND NOT coalesce({right}, false)")


_FURTHER_ACTION_TAKEN = (
    "child_id IN (SELECT child_id FROM cin WHERE no_further_action = false "
    "AND child_id IS NOT NULL)"
)


@rule(
    "8770Q",
    table="ChildIdentifiers",
    fields=("UPNunknown",),
    message=(
        "Please check and either amend data or provide a reason: UPN or reason UPN missing "
        "expected for a child who is more than 5 years old"
    ),
    rulesets=rulesets_from("2022-23", "2023-24"),
)
def upn_or_reason_over_5(c: Census) -> str:
    return flag(
        "child",
        "UPNunknown",
        f"born <= {on(c.years_before_end(NO_UPN_OLDER_THAN))} AND NOT present(UPN) "
        f"AND coalesce(upper(trim(UPNunknown)) IN {sql_list(_REASONS_OVER_5)}, false) = false "
        f"AND {_FURTHER_ACTION_TAKEN}",
    )


@rule(
    "8770Q",
    table="ChildIdentifiers",
    fields=("UPNunknown",),
    message=(
        "Please check and either amend data or provide a reason: UPN is missing or reason UPN "
        "is missing or is UN1 for a child who is of school age."
    ),
    rulesets=rulesets_from(SCHOOL_AGE_REASONS_FROM),
)
def upn_or_reason_at_school_age(c: Census) -> str:
    # Of school age: five or older on 31 August of the year the census began, so in Year 1 or
    # above in the school year in progress at its end.
    school_age_born_by = on(date(c.start.year - SCHOOL_AGE, 8, 31))
    return flag(
        "child",
        "UPNunknown",
        f"born <= {school_age_born_by} AND NOT present(UPN) AND (NOT present(UPNunknown) "
        f"OR upper(trim(UPNunknown)) = '{NOT_OF_SCHOOL_AGE}') AND {_FURTHER_ACTION_TAKEN}",
    )


@rule(
    "8772",
    table="ChildIdentifiers",
    fields=("UPNunknown",),
    message=(
        "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN "
        "details is a referral going on to further action"
    ),
)
def no_further_action_reason_fits(c: Census) -> str:
    return flag(
        "child",
        "UPNunknown",
        f"upper(trim(UPNunknown)) = '{NO_FURTHER_ACTION_REASON}' AND {_FURTHER_ACTION_TAKEN}",
    )
