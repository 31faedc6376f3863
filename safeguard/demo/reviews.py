"""The demo partnership's case reviews, made through the reviews app's own services.

- Family K: the serious case review of 2016-17 that the partnership's annual report draws on. A
  family with several children, some disabled, of a minority ethnic background, in which abuse and
  neglect had not been identified or responded to as would be expected; its learning was about the
  cultural context, disabled children, information sharing and the voice of the child. Every action
  is complete, most signed off by the board.
- Child R: a local child safeguarding practice review under way now, with actions for the council,
  the police, health and a school in every state: signed off, waiting for sign-off, on track, at
  risk, and overdue.
- Child S: notified late, with the reason, and a rapid review that decided no further review.
- Child T: learnt of this week; the notification to the national Panel is still to make.
- A multi-agency neglect audit of children referred in the last year, and the briefings, events and
  training that carry the learning.

Board members for the council, health and education join the police's David Hughes, each with an
unusable password (the demo's sign-ins are the personas' own).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, Role, User
from safeguard.core.calendar import add_working_days, is_working_day
from safeguard.demo.partnership import COUNCIL, ICB, POLICE, TRUST
from safeguard.people.codes import RelationshipKind
from safeguard.people.models import Child, Relationship
from safeguard.reviews import services_actions, services_audits, services_incidents
from safeguard.reviews.codes import ActionStatus, AuditGrade, RapidReviewDecision
from safeguard.reviews.models import (
    Action,
    AgencyChronologyEntry,
    Briefing,
    CaseReview,
    CourseLink,
    Finding,
    LearningEvent,
    PanelMeeting,
    SeriousIncident,
    Theme,
)
from safeguard.reviews.services_audits import Answer

SCHOOL = "Whitecross Academy"
SITE = "https://www.marcherscp.example.org"

BOARD_MEMBERS = [
    (
        "sarah.mitchell@council.example.org",
        "Sarah Mitchell",
        COUNCIL,
        "Director of Children's Services",
    ),
    ("james.whitfield@health.example.org", "James Whitfield", TRUST, "Chief Nurse"),
    ("anita.rao@icb.example.org", "Dr Anita Rao", ICB, "Designated Doctor for Safeguarding"),
    ("claire.morgan@whitecross.example.org", "Claire Morgan", SCHOOL, "Headteacher"),
]


@dataclass(frozen=True)
class Planned:
    """An action as the demo wants it to stand: its state is reached through the services."""

    agency: str
    owner: str
    description: str
    due_on: date
    status: str = ActionStatus.GREEN
    completed_on: date | None = None
    evidence: str = ""
    late_reason: str = ""
    signed_off_on: date | None = None
    progress: str = ""


@transaction.atomic
def seed_reviews(*, seed: int = 2017, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    if SeriousIncident.objects.filter(name="Family K").exists():
        return dict.fromkeys(("incidents", "reviews", "actions", "audits", "briefings"), 0)
    rng = random.Random(seed)
    helen = User.objects.get(email="helen.baker@partnership.example.org")
    _board_members()
    agencies = {a.name: a for a in Agency.objects.all()}
    themes = {t.name: t for t in Theme.objects.all()}
    family_k = _family_k(helen, agencies, themes)
    child_r = _child_r(helen, agencies, themes, today)
    _child_s(helen, agencies, today)
    _child_t(helen, agencies, today)
    audits = _neglect_audit(helen, agencies, themes, today, rng)
    _learning(helen, family_k, child_r, themes, today)
    return {
        "incidents": SeriousIncident.objects.count(),
        "reviews": CaseReview.objects.count(),
        "actions": Action.objects.count(),
        "audits": audits,
        "briefings": Briefing.objects.count(),
    }


def _board_members() -> None:
    role = Role.objects.get(key="board_member")
    for email, name, agency, title in BOARD_MEMBERS:
        user, made = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": name,
                "agency": Agency.objects.get(name=agency),
                "role": role,
                "job_title": f"{title}, board member",
            },
        )
        if made:
            user.set_unusable_password()
            user.save()


def _working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _findings(
    helen: User,
    agencies: dict[str, Agency],
    themes: dict[str, Theme],
    plans: list[tuple[str, str, list[str], list[Planned]]],
    *,
    added_on: date,
    **source: object,
) -> None:
    """Record each finding and bring its actions to the state planned for them."""
    for text, recommendation, theme_names, actions in plans:
        finding = services_actions.record_finding(
            text=text,
            recommendation=recommendation,
            themes=[themes[name] for name in theme_names],
            by=helen,
            **source,
        )
        for planned in actions:
            _action(helen, finding, agencies, planned, added_on)


def _action(
    helen: User, finding: Finding, agencies: dict[str, Agency], planned: Planned, added_on: date
) -> None:
    action = services_actions.add_action(
        finding,
        description=planned.description,
        agency=agencies[planned.agency],
        owner_name=planned.owner,
        due_on=planned.due_on,
        by=helen,
    )
    # The plan was agreed on the day given, not the day the demo is built.
    Action.objects.filter(pk=action.pk).update(added_on=added_on)
    action.refresh_from_db()
    if planned.status != ActionStatus.GREEN or planned.progress:
        services_actions.update_action(
            action,
            version=action.version,
            status=planned.status,
            progress=planned.progress,
            evidence=planned.evidence,
            completed_on=planned.completed_on,
            late_reason=planned.late_reason,
        )
    if planned.signed_off_on:
        services_actions.sign_off_action(
            action, version=action.version, by=helen, on=planned.signed_off_on
        )


def _done(
    agency: str,
    owner: str,
    description: str,
    due_on: date,
    completed_on: date,
    evidence: str,
    signed_off_on: date | None = None,
    late_reason: str = "",
) -> Planned:
    return Planned(
        agency,
        owner,
        description,
        due_on,
        ActionStatus.COMPLETE,
        completed_on,
        evidence,
        late_reason,
        signed_off_on,
    )


def _family_k(helen: User, agencies: dict[str, Agency], themes: dict[str, Theme]) -> CaseReview:
    """The 2016-17 serious case review: LSCB rules, so no rapid review."""
    incident = services_incidents.record_incident(
        name="Family K",
        aware_on=date(2016, 4, 11),
        what_happened=(
            "A disabled child of the family was admitted to hospital malnourished and with "
            "injuries that had not been explained. The family, of a minority ethnic background, "
            "had five children, three of them disabled, and had been known to health, education, "
            "the police and children's social care for several years. Abuse and neglect had not "
            "been identified or responded to as would be expected."
        ),
        agencies=[agencies[n] for n in (COUNCIL, POLICE, TRUST, ICB, SCHOOL)],
        by=helen,
    )
    services_incidents.record_notification(incident, version=1, notified_on=date(2016, 4, 15))
    review = services_incidents.commission_review(
        incident,
        decided_on=date(2016, 5, 4),
        by=helen,
        terms_of_reference=(
            "To review how agencies worked with the K family from January 2013 to April 2016; "
            "how the children's disabilities and the family's culture, faith and language were "
            "understood; whether the children's own experience was heard; and how information "
            "was shared and escalated between agencies."
        ),
        reviewers="Dr Sarah Jenkins, independent reviewer; Marcher LSCB serious case review panel",
    )
    for held_on, notes in [
        (date(2016, 6, 8), "Terms of reference agreed; agencies asked for chronologies."),
        (date(2016, 8, 17), "Practitioners' event held; first findings discussed."),
        (date(2016, 10, 19), "Draft report discussed; family's views to be added."),
    ]:
        PanelMeeting.objects.create(review=review, held_on=held_on, notes=notes, recorded_by=helen)
    services_incidents.update_review(
        review,
        version=review.version,
        terms_of_reference=review.terms_of_reference,
        reviewers=review.reviewers,
        report_completed_on=date(2016, 11, 25),
        report_late_reason=(
            "The children's father and grandparents were seen with an interpreter at their "
            "request, which took three weeks longer to arrange than planned."
        ),
        publication_planned_on=date(2017, 3, 14),
        sent_on=date(2017, 3, 2),
        published_on=date(2017, 3, 14),
        publication_url=f"{SITE}/reviews/family-k",
    )
    _findings(helen, agencies, themes, _family_k_plans(), added_on=date(2017, 1, 12), review=review)
    return review


def _family_k_plans() -> list[tuple[str, str, list[str], list[Planned]]]:
    # The board signed actions off at its meetings of 20 June and 17 October 2017.
    june, october = date(2017, 6, 20), date(2017, 10, 17)
    return [
        (
            "Professionals did not explore the family's cultural and religious context, or how it "
            "shaped the parents' understanding of the children's disabilities and of the help "
            "offered. Assumptions about the family's culture stood in for asking them.",
            "Practitioners should be equipped and expected to explore a family's cultural context, "
            "and assessments should record what they learnt and how it shaped the plan.",
            ["Cultural context", "Disabled children"],
            [
                _done(
                    COUNCIL,
                    "Head of Service, Assessment",
                    "Add a cultural context section to "
                    "the child and family assessment and audit its use after six months.",
                    date(2017, 3, 31),
                    date(2017, 3, 28),
                    "Template changed 1 March 2017; audit "
                    "of 30 assessments found the section completed in 27.",
                    june,
                ),
                _done(
                    TRUST,
                    "Named Nurse for Safeguarding",
                    "Deliver cultural competence training "
                    "to all health visitors and school nurses.",
                    date(2017, 6, 30),
                    date(2017, 6, 16),
                    "94% of health visitors and school nurses trained by 16 June 2017.",
                    june,
                ),
            ],
        ),
        (
            "Signs of neglect were put down to the children's disabilities. No one agency saw the "
            "whole picture of missed appointments, weight loss and untreated injuries.",
            "The partnership should make sure practitioners consider neglect and abuse for "
            "disabled children as for any child, and do not let a disability explain them away.",
            ["Disabled children", "Neglect"],
            [
                _done(
                    ICB,
                    "Designated Nurse",
                    "Issue guidance to GPs on disabled children not "
                    "brought to appointments, and audit its use.",
                    date(2017, 3, 31),
                    date(2017, 3, 20),
                    "Guidance sent to every practice; audit of 12 practices in May 2017.",
                    june,
                ),
                _done(
                    COUNCIL,
                    "Principal Social Worker",
                    "Add disabled children's practice to the "
                    "neglect strategy and the multi-agency neglect training.",
                    date(2017, 5, 31),
                    date(2017, 6, 12),
                    "Strategy republished June 2017 with a section on disabled children.",
                    june,
                    late_reason="The strategy's consultation ran "
                    "two weeks longer to hear from parent carers' forums.",
                ),
            ],
        ),
        (
            "Agencies each held part of the picture: police call-outs, school absence, missed "
            "health appointments. It was not brought together until the child was in hospital.",
            "Agencies should share information early, and the MASH should gather it before "
            "deciding a contact does not meet the threshold.",
            ["Information sharing", "Threshold decisions"],
            [
                _done(
                    POLICE,
                    "Detective Chief Inspector, Public Protection",
                    "Share every domestic "
                    "call-out involving children with the MASH within one working day.",
                    date(2017, 3, 31),
                    date(2017, 3, 15),
                    "Daily notification process live from "
                    "15 March 2017; compliance checked monthly.",
                    june,
                ),
                _done(
                    COUNCIL,
                    "MASH Team Manager",
                    "Check health and education records for every "
                    "contact about a disabled child before a threshold decision.",
                    date(2017, 4, 30),
                    date(2017, 4, 25),
                    "MASH procedure updated; dip sample of 40 contacts in May 2017.",
                ),
            ],
        ),
        (
            "The children were seldom seen alone, and their communication needs meant their views "
            "were not sought. What life was like for them was not known.",
            "Every agency should see disabled children alone, using their way of communicating, "
            "and record what the child said and how.",
            ["Voice of the child", "Disabled children"],
            [
                _done(
                    COUNCIL,
                    "Head of Service, Children with Disabilities",
                    "Train social workers "
                    "in communication methods for children who do not use speech.",
                    date(2017, 9, 30),
                    date(2017, 9, 22),
                    "Training delivered to 85 social "
                    "workers; recording of the child's voice audited in October 2017.",
                    october,
                ),
                _done(
                    SCHOOL,
                    "Designated Safeguarding Lead",
                    "Record the views of every disabled "
                    "pupil on a child protection or child in need plan before each meeting.",
                    date(2017, 7, 14),
                    date(2017, 7, 10),
                    "Pupil voice records in place for all "
                    "pupils on plans from the summer term 2017.",
                    october,
                ),
            ],
        ),
    ]


def _child_r(
    helen: User, agencies: dict[str, Agency], themes: dict[str, Theme], today: date
) -> CaseReview:
    """The practice review under way: its report is due in about two months."""
    aware = _working_day_on_or_before(today - timedelta(days=150))
    incident = services_incidents.record_incident(
        name="Child R",
        aware_on=aware,
        what_happened=(
            "A four-year-old was seriously injured at home. The family were known to the police "
            "for domestic abuse call-outs, and the health visitor and the school had concerns that "
            "had not reached children's social care."
        ),
        agencies=[agencies[n] for n in (COUNCIL, POLICE, TRUST, ICB, SCHOOL)],
        by=helen,
    )
    notified = add_working_days(aware, 3)
    services_incidents.record_notification(incident, version=1, notified_on=notified)
    held = add_working_days(notified, 14)
    services_incidents.hold_rapid_review(
        incident,
        held_on=held,
        agencies=[agencies[n] for n in (COUNCIL, POLICE, TRUST, ICB, SCHOOL)],
        decision=RapidReviewDecision.PRACTICE_REVIEW,
        rationale=(
            "The case may highlight improvements needed in how agencies share concerns about "
            "domestic abuse and missed health contacts, which are of national as well as local "
            "importance."
        ),
        sent_to_panel_on=add_working_days(held, 1),
        by=helen,
    )
    decided = add_working_days(held, 5)
    review = services_incidents.commission_review(
        incident,
        decided_on=decided,
        by=helen,
        terms_of_reference=(
            "How agencies recognised and shared concerns about domestic abuse and the child's "
            "welfare in the 18 months before the injury; how the MASH applied the threshold; "
            "whether the child was seen and heard."
        ),
        reviewers="Mark Ellison and Ruth Adebayo, independent reviewers",
    )
    for days, notes in [(20, "Scope and methodology agreed."), (55, "Agency reports discussed.")]:
        PanelMeeting.objects.create(
            review=review,
            held_on=add_working_days(decided, days),
            notes=notes,
            recorded_by=helen,
        )
    PanelMeeting.objects.create(
        review=review, held_on=add_working_days(today, 15), notes="", recorded_by=helen
    )
    _link_siblings(incident, review, agencies, aware)
    _findings(
        helen,
        agencies,
        themes,
        _child_r_plans(today),
        added_on=add_working_days(decided, 20),
        review=review,
    )
    return review


def _child_r_plans(today: date) -> list[tuple[str, str, list[str], list[Planned]]]:
    return [
        (
            "The school's concerns about falling attendance and the health visitor's two visits "
            "without access were not shared with children's social care.",
            "Agencies should share patterns of concern (absence, no access) with the MASH, not "
            "only single incidents.",
            ["Information sharing", "Professional curiosity"],
            [
                _done(
                    SCHOOL,
                    "Designated Safeguarding Lead",
                    "Brief all staff on referring patterns "
                    "of absence to the MASH, and check the referrals made a term later.",
                    today - timedelta(days=20),
                    today - timedelta(days=25),
                    "All-staff briefing "
                    "held; four referrals of absence patterns made since, all appropriate.",
                ),
                Planned(
                    TRUST,
                    "Named Nurse for Safeguarding",
                    "Add a follow-up step for visits "
                    "with no access to the health visiting ‘was not brought’ policy.",
                    today + timedelta(days=30),
                    ActionStatus.AMBER,
                    progress="Draft policy "
                    "with the trust's policy group; approval meeting moved to next month.",
                ),
            ],
        ),
        (
            "A police notification about domestic abuse was graded below threshold without the "
            "MASH checking what other agencies knew.",
            "Threshold decisions on domestic abuse notifications should draw on every agency's "
            "records, and the police should send the history with each notification.",
            ["Threshold decisions", "Domestic abuse"],
            [
                Planned(
                    POLICE,
                    "Detective Inspector, Public Protection Unit",
                    "Attach the history "
                    "of call-outs to the address to every child concern notification.",
                    today - timedelta(days=10),
                    ActionStatus.RED,
                    progress="The records system change is waiting for the supplier.",
                ),
                Planned(
                    COUNCIL,
                    "MASH Team Manager",
                    "Audit 20 domestic abuse contacts graded "
                    "below threshold and report to the board.",
                    today + timedelta(days=45),
                    progress="12 of 20 contacts audited.",
                ),
            ],
        ),
        (
            "The child was rarely seen, and never alone; no one recorded what the child said or "
            "how they seemed.",
            "Practitioners should see young children, observe them with their carers and record "
            "what they see.",
            ["Voice of the child"],
            [
                _done(
                    COUNCIL,
                    "Principal Social Worker",
                    "Require children under five to be seen "
                    "and observed at every statutory visit, with the observation recorded.",
                    today - timedelta(days=40),
                    today - timedelta(days=45),
                    "Practice standard "
                    "issued; audit of 25 visits found observations recorded in 23.",
                    today - timedelta(days=5),
                ),
                Planned(
                    ICB,
                    "Designated Nurse",
                    "Ask GP practices to flag children not brought "
                    "to appointments to the health visitor.",
                    today - timedelta(days=5),
                    ActionStatus.RED,
                    progress="Flagging agreed by 9 of 14 practices.",
                ),
            ],
        ),
    ]


def _link_siblings(
    incident: SeriousIncident, review: CaseReview, agencies: dict[str, Agency], aware: date
) -> None:
    """Link a family of siblings known to social care, and the agencies' chronology entries."""
    known = Child.objects.current().filter(referrals__isnull=False).distinct()
    siblings = (
        Relationship.objects.filter(
            kind=RelationshipKind.SIBLING, child__in=known, related_child__in=known
        )
        .order_by("child_id", "related_child_id")
        .first()
    )
    if siblings is not None:
        children = [siblings.child, siblings.related_child]
    else:
        children = list(known.order_by("pk")[:1])
    linker = User.objects.get(email="rachel.evans@council.example.org")
    for child in children:
        services_incidents.link_child(incident, child, by=linker)
    first = children[0] if children else None
    entries = [
        (
            POLICE,
            120,
            "Police attended a report of a disturbance at the family home",
            "Mother had a cut lip; the child was asleep upstairs. Notification sent to the MASH.",
        ),
        (
            SCHOOL,
            75,
            "Attendance fell to 78% over the autumn term",
            "Letters sent home; no referral made.",
        ),
        (
            TRUST,
            60,
            "Health visitor could not gain access for the 3-year review",
            "Second visit a fortnight later also without access; no follow-up recorded.",
        ),
    ]
    for agency, days_before, what, detail in entries:
        AgencyChronologyEntry.objects.create(
            review=review,
            agency=agencies[agency],
            child=first if agency == SCHOOL else None,
            occurred_on=_working_day_on_or_before(aware - timedelta(days=days_before)),
            what_happened=what,
            detail=detail,
            recorded_by=linker,
        )


def _child_s(helen: User, agencies: dict[str, Agency], today: date) -> None:
    aware = _working_day_on_or_before(today - timedelta(days=60))
    incident = services_incidents.record_incident(
        name="Child S",
        aware_on=aware,
        what_happened="A teenager known to the youth offending service was seriously hurt in a "
        "stabbing.",
        agencies=[agencies[n] for n in (COUNCIL, POLICE, SCHOOL)],
        by=helen,
    )
    services_incidents.record_notification(
        incident,
        version=1,
        notified_on=add_working_days(aware, 6),
        late_reason="The notification waited a day for the police to confirm the victim's age.",
    )
    incident.refresh_from_db()
    services_incidents.hold_rapid_review(
        incident,
        held_on=add_working_days(incident.notified_on, 12),
        agencies=[agencies[n] for n in (COUNCIL, POLICE, SCHOOL)],
        decision=RapidReviewDecision.NO_FURTHER_REVIEW,
        rationale="Agencies worked well together; the learning on exploitation is already being "
        "taken forward through the partnership's exploitation strategy.",
        sent_to_panel_on=add_working_days(incident.notified_on, 13),
        by=helen,
    )


def _child_t(helen: User, agencies: dict[str, Agency], today: date) -> None:
    services_incidents.record_incident(
        name="Child T",
        aware_on=_working_day_on_or_before(today - timedelta(days=2)),
        what_happened="A baby was admitted to hospital with a head injury.",
        agencies=[agencies[n] for n in (COUNCIL, TRUST, ICB)],
        by=helen,
    )


def _neglect_audit(
    helen: User,
    agencies: dict[str, Agency],
    themes: dict[str, Theme],
    today: date,
    rng: random.Random,
) -> int:
    tool = services_audits.create_tool(
        name="Neglect: multi-agency case file audit",
        description="Based on the partnership's neglect strategy.",
        questions=[
            "Was neglect recognised at the first opportunity?",
            "Is there an up-to-date chronology?",
            "Was the child seen and their views recorded?",
            "Was a neglect assessment tool used and did it shape the plan?",
            "Did agencies share information and escalate concerns when needed?",
        ],
    )
    start = today - timedelta(days=365)
    frame = services_audits.sampling_frame(start, today)
    if not frame:
        return 0
    taking_part = [agencies[n] for n in (COUNCIL, POLICE, TRUST, SCHOOL)]
    audit = services_audits.start_audit(
        title="Neglect audit",
        tool=tool,
        agencies=taking_part,
        known_from=start,
        known_to=today,
        sample_size=min(6, len(frame)),
        by=helen,
        rng=rng,
    )
    questions = list(tool.questions.all())
    grades = [
        AuditGrade.GOOD,
        AuditGrade.REQUIRES_IMPROVEMENT,
        AuditGrade.REQUIRES_IMPROVEMENT,
        AuditGrade.INADEQUATE,
        AuditGrade.OUTSTANDING,
    ]
    for case in audit.cases.all():
        for agency in taking_part[: rng.randint(2, len(taking_part))]:
            services_audits.record_answers(
                case,
                agency=agency,
                answers=[Answer(q, rng.choice(grades)) for q in questions],
                by=helen,
            )
    _findings(
        helen,
        agencies,
        themes,
        [
            (
                "Most files had no up-to-date chronology, so the pattern of neglect was hard to "
                "see.",
                "Every agency working with a child on a plan for neglect should keep a chronology "
                "and share it with the core group.",
                ["Neglect", "Information sharing"],
                [
                    Planned(
                        COUNCIL,
                        "Quality Assurance Manager",
                        "Introduce a chronology standard and check it in the next audit.",
                        today + timedelta(days=60),
                    ),
                ],
            )
        ],
        added_on=today,
        audit=audit,
    )
    return 1


def _learning(
    helen: User, family_k: CaseReview, child_r: CaseReview, themes: dict[str, Theme], today: date
) -> None:
    cultural = Briefing.objects.create(
        title="7-minute briefing: Family K and understanding cultural context",
        published_on=date(2017, 3, 28),
        review=family_k,
        written_by=helen,
        text=(
            "1. Background\nThe serious case review of Family K, published in March 2017, looked "
            "at five children, three of them disabled, whose neglect went unrecognised for years."
            "\n\n2. Why it matters\nAbuse and neglect had not been identified or responded to as "
            "would be expected. Disabled children are more likely to be abused and less likely "
            "to be heard.\n\n3. Information\nProfessionals made assumptions about the family's "
            "culture instead of asking about it.\n\n4. Research\nDiagnostic overshadowing: signs "
            "of harm put down to a child's disability.\n\n5. Think about\nWhat do you know about "
            "this family's culture, faith and language, and how do you know it?\n\n6. Questions "
            "for reflection\nWhen did you last see a disabled child on your caseload alone?\n\n"
            "7. What to do\nUse the new cultural context section of the assessment; use an "
            "interpreter the family trusts; ask, do not assume."
        ),
    )
    cultural.themes.set([themes["Cultural context"], themes["Disabled children"]])
    not_brought = Briefing.objects.create(
        title="7-minute briefing: children ‘not brought’ and visits with no access",
        published_on=today - timedelta(days=30),
        review=child_r,
        written_by=helen,
        text=(
            "1. Background\nEarly learning from the Child R review.\n\n2. Why it matters\nA young "
            "child cannot take themselves to appointments: missed contacts are a pattern to "
            "share.\n\n3. What to do\nFollow up every visit with no access, and tell the MASH "
            "when a pattern of missed contacts builds."
        ),
    )
    not_brought.themes.set([themes["Information sharing"], themes["Professional curiosity"]])
    LearningEvent.objects.create(
        title="Learning from Family K: partnership event",
        held_on=date(2017, 4, 25),
        venue="Shire Hall, Marcher",
        description="The reviewer presented the findings; workshops on cultural context.",
        attended=120,
        review=family_k,
        added_by=helen,
    )
    LearningEvent.objects.create(
        title="Learning from Child R: practitioner workshop",
        held_on=today + timedelta(days=20),
        venue="Marcher Fire Station training room",
        review=child_r,
        added_by=helen,
    )
    for title, slug, review in [
        ("Cultural competence in safeguarding", "cultural-competence", family_k),
        ("Safeguarding disabled children", "disabled-children", family_k),
        ("Neglect and the Graded Care Profile 2", "neglect", None),
    ]:
        CourseLink.objects.create(
            course_title=title,
            url=f"{SITE}/training/{slug}",
            review=review,
            added_by=helen,
        )
