from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "safeguard.board"
    label = "board"
    verbose_name = "The board"
