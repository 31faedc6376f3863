from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "safeguard.measures"
    label = "measures"
    verbose_name = "Measures"

    def ready(self) -> None:
        from safeguard.access import navigation, roles
        from safeguard.frontdoor import figures as front_door_figures
        from safeguard.measures import capabilities as cap
        from safeguard.measures import front_door, neglect

        # Board members and the business manager see aggregate figures only, with small counts
        # suppressed. The analyst and team managers are authorised internal staff: exact counts;
        # the children behind a count (team managers: those their scope reaches, named; the
        # analyst: pseudonymised, as their role allows).
        grants = {
            cap.DASHBOARD: [
                "board_member",
                "business_manager",
                "performance_analyst",
                "team_manager",
            ],
            cap.EXACT_FIGURES: ["performance_analyst", "team_manager"],
            cap.CHILDREN_BEHIND: ["performance_analyst", "team_manager"],
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)
        navigation.register("Partnership dashboard", "measures:dashboard", cap.DASHBOARD, order=29)
        neglect.register_measures()
        front_door_figures.register_counts(front_door.counts)
