"""Forms for protection plans and children in need plans.

Field names match the fields the services name in their problems, so a refusal shows against the
answer that caused it. The rules themselves live in `services.py` and `rules.py`, not here.
"""

from django import forms

from safeguard.casework.codes import Attendee, CategoryOfAbuse, PlanEndReason, ReviewDecision
from safeguard.core.forms import GovukDateField, GovukForm

YES_NO = [("yes", "Yes"), ("no", "No")]


def _date(label: str, error_name: str) -> GovukDateField:
    return GovukDateField(
        label=label,
        error_name=error_name,
        must_be_today_or_past=True,
        help_text="For example, 27 3 2025",
    )


def _notes(label: str = "Notes") -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 4}))


def _yes_no(label: str, required_message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect,
        coerce=lambda answer: answer == "yes",
        error_messages={"required": required_message},
    )


def _category(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the category of abuse"},
    )


class VersionedForm(GovukForm):
    """Carries the version of the record the person opened, for the service's optimistic lock."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": "Reload the page and make your changes again"},
    )


class CategoryChangeForm(VersionedForm):
    category = _category("New category of abuse")
    changed_on = _date("Date of the change", "the date of the change")
    reason = forms.CharField(
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason for changing the category"},
    )


class CoreGroupForm(GovukForm):
    held_on = _date("Date of the meeting", "the date of the meeting")
    attendees = forms.MultipleChoiceField(
        label="Who attended?",
        choices=Attendee.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select who attended"},
    )
    notes = _notes()


class VisitForm(GovukForm):
    visited_on = _date("Date of the visit", "the date of the visit")
    seen = _yes_no("Was the child seen?", "Select yes if the child was seen")
    seen_alone = _yes_no("Was the child seen alone?", "Select yes if the child was seen alone")
    notes = _notes()


class ReviewForm(VersionedForm):
    held_on = _date("Date of the review conference", "the date of the review conference")
    decision = forms.ChoiceField(
        label="Decision",
        choices=ReviewDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the plan continues or ends"},
    )
    category = _category("Category of abuse")
    category_reason = forms.CharField(
        label="Reason for changing the category",
        required=False,
        help_text="Only if the conference changed the category",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    end_reason = forms.ChoiceField(
        label="Why is the plan ending?",
        required=False,
        choices=PlanEndReason.choices,
        widget=forms.RadioSelect,
        help_text="Only if the conference decided to end the plan",
    )
    notes = _notes()


class EndPlanForm(VersionedForm):
    ended_on = _date("Date the plan ended", "the date the plan ended")
    reason = forms.ChoiceField(
        label="Why did the plan end?",
        choices=PlanEndReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the plan is ending"},
    )


class ChildInNeedPlanForm(GovukForm):
    started_on = _date("Start date", "the start date of the plan")
    objectives = forms.CharField(
        label="Objectives",
        required=False,
        help_text="What the plan is to achieve, and by when",
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ChildInNeedReviewForm(GovukForm):
    held_on = _date("Date of the review", "the date of the review")
    notes = _notes()


class EndChildInNeedPlanForm(VersionedForm):
    ended_on = _date("Date the plan ended", "the date the plan ended")
