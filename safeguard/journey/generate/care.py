"""Periods of care: their SSDA903 episodes, looked-after reviews and missing episodes.

A period begins with an episode whose reason is S and ends with a reason ceased; in between, each
change of legal status or placement ends one episode (X1) and begins the next on the same day,
with the reason for a new episode saying what changed (L, P, T; B and U now and then) and the
ending episode giving the reason the placement changed. Reviews: within 20 working days of the
start, then within 3 months, then every 6 months (RULES.md). Missing episodes never overlap, and
end by the time the period does.
"""

import math
import random
from datetime import date

from safeguard.core.calendar import add_months
from safeguard.journey.generate import mixes, rates
from safeguard.journey.generate.mixes import Mix
from safeguard.journey.generate.records import CareEpisode, CarePeriod, Missing
from safeguard.journey.generate.workdays import WorkingDays

_MISSING_DAYS = Mix([(0, 40), (1, 30), (2, 10), (3, 7), (5, 6), (7, 4), (14, 3)])
_INTERVIEW_DAYS = Mix([(0, 30), (1, 25), (2, 15), (3, 10), (5, 10), (8, 10)])
_NEEDS = ("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8")
# How periods end by age at entry: (from, to, mix of (how, weight, median days, sigma)).
_ENDINGS = tuple(
    (low, high, Mix([(outcome, outcome[1]) for outcome in outcomes]))
    for low, high, outcomes in rates.CARE_OUTCOMES
)


def _band(table: tuple, age: float) -> tuple:
    for row in table:
        if row[0] <= age < row[1]:
            return row
    return table[-1]


class Care:
    def __init__(self, rng: random.Random, days: WorkingDays, horizon: int) -> None:
        self.rng, self.days, self.horizon = rng, days, horizon

    def period(self, start: int, dob: int, b18: int, need: str, route: str) -> CarePeriod:
        """A period of care from `start`; route is emergency, assessment, plan or uasc."""
        age = (start - dob) / rates.YEAR_DAYS
        how, end = self._ending(age, start, b18, route)
        period = CarePeriod(start, end, need if need in _NEEDS else "N1", how)
        if start > self.horizon:
            return period
        self._episodes(period, age, route)
        self._reviews(period, dob)
        self._missing(period, age)
        return period

    def _ending(self, age: float, start: int, b18: int, route: str) -> tuple[str, int]:
        rng = self.rng
        if route == "uasc":
            if rng.random() < 0.8:
                return "adult", b18
            return "other", min(b18, start + 30 + int(rng.expovariate(1 / 300)))
        how, _, median, sigma = _band(_ENDINGS, age)[2].pick(rng)
        if how == "adult":
            return how, b18
        length = rng.lognormvariate(math.log(median), sigma) * rates.CARE_LENGTH_SCALE
        end = start + max(1, int(length))
        if end >= b18:
            return "adult", b18
        return how, end

    def _episodes(self, period: CarePeriod, age: float, route: str) -> None:
        rng = self.rng
        start, end, how = period.start, period.end, period.how
        last = min(end, self.horizon)
        if route == "uasc":
            legal, place = "V2", mixes.UASC_PLACEMENT.pick(rng)
        else:
            first = mixes.EMERGENCY_STATUS if route == "emergency" else mixes.FIRST_STATUS
            legal, place = first.pick(rng), self._placement(age)
        # Changes as (day, legal status or None, placement or None).
        changes: list[tuple[int, str | None, str | None]] = []
        day = start
        if legal in ("L1", "L2"):
            day += rng.randint(1, 8)
            legal_next = "C1" if rng.random() < 0.6 else "V2"
            changes.append((day, legal_next, None))
        else:
            legal_next = legal
        if route != "uasc" and how in ("adopted", "sgo", "adult", "cao"):
            if legal_next == "V2" and rng.random() < 0.6:
                day += rng.randint(30, 150)
                changes.append((day, "C1", None))
                legal_next = "C1"
            if legal_next == "C1":
                day += rng.randint(150, 270)
                changes.append((day, "C2", None))
        if how == "adopted":
            order = max(day + 30, end - rng.randint(200, 330))
            changes.append((order, "E1", None))
            changes.append((order + rng.randint(0, 60), None, mixes.ADOPTION_PLACEMENT.pick(rng)))
        moves = _band(rates.PLACEMENT_MOVES, age)[2]
        day = start
        while True:
            day += 1 + int(rng.expovariate(moves / rates.YEAR_DAYS))
            if day >= last:
                break
            changes.append((day, None, self._placement((day - start) / rates.YEAR_DAYS + age)))
        changes = [c for c in changes if start < c[0] < end and c[0] <= self.horizon]
        changes.sort(key=lambda change: change[0])
        episode = self._episode(start, legal, place, "S")
        period.episodes.append(episode)
        for day, new_legal, new_place in changes:
            if day == episode.start:
                # Two changes on one day make one new episode, which says both changed.
                if new_legal:
                    episode.legal = new_legal
                if new_place:
                    episode.place, episode.provider = new_place, self._provider(new_place)
                    previous = period.episodes[-2]
                    previous.place_change = previous.place_change or self._place_change()
                if (episode.rne in ("P", "B") and new_legal) or (episode.rne == "L" and new_place):
                    episode.rne = "T"
                continue
            rne = self._reason_new(new_legal is not None, new_place is not None)
            episode.end, episode.ceased = day, "X1"
            if new_place is not None:
                episode.place_change = self._place_change()
            episode = self._episode(
                day, new_legal or episode.legal, new_place or episode.place, rne
            )
            period.episodes.append(episode)
        episode.end, episode.ceased = end, self._ceased(how, end)

    def _episode(self, start: int, legal: str, place: str, rne: str) -> CareEpisode:
        return CareEpisode(start, legal, place, self._provider(place), rne)

    def _provider(self, place: str) -> str:
        provider = mixes.PROVIDER[place]
        return provider.pick(self.rng) if isinstance(provider, Mix) else provider

    def _place_change(self) -> str:
        return mixes.PLACE_CHANGE_REASON.pick(self.rng)

    def _placement(self, age: float) -> str:
        return _band(mixes.PLACEMENT, age)[2].pick(self.rng)

    def _reason_new(self, legal: bool, place: bool) -> str:
        same_carer = self.rng.random() < 0.05
        if legal and place:
            return "U" if same_carer else "T"
        if place:
            return "B" if same_carer else "P"
        return "L"

    def _ceased(self, how: str, end: int) -> str:
        rng = self.rng
        if how == "home":
            return mixes.CEASED_HOME.pick(rng)
        if how == "adopted":
            return mixes.CEASED_ADOPTED.pick(rng)
        if how == "sgo":
            return mixes.sgo_ceased(end, rng)
        if how == "cao":
            return "E41"
        if how == "adult":
            return mixes.CEASED_AT_18.pick(rng)
        return mixes.CEASED_OTHER.pick(rng)

    def _reviews(self, period: CarePeriod, dob: int) -> None:
        rng, days = self.rng, self.days
        late = rng.random() < 0.1
        day = days.add(period.start, rng.randint(21, 35) if late else rng.randint(5, 20))
        while day < period.end and day <= self.horizon:
            under_4 = (day - dob) < 4 * rates.YEAR_DAYS
            code = "PN0" if under_4 else mixes.PARTICIPATION.pick(rng)
            period.reviews.append((day, code))
            due = add_months(date.fromordinal(day), 3 if len(period.reviews) == 1 else 6)
            due_day = due.toordinal()
            if rng.random() < 0.08:
                day = days.add(due_day, rng.randint(1, 20))
            else:
                day = max(days.on_or_before(due_day - rng.randint(0, 20)), days.add(day, 1))

    def _missing(self, period: CarePeriod, age: float) -> None:
        rng = self.rng
        if age < rates.RUNNER[0][0] or rng.random() >= _band(rates.RUNNER, age)[2]:
            return
        rate = rates.RUNNER_EPISODES_PER_YEAR / rates.YEAR_DAYS
        day = period.start + int(rng.expovariate(rate))
        while day < period.end and day <= self.horizon:
            end = min(day + _MISSING_DAYS.pick(rng), period.end)
            kind = "A" if rng.random() < rates.MISSING_KIND_AWAY else "M"
            offered = rng.random() < rates.RETURN_INTERVIEW_OFFERED
            held = offered and rng.random() < 0.85
            interview = end + _INTERVIEW_DAYS.pick(rng) if held else None
            period.missing.append(Missing(kind, day, end, offered, interview))
            day = end + 1 + int(rng.expovariate(rate))
