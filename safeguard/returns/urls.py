from django.urls import path

from safeguard.returns import views_validation

app_name = "returns"

urlpatterns = [
    path("returns/validation/", views_validation.check_file, name="validation"),
    path(
        "returns/validation/live-records/",
        views_validation.check_live_records,
        name="validation-live",
    ),
    path(
        "returns/validation/reports/<slug:report_id>/",
        views_validation.report,
        name="validation-report",
    ),
    path(
        "returns/validation/reports/<slug:report_id>/issues.csv",
        views_validation.download_csv,
        name="validation-csv",
    ),
    path(
        "returns/validation/reports/<slug:report_id>/issues.json",
        views_validation.download_json,
        name="validation-json",
    ),
]
