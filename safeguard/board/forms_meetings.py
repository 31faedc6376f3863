"""Forms for meetings, their agenda, papers, minutes and decisions."""

from typing import Any

from django import forms

from safeguard.board.forms_fields import (
    any_date,
    choice,
    line,
    optional_line,
    past_date,
    textarea,
    version,
)
from safeguard.board.models import BoardGroup, BoardSettings
from safeguard.core.forms import GovukForm

TIME_MESSAGE = "Enter the start time as hours and minutes, like 14:00"


def _start_time() -> forms.TimeField:
    return forms.TimeField(
        label="Start time",
        required=False,
        input_formats=["%H:%M", "%H.%M"],
        help_text="For example, 14:00",
        widget=forms.TimeInput(format="%H:%M", attrs={"class": "govuk-input--width-5"}),
        error_messages={"invalid": TIME_MESSAGE},
    )


class MeetingForm(GovukForm):
    group = choice(
        "Group", BoardGroup.objects.all(), "Select the group that is meeting", "Choose a group"
    )
    held_on = any_date("Date of the meeting", "the date of the meeting")
    starts_at = _start_time()
    place = line("Where", "Enter where the meeting is held", max_length=200)


class MeetingEditForm(GovukForm):
    version = version()
    held_on = any_date("Date of the meeting", "the date of the meeting")
    starts_at = _start_time()
    place = line("Where", "Enter where the meeting is held", max_length=200)
    office_notes = textarea(
        "Notes for the business unit",
        rows=4,
        help_text="Only the business unit sees these: they are never in the published minutes",
    )


class ApproveMinutesForm(GovukForm):
    version = version()
    minutes_approved_on = past_date(
        "Date the minutes were approved", "the date the minutes were approved"
    )


class ItemForm(GovukForm):
    title = line("Title", "Enter the title of the item", max_length=200)
    presenter = optional_line("Presented by", max_length=200)
    confidential = forms.BooleanField(
        label="Confidential: leave this item out of the published minutes", required=False
    )


class ItemEditForm(ItemForm):
    version = version()
    minutes = textarea("Minutes", rows=8, help_text="What was discussed")

    field_order = ["version", "title", "presenter", "confidential", "minutes"]


class PaperForm(GovukForm):
    title = line("Title of the paper", "Enter the title of the paper", max_length=200)
    file = forms.FileField(
        label="Upload a file",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = BoardSettings.current().paper_max_mb
        hint = f"A PDF, Word, Excel or PowerPoint file, smaller than {limit}MB"
        self.fields["file"].help_text = self["file"].help_text = hint


class DecisionForm(GovukForm):
    text = textarea("What was decided", "Enter what was decided", rows=4)
