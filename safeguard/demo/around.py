"""The records around the pathway for the demo partnership, made through the services that real
records go through, after the pathway demo (its children, referrals, plans and workers).

Proportions follow MEASURES.md and Herefordshire's 2016-17 figures where there are any: about 84
children in 10,000 looked after, one in ten of them missing in a year, most return home
interviews within 72 hours; screenings across the bands; early help from the MASH's decisions and
from steps down, with a few recent steps up waiting in the MASH queue; about one school-age child
in a hundred educated at home, two of them on plans and so flagged; neglect assessments for most
neglect plans (the rest show the plan page's prompt). Anything that would fall after today is left
undone, so the work trays show what is due.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, AgencyKind, Role, Team, User
from safeguard.casework import (
    services,
    services_early_help,
    services_exploitation,
    services_home_education,
    services_looked_after,
    services_missing,
    services_neglect,
    timescales_around,
)
from safeguard.casework.codes import CategoryOfAbuse
from safeguard.casework.codes_903 import ReviewParticipation
from safeguard.casework.codes_around import (
    Band,
    ContactKind,
    EarlyHelpOutcome,
    EarlyHelpRoute,
    ExploitationArea,
    HomeEducationEnd,
    HomeEducationReason,
    InterviewOutcome,
    OverrideKind,
)
from safeguard.casework.models import (
    Assessment,
    CareEpisode,
    EarlyHelpEpisode,
    HomeEducationEntry,
    MissingEpisode,
    ProtectionPlan,
)
from safeguard.casework.rules import PathwayError
from safeguard.casework.services_looked_after import Placement
from safeguard.core.calendar import add_months, add_working_days
from safeguard.frontdoor.codes import Concern, LawfulBasis, Outcome
from safeguard.frontdoor.models import ReasonForClosure, Referral, ThresholdDecision
from safeguard.people.models import Child

T = TypeVar("T")
LOOKED_AFTER_PER_10000 = 84
INDICATORS = [
    (ExploitationArea.ANY, "Missing from home or care, or often out late", 1),
    (ExploitationArea.ANY, "Unexplained absence from school", 1),
    (ExploitationArea.ANY, "Associates with older people or peers known to be exploited", 2),
    (ExploitationArea.SEXUAL, "Relationship with an older ‘boyfriend’ or ‘girlfriend’", 3),
    (ExploitationArea.SEXUAL, "Unexplained gifts, money or phone credit", 2),
    (ExploitationArea.SEXUAL, "Sexually transmitted infection or pregnancy", 3),
    (ExploitationArea.CRIMINAL, "Found with drugs, cash or a weapon", 3),
    (ExploitationArea.CRIMINAL, "Arrested a long way from home", 2),
    (ExploitationArea.COUNTY_LINES, "Found in another area with no explanation", 2),
    (ExploitationArea.COUNTY_LINES, "Has more than one phone", 2),
]
DISCLOSURE = "Has said they are being exploited"
LEGAL_STATUSES = [("C2", 40), ("C1", 25), ("V2", 25), ("E1", 5), ("L2", 5)]
NEEDS = [("N1", 62), ("N4", 8), ("N5", 15), ("N6", 4), ("N8", 7), ("N2", 4)]
PLACEMENTS = [
    ("U6", "PR1", 45),
    ("U6", "PR4", 10),
    ("U4", "PR1", 10),
    ("U3", "PR1", 10),
    ("U1", "PR1", 5),
    ("K2", "PR4", 10),
    ("P1", "PR0", 5),
    ("U5", "PR1", 5),
]
LEAVING = [("E4A", 35), ("E41", 10), ("E45", 10), ("E47", 5), ("E11", 10), ("E17", 10), ("E8", 5)]
PLACE_CHANGES = [("CARPL", 50), ("CREQB", 15), ("CREQO", 10), ("LAREQ", 10), ("STAND", 5)]
EARLY_HELP_ENDS = [
    (EarlyHelpOutcome.NEEDS_MET, 65),
    (EarlyHelpOutcome.DECLINED, 12),
    (EarlyHelpOutcome.MOVED, 5),
    (EarlyHelpOutcome.NO_PROGRESS, 12),
    (EarlyHelpOutcome.OTHER, 6),
]
EARLY_HELP_NEEDS = [
    "Parenting support: routines, boundaries and school attendance",
    "Domestic abuse support for the mother; the children's emotional wellbeing",
    "Housing and debt; the family is at risk of eviction",
    "The young person's behaviour at home and exclusions from school",
    "Parental mental health; the children are caring for their mother",
]
OTHER_LEADS = [
    ("Rhian Price", "rhian.price@familysupport.example.org", "Marcher Family Support Network"),
    ("Claire Dawson", "claire.dawson@riverside.example.org", "Riverside Primary School"),
    ("Becky Lewis", "becky.lewis@health.example.org", "Marcher Community Health NHS Trust"),
]


def _pick(rng: random.Random, weighted: list[tuple]) -> object:
    """One choice by weight; each is (value, weight), or (values..., weight) for a tuple."""
    values = [w[0] if len(w) == 2 else w[:-1] for w in weighted]
    return rng.choices(values, weights=[w[-1] for w in weighted])[0]


@dataclass
class Cast:
    rng: random.Random
    today: date
    workers: list[User]
    tom: User
    manager: User
    chair: User
    business_manager: User
    mash_manager: User
    leads: list[User]
    amy: User
    education_lead: User
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def at(self, day: date, hour: int) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour, self.rng.choice([0, 15, 30]))))

    def holder(self, child: Child) -> User:
        """Whoever holds the child now, or a worker picked to."""
        allocation = child.allocations.filter(ended_on__isnull=True).first()
        return allocation.worker if allocation else self.rng.choice(self.workers)


def _people() -> dict[str, User]:
    by_email = {
        "tom": "tom.griffiths@council.example.org",
        "manager": "rachel.evans@council.example.org",
        "chair": "gareth.lloyd@council.example.org",
        "business_manager": "helen.baker@partnership.example.org",
        "mash_manager": "priya.shah@council.example.org",
        "amy": "amy.watkins@earlyhelp.example.org",
    }
    return {key: User.objects.get(email=email) for key, email in by_email.items()}


def _extra_users() -> tuple[list[User], User]:
    """Early help leads in other agencies, and the council's elective home education officer."""
    role = Role.objects.get(key="early_help_practitioner")
    leads = []
    for name, email, agency_name in OTHER_LEADS:
        agency = Agency.objects.filter(name=agency_name).first() or Agency.objects.get(
            kind=AgencyKind.EARLY_HELP
        )
        user, made = User.objects.get_or_create(
            email=email,
            defaults={"full_name": name, "agency": agency, "role": role, "job_title": "Lead"},
        )
        if made:
            user.set_unusable_password()
            user.save()
        leads.append(user)
    council = Agency.objects.get(kind=AgencyKind.CHILDRENS_SERVICES)
    team, _ = Team.objects.get_or_create(agency=council, name="Education inclusion service")
    officer, made = User.objects.get_or_create(
        email="nia.roberts@council.example.org",
        defaults={
            "full_name": "Nia Roberts",
            "agency": council,
            "role": Role.objects.get(key="social_worker"),
            "job_title": "Elective home education officer",
        },
    )
    if made:
        officer.set_unusable_password()
        officer.save()
        officer.teams.set([team])
    return leads, officer


@transaction.atomic
def seed_around(*, seed: int = 2017, today: date | None = None) -> dict[str, int]:
    people = _people()
    leads, officer = _extra_users()
    workers = list(
        User.objects.filter(role__key="social_worker", teams__isnull=False)
        .exclude(pk__in=[people["tom"].pk, officer.pk])
        .distinct()
        .order_by("pk")
    )
    cast = Cast(
        rng=random.Random(seed),
        today=today or timezone.localdate(),
        workers=workers,
        tom=people["tom"],
        manager=people["manager"],
        chair=people["chair"],
        business_manager=people["business_manager"],
        mash_manager=people["mash_manager"],
        leads=[people["amy"], *leads],
        amy=people["amy"],
        education_lead=officer,
    )
    _catalogue(cast)
    for step in (_looked_after, _missing, _screenings, _early_help, _home_education, _neglect):
        step(cast)
    return cast.counts


def _attempt(cast: Cast, action: Callable[[], T]) -> T | None:
    """The rules may refuse a step the generator proposes (a child already looked after, say),
    as they would a worker: the demo moves on."""
    try:
        return action()
    except PathwayError:
        cast.count("refused")
        return None


# The exploitation indicator catalogue ------------------------------------------------------------


def _catalogue(cast: Cast) -> None:
    by = cast.business_manager
    draft = services_exploitation.start_draft(by=by)
    services_exploitation.set_thresholds(
        draft,
        title="Marcher child exploitation screening tool",
        low_from=1,
        medium_from=4,
        high_from=8,
    )
    for area, text, weight in INDICATORS:
        services_exploitation.add_indicator(draft, area=area, text=text, weight=weight)
    disclosure = services_exploitation.add_indicator(
        draft, area=ExploitationArea.ANY, text=DISCLOSURE, weight=4
    )
    services_exploitation.add_rule(
        draft, kind=OverrideKind.UNDER_AGE, under_age=13, band=Band.MEDIUM
    )
    services_exploitation.add_rule(
        draft, kind=OverrideKind.INDICATOR, indicator=disclosure, band=Band.HIGH
    )
    services_exploitation.publish(draft, in_force_from=date(2015, 4, 1), by=by)
    # A year ago the partnership added debt bondage, after a county lines case review.
    second = services_exploitation.start_draft(by=by)
    services_exploitation.add_indicator(
        second,
        area=ExploitationArea.COUNTY_LINES,
        text="Owes a drug debt, or fears those they owe",
        weight=3,
    )
    services_exploitation.publish(second, in_force_from=cast.today - timedelta(days=365), by=by)
    cast.count("catalogue_versions", 2)


# Children looked after --------------------------------------------------------------------------


def _looked_after(cast: Cast) -> None:
    rng, today = cast.rng, cast.today
    known = list(
        Child.objects.filter(referrals__isnull=False, date_of_birth__isnull=False)
        .distinct()
        .order_by("pk")
    )
    # Some of the periods of care end before today: start a few more than stay looked after.
    wanted = max(3, round(Child.objects.count() * LOOKED_AFTER_PER_10000 / 10000 * 1.5))
    for child in rng.sample(known, min(wanted, len(known))):
        first_referral = child.referrals.order_by("referral_date").first().referral_date
        start = max(first_referral + timedelta(days=rng.randint(5, 60)), today - timedelta(900))
        age = child.age_on(start)
        if start > today - timedelta(days=3) or age is None or age >= 17:
            continue
        placement_type, provider = _pick(rng, PLACEMENTS)
        episode = _attempt(
            cast,
            lambda c=child, s=start, t=placement_type, p=provider: services_looked_after.start_care(
                c,
                started_on=s,
                legal_status=_pick(rng, LEGAL_STATUSES),
                category_of_need=_pick(rng, NEEDS),
                placement=Placement(t, p, "Foster carers" if t.startswith("U") else ""),
                by=cast.holder(c),
            ),
        )
        if episode is None:
            continue
        cast.count("looked_after")
        if not child.allocations.filter(ended_on__isnull=True).exists():
            worker = cast.tom if rng.random() < 0.1 else rng.choice(cast.workers)
            services.allocate(child, worker, worker.teams.first(), on=start, by=cast.manager)
        _care_life(cast, child, start)


def _care_life(cast: Cast, child: Child, start: date) -> None:
    rng, today = cast.rng, cast.today
    ends = start + timedelta(days=rng.randint(90, 700)) if rng.random() < 0.45 else None
    last_day = min(today, ends) if ends else today
    day = start
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        day += timedelta(days=rng.randint(30, 200))
        if day >= last_day:
            break
        episode = services_looked_after.open_episode(child)
        move = episode.legal_status != "C1" or rng.random() < 0.5
        _attempt(
            cast,
            lambda e=episode, d=day, m=move: services_looked_after.change_care(
                e,
                version=e.version,
                on=d,
                reason_new="P" if m else "L",
                legal_status="" if m else "C2",
                category_of_need=e.category_of_need,
                placement=Placement(*_pick(rng, PLACEMENTS)) if m else None,
                reason_place_change=_pick(rng, PLACE_CHANGES) if m else "",
                by=cast.holder(child),
            ),
        )
    _reviews(cast, child, start, last_day)
    _visits(cast, child, start, last_day)
    if ends and ends <= today:
        episode = services_looked_after.open_episode(child)
        _attempt(
            cast,
            lambda: services_looked_after.cease_care(
                episode, version=episode.version, on=ends, reason=_pick(rng, LEAVING)
            ),
        )


def _reviews(cast: Cast, child: Child, since: date, last_day: date) -> None:
    rng, held = cast.rng, []
    while True:
        due = timescales_around.care_review_due(since, held)
        day = (
            due - timedelta(days=rng.randint(0, 6))
            if rng.random() < 0.9
            else due + timedelta(days=rng.randint(3, 25))
        )
        if day > last_day:
            return
        age = child.age_on(day)
        code = "PN0" if age < 4 else _pick(rng, [(c, 10) for c in ReviewParticipation][1:])
        _attempt(
            cast,
            lambda d=day, c=code: services_looked_after.record_care_review(
                child, held_on=d, participation=c, chair=cast.chair
            ),
        )
        held.append(day)


def _visits(cast: Cast, child: Child, since: date, last_day: date) -> None:
    rng = cast.rng
    day = since + timedelta(days=rng.randint(2, 7))
    while day <= last_day:
        seen = rng.random() < 0.95
        services.record_visit(
            child,
            visited_on=day,
            seen=seen,
            seen_alone=seen and rng.random() < 0.7,
            notes="",
            by=cast.holder(child),
        )
        day += timedelta(days=rng.randint(28, 42) if rng.random() < 0.9 else rng.randint(43, 70))


# Missing episodes and return home interviews ----------------------------------------------------


def _missing(cast: Cast) -> None:
    rng, today = cast.rng, cast.today
    in_care = list(
        CareEpisode.objects.filter(ended_on__isnull=True)
        .order_by("child_id")
        .values_list("child_id", flat=True)
    )
    at_home = list(
        Child.objects.filter(referrals__isnull=False, date_of_birth__lte=today - timedelta(3650))
        .exclude(pk__in=in_care)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    # One child looked after in ten goes missing in a year (England 2016-17: 10%).
    chosen = rng.sample(in_care, min(len(in_care), max(1, len(in_care) // 9)))
    chosen += rng.sample(at_home, min(len(at_home), max(2, len(at_home) // 60)))
    for child in Child.objects.filter(pk__in=chosen).order_by("pk"):
        episodes = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
        repeat = episodes >= 3
        day = today - timedelta(days=rng.randint(20 if repeat else 5, 360))
        for _ in range(episodes):
            if day >= today - timedelta(days=3):
                break
            _one_missing(cast, child, day, child.pk in in_care)
            day += timedelta(days=rng.randint(8, 30) if repeat else rng.randint(40, 120))
    _lately_missing(cast, in_care)


def _lately_missing(cast: Cast, in_care: list[int]) -> None:
    """One child looked after came back last night, the interview still to do; another is
    missing now."""
    now = timezone.now()
    for child_id, returned in zip(in_care[:2], (now - timedelta(hours=10), None), strict=False):
        child = Child.objects.get(pk=child_id)
        episode = _attempt(
            cast,
            lambda c=child: services_missing.record_missing(
                c,
                kind="M",
                started_at=now - timedelta(hours=30),
                reported_by="Foster carer",
                police_reference="WM-40211",
                by=cast.holder(c),
            ),
        )
        if episode is not None:
            cast.count("missing_episodes")
            if returned is not None:
                services_missing.record_return(
                    episode, version=episode.version, returned_at=returned, where_found="Home"
                )


def _one_missing(cast: Cast, child: Child, day: date, in_care: bool) -> None:
    rng, now = cast.rng, timezone.now()
    started = cast.at(day, rng.choice([15, 17, 19, 21, 22]))
    away = in_care and services_looked_after.looked_after_on(child, day) and rng.random() < 0.35
    episode = _attempt(
        cast,
        lambda: services_missing.record_missing(
            child,
            kind="A" if away else "M",
            started_at=started,
            reported_by="Foster carer" if in_care else rng.choice(["Mother", "Father", "School"]),
            police_reference=f"WM-{rng.randint(10000, 99999)}" if rng.random() < 0.8 else "",
            circumstances="Left after an argument; phone switched off.",
            by=cast.holder(child),
        ),
    )
    if episode is None:
        return
    cast.count("missing_episodes")
    returned = started + timedelta(hours=rng.randint(3, 70))
    if returned > now or ((cast.today - day).days < 2 and rng.random() < 0.5):
        return  # still missing
    services_missing.record_return(
        episode,
        version=episode.version,
        returned_at=returned,
        where_found=rng.choice(
            [
                "Came home by herself",
                "Found by police in town",
                "At a friend's house",
                "In Hereford",
            ]
        ),
    )
    _return_interview(cast, episode, returned)


def _return_interview(cast: Cast, episode: MissingEpisode, returned: datetime) -> None:
    rng, now = cast.rng, timezone.now()
    roll = rng.random()
    if roll < 0.62:
        outcome, held = InterviewOutcome.HELD, returned + timedelta(hours=rng.randint(4, 71))
    elif roll < 0.78:
        outcome, held = InterviewOutcome.HELD, returned + timedelta(hours=rng.randint(75, 240))
    else:
        outcome, held = (
            InterviewOutcome.DECLINED if roll < 0.9 else InterviewOutcome.NOT_HELD,
            returned + timedelta(hours=rng.randint(20, 60)),
        )
    if held > now:
        return  # still to do: in the worker's tray
    late = held > timescales_around.return_interview_due(returned)
    services_missing.record_return_interview(
        episode,
        outcome=outcome,
        offered_on=timezone.localdate(min(held, returned + timedelta(hours=rng.randint(1, 20)))),
        held_at=held,
        interviewer="Marcher Youth Service return interviewer",
        interviewer_agency="Marcher Youth Service",
        independent=True,
        reason="The young person said they did not want to talk" if outcome != "held" else "",
        late_reason="The young person was not available sooner" if late else "",
        what_was_learned="Went to see friends in town; stayed at an older friend's flat.",
        by=cast.holder(episode.child),
    )
    cast.count("return_interviews")


# Exploitation screening -------------------------------------------------------------------------


def _screenings(cast: Cast) -> None:
    rng, today = cast.rng, cast.today
    missing = set(MissingEpisode.objects.values_list("child_id", flat=True))
    # Assessments that found sexual or criminal exploitation, or gangs.
    flagged = {
        child
        for child, factors in Assessment.objects.values_list("referral__child_id", "factors")
        if {"11A", "24A", "13A"} & set(factors)
    }
    chosen = sorted({c for c in missing if rng.random() < 0.6} | flagged)
    for child in Child.objects.filter(pk__in=chosen, date_of_birth__isnull=False).order_by("pk"):
        day = today - timedelta(days=rng.randint(10, 400))
        if child.age_on(day) is None or child.age_on(day) < 9:
            continue
        risky = child.pk in flagged or child.pk in missing
        for _ in range(rng.choice([1, 1, 2, 3])):
            if day > today:
                break
            _one_screening(cast, child, day, risky)
            day = add_months(day, 3) + timedelta(days=rng.randint(-7, 20))


def _one_screening(cast: Cast, child: Child, day: date, risky: bool) -> None:
    rng = cast.rng
    catalogue = services_exploitation.catalogue_for(day)
    indicators = list(catalogue.indicators.order_by("pk"))
    count = rng.choice([0, 1, 2, 3, 4] if risky else [0, 0, 1, 2])
    present = rng.sample(indicators, min(count, len(indicators)))
    if risky and rng.random() < 0.1:
        present.append(catalogue.indicators.get(text=DISCLOSURE))
    present = list({i.pk: i for i in present}.values())
    suggestion = services_exploitation.suggest(catalogue, present, child.age_on(day))
    grade = suggestion.band
    if rng.random() < 0.15:
        rank = min(3, max(0, Band.rank(grade) + rng.choice([-1, 1])))
        grade = Band.values[rank]
    share = {Band.HIGH: 0.8, Band.MEDIUM: 0.2}.get(grade, 0)
    panel = rng.random() < share
    _attempt(
        cast,
        lambda: services_exploitation.record_screening(
            child,
            screened_on=day,
            indicator_ids=[i.pk for i in present],
            practitioner_band=grade,
            reasons="What the child, the school and the police told us, weighed together."
            if grade == suggestion.band
            else "What the child told me outweighs the indicators: see the chronology.",
            referred_to_panel=panel,
            panel_referral_on=day + timedelta(days=rng.randint(0, 5)) if panel else None,
            review_on=timescales_around.screening_review_default(day),
            by=cast.holder(child),
        ),
    )
    cast.count("screenings")


# Early help -------------------------------------------------------------------------------------


def _early_help(cast: Cast) -> None:
    rng, today = cast.rng, cast.today
    year_ago = today - timedelta(days=365)
    from_mash = [
        (timezone.localdate(d.decided_at) + timedelta(days=rng.randint(1, 10)), d.contact.child)
        for d in ThresholdDecision.objects.filter(
            outcome=Outcome.EARLY_HELP, decided_at__date__gte=year_ago, contact__child__isnull=False
        ).select_related("contact__child")
        if rng.random() < 0.4
    ]
    from_social_care = [
        (r.closed_on + timedelta(days=rng.randint(0, 5)), r)
        for r in Referral.objects.filter(
            reason_for_closure=ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT, closed_on__gte=year_ago
        ).select_related("child")
    ]
    starts = [(day, child, EarlyHelpRoute.MASH, None) for day, child in from_mash]
    starts += [(day, r.child, EarlyHelpRoute.STEP_DOWN, r) for day, r in from_social_care]
    for day, child, route, referral in sorted(starts, key=lambda s: (s[0], s[1].pk)):
        if day > today:
            continue
        # Amy, the demo's early help practitioner, leads a caseload of a couple of dozen.
        lead = cast.amy if rng.random() < 0.1 else rng.choice(cast.leads[1:])
        episode = _attempt(
            cast,
            lambda c=child, d=day, r=route, f=referral, le=lead: (
                services_early_help.start_early_help(
                    c,
                    started_on=d,
                    lead=le,
                    needs=rng.choice(EARLY_HELP_NEEDS),
                    route=r,
                    stepped_down_from=f,
                    by=cast.mash_manager if r == EarlyHelpRoute.MASH else le,
                )
            ),
        )
        if episode is not None:
            cast.count("early_help")
            cast.count("steps_down" if route == EarlyHelpRoute.STEP_DOWN else "from_mash")
            _early_help_life(cast, episode)
    _steps_up(cast)


def _early_help_life(cast: Cast, episode: EarlyHelpEpisode) -> None:
    rng, today = cast.rng, cast.today
    start = episode.started_on
    began = start + timedelta(days=rng.randint(0, 7))
    completed = add_working_days(start, rng.randint(10, 28) if rng.random() < 0.8 else 40)
    agreed = completed + timedelta(days=rng.randint(0, 10))
    if began > today:
        return
    services_early_help.record_assessment_and_plan(
        episode,
        version=episode.version,
        assessment_started_on=began,
        assessment_completed_on=completed if completed <= today else None,
        assessment_agency=episode.lead_agency,
        plan_agreed_on=agreed if agreed <= today else None,
        plan="A team around the family: school, health visitor and family support each week."
        if agreed <= today
        else "",
    )
    if agreed > today:
        return
    ends = start + timedelta(days=rng.randint(90, 330))
    review = agreed + timedelta(weeks=rng.randint(5, 7))
    while review <= min(today, ends):
        services_early_help.review(
            episode, held_on=review, notes="Progress made", by=episode.lead_practitioner
        )
        review += timedelta(weeks=rng.randint(5, 8))
    if ends <= today:
        services_early_help.end_early_help(
            episode, version=episode.version, ended_on=ends, outcome=_pick(rng, EARLY_HELP_ENDS)
        )


def _steps_up(cast: Cast) -> None:
    """A few open episodes step up in the last fortnight: their contacts wait in the MASH queue."""
    rng, now = cast.rng, timezone.now()
    open_to_social_care = Referral.objects.filter(closed_on__isnull=True).values("child_id")
    open_episodes = list(
        EarlyHelpEpisode.objects.filter(ended_on__isnull=True)
        .exclude(child__in=open_to_social_care)
        .select_related("lead_practitioner", "child")
        .order_by("pk")
    )
    for episode in rng.sample(open_episodes, min(len(open_episodes), 4)):
        _attempt(
            cast,
            lambda e=episode: services_early_help.step_up(
                e,
                reason="Things have got worse at home despite the plan: the children are not "
                "being fed and their mother has stopped engaging.",
                concerns=[Concern.NEGLECT],
                immediate_danger=False,
                family_aware=True,
                lawful_basis=LawfulBasis.CONSENT,
                by=e.lead_practitioner,
                at=now - timedelta(hours=rng.randint(1, 8)),
            ),
        )
        cast.count("steps_up")


# Children educated at home ----------------------------------------------------------------------


def _home_education(cast: Cast) -> None:
    rng, today = cast.rng, cast.today
    lead = cast.education_lead
    school_age = list(
        Child.objects.filter(
            date_of_birth__lte=today - timedelta(days=6 * 365),
            date_of_birth__gt=today - timedelta(days=15 * 365),
        ).order_by("pk")
    )
    on_plans = set(
        ProtectionPlan.objects.filter(ended_on__isnull=True).values_list("child_id", flat=True)
    )
    chosen = rng.sample(school_age, max(2, len(school_age) // 100))
    # Two children on plans, so the flag shows: the register is where these cases are missed.
    chosen += [c for c in school_age if c.pk in on_plans and c not in chosen][:2]
    for child in chosen:
        start = today - timedelta(days=rng.randint(30, 1000))
        if child.age_on(start) is None or child.age_on(start) < 5:
            start = today - timedelta(days=30)
        entry = _attempt(
            cast,
            lambda c=child, s=start: services_home_education.add_to_register(
                c,
                started_on=s,
                reason=rng.choice(list(HomeEducationReason)),
                reason_details="The parents wrote to the school to say so.",
                previous_school=rng.choice(["Whitecross Academy", "Riverside Primary School"]),
                education_lead=lead,
                by=lead,
            ),
        )
        if entry is None:
            continue
        cast.count("home_education")
        contact = start + timedelta(days=rng.randint(14, 60))
        while contact <= today:
            services_home_education.record_contact(
                entry,
                contacted_on=contact,
                kind=rng.choice([ContactKind.HOME_VISIT, ContactKind.WORK_SEEN]),
                child_seen=rng.random() < 0.7,
                notes="Saw a timetable and samples of work.",
                concerns="Little evidence of any education; the child was not seen."
                if rng.random() < 0.15
                else "",
                by=lead,
            )
            contact = add_months(contact, 12)
        if rng.random() < 0.1 and child.pk not in on_plans:
            services_home_education.end_registration(
                entry, version=entry.version, ended_on=today, reason=HomeEducationEnd.SCHOOL
            )


# Neglect assessments ----------------------------------------------------------------------------


def _neglect(cast: Cast) -> None:
    rng, today = cast.rng, cast.today
    plans = ProtectionPlan.objects.filter(
        ended_on__isnull=True, latest_category=CategoryOfAbuse.NEGLECT
    ).select_related("child")
    for plan in plans.order_by("pk"):
        if rng.random() < 0.15:
            continue  # no assessment: the plan page prompts its worker
        day = plan.started_on + timedelta(days=rng.randint(5, 40))
        first = None
        while day <= today:
            assessment = services_neglect.record_assessment(
                plan.child,
                assessed_on=day,
                carer_name=_carer(plan.child),
                grades={
                    a: rng.randint(2, 5) for a in ("physical_care", "safety", "love", "esteem")
                },
                comments="Scored with the family at home.",
                assessor=cast.holder(plan.child),
            )
            cast.count("neglect_assessments")
            first = first or assessment
            if rng.random() > 0.9:
                break  # not assessed again: three months on, the plan page prompts
            day = add_months(day, 3) - timedelta(days=rng.randint(0, 14))
        if first is not None and rng.random() < 0.9:
            services_neglect.record_reasoning(
                plan,
                assessment=first,
                reasoning="Physical care and safety graded 4 or 5 on every visit: the home is "
                "unsafe and the children often hungry, which is neglect.",
                by=cast.holder(plan.child),
                on=min(today, first.assessed_on + timedelta(days=rng.randint(0, 7))),
            )
    _count_flags(cast)


def _carer(child: Child) -> str:
    carer = (
        child.relationships.filter(person__isnull=False, parental_responsibility=True)
        .select_related("person")
        .first()
    )
    return str(carer.person) if carer else "Mother"


def _count_flags(cast: Cast) -> None:
    entries = HomeEducationEntry.objects.filter(ended_on__isnull=True)
    flagged = [e for e in entries if services_home_education.flag_for(e) is not None]
    cast.count("home_education_flagged", len(flagged))
