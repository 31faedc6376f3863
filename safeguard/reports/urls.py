from django.urls import path, register_converter

from safeguard.reports import views_annual, views_builds, views_cabinet


class ReportingYearConverter:
    """A reporting year as the URLs write it: 2016-17."""

    regex = "[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReportingYearConverter, "year")

app_name = "reports"

ANNUAL = "reports/annual/<year:report_year>/"

urlpatterns = [
    path("reports/annual/", views_annual.annual_reports, name="annual-reports"),
    path("reports/annual/new/", views_annual.open_report, name="annual-report-new"),
    path(ANNUAL, views_annual.annual_report, name="annual-report"),
    path(
        ANNUAL + "sections/<id:report_section_id>/", views_annual.edit_section, name="section-edit"
    ),
    path(
        ANNUAL + "sections/<id:report_section_id>/history/",
        views_annual.section_history,
        name="section-history",
    ),
    path(ANNUAL + "sign-off/", views_annual.sign_off, name="sign-off"),
    path(ANNUAL + "new-version/", views_annual.new_edition, name="new-edition"),
    path(ANNUAL + "build/", views_builds.build, name="build"),
    path(ANNUAL + "builds/<id:report_build_id>/", views_builds.build_html, name="build-html"),
    path(
        ANNUAL + "builds/<id:report_build_id>/report.html",
        views_builds.build_html_download,
        name="build-html-download",
    ),
    path(
        ANNUAL + "builds/<id:report_build_id>/report.pdf", views_builds.build_pdf, name="build-pdf"
    ),
    path(ANNUAL + "cabinet/", views_cabinet.cabinet_item, name="cabinet-item"),
    path(ANNUAL + "cabinet/edit/", views_cabinet.edit_cabinet_item, name="cabinet-edit"),
    path(
        ANNUAL + "cabinet/questions/new/",
        views_cabinet.new_question,
        name="cabinet-question-new",
    ),
    path(
        ANNUAL + "cabinet/questions/<id:cabinet_question_id>/",
        views_cabinet.edit_question,
        name="cabinet-question-edit",
    ),
    path(
        ANNUAL + "cabinet/questions/<id:cabinet_question_id>/remove/",
        views_cabinet.remove_question,
        name="cabinet-question-remove",
    ),
    path(ANNUAL + "cabinet/item.html", views_cabinet.cabinet_html, name="cabinet-html"),
    path(ANNUAL + "cabinet/item.pdf", views_cabinet.cabinet_pdf, name="cabinet-pdf"),
]
