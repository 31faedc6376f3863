"""The licence check, on the page and as JSON, and issuing a licensing system's key."""

from datetime import date

from django import forms

from safeguard.access.models import Agency, AgencyKind
from safeguard.core.forms import GovukDateField, GovukForm
from safeguard.training.codes import ApplicationKind, LicenceType
from safeguard.training.forms_booking import ReferenceField
from safeguard.training.references import REFERENCE_EXAMPLE

EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def _in_range(day: date) -> None:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise forms.ValidationError(
            f"The date of the application must be between {EARLIEST_YEAR} and {LATEST_YEAR}"
        )


class LicenceCheckForm(GovukForm):
    reference = ReferenceField(
        label="Applicant's licence application reference",
        help_text=f"For example, {REFERENCE_EXAMPLE}",
        error_messages={"required": "Enter the applicant's licence application reference"},
    )
    licence_type = forms.ChoiceField(
        label="Licence type",
        choices=LicenceType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the licence type"},
    )
    application_kind = forms.ChoiceField(
        label="Is this a first grant or a renewal?",
        choices=ApplicationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is a first grant or a renewal"},
    )
    application_date = GovukDateField(
        label="Date of the application",
        error_name="the date of the application",
        help_text="For example, 27 3 2026",
        validators=[_in_range],
    )


class LicenceCheckApiForm(forms.Form):
    """The JSON body of an API check: the same answers, the date as YYYY-MM-DD."""

    reference = forms.CharField(max_length=30)
    licence_type = forms.ChoiceField(choices=LicenceType.choices)
    application_kind = forms.ChoiceField(choices=ApplicationKind.choices)
    application_date = forms.DateField(input_formats=["%Y-%m-%d"], validators=[_in_range])

    def clean_reference(self) -> str:
        return LicenceCheckForm.base_fields["reference"].clean(self.cleaned_data["reference"])


class ApiKeyForm(GovukForm):
    agency = forms.ModelChoiceField(
        label="Licensing authority",
        queryset=Agency.objects.filter(kind=AgencyKind.LICENSING),
        error_messages={"required": "Select the licensing authority"},
    )
    name = forms.CharField(
        label="What the key is for",
        max_length=200,
        help_text="For example, Taxi licensing system",
        error_messages={"required": "Enter what the key is for"},
    )
