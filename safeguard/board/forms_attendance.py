"""The attendance form: one question for each member expected at the meeting."""

from typing import Any

from django import forms

from safeguard.board.codes import AttendanceStatus
from safeguard.board.services_meetings import Answer, Seat
from safeguard.core.forms import GovukForm

NOT_RECORDED = ""


class AttendanceForm(GovukForm):
    def __init__(self, *args: Any, seats: list[Seat], **kwargs: Any) -> None:
        self.seats = seats
        super().__init__(*args, **kwargs)
        for seat in seats:
            member = seat.member
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=f"{member}, {seat.role_label}, {member.agency_label}",
                choices=[*AttendanceStatus.choices, (NOT_RECORDED, "Not recorded yet")],
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": f"Select how {member} attended"},
            )
            self.fields[f"deputy_{member.pk}"] = forms.CharField(
                label=f"Name of {member}'s deputy",
                required=False,
                max_length=200,
                help_text="Only if a deputy came in their place",
            )
        self._bound_fields_cache = {}

    def answers(self) -> dict[int, Answer]:
        data = self.cleaned_data
        return {
            seat.member.pk: Answer(
                data.get(f"member_{seat.member.pk}") or NOT_RECORDED,
                data.get(f"deputy_{seat.member.pk}") or "",
            )
            for seat in self.seats
        }

    def pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"member_{s.member.pk}"], self[f"deputy_{s.member.pk}"]) for s in self.seats]
