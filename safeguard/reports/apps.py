from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "safeguard.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from safeguard.access import navigation, roles
        from safeguard.reports import capabilities as cap

        # Board members read the report and sign it off when they are a lead safeguarding
        # partner (the sign-off checks the seat); the business manager writes and builds it,
        # and records partners' sign-offs given at a meeting or in writing.
        grants = {
            cap.READ: ["business_manager", "board_member"],
            cap.WRITE: ["business_manager"],
            cap.SIGN_OFF: ["business_manager", "board_member"],
        }
        for capability, role_keys in grants.items():
            for key in role_keys:
                roles.grant(key, capability)
        navigation.register("Annual report", "reports:annual-reports", cap.READ, order=62)
