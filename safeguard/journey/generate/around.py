"""The records around the pathway for one child: early help, exploitation screenings and home
education, as rows of the dataset's local tables.

They follow from the child's journey where one leads to them (a MASH decision of early help, a
step down after an episode closes, an assessment that found exploitation, a child in care going
missing) and come at random otherwise (a family asking for help, a parent deciding to educate at
home), at the rates in rates.py. They draw on their own random stream, so the children's journeys
are the same with or without them. Like the rest of the dataset, a record is in it when it was
open at some time in the span; what happened after the span's last day is not known yet.
"""

import math
import random
from datetime import date
from typing import TYPE_CHECKING

from safeguard.journey import ids
from safeguard.journey.generate import rates
from safeguard.journey.generate.mixes import Mix
from safeguard.journey.generate.records import OPEN, Child, child_id

if TYPE_CHECKING:
    from safeguard.journey.generate.emit import Rows

_UNIX_EPOCH = date(1970, 1, 1).toordinal()
_LOG_EARLY_HELP_MEDIAN = math.log(rates.EARLY_HELP_DAYS[0])
# Early help requested directly may have begun up to this long before the span and still be open.
_EARLY_HELP_LOOKBACK = 2 * 365
_REQUESTS_A_DAY = rates.EARLY_HELP_REQUESTS / rates.YEAR_DAYS
_STEPS_DOWN = ("RC7", "RC8")
_EXPLOITATION_FACTORS = frozenset(("10A", "11A", "13A"))

# Plausible mixes (no national figures): the partnership's early help service leads most episodes.
LEAD_AGENCY = Mix([("early_help", 55), ("education", 22), ("health_trust", 13), ("voluntary", 10)])
EARLY_HELP_OUTCOME = Mix(
    [("needs_met", 65), ("declined", 12), ("moved", 5), ("no_progress", 12), ("other", 6)]
)
# Bands after an assessment that found exploitation, and after going missing from care.
BAND_AFTER_FACTORS = Mix([("none", 10), ("low", 30), ("medium", 35), ("high", 25)])
BAND_AFTER_MISSING = Mix([("none", 25), ("low", 35), ("medium", 28), ("high", 12)])
TO_PANEL = {"none": 0.0, "low": 0.02, "medium": 0.2, "high": 0.8}
# The reasons parents give (ADCS surveys: many give none; lifestyle, health and dissatisfaction
# with the school are the commonest given), and how entries end.
HOME_EDUCATION_REASON = Mix(
    [
        ("not_given", 25), ("philosophy", 16), ("health", 14), ("dissatisfied", 12), ("sen", 8),
        ("bullying", 6), ("belief", 4), ("exclusion", 3), ("school_place", 2), ("other", 10),
    ]
)  # fmt: skip
HOME_EDUCATION_END = Mix([("school", 75), ("moved", 15), ("attendance_order", 2), ("other", 8)])


def school_leaving_day(dob: int) -> int:
    """The end of compulsory school age: 30 June of the school year in which the child turns 16
    (the last Friday of June, taken as the 30th)."""
    born = date.fromordinal(dob)
    sixteen = born.year + 16
    return date(sixteen if born.month < 9 else sixteen + 1, 6, 30).toordinal()


class Around:
    def __init__(self, la: str, rows: "Rows", first: int, last: int, rng: random.Random) -> None:
        self.la, self.rows, self.first, self.last, self.rng = la, rows, first, last, rng
        self.requests_from = first - _EARLY_HELP_LOOKBACK

    def _day(self, day: int | None) -> int | None:
        return None if day is None or day > self.last else day - _UNIX_EPOCH

    def child(
        self,
        child: Child,
        b18: int,
        early_help_decisions: list[int],
        assessed: list[tuple[int, list[str]]],
        referred: frozenset[int] = frozenset(),
    ) -> str | None:
        """Add the child's rows; the child's id if there were any. `referred`: the days of the
        child's referrals the dataset holds (one still at the front door when it ends is not)."""
        rng = self.rng
        # Most children have nothing around the pathway: two draws tell.
        first_request = max(child.dob, self.requests_from) + int(rng.expovariate(_REQUESTS_A_DAY))
        end = min(b18, self.last)
        requests = self._requests(first_request, end) if first_request <= end else []
        home_educated = rng.random() < rates.HOME_EDUCATED_EVER and not child.uasc
        if not (requests or early_help_decisions or child.episodes or home_educated):
            return None
        cid = child_id(self.la, child.index)
        helped = self._early_help(cid, child, b18, requests, early_help_decisions, referred)
        screened = self._screenings(cid, child, b18, assessed)
        home = home_educated and self._home_education(cid, child)
        return cid if helped or screened or home else None

    # Early help --------------------------------------------------------------------------------

    def _early_help(
        self,
        cid: str,
        child: Child,
        b18: int,
        requests: list[int],
        decisions: list[int],
        referred: frozenset[int],
    ) -> bool:
        rng = self.rng
        starts = list(requests)
        for day in decisions:
            if rng.random() < rates.EARLY_HELP_AFTER_MASH:
                starts.append(day + rng.randint(1, 10))
        for episode in child.episodes:
            if (
                episode.reason in _STEPS_DOWN
                and self.first - _EARLY_HELP_LOOKBACK <= episode.closure <= self.last
                and rng.random() < rates.EARLY_HELP_STEP_DOWN
            ):
                starts.append(episode.closure + rng.randint(1, 5))
        if not starts:
            return False
        referrals = sorted(episode.referral for episode in child.episodes)
        made = False
        ended = 0
        for start in sorted(starts):
            if start <= ended or start > self.last or start >= b18 - 30 or start < child.dob:
                continue
            if any(e.referral <= start <= e.closure for e in child.episodes):
                continue  # open to social care: early help waits for the step down
            end, outcome = self._early_help_end(start, b18, referrals)
            if outcome == "stepped_up" and self.first <= end <= self.last and end not in referred:
                end = OPEN  # the step up still waits at the front door when the span ends
            ended = end
            if end < self.first:
                continue
            open_at_end = end > self.last
            self.rows.add(
                "early_help",
                la=self.la,
                child_id=cid,
                episode_id=ids.early_help_id(cid, date.fromordinal(start)),
                start_date=start - _UNIX_EPOCH,
                end_date=self._day(end),
                lead_agency_kind=LEAD_AGENCY.pick(rng),
                outcome=None if open_at_end else outcome,
            )
            made = True
        return made

    def _requests(self, day: int, end: int) -> list[int]:
        """Days the family or an agency asked for early help directly, from the first."""
        found = []
        while day <= end:
            found.append(day)
            day += 1 + int(self.rng.expovariate(_REQUESTS_A_DAY))
        return found

    def _early_help_end(self, start: int, b18: int, referrals: list[int]) -> tuple[int, str]:
        rng = self.rng
        length = rng.lognormvariate(_LOG_EARLY_HELP_MEDIAN, rates.EARLY_HELP_DAYS[1])
        end = start + max(14, int(length))
        referred = next((day for day in referrals if day > start), OPEN)
        if referred <= end:
            return referred, "stepped_up"
        if end >= b18:
            return b18 - 1, "other"
        return end, EARLY_HELP_OUTCOME.pick(rng)

    # Exploitation screenings -------------------------------------------------------------------

    def _screenings(
        self, cid: str, child: Child, b18: int, assessed: list[tuple[int, list[str]]]
    ) -> bool:
        rng = self.rng
        old_enough = child.dob + int(rates.SCREENED_FROM * rates.YEAR_DAYS)
        found: dict[int, str] = {}
        for authorised, factors in assessed:
            if (
                authorised >= old_enough
                and _EXPLOITATION_FACTORS.intersection(factors)
                and rng.random() < rates.SCREEN_AFTER_FACTORS
            ):
                found[authorised + rng.randint(0, 10)] = "factors"
        for episode in child.episodes:
            if episode.care is None:
                continue
            last_screened = None
            for spell in episode.care.missing:
                if spell.start < old_enough:
                    continue
                if last_screened is None or spell.start - last_screened >= rates.SCREEN_AGAIN_DAYS:
                    last_screened = spell.end + rng.randint(0, 5)
                    found.setdefault(last_screened, "missing")
        made = False
        for day in sorted(found):
            if not self.first <= day <= self.last or day >= b18:
                continue
            mix = BAND_AFTER_FACTORS if found[day] == "factors" else BAND_AFTER_MISSING
            band = mix.pick(rng)
            self.rows.add(
                "exploitation_screenings",
                la=self.la,
                child_id=cid,
                screened_on=day - _UNIX_EPOCH,
                band=band,
                referred_to_panel=rng.random() < TO_PANEL[band],
            )
            made = True
        return made

    # Home education ----------------------------------------------------------------------------

    def _home_education(self, cid: str, child: Child) -> bool:
        rng = self.rng
        start = child.dob + int((5 + 11 * rng.random()) * rates.YEAR_DAYS)
        leaves = school_leaving_day(child.dob)
        end = start + 1 + int(rng.expovariate(1 / rates.HOME_EDUCATION_MEAN_DAYS))
        why_ended = "school_age" if end >= leaves else HOME_EDUCATION_END.pick(rng)
        end = min(end, leaves)
        reason = HOME_EDUCATION_REASON.pick(rng)
        if start > self.last or end < self.first or start >= leaves:
            return False
        self.rows.add(
            "home_education",
            la=self.la,
            child_id=cid,
            start_date=start - _UNIX_EPOCH,
            reason=reason,
            end_date=self._day(end),
            end_reason=why_ended if end <= self.last else None,
        )
        return True
