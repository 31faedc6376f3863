"""What the pages around the pathway share: reaching a record through its child (scope, restriction
and the access log, as for the child's own record), due dates, and the panel on the child's
summary that leads to these pages.
"""

from datetime import date
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from safeguard.casework import capabilities as cap
from safeguard.casework.models import (
    CareEpisode,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    MissingEpisode,
    NeglectAssessment,
)
from safeguard.casework.services_missing import repeat_missing_since
from safeguard.casework.tray import due_soon_cutoff
from safeguard.casework.views_plans import Due, break_glass_when_restricted
from safeguard.people.access import get_child_for_user
from safeguard.people.models import Child
from safeguard.people.panels import Panel

__all__ = ["break_glass_when_restricted", "due", "posted", "reach", "summary_panel"]

M = TypeVar("M", bound=Model)


def reach(request: HttpRequest, records: QuerySet[M], pk: int, purpose: str) -> M:
    """The record, if its child is one the user may open now (the read is logged); else 404, or
    `RecordRestricted` for a restricted child."""
    record = get_object_or_404(records, pk=pk)
    get_child_for_user(request, record.child_id, purpose)
    return record


def posted(request: HttpRequest, action: str | None = None) -> QueryDict | None:
    """The answers, if this form was posted (by its button's `action` when a page has several)."""
    if request.method != "POST":
        return None
    if action is not None and request.POST.get("action") != action:
        return None
    return request.POST


def due(due_on: date, today: date) -> Due:
    """A due date as the pathway's pages show it (casework/plans/_due.html)."""
    return Due(due_on, due_on < today, today <= due_on <= due_soon_cutoff(today))


def summary_panel(request: HttpRequest, child: Child) -> Panel | None:
    """The child summary's panel of the records around the pathway the user may open."""
    user = request.user
    rows: list[tuple[str, str, str]] = []  # (heading, what there is, link)
    if user.can(cap.LOOKED_AFTER):
        episode = CareEpisode.objects.filter(child=child, ended_on__isnull=True).first()
        state = f"Looked after ({episode.legal_status})" if episode else "Not looked after"
        rows.append(("Looked after", state, reverse("casework:looked-after", args=[child.pk])))
    if user.can(cap.MISSING):
        count = MissingEpisode.objects.filter(child=child).count()
        state = f"{count} episode{'s' if count != 1 else ''}"
        if repeat_missing_since(child, timezone.localdate()):
            state += ", missing repeatedly"
        rows.append(("Missing", state, reverse("casework:missing", args=[child.pk])))
    if user.can(cap.SCREEN):
        latest = ExploitationScreening.objects.filter(child=child).first()
        state = (
            f"{latest.get_practitioner_band_display()} on {latest.screened_on:%-d %B %Y}"
            if latest
            else "Not screened"
        )
        rows.append(("Exploitation", state, reverse("casework:screenings", args=[child.pk])))
    if user.can(cap.EARLY_HELP):
        episode = EarlyHelpEpisode.objects.filter(child=child, ended_on__isnull=True).first()
        state = f"Open since {episode.started_on:%-d %B %Y}" if episode else "None open"
        link = (
            reverse("casework:early-help", args=[episode.pk])
            if episode
            else reverse("casework:early-help-new", args=[child.pk])
        )
        rows.append(("Early help", state, link))
    if user.can(cap.HOME_EDUCATION):
        entry = HomeEducationEntry.objects.filter(child=child, ended_on__isnull=True).first()
        state = f"On the register since {entry.started_on:%-d %B %Y}" if entry else "Not registered"
        link = (
            reverse("casework:home-education-entry", args=[entry.pk])
            if entry
            else reverse("casework:home-education-new", args=[child.pk])
        )
        rows.append(("Educated at home", state, link))
    if user.can(cap.NEGLECT):
        latest = NeglectAssessment.objects.filter(child=child).first()
        state = f"Last assessed {latest.assessed_on:%-d %B %Y}" if latest else "Not assessed"
        rows.append(("Neglect assessments", state, reverse("casework:neglect", args=[child.pk])))
    if not rows:
        return None
    return Panel(
        "Care, missing, exploitation and support", "casework/around/panel.html", {"rows": rows}
    )
