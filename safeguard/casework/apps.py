from django.apps import AppConfig
from django.db.models import Q, Subquery


class CaseworkConfig(AppConfig):
    name = "safeguard.casework"
    label = "casework"
    verbose_name = "Casework"

    def ready(self) -> None:
        from safeguard.access import navigation, roles, scopes
        from safeguard.access.models import ChildScope
        from safeguard.casework import (
            badges,
            chronology_sources,  # noqa: F401 - registers its sources
            merge_checks,
            panels,
        )
        from safeguard.casework import capabilities as cap
        from safeguard.casework.models import Allocation

        grants = {
            cap.RECORD: ["social_worker", "team_manager", "mash_manager", "conference_chair"],
            cap.AUTHORISE: ["team_manager"],
            cap.CHAIR: ["conference_chair"],
            cap.WORK_TRAY: ["social_worker", "team_manager", "conference_chair"],
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)

        current = Allocation.objects.filter(ended_on__isnull=True)
        scopes.register_scope(
            ChildScope.ALLOCATED,
            lambda user: Q(pk__in=Subquery(current.filter(worker=user).values("child_id"))),
        )
        scopes.register_scope(
            ChildScope.TEAM,
            lambda user: Q(
                pk__in=Subquery(current.filter(team__in=user.teams.all()).values("child_id"))
            ),
        )
        navigation.register("Work tray", "casework:work-tray", cap.WORK_TRAY, order=1)
        badges.register()
        merge_checks.register()
        panels.register()
