"""Forms for early help: starting an episode, its assessment and plan, reviews, the lead, the end,
and a step up to children's social care."""

from django import forms

from safeguard.access.models import Agency, User
from safeguard.casework.codes_around import EarlyHelpOutcome, EarlyHelpRoute
from safeguard.casework.forms_around import date_field, radios, text, yes_no
from safeguard.casework.forms_plans import VersionedForm
from safeguard.core.forms import GovukForm
from safeguard.frontdoor.codes import Concern, LawfulBasis
from safeguard.frontdoor.models import Referral


class LeadChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        return f"{user.full_name} ({user.agency})"


def _lead(leads: list[User]) -> LeadChoiceField:
    return LeadChoiceField(
        label="Lead practitioner",
        queryset=User.objects.filter(pk__in=[u.pk for u in leads]).select_related("agency"),
        empty_label="Choose one",
        help_text="From any agency; they will see the child's record while the episode is open",
        error_messages={"required": "Select the lead practitioner"},
    )


class ReferralChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, referral: Referral) -> str:
        closed = f", closed {referral.closed_on:%-d %B %Y}" if referral.closed_on else ", open"
        return f"Referral of {referral.referral_date:%-d %B %Y}{closed}"


class StartEarlyHelpForm(GovukForm):
    started_on = date_field("Start date", "the start date")
    route = radios("How did early help begin?", EarlyHelpRoute.choices, "Select how it began")
    stepped_down_from = ReferralChoiceField(
        label="Referral to children's social care it steps down from",
        required=False,
        queryset=Referral.objects.none(),
        empty_label="Choose one",
        help_text="Only for a step-down",
    )
    needs = text(
        "What does the family need help with?",
        required=True,
        message="Enter what the family needs help with",
    )

    def __init__(self, *args: object, leads: list[User], child_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_practitioner"] = _lead(leads)
        self.fields["stepped_down_from"].queryset = Referral.objects.filter(child_id=child_id)
        self.order_fields(["started_on", "lead_practitioner", "route"])


class AssessmentAndPlanForm(VersionedForm):
    assessment_started_on = date_field(
        "Date the early help assessment started", "the date it started", required=False
    )
    assessment_completed_on = date_field(
        "Date the assessment was completed", "the date it was completed", required=False
    )
    assessment_agency = forms.ModelChoiceField(
        label="Organisation completing the assessment",
        required=False,
        queryset=Agency.objects.all(),
        empty_label="Choose one",
    )
    plan_agreed_on = date_field(
        "Date the plan was agreed with the family", "the date it was agreed", required=False
    )
    plan = text("What the plan is to achieve, who does what, and by when", rows=6)


class LeadForm(VersionedForm):
    def __init__(self, *args: object, leads: list[User], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_practitioner"] = _lead(leads)
        self.fields["lead_practitioner"].label = "New lead practitioner"


class EarlyHelpReviewForm(GovukForm):
    held_on = date_field("Date of the review", "the date of the review")
    notes = text("What the review found")


class EndEarlyHelpForm(VersionedForm):
    ended_on = date_field("Date early help ended", "the date it ended")
    outcome = radios("Outcome", EarlyHelpOutcome.choices, "Select the outcome of early help")
    outcome_notes = text("Notes", rows=3)


class StepUpForm(GovukForm):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    concerns = forms.MultipleChoiceField(
        label="What are you worried about?",
        choices=Concern.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select what you are worried about"},
    )
    reason = text(
        "What has changed, and why is early help no longer enough?",
        required=True,
        rows=6,
        message="Enter what has changed and why you are stepping up",
    )
    immediate_danger = yes_no(
        "Is the child in immediate danger?",
        "Select yes if the child is in immediate danger",
        hint="If yes, call 999 now, as well as sending this",
    )
    family_aware = yes_no(
        "Does the family know you are asking children's social care to act?",
        "Select yes if the family knows",
    )
    lawful_basis = radios(
        "On what basis are you sharing this information?",
        LawfulBasis.choices,
        "Select the basis for sharing this information",
    )
    lawful_basis_details = text("Explain the basis for sharing", rows=2)
