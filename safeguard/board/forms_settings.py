"""The form for the partnership's quorum rule and the largest paper it takes."""

from django import forms

from safeguard.board.models import BoardSettings
from safeguard.core.forms import GovukModelForm


def _count(label: str, what: str, hint: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=50,
        help_text=hint,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"Enter the {what} as a whole number",
            "min_value": f"The {what} must be 1 or more",
            "max_value": f"The {what} must be 50 or fewer",
        },
    )


class BoardSettingsForm(GovukModelForm):
    minimum_members = _count(
        "Members needed for a board meeting",
        "number of members needed for a board meeting",
        "Members there in person, and deputies if they count",
    )
    subgroup_minimum_members = _count(
        "Members needed for a sub-group meeting",
        "number of members needed for a sub-group meeting",
        "Members there in person, and deputies if they count",
    )
    paper_max_mb = _count(
        "Largest paper, in megabytes",
        "size of the largest paper",
        "Papers bigger than this are refused",
    )

    class Meta:
        model = BoardSettings
        fields = [
            "statutory_partners_required",
            "minimum_members",
            "subgroup_minimum_members",
            "deputies_count",
            "paper_max_mb",
        ]
