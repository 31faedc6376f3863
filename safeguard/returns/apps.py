from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "safeguard.returns"
    label = "returns"
    verbose_name = "Statutory returns"

    def ready(self) -> None:
        from safeguard.access import navigation, roles
        from safeguard.returns import capabilities as cap

        # The issues report names children by their child IDs: pseudonymised child-level data,
        # which is the performance analyst's and not the business manager's or the board's.
        roles.grant("performance_analyst", cap.VALIDATE_CIN)
        navigation.register("CIN census validation", "returns:validation", cap.VALIDATE_CIN, 50)
