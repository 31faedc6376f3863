"""Forms for the annual report and the cabinet item. Field names are the ones the services name
in their refusals, so a refusal shows against the answer it is about."""

from typing import Any

from django import forms

from safeguard.board.models import Member
from safeguard.core.forms import GovukForm
from safeguard.measures.models import MeasureRun
from safeguard.reports.models import ReportBuild
from safeguard.reviews.forms_fields import any_date, line, past_date, textarea, version

TEXT_HINT = (
    "Leave a blank line between paragraphs. Start a line with a dash and a space (- ) to make "
    "a bulleted list. Do not name children or families."
)


class OpenReportForm(GovukForm):
    year = line(
        "Reporting year",
        "Enter a reporting year like 2016-17",
        max_length=7,
        help_text="The year from 1 April to 31 March, for example 2016-17",
    )


class SectionForm(GovukForm):
    version = version()
    heading = line("Heading", "Enter the heading of the section", max_length=200)
    text = textarea("Text", rows=18, help_text=TEXT_HINT)


class EditionForm(GovukForm):
    version = version()


class SignOffForm(GovukForm):
    member = forms.ModelChoiceField(
        label="Lead safeguarding partner",
        queryset=Member.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the lead safeguarding partner who signed the report off",
            "invalid_choice": "Select the lead safeguarding partner who signed the report off",
        },
    )
    signed_on = past_date("Date of the sign-off", "the date of the sign-off")

    def __init__(self, *args: Any, partners: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        field.queryset = Member.objects.filter(pk__in=[p.member.pk for p in partners])
        names = {p.member.pk: f"{p.member.name}, for {p.partner_name}" for p in partners}
        field.label_from_instance = lambda member: names.get(member.pk, member.name)


class BuildForm(GovukForm):
    run = forms.ModelChoiceField(
        label="Measure run",
        queryset=MeasureRun.objects.none(),
        empty_label=None,
        help_text="The stored measure results the report's figures come from; the latest first",
        error_messages={
            "required": "Select the measure run to build the report from",
            "invalid_choice": "Select the measure run to build the report from",
        },
    )

    def __init__(self, *args: Any, runs: list[MeasureRun], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["run"]
        field.queryset = MeasureRun.objects.filter(pk__in=[r.pk for r in runs])
        field.label_from_instance = lambda run: (
            f"Run {run.pk}: {run.label}, made {run.created_at:%-d %B %Y %H:%M}"
        )


class CabinetItemForm(GovukForm):
    meeting = line("Meeting", "Enter the meeting that received the report", max_length=200)
    meeting_on = any_date("Date of the meeting", "the date of the meeting")
    title = line("Title of the item", "Enter the title of the item", max_length=300)
    purpose = textarea(
        "Purpose",
        "Enter the purpose of the item",
        rows=3,
        help_text="For example, ‘To receive a presentation from the chair of the safeguarding "
        "children board on the annual report 2016/17’",
    )
    presented_by = line("Presented by", "Enter who presented the report", max_length=200)
    resolution = textarea(
        "Resolution", rows=3, help_text="For example, ‘The annual report was noted.’"
    )
    supporting_build = forms.ModelChoiceField(
        label="The report attached",
        queryset=ReportBuild.objects.none(),
        required=False,
        empty_label="None yet",
        help_text="The built report cabinet received, attached as a supporting document",
        error_messages={"invalid_choice": "Select a built report from the list"},
    )

    def __init__(self, *args: Any, builds: list[ReportBuild], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["supporting_build"]
        field.queryset = ReportBuild.objects.filter(pk__in=[b.pk for b in builds])
        field.label_from_instance = lambda build: (
            f"Edition {build.edition}, built {build.built_at:%-d %B %Y %H:%M}"
            + (" (signed off)" if build.signed_off else " (not signed off)")
        )


class QuestionForm(GovukForm):
    asked_by = line(
        "Asked by",
        "Enter who asked the question",
        max_length=200,
        help_text="For example, ‘Councillor Harlow’",
    )
    question = textarea("Question", "Enter the question", rows=4)
    answered_by = line("Answered by", "Enter who answered", max_length=200)
    response = textarea("Response", "Enter the response", rows=5)


class CabinetItemEditForm(CabinetItemForm):
    version = version()


class QuestionEditForm(QuestionForm):
    version = version()


class RemoveQuestionForm(GovukForm):
    version = version()
