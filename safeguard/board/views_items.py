"""Agenda items: adding them, their minutes, decisions and papers, and serving a paper to those
who may read it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import services_meetings as services
from safeguard.board.forms_meetings import DecisionForm, ItemEditForm, ItemForm, PaperForm
from safeguard.board.models import AgendaItem, Meeting, Paper
from safeguard.board.papers import attach_paper
from safeguard.board.views_common import form_page, posted
from safeguard.core.refusals import attempt


def _item(agenda_item_id: int) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("meeting__group"), pk=agenda_item_id)


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def item_new(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=meeting_id)
    form = ItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        item = services.add_item(meeting, **form.cleaned_data)
        messages.success(request, f"Item {item.number} added to the agenda.")
        return redirect(meeting)
    return form_page(
        request,
        form,
        heading="Add an agenda item",
        caption=str(meeting),
        back_url=meeting.get_absolute_url(),
        back_label=str(meeting),
        button="Add item",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, agenda_item_id: int) -> HttpResponse:
    item = _item(agenda_item_id)
    form = ItemEditForm(
        posted(request),
        initial={
            "version": item.version,
            "title": item.title,
            "presenter": item.presenter,
            "confidential": item.confidential,
            "minutes": item.minutes,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: services.update_item(item, **form.cleaned_data))
    ):
        messages.success(request, f"Item {item.number} is saved.")
        return redirect(item.meeting)
    return form_page(
        request,
        form,
        heading=f"Item {item.number}: minutes and details",
        caption=str(item.meeting),
        back_url=item.meeting.get_absolute_url(),
        back_label=str(item.meeting),
        history=item.history.select_related("history_user")[:10],
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def decision_new(request: HttpRequest, agenda_item_id: int) -> HttpResponse:
    item = _item(agenda_item_id)
    form = DecisionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.record_decision(item, text=form.cleaned_data["text"], by=request.user)
        messages.success(request, f"Decision recorded under item {item.number}.")
        return redirect(item.meeting)
    return form_page(
        request,
        form,
        heading="Record a decision",
        caption=f"{item.meeting}, item {item.number}: {item.title}",
        back_url=item.meeting.get_absolute_url(),
        back_label=str(item.meeting),
        button="Record decision",
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def paper_new(request: HttpRequest, agenda_item_id: int) -> HttpResponse:
    item = _item(agenda_item_id)
    form = PaperForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        paper = attempt(
            form,
            lambda: attach_paper(item, title=data["title"], upload=data["file"], by=request.user),
        )
        if paper is not None:
            messages.success(request, f"‘{paper.title}’ attached to item {item.number}.")
            return redirect(item.meeting)
    return form_page(
        request,
        form,
        heading="Attach a paper",
        caption=f"{item.meeting}, item {item.number}: {item.title}",
        back_url=item.meeting.get_absolute_url(),
        back_label=str(item.meeting),
        button="Attach paper",
        multipart=True,
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def paper_remove(request: HttpRequest, paper_id: int) -> HttpResponse:
    """Take a paper off the agenda: one attached by mistake, or replaced by a later version."""
    found = get_object_or_404(
        Paper.objects.defer("content").select_related("item__meeting__group"), pk=paper_id
    )
    meeting = found.item.meeting
    if request.method == "POST":
        found.delete()
        messages.success(request, f"‘{found.title}’ removed from item {found.item.number}.")
        return redirect(meeting)
    return render(request, "board/paper_remove.html", {"paper": found, "meeting": meeting})


@capability_required(cap.READ)
@require_http_methods(["GET"])
def paper(request: HttpRequest, paper_id: int) -> HttpResponse:
    found = get_object_or_404(Paper, pk=paper_id)
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    response["Content-Disposition"] = f'attachment; filename="{found.file_name}"'
    # Papers may be confidential: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
