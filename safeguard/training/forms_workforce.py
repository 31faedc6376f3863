"""The quarterly workforce return, its CSV import, and the caseload threshold."""

from datetime import date
from typing import Any

from django import forms

from safeguard.core.forms import GovukForm, GovukModelForm
from safeguard.training.models import WorkforceSettings
from safeguard.training.quarters import quarter_label
from safeguard.training.workforce_returns import MAX_COUNT, ReturnFigures, figures_problem

_COUNT_FIELDS = {
    "establishment": ("Posts in the establishment", "the number of posts in the establishment"),
    "permanent": (
        "Posts filled by permanent staff",
        "the number of posts filled by permanent staff",
    ),
    "agency": ("Posts covered by agency staff", "the number of posts covered by agency staff"),
    "vacancies": ("Vacancies", "the number of vacancies"),
    "starters": ("Starters in the quarter", "the number of starters"),
    "leavers": ("Leavers in the quarter", "the number of leavers"),
}
_HINTS = {
    "vacancies": "Posts not filled by permanent staff, whether or not agency staff cover them",
    "agency": "Agency workers covering vacant posts or working above the establishment",
}


def _count(label: str, name: str, hint: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=MAX_COUNT,
        help_text=hint,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": f"Enter {name}",
            "invalid": f"Enter {name} as a whole number",
            "min_value": f"Enter {name} as 0 or more",
            "max_value": f"Enter {name} as {MAX_COUNT} or fewer",
        },
    )


class ReturnForm(GovukForm):
    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=date.fromisoformat,
        error_messages={"required": "Select the quarter"},
    )
    establishment = _count(*_COUNT_FIELDS["establishment"])
    permanent = _count(*_COUNT_FIELDS["permanent"])
    agency = _count(*_COUNT_FIELDS["agency"], _HINTS["agency"])
    vacancies = _count(*_COUNT_FIELDS["vacancies"], _HINTS["vacancies"])
    starters = _count(*_COUNT_FIELDS["starters"])
    leavers = _count(*_COUNT_FIELDS["leavers"])

    def __init__(self, *args: Any, quarters: list[date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = [(q.isoformat(), quarter_label(q)) for q in quarters]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if all(name in data for name in _COUNT_FIELDS):
            problem = figures_problem(self.figures)
            if problem:
                self.add_error("vacancies", problem)
        return data

    @property
    def figures(self) -> ReturnFigures:
        return ReturnFigures(**{name: self.cleaned_data[name] for name in _COUNT_FIELDS})


class ImportForm(GovukForm):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Columns: team, quarter_start, establishment, permanent, agency, vacancies, "
        "starters, leavers. One row a team and quarter; quarter_start like 2025-04-01.",
        error_messages={
            "required": "Select a CSV file",
            "empty": "The selected file is empty",
            "invalid": "Select a CSV file",
        },
    )


class WorkforceSettingsForm(GovukModelForm):
    caseload_threshold = forms.IntegerField(
        label="Caseload threshold",
        min_value=1,
        max_value=100,
        help_text="A worker holding more children than this is over the threshold",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the caseload threshold",
            "invalid": "Enter the caseload threshold as a whole number",
            "min_value": "The caseload threshold must be 1 or more",
            "max_value": "The caseload threshold must be 100 or fewer",
        },
    )

    class Meta:
        model = WorkforceSettings
        fields = ["caseload_threshold"]
