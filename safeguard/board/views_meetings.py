"""Meetings: the schedule, a meeting's page (agenda, papers, attendance and quorum, the actions
carried over and agreed, minutes and decisions), attendance, and the published minutes."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import quorum, years
from safeguard.board import services_meetings as services
from safeguard.board.codes import AttendanceStatus
from safeguard.board.forms_attendance import AttendanceForm
from safeguard.board.forms_meetings import ApproveMinutesForm, MeetingEditForm, MeetingForm
from safeguard.board.models import AgendaItem, BoardGroup, Decision, Meeting, Paper
from safeguard.board.services_actions import carried_into
from safeguard.board.views_common import (
    PAGE_SIZE,
    chosen_year,
    form_page,
    posted,
    year_options,
)
from safeguard.core.converters import parse_id
from safeguard.core.refusals import attempt


def meeting_years() -> list[str]:
    return sorted({years.year_of(d) for d in Meeting.objects.dates("held_on", "month")})


def _meeting(meeting_id: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("group"), pk=meeting_id)


def _items(meeting: Meeting, *, published: bool = False) -> QuerySet[AgendaItem]:
    items = meeting.items.prefetch_related(
        Prefetch("papers", queryset=Paper.objects.defer("content")),
        Prefetch("decisions", queryset=Decision.objects.all()),
    )
    return items.filter(confidential=False) if published else items


@capability_required(cap.READ)
def meetings(request: HttpRequest) -> HttpResponse:
    offered = meeting_years()
    year = chosen_year(request, offered, "")
    found = Meeting.objects.select_related("group")
    if year:
        span = years.period(year)
        found = found.filter(held_on__range=(span.start, span.end))
    group_id = parse_id(request.GET.get("group"))
    if group_id is not None:
        found = found.filter(group_id=group_id)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "board/meetings.html",
        {
            "page": page,
            "year": year,
            "years": year_options(offered),
            "groups": BoardGroup.objects.all(),
            "group_id": group_id,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        meeting = services.schedule_meeting(**form.cleaned_data)
        messages.success(request, f"Meeting scheduled: {meeting}. Now add its agenda.")
        return redirect(meeting)
    return form_page(
        request,
        form,
        heading="Schedule a meeting",
        caption="Meetings",
        back_url=reverse("board:meetings"),
        back_label="Meetings",
        button="Schedule meeting",
    )


@capability_required(cap.READ)
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = _meeting(meeting_id)
    attendances = found.attendances.select_related("member", "agency")
    return render(
        request,
        "board/meeting.html",
        {
            "meeting": found,
            "items": _items(found),
            "attendances": attendances,
            "quorum": quorum.check(found),
            "carried": carried_into(found),
            "agreed": found.actions_agreed.select_related("owner__agency", "item"),
            "today": timezone.localdate(),
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = _meeting(meeting_id)
    which = request.POST.get("form") if request.method == "POST" else None
    details = MeetingEditForm(
        request.POST if which == "details" else None,
        initial={
            "version": found.version,
            "held_on": found.held_on,
            "starts_at": found.starts_at,
            "place": found.place,
            "office_notes": found.office_notes,
        },
    )
    approval = ApproveMinutesForm(
        request.POST if which == "approval" else None,
        initial={"version": found.version, "minutes_approved_on": found.minutes_approved_on},
        prefix="approval",
    )
    if (
        which == "details"
        and details.is_valid()
        and attempt(details, lambda: services.update_meeting(found, **details.cleaned_data))
    ):
        messages.success(request, "The meeting is saved.")
        return redirect(found)
    if which == "approval" and approval.is_valid():
        data = approval.cleaned_data
        if attempt(
            approval,
            lambda: services.approve_minutes(
                found, version=data["version"], approved_on=data["minutes_approved_on"]
            ),
        ):
            messages.success(request, "The minutes are marked approved.")
            return redirect(found)
    return render(
        request,
        "board/meeting_edit.html",
        {"meeting": found, "details": details, "approval": approval},
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = _meeting(meeting_id)
    seats = services.expected_members(found)
    recorded = {a.member_id: a for a in found.attendances.all()}
    initial = {}
    for seat in seats:
        row = recorded.get(seat.member.pk)
        initial[f"member_{seat.member.pk}"] = row.status if row else ""
        initial[f"deputy_{seat.member.pk}"] = row.deputy_name if row else ""
    form = AttendanceForm(posted(request), seats=seats, initial=initial)
    if request.method == "POST" and form.is_valid():
        count = attempt(
            form,
            lambda: services.record_attendance(found, form.answers(), today=timezone.localdate()),
        )
        if count is not None:
            messages.success(request, f"Attendance saved for {count} of {len(seats)} members.")
            return redirect(found)
    return render(
        request,
        "board/attendance.html",
        {"meeting": found, "form": form, "seats": seats},
    )


@capability_required(cap.READ)
def minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The minutes as published: no confidential items, no notes for the business unit."""
    found = _meeting(meeting_id)
    attendances = list(found.attendances.select_related("member", "agency"))
    return render(
        request,
        "board/minutes.html",
        {
            "meeting": found,
            "items": _items(found, published=True),
            "present": [a for a in attendances if a.status == AttendanceStatus.PRESENT],
            "deputies": [a for a in attendances if a.status == AttendanceStatus.DEPUTY],
            "apologies": [
                a
                for a in attendances
                if a.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY)
            ],
            "quorum": quorum.check(found),
            "agreed": found.actions_agreed.exclude(item__confidential=True).select_related(
                "owner__agency"
            ),
        },
    )
