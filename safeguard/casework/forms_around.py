"""Fields shared by the forms around the pathway.

As for the pathway's forms, field names match the fields the services name in their problems, so a
refusal shows against the answer that caused it; the rules live in the services, not here.
"""

from datetime import date, datetime, time

from django import forms
from django.db.models import TextChoices
from django.utils import timezone

from safeguard.core.forms import GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]


def date_field(
    label: str, error_name: str, *, required: bool = True, past: bool = True, hint: str = ""
) -> GovukDateField:
    return GovukDateField(
        label=label,
        error_name=error_name,
        required=required,
        must_be_today_or_past=past,
        help_text=hint or "For example, 27 3 2025",
    )


def time_field(label: str, what: str, *, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=TIME_FORMATS,
        help_text="On the 24-hour clock, for example 14:30",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": f"Enter the time {what}",
            "invalid": f"Enter the time {what} as hours and minutes, like 14:30",
        },
    )


def text(
    label: str, *, required: bool = False, rows: int = 4, message: str = "", hint: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message} if message else None,
    )


def line(
    label: str, *, required: bool = False, message: str = "", width: str = ""
) -> forms.CharField:
    attrs = {"class": f"govuk-input--width-{width}"} if width else {}
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.TextInput(attrs=attrs),
        error_messages={"required": message} if message else None,
    )


Choices = list[tuple[str, str]]


def radios(
    label: str, choices: Choices, message: str, *, required: bool = True, hint: str = ""
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        help_text=hint,
        error_messages={"required": message},
    )


def select(
    label: str, choices: type[TextChoices] | list, message: str, *, required: bool = True
) -> forms.ChoiceField:
    options = choices.choices if isinstance(choices, type) else choices
    return forms.ChoiceField(
        label=label,
        choices=[("", "Choose one"), *options],
        required=required,
        error_messages={"required": message},
    )


def yes_no(
    label: str, message: str, *, required: bool = True, hint: str = ""
) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=required,
        help_text=hint,
        coerce=lambda answer: answer == "yes",
        empty_value=None,
        error_messages={"required": message},
    )


def moment(day: date | None, at: time | None) -> datetime | None:
    """A date and a clock time, as the instant they name in England."""
    if day is None or at is None:
        return None
    return timezone.make_aware(datetime.combine(day, at))
