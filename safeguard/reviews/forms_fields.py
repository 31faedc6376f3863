"""Field helpers shared by the reviews forms, so every date, text and version field reads alike."""

from typing import Any

from django import forms

from safeguard.access.models import Agency
from safeguard.core.forms import GovukDateField

DATE_HINT = "For example, 27 3 2025"


def past_date(label: str, error_name: str, **kwargs: Any) -> GovukDateField:
    kwargs.setdefault("help_text", DATE_HINT)
    return GovukDateField(label=label, error_name=error_name, must_be_today_or_past=True, **kwargs)


def any_date(label: str, error_name: str, **kwargs: Any) -> GovukDateField:
    kwargs.setdefault("help_text", DATE_HINT)
    return GovukDateField(label=label, error_name=error_name, **kwargs)


def textarea(
    label: str, required_message: str = "", rows: int = 4, **kwargs: Any
) -> forms.CharField:
    if required_message:
        kwargs["error_messages"] = {"required": required_message}
    else:
        kwargs["required"] = False
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def line(label: str, required_message: str, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, error_messages={"required": required_message}, **kwargs)


def version() -> forms.IntegerField:
    # Only a page that lost its hidden field gets here; the version itself is checked on saving.
    reload = "Reload the page, then make your changes again"
    return forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": reload, "invalid": reload}
    )


def agencies(
    label: str, required_message: str = "", **kwargs: Any
) -> forms.ModelMultipleChoiceField:
    if required_message:
        kwargs["error_messages"] = {"required": required_message}
    else:
        kwargs["required"] = False
    kwargs.setdefault("error_messages", {})["invalid_choice"] = "Select agencies from the list"
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Agency.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


def agency(label: str, required_message: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=Agency.objects.all(),
        empty_label="Choose an agency",
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def set_hint(form: forms.Form, name: str, hint: str) -> None:
    # The base form has already made the bound field, which keeps its own copy of the hint.
    form.fields[name].help_text = form[name].help_text = hint
