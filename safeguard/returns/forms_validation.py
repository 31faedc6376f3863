"""The two ways in to a CIN census check: upload a file, or choose a census year of the live
records."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from safeguard.core.forms import GovukForm
from safeguard.returns.validation.census import RULESETS
from safeguard.returns.validation_checks import MEGABYTE, live_census_years, upload_limit_mb

CHOOSE_RULES = "Select which year’s rules to check the file against"
CHOOSE_YEAR = "Select the census year"


class CheckFileForm(GovukForm):
    file = forms.FileField(
        label="CIN census XML file",
        error_messages={
            "required": "Select a CIN census XML file",
            "empty": "The selected file is empty",
            "invalid": "Select a CIN census XML file",
            "missing": "Select a CIN census XML file",
        },
    )
    ruleset = forms.ChoiceField(
        label="Which year’s rules?",
        help_text="The file’s header must be for the same census year: <Year> 2023 for 2022-23",
        choices=[(ruleset, ruleset) for ruleset in RULESETS],
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_RULES, "invalid_choice": CHOOSE_RULES},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"An XML file up to {upload_limit_mb()} MB"

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        limit = upload_limit_mb()
        if upload.size > limit * MEGABYTE:
            raise forms.ValidationError(f"The selected file must be smaller than {limit} MB")
        return upload


class CheckLiveRecordsForm(GovukForm):
    census_year = forms.ChoiceField(
        label="Census year",
        help_text="The census counts the episodes open at any time from 1 April to 31 March, "
        "and is checked against that year’s rules",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_YEAR, "invalid_choice": CHOOSE_YEAR},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["census_year"].choices = [(year, year) for year in live_census_years()]
