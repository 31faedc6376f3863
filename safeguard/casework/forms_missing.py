"""Forms for missing episodes: the child going missing, their return, and the return interview."""

from safeguard.casework.codes_903 import MissingKind
from safeguard.casework.codes_around import InterviewOutcome
from safeguard.casework.forms_around import (
    date_field,
    line,
    moment,
    radios,
    text,
    time_field,
    yes_no,
)
from safeguard.casework.forms_plans import VersionedForm
from safeguard.core.forms import GovukForm


class MissingForm(GovukForm):
    kind = radios(
        "Was the child missing, or away from placement without authorisation?",
        MissingKind.choices,
        "Select whether the child was missing or away",
        hint="‘Away’ is for a child looked after whose whereabouts are known",
    )
    started_on = date_field("Date the child went missing", "the date the child went missing")
    started_time = time_field("Time the child went missing", "the child went missing")
    reported_by = line(
        "Who reported it?", required=True, message="Enter who reported the child missing"
    )
    police_reference = line("Police reference", width="20")
    circumstances = text("Circumstances", hint="What was known when the child went missing")

    def clean(self) -> dict[str, object]:
        data = super().clean()
        data["started_at"] = moment(data.get("started_on"), data.get("started_time"))
        return data


class ReturnForm(VersionedForm):
    returned_on = date_field("Date the child came back", "the date the child came back")
    returned_time = time_field("Time the child came back", "the child came back")
    where_found = text(
        "Where was the child found, or where did they come back to?",
        required=True,
        rows=3,
        message="Enter where the child was found or came back to",
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        data["returned_at"] = moment(data.get("returned_on"), data.get("returned_time"))
        return data


class InterviewForm(GovukForm):
    outcome = radios(
        "Was the return home interview held?",
        InterviewOutcome.choices,
        "Select whether the interview was held",
    )
    offered_on = date_field(
        "Date the interview was offered", "the date it was offered", required=False
    )
    held_on = date_field("Date of the interview", "the date of the interview", required=False)
    held_time = time_field("Time of the interview", "of the interview", required=False)
    interviewer = line("Who held the interview?")
    interviewer_agency = line("Their organisation")
    independent = yes_no(
        "Was the interviewer independent of the child's home or placement?",
        "Select yes if the interviewer was independent",
        required=False,
    )
    late_reason = text(
        "Why was it more than 72 hours after the child came back?",
        rows=3,
        hint="Only if the interview was late",
    )
    reason = text(
        "Why was the interview declined or not held?",
        rows=3,
        hint="Only if the interview was not held",
    )
    what_was_learned = text(
        "What the child said", hint="Why they went, where, with whom, and what would help"
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("outcome") == InterviewOutcome.HELD:
            if not data.get("held_on") and "held_on" not in self.errors:
                self.add_error("held_on", "Enter the date of the interview")
            if not data.get("held_time") and "held_time" not in self.errors:
                self.add_error("held_time", "Enter the time of the interview")
            if data.get("independent") is None and "independent" not in self.errors:
                self.add_error("independent", "Select yes if the interviewer was independent")
        data["held_at"] = moment(data.get("held_on"), data.get("held_time"))
        return data
