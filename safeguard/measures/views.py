"""The partnership dashboard and the definition of each measure."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguard.access.decorators import capability_required
from safeguard.measures import capabilities as cap
from safeguard.measures import comparators, dashboard, disclosure, registry
from safeguard.measures.comparison import METHOD, NEIGHBOURS_MODEL, council_name
from safeguard.measures.models import MeasureRun
from safeguard.measures.registry import Unit
from safeguard.measures.results import latest_run

DISCLOSURE = {
    disclosure.COUNTS: "Published with counts of 1 to 5 suppressed (shown as c), with any rate or "
    "percentage built on them, and any figure a suppressed count could be worked out from.",
    disclosure.NONE: "Published exactly: the figure is about staff, meetings or agencies, not "
    "children.",
}


UNIT = {
    Unit.PER_10K: "A rate per 10,000 children aged 0 to 17 (the ONS mid-year estimate)",
    Unit.PERCENT: "A percentage",
    Unit.COUNT: "A number",
    Unit.WORKING_DAYS: "Working days: the median (the middle value)",
    Unit.RATIO: "A ratio (children per social worker)",
}


@capability_required(cap.DASHBOARD)
@require_GET
def dashboard_page(request: HttpRequest) -> HttpResponse:
    run = latest_run()
    if run is None:
        return render(request, "measures/no_results.html")
    year = _year(request, run)
    exact = request.user.can(cap.EXACT_FIGURES)
    sections = dashboard.sections(run, settings.LA_CODE, year, exact=exact)
    return render(
        request, "measures/dashboard.html", _context(request, run, year) | {"sections": sections}
    )


@capability_required(cap.DASHBOARD)
@require_GET
def definition(request: HttpRequest, measure_id: str) -> HttpResponse:
    """The measure's definition and, once a run is stored, its figures and trend."""
    measure = _measure(measure_id)
    context = {
        "measure": measure,
        "priority": registry.PRIORITIES[measure.priority],
        "unit": UNIT[measure.unit],
        "disclosure": DISCLOSURE[measure.disclosure],
    }
    run = latest_run()
    if run is not None:
        year = _year(request, run)
        exact = request.user.can(cap.EXACT_FIGURES)
        panel = dashboard.measure_panel(run, measure, settings.LA_CODE, year, exact=exact)
        context |= _context(request, run, year) | {"panel": panel}
    return render(request, "measures/definition.html", context)


def _year(request: HttpRequest, run: MeasureRun) -> str:
    year = request.GET.get("year", "")
    return year if year in run.years else run.latest_year


def _context(request: HttpRequest, run: MeasureRun, year: str) -> dict:
    return {
        "run": run,
        "year": year,
        "years": sorted(run.years, reverse=True),
        "exact": request.user.can(cap.EXACT_FIGURES),
        "can_list_children": request.user.can(cap.CHILDREN_BEHIND),
        "method": METHOD,
        "council": council_name(settings.LA_CODE),
        "neighbours_model": comparators.NEIGHBOUR_MODELS[NEIGHBOURS_MODEL],
    }


def _measure(measure_id: str) -> registry.Measure:
    try:
        return registry.get(measure_id)
    except KeyError:
        raise Http404("No such measure") from None
