from django import forms

from safeguard.casework.models import ChronologyEntry
from safeguard.core.forms import GovukDateField, GovukForm, GovukModelForm


class ChronologyFilterForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of entry", required=False)
    start = GovukDateField(label="From", required=False)
    end = GovukDateField(label="To", required=False)

    def __init__(self, *args: object, kinds: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Every kind"), *((k, k) for k in kinds)]

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The ‘to’ date must be the same as or after the ‘from’ date")
        return data


class ChronologyEntryForm(GovukModelForm):
    occurred_on = GovukDateField(
        label="When did it happen?",
        must_be_today_or_past=True,
        error_messages={"required": "Enter the date it happened"},
    )

    class Meta:
        model = ChronologyEntry
        fields = ["occurred_on", "title", "detail", "significant", "analysis"]
        labels = {
            "title": "What happened",
            "detail": "Details",
            "significant": "This is a significant event",
            "analysis": "Your analysis",
        }
        help_texts = {
            "analysis": "Why it matters for the child: needed for a significant event",
        }
        widgets = {
            "detail": forms.Textarea(attrs={"rows": 4}),
            "analysis": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {"title": {"required": "Enter what happened"}}

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("significant") and not (data.get("analysis") or "").strip():
            self.add_error("analysis", "Enter your analysis of why this event is significant")
        return data
