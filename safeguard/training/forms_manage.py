"""The training coordinator's forms: courses, sessions, attendance and compliance rules."""

from typing import Any

from django import forms

from safeguard.core.forms import GovukDateField, GovukForm, GovukModelForm
from safeguard.training.codes import Audience, Delivery, Level, LicenceType
from safeguard.training.models import Booking, ComplianceRule, Course, TrainingSession


def _time(label: str, name: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=["%H:%M", "%H.%M"],
        help_text="Use the 24-hour clock, for example 09:30 or 14:00",
        error_messages={
            "required": f"Enter the {name}",
            "invalid": f"Enter the {name} as hours and minutes, like 09:30",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )


class CourseForm(GovukModelForm):
    level = forms.ChoiceField(
        label="Level",
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level of the course"},
    )
    certificate_valid_months = forms.IntegerField(
        label="How long the certificate stays valid, in months",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Leave blank if the certificate does not run out",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter how long the certificate stays valid as a whole number of months",
            "min_value": "The certificate must stay valid for at least 1 month",
            "max_value": "The certificate can stay valid for at most 120 months",
        },
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "audience",
            "level",
            "learning_outcomes",
            "certificate_valid_months",
            "open_to_public",
        ]
        labels = {"title": "Course title"}
        help_texts = {
            "audience": "For example, staff of every partner agency who work with children",
            "learning_outcomes": "What people will be able to do after the course, one a line",
        }
        widgets = {"learning_outcomes": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "title": {
                "required": "Enter the course title",
                "unique": "There is already a course with this title",
            },
            "audience": {"required": "Enter who the course is for"},
            "learning_outcomes": {"required": "Enter the learning outcomes"},
        }


class SessionForm(GovukModelForm):
    course = forms.ModelChoiceField(
        label="Course",
        queryset=Course.objects.all(),
        error_messages={"required": "Select the course"},
    )
    on = GovukDateField(
        label="Date",
        error_name="the date of the session",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the session"},
    )
    starts_at = _time("Start time", "start time")
    ends_at = _time("End time", "end time")
    delivery = forms.ChoiceField(
        label="How is it delivered?",
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the session is delivered"},
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=500,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many places there are",
            "invalid": "Enter the number of places as a whole number",
            "min_value": "There must be at least 1 place",
            "max_value": "There can be at most 500 places",
        },
    )

    class Meta:
        model = TrainingSession
        fields = [
            "course",
            "on",
            "starts_at",
            "ends_at",
            "delivery",
            "venue",
            "trainer",
            "capacity",
        ]
        labels = {"venue": "Venue or joining details", "trainer": "Trainer"}
        help_texts = {
            "venue": "The address, or for an online session how people will get the link",
        }
        error_messages = {"trainer": {"required": "Enter the trainer's name"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "The end time must be after the start time")
        if data.get("delivery") == Delivery.IN_PERSON and not (data.get("venue") or "").strip():
            self.add_error("venue", "Enter the venue of an in-person session")
        return data


class AttendanceForm(GovukForm):
    attended = forms.MultipleChoiceField(
        label="Who attended?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select everyone who attended. Anyone not selected is marked as not attending.",
    )

    def __init__(self, *args: Any, places: list[Booking], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(b.pk), _attendee(b)) for b in places]


def _attendee(booking: Booking) -> str:
    if booking.is_public:
        return f"{booking.full_name} (licence applicant {booking.licence_reference})"
    return f"{booking.full_name} ({booking.agency})" if booking.agency_id else booking.full_name


class RuleForm(GovukModelForm):
    audience = forms.ChoiceField(
        label="Who the rule is for",
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the rule is for"},
    )
    course = forms.ModelChoiceField(
        label="Course they must hold",
        queryset=Course.objects.all(),
        error_messages={"required": "Select the course they must hold"},
    )
    in_force_from = GovukDateField(
        label="In force from",
        error_name="the date the rule comes into force",
        help_text="Checks of applications made on or after this date use this version",
        error_messages={"required": "Enter the date the rule comes into force"},
    )
    licence_types = forms.MultipleChoiceField(
        label="Licences that need the course",
        choices=LicenceType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Licence applicants only",
    )
    max_age_months = forms.IntegerField(
        label="How many months before the application the course may have been completed",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Licence applicants only. Leave blank for no limit other than the certificate's "
        "own expiry.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the number of months as a whole number",
            "min_value": "The number of months must be 1 or more",
            "max_value": "The number of months must be 120 or fewer",
        },
    )

    class Meta:
        model = ComplianceRule
        fields = [
            "audience",
            "course",
            "in_force_from",
            "licence_types",
            "required_at_first_grant",
            "required_at_renewal",
            "max_age_months",
            "summary",
        ]
        labels = {
            "required_at_first_grant": "Licence applicants need it at first grant",
            "required_at_renewal": "Licence applicants need it at every renewal",
            "summary": "What changed and why (optional)",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("audience") != Audience.TAXI_AND_PRIVATE_HIRE:
            # Licence settings mean nothing for staff: their certificates' own expiry applies.
            data["licence_types"], data["max_age_months"] = [], None
        elif not data.get("licence_types"):
            self.add_error("licence_types", "Select the licences that need the course")
        return data
