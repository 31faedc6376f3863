"""Forms for people who book: licence applicants (no account), evaluations, certificate checks."""

from datetime import date

from django import forms
from django.utils import timezone

from safeguard.core.calendar import add_months
from safeguard.core.forms import GovukDateField, GovukForm
from safeguard.training.codes import OutcomesMet, Usefulness
from safeguard.training.references import (
    CODE_LENGTH,
    REFERENCE_FORMAT_MESSAGE,
    REFERENCE_HINT,
    normalise_code,
    normalise_reference,
    validate_reference,
)

OLDEST_BIRTH_DATE = date(1900, 1, 1)
MINIMUM_AGE_YEARS = 18


class ReferenceField(forms.CharField):
    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("label", "Licence application reference")
        kwargs.setdefault("help_text", REFERENCE_HINT)
        kwargs.setdefault(
            "error_messages", {"required": "Enter your licence application reference"}
        )
        kwargs["error_messages"].setdefault("max_length", REFERENCE_FORMAT_MESSAGE)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
        )
        super().__init__(max_length=30, validators=[validate_reference], **kwargs)

    def to_python(self, value: object) -> str:
        return normalise_reference(super().to_python(value))


class ApplicantBookingForm(GovukForm):
    """All a licence applicant is asked: reference, name, date of birth and email address."""

    reference = ReferenceField()
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        help_text="As it appears on your licence application",
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be 200 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    date_of_birth = GovukDateField(
        label="Date of birth",
        error_name="date of birth",
        must_be_past=True,
        autocomplete="bday",
        help_text="For example, 27 3 1985",
        error_messages={"required": "Enter your date of birth"},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will send your booking and your certificate here",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_date_of_birth(self) -> date:
        born = self.cleaned_data["date_of_birth"]
        if born < OLDEST_BIRTH_DATE:
            raise forms.ValidationError("Date of birth must be the same as or after 1 1 1900")
        if born > add_months(timezone.localdate(), -12 * MINIMUM_AGE_YEARS):
            raise forms.ValidationError(
                f"You must be {MINIMUM_AGE_YEARS} or over to apply for a taxi or private hire "
                "licence"
            )
        return born


class EvaluationForm(GovukForm):
    usefulness = forms.TypedChoiceField(
        label="How useful was the session?",
        choices=sorted(Usefulness.choices, reverse=True),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how useful the session was"},
    )
    outcomes_met = forms.ChoiceField(
        label="Did the session meet its learning outcomes?",
        choices=OutcomesMet.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the session met its learning outcomes"},
    )
    comments = forms.CharField(
        label="Anything else you want to tell us (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Comments must be 2000 characters or fewer"},
    )


class VerifyForm(GovukForm):
    code = forms.CharField(
        label="Verification code",
        help_text="The 16 letters and numbers on the certificate, for example 7K2M-9QXH-4T1B-8RZD",
        max_length=40,
        error_messages={
            "required": "Enter the verification code",
            "max_length": "Enter the verification code in the correct format, like "
            "7K2M-9QXH-4T1B-8RZD",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if len(code) != CODE_LENGTH or not code.isalnum() or not code.isascii():
            raise forms.ValidationError(
                "Enter the verification code in the correct format, like 7K2M-9QXH-4T1B-8RZD"
            )
        return code
