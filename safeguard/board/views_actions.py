"""The action log: agreeing actions at a meeting, the log itself, and updating an action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import services_actions as services
from safeguard.board.codes import ActionStatus
from safeguard.board.forms_actions import ActionForm, ActionUpdateForm
from safeguard.board.models import Action, BoardGroup, Meeting
from safeguard.board.views_common import PAGE_SIZE, form_page, posted
from safeguard.core.converters import parse_id
from safeguard.core.refusals import attempt

SHOW = {
    "open": "Open",
    "overdue": "Open and overdue",
    "done": "Done",
    "dropped": "Dropped",
}


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def action_new(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=meeting_id)
    form = ActionForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = attempt(
            form,
            lambda: services.add_action(
                meeting,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                item=data["item"],
                by=request.user,
            ),
        )
        if action is not None:
            messages.success(request, f"Action added for {action.owner}.")
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading="Add an action",
        caption=str(meeting),
        back_url=meeting.get_absolute_url(),
        back_label=str(meeting),
        button="Add action",
    )


@capability_required(cap.READ)
def actions(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = Action.objects.select_related("owner__agency", "meeting__group")
    show = request.GET.get("show", "open")
    if show == "overdue":
        found = found.overdue(today)
    elif show in ActionStatus.values:
        found = found.filter(status=show)
    else:
        show = ""
    group_id = parse_id(request.GET.get("group"))
    if group_id is not None:
        found = found.filter(meeting__group_id=group_id)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    count = page.paginator.count
    return render(
        request,
        "board/actions.html",
        {
            "page": page,
            "caption": f"{count} action{pluralize(count)}, soonest due first",
            "show": show,
            "shows": list(SHOW.items()),
            "groups": BoardGroup.objects.all(),
            "group_id": group_id,
            "query": query.urlencode(),
            "today": today,
        },
    )


@capability_required(cap.READ)
@require_http_methods(["GET", "POST"])
def action(request: HttpRequest, board_action_id: int) -> HttpResponse:
    found = get_object_or_404(
        Action.objects.select_related("owner__agency", "meeting__group", "item"),
        pk=board_action_id,
    )
    can_manage = request.user.can(cap.MANAGE)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = ActionUpdateForm(
        posted(request),
        initial={
            "version": found.version,
            "status": found.status,
            "completed_on": found.completed_on,
            "dropped_on": found.dropped_on,
            "update": found.update,
        },
    )
    if request.method == "POST" and form.is_valid():
        if attempt(form, lambda: services.update_action(found, **form.cleaned_data)):
            messages.success(request, "The action is updated.")
            return redirect(found)
        found.refresh_from_db()
    return render(
        request,
        "board/action.html",
        {
            "action": found,
            "form": form,
            "can_manage": can_manage,
            "overdue": found.is_overdue(timezone.localdate()),
            "history": found.history.select_related("history_user")[:20],
        },
    )
