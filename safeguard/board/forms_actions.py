"""Forms for the action log."""

from typing import Any

from safeguard.board.codes import ActionStatus
from safeguard.board.forms_fields import any_date, choice, past_date, radios, textarea, version
from safeguard.board.models import AgendaItem, Meeting, Member
from safeguard.core.forms import GovukForm


class ActionForm(GovukForm):
    description = textarea("What will be done", "Enter what will be done", rows=4)
    owner = choice(
        "Owner", Member.objects.none(), "Select the member who owns the action", "Choose a member"
    )
    due_on = any_date("Due date", "the due date of the action")
    item = choice("Agenda item", AgendaItem.objects.none(), empty_label="Not about one item")

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Member.objects.filter(
            memberships__group=meeting.group
        ).distinct()
        self.fields["item"].queryset = meeting.items.all()


class ActionUpdateForm(GovukForm):
    version = version()
    status = radios("Status", ActionStatus, "Select the status of the action")
    completed_on = past_date("Date completed", "the date the action was completed", required=False)
    dropped_on = past_date("Date dropped", "the date the action was dropped", required=False)
    update = textarea(
        "Latest update",
        rows=4,
        help_text="What has happened; when dropping an action, why the board agreed to drop it",
    )
