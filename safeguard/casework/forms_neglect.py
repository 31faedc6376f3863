"""Forms for neglect assessments (the Graded Care Profile 2's scores only) and the reasoning that
ties a neglect plan to them."""

from django import forms

from safeguard.casework.codes_around import NeglectGrade
from safeguard.casework.forms_around import date_field, line, radios, text
from safeguard.casework.models import NeglectAssessment
from safeguard.casework.models.neglect import AREAS
from safeguard.core.forms import GovukForm

GRADES = [(str(value), label) for value, label in NeglectGrade.choices]


class NeglectAssessmentForm(GovukForm):
    carer_name = line("Carer assessed", required=True, message="Enter the name of the carer")
    assessed_on = date_field("Date of the assessment", "the date of the assessment")
    physical_care = radios(AREAS["physical_care"], GRADES, "Select the grade for physical care")
    safety = radios(AREAS["safety"], GRADES, "Select the grade for safety")
    love = radios(AREAS["love"], GRADES, "Select the grade for love and emotional care")
    esteem = radios(AREAS["esteem"], GRADES, "Select the grade for esteem and developmental care")
    comments = text("Comments", rows=5)

    def grades(self) -> dict[str, int]:
        return {field: int(self.cleaned_data[field]) for field in AREAS}


class AssessmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, assessment: NeglectAssessment) -> str:
        grades = ", ".join(f"{label.lower()} {grade}" for label, grade in assessment.grades)
        return f"{assessment.assessed_on:%-d %B %Y}, {assessment.carer_name}: {grades}"


class NeglectReasoningForm(GovukForm):
    reasoning = text(
        "How do the assessed concerns lead to the neglect category?",
        required=True,
        rows=6,
        message="Enter how the assessed concerns lead to the neglect category",
        hint="Name the areas of care the assessment found wanting and what they mean for the child",
    )

    def __init__(self, *args: object, child_id: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment"] = AssessmentChoiceField(
            label="The neglect assessment it draws on",
            queryset=NeglectAssessment.objects.filter(child_id=child_id),
            widget=forms.RadioSelect,
            empty_label=None,
            error_messages={"required": "Select the neglect assessment"},
        )
        self.order_fields(["assessment", "reasoning"])
