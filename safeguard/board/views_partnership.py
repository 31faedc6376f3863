"""The board's overview, and its partnership arrangements: partners, groups and members."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import services_partnership as services
from safeguard.board.forms_partnership import (
    GroupForm,
    MemberDetailsForm,
    NewMemberForm,
    PartnerForm,
    SeatForm,
)
from safeguard.board.models import Action, BoardGroup, Meeting, Member, Membership, Partner
from safeguard.board.views_common import form_page, posted
from safeguard.core.refusals import attempt


@capability_required(cap.READ)
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    meetings = Meeting.objects.select_related("group")
    return render(
        request,
        "board/home.html",
        {
            "upcoming": meetings.filter(held_on__gte=today).order_by("held_on", "id")[:5],
            "recent": meetings.filter(held_on__lt=today)[:5],
            "open_actions": Action.objects.open().count(),
            "overdue_actions": Action.objects.overdue(today).count(),
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


def _seats() -> Prefetch:
    return Prefetch("memberships", queryset=Membership.objects.select_related("group"))


@capability_required(cap.READ)
def partnership(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    members = Member.objects.select_related("agency").prefetch_related(_seats())
    current = set(Membership.objects.on(today).values_list("member_id", flat=True))
    return render(
        request,
        "board/partnership.html",
        {
            "partners": Partner.objects.select_related("agency"),
            "groups": BoardGroup.objects.all(),
            "members": [m for m in members if m.pk in current],
            "past_members": [m for m in members if m.pk not in current],
            "today": today,
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


@capability_required(cap.READ)
def group(request: HttpRequest, board_group_id: int) -> HttpResponse:
    found = get_object_or_404(BoardGroup, pk=board_group_id)
    today = timezone.localdate()
    seats = found.memberships.select_related("member__agency").order_by("member__name")
    return render(
        request,
        "board/group.html",
        {
            "group": found,
            "current": seats.on(today),
            "past": seats.exclude(pk__in=seats.on(today)),
            "meetings": found.meetings.all()[:12],
            "can_manage": request.user.can(cap.MANAGE),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def partner_new(request: HttpRequest) -> HttpResponse:
    form = PartnerForm(posted(request))
    if request.method == "POST" and form.is_valid():
        partner = attempt(form, lambda: services.add_partner(**form.cleaned_data))
        if partner is not None:
            messages.success(request, f"{partner} added as a partner.")
            return redirect("board:partnership")
    return form_page(
        request,
        form,
        heading="Add a partner",
        caption="Partnership arrangements",
        back_url=reverse("board:partnership"),
        back_label="Partnership and members",
        button="Add partner",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def group_new(request: HttpRequest) -> HttpResponse:
    form = GroupForm(posted(request))
    if request.method == "POST" and form.is_valid():
        made = attempt(form, lambda: services.add_group(**form.cleaned_data))
        if made is not None:
            messages.success(request, f"{made} added.")
            return redirect("board:group", board_group_id=made.pk)
    return form_page(
        request,
        form,
        heading="Add the board or a sub-group",
        caption="Partnership arrangements",
        back_url=reverse("board:partnership"),
        back_label="Partnership and members",
        button="Add group",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def member_new(request: HttpRequest) -> HttpResponse:
    form = NewMemberForm(posted(request))
    if request.method == "POST" and form.is_valid():
        member = attempt(form, lambda: services.add_member(**form.cleaned_data))
        if member is not None:
            messages.success(request, f"{member} added.")
            return redirect("board:member", board_member_id=member.pk)
    return form_page(
        request,
        form,
        heading="Add a member",
        caption="Partnership arrangements",
        back_url=reverse("board:partnership"),
        back_label="Partnership and members",
        button="Add member",
    )


def _member(board_member_id: int) -> Member:
    return get_object_or_404(Member.objects.select_related("agency", "user"), pk=board_member_id)


@capability_required(cap.MANAGE)
def member(request: HttpRequest, board_member_id: int) -> HttpResponse:
    found = _member(board_member_id)
    return render(
        request,
        "board/member.html",
        {
            "member": found,
            "seats": found.memberships.select_related("group"),
            "reviews": found.reviews.all(),
            "actions": found.actions.select_related("meeting__group").order_by("-due_on")[:20],
            "today": timezone.localdate(),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, board_member_id: int) -> HttpResponse:
    found = _member(board_member_id)
    initial = {"name": found.name, "job_title": found.job_title}
    initial |= {"agency": found.agency_id, "user": found.user_id}
    form = MemberDetailsForm(posted(request), initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: services.update_member(found, **form.cleaned_data))
    ):
        messages.success(request, f"{found}'s details are saved.")
        return redirect("board:member", board_member_id=found.pk)
    return form_page(
        request,
        form,
        heading=f"Change {found}'s details",
        caption="Members",
        back_url=reverse("board:member", kwargs={"board_member_id": found.pk}),
        back_label=str(found),
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def seat_new(request: HttpRequest, board_member_id: int) -> HttpResponse:
    found = _member(board_member_id)
    form = SeatForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: services.add_membership(found, **form.cleaned_data))
    ):
        messages.success(request, f"{found}'s new seat is added.")
        return redirect("board:member", board_member_id=found.pk)
    return form_page(
        request,
        form,
        heading=f"Add a seat for {found}",
        caption="Members",
        back_url=reverse("board:member", kwargs={"board_member_id": found.pk}),
        back_label=str(found),
        button="Add seat",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def seat_edit(request: HttpRequest, membership_id: int) -> HttpResponse:
    seat = get_object_or_404(Membership.objects.select_related("member", "group"), pk=membership_id)
    form = SeatForm(
        posted(request),
        initial={
            "group": seat.group_id,
            "role": seat.role,
            "term_start": seat.term_start,
            "term_end": seat.term_end,
        },
    )
    form.fields["group"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            form,
            lambda: services.change_membership(
                seat, role=data["role"], term_start=data["term_start"], term_end=data["term_end"]
            ),
        ):
            messages.success(request, f"{seat.member}'s seat on {seat.group} is saved.")
            return redirect("board:member", board_member_id=seat.member_id)
    return form_page(
        request,
        form,
        heading=f"Change {seat.member}'s seat on {seat.group}",
        caption="Members",
        back_url=reverse("board:member", kwargs={"board_member_id": seat.member_id}),
        back_label=str(seat.member),
    )
