import base64
from datetime import datetime, time

from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguard.access import capabilities
from safeguard.access.decorators import capability_required
from safeguard.access.forms import AccessLogFilterForm, SignInForm, TwoFactorForm
from safeguard.access.log import record_access
from safeguard.access.models import AccessEvent, AccessKind, BreakGlass

PAGE_SIZE = 50


def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
            target = ""
        return redirect(target or "home")
    return render(request, "access/sign_in.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return render(request, "access/signed_out.html", {"reason": "signed_out"})


@require_GET
def timed_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        logout(request)
    return render(request, "access/signed_out.html", {"reason": "timed_out"})


@login_required
@require_GET
def keep_alive(request: HttpRequest) -> HttpResponse:
    # The inactivity middleware has already recorded this request as activity.
    return HttpResponse(status=204)


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    device = TOTPDevice.objects.filter(user=request.user).order_by("-confirmed").first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator", confirmed=False)
    form = TwoFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect("home")
        form.add_error("token", "The security code is not right. Enter the code your app shows now")
    context = {"form": form, "setting_up": not device.confirmed}
    if not device.confirmed:
        context["secret"] = base64.b32encode(device.bin_key).decode()
        context["otpauth_url"] = device.config_url
    return render(request, "access/two_factor.html", context)


def _filtered_events(form: AccessLogFilterForm):
    events = AccessEvent.objects.select_related("child")
    if not form.is_valid():
        return events.none()
    data = form.cleaned_data
    if data["user"]:
        events = events.filter(user_label__icontains=data["user"])
    if data["child"]:
        events = events.filter(child__la_child_id__iexact=data["child"].strip())
    if data["kind"]:
        events = events.filter(kind=data["kind"])
    tz = timezone.get_current_timezone()
    if data["date_from"]:
        events = events.filter(at__gte=datetime.combine(data["date_from"], time.min, tz))
    if data["date_to"]:
        events = events.filter(at__lte=datetime.combine(data["date_to"], time.max, tz))
    return events


@capability_required(capabilities.VIEW_ACCESS_LOG)
def access_log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET if request.GET else None)
    events = (
        _filtered_events(form) if form.is_bound else AccessEvent.objects.select_related("child")
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    # Read the rows before logging this read, so the page shows the log as it was when opened.
    page.object_list = list(page.object_list)
    record_access(
        request,
        None,
        kind=AccessKind.ACCESS_LOG,
        purpose="Access log review",
        detail=request.GET.urlencode(),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "access/access_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@capability_required(capabilities.VIEW_ACCESS_LOG)
def break_glass_log(request: HttpRequest) -> HttpResponse:
    glass = BreakGlass.objects.select_related("user", "user__agency", "child")
    page = Paginator(glass, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    record_access(request, None, kind=AccessKind.ACCESS_LOG, purpose="Break-glass review")
    return render(request, "access/break_glass_log.html", {"page": page, "now": timezone.now()})
