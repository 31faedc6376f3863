"""The MASH: the queue, contacts, RAG ratings, matching the child, asking agencies, deciding."""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access import scopes
from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.frontdoor import capabilities as cap
from safeguard.frontdoor.codes import Rag
from safeguard.frontdoor.forms import DecisionForm, InformationRequestForm, MashContactForm, RagForm
from safeguard.frontdoor.models import (
    Contact,
    ContactStatus,
    FrontDoorSettings,
    ThresholdDocument,
)
from safeguard.frontdoor.services import (
    FrontDoorError,
    change_rag,
    decide,
    open_contact,
    request_information,
)
from safeguard.frontdoor.visibility import get_contact_for_user
from safeguard.people.models import Address, Child
from safeguard.people.search import Criteria, find_candidates

PAGE_SIZE = 25


@capability_required(cap.TRIAGE)
def queue(request: HttpRequest) -> HttpResponse:
    contacts = Contact.objects.filter(status=ContactStatus.OPEN).order_by("rag_deadline")
    rag = request.GET.get("rag")
    if rag in Rag.values:
        contacts = contacts.filter(rag=rag)
    page = Paginator(contacts.select_related("referrer_agency"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    record_accesses(
        request.user,
        [Access(c.child_id, kind=AccessKind.SEARCH, detail=c.reference) for c in page],
        page=request.path,
        purpose="MASH queue",
    )
    return render(
        request,
        "frontdoor/queue.html",
        {
            "page": page,
            "now": timezone.now(),
            "rag": rag,
            "rags": Rag.choices,
            "query": f"rag={rag}" if rag in Rag.values else "",
        },
    )


@capability_required(cap.TRIAGE)
def record_contact(request: HttpRequest) -> HttpResponse:
    form = MashContactForm(request.POST or None, initial={"idempotency_key": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["idempotency_key"]
        existing = Contact.objects.filter(idempotency_key=key).first()
        if existing is None:
            existing = open_contact(form.save(commit=False), recorded_by=request.user)
            messages.success(request, f"Contact {existing.reference} recorded.")
        return redirect("frontdoor:contact", contact_id=existing.pk)
    return render(request, "frontdoor/record_contact.html", {"form": form})


@capability_required(cap.TRIAGE)
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_contact_for_user(request, contact_id, "MASH contact")
    requests = contact.information_requests.select_related("agency", "answered_by")
    return render(
        request,
        "frontdoor/contact.html",
        {
            "contact": contact,
            "rag_changes": contact.rag_changes.select_related("changed_by"),
            "requests": requests,
            "decision": getattr(contact, "decision", None),
            "referral": getattr(contact, "referral", None),
            "can_decide": request.user.can(cap.DECIDE),
            "now": timezone.now(),
        },
    )


def _open_contact_for_change(request: HttpRequest, contact_id: int, purpose: str) -> Contact:
    contact = get_contact_for_user(request, contact_id, purpose)
    if contact.status != ContactStatus.OPEN:
        raise Http404("This contact has been decided")
    return contact


@capability_required(cap.DECIDE)
@require_http_methods(["GET", "POST"])
def contact_rag(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _open_contact_for_change(request, contact_id, "Change RAG rating")
    form = RagForm(request.POST or None, initial={"rag": contact.rag})
    if request.method == "POST" and form.is_valid():
        contact = change_rag(
            contact, form.cleaned_data["rag"], reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(
            request, f"{contact.reference} is now rated {contact.get_rag_display().lower()}."
        )
        return redirect("frontdoor:contact", contact_id=contact.pk)
    return render(
        request,
        "frontdoor/contact_rag.html",
        {"contact": contact, "form": form, "settings": FrontDoorSettings.current()},
    )


@capability_required(cap.TRIAGE)
@require_http_methods(["GET", "POST"])
def contact_child(request: HttpRequest, contact_id: int) -> HttpResponse:
    """Search-before-create for the child a contact is about, from what the referrer typed."""
    contact = _open_contact_for_change(request, contact_id, "Match the child")
    criteria = Criteria(
        first_name=contact.child_first_name,
        last_name=contact.child_last_name,
        date_of_birth=contact.child_date_of_birth,
        nhs_number=contact.child_nhs_number,
        postcode=contact.child_postcode,
    )
    children = scopes.with_restriction(Child.objects.in_scope_of(request.user), request.user)
    candidates = find_candidates(criteria, children)[:20]
    if request.method == "POST":
        if request.POST.get("child") == "new":
            if not contact.child_date_of_birth:
                messages.error(request, "Add the child's date of birth before creating a record.")
                return redirect("frontdoor:contact-child", contact_id=contact.pk)
            if any(c.decisive for c in candidates):
                messages.error(request, "A record with the same NHS number exists: link to it.")
                return redirect("frontdoor:contact-child", contact_id=contact.pk)
            with transaction.atomic():
                child = Child.objects.create(
                    first_name=contact.child_first_name,
                    last_name=contact.child_last_name,
                    date_of_birth=contact.child_date_of_birth,
                    nhs_number=contact.child_nhs_number,
                )
                if contact.child_postcode and contact.child_address:
                    Address.objects.create(
                        child=child,
                        line_1=contact.child_address,
                        town="",
                        postcode=contact.child_postcode,
                    )
                record_access(
                    request, child.pk, kind=AccessKind.CREATE, purpose="Child from a contact"
                )
        else:
            chosen = {str(c.child.pk): c.child for c in candidates if c.child.is_unlocked}
            child = chosen.get(request.POST.get("child", ""))
            if child is None:
                messages.error(request, "Select the child's record, or create a new one.")
                return redirect("frontdoor:contact-child", contact_id=contact.pk)
        contact.child = child
        contact.save(update_fields=["child"])
        record_access(
            request,
            child.pk,
            kind=AccessKind.UPDATE,
            purpose="Linked to a contact",
            detail=contact.reference,
        )
        messages.success(
            request, f"{contact.reference} is linked to {child.full_name} ({child.la_child_id})."
        )
        return redirect("frontdoor:contact", contact_id=contact.pk)
    record_accesses(
        request.user,
        [Access(c.child.pk, kind=AccessKind.SEARCH) for c in candidates],
        page=request.path,
        purpose="Match the child of a contact",
    )
    return render(
        request, "frontdoor/contact_child.html", {"contact": contact, "candidates": candidates}
    )


@capability_required(cap.TRIAGE)
@require_http_methods(["GET", "POST"])
def contact_request(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _open_contact_for_change(request, contact_id, "Ask an agency")
    form = InformationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        info = request_information(
            contact, form.cleaned_data["agency"], form.cleaned_data["question"], by=request.user
        )
        messages.success(
            request,
            f"Request sent to {info.agency}. "
            f"It is due by {timezone.localtime(info.due_at):%-d %B %Y at %H:%M}.",
        )
        return redirect("frontdoor:contact", contact_id=contact.pk)
    return render(request, "frontdoor/contact_request.html", {"contact": contact, "form": form})


@capability_required(cap.DECIDE)
@require_http_methods(["GET", "POST"])
def contact_decision(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _open_contact_for_change(request, contact_id, "Threshold decision")
    document = ThresholdDocument.in_force_on(timezone.localdate())
    if document is None:
        messages.error(
            request, "No threshold document is in force: the business manager must publish one."
        )
        return redirect("frontdoor:contact", contact_id=contact.pk)
    form = DecisionForm(request.POST or None, levels=document.levels.all())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decide(
                contact,
                level=data["level"],
                outcome=data["outcome"],
                reasoning=data["reasoning"],
                feedback=data["feedback"],
                primary_need=data["primary_need"],
                by=request.user,
            )
        except FrontDoorError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, f"Decision recorded for {contact.reference}.")
            return redirect("frontdoor:contact", contact_id=contact.pk)
    return render(
        request,
        "frontdoor/contact_decision.html",
        {"contact": contact, "form": form, "document": document},
    )
