"""One base form that renders every field as the GOV.UK Design System does.

A page writes `{% include "core/error_summary.html" with form=form %}` above its heading and
`{{ form }}` (or `{{ form.some_field.as_field_group }}`) inside its `<form novalidate>`; the
markup, classes, ids and error wording come from here and from `templates/core/forms/`.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.renderers import DjangoTemplates
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from django.utils.functional import cached_property

DATE_PARTS: tuple[str, ...] = ("day", "month", "year")

# The GOV.UK class for each kind of control, and the modifier it takes when the answer is wrong.
_WIDGET_CLASSES = {
    "input": ("govuk-input", "govuk-input--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
    "radios": ("govuk-radios__input", ""),
    "checkboxes": ("govuk-checkboxes__input", ""),
    "checkbox": ("govuk-checkboxes__input", ""),
}
_FIELDSET_KINDS = {"radios", "checkboxes", "date"}


class GovukFormRenderer(DjangoTemplates):
    """Our templates through the project's engine; Django's own widget templates as a fallback.

    The project's engine is tried first so that `templates/core/forms/` needs no FORM_RENDERER
    setting, and Django's built-in engine still supplies `django/forms/widgets/*.html`.
    """

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def get_template(self, template_name: str) -> Any:
        try:
            return get_template(template_name)
        except TemplateDoesNotExist:
            return super().get_template(template_name)


def _lower_first(text: str) -> str:
    # Leave acronyms alone: "NHS number" stays "NHS number", "Date of birth" becomes "date of...".
    if text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _and_list(parts: Sequence[str]) -> str:
    if len(parts) == 1:
        return f"a {parts[0]}"
    return "a " + ", ".join(parts[:-1]) + f" and {parts[-1]}"


class GovukDateWidget(forms.MultiWidget):
    """GOV.UK date input: Day, Month and Year boxes inside the field's fieldset."""

    template_name = "core/forms/widgets/date.html"
    _labels = {"day": "Day", "month": "Month", "year": "Year"}
    _widths = {
        "day": "govuk-input--width-2",
        "month": "govuk-input--width-2",
        "year": "govuk-input--width-4",
    }

    def __init__(self, attrs: dict[str, Any] | None = None, autocomplete: str = "") -> None:
        self.autocomplete = autocomplete
        super().__init__({part: forms.TextInput for part in DATE_PARTS}, attrs)

    def decompress(self, value: datetime.date | None) -> list[int | None]:
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        error_parts = attrs.pop("govuk_error_parts", ())
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id", "")
        for part, subwidget in zip(DATE_PARTS, context["widget"]["subwidgets"], strict=True):
            classes = ["govuk-input", "govuk-date-input__input", self._widths[part]]
            sub_attrs: dict[str, Any] = {"inputmode": "numeric"}
            if part in error_parts:
                classes.append("govuk-input--error")
                sub_attrs["aria-invalid"] = "true"
            if id_:
                sub_attrs["id"] = f"{id_}_{part}"
            if self.autocomplete:
                sub_attrs["autocomplete"] = f"{self.autocomplete}-{part}"
            if attrs.get("disabled"):
                sub_attrs["disabled"] = True
            sub_attrs["class"] = " ".join(classes)
            subwidget["attrs"] = sub_attrs
            subwidget["part_label"] = self._labels[part]
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else ""


class GovukDateField(forms.MultiValueField):
    """A date typed into GOV.UK's three boxes, with GOV.UK's error messages.

    Messages name the date by `error_name` if given (e.g. "the date of the referral"), else by the
    label: "Enter date of birth", "Date of birth must include a month", "Date of birth must be a
    real date". A `required` entry in `error_messages` replaces only the "Enter ..." message.
    """

    widget = GovukDateWidget

    def __init__(
        self,
        *,
        error_name: str = "",
        must_be_past: bool = False,
        must_be_today_or_past: bool = False,
        autocomplete: str = "",
        **kwargs: Any,
    ) -> None:
        self.error_name = error_name
        self.must_be_past = must_be_past
        self.must_be_today_or_past = must_be_today_or_past
        self.custom_required_message = (kwargs.get("error_messages") or {}).get("required")
        kwargs.setdefault("widget", GovukDateWidget(autocomplete=autocomplete))
        parts = tuple(forms.CharField(required=False) for _ in DATE_PARTS)
        super().__init__(parts, require_all_fields=False, **kwargs)

    @property
    def _name(self) -> str:
        return self.error_name or str(self.label or "the date")

    def _error(self, message: str, code: str, parts: Sequence[str]) -> ValidationError:
        # Params carry which boxes to mark; '%' is escaped because params trigger %-formatting.
        return ValidationError(
            message.replace("%", "%%"), code=code, params={"parts": tuple(parts)}
        )

    def clean(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.date):  # a disabled field cleans its initial value
            return value
        values = [str(v).strip() if v is not None else "" for v in (value or [])]
        typed = dict(zip(DATE_PARTS, values + [""] * len(DATE_PARTS), strict=False))
        missing = [part for part in DATE_PARTS if not typed[part]]
        name = self._name
        if len(missing) == len(DATE_PARTS):
            if self.required:
                message = self.custom_required_message or f"Enter {_lower_first(name)}"
                raise self._error(str(message), "required", DATE_PARTS)
            return None
        if missing:
            message = f"{_upper_first(name)} must include {_and_list(missing)}"
            raise self._error(message, "incomplete", missing)
        date = self._to_date(typed, name)
        self.run_validators(date)
        today = timezone.localdate()
        if self.must_be_past and date >= today:
            raise self._error(f"{_upper_first(name)} must be in the past", "not_past", DATE_PARTS)
        if self.must_be_today_or_past and date > today:
            raise self._error(
                f"{_upper_first(name)} must be today or in the past", "future", DATE_PARTS
            )
        return date

    def has_changed(self, initial: Any, data: Any) -> bool:
        if self.disabled:
            return False
        try:
            return self.clean(data) != initial
        except ValidationError:
            return True

    def _to_date(self, typed: dict[str, str], name: str) -> datetime.date:
        not_numbers = [p for p in DATE_PARTS if not (typed[p].isascii() and typed[p].isdigit())]
        if not_numbers:
            raise self._error(f"{_upper_first(name)} must be a real date", "invalid", not_numbers)
        day, month, year = (int(typed[p]) for p in DATE_PARTS)
        if len(typed["year"]) != 4:
            raise self._error("Year must include 4 numbers", "year_digits", ["year"])
        try:
            return datetime.date(year, month, day)
        except ValueError:
            in_range = {"day": 1 <= day <= 31, "month": 1 <= month <= 12, "year": year >= 1}
            wrong = [part for part, ok in in_range.items() if not ok] or ["day"]
        raise self._error(f"{_upper_first(name)} must be a real date", "invalid", wrong)


class GovukBoundField(forms.BoundField):
    """A field that knows its GOV.UK kind, classes, ids and where the error summary links to."""

    @cached_property
    def govuk_kind(self) -> str:
        widget = self.field.widget
        kinds: list[tuple[type[forms.Widget], str]] = [
            (GovukDateWidget, "date"),
            (forms.CheckboxSelectMultiple, "checkboxes"),
            (forms.RadioSelect, "radios"),
            (forms.CheckboxInput, "checkbox"),
            (forms.Select, "select"),
            (forms.Textarea, "textarea"),
            (forms.FileInput, "file"),
        ]
        return next((kind for cls, kind in kinds if isinstance(widget, cls)), "input")

    @property
    def use_fieldset(self) -> bool:
        return self.govuk_kind in _FIELDSET_KINDS

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}_helptext"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}_error"

    @property
    def govuk_describedby(self) -> str:
        ids = []
        if self.help_text:
            ids.append(self.hint_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    @property
    def date_error_parts(self) -> tuple[str, ...]:
        for error in self.errors.as_data():
            if parts := (error.params or {}).get("parts"):
                return tuple(parts)
        return DATE_PARTS if self.errors else ()

    @property
    def error_target_id(self) -> str:
        """The id of the control the error summary links to: the first box or option."""
        id_ = self.field.widget.attrs.get("id") or self.auto_id
        if self.govuk_kind == "date":
            parts = self.date_error_parts or DATE_PARTS
            return f"{id_}_{parts[0]}"
        if self.govuk_kind in {"radios", "checkboxes"}:
            return self.field.widget.id_for_label(id_, "0")
        return self.id_for_label

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if widget is not self.field.widget or widget.is_hidden:
            return attrs
        if self.govuk_kind == "date":
            attrs["govuk_error_parts"] = self.date_error_parts
            return attrs
        base, error = _WIDGET_CLASSES[self.govuk_kind]
        classes = [base, *attrs.get("class", widget.attrs.get("class", "")).split()]
        if self.errors and error:
            classes.append(error)
        attrs["class"] = " ".join(dict.fromkeys(classes))
        return attrs


@dataclass(frozen=True)
class ErrorSummaryItem:
    message: str
    href: str


_DJANGO_REQUIRED = forms.Field.default_error_messages["required"]


def _required_message(kind: str, label: str) -> str:
    """GOV.UK wording for a field that gives none of its own; fields should give their own."""
    verb = "Select" if kind in {"radios", "checkboxes", "checkbox", "select"} else "Enter"
    if label.endswith("?"):  # a question does not fit after "Enter"
        return f"{verb} an answer"
    return f"{verb} {_lower_first(label)}"


class GovukFormMixin:
    """Renders the form GOV.UK's way and lists its errors for the error summary."""

    default_renderer = GovukFormRenderer()
    bound_field_class = GovukBoundField
    # GOV.UK services validate on the server only, so browsers must not add their own messages.
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self:  # type: ignore[attr-defined]
            messages = field.field.error_messages
            if field.govuk_kind != "date" and messages.get("required") == _DJANGO_REQUIRED:
                messages["required"] = _required_message(field.govuk_kind, str(field.label))
        # Iterating made bound fields; drop them so a subclass's later changes (a hint set after
        # super().__init__(), say) show when the form is rendered.
        self._bound_fields_cache = {}

    @property
    def error_summary(self) -> list[ErrorSummaryItem]:
        """Every error in page order, each linking to its control (form-wide errors do not)."""
        form: forms.BaseForm = self  # type: ignore[assignment]
        items = [ErrorSummaryItem(str(message), "") for message in form.non_field_errors()]
        for field in form:
            if field.errors:
                href = "" if field.is_hidden else f"#{field.error_target_id}"
                items.append(ErrorSummaryItem(str(field.errors[0]), href))
        return items


class GovukForm(GovukFormMixin, forms.Form):
    pass


def govuk_formfield(db_field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Model date fields become GOV.UK date inputs; everything else keeps Django's default."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", GovukDateField)
    return db_field.formfield(**kwargs)


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Django reads formfield_callback from each form's own Meta, which subclasses rarely
        # inherit, so give every Meta ours unless it names one. This runs before Django's
        # metaclass builds the fields.
        super().__init_subclass__(**kwargs)
        meta = cls.__dict__.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(govuk_formfield)
