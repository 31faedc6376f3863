"""The "Social care" panel on a child's summary: episodes, allocation, plan, chronology."""

from django.http import HttpRequest
from django.urls import reverse

from safeguard.casework import capabilities as cap
from safeguard.casework.models import Allocation, ProtectionPlan
from safeguard.frontdoor.models import Referral
from safeguard.people.models import Child
from safeguard.people.panels import Panel, register_panel


def _social_care(request: HttpRequest, child: Child) -> Panel:
    user = request.user
    actions = [("Chronology", reverse("casework:chronology", args=[child.pk]))]
    if user.can(cap.AUTHORISE):
        actions.append(("Allocate", reverse("casework:allocate", args=[child.pk])))
    if user.can(cap.RECORD):
        actions.append(("Record a visit", reverse("casework:visit-new", args=[child.pk])))
    return Panel(
        "Social care",
        "casework/panel.html",
        {
            "referrals": Referral.objects.filter(child=child).order_by("-referral_date"),
            "allocation": Allocation.objects.filter(child=child, ended_on__isnull=True)
            .select_related("worker", "team")
            .first(),
            "plan": ProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first(),
            "can_record": user.can(cap.RECORD),
        },
        actions,
    )


def register() -> None:
    register_panel(_social_care)
