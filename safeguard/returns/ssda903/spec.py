"""The tables of the SSDA903 return and their columns, as each year's specification has them.

A return is one CSV file per table (or one XML file holding them all). The journey dataset keeps
the children's header, their episodes, reviews, missing episodes and whether they came as
unaccompanied asylum-seeking children; the other tables (outcomes, care leavers, adoption,
previous permanence, social workers) it has no place for, so they are written empty and, when
read, counted and left out. tests/returns/test_ssda903_spec.py checks every year against
shared/data/schemas/ssda903.
"""

from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.years import FIRST_YEAR, LAST_YEAR

TABLES: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "UASC": ("CHILD", "DOB", "SEX", "DUC"),
    "OC2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": (
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    "PlacedAdoption": (
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "SocialWorker": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
}

# The first return with each table that was not there from the start.
ADDED = {"SocialWorker": 2024}

# What the journey dataset keeps; the others are left out.
KEPT = ("Header", "Episodes", "Reviews", "Missing", "UASC")

# The file each table is written to (the names the public SSDA903 tools use).
FILES = {
    "Header": "header.csv",
    "Episodes": "episodes.csv",
    "Reviews": "reviews.csv",
    "Missing": "missing.csv",
    "UASC": "uasc.csv",
    "OC2": "oc2.csv",
    "OC3": "oc3.csv",
    "AD1": "ad1.csv",
    "PlacedAdoption": "placed_for_adoption.csv",
    "PrevPerm": "previous_permanence.csv",
    "SocialWorker": "sw_episodes.csv",
}

# How a person reading a message knows each table.
LABELS = {
    "Header": "the children's header",
    "Episodes": "episodes of care",
    "Reviews": "reviews",
    "Missing": "missing and away episodes",
    "UASC": "unaccompanied asylum-seeking children",
    "OC2": "outcomes (OC2)",
    "OC3": "care leavers (OC3)",
    "AD1": "adoptions (AD1)",
    "PlacedAdoption": "placements for adoption",
    "PrevPerm": "previous permanence",
    "SocialWorker": "social workers",
}


def tables_of(year: CensusYear | None) -> dict[str, tuple[str, ...]]:
    """The tables of the year's return; with no year, of any year's."""
    end = year.end if year else LAST_YEAR
    return {name: columns for name, columns in TABLES.items() if ADDED.get(name, FIRST_YEAR) <= end}
