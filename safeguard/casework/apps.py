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
            chronology_around,  # noqa: F401 - registers its sources
            chronology_sources,  # noqa: F401 - registers its sources
            merge_checks,
            panels,
            tray_around,  # noqa: F401 - registers its tasks
        )
        from safeguard.casework import capabilities as cap
        from safeguard.casework.models import Allocation, EarlyHelpEpisode
        from safeguard.casework.services_around_merge import register_around_merge
        from safeguard.casework.views_around import summary_panel
        from safeguard.people.panels import register_panel

        around = ["social_worker", "team_manager"]
        grants = {
            cap.RECORD: ["social_worker", "team_manager", "mash_manager", "conference_chair"],
            cap.AUTHORISE: ["team_manager"],
            cap.CHAIR: ["conference_chair"],
            cap.WORK_TRAY: ["social_worker", "team_manager", "conference_chair"],
            cap.LOOKED_AFTER: ["social_worker", "team_manager", "conference_chair"],
            cap.MISSING: [*around, "mash_worker", "mash_manager", "early_help_practitioner"],
            cap.SCREEN: [*around, "mash_worker", "mash_manager", "early_help_practitioner"],
            cap.CATALOGUE: ["business_manager", "team_manager"],
            cap.EARLY_HELP: [*around, "mash_manager", "early_help_practitioner"],
            cap.EARLY_HELP_TRAY: ["early_help_practitioner"],
            cap.HOME_EDUCATION: around,
            cap.NEGLECT: [*around, "early_help_practitioner"],
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
        # Early help practitioners reach the children in the open episodes they lead.
        leading = EarlyHelpEpisode.objects.filter(ended_on__isnull=True)
        scopes.register_scope(
            ChildScope.ALLOCATED,
            lambda user: Q(
                pk__in=Subquery(leading.filter(lead_practitioner=user).values("child_id"))
            ),
        )
        navigation.register("Work tray", "casework:work-tray", cap.WORK_TRAY, order=1)
        navigation.register("Early help", "casework:early-help-tray", cap.EARLY_HELP_TRAY, order=2)
        navigation.register(
            "Home education register", "casework:home-education", cap.HOME_EDUCATION, order=20
        )
        navigation.register(
            "Exploitation indicators", "casework:catalogues", cap.CATALOGUE, order=33
        )
        badges.register()
        merge_checks.register()
        panels.register()
        register_panel(summary_panel)
        register_around_merge()
