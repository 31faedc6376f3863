"""Actions from reviews and audits: adding them, the owning agency's updates, the board's sign-off,
the partnership's tracker, each board member's own agency's list, progress and the figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.models import Agency
from safeguard.core.converters import parse_id
from safeguard.core.refusals import attempt
from safeguard.reviews import capabilities as cap
from safeguard.reviews import figures, progress
from safeguard.reviews import services_actions as services
from safeguard.reviews.access import can_update_action, get_action_for_user
from safeguard.reviews.forms_actions import ActionForm, ActionUpdateForm, SignOffForm, ThemeForm
from safeguard.reviews.models import Action, Finding, Theme
from safeguard.reviews.views_common import PAGE_SIZE, posted

SHOW = {
    "open": ("Open", lambda actions, today: actions.open()),
    "overdue": ("Overdue", lambda actions, today: actions.overdue(today)),
    "sign-off": (
        "Complete, waiting for sign-off",
        lambda actions, today: actions.complete().filter(signed_off_on__isnull=True),
    ),
    "complete": ("Complete", lambda actions, today: actions.complete()),
}


def _listed(actions: QuerySet[Action]) -> QuerySet[Action]:
    return actions.select_related("agency", "finding__review__incident", "finding__audit")


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_action(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = get_object_or_404(
        Finding.objects.select_related("review__incident", "audit"), pk=finding_id
    )
    form = ActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = services.add_action(
            finding,
            description=data["description"],
            agency=data["agency"],
            owner_name=data["owner_name"],
            due_on=data["due_on"],
            by=request.user,
        )
        messages.success(request, f"Action added for {action.agency}.")
        if "another" in request.POST:
            return redirect("reviews:action-new", finding_id=finding.pk)
        return redirect(finding.source.get_absolute_url())
    return render(
        request,
        "reviews/action_new.html",
        {"finding": finding, "actions": finding.actions.select_related("agency"), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    """The action, the owning agency's update form and the board's sign-off. Each form posts its
    name in `form`, and the user's right to it is checked again on posting. Who may open the
    page at all is `get_action_for_user`'s decision: the owning agency's board member, or
    anyone who sees reviews."""
    action = get_action_for_user(request, action_id)
    posted = request.POST.get("form") if request.method == "POST" else None
    may_update = can_update_action(request.user, action) and not action.is_signed_off
    may_sign_off = (
        request.user.can(cap.SIGN_OFF) and action.is_complete and not action.is_signed_off
    )
    if (posted == "update" and not may_update) or (posted == "sign-off" and not may_sign_off):
        raise PermissionDenied
    update_form = ActionUpdateForm(
        request.POST if posted == "update" else None,
        due_on=action.due_on,
        initial={
            "version": action.version,
            "status": action.status,
            "progress": action.progress,
            "evidence": action.evidence,
            "completed_on": action.completed_on,
            "late_reason": action.late_reason,
        },
    )
    sign_off_form = SignOffForm(
        request.POST if posted == "sign-off" else None,
        initial={"version": action.version, "signed_off_on": timezone.localdate()},
        prefix="sign-off",
    )
    if posted == "update" and update_form.is_valid():
        data = update_form.cleaned_data
        if attempt(
            update_form,
            lambda: services.update_action(
                action,
                version=data["version"],
                status=data["status"],
                progress=data["progress"],
                evidence=data["evidence"],
                completed_on=data["completed_on"],
                late_reason=data["late_reason"],
            ),
        ):
            messages.success(request, "The action is updated.")
            return redirect("reviews:action", action_id=action.pk)
    if posted == "sign-off" and sign_off_form.is_valid():
        data = sign_off_form.cleaned_data
        if attempt(
            sign_off_form,
            lambda: services.sign_off_action(
                action, version=data["version"], by=request.user, on=data["signed_off_on"]
            ),
        ):
            messages.success(request, "The action is signed off.")
            return redirect("reviews:action", action_id=action.pk)
    if request.method == "POST":
        action.refresh_from_db()
    if request.user.can(cap.VIEW):
        back_url, back_label = action.finding.source.get_absolute_url(), str(action.finding.source)
    else:
        back_url, back_label = reverse("reviews:our-actions"), "Our agency's actions"
    return render(
        request,
        "reviews/action.html",
        {
            "action": action,
            "finding": action.finding,
            "source_label": progress.source_label(action),
            "update_form": update_form,
            "sign_off_form": sign_off_form,
            "errors": update_form.errors or sign_off_form.errors,
            "may_update": may_update,
            "may_sign_off": may_sign_off,
            "overdue": action.is_overdue(timezone.localdate()),
            "back_url": back_url,
            "back_label": back_label,
        },
    )


@capability_required(cap.RUN)
def actions(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = Action.objects.all()
    show = request.GET.get("show", "")
    if show in SHOW:
        found = SHOW[show][1](found, today)
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        found = found.filter(agency_id=agency_id)
    page = Paginator(_listed(found), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reviews/actions.html",
        {
            "page": page,
            "rows": [(a, progress.source_label(a), a.is_overdue(today)) for a in page],
            "show": show,
            "shows": [(key, label) for key, (label, _) in SHOW.items()],
            "agencies": Agency.objects.filter(pk__in=Action.objects.values("agency_id")).order_by(
                "name"
            ),
            "agency_id": agency_id,
            "query": query.urlencode(),
            "caption": f"{page.paginator.count} action{pluralize(page.paginator.count)}, "
            "soonest due first",
        },
    )


@capability_required(cap.AGENCY_ACTIONS)
def our_actions(request: HttpRequest) -> HttpResponse:
    """A board member's own agency's actions, overdue ones first and marked."""
    today = timezone.localdate()
    user = request.user
    mine = (
        Action.objects.filter(agency_id=user.agency_id) if user.agency_id else Action.objects.none()
    )
    ordered = sorted(
        _listed(mine), key=lambda a: (not a.is_overdue(today), a.is_complete, a.due_on, a.pk)
    )
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/our_actions.html",
        {
            "page": page,
            "rows": [(a, progress.source_label(a), a.is_overdue(today)) for a in page],
            "summary": progress.overall(ordered, today),
            "agency": user.agency,
        },
    )


@capability_required(cap.PROGRESS)
def progress_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    all_actions = list(progress.actions_for_progress())
    return render(
        request,
        "reviews/progress.html",
        {
            "overall": progress.overall(all_actions, today),
            "by_source": progress.by_source(all_actions, today),
            "by_theme": progress.by_theme(all_actions, today),
            "by_agency": progress.by_agency(all_actions, today),
        },
    )


def _latest_year_ending() -> int:
    today = timezone.localdate()
    return today.year + 1 if today.month >= 4 else today.year


@capability_required(cap.PROGRESS)
def figures_page(request: HttpRequest) -> HttpResponse:
    latest = _latest_year_ending()
    number = parse_id(request.GET.get("year"))
    ending = number if number is not None and 2000 < number <= latest else latest
    period = figures.Period.reporting_year(ending)
    return render(
        request,
        "reviews/figures.html",
        {
            "figures": figures.compute(period),
            "definitions": figures.DEFINITIONS,
            "period": period,
            "years": [(y, f"{y - 1} to {y % 100:02d}") for y in range(latest, 2009, -1)],
        },
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def themes(request: HttpRequest) -> HttpResponse:
    form = ThemeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        Theme.objects.create(name=form.cleaned_data["name"])
        messages.success(request, f"Theme ‘{form.cleaned_data['name']}’ added.")
        return redirect("reviews:themes")
    return render(request, "reviews/themes.html", {"form": form, "themes": Theme.objects.all()})
