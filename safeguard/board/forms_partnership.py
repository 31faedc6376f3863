"""Forms for partners, groups, members and their seats."""

from typing import Any

from django import forms

from safeguard.access.models import Agency, User
from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.board.forms_fields import any_date, choice, line, optional_line, radios, textarea
from safeguard.board.models import BoardGroup, Partner
from safeguard.core.forms import GovukForm


class PartnerForm(GovukForm):
    agency = choice(
        "Agency",
        Agency.objects.none(),
        "Select the agency",
        empty_label="Choose an agency",
    )
    role = radios("Its part in the partnership", PartnerRole, "Select the agency's part")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.exclude(
            pk__in=Partner.objects.values("agency_id")
        )


class GroupForm(GovukForm):
    name = line("Name", "Enter the name of the group", max_length=200)
    kind = radios("Kind of group", GroupKind, "Select whether this is the board or a sub-group")
    remit = textarea("Remit", rows=4, help_text="What the group is for, in a sentence or two")


def _member_fields(form: forms.Form) -> None:
    form.fields["agency"].queryset = Agency.objects.order_by("name")
    form.fields["user"].queryset = User.objects.filter(is_active=True).order_by("full_name")


class MemberDetailsForm(GovukForm):
    name = line("Full name", "Enter the member's full name", max_length=200)
    job_title = optional_line("Job title", max_length=200)
    agency = choice(
        "Agency",
        Agency.objects.none(),
        empty_label="Independent: no agency",
        help_text="The agency the member represents. Leave as ‘Independent’ for an "
        "independent chair or scrutineer",
    )
    user = choice(
        "Their login",
        User.objects.none(),
        empty_label="No login",
        help_text="Link the member's login so they can read their own annual review",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _member_fields(self)


class SeatForm(GovukForm):
    group = choice(
        "Group", BoardGroup.objects.all(), "Select the group", empty_label="Choose a group"
    )
    role = radios("Role", MemberRole, "Select the member's role")
    term_start = any_date("Start of term", "the start of the term")
    term_end = any_date(
        "End of term",
        "the end of the term",
        required=False,
        help_text="Leave blank while the term has no end date. For example, 31 3 2018",
    )


class NewMemberForm(MemberDetailsForm, SeatForm):
    field_order = ["name", "job_title", "agency", "user", "group", "role", "term_start", "term_end"]
