from django.urls import path

from safeguard.measures import views, views_children

app_name = "measures"

urlpatterns = [
    path("measures/", views.dashboard_page, name="dashboard"),
    path("measures/<slug:measure_id>/", views.definition, name="definition"),
    path("measures/<slug:measure_id>/children/", views_children.children, name="children"),
]
