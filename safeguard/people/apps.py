from django.apps import AppConfig
from django.db.models import Q


class PeopleConfig(AppConfig):
    name = "safeguard.people"
    label = "people"
    verbose_name = "Children and families"

    def ready(self) -> None:
        from safeguard.access import capabilities, navigation, scopes
        from safeguard.access.models import ChildScope

        # Children's services staff reach every child known to the service.
        scopes.register_scope(ChildScope.SERVICE, lambda user: Q())
        navigation.register("Find a child", "people:find", capabilities.SEARCH_CHILDREN, order=20)
