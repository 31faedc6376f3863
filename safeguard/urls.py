from django.urls import include, path

from safeguard.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("", include("safeguard.access.urls")),
    path("children/", include("safeguard.people.urls")),
    path("", include("safeguard.frontdoor.urls")),
    path("", include("safeguard.casework.urls")),
    path("", include("safeguard.reviews.urls")),
    path("", include("safeguard.training.urls")),
    path("", include("safeguard.returns.urls")),
    path("", include("safeguard.measures.urls")),
    path("", include("safeguard.board.urls")),
    path("", include("safeguard.reports.urls")),
]

handler400 = "safeguard.core.views.bad_request"
handler403 = "safeguard.core.views.permission_denied"
handler404 = "safeguard.core.views.page_not_found"
handler500 = "safeguard.core.views.server_error"
