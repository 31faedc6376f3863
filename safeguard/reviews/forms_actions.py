"""Forms for findings, actions, their updates and sign-off, and themes."""

from datetime import date
from typing import Any

from django import forms

from safeguard.core.forms import GovukForm
from safeguard.reviews.codes import ActionStatus
from safeguard.reviews.forms_fields import (
    agency,
    any_date,
    line,
    past_date,
    set_hint,
    textarea,
    version,
)
from safeguard.reviews.models import Theme


class FindingForm(GovukForm):
    text = textarea("What was found", "Enter what was found", rows=6)
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select the themes of the finding"},
    )
    recommendation = textarea("Recommendation", "Enter the recommendation", rows=4)


class ActionForm(GovukForm):
    description = textarea("What will be done", "Enter what will be done", rows=4)
    agency = agency("Agency that owns the action", "Select the agency that owns the action")
    owner_name = line(
        "Named person responsible", "Enter the name of the person responsible", max_length=200
    )
    due_on = any_date("Due date", "the due date of the action")


class ActionUpdateForm(GovukForm):
    version = version()
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the status of the action"},
    )
    progress = textarea("Latest progress", rows=4)
    evidence = textarea(
        "Evidence of completion",
        rows=4,
        help_text="Needed when the action is complete: what changed, and how you know",
    )
    completed_on = past_date("Date completed", "the date the action was completed", required=False)
    late_reason = textarea("Why it was completed late", rows=3)

    def __init__(self, *args: Any, due_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_hint(self, "late_reason", f"Needed if it was completed after {due_on:%-d %B %Y}")


class SignOffForm(GovukForm):
    version = version()
    signed_off_on = past_date("Date of sign-off", "the date of sign-off")


class ThemeForm(GovukForm):
    name = line("Theme", "Enter the name of the theme", max_length=100)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if Theme.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError("There is already a theme with this name")
        return name
