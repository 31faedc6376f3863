from django.urls import path

from safeguard.casework import (
    views_early_help,
    views_exploitation,
    views_home_education,
    views_looked_after,
    views_missing,
    views_neglect,
)

urlpatterns = [
    # Children looked after
    path(
        "children/<id:child_id>/looked-after/",
        views_looked_after.looked_after,
        name="looked-after",
    ),
    path(
        "children/<id:child_id>/looked-after/start/",
        views_looked_after.start_care,
        name="care-start",
    ),
    path(
        "children/<id:child_id>/looked-after/change/",
        views_looked_after.change_care,
        name="care-change",
    ),
    path(
        "children/<id:child_id>/looked-after/end/",
        views_looked_after.cease_care,
        name="care-end",
    ),
    path(
        "children/<id:child_id>/looked-after/reviews/new/",
        views_looked_after.care_review,
        name="care-review-new",
    ),
    # Missing episodes and return home interviews
    path("children/<id:child_id>/missing/", views_missing.missing, name="missing"),
    path("children/<id:child_id>/missing/new/", views_missing.missing_new, name="missing-new"),
    path(
        "missing-episodes/<id:episode_id>/",
        views_missing.missing_episode,
        name="missing-episode",
    ),
    # Exploitation screening and the indicator catalogue
    path("children/<id:child_id>/screenings/", views_exploitation.screenings, name="screenings"),
    path(
        "children/<id:child_id>/screenings/new/",
        views_exploitation.screening_new,
        name="screening-new",
    ),
    path("screenings/<id:screening_id>/", views_exploitation.screening, name="screening"),
    path("exploitation-indicators/", views_exploitation.catalogues, name="catalogues"),
    path(
        "exploitation-indicators/<id:catalogue_id>/",
        views_exploitation.catalogue,
        name="catalogue",
    ),
    # Early help
    path("early-help/", views_early_help.early_help_tray, name="early-help-tray"),
    path(
        "children/<id:child_id>/early-help/new/",
        views_early_help.early_help_new,
        name="early-help-new",
    ),
    path("early-help/<id:early_help_id>/", views_early_help.early_help, name="early-help"),
    path(
        "early-help/<id:early_help_id>/step-up/",
        views_early_help.step_up,
        name="early-help-step-up",
    ),
    # Children educated at home
    path("home-education/", views_home_education.register, name="home-education"),
    path(
        "children/<id:child_id>/home-education/new/",
        views_home_education.add_to_register,
        name="home-education-new",
    ),
    path(
        "home-education/<id:entry_id>/",
        views_home_education.entry,
        name="home-education-entry",
    ),
    # Neglect
    path("children/<id:child_id>/neglect/", views_neglect.neglect, name="neglect"),
    path(
        "plans/<id:plan_id>/neglect-reasoning/",
        views_neglect.neglect_reasoning,
        name="neglect-reasoning",
    ),
]
