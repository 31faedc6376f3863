"""Forms for incidents, rapid reviews and reviews. Field names are the ones the services name in
their refusals, so a refusal shows against the answer it is about."""

from datetime import date
from typing import Any

from django import forms

from safeguard.access.models import Agency
from safeguard.core.forms import GovukForm
from safeguard.reviews.codes import RapidReviewDecision
from safeguard.reviews.forms_fields import (
    agencies,
    agency,
    any_date,
    line,
    past_date,
    set_hint,
    textarea,
    version,
)


class IncidentForm(GovukForm):
    name = line(
        "Name of the incident",
        "Enter the name the partnership will use for the incident",
        max_length=100,
        help_text="How the partnership will refer to it, for example ‘Child Q’ or ‘Family K’. "
        "Never a child's real name",
    )
    aware_on = past_date(
        "Date the council became aware", "the date the council became aware of the incident"
    )
    what_happened = textarea(
        "What happened",
        "Enter what happened",
        rows=6,
        help_text="Do not include children's names: someone who may open their records will "
        "link them to the incident",
    )
    agencies = agencies("Agencies involved", "Select the agencies involved with the family")


class NotificationForm(GovukForm):
    version = version()
    notified_on = past_date("Date the national Panel was notified", "the date of the notification")
    late_reason = textarea("Why the notification was late", rows=3)

    def __init__(self, *args: Any, due_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_hint(self, "late_reason", f"Needed if the Panel was notified after {due_on:%-d %B %Y}")


class LinkChildForm(GovukForm):
    la_child_id = line(
        "LA child ID",
        "Enter the LA child ID of the child's record",
        max_length=20,
        help_text="The council's identifier on the child's record, for example C0001234",
    )


class RapidReviewForm(GovukForm):
    held_on = past_date("Date of the rapid review", "the date of the rapid review")
    agencies = agencies("Who took part", "Select the agencies that took part")
    decision = forms.ChoiceField(
        label="Decision",
        choices=RapidReviewDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision of the rapid review"},
    )
    rationale = textarea(
        "Rationale, as sent to the national Panel", "Enter the rationale for the decision", rows=6
    )
    sent_to_panel_on = past_date(
        "Date sent to the national Panel", "the date it was sent to the Panel", required=False
    )
    late_reason = textarea("Why the rapid review was late", rows=3)

    def __init__(self, *args: Any, due_on: date | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if due_on:
            set_hint(self, "late_reason", f"Needed if it was held after {due_on:%-d %B %Y}")


class CommissionForm(GovukForm):
    decided_on = past_date(
        "Date of the decision to hold the review", "the date of the decision to hold the review"
    )
    terms_of_reference = textarea("Terms of reference", rows=6)
    reviewers = textarea("Reviewer or reviewers", rows=2, help_text="Names and organisations")


class ReviewUpdateForm(GovukForm):
    version = version()
    terms_of_reference = textarea("Terms of reference", rows=6)
    reviewers = textarea("Reviewer or reviewers", rows=2, help_text="Names and organisations")
    report_completed_on = past_date(
        "Date the final report was completed", "the date the report was completed", required=False
    )
    report_late_reason = textarea("Why the report was late", rows=3)
    publication_planned_on = any_date(
        "Planned publication date", "the planned publication date", required=False
    )
    sent_on = past_date(
        "Date sent to the national Panel and the DfE",
        "the date the report was sent to the Panel and the DfE",
        required=False,
    )
    sent_late_reason = textarea("Why it was sent late", rows=3)
    published_on = past_date("Date published", "the date of publication", required=False)
    publication_url = forms.URLField(
        label="Link to the published report",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the link in the right format, like https://example.org"},
    )
    not_published_reason = textarea(
        "Why the report is not published", rows=3, help_text="Only if the board decided not to"
    )

    def __init__(self, *args: Any, report_due_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_hint(
            self,
            "report_late_reason",
            f"Needed if the report was completed after {report_due_on:%-d %B %Y}",
        )
        set_hint(
            self,
            "sent_late_reason",
            "Needed if it was sent later than 7 working days before the planned publication",
        )


class PanelMeetingForm(GovukForm):
    held_on = any_date("Date of the panel meeting", "the date of the panel meeting")
    notes = textarea("Notes", rows=5)


class AgencyEntryForm(GovukForm):
    agency = agency("Agency", "Select the agency the entry comes from")
    occurred_on = past_date("When did it happen?", "the date it happened")
    child = forms.ModelChoiceField(
        label="Child",
        queryset=None,
        required=False,
        empty_label="The family as a whole",
        error_messages={
            "invalid_choice": "Select a child whose record is linked to the review and open to "
            "you, or the family as a whole"
        },
    )
    what_happened = line("What happened", "Enter what happened", max_length=300)
    detail = textarea("Details", rows=4)

    def __init__(self, *args: Any, children: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children
        self.fields["agency"].queryset = Agency.objects.all()
