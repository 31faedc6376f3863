"""Forms for the first half of the pathway: allocation, assessment, strategy discussion, section 47
enquiry, initial conference and closure.

Field names are the ones the services name in their refusals (`Problem.field`), so a refusal shows
against the answer it is about. Forms that change a versioned record carry its `version`.
"""

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet

from safeguard.access.models import Role, Team, User
from safeguard.casework import capabilities as cap
from safeguard.casework.codes import (
    AssessmentFactor,
    AssessmentOutcome,
    Attendee,
    CategoryOfAbuse,
    ConferenceOutcome,
    EnquiryOutcome,
    StrategyDecision,
)
from safeguard.core.forms import GovukDateField, GovukForm
from safeguard.frontdoor.models import ReasonForClosure


def caseworkers() -> QuerySet[User]:
    """Active users whose role records the pathway: the people a case or assessment can go to."""
    roles = [role.pk for role in Role.objects.all() if cap.RECORD in role.capabilities]
    return User.objects.filter(is_active=True, role__in=roles).prefetch_related("teams")


class WorkerField(forms.ModelChoiceField):
    """A worker shown with their teams, so the person allocating can tell two namesakes apart."""

    def label_from_instance(self, obj: User) -> str:
        teams = ", ".join(team.name for team in obj.teams.all())
        return f"{obj.full_name} ({teams})" if teams else obj.full_name


def _date(label: str, error_name: str, **kwargs: Any) -> GovukDateField:
    return GovukDateField(
        label=label,
        error_name=error_name,
        must_be_today_or_past=True,
        help_text="For example, 27 3 2025",
        **kwargs,
    )


def _text(label: str, required_message: str = "", rows: int = 4, **kwargs: Any) -> forms.CharField:
    if required_message:
        kwargs["error_messages"] = {"required": required_message}
    else:
        kwargs["required"] = False
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def _set_hint(form: forms.Form, name: str, hint: str) -> None:
    # The base form has already made the bound field, which keeps its own copy of the hint.
    form.fields[name].help_text = form[name].help_text = hint


def _version() -> forms.IntegerField:
    # Only a page that lost its hidden field gets here; the version itself is checked on saving.
    reload = "Reload the page, then make your changes again"
    return forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": reload, "invalid": reload}
    )


class AllocateForm(GovukForm):
    worker = WorkerField(
        label="Social worker",
        queryset=User.objects.none(),
        empty_label="Choose a worker",
        error_messages={"required": "Select the worker to allocate the child to"},
    )
    team = forms.ModelChoiceField(
        label="Team",
        queryset=Team.objects.none(),
        empty_label="Choose a team",
        error_messages={"required": "Select the team that will hold the case"},
    )
    started_on = _date("Date of allocation", "the date of the allocation")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        workers = caseworkers().filter(teams__isnull=False).distinct()
        self.fields["worker"].queryset = workers
        self.fields["team"].queryset = (
            Team.objects.filter(members__in=workers).distinct().select_related("agency")
        )


class StartAssessmentForm(GovukForm):
    started_on = _date("Start date", "the start date of the assessment")
    worker = WorkerField(
        label="Assessing social worker",
        queryset=User.objects.none(),
        empty_label="Choose a worker",
        error_messages={"required": "Select the social worker doing the assessment"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = caseworkers()


class CompleteAssessmentForm(GovukForm):
    version = _version()
    factors = forms.MultipleChoiceField(
        label="Factors identified at the end of the assessment",
        choices=AssessmentFactor.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply, or ‘No factors identified’",
        error_messages={"required": "Select the factors identified, or ‘No factors identified’"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=AssessmentOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the assessment"},
    )
    completed_on = _date(
        "Date the assessment was completed", "the date the assessment was completed"
    )
    late_reason = _text("Why the assessment was late", rows=3)

    def __init__(self, *args: Any, due_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_hint(
            self, "late_reason", f"Needed if the assessment is completed after {due_on:%-d %B %Y}"
        )


class AuthoriseAssessmentForm(GovukForm):
    version = _version()
    authorised_on = _date("Date of authorisation", "the date of authorisation")


class StrategyDiscussionForm(GovukForm):
    held_on = _date("Date of the strategy discussion", "the date of the strategy discussion")
    attendees = forms.MultipleChoiceField(
        label="Who took part",
        choices=Attendee.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select every agency that took part: the local authority, police and health at "
        "least, and education and the referrer where relevant",
        error_messages={"required": "Select who took part in the strategy discussion"},
    )
    what_was_known = _text("What was known", "Enter what was known", rows=6)
    decision = forms.ChoiceField(
        label="Decision",
        choices=StrategyDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision of the strategy discussion"},
    )
    rationale = _text("Rationale", "Enter the rationale for the decision")


class StartEnquiryForm(GovukForm):
    started_on = _date("Start date", "the start date of the enquiry")


class EnquiryOutcomeForm(GovukForm):
    version = _version()
    outcome = forms.ChoiceField(
        label="Outcome of the enquiry",
        choices=EnquiryOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the enquiry"},
    )
    completed_on = _date("Date the enquiry ended", "the date the enquiry ended")


class InitialConferenceForm(GovukForm):
    held_on = _date("Date the conference was held", "the date the conference was held")
    attendees = forms.MultipleChoiceField(
        label="Who attended",
        choices=Attendee.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select every agency that attended. Without the local authority, police and "
        "health the conference is recorded as not quorate",
        error_messages={"required": "Select who attended the conference"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=ConferenceOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child will have a protection plan"},
    )
    category = forms.ChoiceField(
        label="Category of abuse",
        choices=CategoryOfAbuse.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Only if the child will have a child protection plan",
    )
    objectives = _text(
        "The plan's objectives", help_text="Only if the child will have a child protection plan"
    )
    dissent = _text("Dissent", rows=3, help_text="Anyone who disagreed with the decision, and why")
    late_reason = _text("Why the conference was late", rows=3)

    def __init__(self, *args: Any, due_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_hint(self, "late_reason", f"Needed if the conference is held after {due_on:%-d %B %Y}")


class CloseReferralForm(GovukForm):
    closed_on = _date("Date of closure", "the date of closure")
    reason = forms.ChoiceField(
        label="Reason for closure",
        choices=ReasonForClosure.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason for closure"},
    )
