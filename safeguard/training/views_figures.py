"""Figures for the annual report: training, compliance, licence checks and the workforce."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.frontdoor.figures import Period
from safeguard.training import capabilities as cap
from safeguard.training import figures

YEARS_SHOWN = 5


def _year(request: HttpRequest) -> Period:
    latest = figures.reporting_year(timezone.localdate()).end.year
    asked = request.GET.get("year", "")
    ending = int(asked) if asked.isascii() and asked.isdigit() else latest
    if not latest - YEARS_SHOWN < ending <= latest:
        ending = latest
    return Period.reporting_year(ending)


@capability_required(cap.FIGURES)
@require_http_methods(["GET"])
def figures_page(request: HttpRequest) -> HttpResponse:
    period = _year(request)
    latest = figures.reporting_year(timezone.localdate()).end.year
    rows, total = figures.workforce(period)
    return render(
        request,
        "training/figures.html",
        {
            "period": period,
            "years": [
                (y, f"{y - 1} to {y % 100:02d}") for y in range(latest, latest - YEARS_SHOWN, -1)
            ],
            "courses": figures.sessions_by_course(period),
            "attendance": figures.attendances_by_agency(period),
            "compliance": figures.compliance_by_audience(period),
            "checks": figures.licence_checks(period),
            "workforce_rows": rows,
            "workforce_total": total,
            "caseloads": figures.caseloads(),
            "definitions": figures.DEFINITIONS,
        },
    )
