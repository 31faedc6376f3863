"""The partnership's side of the front door: thresholds, feedback to agencies, the dashboard.

The business manager sees no child-level data: the feedback list shows references, agencies,
concerns and outcomes only.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Max
from django.forms import formset_factory
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind, Agency
from safeguard.core.converters import parse_id
from safeguard.frontdoor import capabilities as cap
from safeguard.frontdoor import figures
from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.forms import AdviceForm, ThresholdDocumentForm, ThresholdLevelForm
from safeguard.frontdoor.models import (
    AgencyAdvice,
    Contact,
    ThresholdDocument,
    ThresholdLevel,
)

LEVEL_COUNT = 4


_NOT_SOCIAL_CARE = [Outcome.NO_FURTHER_ACTION, Outcome.INFORMATION_AND_ADVICE, Outcome.EARLY_HELP]


@capability_required(cap.MANAGE_THRESHOLDS)
def thresholds(request: HttpRequest) -> HttpResponse:
    documents = ThresholdDocument.objects.prefetch_related("levels").select_related("published_by")
    return render(
        request,
        "frontdoor/thresholds.html",
        {"documents": documents, "in_force": ThresholdDocument.in_force_on(timezone.localdate())},
    )


@capability_required(cap.MANAGE_THRESHOLDS)
@require_http_methods(["GET", "POST"])
def new_threshold_version(request: HttpRequest) -> HttpResponse:
    current = ThresholdDocument.in_force_on(timezone.localdate())
    initial_levels = (
        [{"name": lvl.name, "descriptors": lvl.descriptors} for lvl in current.levels.all()]
        if current
        else [{} for _ in range(LEVEL_COUNT)]
    )
    LevelFormSet = formset_factory(
        ThresholdLevelForm,
        extra=0,
        min_num=LEVEL_COUNT,
        max_num=LEVEL_COUNT,
        validate_min=True,
        validate_max=True,
    )
    data = request.POST or None
    form = ThresholdDocumentForm(data, initial={"title": current.title if current else ""})
    levels = LevelFormSet(data, initial=initial_levels, prefix="level")
    if request.method == "POST" and form.is_valid() and levels.is_valid():
        with transaction.atomic():
            version = (ThresholdDocument.objects.aggregate(v=Max("version"))["v"] or 0) + 1
            document = ThresholdDocument.objects.create(
                version=version, published_by=request.user, **form.cleaned_data
            )
            ThresholdLevel.objects.bulk_create(
                ThresholdLevel(document=document, number=n, **level.cleaned_data)
                for n, level in enumerate(levels.forms, start=1)
            )
        messages.success(
            request,
            f"Version {version} published, in force from {document.in_force_from:%-d %B %Y}.",
        )
        return redirect("frontdoor:thresholds")
    return render(request, "frontdoor/threshold_new.html", {"form": form, "levels": levels})


@capability_required(cap.ADVISE_AGENCIES)
def advice_list(request: HttpRequest) -> HttpResponse:
    contacts = (
        Contact.objects.filter(
            decision__outcome__in=_NOT_SOCIAL_CARE, referrer_agency__isnull=False
        )
        .select_related("referrer_agency", "decision")
        .order_by("-received_at")
    )
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        contacts = contacts.filter(referrer_agency_id=agency_id)
    page = Paginator(contacts, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "frontdoor/advice_list.html",
        {
            "page": page,
            "agencies": Agency.objects.filter(contacts__isnull=False).distinct(),
            "agency_id": "" if agency_id is None else str(agency_id),
            "query": "" if agency_id is None else f"agency={agency_id}",
        },
    )


@capability_required(cap.ADVISE_AGENCIES)
@require_http_methods(["GET", "POST"])
def give_advice(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = (
        Contact.objects.filter(pk=contact_id, decision__outcome__in=_NOT_SOCIAL_CARE)
        .select_related("referrer_agency", "decision")
        .first()
    )
    if contact is None:
        raise Http404("No such contact")
    form = AdviceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        AgencyAdvice.objects.create(
            contact=contact, advice=form.cleaned_data["advice"], given_by=request.user
        )
        messages.success(
            request, f"Advice on {contact.reference} sent to {contact.referrer_agency}."
        )
        return redirect("frontdoor:advice")
    return render(
        request,
        "frontdoor/give_advice.html",
        {"contact": contact, "form": form, "given": contact.advice.select_related("given_by")},
    )


def _latest_year_ending() -> int:
    today = timezone.localdate()
    return today.year + 1 if today.month >= 4 else today.year


def _period(request: HttpRequest) -> figures.Period:
    latest = _latest_year_ending()
    year = request.GET.get("year", "")
    number = parse_id(year)
    ending = number if number is not None and 2000 < number <= latest else latest
    return figures.Period.reporting_year(ending)


@capability_required(cap.DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    return render(
        request,
        "frontdoor/dashboard.html",
        {
            "figures": figures.compute(period),
            "definitions": figures.DEFINITIONS,
            "years": _year_choices(),
            "period": period,
            "can_open_contacts": request.user.can(cap.DASHBOARD_CONTACTS),
        },
    )


def _year_choices() -> list[tuple[int, str]]:
    latest = _latest_year_ending()
    return [(y, f"{y - 1} to {y % 100:02d}") for y in range(latest, latest - 5, -1)]


_DRILL_DOWNS = {
    "contacts": ("Contacts", lambda c: c),
    "referrals": ("Referrals", lambda c: c.filter(referral__isnull=False)),
    "nfa": (
        "Decided no further action",
        lambda c: c.filter(decision__outcome=Outcome.NO_FURTHER_ACTION),
    ),
    "late": ("Decided after the RAG deadline", figures.late_decisions),
    "repeat": ("Repeat contacts within 12 months", figures.repeat_contacts),
}


@capability_required(cap.DASHBOARD_CONTACTS)
def dashboard_contacts(request: HttpRequest) -> HttpResponse:
    figure = request.GET.get("figure", "contacts")
    if figure not in _DRILL_DOWNS:
        raise Http404("No such figure")
    title, select = _DRILL_DOWNS[figure]
    period = _period(request)
    contacts = select(figures.contacts_in(period))
    agency = request.GET.get("agency", "")
    if agency == "none":
        contacts = contacts.filter(referrer_agency__isnull=True)
    elif parse_id(agency) is not None:
        contacts = contacts.filter(referrer_agency_id=parse_id(agency))
    contacts = contacts.select_related("referrer_agency", "decision").order_by("-received_at")
    page = Paginator(contacts, 50).get_page(request.GET.get("page"))
    record_accesses(
        request.user,
        [Access(c.child_id, kind=AccessKind.SEARCH, detail=c.reference) for c in page],
        page=request.path,
        purpose=f"Front door figures: {title}",
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "frontdoor/dashboard_contacts.html",
        {"page": page, "title": title, "period": period, "query": query.urlencode()},
    )
