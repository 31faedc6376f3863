from django import forms
from django.db.models import QuerySet

from safeguard.access.models import Agency
from safeguard.core.forms import GovukDateField, GovukForm, GovukModelForm
from safeguard.core.identifiers import (
    normalise_nhs_number,
    normalise_postcode,
    validate_nhs_number,
    validate_postcode,
)
from safeguard.frontdoor.codes import (
    Channel,
    Concern,
    EarlyHelpOffered,
    LawfulBasis,
    Outcome,
    PrimaryNeed,
    Rag,
)
from safeguard.frontdoor.models import Contact, SharingDecision, ThresholdLevel

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, required_message: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        help_text=help_text,
        error_messages={"required": required_message},
    )


class ConcernForm(GovukModelForm):
    """What every contact records, whoever types it: the child, the concern, the lawful basis."""

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    child_first_name = forms.CharField(
        label="Child's first name", error_messages={"required": "Enter the child's first name"}
    )
    child_last_name = forms.CharField(
        label="Child's last name", error_messages={"required": "Enter the child's last name"}
    )
    child_date_of_birth = GovukDateField(
        label="Child's date of birth",
        required=False,
        must_be_today_or_past=True,
        help_text="Leave blank if you do not know it. For example, 27 3 2012",
    )
    child_nhs_number = forms.CharField(
        label="Child's NHS number (if known)",
        required=False,
        validators=[validate_nhs_number],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
    )
    child_address = forms.CharField(label="Child's address", required=False)
    child_postcode = forms.CharField(
        label="Postcode",
        required=False,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    lives_with = forms.CharField(
        label="Who does the child live with?",
        help_text=(
            "Names, relationship to the child and ages of the adults and children in the household"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter who the child lives with, or say if you do not know"},
    )
    concerns = forms.MultipleChoiceField(
        label="What are you worried about?",
        choices=Concern.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
        error_messages={"required": "Select what you are worried about"},
    )
    what_happened = forms.CharField(
        label="What has happened?",
        help_text="What you saw or were told, by whom, and what the child said in their own words",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter what has happened"},
    )
    when_happened = GovukDateField(
        label="When did it happen?",
        required=False,
        must_be_today_or_past=True,
        help_text="The date of the incident or disclosure, if there was one",
    )
    immediate_danger = _yes_no(
        "Is the child in immediate danger?",
        "Select yes if the child is in immediate danger",
        "If yes, call 999 now, or the out-of-hours team, as well as sending this",
    )
    early_help_offered = forms.ChoiceField(
        label="Has early help been offered to the family?",
        choices=EarlyHelpOffered.choices,
        widget=forms.RadioSelect,
        help_text="The threshold document asks whether early help has been tried first",
        error_messages={"required": "Select whether early help has been offered"},
    )
    early_help_details = forms.CharField(
        label="What early help, or why not",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    family_aware = _yes_no(
        "Does the family know about this referral?", "Select yes if the family knows"
    )
    lawful_basis = forms.ChoiceField(
        label="On what basis are you sharing this information?",
        choices=LawfulBasis.choices,
        widget=forms.RadioSelect,
        help_text="You do not need consent to share information to keep a child safe",
        error_messages={"required": "Select the basis for sharing this information"},
    )
    lawful_basis_details = forms.CharField(
        label="Explain the basis for sharing",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Contact
        fields = [
            "idempotency_key",
            "child_first_name",
            "child_last_name",
            "child_date_of_birth",
            "child_nhs_number",
            "child_address",
            "child_postcode",
            "lives_with",
            "concerns",
            "what_happened",
            "when_happened",
            "immediate_danger",
            "early_help_offered",
            "early_help_details",
            "family_aware",
            "lawful_basis",
            "lawful_basis_details",
        ]

    def validate_unique(self) -> None:
        # A key seen before is a double submit: the view answers it with the first contact.
        self.instance.validate_unique(
            exclude=self._get_validation_exclusions() | {"idempotency_key"}
        )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("early_help_offered") == EarlyHelpOffered.NOT_APPROPRIATE and not data.get(
            "early_help_details"
        ):
            self.add_error(
                "early_help_details", "Enter why early help would not be safe or appropriate"
            )
        if data.get("lawful_basis") == LawfulBasis.OTHER and not data.get("lawful_basis_details"):
            self.add_error("lawful_basis_details", "Enter the basis for sharing this information")
        if data.get("child_nhs_number"):
            data["child_nhs_number"] = normalise_nhs_number(data["child_nhs_number"])
        if data.get("child_postcode"):
            data["child_postcode"] = normalise_postcode(data["child_postcode"])
        return data


class PartnerReferralForm(ConcernForm):
    """A professional's own referral: their name and agency come from their account."""

    referrer_role = forms.CharField(
        label="Your role", error_messages={"required": "Enter your role, like health visitor"}
    )
    referrer_phone = forms.CharField(
        label="Your phone number",
        help_text="So the MASH can call you back",
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-20", "autocomplete": "tel", "type": "tel"}
        ),
        error_messages={"required": "Enter a phone number the MASH can call you on"},
    )

    class Meta(ConcernForm.Meta):
        fields = [*ConcernForm.Meta.fields, "referrer_role", "referrer_phone"]


class MashContactForm(ConcernForm):
    """A contact that arrived by phone or email, typed by MASH staff."""

    channel = forms.ChoiceField(
        label="How did the contact arrive?",
        choices=[(Channel.PHONE, Channel.PHONE.label), (Channel.EMAIL, Channel.EMAIL.label)],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the contact arrived"},
    )
    referrer_name = forms.CharField(
        label="Referrer's name",
        error_messages={"required": "Enter the referrer's name, or ‘Anonymous’"},
    )
    referrer_role = forms.CharField(
        label="Referrer's role or relationship to the child", required=False
    )
    referrer_agency = forms.ModelChoiceField(
        label="Referrer's agency",
        queryset=Agency.objects.all(),
        required=False,
        empty_label="Not from an agency (member of the public or family)",
    )
    referrer_phone = forms.CharField(label="Referrer's phone number", required=False)
    referrer_email = forms.EmailField(
        label="Referrer's email address",
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org"
        },
    )

    class Meta(ConcernForm.Meta):
        fields = [
            "channel",
            "referrer_name",
            "referrer_role",
            "referrer_agency",
            "referrer_phone",
            "referrer_email",
            *ConcernForm.Meta.fields,
        ]


class RagForm(GovukForm):
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a RAG rating"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for the rating"},
    )


class InformationRequestForm(GovukForm):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.all(),
        error_messages={"required": "Select the agency to ask"},
    )
    question = forms.CharField(
        label="What do you need to know?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what you need to know"},
    )


class AnswerForm(GovukForm):
    decision = forms.ChoiceField(
        label="What is your answer?",
        choices=SharingDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you are sharing information"},
    )
    answer = forms.CharField(
        label="What your agency knows", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    reason = forms.CharField(
        label="Why you are sharing this, or why you are not",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why you are sharing this information, or why not"},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("decision") == SharingDecision.SHARED and not data.get("answer"):
            self.add_error("answer", "Enter what your agency knows")
        return data


class DecisionForm(GovukForm):
    level = forms.ModelChoiceField(
        label="Level of need",
        queryset=ThresholdLevel.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the level of need"},
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    primary_need = forms.ChoiceField(
        label="Primary need",
        required=False,
        choices=[("", "Choose the primary need"), *PrimaryNeed.choices],
        help_text="Needed when the contact becomes a referral to social care",
    )
    reasoning = forms.CharField(
        label="Reasoning",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why this level and outcome, with reference to the threshold document",
        error_messages={"required": "Enter the reasoning for the decision"},
    )
    feedback = forms.CharField(
        label="What to tell the referrer",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "A short reason the referrer sees with the outcome. "
            "Do not include other people's information."
        ),
        error_messages={"required": "Enter what to tell the referrer"},
    )

    def __init__(self, *args: object, levels: QuerySet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("outcome") in Outcome.to_social_care() and not data.get("primary_need"):
            self.add_error("primary_need", "Select the primary need for the referral")
        return data


class AdviceForm(GovukForm):
    advice = forms.CharField(
        label="Advice to the referring agency",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: early help should have been offered first",
        error_messages={"required": "Enter the advice to the agency"},
    )


class ThresholdLevelForm(GovukForm):
    name = forms.CharField(label="Name", error_messages={"required": "Enter the level's name"})
    descriptors = forms.CharField(
        label="Descriptors",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the level's descriptors"},
    )


class ThresholdDocumentForm(GovukForm):
    title = forms.CharField(label="Title", error_messages={"required": "Enter the title"})
    in_force_from = GovukDateField(
        label="In force from",
        error_messages={"required": "Enter the date the version comes into force"},
    )
    summary = forms.CharField(
        label="What changed in this version",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
