"""Forms for the register of children educated at home."""

from django import forms

from safeguard.access.models import User
from safeguard.casework.codes_around import ContactKind, HomeEducationEnd, HomeEducationReason
from safeguard.casework.forms_around import date_field, line, radios, text, yes_no
from safeguard.casework.forms_plans import VersionedForm
from safeguard.core.forms import GovukForm


class AddToRegisterForm(GovukForm):
    started_on = date_field("Date home education began", "the date home education began")
    reason = radios(
        "Reason the parents gave", HomeEducationReason.choices, "Select the reason the parents gave"
    )
    reason_details = text("More about the reason", rows=3)
    previous_school = line("Last school attended")

    def __init__(self, *args: object, leads: list[User], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["education_lead"] = forms.ModelChoiceField(
            label="Education lead",
            queryset=User.objects.filter(pk__in=[u.pk for u in leads]),
            empty_label="Choose one",
            help_text="The authority's officer who holds this child's entry",
            error_messages={"required": "Select the education lead"},
        )


class HomeEducationContactForm(GovukForm):
    contacted_on = date_field("Date of the contact", "the date of the contact")
    kind = radios("Kind of contact", ContactKind.choices, "Select the kind of contact")
    child_seen = yes_no("Was the child seen?", "Select yes if the child was seen")
    notes = text("Notes")
    concerns = text("Concerns", rows=3, hint="About the education or welfare of the child, if any")


class EndRegistrationForm(VersionedForm):
    ended_on = date_field("Date the child left the register", "the date the child left")
    reason = radios("Why?", HomeEducationEnd.choices, "Select why the child left the register")
