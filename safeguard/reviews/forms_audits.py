"""Forms for audit tools, audits and each agency's answers on a case."""

from typing import Any

from django import forms

from safeguard.access.models import Agency
from safeguard.core.forms import GovukForm
from safeguard.reviews.codes import AuditGrade
from safeguard.reviews.forms_fields import agencies, agency, line, past_date, textarea
from safeguard.reviews.models import AuditQuestion, AuditTool, CaseFileAudit
from safeguard.reviews.services_audits import MAX_SAMPLE


class AuditToolForm(GovukForm):
    name = line("Name of the tool", "Enter the name of the audit tool", max_length=200)
    description = textarea("Description", rows=3)
    questions = textarea(
        "Questions",
        "Enter the audit's questions, one on each line",
        rows=8,
        help_text="One question on each line. Each is graded outstanding, good, requires "
        "improvement or inadequate",
    )


class AuditForm(GovukForm):
    title = line(
        "Title of the audit",
        "Enter the title of the audit",
        max_length=200,
        help_text="For example, ‘Neglect: spring 2025’",
    )
    tool = forms.ModelChoiceField(
        label="Audit tool",
        queryset=AuditTool.objects.all(),
        empty_label="Choose a tool",
        error_messages={"required": "Select the audit tool"},
    )
    agencies = agencies("Agencies taking part", "Select the agencies taking part")
    known_from = past_date("Children referred to social care from", "the start of the period")
    known_to = past_date("Up to", "the end of the period")
    sample_size = forms.IntegerField(
        label="How many children to sample",
        min_value=1,
        max_value=MAX_SAMPLE,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter how many children to sample",
            "invalid": "Enter the number of children as a whole number, like 6",
            "min_value": f"The sample must be between 1 and {MAX_SAMPLE} children",
            "max_value": f"The sample must be between 1 and {MAX_SAMPLE} children",
        },
    )


class AnswersForm(GovukForm):
    """One agency's grade (and comment) on each of the tool's questions, for one case."""

    agency = agency("Agency answering", "Select the agency whose answers these are")

    def __init__(
        self, *args: Any, audit: CaseFileAudit, questions: list[AuditQuestion], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=audit.agencies.all())
        for q in questions:
            self.fields[f"grade_{q.pk}"] = forms.ChoiceField(
                label=f"{q.number}. {q.text}",
                choices=AuditGrade.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Select a grade for question {q.number}"},
            )
            self.fields[f"comment_{q.pk}"] = forms.CharField(
                label=f"Comment on question {q.number}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # Fields added after the base form's set-up still need GOV.UK's bound-field cache reset.
        self._bound_fields_cache = {}
