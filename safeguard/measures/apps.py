from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "safeguard.measures"
    label = "measures"
    verbose_name = "Measures"
