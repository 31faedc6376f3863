"""The child summary's CIN and CP badges."""

from safeguard.casework.models import ProtectionPlan
from safeguard.frontdoor.models import Referral
from safeguard.people.badges import Badge, register_badges
from safeguard.people.models import Child


def _pathway_badges(child: Child) -> list[Badge]:
    badges = []
    plan = ProtectionPlan.objects.filter(child=child, ended_on__isnull=True).first()
    if plan is not None:
        badges.append(
            Badge(
                f"CP: {plan.get_latest_category_display().lower()}",
                "red",
                f"On a child protection plan since {plan.started_on:%-d %B %Y}",
            )
        )
    elif Referral.objects.filter(
        child=child, closed_on__isnull=True, no_further_action=False
    ).exists():
        badges.append(Badge("CIN", "blue", "An open children in need episode"))
    return badges


def register() -> None:
    register_badges(_pathway_badges)
