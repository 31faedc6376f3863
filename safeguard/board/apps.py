from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "safeguard.board"
    label = "board"
    verbose_name = "The board"

    def ready(self) -> None:
        from safeguard.access import navigation, roles
        from safeguard.board import capabilities as cap
        from safeguard.board.measures import register_measures

        grants = {
            cap.MANAGE: ["business_manager"],
            cap.READ: ["business_manager", "board_member"],
            cap.OWN_REVIEW: ["board_member"],
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)

        navigation.register("The board", "board:home", cap.READ, order=50)
        navigation.register("Business plan", "board:plan", cap.READ, order=51)
        register_measures()
