"""The work tray and the child's chronology."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access import capabilities as access_capabilities
from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.casework import capabilities as cap
from safeguard.casework import chronology as timeline
from safeguard.casework import tray
from safeguard.casework.forms_tray import ChronologyEntryForm, ChronologyFilterForm
from safeguard.casework.models import Allocation
from safeguard.people.access import RecordRestricted, get_child_for_user

PAGE_SIZE = 50


@capability_required(cap.WORK_TRAY)
def work_tray(request: HttpRequest) -> HttpResponse:
    """My tasks, or (for a manager) my teams' tasks, soonest first."""
    user = request.user
    team_view = request.GET.get("view") == "team" and user.can(cap.AUTHORISE)
    held = (
        tray.children_held_by(team_ids=user.teams.values_list("pk", flat=True))
        if team_view
        else tray.children_held_by(worker_ids=[user.pk])
    )
    today = timezone.localdate()
    soon = tray.due_soon_cutoff(today)
    tasks = tray.tasks_for_children(held)
    show = request.GET.get("show", "")
    if show in ("overdue", "due soon"):
        tasks = [t for t in tasks if t.status(today, soon) == show]
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    workers = dict(
        Allocation.objects.filter(
            ended_on__isnull=True, child_id__in={t.child_id for t in page}
        ).values_list("child_id", "worker__full_name")
    )
    rows = [(task, task.status(today, soon), workers.get(task.child_id, "")) for task in page]
    record_accesses(
        user,
        [
            Access(child_id, kind=AccessKind.SEARCH)
            for child_id in dict.fromkeys(t.child_id for t in page)
        ],
        page=request.path,
        purpose="Work tray",
    )
    query = "&".join(
        f"{k}={v}" for k, v in (("view", "team" if team_view else ""), ("show", show)) if v
    )
    return render(
        request,
        "casework/tray/work_tray.html",
        {
            "page": page,
            "rows": rows,
            "team_view": team_view,
            "can_see_team": user.can(cap.AUTHORISE),
            "show": show,
            "query": query,
            "today": today,
        },
    )


def _open_child(request: HttpRequest, child_id: int, purpose: str):
    try:
        return get_child_for_user(request, child_id, purpose)
    except RecordRestricted:
        return redirect("people:break-glass", child_id=child_id)


@capability_required(access_capabilities.SEARCH_CHILDREN)
def chronology(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _open_child(request, child_id, "Chronology")
    if isinstance(child, HttpResponse):
        return child
    form = ChronologyFilterForm(request.GET or None, kinds=timeline.kinds())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = timeline.entries_for(
        child, kind=filters.get("kind", ""), start=filters.get("start"), end=filters.get("end")
    )
    printing = request.GET.get("print") == "1"
    query = request.GET.copy()
    query.pop("print", None)
    return render(
        request,
        "casework/tray/chronology_print.html" if printing else "casework/tray/chronology.html",
        {
            "child": child,
            "form": form,
            "entries": entries,
            "query": query.urlencode(),
            "can_add": request.user.can(cap.RECORD),
            "printed_at": timezone.localtime(),
        },
    )


@capability_required(cap.RECORD)
@require_http_methods(["GET", "POST"])
def new_chronology_entry(request: HttpRequest, child_id: int) -> HttpResponse:
    child = _open_child(request, child_id, "Add a chronology entry")
    if isinstance(child, HttpResponse):
        return child
    form = ChronologyEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.child, entry.recorded_by = child, request.user
        entry.save()
        record_access(request, child.pk, kind=AccessKind.UPDATE, purpose="Chronology entry added")
        messages.success(request, "The entry has been added to the chronology.")
        return redirect("casework:chronology", child_id=child.pk)
    return render(request, "casework/tray/chronology_new.html", {"child": child, "form": form})
