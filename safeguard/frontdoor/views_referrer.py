"""Pages for the professional who raises a concern: the form, their referrals, their agency's."""

import uuid
from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from safeguard.access.decorators import capability_required
from safeguard.frontdoor import capabilities as cap
from safeguard.frontdoor.codes import Channel, Outcome
from safeguard.frontdoor.forms import PartnerReferralForm
from safeguard.frontdoor.models import AgencyAdvice, Contact
from safeguard.frontdoor.services import open_contact
from safeguard.frontdoor.visibility import get_contact_for_user

PAGE_SIZE = 25


@capability_required(cap.REFER)
def refer(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PartnerReferralForm(
        request.POST or None,
        initial={"idempotency_key": uuid.uuid4(), "referrer_role": user.job_title},
    )
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["idempotency_key"]
        # A second press of the button (or a resent form) finds the contact the first one made.
        existing = Contact.objects.filter(idempotency_key=key, referrer=user).first()
        if existing:
            return redirect("frontdoor:referral", contact_id=existing.pk)
        contact = form.save(commit=False)
        contact.channel = Channel.ONLINE
        contact.referrer = user
        contact.referrer_name = user.full_name
        contact.referrer_agency = user.agency
        contact.referrer_email = user.email
        try:
            with transaction.atomic():
                open_contact(contact, recorded_by=user)
        except IntegrityError:
            existing = Contact.objects.filter(idempotency_key=key, referrer=user).first()
            if existing is not None:
                return redirect("frontdoor:referral", contact_id=existing.pk)
            # Someone else's key: nothing was saved; send the form back with a fresh one.
            form = PartnerReferralForm(request.POST, initial={"idempotency_key": uuid.uuid4()})
            form.data = form.data.copy()
            form.data["idempotency_key"] = str(uuid.uuid4())
            form.add_error(
                None, "Your referral was not sent. Check your answers and send it again."
            )
        messages.success(request, f"Referral sent. Your reference is {contact.reference}.")
        return redirect("frontdoor:referral", contact_id=contact.pk)
    return render(request, "frontdoor/refer.html", {"form": form})


@capability_required(cap.REFER)
def my_referrals(request: HttpRequest) -> HttpResponse:
    contacts = Contact.objects.filter(referrer=request.user).select_related("decision")
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "frontdoor/my_referrals.html", {"page": page})


@capability_required(cap.REFER)
def referral(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_contact_for_user(request, contact_id, "Referral and its outcome")
    if contact.referrer_id != request.user.pk:
        # MASH staff open the full contact page, not the referrer's view.
        return redirect("frontdoor:contact", contact_id=contact.pk)
    decision = getattr(contact, "decision", None)
    return render(
        request,
        "frontdoor/referral.html",
        {"contact": contact, "decision": decision, "advice": contact.advice.all()},
    )


@capability_required(cap.AGENCY_SUMMARY)
def agency_summary(request: HttpRequest) -> HttpResponse:
    agency = request.user.agency
    since = timezone.now() - timedelta(days=365)
    contacts = Contact.objects.filter(referrer_agency=agency, received_at__gte=since)
    by_outcome = dict(
        contacts.filter(decision__isnull=False)
        .values_list("decision__outcome")
        .annotate(n=Count("id"))
    )
    rows = [(label, by_outcome.get(value, 0)) for value, label in Outcome.choices]
    advice = AgencyAdvice.objects.filter(contact__referrer_agency=agency).select_related("contact")[
        :50
    ]
    return render(
        request,
        "frontdoor/agency_summary.html",
        {
            "agency": agency,
            "total": contacts.count(),
            "open": contacts.filter(decision__isnull=True).count(),
            "rows": rows,
            "advice": advice,
        },
    )
