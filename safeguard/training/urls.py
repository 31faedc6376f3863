from django.urls import path

from safeguard.training import (
    views_api,
    views_figures,
    views_licensing,
    views_manage,
    views_public,
    views_staff,
    views_workforce,
)

app_name = "training"

urlpatterns = [
    # Open to anyone: licence applicants book without an account; links from emails.
    path("training/book/", views_public.public_sessions, name="public-sessions"),
    path("training/book/<id:session_id>/", views_public.public_book, name="public-book"),
    path("training/bookings/<str:token>/", views_public.booking, name="booking"),
    path(
        "training/bookings/<str:token>/cancel/", views_public.booking_cancel, name="booking-cancel"
    ),
    path("training/bookings/<str:token>/evaluation/", views_public.evaluation, name="evaluation"),
    path("training/certificates/verify/", views_public.verify, name="verify"),
    # Staff of every partner agency.
    path("training/courses/", views_staff.courses, name="courses"),
    path("training/sessions/<id:session_id>/", views_staff.session, name="session"),
    path("training/my-training/", views_staff.my_training, name="my-training"),
    # The training coordinator.
    path("training/manage/", views_manage.manage, name="manage"),
    path("training/manage/courses/new/", views_manage.course_new, name="course-new"),
    path("training/manage/courses/<id:course_id>/", views_manage.course_edit, name="course-edit"),
    path("training/manage/sessions/new/", views_manage.session_new, name="session-new"),
    path(
        "training/manage/sessions/<id:session_id>/",
        views_manage.session_manage,
        name="session-manage",
    ),
    path(
        "training/manage/sessions/<id:session_id>/attendance/",
        views_manage.attendance,
        name="attendance",
    ),
    path("training/manage/rules/", views_manage.rules, name="rules"),
    path("training/manage/rules/new/", views_manage.rule_new, name="rule-new"),
    path(
        "training/manage/staff-compliance/",
        views_manage.staff_compliance_report,
        name="staff-compliance",
    ),
    path("training/figures/", views_figures.figures_page, name="figures"),
    # Licensing.
    path("licensing/check/", views_licensing.licence_check, name="licence-check"),
    path("licensing/checks/", views_licensing.licence_checks, name="licence-checks"),
    path(
        "licensing/checks/<id:check_id>/",
        views_licensing.licence_check_result,
        name="licence-check-result",
    ),
    path("licensing/api/checks/", views_api.licence_check_api, name="licence-check-api"),
    path("licensing/api-keys/", views_licensing.api_keys, name="api-keys"),
    path(
        "licensing/api-keys/<id:key_id>/revoke/",
        views_licensing.api_key_revoke,
        name="api-key-revoke",
    ),
    # The social work workforce.
    path("workforce/", views_workforce.workforce, name="workforce"),
    path("workforce/teams/<id:team_id>/", views_workforce.team, name="workforce-team"),
    path(
        "workforce/teams/<id:team_id>/returns/new/",
        views_workforce.return_new,
        name="workforce-return",
    ),
    path("workforce/returns/import/", views_workforce.return_import, name="workforce-import"),
    path("workforce/settings/", views_workforce.workforce_settings, name="workforce-settings"),
]
