"""Information requests, as the agency asked sees them."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.log import Access, record_accesses
from safeguard.access.models import AccessKind
from safeguard.frontdoor import capabilities as cap
from safeguard.frontdoor.forms import AnswerForm
from safeguard.frontdoor.services import FrontDoorError, answer_request
from safeguard.frontdoor.visibility import get_request_for_user, requests_visible_to


@capability_required(cap.ANSWER_REQUESTS)
def information_requests(request: HttpRequest) -> HttpResponse:
    requests = (
        requests_visible_to(request.user)
        .select_related("contact")
        .order_by(F("answered_at").desc(nulls_first=True), "due_at")
    )
    page = Paginator(requests, 25).get_page(request.GET.get("page"))
    record_accesses(
        request.user,
        [
            Access(r.contact.child_id, kind=AccessKind.SEARCH, detail=r.contact.reference)
            for r in page
        ],
        page=request.path,
        purpose="Information requests to my agency",
    )
    return render(
        request,
        "frontdoor/information_requests.html",
        {"page": page, "now": timezone.now(), "agency": request.user.agency},
    )


@capability_required(cap.ANSWER_REQUESTS)
@require_http_methods(["GET", "POST"])
def information_request(request: HttpRequest, request_id: int) -> HttpResponse:
    info = get_request_for_user(request, request_id, "Answer an information request")
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answer_request(info, by=request.user, **form.cleaned_data)
        except FrontDoorError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, f"Your answer has been sent to the MASH ({info.contact.reference})."
            )
            return redirect("frontdoor:information-requests")
    return render(
        request,
        "frontdoor/information_request.html",
        {"info": info, "contact": info.contact, "form": form, "now": timezone.now()},
    )
