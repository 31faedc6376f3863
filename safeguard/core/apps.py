from django.apps import AppConfig
from django.urls import register_converter


class CoreConfig(AppConfig):
    name = "safeguard.core"
    label = "core"

    def ready(self) -> None:
        from django.urls.converters import get_converters

        from safeguard.core.converters import IdConverter

        # ready() runs again when a test builds an app registry of its own.
        if "id" not in get_converters():
            register_converter(IdConverter, "id")
