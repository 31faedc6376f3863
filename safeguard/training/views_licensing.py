"""The licensing officer's licence check and its log; the licensing systems' keys."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.training import apikeys
from safeguard.training import capabilities as cap
from safeguard.training.compliance import record_licence_check
from safeguard.training.forms_licensing import ApiKeyForm, LicenceCheckForm
from safeguard.training.models import LicenceCheck, LicensingApiKey


def _checks_for(request: HttpRequest):
    """A licensing officer sees the checks of their own licensing authority only."""
    return LicenceCheck.objects.filter(agency_id=request.user.agency_id).select_related(
        "checked_by", "api_key", "certificate__course", "rule__course"
    )


@capability_required(cap.CHECK_LICENCES)
@require_http_methods(["GET", "POST"])
def licence_check(request: HttpRequest) -> HttpResponse:
    form = LicenceCheckForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        check = record_licence_check(user=request.user, **form.cleaned_data)
        return redirect("training:licence-check-result", check_id=check.pk)
    return render(request, "training/licence_check.html", {"form": form})


@capability_required(cap.CHECK_LICENCES)
@require_http_methods(["GET"])
def licence_check_result(request: HttpRequest, check_id: int) -> HttpResponse:
    check = get_object_or_404(_checks_for(request), pk=check_id)
    return render(request, "training/licence_check_result.html", {"check": check})


@capability_required(cap.CHECK_LICENCES)
@require_http_methods(["GET"])
def licence_checks(request: HttpRequest) -> HttpResponse:
    page = Paginator(_checks_for(request), 50).get_page(request.GET.get("page"))
    return render(request, "training/licence_checks.html", {"page": page})


@capability_required(cap.MANAGE_API_KEYS)
@require_http_methods(["GET", "POST"])
def api_keys(request: HttpRequest) -> HttpResponse:
    form = ApiKeyForm(request.POST if request.method == "POST" else None)
    new_key = ""
    if request.method == "POST" and form.is_valid():
        _, new_key = apikeys.issue_key(
            form.cleaned_data["agency"], form.cleaned_data["name"], by=request.user
        )
        form = ApiKeyForm()
    keys = LicensingApiKey.objects.select_related("agency", "created_by", "revoked_by")
    # The new key is shown on this response only: it is not stored, so it cannot be shown again.
    response = render(
        request, "training/api_keys.html", {"form": form, "keys": keys, "new_key": new_key}
    )
    response["Cache-Control"] = "no-store"
    return response


@capability_required(cap.MANAGE_API_KEYS)
@require_http_methods(["POST"])
def api_key_revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    record = get_object_or_404(LicensingApiKey, pk=key_id)
    apikeys.revoke_key(record, by=request.user)
    messages.success(request, f"The key {record.prefix}… for {record.agency} is revoked.")
    return redirect("training:api-keys")
