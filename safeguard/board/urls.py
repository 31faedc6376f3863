from django.urls import path

from safeguard.board import (
    views_actions,
    views_figures,
    views_items,
    views_meetings,
    views_partnership,
    views_plan,
    views_reviews,
    views_settings,
)

app_name = "board"

urlpatterns = [
    path("board/", views_partnership.home, name="home"),
    path("board/partnership/", views_partnership.partnership, name="partnership"),
    path("board/partners/new/", views_partnership.partner_new, name="partner-new"),
    path("board/groups/new/", views_partnership.group_new, name="group-new"),
    path("board/groups/<id:board_group_id>/", views_partnership.group, name="group"),
    path("board/members/new/", views_partnership.member_new, name="member-new"),
    path("board/members/<id:board_member_id>/", views_partnership.member, name="member"),
    path(
        "board/members/<id:board_member_id>/edit/",
        views_partnership.member_edit,
        name="member-edit",
    ),
    path(
        "board/members/<id:board_member_id>/seats/new/",
        views_partnership.seat_new,
        name="seat-new",
    ),
    path("board/seats/<id:membership_id>/", views_partnership.seat_edit, name="seat-edit"),
    path("board/meetings/", views_meetings.meetings, name="meetings"),
    path("board/meetings/new/", views_meetings.meeting_new, name="meeting-new"),
    path("board/meetings/<id:meeting_id>/", views_meetings.meeting, name="meeting"),
    path("board/meetings/<id:meeting_id>/edit/", views_meetings.meeting_edit, name="meeting-edit"),
    path(
        "board/meetings/<id:meeting_id>/attendance/",
        views_meetings.attendance,
        name="attendance",
    ),
    path("board/meetings/<id:meeting_id>/minutes/", views_meetings.minutes, name="minutes"),
    path("board/meetings/<id:meeting_id>/items/new/", views_items.item_new, name="item-new"),
    path(
        "board/meetings/<id:meeting_id>/actions/new/",
        views_actions.action_new,
        name="action-new",
    ),
    path("board/items/<id:agenda_item_id>/", views_items.item_edit, name="item-edit"),
    path(
        "board/items/<id:agenda_item_id>/decisions/new/",
        views_items.decision_new,
        name="decision-new",
    ),
    path("board/items/<id:agenda_item_id>/papers/new/", views_items.paper_new, name="paper-new"),
    path("board/papers/<id:paper_id>/", views_items.paper, name="paper"),
    path("board/papers/<id:paper_id>/remove/", views_items.paper_remove, name="paper-remove"),
    path("board/actions/", views_actions.actions, name="actions"),
    path("board/actions/<id:board_action_id>/", views_actions.action, name="action"),
    path("board/figures/", views_figures.figures_page, name="figures"),
    path("board/settings/", views_settings.settings_page, name="settings"),
    path("board/member-reviews/", views_reviews.reviews, name="reviews"),
    path(
        "board/members/<id:board_member_id>/reviews/new/",
        views_reviews.review_new,
        name="review-new",
    ),
    path("board/member-reviews/<id:member_review_id>/", views_reviews.review, name="review"),
    path(
        "board/member-reviews/<id:member_review_id>/edit/",
        views_reviews.review_edit,
        name="review-edit",
    ),
    path("board/my-review/", views_reviews.my_reviews, name="my-reviews"),
    path("business-plan/", views_plan.plan, name="plan"),
    path("business-plan/new/", views_plan.plan_new, name="plan-new"),
    path(
        "business-plan/<id:business_plan_id>/priorities/new/",
        views_plan.priority_new,
        name="priority-new",
    ),
    path("business-plan/priorities/<id:priority_id>/", views_plan.priority, name="priority"),
    path(
        "business-plan/priorities/<id:priority_id>/edit/",
        views_plan.priority_edit,
        name="priority-edit",
    ),
    path(
        "business-plan/priorities/<id:priority_id>/objectives/new/",
        views_plan.objective_new,
        name="objective-new",
    ),
    path(
        "business-plan/priorities/<id:priority_id>/actions/new/",
        views_plan.plan_action_new,
        name="plan-action-new",
    ),
    path(
        "business-plan/priorities/<id:priority_id>/rating/",
        views_plan.rating,
        name="rating",
    ),
    path("business-plan/actions/<id:plan_action_id>/", views_plan.plan_action, name="plan-action"),
]
