"""The children behind a journey measure's count, for authorised staff, every one logged.

The list comes from the live records as they are now (the engine's members of the numerator over
a fresh extract), so the page says when the records have changed since the dashboard's run.
A team manager sees the children their scope reaches, by name; the performance analyst sees
child IDs only (pseudonymised data, as their role allows). Restricted records are left out for
both unless unlocked for them.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguard.access import scopes
from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind, User
from safeguard.journey.extract import extract
from safeguard.measures import capabilities as cap
from safeguard.measures import engine, registry
from safeguard.measures.refresh import with_population
from safeguard.measures.results import latest_run
from safeguard.people.models import Child

PER_PAGE = 50


@capability_required(cap.CHILDREN_BEHIND)
@require_GET
def children(request: HttpRequest, measure_id: str) -> HttpResponse:
    try:
        measure = registry.get(measure_id)
    except KeyError:
        raise Http404("No such measure") from None
    if measure.compute is not None:
        raise Http404("A partnership measure counts no children")
    run = latest_run()
    if run is None:
        raise Http404("No measures have been computed yet")
    year = request.GET.get("year", "")
    if year not in run.years:
        year = run.latest_year
    dataset = with_population(extract(), run.years)
    child_ids = set(engine.members(dataset, measure.id, settings.LA_CODE, year))
    listed = _listable(request.user, child_ids).order_by("la_child_id")
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    record_accesses(
        request.user,
        [Access(c.pk, kind=AccessKind.SEARCH, detail=f"{measure.id} {year}") for c in page],
        page=request.path,
        purpose=f"Children behind a measure: {measure.title}, {year}",
    )
    return render(
        request,
        "measures/children.html",
        {
            "measure": measure,
            "year": year,
            "page": page,
            "counted": len(child_ids),
            "withheld": len(child_ids) - page.paginator.count,
            "named": not scopes.pseudonymised_only(request.user),
            "changed": dataset.fingerprint() != run.dataset_fingerprint,
            "query": f"year={year}",
        },
    )


def _listable(user: User, child_ids: set[str]) -> QuerySet[Child]:
    behind = Child.objects.current().filter(la_child_id__in=child_ids)
    if scopes.pseudonymised_only(user):
        # The analyst's role reaches no child's record, but may see child IDs (pseudonymised).
        return scopes.with_restriction(behind, user).filter(is_unlocked=True)
    return Child.objects.visible_to(user).filter(la_child_id__in=child_ids)
