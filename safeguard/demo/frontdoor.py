"""Two years of front-door activity for the demo partnership.

Volumes and shares are those of a council the size of Herefordshire: a few thousand contacts a
year, most from the police, schools and health; about a third become referrals to social care.
Every contact goes through the same rules as a real one (its RAG clocks, its source code, the
decision that makes it a referral); rows are written in bulk so the demo builds in seconds.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, AgencyKind, Role, User
from safeguard.core.calendar import is_working_day
from safeguard.frontdoor.codes import (
    Channel,
    Concern,
    EarlyHelpOffered,
    LawfulBasis,
    Outcome,
    PrimaryNeed,
    Rag,
    ReferralSource,
)
from safeguard.frontdoor.models import (
    AgencyAdvice,
    Contact,
    ContactStatus,
    FrontDoorSettings,
    InformationRequest,
    RagChange,
    Referral,
    SharingDecision,
    ThresholdDecision,
    ThresholdDocument,
    ThresholdLevel,
)
from safeguard.frontdoor.services import source_for
from safeguard.people.models import Child

CONTACTS_PER_YEAR = 4200
REASONING = "Information from partner agencies considered against the threshold document."
ADVICE = (
    "This did not meet the threshold for social care. "
    "Early help should have been offered to the family first."
)
STILL_OPEN_DAYS = 3

LEVELS = [
    (
        "Universal",
        "Children whose needs are met by universal services: school, GP, health visitor.",
    ),
    (
        "Early help",
        "Children and families with additional needs that a coordinated early help "
        "offer can meet, with the family's agreement.",
    ),
    (
        "Child in need",
        "Children whose development is likely to be significantly impaired without "
        "services from children's social care (Children Act 1989 s17).",
    ),
    (
        "Child protection",
        "Children suffering, or likely to suffer, significant harm (Children Act 1989 s47).",
    ),
]

# (agency kind, share of contacts, share of decided contacts that end in no further action)
SOURCES = [
    (AgencyKind.POLICE, 0.30, 0.45),
    (AgencyKind.EDUCATION, 0.20, 0.20),
    (AgencyKind.HEALTH_TRUST, 0.12, 0.18),
    (AgencyKind.GP_PRACTICE, 0.05, 0.22),
    (AgencyKind.HOUSING, 0.04, 0.30),
    (AgencyKind.EARLY_HELP, 0.05, 0.08),
    (AgencyKind.PROBATION, 0.03, 0.25),
    (AgencyKind.VOLUNTARY, 0.04, 0.25),
    (None, 0.17, 0.35),  # family members, neighbours and anonymous callers
]
# Callers who are not from an agency: family, neighbours, the child, anonymous.
PUBLIC_SOURCES = [
    ReferralSource.FAMILY,
    ReferralSource.FAMILY,
    ReferralSource.ACQUAINTANCE,
    ReferralSource.SELF,
    ReferralSource.ANONYMOUS,
]
OTHER_OUTCOMES = [
    (Outcome.INFORMATION_AND_ADVICE, 0.22),
    (Outcome.EARLY_HELP, 0.22),
    (Outcome.ASSESSMENT, 0.38),
    (Outcome.STRATEGY_DISCUSSION, 0.12),
    (Outcome.ALREADY_OPEN, 0.06),
]
LEVEL_FOR = {
    Outcome.NO_FURTHER_ACTION: 1,
    Outcome.INFORMATION_AND_ADVICE: 1,
    Outcome.EARLY_HELP: 2,
    Outcome.ASSESSMENT: 3,
    Outcome.ALREADY_OPEN: 3,
    Outcome.STRATEGY_DISCUSSION: 4,
}
WHAT_HAPPENED = {
    Concern.NEGLECT: "Child arrived at school hungry and in the same clothes for a week.",
    Concern.PHYSICAL: "Bruising to the upper arm; the child said mum's partner grabbed them.",
    Concern.EMOTIONAL: "Child withdrawn and says they are shouted at and called names at home.",
    Concern.SEXUAL: "Child made a disclosure to a teacher about an older relative.",
    Concern.CSE: "Seen getting into cars with older males; new phone and clothes.",
    Concern.CCE: "Found with cash and two phones in another county; links to a drug line.",
    Concern.MISSING: "Missing overnight for the third time this month.",
    Concern.DOMESTIC_ABUSE: "Police attended a domestic incident; children present in the house.",
    Concern.ONLINE_HARM: "Sharing images with an adult met online.",
    Concern.OTHER: "Parent's mental health has deteriorated; children caring for them.",
}


@dataclass
class Cast:
    mash_staff: list[User]
    managers: list[User]
    partner_referrers: dict[str, User]
    agencies: dict[str, list[Agency]]


def _threshold_documents(business_manager: User) -> list[ThresholdDocument]:
    documents = []
    # The first covers the partnership's history (history.py), from before its first year.
    for version, (title, start) in enumerate(
        [
            ("Levels of need", date(2010, 4, 1)),
            ("Continuum of need", date(2015, 4, 1)),
            ("Continuum of need (revised)", date(2025, 4, 1)),
        ],
        start=1,
    ):
        document, made = ThresholdDocument.objects.get_or_create(
            version=version,
            defaults={"title": title, "in_force_from": start, "published_by": business_manager},
        )
        if made:
            ThresholdLevel.objects.bulk_create(
                ThresholdLevel(document=document, number=n, name=name, descriptors=text)
                for n, (name, text) in enumerate(LEVELS, start=1)
            )
        documents.append(document)
    return documents


def _cast() -> Cast:
    council = Agency.objects.get(kind=AgencyKind.CHILDRENS_SERVICES)
    manager_role = Role.objects.get(key="mash_manager")
    managers = list(User.objects.filter(role=manager_role))
    # Two more managers share the decisions, so the consistency table has something to compare.
    for name, email in [
        ("Jo Bennett", "jo.bennett@council.example.org"),
        ("Chris Ward", "chris.ward@council.example.org"),
    ]:
        user, made = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": name,
                "agency": council,
                "role": manager_role,
                "job_title": "MASH team manager",
            },
        )
        if made:
            user.set_unusable_password()
            user.save()
        managers.append(user)
    agencies: dict[str, list[Agency]] = {}
    for agency in Agency.objects.all():
        agencies.setdefault(agency.kind, []).append(agency)
    partners = {u.agency.kind: u for u in User.objects.filter(role__key="partner_practitioner")}
    return Cast(
        mash_staff=list(User.objects.filter(role__key="mash_worker")) + managers,
        managers=managers,
        partner_referrers=partners,
        agencies=agencies,
    )


def _received_at(rng: random.Random, day: date) -> datetime:
    # Most contacts arrive in office hours; police notifications also come overnight.
    hour = rng.choice([8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 15, 16, 17, 19, 22, 2])
    return datetime.combine(day, time(hour, rng.randint(0, 59)), timezone.get_current_timezone())


def _weighted(rng: random.Random, pairs: list[tuple[object, float]]) -> object:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


@transaction.atomic
def seed_front_door(
    *, seed: int = 2017, today: date | None = None, per_year: int = CONTACTS_PER_YEAR
) -> int:
    """Contacts, decisions, referrals and information requests for the two years to today."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    business_manager = User.objects.filter(role__key="business_manager").first()
    documents = _threshold_documents(business_manager)
    cast = _cast()
    settings = FrontDoorSettings.current()
    children = list(
        Child.objects.filter(date_of_birth__isnull=False).values_list(
            "pk", "first_name", "last_name", "date_of_birth"
        )
    )
    # A minority of children account for most repeat contacts.
    frequent = children[: len(children) // 8]

    contacts: list[Contact] = []
    plans: list[dict[str, object]] = []
    day = today - timedelta(days=730)
    while day <= today:
        # Weekends and bank holidays see a tenth of a working day's contacts.
        per_day = per_year / 260 if is_working_day(day) else per_year / 2600
        for _ in range(int(per_day) + (rng.random() < per_day % 1)):
            kind = _weighted(rng, [(s[0], s[1]) for s in SOURCES])
            nfa_share = next(s[2] for s in SOURCES if s[0] == kind)
            agency = rng.choice(cast.agencies[kind]) if kind else None
            referrer = cast.partner_referrers.get(kind) if kind and rng.random() < 0.15 else None
            if referrer is not None:
                agency = referrer.agency
            pk, first, last, born = rng.choice(frequent if rng.random() < 0.15 else children)
            concern = rng.choice(list(WHAT_HAPPENED))
            received = _received_at(rng, day)
            danger = rng.random() < 0.05
            contact = Contact(
                received_at=received,
                channel=Channel.ONLINE if referrer else rng.choice([Channel.PHONE, Channel.EMAIL]),
                recorded_by=referrer or rng.choice(cast.mash_staff),
                referrer=referrer,
                referrer_name=referrer.full_name
                if referrer
                else ("Anonymous" if not kind and rng.random() < 0.3 else "Caller"),
                referrer_role=referrer.job_title if referrer else "",
                referrer_agency=agency,
                source=source_for(agency, referrer.job_title if referrer else "")
                if kind
                else rng.choice(PUBLIC_SOURCES),
                child_id=pk,
                child_first_name=first,
                child_last_name=last,
                child_date_of_birth=born,
                lives_with="Mother and siblings",
                concerns=[concern],
                what_happened=WHAT_HAPPENED[concern],
                immediate_danger=danger,
                early_help_offered=rng.choice(list(EarlyHelpOffered)),
                family_aware=rng.random() < 0.6,
                lawful_basis=LawfulBasis.CONSENT if rng.random() < 0.6 else LawfulBasis.RISK,
                rag=Rag.RED
                if danger
                else _weighted(rng, [(Rag.RED, 0.08), (Rag.AMBER, 0.5), (Rag.GREEN, 0.42)]),
            )
            contact.set_clocks(settings)
            still_open = (today - day).days < STILL_OPEN_DAYS
            outcome = None
            if not still_open:
                outcome = (
                    Outcome.NO_FURTHER_ACTION
                    if rng.random() < nfa_share
                    else _weighted(rng, OTHER_OUTCOMES)
                )
                contact.status = ContactStatus.DECIDED
            contacts.append(contact)
            plans.append(
                {"outcome": outcome, "late": rng.random() < 0.12, "requests": rng.random() < 0.4}
            )
        day += timedelta(days=1)
    # References come from the row numbers, which exist only once the rows are written.
    for number, contact in enumerate(contacts):
        contact.reference = f"pending-{number}"
    Contact.objects.bulk_create(contacts, batch_size=1000)
    for contact in contacts:
        contact.reference = f"FD{timezone.localtime(contact.received_at):%y}-{contact.pk:06d}"
    Contact.objects.bulk_update(contacts, ["reference"], batch_size=1000)

    levels = {(lvl.document_id, lvl.number): lvl for lvl in ThresholdLevel.objects.all()}
    rag_changes, decisions, referrals, requests, advice = [], [], [], [], []
    police_and_health = (
        cast.agencies[AgencyKind.POLICE]
        + cast.agencies[AgencyKind.HEALTH_TRUST]
        + cast.agencies[AgencyKind.EDUCATION][:3]
    )
    for contact, plan in zip(contacts, plans, strict=True):
        rag_changes.append(
            RagChange(
                contact=contact,
                rag=contact.rag,
                reason="Rated at screening",
                changed_by=rng.choice(cast.managers),
                changed_at=contact.received_at + timedelta(minutes=20),
            )
        )
        if plan["requests"]:
            for agency in rng.sample(police_and_health, rng.randint(1, 3)):
                asked = contact.received_at + timedelta(minutes=40)
                due = settings.clock_deadline(
                    asked, contact.rag, share=settings.information_request_share
                )
                answered = None
                if plan["outcome"] is not None or rng.random() < 0.5:
                    answered = (
                        due - timedelta(minutes=rng.randint(5, 240))
                        if rng.random() < 0.8
                        else due + timedelta(hours=rng.randint(1, 30))
                    )
                requests.append(
                    InformationRequest(
                        contact=contact,
                        agency=agency,
                        question="What do you know about this child and family?",
                        requested_by=rng.choice(cast.mash_staff),
                        requested_at=asked,
                        due_at=due,
                        decision=SharingDecision.SHARED if answered else "",
                        answer="Known to us: two previous incidents recorded." if answered else "",
                        reason="To help the MASH decide whether the child is at risk"
                        if answered
                        else "",
                        answered_at=answered,
                    )
                )
        outcome = plan["outcome"]
        if outcome is None:
            continue
        received_on = timezone.localtime(contact.received_at).date()
        decided_at = (
            contact.rag_deadline + timedelta(hours=rng.randint(1, 20))
            if plan["late"]
            else contact.received_at
            + (contact.rag_deadline - contact.received_at) * rng.uniform(0.2, 0.95)
        )
        # A decision cites the threshold document in force on the day it is made.
        decided_on = timezone.localtime(decided_at).date()
        document = [d for d in documents if d.in_force_from <= decided_on][-1]
        decisions.append(
            ThresholdDecision(
                contact=contact,
                level=levels[(document.pk, LEVEL_FOR[outcome])],
                outcome=outcome,
                reasoning=REASONING,
                feedback_for_referrer=f"{Outcome(outcome).label}. Thank you for your referral.",
                decided_by=rng.choice(cast.managers),
                decided_at=decided_at,
            )
        )
        if outcome in Outcome.to_social_care():
            referrals.append(
                Referral(
                    child_id=contact.child_id,
                    contact=contact,
                    referral_date=received_on,
                    source=contact.source,
                    primary_need=_weighted(
                        rng,
                        [
                            (PrimaryNeed.ABUSE_OR_NEGLECT, 0.55),
                            (PrimaryNeed.FAMILY_DYSFUNCTION, 0.2),
                            (PrimaryNeed.ACUTE_STRESS, 0.1),
                            (PrimaryNeed.CHILDS_DISABILITY, 0.08),
                            (PrimaryNeed.ABSENT_PARENTING, 0.07),
                        ],
                    ),
                )
            )
        elif (
            outcome == Outcome.NO_FURTHER_ACTION
            and contact.referrer_agency
            and contact.early_help_offered == EarlyHelpOffered.NO
            and rng.random() < 0.1
        ):
            advice.append(
                AgencyAdvice(
                    contact=contact,
                    advice=ADVICE,
                    given_by=business_manager,
                    given_at=decided_at + timedelta(days=7),
                )
            )
    RagChange.objects.bulk_create(rag_changes, batch_size=1000)
    InformationRequest.objects.bulk_create(requests, batch_size=1000)
    ThresholdDecision.objects.bulk_create(decisions, batch_size=1000)
    Referral.objects.bulk_create(referrals, batch_size=1000)
    AgencyAdvice.objects.bulk_create(advice, batch_size=1000)
    return len(contacts)
