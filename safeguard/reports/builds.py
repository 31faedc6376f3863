"""Building the annual report: the figures from a stored measure run, the words from the
narrative sections, rendered once as HTML and once as a tagged PDF, and kept together."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import User
from safeguard.measures.models import MeasureRun
from safeguard.measures.results import latest_run
from safeguard.reports import assemble, document, pdf, services_narrative
from safeguard.reports.models import AnnualReport, ReportBuild
from safeguard.reports.rules import Problem, refuse_if


def runs_for(year: str) -> list[MeasureRun]:
    """Stored runs that cover the year, the latest first."""
    return [run for run in MeasureRun.objects.order_by("-created_at", "-id") if year in run.years]


def run_to_use(year: str, run: MeasureRun | None = None) -> MeasureRun:
    """The named run, or the latest run if it covers the year, or else the latest that does."""
    if run is None:
        latest = latest_run()
        run = latest if latest is not None and year in latest.years else None
        run = run or next(iter(runs_for(year)), None)
    if run is None:
        refuse_if(
            [
                Problem(
                    "run",
                    f"No stored measure run covers {year}: refresh the measures for that year "
                    "first (safeguard measures refresh)",
                )
            ]
        )
    elif year not in run.years:
        refuse_if([Problem("run", f"Run {run.pk} does not cover {year}: choose another")])
    return run


def render_html(report: AnnualReport, run: MeasureRun, built_at: datetime | None = None) -> str:
    return document.annual_report_html(
        assemble.annual_report(report, run), built_at or timezone.now()
    )


@transaction.atomic
def build(
    report: AnnualReport,
    *,
    run: MeasureRun | None = None,
    by: User | None = None,
    built_at: datetime | None = None,
) -> ReportBuild:
    run = run_to_use(report.year, run)
    built_at = built_at or timezone.now()
    html = render_html(report, run, built_at)
    return ReportBuild.objects.create(
        report=report,
        edition=report.edition,
        signed_off=services_narrative.is_signed_off(report),
        run=run,
        run_number=run.pk,
        run_fingerprint=run.fingerprint,
        dataset_fingerprint=run.dataset_fingerprint,
        built_at=built_at,
        built_by=by,
        html=html,
        pdf=pdf.write_pdf(html),
    )
