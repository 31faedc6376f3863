"""One council: its children born over the span, their lives, and the rows they leave.

The population is stationary: children are born at an even rate, so that at any date there are
`population` children aged 0-17. Every child whose childhood overlaps the dataset's span is
simulated from birth, which is the warm-up: the plans open and the children looked after at any
date of the span are those a council at equilibrium would have, and a child's earlier plans count
however long ago they were. Unaccompanied asylum-seeking children arrive aged 14 to 17.
"""

import random
from dataclasses import dataclass
from datetime import date

from safeguard.journey.generate import mixes, rates
from safeguard.journey.generate.emit import Emitter, Rows
from safeguard.journey.generate.records import Child, Episode
from safeguard.journey.generate.simulate import Lives
from safeguard.journey.generate.workdays import WorkingDays

# UASC stay at most until 18, so arrivals from this long before the span can still be in care.
_UASC_BEFORE_YEARS = 4


@dataclass(frozen=True)
class Council:
    la: str
    population: int
    # Councils differ: `intensity` scales how many children are referred (1 for England's rates).
    intensity: float = 1.0


def eighteenth_birthday(dob: int) -> int:
    born = date.fromordinal(dob)
    if born.month == 2 and born.day == 29:
        return date(born.year + 18, 3, 1).toordinal()
    return born.replace(year=born.year + 18).toordinal()


def simulate_council(council: Council, first: date, last: date, seed: int | str) -> Rows:
    """The rows of `council` for the span `first`..`last` (inclusive)."""
    rng = random.Random(f"{seed}/{council.la}/lives")
    details = random.Random(f"{seed}/{council.la}/details")
    born_from = date(first.year - 18, first.month, first.day)
    days = WorkingDays(date(born_from.year, 1, 1), date(last.year + 1, 12, 31))
    horizon = last.toordinal()
    lives = Lives(rng, days, horizon, council.intensity)
    around = random.Random(f"{seed}/{council.la}/around")
    emitter = Emitter(council.la, days, first, last, details, around)
    start, end = born_from.toordinal(), horizon
    born_per_day = council.population / (18 * rates.YEAR_DAYS)
    count = round((end - start + 1) * born_per_day)
    for index in range(count):
        child = Child(index, start + int((index + rng.random()) / born_per_day))
        b18 = eighteenth_birthday(child.dob)
        lives.live(child, b18)
        _contacts(child, b18, first.toordinal(), horizon, council.intensity, rng)
        emitter.child(child, b18)
    _asylum_seekers(lives, emitter, count, council, first, horizon)
    # A simulated council's population is the same every year (the one it was asked for).
    for year in range(first.year, last.year):
        emitter.rows.add(
            "population", la=council.la, year=reporting_year(year), children=council.population
        )
    return emitter.rows


def reporting_year(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def _contacts(
    child: Child, b18: int, first: int, last: int, intensity: float, rng: random.Random
) -> None:
    """Contacts about the child that were not referrals, over the span: while no episode is open."""
    start, end = max(first, child.dob), min(last, b18 - 1)
    if start > end:
        return
    rate = (rates.CONTACTS_KNOWN if child.episodes else rates.CONTACTS_UNKNOWN) * intensity
    day = start + int(rng.expovariate(rate / rates.YEAR_DAYS))
    while day <= end:
        if not any(_open_on(episode, day) for episode in child.episodes):
            child.contacts.append(day)
        day += 1 + int(rng.expovariate(rate / rates.YEAR_DAYS))


def _open_on(episode: Episode, day: int) -> bool:
    return episode.referral <= day <= episode.closure


def _asylum_seekers(
    lives: Lives, emitter: Emitter, first_index: int, council: Council, first: date, last: int
) -> None:
    rng = lives.rng
    per_day = rates.UASC_RATE * council.population / 10_000 / rates.YEAR_DAYS
    day = date(first.year - _UASC_BEFORE_YEARS, first.month, first.day).toordinal()
    index = first_index
    while True:
        day += 1 + int(rng.expovariate(per_day))
        if day > last:
            return
        age = 14.5 + 2.9 * rng.random()
        child = Child(index, day - int(age * rates.YEAR_DAYS), uasc=True)
        index += 1
        b18 = eighteenth_birthday(child.dob)
        episode = Episode(day, mixes.UASC_SOURCE.pick(rng), "N8")
        lives.asylum_seeker(episode, child.dob, b18)
        child.episodes.append(episode)
        emitter.child(child, b18)
