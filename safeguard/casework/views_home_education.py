"""The register of children educated at home: the register (flagged children first), adding a
child, and a child's entry with its contacts, visits and concerns."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.casework import capabilities as cap
from safeguard.casework import services_home_education as services
from safeguard.casework.forms_home_education import (
    AddToRegisterForm,
    EndRegistrationForm,
    HomeEducationContactForm,
)
from safeguard.casework.models import Allocation, HomeEducationEntry
from safeguard.casework.views_around import break_glass_when_restricted, due, posted, reach
from safeguard.core.refusals import attempt
from safeguard.people.access import get_child_for_user
from safeguard.people.models import Child

PAGE_SIZE = 50


@capability_required(cap.HOME_EDUCATION)
def register(request: HttpRequest) -> HttpResponse:
    """Children on the register whom the user may open: flagged ones first, then by next contact.

    `?show=mine` keeps the entries the user leads; `?show=flagged` only the flagged ones."""
    today = timezone.localdate()
    show = request.GET.get("show", "")
    entries = HomeEducationEntry.objects.filter(
        ended_on__isnull=True, child__in=Child.objects.visible_to(request.user)
    ).select_related("child", "education_lead")
    if show == "mine":
        entries = entries.filter(education_lead=request.user)
    rows = []
    for entry in entries.prefetch_related("contacts"):
        flag = services.flag_for(entry)
        if show == "flagged" and flag is None:
            continue
        rows.append((entry, flag, due(services.next_contact_due(entry), today)))
    rows.sort(key=lambda r: (r[1] is None, r[2].due_on, r[0].child.last_name))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    record_accesses(
        request.user,
        [Access(entry.child_id, kind=AccessKind.SEARCH) for entry, _, _ in page],
        page=request.path,
        purpose="Home education register",
    )
    return render(
        request,
        "casework/around/home_education_register.html",
        {"page": page, "show": show, "query": f"show={show}" if show else ""},
    )


@capability_required(cap.HOME_EDUCATION)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def add_to_register(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Add to the home education register")
    leads = services.possible_leads()
    form = AddToRegisterForm(
        posted(request), leads=leads, initial={"education_lead": request.user.pk}
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        entry = attempt(
            form,
            lambda: services.add_to_register(
                child,
                started_on=data["started_on"],
                reason=data["reason"],
                reason_details=data["reason_details"],
                previous_school=data["previous_school"],
                education_lead=data["education_lead"],
                by=request.user,
            ),
        )
        if entry is not None:
            messages.success(request, f"{child.full_name} is on the home education register.")
            return redirect("casework:home-education-entry", entry_id=entry.pk)
    return render(
        request, "casework/around/home_education_new.html", {"child": child, "form": form}
    )


@capability_required(cap.HOME_EDUCATION)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def entry(request: HttpRequest, entry_id: int) -> HttpResponse:
    record = reach(
        request,
        HomeEducationEntry.objects.select_related("child", "education_lead", "added_by"),
        entry_id,
        "Home education register entry",
    )
    contact_form = HomeEducationContactForm(posted(request, "contact"))
    end_form = EndRegistrationForm(posted(request, "end"), initial={"version": record.version})
    if contact_form.is_bound and contact_form.is_valid():
        data = contact_form.cleaned_data
        if attempt(contact_form, lambda: services.record_contact(record, by=request.user, **data)):
            messages.success(request, "Contact recorded.")
            return redirect("casework:home-education-entry", entry_id=record.pk)
    if end_form.is_bound and end_form.is_valid():
        data = end_form.cleaned_data
        if attempt(end_form, lambda: services.end_registration(record, **data)):
            messages.success(request, f"{record.child.full_name} has left the register.")
            return redirect("casework:home-education-entry", entry_id=record.pk)
        record.refresh_from_db()
    allocation = (
        Allocation.objects.filter(child_id=record.child_id, ended_on__isnull=True)
        .select_related("worker")
        .first()
    )
    return render(
        request,
        "casework/around/home_education_entry.html",
        {
            "entry": record,
            "child": record.child,
            "flag": services.flag_for(record),
            "allocation": allocation,
            "contacts": record.contacts.select_related("recorded_by"),
            "next_contact": due(services.next_contact_due(record), timezone.localdate())
            if record.is_open
            else None,
            "contact_form": contact_form,
            "end_form": end_form,
        },
    )
