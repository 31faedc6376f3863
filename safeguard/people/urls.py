from django.urls import path

from safeguard.people import views

app_name = "people"

urlpatterns = [
    path("", views.find_child, name="find"),
    path("add/", views.search_before_add, name="search-before-add"),
    path("add/details/", views.add_child, name="add"),
    path("<id:child_id>/", views.child_summary, name="child"),
    path("<id:child_id>/break-glass/", views.break_glass, name="break-glass"),
    path("<id:child_id>/who-viewed/", views.who_viewed, name="who-viewed"),
    path("<id:child_id>/restriction/", views.restriction, name="restriction"),
    path("<id:child_id>/merge/", views.merge, name="merge"),
    path("<id:child_id>/edit/", views.edit_child, name="edit"),
    path("<id:child_id>/addresses/new/", views.new_address, name="new-address"),
    path("<id:child_id>/history/", views.child_history, name="history"),
]
