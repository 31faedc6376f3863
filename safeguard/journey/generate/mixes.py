"""The mixes of statutory codes the generator draws from, and the codes that changed over the years.

Shares are rounded from the DfE's 2016-17 tables (CIN census C1 sources, A1 primary needs, C3
assessment factors; SSDA903 placements and reasons ceased) where they exist, and plausible where
they do not. They are not calibration targets: only rates.TARGETS are checked.

Codes are those valid in every census year from 2013-14 on where possible (no RC9, 5D or 24A,
which came later). Where a code was replaced, `era` picks the one valid on the record's date.
"""

import bisect
import random
from collections.abc import Iterable
from datetime import date
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Mix(Generic[T]):
    """A weighted choice of codes (or numbers): `pick(rng)` returns one."""

    __slots__ = ("codes", "cumulative", "total")

    def __init__(self, weights: Iterable[tuple[T, float]]) -> None:
        pairs = list(weights)
        self.codes = [code for code, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.codes[bisect.bisect_right(self.cumulative, rng.random() * self.total)]

    def pick_several(self, rng: random.Random, n: int) -> list[T]:
        """n different codes (fewer if the mix has fewer), most likely first."""
        n = min(n, len(self.codes))
        chosen: list[T] = []
        while len(chosen) < n:
            code = self.pick(rng)
            if code not in chosen:
                chosen.append(code)
        return chosen


def era(day: int, changed_on: date, before: str, after: str) -> str:
    """`before` for a record dated before `changed_on` (a census year's 1 April), else `after`."""
    return before if day < changed_on.toordinal() else after


# CIN census 2020-21 split physical and sexual abuse factors into child-on-child and adult-on-child.
FACTORS_SPLIT = date(2020, 4, 1)
# SSDA903 2018-19 replaced E43/E44 (special guardianship) with E45 to E48.
SGO_SPLIT = date(2018, 4, 1)

REFERRAL_SOURCE = Mix(
    [
        ("6", 28.6), ("2A", 17.9), ("3A", 1.9), ("3B", 2.0), ("3C", 0.4), ("3D", 1.6),
        ("3E", 3.6), ("3F", 5.2), ("5A", 6.0), ("5B", 6.0), ("5C", 4.3), ("1A", 5.5),
        ("1B", 0.5), ("1C", 1.2), ("1D", 1.7), ("2B", 1.0), ("4", 1.7), ("7", 1.8),
        ("8", 5.4), ("9", 1.2), ("10", 2.5),
    ]
)  # fmt: skip
UASC_SOURCE = Mix([("6", 0.5), ("8", 0.3), ("5C", 0.2)])

# The referrer's agency kind (safeguard.access AgencyKind) for a source; individuals have none.
AGENCY_KIND = {
    "6": "police", "2A": "education", "2B": "education", "3A": "gp_practice",
    "3B": "health_trust", "3C": "health_trust", "3D": "health_trust", "3E": "health_trust",
    "3F": "health_icb", "4": "housing", "5A": "childrens_services", "5B": "childrens_services",
    "5C": "childrens_services", "7": "probation", "8": "voluntary",
}  # fmt: skip

PRIMARY_NEED = Mix(
    [
        ("N1", 52.0), ("N2", 3.5), ("N3", 3.5), ("N4", 8.0), ("N5", 17.0), ("N6", 1.5),
        ("N7", 0.2), ("N8", 4.5), ("N9", 9.8),
    ]
)  # fmt: skip
NFA_NEED_N9 = 0.4  # referrals with no further action are more often "not in need"

# Assessment factors, as shares of assessments (C3); 18 and 19 are physical and sexual abuse.
FACTOR = Mix(
    [
        ("4B", 34), ("3B", 27), ("17A", 21), ("16A", 19), ("2B", 18), ("1B", 17), ("3A", 10),
        ("4A", 10), ("18", 11), ("20", 10), ("3C", 6), ("5B", 6), ("15A", 6), ("19", 6),
        ("11A", 5), ("14A", 5), ("5A", 5), ("10A", 4), ("2A", 4), ("6A", 4), ("6B", 4),
        ("1A", 2), ("1C", 2), ("2C", 2), ("4C", 2), ("7A", 2), ("13A", 2), ("5C", 1), ("6C", 1),
        ("9A", 1), ("12A", 0.5), ("22A", 0.3), ("23A", 0.3),
    ]
)  # fmt: skip
FACTOR_COUNT = Mix([("1", 25), ("2", 30), ("3", 22), ("4", 13), ("5", 10)])
CHILD_ON_CHILD = 0.25  # of physical and sexual abuse factors, from 2020-21


def factor_code(code: str, day: int, rng: random.Random) -> str:
    """The census code of a factor: "18" and "19" became B (child on child) or C in 2020-21."""
    if code not in ("18", "19"):
        return code
    after = code + ("B" if rng.random() < CHILD_ON_CHILD else "C")
    return era(day, FACTORS_SPLIT, code + "A", after)


GENDER = Mix([("1", 52.0), ("2", 47.0), ("9", 0.5), ("0", 0.5)])
GENDER_LOOKED_AFTER = Mix([("1", 54.0), ("2", 46.0)])  # the SSDA903 has only 1 and 2
ETHNICITY = Mix(
    [
        ("WBRI", 66.0), ("WIRI", 0.3), ("WIRT", 0.4), ("WOTH", 5.0), ("WROM", 0.6),
        ("MWBC", 2.5), ("MWBA", 1.0), ("MWAS", 1.2), ("MOTH", 2.5), ("AIND", 1.2),
        ("APKN", 2.5), ("ABAN", 1.2), ("AOTH", 1.5), ("BCRB", 1.2), ("BAFR", 4.0),
        ("BOTH", 1.5), ("CHNE", 0.2), ("OOTH", 2.0), ("REFU", 0.5), ("NOBT", 3.7),
    ]
)  # fmt: skip
UASC_ETHNICITY = Mix([("BAFR", 40), ("AOTH", 30), ("OOTH", 25), ("WOTH", 5)])
DISABLED = 0.12
DISABILITY = Mix(
    [
        ("LD", 25), ("COMM", 20), ("BEH", 20), ("AUT", 15), ("MOB", 6), ("PC", 4), ("DDA", 4),
        ("HAND", 2), ("INC", 2), ("HEAR", 2), ("VIS", 2), ("CON", 1),
    ]
)  # fmt: skip
DISABILITY_COUNT = Mix([("1", 60), ("2", 28), ("3", 12)])

# Contacts ----------------------------------------------------------------------------------------

CONTACT_OUTCOME = Mix([("nfa", 30), ("advice", 35), ("early_help", 35)])
THRESHOLD_LEVEL = {"nfa": 1, "advice": 1, "early_help": 2, "assessment": 3, "strategy": 4}
RAG_REFERRAL = Mix([("red", 12), ("amber", 50), ("green", 38)])
RAG_OTHER = Mix([("red", 3), ("amber", 30), ("green", 67)])
RAG_HOURS = {"red": 4, "amber": 24, "green": 72}  # FrontDoorSettings' defaults (RULES.md)

# Looked after (SSDA903) --------------------------------------------------------------------------

# First placement by age at entry (from, to, mix); later moves draw from the same mix.
PLACEMENT = (
    (0, 5, Mix([("U6", 62), ("U3", 18), ("U5", 6), ("P1", 5), ("R3", 5), ("U4", 4)])),
    (5, 10, Mix([("U6", 60), ("U3", 16), ("U4", 12), ("P1", 5), ("K2", 5), ("S1", 2)])),
    (10, 16, Mix([("U6", 50), ("K2", 18), ("U3", 10), ("U4", 12), ("P1", 4), ("S1", 3),
                  ("R5", 1), ("Z1", 2)])),
    (16, 18, Mix([("H5", 38), ("U6", 28), ("K2", 18), ("U4", 8), ("P2", 6), ("R5", 2)])),
)  # fmt: skip
UASC_PLACEMENT = Mix([("H5", 30), ("U6", 40), ("K2", 20), ("U4", 10)])
ADOPTION_PLACEMENT = Mix([("A5", 40), ("A6", 60)])
PROVIDER = {
    "U1": "PR1", "U2": "PR1", "U3": "PR1", "U4": Mix([("PR1", 60), ("PR4", 40)]),
    "U5": Mix([("PR1", 60), ("PR4", 40)]), "U6": Mix([("PR1", 60), ("PR4", 40)]),
    "K2": Mix([("PR1", 30), ("PR4", 70)]), "H5": Mix([("PR4", 60), ("PR5", 40)]),
    "P1": "PR0", "P2": "PR4", "R3": "PR4", "R5": "PR3", "S1": Mix([("PR4", 70), ("PR3", 30)]),
    "Z1": "PR4", "A5": Mix([("PR1", 70), ("PR5", 30)]), "A6": Mix([("PR1", 70), ("PR5", 30)]),
}  # fmt: skip
PLACE_CHANGE_REASON = Mix(
    [
        ("CARPL", 30), ("CHILD", 15), ("CREQO", 15), ("CREQB", 10), ("LAREQ", 6), ("CLOSE", 5),
        ("PLACE", 5), ("STAND", 5), ("OTHER", 5), ("ALLEG", 2), ("APPRR", 2),
    ]
)  # fmt: skip
EMERGENCY_STATUS = Mix([("L1", 50), ("L2", 50)])
FIRST_STATUS = Mix([("V2", 55), ("C1", 45)])
# Reasons a period of care ends, by how it ends.
CEASED_HOME = Mix([("E4A", 80), ("E4B", 20)])
CEASED_ADOPTED = Mix([("E11", 60), ("E12", 40)])
CEASED_AT_18 = Mix([("E5", 35), ("E17", 20), ("E8", 25), ("E6", 5), ("E13", 15)])
CEASED_OTHER = Mix([("E13", 40), ("E3", 35), ("E8", 20), ("E9", 5)])
CEASED_UASC = Mix([("E3", 50), ("E15", 25), ("E8", 25)])


def sgo_ceased(day: int, rng: random.Random) -> str:
    """A special guardianship order: E43/E44 before 2018-19, E45 to E48 after."""
    kin = rng.random() < 0.6
    former_foster_carers = rng.random() < 0.5
    if day < SGO_SPLIT.toordinal():
        return "E43" if former_foster_carers else "E44"
    return ("E45" if kin else "E46") if former_foster_carers else ("E47" if kin else "E48")


# Review participation (PN1 to PN7); PN0 is for a child under 4.
PARTICIPATION = Mix(
    [("PN1", 35), ("PN2", 5), ("PN3", 25), ("PN4", 15), ("PN5", 10), ("PN6", 5), ("PN7", 5)]
)
