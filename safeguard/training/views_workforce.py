"""The social work workforce: caseloads against the threshold, quarterly returns, the trend.

Caseloads name workers and count their children; no child is named or reachable from here.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.access.models import Team
from safeguard.training import capabilities as cap
from safeguard.training import figures
from safeguard.training.caseloads import quarterly_trend, social_work_teams, team_caseloads
from safeguard.training.codes import ReturnSource
from safeguard.training.forms_workforce import ImportForm, ReturnForm, WorkforceSettingsForm
from safeguard.training.models import QuarterlyReturn, WorkforceSettings
from safeguard.training.quarters import quarter_label, recent_quarters
from safeguard.training.workforce_returns import (
    ImportRefused,
    import_returns,
    save_return,
    teams_for,
)

TREND_QUARTERS = 8


def _return_teams(request: HttpRequest) -> list[Team]:
    return teams_for(request.user, all_teams=request.user.can(cap.ENTER_ALL_RETURNS))


@capability_required(cap.VIEW_WORKFORCE)
@require_http_methods(["GET"])
def workforce(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period = figures.reporting_year(today)
    rows, total = figures.workforce(period)
    return render(
        request,
        "training/workforce.html",
        {
            "caseloads": figures.caseloads(),
            "rows": rows,
            "total": total,
            "period": period,
            "definitions": figures.DEFINITIONS,
            "can_enter": request.user.can(cap.ENTER_RETURNS),
            "can_change_threshold": request.user.can(cap.WORKFORCE_SETTINGS),
        },
    )


@capability_required(cap.VIEW_WORKFORCE)
@require_http_methods(["GET"])
def team(request: HttpRequest, team_id: int) -> HttpResponse:
    found = get_object_or_404(social_work_teams(), pk=team_id)
    quarters = list(reversed(recent_quarters(timezone.localdate(), TREND_QUARTERS)))
    return render(
        request,
        "training/workforce_team.html",
        {
            "team": found,
            "caseloads": team_caseloads([found])[0],
            "trend": [(quarter_label(q), s) for q, s in quarterly_trend(found, quarters)],
            "returns": QuarterlyReturn.objects.filter(team=found).select_related("entered_by"),
            "can_enter": request.user.can(cap.ENTER_RETURNS) and found in _return_teams(request),
        },
    )


@capability_required(cap.ENTER_RETURNS)
@require_http_methods(["GET", "POST"])
def return_new(request: HttpRequest, team_id: int) -> HttpResponse:
    found = next((t for t in _return_teams(request) if t.pk == team_id), None)
    if found is None:
        raise Http404("Not one of your teams")
    quarters = recent_quarters(timezone.localdate(), 4)
    form = ReturnForm(request.POST if request.method == "POST" else None, quarters=quarters)
    if request.method == "POST" and form.is_valid():
        quarter = form.cleaned_data["quarter"]
        save_return(found, quarter, form.figures, by=request.user, source=ReturnSource.FORM)
        messages.success(request, f"The return for {quarter_label(quarter)} is saved.")
        return redirect("training:workforce-team", team_id=found.pk)
    return render(request, "training/return_new.html", {"team": found, "form": form})


@capability_required(cap.ENTER_RETURNS)
@require_http_methods(["GET", "POST"])
def return_import(request: HttpRequest) -> HttpResponse:
    teams = _return_teams(request)
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = import_returns(form.cleaned_data["file"].read(), teams, by=request.user)
        except ImportRefused as refused:
            form.add_error("file", str(refused))
        else:
            messages.success(request, f"{count} return{'s' if count != 1 else ''} imported.")
            return redirect("training:workforce")
    return render(request, "training/return_import.html", {"form": form, "teams": teams})


@capability_required(cap.WORKFORCE_SETTINGS)
@require_http_methods(["GET", "POST"])
def workforce_settings(request: HttpRequest) -> HttpResponse:
    form = WorkforceSettingsForm(
        request.POST if request.method == "POST" else None, instance=WorkforceSettings.current()
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The caseload threshold is saved.")
        return redirect("training:workforce")
    return render(request, "training/workforce_settings.html", {"form": form})
