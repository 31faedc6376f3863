from datetime import date

from django import forms

from safeguard.core.forms import GovukDateField, GovukForm, GovukModelForm
from safeguard.core.identifiers import (
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    validate_nhs_number,
    validate_postcode,
    validate_upn,
)
from safeguard.people.codes import Disability, Ethnicity, Gender
from safeguard.people.models import Address, Child


class FindChildForm(GovukForm):
    first_name = forms.CharField(label="First name", required=False)
    last_name = forms.CharField(label="Last name", required=False)
    date_of_birth = GovukDateField(
        label="Date of birth", required=False, must_be_today_or_past=True
    )
    nhs_number = forms.CharField(
        label="NHS number",
        required=False,
        validators=[validate_nhs_number],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
    )
    upn = forms.CharField(
        label="Unique pupil number (UPN)",
        required=False,
        validators=[validate_upn],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    la_child_id = forms.CharField(
        label="LA child ID",
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "off"}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if not self.errors and not any(data.values()):
            raise forms.ValidationError(
                "Enter at least one detail: a name, date of birth, NHS number, UPN, LA child ID "
                "or postcode",
                code="empty",
            )
        return data


class SearchBeforeAddForm(FindChildForm):
    """Adding a child starts with a search that has at least the name and date of birth."""

    first_name = forms.CharField(
        label="First name", error_messages={"required": "Enter the child's first name"}
    )
    last_name = forms.CharField(
        label="Last name", error_messages={"required": "Enter the child's last name"}
    )
    date_of_birth = GovukDateField(
        label="Date of birth",
        help_text="For an unborn child, enter the expected date of birth. For example, 27 3 2017",
        error_messages={"required": "Enter the child's date of birth or expected date of birth"},
    )


class ChildForm(GovukModelForm):
    date_of_birth = GovukDateField(
        label="Date of birth",
        required=False,
        must_be_today_or_past=True,
        help_text="Leave blank for an unborn child",
    )
    expected_date_of_birth = GovukDateField(
        label="Expected date of birth",
        required=False,
        help_text="Only for an unborn child",
    )
    gender = forms.ChoiceField(
        label="Sex",
        choices=Gender.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the child's sex"},
    )
    ethnicity = forms.ChoiceField(
        label="Ethnicity", choices=Ethnicity.choices, initial=Ethnicity.NOBT
    )
    disabilities = forms.MultipleChoiceField(
        label="Disabilities",
        required=False,
        choices=Disability.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    address_line_1 = forms.CharField(label="Address line 1", required=False)
    town = forms.CharField(label="Town or city", required=False)
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )

    # Wider than the stored value: people type NHS numbers in groups ("943 476 5919").
    nhs_number = forms.CharField(
        label="NHS number",
        required=False,
        max_length=20,
        validators=[validate_nhs_number],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
    )
    upn = forms.CharField(
        label="Unique pupil number (UPN)",
        required=False,
        max_length=20,
        validators=[validate_upn],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )

    class Meta:
        model = Child
        fields = [
            "first_name",
            "middle_names",
            "last_name",
            "date_of_birth",
            "expected_date_of_birth",
            "gender",
            "gender_identity",
            "ethnicity",
            "disabilities",
            "nhs_number",
            "upn",
            "first_language",
            "unaccompanied_asylum_seeking",
        ]
        error_messages = {
            "first_name": {"required": "Enter the child's first name"},
            "last_name": {"required": "Enter the child's last name"},
        }

    def clean(self) -> dict[str, object]:
        data = super().clean()
        born, expected = data.get("date_of_birth"), data.get("expected_date_of_birth")
        if not born and not expected and "date_of_birth" not in self.errors:
            self.add_error(
                "date_of_birth",
                "Enter the child's date of birth or, for an unborn child, "
                "the expected date of birth",
            )
        if born and expected:
            self.add_error(
                "expected_date_of_birth",
                "Leave the expected date of birth blank for a child who has been born",
            )
        if expected and expected < date.today():
            self.add_error(
                "expected_date_of_birth",
                "The expected date of birth must be today or in the future",
            )
        disabilities = data.get("disabilities") or []
        if Disability.NONE in disabilities and len(disabilities) > 1:
            self.add_error(
                "disabilities",
                "Select ‘No disability’ on its own, or the disabilities the child has",
            )
        address = [data.get("address_line_1"), data.get("town"), data.get("postcode")]
        if any(address) and not all(address):
            for name, message in (
                ("address_line_1", "Enter address line 1"),
                ("town", "Enter the town or city"),
                ("postcode", "Enter the postcode"),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        if data.get("postcode"):
            data["postcode"] = normalise_postcode(data["postcode"])
        return data

    def clean_nhs_number(self) -> str:
        return normalise_nhs_number(self.cleaned_data["nhs_number"])

    def clean_upn(self) -> str:
        return normalise_upn(self.cleaned_data["upn"])


class BreakGlassForm(GovukForm):
    reason = forms.CharField(
        label="Why do you need to open this record now?",
        help_text=(
            "Your reason, your name and the time are recorded and shown to the data protection "
            "officer."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        error_messages={
            "required": "Enter why you need to open this record",
            "min_length": "Enter a fuller reason (at least 10 characters)",
        },
    )


class RestrictForm(GovukForm):
    reason = forms.CharField(
        label="Why should this record be restricted?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why the record should be restricted"},
    )


class GrantForm(GovukForm):
    email = forms.EmailField(
        label="Email address of the person to give access",
        error_messages={
            "required": "Enter the email address of the person to give access",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )


class MergeForm(GovukForm):
    duplicate = forms.CharField(
        label="LA child ID of the duplicate record",
        help_text="The duplicate's details move to this record, and the duplicate is closed",
        error_messages={"required": "Enter the LA child ID of the duplicate record"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    reason = forms.CharField(
        label="Why are these the same child?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why these records are the same child"},
    )


class EditChildForm(ChildForm):
    """The child's details without the first address: addresses change through their own form."""

    address_line_1 = None
    town = None
    postcode = None


class NewAddressForm(GovukModelForm):
    moved_in = GovukDateField(
        label="Date the child moved in",
        must_be_today_or_past=True,
        error_messages={"required": "Enter the date the child moved in"},
    )

    class Meta:
        model = Address
        fields = ["line_1", "line_2", "town", "postcode", "moved_in"]
        error_messages = {
            "line_1": {"required": "Enter address line 1"},
            "town": {"required": "Enter the town or city"},
            "postcode": {"required": "Enter the postcode"},
        }
