"""The report and the cabinet item as documents: one self-contained HTML file each (the
stylesheet in the page, charts as inline SVG, no script), which the PDF is made from."""

from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from safeguard.reports.content import AnnualReportContent
from safeguard.reports.models import CabinetItem


def annual_report_html(content: AnnualReportContent, built_at: datetime) -> str:
    """The report. `built_at` is written in two places only (the page's dcterms.created, which
    the PDF takes as its creation date, and the colophon), so two builds of the same inputs
    differ in nothing else."""
    return render_to_string(
        "reports/document/annual_report.html",
        {"report": content, "built_at": timezone.localtime(built_at)},
    )


def cabinet_item_html(item: CabinetItem, link_base: str | None = None) -> str:
    """The agenda item. Its link to the attached report is absolute in a file that leaves the
    system (`link_base` defaults to the service's address) and relative on the service's page."""
    base = settings.SAFEGUARD_BASE_URL if link_base is None else link_base
    build = item.supporting_build
    return render_to_string(
        "reports/document/cabinet_item.html",
        {
            "item": item,
            "report": item.report,
            "questions": list(item.questions.all()),
            "build": build,
            "report_url": f"{base}{build.pdf_url}" if build else "",
            "partnership": settings.PARTNERSHIP_NAME,
        },
    )
