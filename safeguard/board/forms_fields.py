"""Field helpers for the board's forms: the reviews app's helpers (so dates, text and versions read
alike across the partnership's pages), plus the few the board needs of its own."""

from typing import Any

from django import forms
from django.db.models import Model, QuerySet, TextChoices

from safeguard.reviews.forms_fields import (
    any_date,
    line,
    past_date,
    set_hint,
    textarea,
    version,
)

__all__ = [
    "any_date",
    "choice",
    "line",
    "optional_line",
    "past_date",
    "radios",
    "set_hint",
    "textarea",
    "version",
]


def radios(label: str, choices: type[TextChoices], required_message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices.choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def choice(
    label: str,
    queryset: QuerySet[Model],
    required_message: str = "",
    empty_label: str = "Choose one",
    **kwargs: Any,
) -> forms.ModelChoiceField:
    message = required_message or f"Choose {label[:1].lower()}{label[1:]} from the list"
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        required=bool(required_message),
        empty_label=empty_label,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


def optional_line(label: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, **kwargs)
