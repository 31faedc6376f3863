"""Who may use the board's pages: the business manager runs everything; board members read the
meetings, papers, minutes, action log, business plan and figures, and their own annual review;
nobody else sees the board. No page here shows child-level data."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from matrix_rules import rule

from safeguard.access.models import Agency
from safeguard.board import (
    services_actions,
    services_meetings,
    services_partnership,
    services_plan,
    services_reviews,
)
from safeguard.board.codes import AttendanceStatus, GroupKind, MemberRole, PartnerRole
from safeguard.board.papers import attach_paper

MANAGE = {"business_manager"}
READ = {"business_manager", "board_member"}

TABLE = {
    "board:home": rule(READ),
    "board:partnership": rule(READ),
    "board:partner-new": rule(MANAGE),
    "board:group-new": rule(MANAGE),
    "board:group": rule(READ),
    "board:member-new": rule(MANAGE),
    "board:member": rule(MANAGE),
    "board:member-edit": rule(MANAGE),
    "board:seat-new": rule(MANAGE),
    "board:seat-edit": rule(MANAGE),
    "board:meetings": rule(READ),
    "board:meeting-new": rule(MANAGE),
    "board:meeting": rule(READ),
    "board:meeting-edit": rule(MANAGE),
    "board:attendance": rule(MANAGE),
    "board:minutes": rule(READ),
    "board:item-new": rule(MANAGE),
    "board:action-new": rule(MANAGE),
    "board:item-edit": rule(MANAGE),
    "board:decision-new": rule(MANAGE),
    "board:paper-new": rule(MANAGE),
    "board:paper": rule(READ),
    "board:paper-remove": rule(MANAGE),
    "board:actions": rule(READ),
    "board:action": rule(READ),
    "board:figures": rule(READ),
    "board:settings": rule(MANAGE),
    "board:reviews": rule(MANAGE),
    "board:review-new": rule(MANAGE),
    # The review is the board member persona's own.
    "board:review": rule(READ),
    "board:review-edit": rule(MANAGE),
    "board:my-reviews": rule({"board_member"}),
    "board:plan": rule(READ),
    "board:plan-new": rule(MANAGE),
    "board:priority-new": rule(MANAGE),
    "board:priority": rule(READ),
    "board:priority-edit": rule(MANAGE),
    "board:objective-new": rule(MANAGE),
    "board:plan-action-new": rule(MANAGE),
    "board:rating": rule(MANAGE),
    "board:plan-action": rule(MANAGE),
}


def records(personas, found):
    """A board with the board member persona on it, a meeting in 2024-25 with an agenda item, a
    paper, a decision, attendance and an action, and the persona's review of that year; a
    business plan with a priority and an action."""
    manager = personas["business_manager"]
    persona = personas["board_member"]
    services_partnership.add_partner(agency=persona.agency, role=PartnerRole.LOCAL_AUTHORITY)
    police = Agency.objects.create(name="Matrix police", kind="police")
    services_partnership.add_partner(agency=police, role=PartnerRole.POLICE)
    board = services_partnership.add_group(name="The board", kind=GroupKind.BOARD)
    member = services_partnership.add_member(
        name=persona.full_name,
        job_title="Director",
        agency=persona.agency,
        user=persona,
        group=board,
        role=MemberRole.LEAD_PARTNER,
        term_start=date(2024, 4, 1),
    )
    meeting = services_meetings.schedule_meeting(
        group=board, held_on=date(2024, 5, 15), place="Shire Hall"
    )
    item = services_meetings.add_item(meeting, title="Performance report")
    paper = attach_paper(
        item,
        title="Performance",
        upload=SimpleUploadedFile("performance.pdf", b"%PDF-1.4 a paper"),
        by=manager,
    )
    services_meetings.record_decision(item, text="Noted", by=manager)
    services_meetings.record_attendance(
        meeting,
        {member.pk: services_meetings.Answer(AttendanceStatus.PRESENT)},
        today=date(2024, 5, 15),
    )
    action = services_actions.add_action(
        meeting, description="Report back", owner=member, due_on=date(2024, 7, 1), by=manager
    )
    review = services_reviews.record_review(
        member,
        year="2024-25",
        held_on=date(2025, 4, 20),
        reviewer="The chair",
        conversation="-",
        agency_feedback="-",
        agreed="",
        by=manager,
    )
    plan = services_plan.create_plan(year="2024-25")
    priority = services_plan.add_priority(plan, title="Neglect")
    plan_action = services_plan.add_plan_action(
        priority, description="Publish", lead="The unit", due_on=date(2024, 9, 1)
    )
    return {
        "board_group_id": board.pk,
        "board_member_id": member.pk,
        "membership_id": member.memberships.get().pk,
        "meeting_id": meeting.pk,
        "agenda_item_id": item.pk,
        "paper_id": paper.pk,
        "board_action_id": action.pk,
        "member_review_id": review.pk,
        "business_plan_id": plan.pk,
        "priority_id": priority.pk,
        "plan_action_id": plan_action.pk,
    }
