"""One child's referrals, from the first to the last before 18, each followed to its closure.

Every episode is built in the order the pathway's services allow (safeguard/casework/services.py):
the assessment starts on or after the referral; a strategy discussion comes before the enquiry it
begins; the conference after the enquiry's start; a protection plan starts on the conference's
date, is reviewed after it starts and ends on or after its last review; a child in need plan never
runs alongside a protection plan; and the referral closes on or after everything recorded on it.
A child has one episode open at a time (the next referral comes after the last closure), so never
two open plans. Nothing happens after the 18th birthday.
"""

import math
import random
from datetime import date

from safeguard.core.calendar import add_months
from safeguard.journey.generate import mixes, rates
from safeguard.journey.generate.care import Care
from safeguard.journey.generate.mixes import Mix
from safeguard.journey.generate.records import (
    OPEN,
    Assessment,
    Child,
    CinPlan,
    Enquiry,
    Episode,
    ProtectionPlan,
)
from safeguard.journey.generate.workdays import WorkingDays

_ASSESSMENT_DELAY = Mix(rates.ASSESSMENT_DELAY_WD)
_DISCUSSION_DELAY = Mix(rates.DISCUSSION_DELAY_WD)
_S47_START_DELAY = Mix(rates.S47_START_DELAY_WD)
_ICPC_ON_TIME = Mix(rates.ICPC_ON_TIME_WD)
_ICPC_LATE = Mix(rates.ICPC_LATE_WD)
_CATEGORY = Mix(rates.CATEGORY)
_AFTER_ASSESSMENT = Mix(rates.AFTER_ASSESSMENT)
_AFTER_ENQUIRY = Mix(rates.AFTER_ENQUIRY)
_FIRST_AGE = Mix([((low, high), weight) for low, high, weight in rates.FIRST_REFERRAL_AGE])
_LOG_ASSESSMENT_MEDIAN = math.log(rates.ASSESSMENT_MEDIAN_WD)
_LOG_CIN_PLAN_MEDIAN = math.log(rates.CIN_PLAN_DAYS[0])


def months_later(day: int, months: int) -> int:
    return add_months(date.fromordinal(day), months).toordinal()


class Lives:
    """Simulates children's referrals for one council, from one random stream."""

    def __init__(
        self, rng: random.Random, days: WorkingDays, horizon: int, intensity: float = 1.0
    ) -> None:
        self.rng, self.days, self.horizon = rng, days, horizon
        self.ever_referred = min(1.0, rates.EVER_REFERRED * intensity)
        self.care = Care(rng, days, horizon)

    def live(self, child: Child, b18: int) -> None:
        """Fill in the child's episodes, from the first referral (if any) until 18."""
        rng = self.rng
        if rng.random() >= self.ever_referred:
            return
        low, high = _FIRST_AGE.pick(rng)
        referral = child.dob + int((low + (high - low) * rng.random()) * rates.YEAR_DAYS)
        last = min(b18 - rates.LAST_REFERRAL_BEFORE_18_DAYS, self.horizon)
        plans = 0
        while referral <= last:
            referral = self._on_a_weekday(referral)
            if referral > last:
                return
            episode = self.episode(referral, child.dob, b18, plans)
            child.episodes.append(episode)
            plans += episode.plan is not None
            if episode.closure >= self.horizon:
                return
            referral = self._next_referral(episode.closure, plans)

    def _on_a_weekday(self, day: int) -> int:
        if not self.days.is_working_day(day) and self.rng.random() < rates.WEEKEND_REFERRAL_MOVED:
            return self.days.add(day, 1)
        return day

    def _next_referral(self, closure: int, plans: int) -> int:
        soon, later = (
            (rates.REREFERRAL_SOON_AFTER_PLAN, rates.REREFERRAL_LATER_AFTER_PLAN)
            if plans
            else (rates.REREFERRAL_SOON, rates.REREFERRAL_LATER)
        )
        u = self.rng.random()
        if u < soon[0]:
            mean = soon[1]
        elif u < soon[0] + later[0]:
            mean = later[1]
        else:
            return OPEN
        return closure + 1 + int(self.rng.expovariate(1 / mean))

    # One episode ---------------------------------------------------------------------------------

    def episode(self, referral: int, dob: int, b18: int, plans: int) -> Episode:
        rng, days = self.rng, self.days
        episode = Episode(referral, mixes.REFERRAL_SOURCE.pick(rng), mixes.PRIMARY_NEED.pick(rng))
        if rng.random() < rates.REFERRAL_NFA:
            episode.nfa, episode.closure, episode.reason = True, referral, "RC7"
            if rng.random() < mixes.NFA_NEED_N9:
                episode.need = "N9"
            return episode
        start = days.add(referral, _ASSESSMENT_DELAY.pick(rng))
        authorised = self._assessed(start)
        episode.assessment = Assessment(start, authorised)
        latest = authorised
        discussion = rates.DISCUSSION * (rates.PRIOR_PLAN_DISCUSSION_FACTOR if plans else 1)
        if rng.random() >= discussion:
            return self._after_assessment(episode, _AFTER_ASSESSMENT.pick(rng), latest, dob, b18)
        enquiry = self._enquiry(referral, authorised, plans)
        episode.enquiry, episode.urgent = enquiry, enquiry.discussion == referral
        latest = max(latest, enquiry.completed)
        if enquiry.start is None:
            return self._after_assessment(episode, _AFTER_ASSESSMENT.pick(rng), latest, dob, b18)
        if enquiry.conference is not None and rng.random() < rates.PLAN:
            episode.plan, ended = self._plan(enquiry.conference, b18, plans)
            return self._after_plan(episode, ended, latest, dob, b18)
        return self._after_assessment(episode, _AFTER_ENQUIRY.pick(rng), latest, dob, b18)

    def asylum_seeker(self, episode: Episode, dob: int, b18: int) -> None:
        """An unaccompanied asylum-seeking child, assessed and looked after from arrival."""
        start = episode.referral
        episode.assessment = Assessment(start, self._assessed(start))
        self._looked_after(episode, start, episode.assessment.authorised, dob, b18, "uasc")

    def _assessed(self, start: int) -> int:
        """The day an assessment started on `start` is authorised."""
        length = round(self.rng.lognormvariate(_LOG_ASSESSMENT_MEDIAN, rates.ASSESSMENT_SIGMA))
        return self.days.add(start, min(rates.ASSESSMENT_MAX_WD, max(1, length)))

    def _enquiry(self, referral: int, authorised: int, plans: int) -> Enquiry:
        rng, days = self.rng, self.days
        # The discussion comes while the assessment is under way, at the latest as it ends.
        held = min(days.add(referral, _DISCUSSION_DELAY.pick(rng)), authorised)
        target = days.add(held, 15)
        if rng.random() < rates.NO_S47:
            return Enquiry(held, joint=False, start=None, target=target, completed=held)
        start = days.add(held, _S47_START_DELAY.pick(rng))
        enquiry = Enquiry(held, joint=rng.random() < rates.JOINT_S47, start=start, target=target)
        if rng.random() < (rates.PRIOR_PLAN_ICPC if plans else rates.ICPC):
            timely = rng.random() < rates.ICPC_WITHIN_15
            wait = (_ICPC_ON_TIME if timely else _ICPC_LATE).pick(rng)
            enquiry.conference = enquiry.completed = days.add(start, wait)
        else:
            enquiry.completed = days.add(start, rng.randint(*rates.S47_NO_CONFERENCE_WD))
        return enquiry

    def _plan(self, start: int, b18: int, previous: int) -> tuple[ProtectionPlan, str]:
        """A plan from its conference to the review that ends it; how it ended."""
        rng, days = self.rng, self.days
        plan = ProtectionPlan(start, OPEN, [(start, _CATEGORY.pick(rng))], previous, [])
        ended = "open"
        last = start
        while True:
            due = months_later(last, 3 if not plan.reviews else 6)
            if rng.random() < rates.REVIEW_LATE:
                held = days.add(due, rng.randint(1, 15))
            else:
                held = max(days.on_or_before(due - rng.randint(0, 14)), days.add(last, 1))
            if held > self.horizon:
                break
            if held >= b18:
                plan.end, ended = b18, "adult"
                break
            plan.reviews.append(held)
            if rng.random() < rates.CATEGORY_CHANGE_AT_REVIEW:
                current = plan.categories[-1][1]
                changed = _CATEGORY.pick(rng)
                if changed != current:
                    plan.categories.append((held, changed))
            hazards = rates.PLAN_ENDS_AT_REVIEW
            if rng.random() < hazards[min(len(plan.reviews), len(hazards)) - 1]:
                plan.end, ended = held, "review"
                break
            last = held
        u = rng.random()
        if u < rates.PLAN_TO_CARE + rates.PLAN_MOVED_AWAY:
            # Ended between reviews: became looked after, or the family moved away.
            until = plan.end if plan.end != OPEN else last + 180
            day = start + rng.randint(14, max(14, until - start - 1))
            if day < plan.end and day <= self.horizon:
                plan.end, ended = day, ("care" if u < rates.PLAN_TO_CARE else "moved")
                plan.reviews = [held for held in plan.reviews if held <= day]
                plan.categories = [c for c in plan.categories if c[0] <= day]
        return plan, ended

    def _after_plan(self, episode: Episode, ended: str, latest: int, dob: int, b18: int) -> Episode:
        """What follows a plan; `latest` is the last thing recorded before it (an assessment may
        still be under way when the plan ends)."""
        rng = self.rng
        plan = episode.plan
        assert plan is not None
        if ended == "open":
            return episode
        latest = max(latest, plan.end)
        if ended == "care":
            return self._looked_after(episode, plan.end, latest, dob, b18, "plan")
        if ended in ("moved", "adult"):
            reason = "RC5" if ended == "moved" else self._at_18()
            episode.closure, episode.reason = latest, reason
            return episode
        if rng.random() < rates.STEP_DOWN_CIN_PLAN:
            latest = max(latest, self._cin_plan(episode, self.days.add(plan.end, 1), b18))
        return self._close(episode, latest, b18, "RC7")

    def _after_assessment(
        self, episode: Episode, outcome: str, latest: int, dob: int, b18: int
    ) -> Episode:
        rng = self.rng
        assessment = episode.assessment
        assert assessment is not None
        if outcome == "care":
            if rng.random() < rates.CARE_EMERGENCY:
                start = episode.referral + rng.randint(0, 3)
                return self._looked_after(episode, start, latest, dob, b18, "emergency")
            start = assessment.authorised + rng.randint(0, 30)
            return self._looked_after(episode, start, latest, dob, b18, "assessment")
        if outcome == "cin_plan":
            latest = max(
                latest, self._cin_plan(episode, assessment.authorised + rng.randint(0, 10), b18)
            )
            return self._close(episode, latest, b18, "RC7")
        if outcome == "RC8":
            assessment.no_factors = rng.random() < rates.NO_FACTORS
        return self._close(episode, latest, b18, outcome)

    def _cin_plan(self, episode: Episode, start: int, b18: int) -> int:
        """Start a child in need plan (unless 18 comes first); the day the plan ends."""
        if start >= b18 - 1:
            return start
        length = int(self.rng.lognormvariate(_LOG_CIN_PLAN_MEDIAN, rates.CIN_PLAN_DAYS[1]))
        end = min(start + max(1, length), b18)
        episode.cin_plan = CinPlan(start, end)
        return end

    def _looked_after(
        self, episode: Episode, start: int, latest: int, dob: int, b18: int, route: str
    ) -> Episode:
        care = self.care.period(start, dob, b18, episode.need, route)
        episode.care = care
        reason = {"adopted": "RC1", "sgo": "RC4", "cao": "RC3"}.get(care.how)
        if care.how == "adult":
            reason = self._at_18()
        elif care.how == "other" and care.episodes and care.episodes[-1].ceased == "E3":
            reason = "RC5"
        return self._close(episode, max(latest, care.end), b18, reason or "RC7", delay=False)

    def _close(
        self, episode: Episode, latest: int, b18: int, reason: str, delay: bool = True
    ) -> Episode:
        if latest >= OPEN:
            return episode
        rng = self.rng
        if reason == "RC7" and rng.random() < rates.TRANSFERRED_AWAY:
            reason = "RC5"
        closure = latest + (rng.randint(*rates.CLOSURE_DELAY_DAYS) if delay else 0)
        # Closed by the 18th birthday, unless the last thing recorded came on it.
        episode.closure, episode.reason = min(closure, max(b18, latest)), reason
        return episode

    def _at_18(self) -> str:
        return "RC6" if self.rng.random() < rates.AT_18_TO_ADULTS else "RC7"
