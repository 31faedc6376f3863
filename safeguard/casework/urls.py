from django.urls import include, path

from safeguard.casework import urls_around, urls_pathway, urls_plans, views_tray

app_name = "casework"

urlpatterns = [
    path("work-tray/", views_tray.work_tray, name="work-tray"),
    path("children/<id:child_id>/chronology/", views_tray.chronology, name="chronology"),
    path(
        "children/<id:child_id>/chronology/new/",
        views_tray.new_chronology_entry,
        name="chronology-new",
    ),
    path("casework/", include(urls_pathway)),
    path("casework/", include(urls_plans)),
    path("casework/", include(urls_around)),
]
