"""Forms for briefings, learning events and links to training courses."""

from django import forms

from safeguard.core.forms import GovukForm
from safeguard.reviews.forms_fields import any_date, line, past_date, textarea
from safeguard.reviews.models import CaseReview, Theme


def _review() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Review the learning comes from",
        queryset=CaseReview.objects.select_related("incident"),
        required=False,
        empty_label="Not from one review",
    )


class BriefingForm(GovukForm):
    title = line("Title", "Enter the title of the briefing", max_length=200)
    published_on = past_date("Date published", "the date the briefing was published")
    review = _review()
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    text = textarea(
        "Briefing",
        "Enter the text of the briefing",
        rows=14,
        help_text="A 7-minute briefing usually covers: background, why it matters, information, "
        "the research, what to think about, questions for reflection, and what to do",
    )


class EventForm(GovukForm):
    title = line("Title", "Enter the title of the event", max_length=200)
    held_on = any_date("Date of the event", "the date of the event")
    venue = forms.CharField(label="Where", max_length=200, required=False)
    review = _review()
    description = textarea("Description", rows=4)
    attended = forms.IntegerField(
        label="How many attended",
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "invalid": "Enter how many attended as a whole number, like 40",
            "min_value": "Enter how many attended as a whole number, like 40",
        },
    )


class CourseLinkForm(GovukForm):
    course_title = line("Course title", "Enter the title of the course", max_length=200)
    url = forms.URLField(
        label="Link to the course",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the link in the right format, like https://example.org"},
    )
    review = _review()
