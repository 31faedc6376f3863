"""Simulated children into the dataset's rows, as they stood at the end of the dataset's span.

A referral is in the dataset when it was open at some time in the span (with everything recorded
on it); a contact when it was received in the span; the records around them come from
around.py. Whatever happened after the span's last day is
not yet known: its dates are empty (an end, an authorisation, a conference, a closure), and what
began after it is left out. A contact still undecided at the end is open, and a referral it would
have made does not exist yet.
"""

import random
from datetime import date

from safeguard.core.identifiers import upn_check_letter
from safeguard.journey import ids
from safeguard.journey.generate import mixes, rates
from safeguard.journey.generate.around import Around
from safeguard.journey.generate.records import CarePeriod, Child, Episode, child_id
from safeguard.journey.generate.workdays import CLOSES, OPENS, WorkingDays
from safeguard.journey.schema import TABLES

_UNIX_EPOCH = date(1970, 1, 1).toordinal()
_STRATEGY = "strategy"


class Rows:
    """Column lists for every table of the schema, filled child by child."""

    def __init__(self) -> None:
        self.columns = {name: {f: [] for f in schema.names} for name, schema in TABLES.items()}

    def add(self, table: str, **values: object) -> None:
        for name, column in self.columns[table].items():
            column.append(values.get(name))

    def extend(self, other: "Rows") -> None:
        for table, columns in other.columns.items():
            for name, column in columns.items():
                self.columns[table][name].extend(column)


class Emitter:
    def __init__(
        self,
        la: str,
        days: WorkingDays,
        first: date,
        last: date,
        rng: random.Random,
        around_rng: random.Random,
    ) -> None:
        self.la, self.days, self.rng = la, days, rng
        self.first, self.last = first.toordinal(), last.toordinal()
        self.rows = Rows()
        self.around = Around(la, self.rows, self.first, self.last, around_rng)

    def _day(self, day: int | None) -> int | None:
        """A date column's value (days since 1970), or None when it is after the span."""
        return None if day is None or day > self.last else day - _UNIX_EPOCH

    def child(self, child: Child, b18: int) -> None:
        if not child.episodes and not child.contacts:
            # Most children: known, if at all, only for what happens around the pathway.
            cid = self.around.child(child, b18, [], [])
            if cid is not None:
                self._child_row(cid, child, False)
            return
        cid = child_id(self.la, child.index)
        contacts: list[tuple[int, int, dict]] = []  # (day, minute, row)
        assessed: list[tuple[int, list[str]]] = []  # (authorised, factors)
        referred: list[int] = []  # the days of the referrals written
        known = looked_after = False
        for episode in child.episodes:
            if episode.referral > self.last or episode.closure < self.first:
                continue
            referral = ids.referral_id(cid, date.fromordinal(episode.referral))
            if episode.referral >= self.first:
                outcome = _STRATEGY if episode.urgent else "assessment"
                rag = "red" if episode.urgent else mixes.RAG_REFERRAL.pick(self.rng)
                contact = self._contact(episode.referral, episode.source, rag, outcome, referral)
                contacts.append(contact)
                if contact[2]["outcome"] is None:
                    continue  # still at the front door when the span ends
            assessment = self._episode(cid, referral, episode)
            if assessment is not None:
                assessed.append(assessment)
            referred.append(episode.referral)
            known = True
            looked_after |= episode.care is not None and episode.care.start <= self.last
        early_help: list[int] = []  # the days the MASH decided on early help
        for day in child.contacts:
            source = mixes.REFERRAL_SOURCE.pick(self.rng)
            outcome = mixes.CONTACT_OUTCOME.pick(self.rng)
            contact = self._contact(day, source, mixes.RAG_OTHER.pick(self.rng), outcome)
            contacts.append(contact)
            if contact[2]["outcome"] == "early_help":
                early_help.append(contact[3])
        around = self.around.child(child, b18, early_help, assessed, frozenset(referred))
        if not contacts and not known and around is None:
            return
        contacts.sort(key=lambda c: (c[0], c[1]))
        keys = [f"{cid}/C{date.fromordinal(c[0]):%Y%m%d}" for c in contacts]
        for key, (_, _, row, _) in zip(ids.numbered(keys), contacts, strict=True):
            self.rows.add("contacts", la=self.la, child_id=cid, contact_id=key, **row)
        self._child_row(cid, child, looked_after)

    def _child_row(self, cid: str, child: Child, looked_after: bool) -> None:
        rng = self.rng
        age_at_end = (self.last - child.dob) / rates.YEAR_DAYS
        upn, unknown = None, "UN1"  # UN1: under 6 and not yet given a UPN
        if age_at_end >= 5:
            # LA, establishment, year of allocation, serial: unique within the council by index.
            year = (date.fromordinal(child.dob).year + 5) % 100
            school = 1000 + child.index // 1000 % 9000
            rest = f"{self.la}{school:04d}{year:02d}{child.index % 1000:03d}"
            upn, unknown = upn_check_letter(rest) + rest, None
        disabilities = ["NONE"]
        if rng.random() < mixes.DISABLED:
            disabilities = mixes.DISABILITY.pick_several(rng, int(mixes.DISABILITY_COUNT.pick(rng)))
        gender = mixes.GENDER_LOOKED_AFTER if looked_after else mixes.GENDER
        ethnicity = mixes.UASC_ETHNICITY if child.uasc else mixes.ETHNICITY
        self.rows.add(
            "children",
            la=self.la,
            child_id=cid,
            upn=upn,
            upn_unknown=unknown,
            date_of_birth=child.dob - _UNIX_EPOCH,
            gender=gender.pick(rng),
            ethnicity=ethnicity.pick(rng),
            disabilities=disabilities,
            uasc=child.uasc,
        )

    def _contact(
        self, day: int, source: str, rag: str, outcome: str, referral: str | None = None
    ) -> tuple[int, int, dict, int]:
        """(day, minute, the row, the day it was decided)."""
        rng, days = self.rng, self.days
        if not days.is_working_day(day):
            minute = rng.randint(8 * 60, 22 * 60 - 1)
        elif rng.random() < 0.88:
            minute = rng.randint(OPENS, CLOSES - 1)
        else:  # out of hours: 06:00-09:00 or 17:00-24:00
            minute = rng.choice((rng.randint(6 * 60, OPENS - 1), rng.randint(CLOSES, 1439)))
        clock = days.clock(day, minute)
        hours = mixes.RAG_HOURS[rag] * 60
        in_time = rates.DECIDED_IN_TIME[0 if referral else 1]
        if rng.random() < in_time:
            decided = clock + max(1, int(rng.random() * hours))
        else:
            decided = clock + hours + 1 + int(rng.random() * hours * 0.6)
        decided_day, decided_minute = days.instant(decided)
        row = {
            "received_at": days.utc_microseconds(day, minute),
            "source": source,
            "referrer_agency_kind": mixes.AGENCY_KIND.get(source),
            "rag": rag,
            "rag_deadline": days.utc_microseconds(*days.instant(clock + hours)),
            "outcome": None,
        }
        if decided_day <= self.last:
            row |= {
                "outcome": outcome,
                "threshold_level": mixes.THRESHOLD_LEVEL[outcome],
                "decided_at": days.utc_microseconds(decided_day, decided_minute),
                "referral_id": referral,
            }
        return day, minute, row, decided_day

    def _episode(self, cid: str, referral: str, episode: Episode) -> tuple[int, list[str]] | None:
        """Add the episode's rows; its assessment's authorisation day and factors, if it has."""
        add, day, la = self.rows.add, self._day, self.la
        closed = episode.closure <= self.last
        add(
            "referrals",
            la=la,
            child_id=cid,
            referral_id=referral,
            referral_date=day(episode.referral),
            source=episode.source,
            primary_need=episode.need,
            nfa=episode.nfa,
            closure_date=day(episode.closure),
            closure_reason=episode.reason if closed else None,
        )
        assessed = None
        if episode.assessment is not None:
            assessed = self._assessment(cid, referral, episode)
        if episode.enquiry is not None:
            self._enquiry(cid, referral, episode)
        plan = episode.plan
        if plan is not None and plan.start <= self.last:
            pid = ids.cp_plan_id(referral, date.fromordinal(plan.start))
            latest = [category for since, category in plan.categories if since <= self.last]
            add(
                "cp_plans",
                la=la,
                child_id=cid,
                referral_id=referral,
                cp_plan_id=pid,
                start_date=day(plan.start),
                end_date=day(plan.end),
                initial_category=plan.categories[0][1],
                latest_category=latest[-1],
                previous_plans=plan.previous,
            )
            for held in plan.reviews:
                if held <= self.last:
                    add("cp_reviews", la=la, child_id=cid, cp_plan_id=pid, review_date=day(held))
        cin_plan = episode.cin_plan
        if cin_plan is not None and cin_plan.start <= self.last:
            add(
                "cin_plans",
                la=la,
                child_id=cid,
                referral_id=referral,
                cin_plan_id=ids.cin_plan_id(referral, date.fromordinal(cin_plan.start)),
                start_date=day(cin_plan.start),
                end_date=day(cin_plan.end),
            )
        if episode.care is not None and episode.care.start <= self.last:
            self._care(cid, episode.care)
        return assessed

    def _assessment(
        self, cid: str, referral: str, episode: Episode
    ) -> tuple[int, list[str]] | None:
        assessment = episode.assessment
        assert assessment is not None
        if assessment.start > self.last:
            return None
        authorised = assessment.authorised if assessment.authorised <= self.last else None
        factors: list[str] = []
        if authorised is not None:
            if assessment.no_factors:
                factors = ["21"]
            else:
                count = int(mixes.FACTOR_COUNT.pick(self.rng))
                found = mixes.FACTOR.pick_several(self.rng, count)
                factors = [mixes.factor_code(code, authorised, self.rng) for code in found]
        self.rows.add(
            "assessments",
            la=self.la,
            child_id=cid,
            referral_id=referral,
            assessment_id=ids.assessment_id(referral, date.fromordinal(assessment.start)),
            start_date=self._day(assessment.start),
            authorisation_date=self._day(authorised),
            factors=factors,
        )
        return (authorised, factors) if authorised is not None else None

    def _enquiry(self, cid: str, referral: str, episode: Episode) -> None:
        enquiry = episode.enquiry
        assert enquiry is not None
        if enquiry.discussion > self.last:
            return
        if enquiry.start is None:
            decision = "no_s47"
        else:
            decision = "s47_joint" if enquiry.joint else "s47_single"
        self.rows.add(
            "strategy_discussions",
            la=self.la,
            child_id=cid,
            referral_id=referral,
            discussion_id=ids.discussion_id(referral, date.fromordinal(enquiry.discussion)),
            held_date=self._day(enquiry.discussion),
            decision=decision,
        )
        if enquiry.start is None or enquiry.start > self.last:
            return
        self.rows.add(
            "section47",
            la=self.la,
            child_id=cid,
            referral_id=referral,
            s47_id=ids.s47_id(referral, date.fromordinal(enquiry.start)),
            start_date=self._day(enquiry.start),
            icpc_target_date=enquiry.target - _UNIX_EPOCH,  # set when the enquiry starts
            icpc_date=self._day(enquiry.conference),
            icpc_not_required=enquiry.conference is None and enquiry.completed <= self.last,
        )

    def _care(self, cid: str, care: CarePeriod) -> None:
        add, day, la, last = self.rows.add, self._day, self.la, self.last
        for episode in care.episodes:
            if episode.start > last:
                break
            ended = episode.end <= last
            add(
                "cla_episodes",
                la=la,
                child_id=cid,
                start_date=day(episode.start),
                reason_new_episode=episode.rne,
                legal_status=episode.legal,
                category_of_need=care.need,
                placement=episode.place,
                placement_provider=episode.provider,
                end_date=day(episode.end),
                reason_ceased=episode.ceased if ended else None,
                reason_place_change=episode.place_change if ended else None,
            )
        for held, code in care.reviews:
            if held <= last:
                add("cla_reviews", la=la, child_id=cid, review_date=day(held), participation=code)
        for spell in care.missing:
            if spell.start > last:
                break
            # Not known yet: whether a child still missing, or with an interview still to come
            # when the span ends, was offered one.
            pending = spell.end > last or (spell.interview is not None and spell.interview > last)
            add(
                "missing_episodes",
                la=la,
                child_id=cid,
                kind=spell.kind,
                start_date=day(spell.start),
                end_date=day(spell.end),
                interview_offered=None if pending else spell.offered,
                interview_date=day(spell.interview),
            )
