"""Forms for the business plan."""

from collections.abc import Sequence
from typing import Any

from django import forms

from safeguard.board import plan_measures
from safeguard.board.codes import ActionStatus, Rag
from safeguard.board.forms_fields import any_date, choice, line, radios, textarea, version
from safeguard.board.models import BoardGroup
from safeguard.board.services_plan import NARRATIVE_MAX
from safeguard.core.forms import GovukForm


class PlanForm(GovukForm):
    year = line(
        "Reporting year",
        "Enter the reporting year like 2016-17",
        max_length=7,
        help_text="For example, 2016-17 for 1 April 2016 to 31 March 2017",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    introduction = textarea("Introduction", rows=4)


class PriorityForm(GovukForm):
    title = line("Priority", "Enter the priority", max_length=200)
    lead_group = choice(
        "Group that leads it", BoardGroup.objects.all(), empty_label="The board as a whole"
    )
    measure_ids = forms.MultipleChoiceField(
        label="Measures that show progress",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"invalid_choice": "Select measures from the list"},
    )

    def __init__(self, *args: Any, keep: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure_ids"].choices = plan_measures.choices(keep)


class PriorityEditForm(PriorityForm):
    version = version()


class ObjectiveForm(GovukForm):
    text = textarea("Objective", "Enter the objective", rows=3)


class PlanActionForm(GovukForm):
    description = textarea("What will be done", "Enter what will be done", rows=3)
    lead = line("Who leads it", "Enter who leads the action", max_length=200)
    due_on = any_date("Due date", "the due date of the action")


class PlanActionStatusForm(GovukForm):
    version = version()
    status = radios("Status", ActionStatus, "Select the status of the action")


class RatingForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rag = radios("RAG rating", Rag, "Select the RAG rating for the quarter")
    narrative = textarea(
        "Narrative",
        "Enter a short narrative of the quarter's progress",
        rows=5,
        max_length=NARRATIVE_MAX,
        help_text=f"What moved on, what is behind and why. Up to {NARRATIVE_MAX:,} characters",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["narrative"].error_messages["max_length"] = (
            f"The narrative must be {NARRATIVE_MAX:,} characters or fewer"
        )
