from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(**kwargs: object) -> None:
    from safeguard.access.roles import sync_standard_roles

    sync_standard_roles()


class AccessConfig(AppConfig):
    name = "safeguard.access"
    label = "access"
    verbose_name = "Access"

    def ready(self) -> None:
        from safeguard.access import capabilities, navigation

        navigation.register("Access log", "access:log", capabilities.VIEW_ACCESS_LOG, order=80)
        post_migrate.connect(_sync_roles, sender=self)
