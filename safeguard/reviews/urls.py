from django.urls import path

from safeguard.reviews import (
    views_actions,
    views_audits,
    views_incidents,
    views_learning,
    views_reviews,
)

app_name = "reviews"

urlpatterns = [
    path("case-reviews/", views_incidents.incidents, name="incidents"),
    path("case-reviews/incidents/new/", views_incidents.new_incident, name="incident-new"),
    path(
        "case-reviews/incidents/<id:incident_id>/",
        views_incidents.incident_detail,
        name="incident",
    ),
    path(
        "case-reviews/incidents/<id:incident_id>/notification/",
        views_incidents.record_notification,
        name="incident-notification",
    ),
    path(
        "case-reviews/incidents/<id:incident_id>/children/new/",
        views_incidents.link_child,
        name="incident-child",
    ),
    path(
        "case-reviews/incidents/<id:incident_id>/rapid-review/",
        views_incidents.rapid_review,
        name="rapid-review",
    ),
    path(
        "case-reviews/incidents/<id:incident_id>/review/new/",
        views_incidents.commission_review,
        name="review-new",
    ),
    path("case-reviews/<id:review_id>/", views_reviews.review_detail, name="review"),
    path("case-reviews/<id:review_id>/edit/", views_reviews.edit_review, name="review-edit"),
    path(
        "case-reviews/<id:review_id>/panel-meetings/new/",
        views_reviews.new_panel_meeting,
        name="panel-meeting-new",
    ),
    path(
        "case-reviews/<id:review_id>/findings/new/",
        views_reviews.new_finding,
        name="finding-new",
    ),
    path(
        "case-reviews/<id:review_id>/chronology/",
        views_reviews.review_chronology,
        name="chronology",
    ),
    path(
        "case-reviews/<id:review_id>/chronology/new/",
        views_reviews.new_chronology_entry,
        name="chronology-entry-new",
    ),
    path(
        "case-reviews/<id:review_id>/chronology.csv",
        views_reviews.export_chronology,
        name="chronology-export",
    ),
    path(
        "case-reviews/findings/<id:finding_id>/actions/new/",
        views_actions.new_action,
        name="action-new",
    ),
    path("case-reviews/actions/", views_actions.actions, name="actions"),
    path("case-reviews/actions/<id:action_id>/", views_actions.action_detail, name="action"),
    path("case-reviews/our-actions/", views_actions.our_actions, name="our-actions"),
    path("case-reviews/progress/", views_actions.progress_page, name="progress"),
    path("case-reviews/figures/", views_actions.figures_page, name="figures"),
    path("case-reviews/themes/", views_actions.themes, name="themes"),
    path("case-reviews/audits/", views_audits.audits, name="audits"),
    path("case-reviews/audits/new/", views_audits.new_audit, name="audit-new"),
    path("case-reviews/audit-tools/new/", views_audits.new_audit_tool, name="audit-tool-new"),
    path("case-reviews/audits/<id:audit_id>/", views_audits.audit_detail, name="audit"),
    path(
        "case-reviews/audits/<id:audit_id>/cases/<id:case_id>/answers/",
        views_audits.audit_answers,
        name="audit-answers",
    ),
    path(
        "case-reviews/audits/<id:audit_id>/findings/new/",
        views_audits.new_audit_finding,
        name="audit-finding-new",
    ),
    path("learning/", views_learning.learning, name="learning"),
    path("learning/briefings/new/", views_learning.new_briefing, name="briefing-new"),
    path("learning/briefings/<id:briefing_id>/", views_learning.briefing, name="briefing"),
    path("learning/events/new/", views_learning.new_event, name="event-new"),
    path("learning/courses/new/", views_learning.new_course, name="course-new"),
]
