"""A simulated child's records, before they become the dataset's rows.

Days are date ordinals. `OPEN` stands for "not ended by the end of the simulation": an end date
beyond the dataset's last day becomes an empty end date in the dataset.
"""

from dataclasses import dataclass, field

OPEN = 10**7


def child_id(la: str, index: int) -> str:
    """The LA child ID: alphanumeric and at most 20 characters (CIN rules 1570 and 1580)."""
    return f"C{la}{index:07d}"


@dataclass(slots=True)
class Assessment:
    start: int
    authorised: int
    no_factors: bool = False  # "21 No factors identified": only on episodes closed RC8


@dataclass(slots=True)
class Enquiry:
    """A strategy discussion and, unless it decided otherwise, the section 47 enquiry it began."""

    discussion: int
    joint: bool
    start: int | None  # None: the discussion decided on no enquiry
    target: int  # the conference's target date: 15 working days from the discussion
    conference: int | None = None  # the initial conference
    completed: int = OPEN  # the enquiry's end: the conference, or its outcome without one


@dataclass(slots=True)
class ProtectionPlan:
    start: int
    end: int
    categories: list[tuple[int, str]]  # (from, category): the first is the initial category
    previous: int  # the child's earlier plans
    reviews: list[int]


@dataclass(slots=True)
class CinPlan:
    start: int
    end: int


@dataclass(slots=True)
class CareEpisode:
    start: int
    legal: str
    place: str
    provider: str
    rne: str
    end: int = OPEN
    ceased: str | None = None
    place_change: str | None = None


@dataclass(slots=True)
class Missing:
    kind: str
    start: int
    end: int
    offered: bool
    interview: int | None


@dataclass(slots=True)
class CarePeriod:
    start: int
    end: int
    need: str  # the category of need (N1 to N8)
    how: str  # how it ends: home, adopted, sgo, cao, adult (at 18), other
    episodes: list[CareEpisode] = field(default_factory=list)
    reviews: list[tuple[int, str]] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)


@dataclass(slots=True)
class Episode:
    """A referral and everything that happened until it closed (a CIN census episode)."""

    referral: int
    source: str
    need: str
    nfa: bool = False
    closure: int = OPEN
    reason: str | None = None
    urgent: bool = False  # a strategy discussion on the day: the contact was red
    assessment: Assessment | None = None
    enquiry: Enquiry | None = None
    plan: ProtectionPlan | None = None
    cin_plan: CinPlan | None = None
    care: CarePeriod | None = None


@dataclass(slots=True)
class Child:
    index: int
    dob: int
    uasc: bool = False
    episodes: list[Episode] = field(default_factory=list)
    contacts: list[int] = field(default_factory=list)  # days of contacts that were not referrals
