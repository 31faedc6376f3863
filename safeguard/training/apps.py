from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "safeguard.training"
    label = "training"
    verbose_name = "Training and workforce"

    def ready(self) -> None:
        from safeguard.access import navigation, roles
        from safeguard.training import capabilities as cap
        from safeguard.training.measures import register_measures

        grants = {
            # Staff of every partner agency book training.
            cap.BOOK: list(roles.STANDARD_ROLES),
            cap.MANAGE: ["training_coordinator"],
            cap.FIGURES: ["training_coordinator", "business_manager", "board_member"],
            cap.CHECK_LICENCES: ["licensing_officer"],
            cap.MANAGE_API_KEYS: ["system_administrator"],
            cap.VIEW_WORKFORCE: ["team_manager", "business_manager", "performance_analyst"],
            cap.ENTER_RETURNS: ["team_manager", "business_manager"],
            cap.ENTER_ALL_RETURNS: ["business_manager"],
            cap.WORKFORCE_SETTINGS: ["business_manager"],
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)

        navigation.register("Training", "training:courses", cap.BOOK, order=40)
        navigation.register("Manage training", "training:manage", cap.MANAGE, order=41)
        navigation.register("Licence check", "training:licence-check", cap.CHECK_LICENCES, order=42)
        navigation.register("Workforce", "training:workforce", cap.VIEW_WORKFORCE, order=44)
        navigation.register("Training and workforce figures", "training:figures", cap.FIGURES, 45)
        navigation.register(
            "Licensing system keys", "training:api-keys", cap.MANAGE_API_KEYS, order=85
        )
        register_measures()
